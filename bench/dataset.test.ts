import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../src-main/db/connection';
import { loadMigrations, migrate } from '../src-main/db/migrate';
import { seedingSources, upgraded } from './dataset';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

describe('the bench data', () => {
  it('is keyed on the seeders and what they run, not on the migrations', () => {
    const sources = seedingSources().map((f) => path.relative(path.join(__dirname, '..'), f));
    expect(sources).toContain(path.join('src-main', 'seed', 'seed.ts'));
    expect(sources.filter((f) => f.endsWith('.seed.ts')).length).toBeGreaterThan(3);
    expect(sources.filter((f) => f.startsWith('migrations'))).toEqual([]);
  });

  it('brings a file seeded under an older schema up to the newest migration, its rows kept', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'desk-bench-data-'));
    dirs.push(dir);
    const file = path.join(dir, 'cached.sqlite');
    const latest = loadMigrations().length;
    const old = openDatabase(file);
    migrate(old.sqlite, { toVersion: latest - 2 });
    old.sqlite.prepare("INSERT INTO settings (key, value) VALUES ('bench.kept', '\"yes\"')").run();
    old.close();

    expect(upgraded(file)).toBe(latest);
    const conn = openDatabase(file, { readonly: true });
    try {
      expect(conn.sqlite.prepare('SELECT count(*) FROM schema_migrations').pluck().get()).toBe(latest);
      expect(conn.sqlite.prepare("SELECT value FROM settings WHERE key = 'bench.kept'").pluck().get()).toBe('"yes"');
    } finally {
      conn.close();
    }
    expect(upgraded(file)).toBe(latest);
  });
});
