import type { Handler } from '../../api/dispatch';
import type { backupContract } from './backup.contract';
import { backupDatabase, defaultBackupPath } from './backup.service';

export function backupHandlers(dbFile: string): { [M in keyof typeof backupContract]: Handler<M> } {
  return {
    'backup.create': (input, ctx) => backupDatabase(ctx.sqlite, input.out ?? defaultBackupPath(dbFile), (done, total) => ctx.progress(done, total)),
  };
}
