import path from 'node:path';
import { AppError } from '../../api/errors';
import type { BackendEnv, HandlersFor } from '../area';
import type { backupContract } from './backup.contract';
import { exportDiagnostics } from './backup.diagnostics';
import { backupFolderOf, backupInFolder, MACHINE_SETTINGS } from './backup.folder';
import { businessDateIn } from '../core/dates';
import { companyTimeZone } from '../settings/settings.service';
import { backupStatus, createBackup, listBackups, runDailyBackup, updateBackupSettings } from './backup.service';

export function backupHandlers(env: BackendEnv): HandlersFor<typeof backupContract> {
  const maintenance = () => {
    if (!env.maintenance) throw new AppError('CONFLICT', 'This backend cannot restore or diagnose itself.');
    return env.maintenance;
  };
  return {
    'backup.status': (_input, ctx) => backupStatus(ctx, env.file),
    'backup.list': (input, ctx) => listBackups(ctx, env.file, input),
    'backup.create': (_input, ctx) => createBackup(ctx, env.file, 'manual'),
    'backup.updateSettings': (input, ctx) => updateBackupSettings(ctx, env.file, input),
    // Daily jobs are called without a date: they work for today in the company's zone.
    'backup.runDaily': async (input, ctx) => runDailyBackup(ctx, env.file, input.asOf ?? businessDateIn(await companyTimeZone(ctx.db))),
    'backup.restore': async (input, ctx) => {
      const file = backupInFolder((await backupFolderOf(ctx.db, env.file)).folder, input.name);
      // Everyone signed in to the data being replaced is signed out; the caller stays if the restored data still knows them as they are.
      const users = await ctx.db.selectFrom('users').select('id').execute();
      const report = await maintenance().restore(file, { user: ctx.user, transport: ctx.transport }, { keepSettings: MACHINE_SETTINGS });
      for (const { id } of users) ctx.revokeSessionsOf(id);
      return { restoredFrom: input.name, previous: report.previous ? path.basename(report.previous) : null };
    },
    'backup.diagnostics': (_input, ctx) => exportDiagnostics(ctx, env.file, maintenance()),
  };
}
