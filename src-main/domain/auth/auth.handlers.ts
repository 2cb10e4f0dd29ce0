import type { HandlersFor } from '../area';
import type { authContract } from './auth.contract';
import type { LoginThrottle } from './login-throttle';
import { authStatus, changePassword, logIn, setLocale, setUpCompany } from './auth.service';


export function authHandlers(deps: { loginThrottle: LoginThrottle }): HandlersFor<typeof authContract> {
  return {
    'auth.status': (_input, ctx) => authStatus(ctx),
    'auth.setup': (input, ctx) => setUpCompany(ctx, input),
    'auth.login': (input, ctx) => logIn(ctx, deps.loginThrottle, input),
    'auth.logout': async (_input, ctx) => {
      ctx.session.user = null;
      delete ctx.session.auth;
      return null;
    },
    'auth.changePassword': (input, ctx) => changePassword(ctx, input),
    'auth.setLocale': (input, ctx) => setLocale(ctx, input.locale),
  };
}
