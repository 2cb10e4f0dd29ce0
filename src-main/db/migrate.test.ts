import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { createBackend } from '../backend/backend';
import { applicationIdOf, DESK_ERP_APPLICATION_ID, ForeignDatabaseError, openDatabase } from './connection';
import { appliedVersions, loadMigrations, migrate, NewerDatabaseError } from './migrate';

function tempFile(): string {
  return path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'desk-erp-migrate-')), 'desk-erp.sqlite');
}

describe('migrations', () => {
  it('are numbered without gaps and named in snake_case', () => {
    const migrations = loadMigrations();
    expect(migrations.length).toBeGreaterThan(0);
    migrations.forEach((m, i) => expect(m.version).toBe(i + 1));
  });

  it('0001_init: creates the platform tables and an append-only audit log', () => {
    const { sqlite } = openDatabase(':memory:');
    migrate(sqlite, { toVersion: 1 });
    const tables = sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all();
    expect(tables).toEqual(expect.arrayContaining(['company', 'settings', 'users', 'numbering_series', 'audit_log', 'schema_migrations']));
    sqlite
      .prepare("INSERT INTO audit_log (id, at, username, method, changes, transport) VALUES ('a', '2026-01-01T00:00:00Z', 'x', 'm', '[]', 'test')")
      .run();
    expect(() => sqlite.prepare("UPDATE audit_log SET username = 'y'").run()).toThrow(/append-only/);
    expect(() => sqlite.prepare('DELETE FROM audit_log').run()).toThrow(/append-only/);
  });

  it('records each applied migration and does nothing the second time', () => {
    const { sqlite } = openDatabase(':memory:');
    const first = migrate(sqlite);
    expect(first.applied.length).toBe(loadMigrations().length);
    expect(migrate(sqlite).applied).toEqual([]);
    expect(appliedVersions(sqlite).map((v) => v.version)).toEqual(loadMigrations().map((m) => m.version));
  });

  it('rolls back a failing migration whole and records nothing of it', () => {
    const { sqlite } = openDatabase(':memory:');
    const migrations = [
      ...loadMigrations(),
      { version: loadMigrations().length + 1, name: 'broken', sql: 'CREATE TABLE half_done (id TEXT); INSERT INTO nowhere VALUES (1);' },
    ];
    expect(() => migrate(sqlite, { migrations })).toThrow();
    expect(sqlite.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'half_done'").pluck().get()).toBe(0);
    expect(appliedVersions(sqlite).length).toBe(loadMigrations().length);
  });

  it('refuses a database made by a newer version, saying so, and leaves it untouched', () => {
    const file = tempFile();
    const conn = openDatabase(file);
    migrate(conn.sqlite);
    conn.sqlite.prepare("INSERT INTO schema_migrations (version, name, applied_at) VALUES (999, 'from_the_future', '2030-01-01')").run();
    conn.sqlite.close();
    const before = fs.readFileSync(file);
    expect(() => createBackend({ file })).toThrow(NewerDatabaseError);
    expect(() => createBackend({ file })).toThrow(/newer version of Desk ERP/);
    expect(fs.readFileSync(file).equals(before)).toBe(true);
  });

  it('refuses a database whose history is not ours', () => {
    const { sqlite } = openDatabase(':memory:');
    migrate(sqlite, { toVersion: 1 });
    sqlite.prepare("UPDATE schema_migrations SET name = 'someone_else' WHERE version = 1").run();
    expect(() => migrate(sqlite)).toThrow(/not one this version/);
  });

  it('writes a backup beside an existing database before migrating it', () => {
    const file = tempFile();
    const conn = openDatabase(file);
    migrate(conn.sqlite, { toVersion: 1 });
    conn.sqlite.prepare("INSERT INTO company (id, name, currency, time_zone, created_at) VALUES (1, '老数据公司', 'CNY', 'Asia/Shanghai', '2026-01-01')").run();
    conn.sqlite.close();
    const pending = loadMigrations().length > 1;
    const backend = createBackend({ file });
    backend.close();
    const backups = fs.readdirSync(path.dirname(file)).filter((f) => f.includes('.before-v'));
    expect(backups.length).toBe(pending ? 1 : 0);
    if (pending) {
      const copy = openDatabase(path.join(path.dirname(file), backups[0]!), { readonly: true });
      expect(copy.sqlite.prepare('SELECT name FROM company').pluck().get()).toBe('老数据公司');
      expect(appliedVersions(copy.sqlite).length).toBe(1);
    }
  });

  it('marks every database it creates as Desk ERP\'s (application_id), and one made before that at its next open', () => {
    const { sqlite } = openDatabase(':memory:');
    expect(applicationIdOf(sqlite)).toBe(0);
    migrate(sqlite, { toVersion: 1 });
    expect(applicationIdOf(sqlite)).toBe(DESK_ERP_APPLICATION_ID);

    const file = tempFile();
    const old = openDatabase(file);
    migrate(old.sqlite);
    old.sqlite.pragma('application_id = 0');
    old.sqlite.close();
    const reopened = openDatabase(file);
    expect(migrate(reopened.sqlite).applied).toEqual([]);
    expect(applicationIdOf(reopened.sqlite)).toBe(0x44455250);
    reopened.sqlite.close();
  });

  it("refuses another program's SQLite file and leaves it untouched", () => {
    const file = tempFile();
    const foreign = new Database(file);
    foreign.pragma('application_id = 1179603012');
    foreign.exec('CREATE TABLE photos (id INTEGER PRIMARY KEY)');
    foreign.close();
    const before = fs.readFileSync(file);
    expect(() => createBackend({ file })).toThrow(ForeignDatabaseError);
    expect(() => createBackend({ file })).toThrow(/another program/);
    expect(fs.readFileSync(file).equals(before)).toBe(true);
  });

  it('refuses a cloud-synced folder', () => {
    expect(() => openDatabase(path.join(os.tmpdir(), 'OneDrive', 'desk-erp.sqlite'))).toThrow(/cloud-synced/);
  });

  it('opens with the pragmas of the design', () => {
    const conn = openDatabase(tempFile());
    expect(conn.sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(conn.sqlite.pragma('synchronous', { simple: true })).toBe(2);
    expect(conn.sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(conn.sqlite.pragma('busy_timeout', { simple: true })).toBe(5000);
  });
});
