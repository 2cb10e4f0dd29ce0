import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../api/errors';
import { fieldIssue } from '../../api/issues';
import type { Page } from '../../api/paging';
import { openFile, type Sqlite } from '../../db/connection';
import { appendAudit } from '../audit/audit.service';
import { changedFields, type HandlerContext } from '../context';
import { businessDateIn } from '../core/dates';
import { getCompany, readSetting, writeSetting } from '../settings/settings.repository';
import type { BackupFailure, BackupFile, BackupKind, BackupOutcome, BackupStatus } from './backup.contract';
import {
  AUTO_DAILY_SETTING,
  backupFileName,
  backupFolderOf,
  defaultBackupFolder,
  ensureFolder,
  FOLDER_SETTING,
  isFolder,
  isLiveDatabase,
  LAST_OUTCOME_SETTING,
  listBackupFiles,
} from './backup.folder';
import { backupsToRemove } from './backup.rotation';

export async function backupStatus(ctx: Pick<HandlerContext, 'db'>, dbFile: string): Promise<BackupStatus> {
  const { folder, custom } = await backupFolderOf(ctx.db, dbFile);
  return {
    folder,
    defaultFolder: defaultBackupFolder(dbFile),
    customFolder: custom,
    folderExists: folder !== null && isFolder(folder),
    autoDaily: await readSetting(ctx.db, AUTO_DAILY_SETTING, true),
    lastOutcome: await readSetting<BackupOutcome | null>(ctx.db, LAST_OUTCOME_SETTING, null),
    databaseFile: path.resolve(dbFile),
  };
}

export async function listBackups(ctx: Pick<HandlerContext, 'db'>, dbFile: string, paging: { page: number; pageSize: number }): Promise<Page<BackupFile>> {
  const all = listBackupFiles((await backupFolderOf(ctx.db, dbFile)).folder);
  return { rows: all.slice((paging.page - 1) * paging.pageSize, paging.page * paging.pageSize), total: all.length, totalIsExact: true };
}

export async function updateBackupSettings(ctx: HandlerContext, dbFile: string, patch: { folder?: string | null; autoDaily?: boolean }): Promise<BackupStatus> {
  const before = await backupStatus(ctx, dbFile);
  if (patch.folder) {
    if (!path.isAbsolute(patch.folder)) throw new AppError('VALIDATION', 'The backup folder must be a full path.', [fieldIssue('folder', 'not_absolute')]);
    if (!isFolder(patch.folder)) throw new AppError('VALIDATION', `There is no folder ${patch.folder}.`, [fieldIssue('folder', 'folder_missing')]);
  }
  if (patch.folder !== undefined) await writeSetting(ctx.db, FOLDER_SETTING, patch.folder ? path.resolve(patch.folder) : null);
  if (patch.autoDaily !== undefined) await writeSetting(ctx.db, AUTO_DAILY_SETTING, patch.autoDaily);
  const after = await backupStatus(ctx, dbFile);
  ctx.audit({
    entityType: 'settings',
    entityId: 'backup',
    fields: changedFields({ backupFolder: before.folder, autoDailyBackup: before.autoDaily }, { backupFolder: after.folder, autoDailyBackup: after.autoDaily }),
  });
  return after;
}

/**
 * Copies the live database through SQLite's backup API (DESIGN §3) into a new file in the backup
 * folder: never a path the caller names, never over an existing file, never into the live database.
 * The outcome is kept for the workbench, failed or not.
 */
export async function createBackup(ctx: HandlerContext, dbFile: string, kind: Exclude<BackupKind, 'other'>): Promise<BackupFile> {
  const { folder, custom } = await backupFolderOf(ctx.db, dbFile);
  const at = new Date();
  try {
    const file = path.join(ensureFolder(folder, custom), backupFileName(kind, at));
    const bytes = await backupInto(ctx.sqlite, file, dbFile, (done, total) => ctx.progress(done, total));
    const made: BackupFile = { name: path.basename(file), bytes, at: at.toISOString(), kind };
    await writeSetting(ctx.db, LAST_OUTCOME_SETTING, { ok: true, ...made } satisfies BackupOutcome);
    // backup.create runs outside a write transaction: take the connection as any write does.
    await ctx.db.transaction().execute(async () =>
      appendAudit(ctx.sqlite, { user: ctx.user, method: 'backup.create', changes: [{ entityType: 'backup', entityId: made.name, fields: {} }], transport: ctx.transport }),
    );
    return made;
  } catch (error) {
    const reason = failureOf(error);
    await writeSetting(ctx.db, LAST_OUTCOME_SETTING, { ok: false, at: at.toISOString(), kind, reason, folder } satisfies BackupOutcome);
    if (error instanceof AppError || reason === 'failed') throw error;
    throw new AppError('CONFLICT', `The backup failed (${reason}): ${error instanceof Error ? error.message : String(error)}`, [fieldIssue('folder', reason)]);
  }
}

/**
 * The file is created first and exclusively, so an existing file is never overwritten; a failed copy
 * leaves nothing behind. The copy is switched to a rollback journal so it is one self-contained file.
 */
export async function backupInto(source: Sqlite, file: string, dbFile: string, onProgress?: (done: number, total: number) => void): Promise<number> {
  if (isLiveDatabase(file, dbFile)) throw new AppError('VALIDATION', `${file} is the database in use.`, [fieldIssue('out', 'live_database')]);
  try {
    fs.closeSync(fs.openSync(file, 'wx'));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') throw new AppError('VALIDATION', `${file} already exists; choose a new name.`, [fieldIssue('out', 'file_exists')]);
    throw error;
  }
  try {
    const { totalPages } = await source.backup(file, {
      progress({ totalPages, remainingPages }) {
        onProgress?.(totalPages - remainingPages, totalPages);
        return 200;
      },
    });
    // better-sqlite3 reports before each step, not after the last one.
    onProgress?.(totalPages, totalPages);
    const copy = openFile(file);
    try {
      copy.pragma('journal_mode = DELETE');
    } finally {
      copy.close();
    }
    return fs.statSync(file).size;
  } catch (error) {
    for (const leftover of [file, `${file}-wal`, `${file}-shm`, `${file}-journal`]) fs.rmSync(leftover, { force: true });
    throw error;
  }
}

function failureOf(error: unknown): BackupFailure {
  if (error instanceof AppError) return error.issues?.some((i) => i.code === 'folder_missing') ? 'folder_missing' : 'failed';
  const code = (error as { code?: unknown }).code;
  if (code === 'ENOENT') return 'folder_missing';
  if (code === 'ENOSPC' || code === 'SQLITE_FULL') return 'disk_full';
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS' || code === 'SQLITE_CANTOPEN' || code === 'SQLITE_READONLY') return 'not_writable';
  return 'failed';
}

/** The daily job: one automatic backup per business day (when switched on), then rotation. */
export async function runDailyBackup(ctx: HandlerContext, dbFile: string, asOf: string): Promise<{ created: string | null; removed: string[] }> {
  const company = await getCompany(ctx.db);
  const { folder } = await backupFolderOf(ctx.db, dbFile);
  if (!company || !folder || !(await readSetting(ctx.db, AUTO_DAILY_SETTING, true))) return { created: null, removed: [] };
  const autos = () => listBackupFiles(folder).filter((b) => b.kind === 'auto');
  const doneToday = autos().some((b) => businessDateIn(company.time_zone, new Date(b.at)) === asOf);
  const created = doneToday ? null : (await createBackup(ctx, dbFile, 'auto')).name;
  const removed = backupsToRemove(autos(), company.time_zone);
  for (const name of removed) fs.rmSync(path.join(folder, name), { force: true });
  return { created, removed };
}
