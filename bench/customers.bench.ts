import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createBackend, type RunningBackend } from '../src-main/backend/backend';
import type { MethodName } from '../src-main/api/contract';
import type { Session } from '../src-main/api/session';
import { seedCustomers } from '../src-main/domain/customers/customers.seed';
import { time, type BenchRow, type Timing } from './measure';

const CUSTOMERS = 50_000;
const RUNS = 300;

/** Customers at 50,000: list, search (name, pinyin, initials, phone) and the 360° view, beside raw SQL on the same file. */
export async function benchCustomers(): Promise<BenchRow[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'desk-erp-bench-customers-'));
  const backend = createBackend({ file: path.join(dir, 'bench.sqlite') });
  const session: Session = { user: null };
  const setup = await backend.call({ session, transport: 'test' }, 'auth.setup', {
    companyName: '基准测试公司',
    ownerUsername: 'owner',
    ownerDisplayName: '老板',
    password: 'bench-pass-1',
  });
  if (!setup.ok) throw new Error(setup.error.message);
  const seedStart = process.hrtime.bigint();
  seedCustomers(backend.conn, { count: CUSTOMERS, seed: 7, asOf: '2026-11-23' });
  const seedMs = Number(process.hrtime.bigint() - seedStart) / 1e6;
  backend.conn.sqlite.exec('ANALYZE');

  const sqlite = backend.conn.sqlite;
  const sample = sqlite
    .prepare(
      `SELECT c.id, c.short_name, c.name_pinyin, s.tokens, cc.mobile FROM customers c
         JOIN customer_search s ON s.customer_id = c.id
         JOIN customer_contacts cc ON cc.customer_id = c.id AND cc.is_primary = 1
        WHERE c.rowid % 997 = 0 AND c.short_name IS NOT NULL LIMIT 40`,
    )
    .all() as { id: string; short_name: string; name_pinyin: string; tokens: string; mobile: string }[];
  if (sample.length === 0) throw new Error('seeder made no customers');
  // The initials token of the full name is the 4th token: code, credit code, pinyin, initials.
  const initials = sample.map((s) => s.tokens.split(' ')[3]!);
  const through = (method: MethodName, input: (i: number) => unknown) => (i: number) =>
    call(backend, session, method, input(i));

  const rawPage = sqlite.prepare(
    `SELECT c.id, c.code, c.name, c.short_name, c.province, c.city, c.lifecycle_stage, s.balance_due, s.last_order_date, pc.name, pc.mobile
       FROM (SELECT rowid AS rid FROM customers WHERE status = 'active' ORDER BY code LIMIT 50 OFFSET ?) k
       JOIN customers c ON c.rowid = k.rid JOIN customer_stats s ON s.customer_id = c.id
       LEFT JOIN customer_contacts pc ON pc.customer_id = c.id AND pc.is_primary = 1`,
  );
  const rawCount = sqlite.prepare(`SELECT count(*) FROM customers WHERE status = 'active'`);
  const rawSearch = sqlite.prepare(
    `SELECT c.id, c.code, c.name, count(*) OVER () AS total FROM customers_fts f JOIN customer_search cs ON cs.rowid = f.rowid
       JOIN customers c ON c.id = cs.customer_id WHERE customers_fts MATCH ? AND c.status = 'active' ORDER BY c.code LIMIT 50`,
  );
  const raw360 = [
    sqlite.prepare('SELECT * FROM customers WHERE id = ?'),
    sqlite.prepare('SELECT * FROM customer_contacts WHERE customer_id = ?'),
    sqlite.prepare('SELECT * FROM customer_addresses WHERE customer_id = ?'),
    sqlite.prepare('SELECT t.* FROM customer_tags ct JOIN tags t ON t.id = ct.tag_id WHERE ct.customer_id = ?'),
    sqlite.prepare('SELECT * FROM customer_stats WHERE customer_id = ?'),
  ];

  const rows: BenchRow[] = [];
  const add = (what: string, ours: Timing, baseline: Timing, goal: string) =>
    rows.push({ area: 'customers', what, ours, baseline, baselineLabel: 'raw SQL', goal, unit: 'ms' });

  add(
    `\`customers.list\` first page of ${CUSTOMERS.toLocaleString('en')} (by code)`,
    await time(RUNS, through('customers.list', () => ({ page: 1, pageSize: 50 }))),
    await time(RUNS, () => [rawPage.all(0), rawCount.get()]),
    'p95 < 10 ms',
  );
  add(
    '`customers.list` page 200 (offset 9,950)',
    await time(RUNS, through('customers.list', () => ({ page: 200, pageSize: 50 }))),
    await time(RUNS, () => [rawPage.all(9950), rawCount.get()]),
    'p95 < 10 ms',
  );
  add(
    'search by short name (Chinese)',
    await time(RUNS, through('customers.list', (i) => ({ q: sample[i % sample.length]!.short_name, pageSize: 50 }))),
    await time(RUNS, (i) => rawSearch.all(`names:"${[...sample[i % sample.length]!.short_name].join(' ')}"`)),
    'p95 < 10 ms',
  );
  add(
    'search by pinyin initials (e.g. `njby`)',
    await time(RUNS, through('customers.list', (i) => ({ q: initials[i % initials.length]!, pageSize: 50 }))),
    await time(RUNS, (i) => rawSearch.all(`tokens:${initials[i % initials.length]!}*`)),
    'p95 < 10 ms',
  );
  add(
    'search by full pinyin prefix',
    await time(RUNS, through('customers.list', (i) => ({ q: sample[i % sample.length]!.name_pinyin.slice(0, 9), pageSize: 50 }))),
    await time(RUNS, (i) => rawSearch.all(`tokens:${sample[i % sample.length]!.name_pinyin.slice(0, 9)}*`)),
    'p95 < 10 ms',
  );
  add(
    'search by mobile (full number)',
    await time(RUNS, through('customers.list', (i) => ({ q: sample[i % sample.length]!.mobile, pageSize: 50 }))),
    await time(RUNS, (i) => rawSearch.all(`tokens:${sample[i % sample.length]!.mobile}*`)),
    'p95 < 10 ms',
  );
  add(
    'search by the last 4 digits of a phone',
    await time(RUNS, through('customers.list', (i) => ({ q: sample[i % sample.length]!.mobile.slice(-4), pageSize: 50 }))),
    await time(RUNS, (i) => rawSearch.all(`tokens:${sample[i % sample.length]!.mobile.slice(-4)}*`)),
    'p95 < 10 ms',
  );
  add(
    '360° view: `customers.get` + `customers.overview` + first timeline page',
    await time(RUNS, async (i) => {
      const id = sample[i % sample.length]!.id;
      await call(backend, session, 'customers.get', { id });
      await call(backend, session, 'customers.overview', { id });
      await call(backend, session, 'customers.timeline', { customerId: id });
    }),
    await time(RUNS, (i) => {
      const id = sample[i % sample.length]!.id;
      for (const statement of raw360) statement.all(id);
      sqlite.prepare('SELECT * FROM interactions WHERE customer_id = ? ORDER BY occurred_at DESC LIMIT 50').all(id);
    }),
    'p95 < 20 ms',
  );
  rows.push({
    area: 'customers',
    what: `seeding ${CUSTOMERS.toLocaleString('en')} customers with contacts, addresses, tags, interactions (prepared statements, one transaction)`,
    ours: { p50: seedMs * 1000, p95: seedMs * 1000, runs: 1 },
    unit: 'ms',
  });
  backend.close();
  fs.rmSync(dir, { recursive: true, force: true });
  return rows;
}

async function call(backend: RunningBackend, session: Session, method: MethodName, input: unknown): Promise<unknown> {
  const result = await backend.call({ session, transport: 'test' }, method, input);
  if (!result.ok) throw new Error(`${method}: ${result.error.code} ${result.error.message}`);
  return result.data;
}
