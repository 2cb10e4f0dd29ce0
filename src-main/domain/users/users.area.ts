import { defineArea } from '../area';
import { usersContract } from './users.contract';
import { usersHandlers } from './users.handlers';

export const usersArea = defineArea({
  name: 'users',
  contract: usersContract,
  handlers: usersHandlers,
  permissions: { 'users.manage': ['owner'] },
});
