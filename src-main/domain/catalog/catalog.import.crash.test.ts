import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundledCli, cli, copyOf, integrityOf, runCliProcess } from '../../cli/crash.test-helpers';
import { openDatabase } from '../../db/connection';
import { createBackend } from '../../backend/backend';
import { runStartJobs } from '../../backend/daily-jobs';
import { lines } from '../imports/imports.test-helpers';
import { localAdmin } from '../users/local-admin';

/**
 * A product import killed with SIGKILL while its short batches land leaves the batches it committed
 * marked 'publishing'; the backend takes them back when it starts next, in the audited start job
 * imports.takeBackCutOff, as it does a customer import's.
 */
const ROWS = 5000;
let child: Awaited<ReturnType<typeof bundledCli>>;
let dir: string;
let shop: string;
let csv: string;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'desk-erp-product-import-crash-'));
  shop = path.join(dir, 'desk-erp.sqlite');
  csv = path.join(dir, 'products.csv');
  fs.writeFileSync(csv, lines('商品名称,规格型号,商品分类,单位,零售价', ...Array.from({ length: ROWS }, (_, i) => `导入商品${i},${i}ml,饮料/第${Math.floor(i / 1000)}组,瓶,2.50`)));
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
      products: one('SELECT count(*) FROM products'),
      searchRows: one('SELECT count(*) FROM product_search'),
      indexed: one("SELECT count(*) FROM products_fts WHERE products_fts MATCH 'names:导'"),
      categories: one('SELECT count(*) FROM product_categories'),
      nextCode: one("SELECT coalesce(max(next_number), 1) FROM numbering_series WHERE code = 'product'"),
      imports: conn.sqlite.prepare('SELECT status, (SELECT count(*) FROM product_import_changes c WHERE c.import_id = i.id) AS changes FROM product_imports i ORDER BY started_at').all(),
    };
  } finally {
    conn.close();
  }
}

describe('a product import killed while it writes', () => {
  it('is taken back when the backend starts again, in one audited start job, and the same file then imports whole', async () => {
    const db = copyOf(shop);
    const run = runCliProcess(child.file, [db, csv, 'imports.products']);
    const killedIn = await new Promise<string>((resolve) => {
      const poll = setInterval(() => {
        const last = run.acknowledged().at(-1) ?? '';
        const [seen, done] = last.split(' ');
        if ((seen === 'writing' && Number(done) > 0) || seen === 'finished') {
          clearInterval(poll);
          run.kill();
          resolve(last);
        }
      }, 5);
      void run.exited.then(() => clearInterval(poll));
    });
    const { signal, stderr } = await run.exited;
    expect(killedIn, stderr).toMatch(/^writing /);
    expect(signal).toBe('SIGKILL');
    expect(integrityOf(db)).toBe('ok');
    const cut = book(db);
    // The batches committed before the kill are there, whole: every product has its search row, indexed.
    expect(cut.products).toBeGreaterThan(0);
    expect(cut).toMatchObject({ searchRows: cut.products, indexed: cut.products, categories: 6, imports: [{ status: 'publishing', changes: cut.products }] });

    const backend = createBackend({ file: db });
    try {
      await runStartJobs(backend);
      expect(book(db)).toEqual({ products: 0, searchRows: 0, indexed: 0, categories: 0, nextCode: 1, imports: [{ status: 'failed', changes: 0 }] });
      const audited = () => backend.conn.sqlite.prepare("SELECT username, changes FROM audit_log WHERE method = 'imports.takeBackCutOff'").all() as { username: string; changes: string }[];
      expect(audited().map((a) => [a.username, JSON.parse(a.changes).map((c: { entityType: string }) => c.entityType)])).toEqual([['local-admin', ['productImport']]]);
      // The next start finds nothing to take back and leaves no trace.
      await runStartJobs(backend);
      expect(audited()).toHaveLength(1);
      expect(backend.checkInvariants().filter((r) => !r.ok)).toEqual([]);
      const input = { fileName: 'products.csv', contentBase64: fs.readFileSync(csv).toString('base64') };
      const again = await backend.call({ session: { user: localAdmin(backend.conn) }, transport: 'cli' }, 'imports.products', input);
      expect(again).toMatchObject({ ok: true, data: { imported: ROWS } });
    } finally {
      backend.close();
    }
    expect(book(db)).toEqual({ products: ROWS, searchRows: ROWS, indexed: ROWS, categories: 6, nextCode: ROWS + 1, imports: [{ status: 'failed', changes: 0 }, { status: 'published', changes: ROWS }] });
  }, 180_000);
});
