import { defineArea } from '../area';
import { authContract } from './auth.contract';
import { authHandlers } from './auth.handlers';
import { LoginThrottle } from './login-throttle';

/** Sign-in, first-run setup and the signed-in user's own password and language. */
export const authArea = defineArea({
  name: 'auth',
  contract: authContract,
  handlers: () => authHandlers({ loginThrottle: new LoginThrottle() }),
});
