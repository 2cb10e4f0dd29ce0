import type { HandlersFor } from '../area';
import type { backupContract } from './backup.contract';
import { backupDatabase, defaultBackupPath } from './backup.service';

export function backupHandlers(dbFile: string): HandlersFor<typeof backupContract> {
  return {
    'backup.create': (input, ctx) => backupDatabase(ctx.sqlite, input.out ?? defaultBackupPath(dbFile), (done, total) => ctx.progress(done, total)),
  };
}
