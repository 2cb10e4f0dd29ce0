import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { verifyPassword } from '../domain/auth/passwords';
import { DEMO_OWNER } from '../seed/seed';
import { runCli } from './commands';

function tempDb(): string {
  return path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'desk-erp-cli-')), 'desk-erp.sqlite');
}

async function cli(...argv: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, { stdout: { write: (t: string) => (stdout += t) }, stderr: { write: (t: string) => (stderr += t) } });
  return { code, stdout, stderr };
}

describe('command line', () => {
  it('creates a company and its owner with init', async () => {
    const db = tempDb();
    const result = await cli('init', '--db', db, '--company', '南京博雅食品有限公司', '--owner', 'boss', '--password', 'secret-123', '--json');
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ ok: true, data: { owner: { username: 'boss', role: 'owner' } } });
    const again = await cli('init', '--db', db, '--company', 'X', '--owner', 'other', '--password', 'secret-123', '--json');
    expect(again.code).toBe(1);
  });

  it('lists every method with its permission as pure JSON', async () => {
    const result = await cli('methods', '--json');
    const methods = JSON.parse(result.stdout) as { name: string; permission: string; mutates: boolean }[];
    expect(methods).toContainEqual({ name: 'users.create', permission: 'users.manage', mutates: true });
    expect(methods).toContainEqual({ name: 'auth.status', permission: 'public', mutates: false });
  });

  it('answers a bad call with VALIDATION naming both fields and exit code 1', async () => {
    const db = tempDb();
    await cli('init', '--db', db, '--company', '测试', '--owner', 'boss', '--password', 'secret-123');
    const result = await cli('call', 'users.create', '--db', db, '--input', '{"username":5,"role":"nope"}', '--json');
    expect(result.code).toBe(1);
    const envelope = JSON.parse(result.stdout);
    expect(envelope.ok).toBe(false);
    expect(envelope.error.code).toBe('VALIDATION');
    expect(envelope.error.issues.map((i: { path: string }) => i.path)).toEqual(expect.arrayContaining(['username', 'role']));
  });

  it('runs a good call as the audited local administrator', async () => {
    const db = tempDb();
    await cli('init', '--db', db, '--company', '测试', '--owner', 'boss', '--password', 'secret-123');
    const created = await cli('call', 'users.create', '--db', db, '--input', '{"username":"li","displayName":"李四","role":"sales","password":"secret-123"}', '--json');
    expect(created.code).toBe(0);
    const audit = JSON.parse((await cli('call', 'audit.list', '--db', db, '--input', '{"method":"users.create"}', '--json')).stdout);
    expect(audit.data.rows[0]).toMatchObject({ username: 'local-admin', transport: 'cli', method: 'users.create' });
    // The local administrator is not a person: it does not count as a user and cannot sign in.
    const users = JSON.parse((await cli('call', 'users.list', '--db', db, '--json')).stdout);
    expect(users.data.rows.map((u: { username: string }) => u.username).sort()).toEqual(['boss', 'li']);
  });

  it('writes a call that answers a file to --out, and prints its bytes as base64 without it', async () => {
    const db = tempDb();
    await cli('init', '--db', db, '--company', '测试', '--owner', 'boss', '--password', 'secret-123');
    await cli('call', 'customers.create', '--db', db, '--input', '{"name":"南京博雅食品有限公司","mobile":"13912345678"}');
    const out = path.join(path.dirname(db), 'exports', '客户.csv');
    const written = JSON.parse((await cli('call', 'exports.customers', '--db', db, '--input', '{"format":"csv","language":"zh-CN"}', '--out', out, '--json')).stdout);
    expect(written).toEqual({ ok: true, data: { fileName: expect.stringMatching(/^客户档案-.*\.csv$/), rows: 1, file: path.resolve(out) } });
    expect(fs.readFileSync(out, 'utf8')).toContain('南京博雅食品有限公司');
    const printed = JSON.parse((await cli('call', 'exports.customers', '--db', db, '--input', '{"format":"csv","language":"zh-CN"}', '--json')).stdout);
    expect(Buffer.from(printed.data.contentBase64, 'base64').equals(fs.readFileSync(out))).toBe(true);
    expect(printed.data.content).toBeUndefined();
  });

  it('backs up and restores, keeping the replaced data beside it', async () => {
    const db = tempDb();
    await cli('init', '--db', db, '--company', '备份前公司', '--owner', 'boss', '--password', 'secret-123');
    const copy = path.join(path.dirname(db), 'copy.sqlite');
    expect((await cli('backup', '--db', db, '--out', copy)).code).toBe(0);
    await cli('call', 'settings.update', '--db', db, '--input', '{"companyName":"改名后公司"}');
    const restored = await cli('restore', copy, '--db', db, '--json');
    expect(restored.code).toBe(0);
    const settings = JSON.parse((await cli('call', 'settings.get', '--db', db, '--json')).stdout);
    expect(settings.data.companyName).toBe('备份前公司');
    const previous = JSON.parse(restored.stdout).data.previous as string;
    expect(fs.existsSync(previous)).toBe(true);
  });

  it('refuses to restore a file that is not a Desk ERP database', async () => {
    const db = tempDb();
    const junk = path.join(path.dirname(db), 'junk.sqlite');
    fs.writeFileSync(junk, 'not a database at all');
    const result = await cli('restore', junk, '--db', db);
    expect(result.code).toBe(1);
    expect(fs.existsSync(db)).toBe(false);
  });

  it('check passes on a healthy seeded database and fails when a ledger rule is broken', async () => {
    const db = tempDb();
    expect((await cli('seed', '--db', db, '--scale', 'small', '--seed', '3', '--json')).code).toBe(0);
    expect((await cli('check', '--db', db)).code).toBe(0);
    const Database = (await import('better-sqlite3')).default;
    const raw = new Database(db);
    // A sales figure with no order behind it is named, customer and figure.
    const planted = raw.prepare('SELECT c.id, c.code FROM customers c ORDER BY c.code LIMIT 1').get() as { id: string; code: string };
    raw.prepare('UPDATE customer_stats SET order_count = order_count + 19 WHERE customer_id = ?').run(planted.id);
    const invented = await cli('check', '--db', db, '--json');
    expect(invented.code).toBe(1);
    expect(invented.stdout).toMatch(new RegExp(`customer=${planted.code}: order_count is \\d+ in the summary but \\d+ from the ledger`));
    raw.prepare('UPDATE customer_stats SET order_count = order_count - 19 WHERE customer_id = ?').run(planted.id);
    expect((await cli('check', '--db', db)).code).toBe(0);
    // What is owed is kept for sorting the list; check recomputes it from the invoices and receipts.
    raw.prepare('UPDATE customer_stats SET balance_due = balance_due + 100 WHERE customer_id = ?').run(planted.id);
    const owed = await cli('check', '--db', db, '--json');
    expect(owed.code).toBe(1);
    expect(owed.stdout).toMatch(new RegExp(`customer_id=${planted.id}: balance_due is -?\\d+ in the summary but -?\\d+ from the ledger`));
    raw.prepare('UPDATE customer_stats SET balance_due = balance_due - 100 WHERE customer_id = ?').run(planted.id);
    expect((await cli('check', '--db', db)).code).toBe(0);
    raw.exec('DROP TRIGGER audit_log_append_only_delete');
    raw.close();
    const broken = await cli('check', '--db', db, '--json');
    expect(broken.code).toBe(1);
    expect(JSON.parse(broken.stdout).ok).toBe(false);
  }, 180_000);

  it('seed refuses a book that already has a company unless --force, and never gives staff the public password there', async () => {
    const db = tempDb();
    expect((await cli('init', '--db', db, '--company', '金陵副食品商行', '--owner', 'boss', '--password', 'secret-123')).code).toBe(0);
    const refused = await cli('seed', '--db', db, '--scale', 'small', '--seed', '1');
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('already has a company (金陵副食品商行)');
    const Database = (await import('better-sqlite3')).default;
    const count = (sql: string) => new Database(db, { readonly: true }).prepare(sql).pluck().get();
    expect(count('SELECT count(*) FROM customers')).toBe(0);
    expect(count('SELECT count(*) FROM users')).toBe(1);

    expect((await cli('seed', '--db', db, '--scale', 'small', '--seed', '1', '--force')).code).toBe(0);
    expect(count('SELECT count(*) FROM customers')).toBe(500);
    const staff = new Database(db, { readonly: true }).prepare("SELECT password_hash FROM users WHERE username = 'wangfang'").pluck().get() as string;
    await expect(verifyPassword(DEMO_OWNER.password, staff)).resolves.toBe(false);
    const settings = JSON.parse((await cli('call', 'settings.get', '--db', db, '--json')).stdout);
    expect(settings.data.demoData).toBe(true);
  }, 180_000);

  it('seeds the same data for the same seed', async () => {
    const a = tempDb();
    const b = tempDb();
    await cli('seed', '--db', a, '--scale', 'small', '--seed', '9');
    await cli('seed', '--db', b, '--scale', 'small', '--seed', '9');
    const Database = (await import('better-sqlite3')).default;
    const names = (file: string) => new Database(file, { readonly: true }).prepare('SELECT code, name, credit_code FROM customers ORDER BY code').all();
    expect(names(a)).toEqual(names(b));
    expect(names(a)).toHaveLength(500);
    const orders = (file: string) => new Database(file, { readonly: true }).prepare('SELECT order_no, order_date, status, total_gross FROM sales_orders ORDER BY order_date, order_no, total_gross, status').all();
    expect(orders(a)).toEqual(orders(b));
    expect(orders(a).length).toBeGreaterThanOrEqual(5000);
  }, 120_000); // two small books, each with a year of orders through the stock ledger

  it('works through npm exactly as the README says', () => {
    const db = tempDb();
    const root = path.resolve(import.meta.dirname, '..', '..');
    const result = spawnSync('npm', ['run', '-s', 'cli', '--', 'call', 'users.create', '--db', db, '--input', '{"username":5,"role":"nope"}'], { cwd: root, encoding: 'utf8' });
    expect(result.status).toBe(1);
    expect(result.stdout).toContain('"VALIDATION"');
    expect(result.stdout).toContain('"username"');
    expect(result.stdout).toContain('"role"');
    expect(execFileSync('npm', ['run', '-s', 'cli', '--', 'methods', '--json'], { cwd: root, encoding: 'utf8' }).trim().startsWith('[')).toBe(true);
  }, 180_000);
});
