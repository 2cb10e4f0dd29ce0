/**
 * Restoring a backup: one code path for the CLI (`restore FILE`) and for a running backend (the
 * desktop worker and the headless server close their connection, restore, and open it again).
 */
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../api/errors';
import { fieldIssue, type IssueCode } from '../api/issues';
import type { SessionUser, Transport } from '../api/session';
import { applicationIdOf, DESK_ERP_APPLICATION_ID, openDatabase, openFile, type Sqlite } from '../db/connection';
import { appliedVersions, loadMigrations, migrate } from '../db/migrate';
import { appendAudit } from '../domain/audit/audit.service';
import { isLiveDatabase } from '../domain/backup/backup.folder';
import { backupInto } from '../domain/backup/backup.service';
import type { RestoreOptions } from '../domain/area';
import type { RunningBackend } from './backend';

export interface RestoreReport {
  /** The replaced database, kept beside the restored one. */
  previous: string | null;
  schemaVersion: number;
}

const refuse = (code: IssueCode, message: string) => new AppError('VALIDATION', message, [fieldIssue('name', code)]);

/**
 * Accepts only a Desk ERP database (our application_id, or none with our history from before it
 * existed) whose migrations are a prefix of the ones this version ships, undamaged, with an owner
 * who can sign in: a file without one would offer first-run setup to whoever came first.
 */
export function recogniseBackup(file: string): { schemaVersion: number } {
  let sqlite: Sqlite;
  try {
    sqlite = openFile(file, { readonly: true });
  } catch {
    throw refuse('not_desk_erp_database', `${file} cannot be opened as a database.`);
  }
  try {
    let applicationId: number;
    let history: { version: number; name: string }[];
    try {
      applicationId = applicationIdOf(sqlite);
      history = appliedVersions(sqlite);
    } catch (error) {
      if ((error as { code?: string }).code === 'SQLITE_CORRUPT') throw refuse('damaged', `${file} is damaged.`);
      throw refuse('not_desk_erp_database', `${file} is not a database.`);
    }
    const ours = applicationId === DESK_ERP_APPLICATION_ID || (applicationId === 0 && history.length > 0);
    if (!ours || history.length === 0) throw refuse('not_desk_erp_database', `${file} is not a Desk ERP database.`);
    const shipped = loadMigrations();
    if (history.at(-1)!.version > shipped.length) throw refuse('newer_version', `${file} was made by a newer version of Desk ERP.`);
    history.forEach((row, i) => {
      if (row.version !== i + 1 || shipped[i]!.name !== row.name) {
        throw refuse('not_desk_erp_database', `${file} has migration ${row.version}_${row.name}, which this version of Desk ERP does not ship.`);
      }
    });
    const integrity = sqlite.pragma('integrity_check(1)', { simple: true });
    if (integrity !== 'ok') throw refuse('damaged', `${file} is damaged (${String(integrity)}).`);
    const owners = sqlite.prepare("SELECT count(*) FROM users WHERE role = 'owner' AND active = 1").pluck().get() as number;
    if (owners === 0) throw refuse('no_owner', `${file} has no owner account; it was made before the company was set up.`);
    return { schemaVersion: history.length };
  } finally {
    sqlite.close();
  }
}

/**
 * Refuses while any connection, in any process, has the database open. In WAL mode every open
 * connection keeps a shared lock on the file once it has run a statement, so the exclusive lock
 * that `locking_mode=EXCLUSIVE` takes fails at once (busy_timeout 0). `BEGIN EXCLUSIVE` alone
 * would not tell: WAL lets readers stay while a writer works.
 */
export function assertNotInUse(dbFile: string): void {
  if (!fs.existsSync(dbFile)) return;
  const probe = openFile(dbFile);
  try {
    probe.pragma('busy_timeout = 0');
    probe.pragma('locking_mode = EXCLUSIVE');
    probe.exec('BEGIN EXCLUSIVE');
    probe.prepare('SELECT count(*) FROM sqlite_master').get();
    probe.exec('COMMIT');
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED') {
      throw new AppError('CONFLICT', `${dbFile} is open in another program (another Desk ERP, a server or a command); close it first. Nothing was restored.`, [
        fieldIssue('', 'in_use'),
      ]);
    }
    throw error;
  } finally {
    probe.close();
  }
}

/**
 * Checks the backup, refuses while anyone has the database open, keeps the current database beside
 * it, copies the backup in through the backup API and migrates the result. On any failure after the
 * copy began, the kept database is put back.
 */
export async function restoreDatabaseFile(dbFile: string, backupFile: string): Promise<RestoreReport> {
  if (isLiveDatabase(backupFile, dbFile)) throw refuse('live_database', `${backupFile} is the database itself.`);
  const { schemaVersion } = recogniseBackup(backupFile);
  assertNotInUse(dbFile);
  let previous: string | null = null;
  if (fs.existsSync(dbFile)) {
    previous = beforeRestorePath(dbFile);
    const current = openFile(dbFile, { readonly: true });
    try {
      await backupInto(current, previous, dbFile);
    } finally {
      current.close();
    }
  }
  try {
    await copyDatabase(backupFile, dbFile);
    const restored = openDatabase(dbFile);
    try {
      migrate(restored.sqlite);
    } finally {
      restored.close();
    }
  } catch (error) {
    if (previous) await copyDatabase(previous, dbFile);
    throw error;
  }
  return { previous, schemaVersion };
}

/** Through the backup API, so the target's WAL and locks are honoured; one transaction, all or nothing. */
async function copyDatabase(from: string, to: string): Promise<void> {
  const source = openFile(from, { readonly: true });
  try {
    await source.backup(to);
  } finally {
    source.close();
  }
}

/** desk-erp.sqlite → desk-erp.before-restore.2026-11-23T10-00-00.sqlite, beside it. */
export function beforeRestorePath(dbFile: string): string {
  const stamp = new Date().toISOString().replace(/[:.]/g, '-').slice(0, 19);
  const ext = path.extname(dbFile) || '.sqlite';
  return path.join(path.dirname(dbFile), `${path.basename(dbFile, ext)}.before-restore.${stamp}${ext}`);
}

/** The running backend's restore: close, restore, open again, and record it in the restored database's audit log. */
export async function restoreRunningBackend(
  backend: RunningBackend,
  backupFile: string,
  by: { user: Pick<SessionUser, 'id' | 'username'> | null; transport: Transport },
  options: RestoreOptions = {},
): Promise<RestoreReport> {
  // Before anyone waits: a file that would be refused is refused with the database still open.
  recogniseBackup(backupFile);
  const keys = options.keepSettings ?? [];
  const kept = keys.length
    ? (backend.conn.sqlite.prepare(`SELECT key, value FROM settings WHERE key IN (${keys.map(() => '?').join(', ')})`).all(...keys) as { key: string; value: string }[])
    : [];
  const report = await backend.whileClosed((file) => restoreDatabaseFile(file, backupFile));
  const upsert = backend.conn.sqlite.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value');
  for (const { key, value } of kept) upsert.run(key, value);
  const audit = {
    user: by.user,
    method: 'backup.restore',
    changes: [
      {
        entityType: 'backup',
        entityId: path.basename(backupFile),
        fields: { database: { before: report.previous ? path.basename(report.previous) : null, after: path.basename(backupFile) } },
      },
    ],
    transport: by.transport,
  };
  // Outside any call's transaction: take the connection as a write does.
  await backend.conn.db.transaction().execute(async () => appendAudit(backend.conn.sqlite, audit));
  return report;
}
