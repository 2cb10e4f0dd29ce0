import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { Session } from '../api/session';
import { runCli } from '../cli/commands';
import { DESK_ERP_APPLICATION_ID } from '../db/connection';
import { createBackend } from './backend';
import { anotherProcessHolding, ownerApiOnFile } from '../domain/backup/backup.test-helpers';

async function cli(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, { stdout: { write: (t: string) => (stdout += t) }, stderr: { write: (t: string) => (stderr += t) } });
  return { code, stdout, stderr };
}

const companyName = (dbFile: string) => {
  const db = new Database(dbFile, { readonly: true });
  try {
    return db.prepare('SELECT name FROM company').pluck().get();
  } finally {
    db.close();
  }
};

/** Any SQLite file: another program's, with a `schema_migrations` table that happens to be empty. */
function foreignDatabase(file: string): void {
  const db = new Database(file);
  db.exec('CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL); CREATE TABLE photos (id INTEGER PRIMARY KEY, path TEXT)');
  db.close();
}

describe('restoring a backup', () => {
  it('puts the data back in the running backend, keeps the replaced database and signs the other sessions out', async () => {
    const api = await ownerApiOnFile();
    try {
      const backup = await api.ok('backup.create', {});
      await api.ok('settings.update', { companyName: '备份之后改的名字' });
      await api.ok('backup.updateSettings', { autoDaily: false });
      const sales = await api.as('sales');
      const restored = await api.ok('backup.restore', { name: backup.name });

      expect(restored.restoredFrom).toBe(backup.name);
      expect(fs.existsSync(path.join(api.dir, restored.previous!))).toBe(true);
      expect(companyName(path.join(api.dir, restored.previous!))).toBe('备份之后改的名字');
      expect(fs.readdirSync(api.dir).filter((f) => f.startsWith(restored.previous!))).toEqual([restored.previous]);
      expect(api.backend.conn.sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
      expect((await api.ok('settings.get', {})).companyName).toBe('南京博雅食品有限公司');
      // The sales account did not exist when the backup was made; its session is over.
      expect(await sales.call('settings.get', {})).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
      expect(sales.session.user).toBeNull();
      const audit = await api.ok('audit.list', { method: 'backup.restore' });
      expect(audit.rows).toMatchObject([{ username: 'owner', entityId: backup.name }]);
      // Where this computer keeps its backups, and how the last one went, are not turned back.
      expect(await api.ok('backup.status', {})).toMatchObject({ autoDaily: false, lastOutcome: { ok: true, name: backup.name } });
    } finally {
      api.close();
    }
  });

  it('is refused while another process has the database open, and changes nothing', async () => {
    const api = await ownerApiOnFile();
    try {
      const backup = await api.ok('backup.create', {});
      await api.ok('settings.update', { companyName: '正在使用的公司' });
      const holder = await anotherProcessHolding(api.dbFile);
      try {
        const refused = await api.call('backup.restore', { name: backup.name });
        expect(refused).toMatchObject({ ok: false, error: { code: 'CONFLICT', issues: [{ code: 'in_use' }] } });
        // The backend opened the database again and carries on.
        expect((await api.ok('settings.get', {})).companyName).toBe('正在使用的公司');
        expect(fs.readdirSync(api.dir).filter((f) => f.includes('before-restore'))).toEqual([]);
      } finally {
        await holder.stop();
      }
      await api.ok('backup.restore', { name: backup.name });
      expect((await api.ok('settings.get', {})).companyName).toBe('南京博雅食品有限公司');
    } finally {
      api.close();
    }
  });

  it('takes only a file in the backup folder, named by its plain name', async () => {
    const api = await ownerApiOnFile();
    try {
      const outside = path.join(api.dir, 'elsewhere.sqlite');
      fs.copyFileSync(path.join(api.dir, 'backups', (await api.ok('backup.create', {})).name), outside);
      for (const name of ['../elsewhere.sqlite', outside, '..\\elsewhere.sqlite', 'desk-erp.sqlite/../x.sqlite']) {
        const result = await api.call('backup.restore', { name });
        expect({ name, result }).toMatchObject({ name, result: { ok: false, error: { code: 'VALIDATION' } } });
      }
      expect(await api.call('backup.restore', { name: 'missing.sqlite' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    } finally {
      api.close();
    }
  });

  it('refuses what is not a Desk ERP database with an owner, saying why', async () => {
    const api = await ownerApiOnFile();
    try {
      const folder = path.join(api.dir, 'backups');
      fs.mkdirSync(folder, { recursive: true });
      foreignDatabase(path.join(folder, 'photos.sqlite'));
      fs.writeFileSync(path.join(folder, 'notes.sqlite'), 'plain text, not a database');
      const noOwner = new Database(path.join(folder, 'empty-company.sqlite'));
      noOwner.pragma(`application_id = ${DESK_ERP_APPLICATION_ID}`);
      noOwner.close();
      createBackend({ file: path.join(folder, 'never-set-up.sqlite') }).close();
      await api.ok('backup.create', {});
      const newer = fs.readdirSync(folder).find((f) => f.endsWith('-manual.sqlite'))!;
      const future = new Database(path.join(folder, newer));
      future.prepare("INSERT INTO schema_migrations (version, name, applied_at) VALUES (999, 'from_the_future', '2030-01-01')").run();
      future.close();

      const reasons: Record<string, string> = {};
      for (const name of ['photos.sqlite', 'notes.sqlite', 'empty-company.sqlite', 'never-set-up.sqlite', newer]) {
        const result = await api.call('backup.restore', { name });
        reasons[name] = result.ok ? 'restored' : `${result.error.code} ${result.error.issues?.[0]?.code}`;
      }
      expect(reasons).toEqual({
        'photos.sqlite': 'VALIDATION not_desk_erp_database',
        'notes.sqlite': 'VALIDATION not_desk_erp_database',
        'empty-company.sqlite': 'VALIDATION not_desk_erp_database',
        'never-set-up.sqlite': 'VALIDATION no_owner',
        [newer]: 'VALIDATION newer_version',
      });
      expect((await api.ok('settings.get', {})).companyName).toBe('南京博雅食品有限公司');
    } finally {
      api.close();
    }
  });
});

describe('restore on the command line', () => {
  it('is refused while another process holds the database, and restores once it has let go', async () => {
    const api = await ownerApiOnFile();
    const copy = path.join(api.dir, 'copy.sqlite');
    expect((await cli('backup', '--db', api.dbFile, '--out', copy)).code).toBe(0);
    await api.ok('settings.update', { companyName: '服务器上的公司' });
    // The backend stands for the running server: it has the database open.
    const refused = await cli('restore', copy, '--db', api.dbFile);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/open in another program/);
    api.close();
    const holder = await anotherProcessHolding(api.dbFile);
    try {
      expect((await cli('restore', copy, '--db', api.dbFile)).code).toBe(1);
    } finally {
      await holder.stop();
    }
    expect(companyName(api.dbFile)).toBe('服务器上的公司');
    expect(fs.readdirSync(api.dir).filter((f) => f.includes('before-restore'))).toEqual([]);

    const restored = await cli('restore', copy, '--db', api.dbFile, '--json');
    expect(restored.code).toBe(0);
    expect(companyName(api.dbFile)).toBe('南京博雅食品有限公司');
    expect(companyName(JSON.parse(restored.stdout).data.previous as string)).toBe('服务器上的公司');
  });

  it('refuses a foreign SQLite file whose schema_migrations is empty, so no stranger gets first-run setup', async () => {
    const api = await ownerApiOnFile();
    api.close();
    const foreign = path.join(api.dir, 'foreign.sqlite');
    foreignDatabase(foreign);
    const result = await cli('restore', foreign, '--db', api.dbFile);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/not a Desk ERP database/);
    expect(companyName(api.dbFile)).toBe('南京博雅食品有限公司');
    const session: Session = { user: null };
    const backend = createBackend({ file: api.dbFile });
    try {
      expect(await backend.call({ session, transport: 'http' }, 'auth.status', {})).toMatchObject({ ok: true, data: { setupRequired: false } });
    } finally {
      backend.close();
    }
  });

  it('backs up for the local administrator to a path of their choice, but never over a file or into the live database', async () => {
    const api = await ownerApiOnFile();
    api.close();
    const existing = path.join(api.dir, 'existing.sqlite');
    fs.writeFileSync(existing, 'keep me');
    const over = await cli('backup', '--db', api.dbFile, '--out', existing);
    expect(over.code).toBe(1);
    expect(over.stderr).toMatch(/already exists/);
    expect(fs.readFileSync(existing, 'utf8')).toBe('keep me');
    for (const live of [api.dbFile, `${api.dbFile}-wal`, path.join(api.dir, '.', 'desk-erp.sqlite')]) {
      const into = await cli('backup', '--db', api.dbFile, '--out', live);
      expect({ live, code: into.code, said: /database in use/.test(into.stderr) }).toEqual({ live, code: 1, said: true });
    }
    expect(companyName(api.dbFile)).toBe('南京博雅食品有限公司');
  });
});
