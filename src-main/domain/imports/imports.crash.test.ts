import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundledCli, cli, copyOf, integrityOf, runCliProcess } from '../../cli/crash.test-helpers';
import { openDatabase } from '../../db/connection';
import { createBackend } from '../../backend/backend';
import { runStartJobs } from '../../backend/daily-jobs';
import { lines } from './imports.test-helpers';

/**
 * A customer import killed with SIGKILL: while it reads and prepares it has written nothing; killed
 * while its short batches land, it leaves the batches it committed marked 'publishing'. The backend
 * takes them back when it starts next (a start job), and the next import does too before it
 * publishes, so the same file then imports whole, numbered from 1.
 */
const ROWS = 5000;
let child: Awaited<ReturnType<typeof bundledCli>>;
let dir: string;
let shop: string;
let csv: string;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'desk-erp-import-crash-'));
  shop = path.join(dir, 'desk-erp.sqlite');
  csv = path.join(dir, 'customers.csv');
  fs.writeFileSync(csv, lines('客户名称,联系人,手机,详细地址,标签', ...Array.from({ length: ROWS }, (_, i) => `南京客户${i}有限公司,联系人${i},139${String(i).padStart(8, '0')},南京市中山北路${i}号,重点客户`)));
  child = await bundledCli('src-main/domain/imports/imports.crash-child.test-helpers.ts');
  const init = await cli('init', '--db', shop, '--company', '南京博雅食品有限公司', '--owner', 'boss', '--password', 'secret-123');
  if (init.code !== 0) throw new Error(init.stdout);
}, 180_000);
afterAll(() => {
  child?.remove();
  fs.rmSync(dir, { recursive: true, force: true });
});

function book(db: string) {
  const conn = openDatabase(db);
  try {
    const one = (sql: string) => conn.sqlite.prepare(sql).pluck().get();
    return {
      customers: one('SELECT count(*) FROM customers'),
      searchRows: one('SELECT count(*) FROM customer_search'),
      nextCode: one("SELECT coalesce(max(next_number), 1) FROM numbering_series WHERE code = 'customer'"),
      searchTrigger: one("SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND name = 'customer_search_ai'"),
      indexed: one("SELECT count(*) FROM customers_fts WHERE customers_fts MATCH 'names:南'"),
      imports: conn.sqlite.prepare('SELECT status, (SELECT count(*) FROM customer_import_changes c WHERE c.import_id = i.id) AS changes FROM customer_imports i ORDER BY started_at').all(),
    };
  } finally {
    conn.close();
  }
}

/** A copy of the shop whose import was killed by SIGKILL in `phase`; returns the copy and the last progress seen. */
async function killedWhile(phase: string): Promise<{ db: string; killedIn: string; signal: NodeJS.Signals | null; stderr: string }> {
  const db = copyOf(shop);
  const run = runCliProcess(child.file, [db, csv]);
  const killedIn = await new Promise<string>((resolve) => {
    const poll = setInterval(() => {
      const last = run.acknowledged().at(-1) ?? '';
      const [seen, done] = last.split(' ');
      if ((seen === phase && Number(done) > 0) || seen === 'finished') {
        clearInterval(poll);
        run.kill();
        resolve(last);
      }
    }, 5);
    void run.exited.then(() => clearInterval(poll));
  });
  const { signal, stderr } = await run.exited;
  return { db, killedIn, signal, stderr };
}

describe('a customer import killed mid-way', () => {
  it.each(['preparing', 'writing'])('leaves nothing of it once the next import has started when killed while %s, and the same file then imports whole', async (phase) => {
    const { db, killedIn, signal, stderr } = await killedWhile(phase);
    expect(killedIn, stderr).toMatch(new RegExp(`^${phase} `));
    expect(signal).toBe('SIGKILL');

    expect(integrityOf(db)).toBe('ok');
    const cut = book(db);
    if (phase === 'preparing') {
      expect(cut).toEqual({ customers: 0, searchRows: 0, nextCode: 1, searchTrigger: 1, indexed: 0, imports: [] });
    } else {
      // The batches committed before the kill are there, whole: every customer has its search row, indexed.
      expect(cut.customers).toBeGreaterThan(0);
      expect(cut).toMatchObject({ searchRows: cut.customers, indexed: cut.customers, nextCode: ROWS + 1, searchTrigger: 1, imports: [{ status: 'publishing', changes: cut.customers }] });
    }

    const again = await cli('import', 'customers', csv, '--db', db, '--json');
    expect(again.code, again.stdout).toBe(0);
    const cutOff = phase === 'writing' ? [{ status: 'failed', changes: 0 }] : [];
    expect(book(db)).toEqual({ customers: ROWS, searchRows: ROWS, nextCode: ROWS + 1, searchTrigger: 1, indexed: ROWS, imports: [...cutOff, { status: 'published', changes: ROWS }] });
  }, 180_000);

  it('is taken back when the backend starts again, before any import, in an audited start job', async () => {
    const { db, killedIn, stderr } = await killedWhile('writing');
    expect(killedIn, stderr).toMatch(/^writing /);
    expect(book(db).imports).toMatchObject([{ status: 'publishing' }]);

    const backend = createBackend({ file: db });
    try {
      await runStartJobs(backend);
      expect(book(db)).toEqual({ customers: 0, searchRows: 0, nextCode: 1, searchTrigger: 1, indexed: 0, imports: [{ status: 'failed', changes: 0 }] });
      const audited = () => backend.conn.sqlite.prepare("SELECT username, entity_type AS entityType FROM audit_log WHERE method = 'imports.takeBackCutOff'").all();
      expect(audited()).toEqual([{ username: 'local-admin', entityType: 'customerImport' }]);
      // The next start finds nothing to take back and leaves no trace.
      await runStartJobs(backend);
      expect(audited()).toHaveLength(1);
    } finally {
      backend.close();
    }
  }, 180_000);
});
