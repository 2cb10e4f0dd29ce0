import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { Sqlite } from '../../db/connection';
import { ownerApi, type TestApi } from '../../db/test-db';
import { aCustomer } from '../customers/customers.test-helpers';
import { salesBooks } from '../orders/sales.test-helpers';
import { csvUpload, lines, reaching } from './imports.test-helpers';

const HEADER = '客户名称,联系人,手机,详细地址,标签';
const BOYA = '南京博雅食品有限公司,周博雅,13912345678,南京市鼓楼区中山北路1号,重点客户、VIP';
const SHENDA = '上海申达贸易有限公司,李明,13811112222,上海市黄浦区南京东路8号,经销商';

function rowsOf(count: number, mobilePrefix = '139', from = 0) {
  return Array.from({ length: count }, (_, i) => `南京客户${from + i}有限公司,联系人${from + i},${mobilePrefix}${String(from + i).padStart(8, '0')},南京市中山北路${from + i}号,重点客户`);
}

/** Everything an import writes or an undo puts back, row for row. */
function book(sqlite: Sqlite) {
  const all = (sql: string) => sqlite.prepare(sql).all();
  return {
    customers: all('SELECT * FROM customers ORDER BY code'),
    contacts: all('SELECT * FROM customer_contacts ORDER BY id'),
    addresses: all('SELECT * FROM customer_addresses ORDER BY id'),
    tags: all('SELECT * FROM tags ORDER BY id'),
    customerTags: all('SELECT * FROM customer_tags ORDER BY customer_id, tag_id'),
    search: all('SELECT * FROM customer_search ORDER BY rowid'),
    stages: all('SELECT * FROM customer_stage_history ORDER BY id'),
    stats: all('SELECT * FROM customer_stats ORDER BY customer_id'),
    counts: all("SELECT * FROM row_counts WHERE subject LIKE 'customers:%' ORDER BY subject"),
    series: all("SELECT next_number FROM numbering_series WHERE code = 'customer'"),
    importChanges: all('SELECT * FROM customer_import_changes'),
  };
}

async function found(api: TestApi, q: string): Promise<number> {
  return (await api.ok('customers.list', { q })).total;
}

describe('a customer import published in short transactions', () => {
  it("lets a salesperson's save in between two of its batches, so the save ends before the import does", async () => {
    const api = await ownerApi();
    const jobId = 'import-save-slips-in';
    let importDone = false;
    const writing = reaching(api, jobId, 'writing');
    const importing = api.call('imports.customers', { ...csvUpload(lines(HEADER, ...rowsOf(4000))), jobId }).finally(() => (importDone = true));
    await writing;
    const saved = await api.ok('customers.create', aCustomer({ name: '手工录入贸易有限公司', shortName: null }));
    // One long publishing transaction held the write connection to the end: the save then came after the import.
    expect(importDone).toBe(false);
    expect(await importing).toMatchObject({ ok: true, data: { imported: 4000 } });
    // The codes were taken before the save, in the import's first batch.
    expect(saved.code).toBe('C004001');
    expect(await found(api, '手工录入')).toBe(1);
    expect(await found(api, '南京客户3999')).toBe(1);
    expect(api.backend.checkInvariants().filter((r) => !r.ok)).toEqual([]);
  }, 180_000);

  it('takes back what its batches wrote, creates and updates alike, when cancelled mid-way through the updates', async () => {
    const api = await ownerApi();
    const sqlite = api.backend.conn.sqlite;
    await api.ok('imports.customers', csvUpload(lines(HEADER, ...rowsOf(1500))));
    const before = book(sqlite);
    const jobId = 'import-cancelled-while-updating';
    // The same 1,500 customers with new mobiles (updates, written after the creates), and 1,500 new ones.
    const file = csvUpload(lines(HEADER, ...rowsOf(1500, '137'), ...rowsOf(1500, '139', 1500)));
    const updating = reaching(api, jobId, 'writing', 2000, () => void api.call('jobs.cancel', { jobId }));
    const result = await api.call('imports.customers', { ...file, jobId });
    await updating;
    expect(result).toMatchObject({ ok: false, error: { code: 'CANCELLED' } });
    expect(book(sqlite)).toEqual(before);
    expect((await api.ok('imports.customerHistory', {})).rows.map((r) => r.status)).toEqual(['cancelled', 'published']);
    expect(await found(api, '13700000001')).toBe(0);
    expect(await found(api, '13900000001')).toBe(1);
  }, 180_000);
});

describe('a customer entered by hand while the import prepared', () => {
  it.each([
    ['update', 1, '13900002999'],
    ['skip', 0, '13600000000'],
  ] as const)('is met at publish and, with onDuplicate %s, not created twice', async (onDuplicate, updated, mobileOnFile) => {
    const api = await ownerApi();
    const jobId = `import-meets-a-save-${onDuplicate}`;
    const checking = reaching(api, jobId, 'checking');
    const importing = api.call('imports.customers', { ...csvUpload(lines(HEADER, ...rowsOf(3000))), onDuplicate, jobId });
    await checking;
    const hand = await api.ok('customers.create', aCustomer({ name: '南京客户2999有限公司', shortName: null, contacts: [{ name: '王销售', mobile: '13600000000' }] }));
    const result = await importing;
    expect(result).toMatchObject({
      ok: true,
      data: { imported: 2999, updated, sameAsOnFile: [{ row: 3001, reason: 'name', customer: { id: hand.id, code: hand.code }, action: onDuplicate }] },
    });
    expect((await api.ok('customers.list', {})).total).toBe(3000);
    expect(await found(api, '南京客户2999')).toBe(1);
    expect((await api.ok('customers.get', { id: hand.id })).contacts[0]).toMatchObject({ mobile: mobileOnFile });
    expect((await api.ok('imports.customerHistory', {})).rows).toMatchObject([{ created: 2999, updated }]);
  }, 180_000);
});

describe('imports.undoCustomers', () => {
  it('removes the customers a finished import created and restores the ones it updated exactly, with the audit row', async () => {
    const api = await ownerApi();
    const sqlite = api.backend.conn.sqlite;
    await api.ok('customers.create', aCustomer());
    const before = book(sqlite);
    const result = await api.ok('imports.customers', csvUpload(lines(HEADER, BOYA, SHENDA)));
    expect(result).toMatchObject({ imported: 1, updated: 1 });
    expect(book(sqlite)).not.toEqual(before);
    expect(await found(api, '申达')).toBe(1);
    expect(await found(api, '13912345678')).toBe(1);
    expect((await api.ok('imports.customerHistory', {})).rows).toMatchObject([{ id: result.importId, status: 'published', created: 1, updated: 1, userName: expect.any(String) }]);

    expect(await api.ok('imports.undoCustomers', { importId: result.importId! })).toEqual({ removed: 1, restored: 1, kept: [] });
    expect(book(sqlite)).toEqual(before);
    expect(await found(api, '申达')).toBe(0);
    expect(await found(api, '13912345678')).toBe(0);
    expect(await found(api, '博雅')).toBe(1);
    expect((await api.ok('imports.customerHistory', {})).rows).toMatchObject([{ status: 'undone', undoneAt: expect.any(String) }]);
    const audit = sqlite.prepare("SELECT entity_id, changes FROM audit_log WHERE method = 'imports.undoCustomers'").all() as { entity_id: string; changes: string }[];
    expect(audit).toHaveLength(1);
    expect(JSON.parse(audit[0]!.changes)[0]).toMatchObject({ entityId: result.importId, fields: { status: { before: 'published', after: 'undone' }, removed: { after: 1 }, restored: { after: 1 } } });
    expect(await api.call('imports.undoCustomers', { importId: result.importId! })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(api.backend.checkInvariants().filter((r) => !r.ok)).toEqual([]);
    // An undone import that kept a change row would undo a customer it no longer holds: cli check says so.
    const boya = sqlite.prepare("SELECT id FROM customers WHERE name = '南京博雅食品有限公司'").pluck().get();
    sqlite.prepare("INSERT INTO customer_import_changes (import_id, customer_id, kind, before) VALUES (?, ?, 'updated', '{}')").run(result.importId, boya);
    expect(api.backend.checkInvariants().filter((r) => !r.ok)).toEqual([
      expect.objectContaining({ name: "customer imports keep exactly the change rows of what they still hold", differences: [expect.stringMatching(/is undone but still keeps 1 change rows/)] }),
    ]);
  });

  it('refuses, changing nothing, when a customer the import created has an order, and names it', async () => {
    const books = await salesBooks();
    const { api, sqlite } = books;
    const result = await api.ok('imports.customers', csvUpload(lines(HEADER, BOYA, SHENDA)));
    const shenda = sqlite.prepare("SELECT id, code FROM customers WHERE name = '上海申达贸易有限公司'").get() as { id: string; code: string };
    await api.ok('orders.create', { customerId: shenda.id, lines: [{ productId: books.product({ onHand: 10 }), quantity: 1 }] });
    const before = book(sqlite);
    const refused = await api.call('imports.undoCustomers', { importId: result.importId! });
    expect(refused).toMatchObject({ ok: false, error: { code: 'CONFLICT', details: { blockingCustomers: { reason: 'documents', codes: [shenda.code], count: 1 } } } });
    expect(book(sqlite)).toEqual(before);
    expect((await api.ok('imports.customerHistory', {})).rows).toMatchObject([{ status: 'published' }]);
  });

  it('refuses when a customer the import wrote was edited after it, and when the import is unknown', async () => {
    const api = await ownerApi();
    const result = await api.ok('imports.customers', csvUpload(lines(HEADER, BOYA, SHENDA)));
    const boya = api.backend.conn.sqlite.prepare("SELECT id, code FROM customers WHERE name = '南京博雅食品有限公司'").get() as { id: string; code: string };
    await new Promise((resolve) => setTimeout(resolve, 5));
    await api.ok('customers.update', { id: boya.id, notes: '电话里说下月再订' });
    expect(await api.call('imports.undoCustomers', { importId: result.importId! })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', details: { blockingCustomers: { reason: 'edited', codes: [boya.code], count: 1 } } },
    });
    expect(await api.call('imports.undoCustomers', { importId: '0190aaaa-0000-7000-8000-000000000000' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('pages the import history on the server and exports all of it to Excel with who, when, counts and status in words', async () => {
    const api = await ownerApi();
    const first = await api.ok('imports.customers', csvUpload(lines(HEADER, BOYA)));
    await api.ok('imports.customers', csvUpload(lines(HEADER, SHENDA)));
    await api.ok('imports.undoCustomers', { importId: first.importId! });
    const page = await api.ok('imports.customerHistory', { page: 2, pageSize: 1 });
    expect(page).toMatchObject({ total: 2, totalIsExact: true, rows: [{ id: first.importId, status: 'undone' }] });

    const file = await api.ok('exports.customerImports', { format: 'xlsx', language: 'zh-CN' });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(file.content) as never);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.name).toBe('客户导入记录');
    expect((sheet.getRow(1).values as unknown[]).slice(1, 7)).toEqual(['文件', '开始时间', '操作人', '新建', '更新', '状态']);
    expect(sheet.rowCount).toBe(3);
    // Newest first: the second import stands, the first was undone.
    expect([sheet.getRow(2).getCell(4).value, sheet.getRow(2).getCell(6).value]).toEqual([1, '已完成']);
    expect([sheet.getRow(3).getCell(4).value, sheet.getRow(3).getCell(6).value]).toEqual([1, '已撤销']);
    expect(sheet.getRow(3).getCell(8).value).toBeInstanceOf(Date);
  });
});
