import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { Sqlite } from '../../db/connection';
import { ownerApi, type TestApi } from '../../db/test-db';
import { salesBooks } from '../orders/sales.test-helpers';
import { csvUpload, lines, reaching } from '../imports/imports.test-helpers';
import { aProduct } from './catalog.test-helpers';

const HEADER = '商品编码,商品名称,规格型号,商品分类,单位,零售价';

/** `count` products coded IMP00001…, in a category of their own unless `category` says otherwise. */
function rowsOf(count: number, { from = 0, price = '2.50', category = (i: number) => `导入/第${Math.floor(i / 500)}组` } = {}) {
  return Array.from({ length: count }, (_, k) => {
    const i = from + k;
    return `IMP${String(i).padStart(5, '0')},导入商品${i},${i}ml,${category(i)},瓶,${price}`;
  });
}

const sheet = (...rows: string[]) => csvUpload(lines(HEADER, ...rows), 'utf-8', '商品.csv');

/** Everything a product import writes or its take-back puts back, row for row. */
function book(sqlite: Sqlite) {
  const all = (sql: string) => sqlite.prepare(sql).all();
  return {
    products: all('SELECT * FROM products ORDER BY code'),
    search: all('SELECT * FROM product_search ORDER BY rowid'),
    categories: all('SELECT * FROM product_categories ORDER BY id'),
    series: all("SELECT next_number FROM numbering_series WHERE code = 'product'"),
    changes: all('SELECT * FROM product_import_changes'),
    noted: all('SELECT * FROM product_import_categories'),
  };
}

async function found(api: TestApi, q: string): Promise<number> {
  return (await api.ok('catalog.list', { q })).total;
}

describe('a product import published in short transactions', () => {
  it("lets a salesperson's product save in between two of its batches, so the save ends before the import does", async () => {
    const api = await ownerApi();
    const jobId = 'product-import-save-slips-in';
    let importDone = false;
    const writing = reaching(api, jobId, 'writing');
    const importing = api.call('imports.products', { ...sheet(...rowsOf(3000)), jobId }).finally(() => (importDone = true));
    await writing;
    const saved = await api.ok('catalog.create', aProduct({ name: '手工录入矿泉水' }));
    // One long transaction held the write connection to the end: the save then came after the import.
    expect(importDone).toBe(false);
    const result = await importing;
    expect(result).toMatchObject({ ok: true, data: { imported: 3000, importId: expect.any(String) } });
    // The save landed between two batches: some of the import's products were created before it, the rest after.
    const written = api.backend.conn.sqlite.prepare("SELECT count(*) FROM products WHERE code LIKE 'IMP%' AND created_at < ?").pluck().get(saved.createdAt);
    expect(written).toBeGreaterThan(0);
    expect(written).toBeLessThan(3000);
    expect(await found(api, '手工录入')).toBe(1);
    expect(await found(api, 'IMP02999')).toBe(1);
    expect((await api.ok('imports.productHistory', {})).rows).toMatchObject([{ status: 'published', created: 3000, updated: 0 }]);
    expect(api.backend.checkInvariants().filter((r) => !r.ok)).toEqual([]);
  }, 180_000);

  it('takes back what its batches wrote, products, categories and codes, when cancelled mid-way through the updates', async () => {
    const api = await ownerApi();
    const sqlite = api.backend.conn.sqlite;
    await api.ok('imports.products', sheet(...rowsOf(1000)));
    // A product numbered by the series, so the import's own numbers have something to be given back to.
    await api.ok('catalog.create', aProduct({ name: '编号商品' }));
    const before = book(sqlite);
    const jobId = 'product-import-cancelled-while-updating';
    // 1,500 new products (some numbered by the series, in new categories) written first, then the 1,000 with a new price.
    const file = sheet(...rowsOf(1000, { price: '3.00' }), ...rowsOf(1500, { from: 1000, category: () => '新分类/新子类' }).map((r, i) => (i % 2 ? r : r.replace(/^IMP\d+/, ''))));
    const updating = reaching(api, jobId, 'writing', 1800, () => void api.call('jobs.cancel', { jobId }));
    const result = await api.call('imports.products', { ...file, jobId });
    await updating;
    expect(result).toMatchObject({ ok: false, error: { code: 'CANCELLED' } });
    expect(book(sqlite)).toEqual(before);
    expect(await found(api, 'IMP01001')).toBe(0);
    expect((await api.ok('catalog.lookup', { q: 'IMP00001' })).products[0]).toMatchObject({ listPrice: 250 });
    expect((await api.ok('imports.productHistory', {})).rows.map((r) => r.status)).toEqual(['cancelled', 'published']);
    expect(api.backend.checkInvariants().filter((r) => !r.ok)).toEqual([]);
  }, 180_000);

  it('reports a row the catalog refuses when written, mid-way, and leaves nothing of it, its own new category included', async () => {
    const api = await ownerApi();
    const warehouse = await api.as('warehouse');
    // The warehouse may not set prices: the plan takes the row, the catalog's create refuses it.
    const priced = 'PRICED,定价商品,,只有它的分类,瓶,9.90';
    const result = await warehouse.ok('imports.products', sheet(...rowsOf(1500, { price: '' }), priced, ...rowsOf(1500, { from: 1500, price: '' })));
    expect(result).toMatchObject({ imported: 3000, skipped: 1, errors: [{ row: 1502, field: 'listPrice', code: 'not_allowed', params: { reason: 'prices_permission' } }] });
    expect(await found(api, 'PRICED')).toBe(0);
    const categories = (await api.ok('catalog.listCategories', {})).map((c) => c.name);
    expect(categories).not.toContain('只有它的分类');
    expect(categories).toContain('导入');
    expect((await api.ok('imports.productHistory', {})).rows).toMatchObject([{ created: 3000 }]);
  }, 180_000);

  it('in strict mode takes the whole file back when the catalog refuses a row as it is written', async () => {
    const api = await ownerApi();
    const warehouse = await api.as('warehouse');
    await api.ok('catalog.create', aProduct({ name: '编号商品' }));
    const before = book(api.backend.conn.sqlite);
    const result = await warehouse.call('imports.products', { ...sheet(...rowsOf(300, { price: '' }), 'PRICED,定价商品,,饮料,瓶,9.90'), strict: true });
    expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION', issues: [{ path: 'rows.302.listPrice', code: 'not_allowed' }] } });
    expect(book(api.backend.conn.sqlite)).toEqual(before);
    expect((await api.ok('imports.productHistory', {})).rows.map((r) => r.status)).toEqual(['failed']);
  });
});

describe('imports.undoProducts', () => {
  it('removes the products and categories a finished import created and restores the ones it updated exactly, with the audit row', async () => {
    const api = await ownerApi();
    const sqlite = api.backend.conn.sqlite;
    const drinks = await api.ok('catalog.saveCategory', { name: '饮料' });
    await api.ok('catalog.create', aProduct({ code: 'NFSQ550', categoryId: drinks.id, listPrice: 200 }));
    await api.ok('catalog.create', aProduct({ name: '编号商品' }));
    const before = book(sqlite);
    const result = await api.ok('imports.products', sheet('NFSQ550,农夫山泉饮用天然水,550ml,饮料/饮用水,瓶,2.80', ',可口可乐,330ml,饮料/碳酸饮料,罐,3.00'));
    expect(result).toMatchObject({ imported: 1, updated: 1 });
    expect((await api.ok('catalog.lookup', { q: 'NFSQ550' })).products[0]).toMatchObject({ listPrice: 280 });
    expect((await api.ok('imports.productHistory', {})).rows).toMatchObject([{ id: result.importId, status: 'published', created: 1, updated: 1, userName: expect.any(String) }]);

    expect(await api.ok('imports.undoProducts', { importId: result.importId! })).toEqual({ removed: 1, restored: 1, kept: [] });
    expect(book(sqlite)).toEqual(before);
    const nfsq = (await api.ok('catalog.lookup', { q: 'NFSQ550' })).products[0]!;
    expect(await api.ok('catalog.get', { id: nfsq.id })).toMatchObject({ listPrice: 200, categoryPath: ['饮料'] });
    expect(await found(api, '可口可乐')).toBe(0);
    expect(await found(api, 'nfsq')).toBe(1);
    expect((await api.ok('catalog.listCategories', {})).map((c) => c.name)).toEqual(['饮料']);
    expect((await api.ok('imports.productHistory', {})).rows).toMatchObject([{ status: 'undone', undoneAt: expect.any(String) }]);
    const audit = sqlite.prepare("SELECT changes FROM audit_log WHERE method = 'imports.undoProducts'").pluck().all() as string[];
    expect(audit.map((changes) => JSON.parse(changes)[0])).toMatchObject([
      { entityType: 'productImport', entityId: result.importId, fields: { status: { before: 'published', after: 'undone' }, removed: { after: 1 }, restored: { after: 1 } } },
    ]);
    expect(await api.call('imports.undoProducts', { importId: result.importId! })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(api.backend.checkInvariants().filter((r) => !r.ok)).toEqual([]);
  });

  it('exports the product import history to Excel, newest first, with counts and status in words', async () => {
    const api = await ownerApi();
    const first = await api.ok('imports.products', sheet(...rowsOf(2)));
    await api.ok('imports.products', sheet(...rowsOf(3, { from: 2 })));
    await api.ok('imports.undoProducts', { importId: first.importId! });

    const file = await api.ok('exports.productImports', { format: 'xlsx', language: 'zh-CN' });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(file.content) as never);
    const exported = workbook.worksheets[0]!;
    expect(exported.name).toBe('商品导入记录');
    expect((exported.getRow(1).values as unknown[]).slice(1, 7)).toEqual(['文件', '开始时间', '操作人', '新建', '更新', '状态']);
    expect(exported.rowCount).toBe(3);
    expect([exported.getRow(2).getCell(1).value, exported.getRow(2).getCell(4).value, exported.getRow(2).getCell(6).value]).toEqual(['商品.csv', 3, '已完成']);
    expect([exported.getRow(3).getCell(4).value, exported.getRow(3).getCell(6).value]).toEqual([2, '已撤销']);
  });

  it('refuses, changing nothing, when a product the import created is on an order line since, and names it', async () => {
    const books = await salesBooks();
    const { api, sqlite } = books;
    const result = await api.ok('imports.products', sheet('COLA330,可口可乐,330ml,饮料,罐,3.00', 'SPRITE330,雪碧,330ml,饮料,罐,3.00'));
    const cola = sqlite.prepare("SELECT id FROM products WHERE code = 'COLA330'").pluck().get() as string;
    await api.ok('orders.create', { customerId: await books.customer(), lines: [{ productId: cola, quantity: 1 }] });
    const before = book(sqlite);
    const refused = await api.call('imports.undoProducts', { importId: result.importId! });
    expect(refused).toMatchObject({ ok: false, error: { code: 'CONFLICT', details: { blockingProducts: { reason: 'documents', codes: ['COLA330'], count: 1 } } } });
    expect(book(sqlite)).toEqual(before);
    expect((await api.ok('imports.productHistory', {})).rows).toMatchObject([{ status: 'published' }]);
  });

  it('refuses when a product the import wrote was edited after it, and when the import is unknown', async () => {
    const api = await ownerApi();
    const result = await api.ok('imports.products', sheet('COLA330,可口可乐,330ml,饮料,罐,3.00', 'SPRITE330,雪碧,330ml,饮料,罐,3.00'));
    const sprite = (await api.ok('catalog.lookup', { q: 'SPRITE330' })).products[0]!;
    await new Promise((resolve) => setTimeout(resolve, 5));
    await api.ok('catalog.update', { id: sprite.id, notes: '夏季促销' });
    const before = book(api.backend.conn.sqlite);
    expect(await api.call('imports.undoProducts', { importId: result.importId! })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', details: { blockingProducts: { reason: 'edited', codes: ['SPRITE330'], count: 1 } } },
    });
    expect(book(api.backend.conn.sqlite)).toEqual(before);
    expect(await api.call('imports.undoProducts', { importId: '0190aaaa-0000-7000-8000-000000000000' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});
