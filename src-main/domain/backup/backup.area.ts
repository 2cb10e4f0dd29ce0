import { defineArea } from '../area';
import { backupContract } from './backup.contract';
import { backupHandlers } from './backup.handlers';

export const backupArea = defineArea({
  name: 'backup',
  contract: backupContract,
  handlers: (env) => backupHandlers(env.file),
  permissions: { 'backup.run': ['owner'] },
});
