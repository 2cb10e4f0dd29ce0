import { z } from 'zod';
import { method } from '../../api/method';
import { jobIdField, pageFields, type Page } from '../../api/paging';
import type { FileAnswer } from '../../api/result';
import { isoDate } from '../customers/customers.rules';

/** `auto` is the daily backup (rotated), `manual` is 立即备份, `other` a .sqlite file someone put in the folder. */
export type BackupKind = 'auto' | 'manual' | 'other';

export interface BackupFile {
  /** The file's name inside the backup folder; the only way a caller names a backup. */
  name: string;
  bytes: number;
  /** When it was made (ISO-8601 UTC). */
  at: string;
  kind: BackupKind;
}

/** Why a backup failed, for the workbench's red card. */
export type BackupFailure = 'folder_missing' | 'disk_full' | 'not_writable' | 'failed';

export type BackupOutcome =
  | { ok: true; at: string; kind: BackupKind; name: string; bytes: number }
  | { ok: false; at: string; kind: BackupKind; reason: BackupFailure; folder: string | null };

export interface BackupStatus {
  /** Where backups go; null for an in-memory database (tests). */
  folder: string | null;
  defaultFolder: string | null;
  /** Whether the folder is the owner's choice rather than `<data folder>/backups`. */
  customFolder: boolean;
  folderExists: boolean;
  autoDaily: boolean;
  lastOutcome: BackupOutcome | null;
  /** The live database, so the page can say what is backed up. */
  databaseFile: string;
}

export interface RestoreResult {
  restoredFrom: string;
  /** The replaced database, kept beside the restored one. */
  previous: string | null;
}

export interface DiagnosticsBundle extends FileAnswer {
  bytes: number;
}

const backupName = z
  .string()
  .min(1)
  .max(255)
  .regex(/^[^/\\]+\.sqlite$/, 'A backup file name in the backup folder');

export const backupContract = {
  'backup.status': method<BackupStatus>()({ input: z.object({}).strict(), permission: 'backup.run', mutates: false }),
  'backup.list': method<Page<BackupFile>>()({ input: z.object({ ...pageFields }).strict(), permission: 'backup.run', mutates: false }),
  /** Into the backup folder only, under a new name: no caller names a path (restoring one is how data would be replaced). */
  'backup.create': method<BackupFile>()({ input: z.object({ jobId: jobIdField }).strict(), permission: 'backup.run', mutates: false, runsOn: 'writer' }),
  'backup.updateSettings': method<BackupStatus>()({
    input: z
      .object({
        /** A full path to an existing folder, or null for the default beside the database. */
        folder: z.string().trim().min(1).max(1024).nullable(),
        autoDaily: z.boolean(),
      })
      .partial()
      .strict(),
    permission: 'backup.run',
    mutates: true,
  }),
  /** Replaces the database with a backup from the folder; every other session is signed out. */
  'backup.restore': method<RestoreResult>()({ input: z.object({ name: backupName }).strict(), permission: 'backup.run', mutates: false, runsOn: 'writer' }),
  /** The daily job: an automatic backup, then rotation (7 daily, 4 weekly, 12 monthly); asOf defaults to today's business date. */
  'backup.runDaily': method<{ created: string | null; removed: string[] }>()({
    input: z.object({ asOf: isoDate.optional() }).strict(),
    permission: 'backup.run',
    mutates: false,
    runsOn: 'writer',
  }),
  /** Logs, versions, settings without secrets and the invariant checks, zipped for the owner to send. */
  'backup.diagnostics': method<DiagnosticsBundle>()({ input: z.object({}).strict(), permission: 'backup.run', mutates: false, runsOn: 'writer' }),
};
