/**
 * The backup folder (备份文件夹): a setting, by default `<data folder>/backups`. Backups are named
 * here and nowhere else, and a name a caller gives is only ever resolved inside this folder.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Kysely } from 'kysely';
import { AppError } from '../../api/errors';
import { fieldIssue } from '../../api/issues';
import type { Database } from '../../db/schema';
import { readSetting } from '../settings/settings.repository';
import type { BackupFile, BackupKind } from './backup.contract';

export const FOLDER_SETTING = 'backup.folder';
export const AUTO_DAILY_SETTING = 'backup.autoDaily';
export const LAST_OUTCOME_SETTING = 'backup.lastOutcome';
/** Where this computer keeps its backups and how the last one went: a restore does not turn them back. */
export const MACHINE_SETTINGS = [FOLDER_SETTING, AUTO_DAILY_SETTING, LAST_OUTCOME_SETTING] as const;

export function defaultBackupFolder(dbFile: string): string | null {
  return dbFile === ':memory:' ? null : path.join(path.dirname(path.resolve(dbFile)), 'backups');
}

export async function backupFolderOf(db: Kysely<Database>, dbFile: string): Promise<{ folder: string | null; custom: boolean }> {
  const chosen = await readSetting<string | null>(db, FOLDER_SETTING, null);
  return chosen ? { folder: chosen, custom: true } : { folder: defaultBackupFolder(dbFile), custom: false };
}

/**
 * The folder ready to write into. The default one is created; a folder the owner chose must exist,
 * so an unplugged drive fails loudly instead of filling the mount point it was plugged into.
 */
export function ensureFolder(folder: string | null, custom: boolean): string {
  if (!folder) throw new AppError('VALIDATION', 'An in-memory database has no backup folder.', [fieldIssue('folder', 'folder_missing')]);
  if (!custom) fs.mkdirSync(folder, { recursive: true });
  if (!isFolder(folder)) throw new AppError('CONFLICT', `The backup folder ${folder} does not exist.`, [fieldIssue('folder', 'folder_missing')]);
  return folder;
}

export function isFolder(folder: string): boolean {
  try {
    return fs.statSync(folder).isDirectory();
  } catch {
    return false;
  }
}

/** desk-erp-20261123-020000-123-auto.sqlite: UTC, sortable, and never the name of a live database. */
export function backupFileName(kind: Exclude<BackupKind, 'other'>, at: Date): string {
  const iso = at.toISOString();
  return `desk-erp-${iso.slice(0, 10).replaceAll('-', '')}-${iso.slice(11, 19).replaceAll(':', '')}-${iso.slice(20, 23)}-${kind}.sqlite`;
}

const NAME = /^desk-erp-(\d{4})(\d{2})(\d{2})-(\d{2})(\d{2})(\d{2})-(\d{3})-(auto|manual)\.sqlite$/;

export function parseBackupName(name: string): { at: string; kind: Exclude<BackupKind, 'other'> } | null {
  const m = NAME.exec(name);
  if (!m) return null;
  const [, y, mo, d, h, mi, s, ms, kind] = m;
  return { at: `${y}-${mo}-${d}T${h}:${mi}:${s}.${ms}Z`, kind: kind as 'auto' | 'manual' };
}

/** A backup the caller names: a plain file name of a file in the folder, or VALIDATION. */
export function backupInFolder(folder: string | null, name: string): string {
  const file = folder ? path.resolve(folder, name) : null;
  if (!folder || !file || path.dirname(file) !== path.resolve(folder) || path.basename(file) !== name) {
    throw new AppError('VALIDATION', `${name} is not a file in the backup folder.`, [fieldIssue('name', 'outside_folder')]);
  }
  if (!fs.existsSync(file)) throw new AppError('NOT_FOUND', `There is no backup ${name} in ${folder}.`, [fieldIssue('name', 'not_found', { entity: 'backup' })]);
  return file;
}

/** Every .sqlite file in the folder, newest first. */
export function listBackupFiles(folder: string | null): BackupFile[] {
  if (!folder || !isFolder(folder)) return [];
  return fs
    .readdirSync(folder, { withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.sqlite'))
    .map((entry) => {
      const stat = fs.statSync(path.join(folder, entry.name));
      const named = parseBackupName(entry.name);
      return { name: entry.name, bytes: stat.size, at: named?.at ?? stat.mtime.toISOString(), kind: named?.kind ?? ('other' as const) };
    })
    .sort((a, b) => b.at.localeCompare(a.at) || b.name.localeCompare(a.name));
}

/** Whether `file` is the live database or one of its companion files (-wal, -shm, -journal). */
export function isLiveDatabase(file: string, dbFile: string): boolean {
  if (dbFile === ':memory:') return false;
  // Through symbolic links, also for a file not written yet.
  const real = (f: string): string => {
    try {
      return fs.realpathSync(f);
    } catch {
      const parent = path.dirname(path.resolve(f));
      return parent === path.resolve(f) ? parent : path.join(real(parent), path.basename(f));
    }
  };
  const target = real(file);
  const live = real(dbFile);
  return [live, `${live}-wal`, `${live}-shm`, `${live}-journal`].includes(target);
}
