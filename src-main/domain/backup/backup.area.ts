import { defineArea } from '../area';
import { backupContract } from './backup.contract';
import { backupHandlers } from './backup.handlers';

/** Backups into the owner's backup folder, restore from one, and the diagnostics bundle (备份与恢复). */
export const backupArea = defineArea({
  name: 'backup',
  contract: backupContract,
  handlers: backupHandlers,
  permissions: { 'backup.run': ['owner'] },
  dailyJobs: ['backup.runDaily'],
});
