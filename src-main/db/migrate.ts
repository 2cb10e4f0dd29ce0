import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { applicationIdOf, DESK_ERP_APPLICATION_ID, ForeignDatabaseError, type Sqlite } from './connection';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export class NewerDatabaseError extends Error {
  constructor(dbVersion: number, appVersion: number) {
    super(
      `This database was made by a newer version of Desk ERP (schema ${dbVersion}; this copy knows schema ${appVersion} at most). ` +
        'Update Desk ERP to open it; nothing was changed.',
    );
    this.name = 'NewerDatabaseError';
  }
}

export function migrationsDir(): string {
  if (process.env.DESK_ERP_MIGRATIONS_DIR) return process.env.DESK_ERP_MIGRATIONS_DIR;
  return fileURLToPath(new URL('../../migrations', import.meta.url));
}

export function loadMigrations(dir = migrationsDir()): Migration[] {
  const migrations = fs
    .readdirSync(dir)
    .filter((f) => /^\d{4}_[a-z0-9_]+\.sql$/.test(f))
    .sort()
    .map((file) => ({
      version: Number(file.slice(0, 4)),
      name: file.slice(5, -4),
      sql: fs.readFileSync(path.join(dir, file), 'utf8'),
    }));
  migrations.forEach((m, i) => {
    if (m.version !== i + 1) throw new Error(`Migration ${m.version}_${m.name} is out of sequence: expected ${i + 1}.`);
  });
  return migrations;
}

function ensureMigrationTable(sqlite: Sqlite): void {
  sqlite.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    applied_at TEXT NOT NULL
  ) STRICT`);
}

/** The history recorded in the database (empty for a new one); reading it changes nothing. */
export function appliedVersions(sqlite: Sqlite): { version: number; name: string }[] {
  if (!sqlite.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'").get()) return [];
  return sqlite.prepare('SELECT version, name FROM schema_migrations ORDER BY version').all() as { version: number; name: string }[];
}

export interface MigrateOptions {
  migrations?: Migration[];
  /** Stop after this version (tests migrate to N-1, insert rows, then go on). */
  toVersion?: number;
  /** Where to copy an existing database before changing it; null skips the copy. */
  backupPath?: string | null;
}

export interface MigrateReport {
  from: number;
  to: number;
  applied: string[];
  backup: string | null;
}

/**
 * Forward-only: each pending migration runs in its own transaction and is recorded.
 * A database whose applied migrations are not a prefix of ours is refused untouched.
 */
export function migrate(sqlite: Sqlite, options: MigrateOptions = {}): MigrateReport {
  const migrations = options.migrations ?? loadMigrations();
  const applicationId = applicationIdOf(sqlite);
  if (applicationId !== 0 && applicationId !== DESK_ERP_APPLICATION_ID) throw new ForeignDatabaseError(applicationId);
  ensureMigrationTable(sqlite);
  const latest = migrations.length;
  const target = options.toVersion ?? latest;
  const applied = appliedVersions(sqlite);
  const current = applied.length;
  const newest = applied.at(-1)?.version ?? 0;
  if (newest > latest) throw new NewerDatabaseError(newest, latest);
  applied.forEach((row, i) => {
    const ours = migrations[i];
    if (!ours || ours.version !== row.version || ours.name !== row.name) {
      throw new Error(`This database's migration ${row.version}_${row.name} is not one this version of Desk ERP ships; refusing to open it.`);
    }
  });
  const pending = migrations.filter((m) => m.version > current && m.version <= target);
  let backup: string | null = null;
  if (pending.length > 0 && current > 0 && options.backupPath) {
    backup = options.backupPath;
    fs.rmSync(backup, { force: true });
    sqlite.prepare('VACUUM INTO ?').run(backup);
  }
  for (const m of pending) {
    const apply = sqlite.transaction(() => {
      sqlite.exec(m.sql);
      sqlite
        .prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)')
        .run(m.version, m.name, new Date().toISOString());
    });
    apply();
  }
  // New databases get it with their first migration; those made before it existed, at their next open.
  if (applicationId === 0) sqlite.pragma(`application_id = ${DESK_ERP_APPLICATION_ID}`);
  return { from: current, to: Math.max(current, pending.at(-1)?.version ?? current), applied: pending.map((m) => `${m.version}_${m.name}`), backup };
}

/** Backup file name beside the database: desk-erp.sqlite → desk-erp.before-v3.2026-11-23T10-00-00.sqlite */
export function preMigrationBackupPath(file: string, fromVersion: number): string {
  const stamp = new Date().toISOString().replace(/[:.]/g, '-').slice(0, 19);
  const ext = path.extname(file) || '.sqlite';
  return path.join(path.dirname(file), `${path.basename(file, ext)}.before-v${fromVersion + 1}.${stamp}${ext}`);
}
