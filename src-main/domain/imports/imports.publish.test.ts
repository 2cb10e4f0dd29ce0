import { describe, expect, it } from 'vitest';
import { ownerApi } from '../../db/test-db';
import { aCustomer } from '../customers/customers.test-helpers';
import { csvUpload, lines, reaching } from './imports.test-helpers';

const HEADER = '客户名称,联系人,手机,详细地址,标签';

function sheet(rows: number) {
  return csvUpload(lines(HEADER, ...Array.from({ length: rows }, (_, i) => `南京客户${i}有限公司,联系人${i},139${String(i).padStart(8, '0')},南京市中山北路${i}号,重点客户`)));
}

describe('a customer import publishes at the end, letting other writes in while it prepares', () => {
  it("saves a salesperson's new customer while the import is still checking its rows, then numbers the import after it", async () => {
    const api = await ownerApi();
    const jobId = 'import-beside-a-save';
    let importDone = false;
    const checking = reaching(api, jobId, 'checking');
    const importing = api.call('imports.customers', { ...sheet(3000), jobId }).finally(() => (importDone = true));
    await checking;
    const saved = await api.ok('customers.create', aCustomer({ name: '手工录入贸易有限公司', shortName: null }));
    const savedBeforeImportEnded = !importDone;

    expect(await importing).toMatchObject({ ok: true, data: { imported: 3000 } });
    // Today's one-transaction import held the write connection from its first row: the save waited and took C003001.
    expect(savedBeforeImportEnded).toBe(true);
    expect(saved.code).toBe('C000001');
    const codes = api.backend.conn.sqlite.prepare('SELECT min(code) AS first, max(code) AS last, count(*) AS n FROM customers').get();
    expect(codes).toEqual({ first: 'C000001', last: 'C003001', n: 3001 });
  }, 180_000);

  it('leaves no customer, no number taken and the search trigger in place when cancelled while preparing', async () => {
    const api = await ownerApi();
    const jobId = 'import-cancelled-while-preparing';
    const preparing = reaching(api, jobId, 'preparing', 0, () => void api.call('jobs.cancel', { jobId }));
    const result = await api.call('imports.customers', { ...sheet(3000), jobId });
    await preparing;
    expect(result).toMatchObject({ ok: false, error: { code: 'CANCELLED' } });
    const sqlite = api.backend.conn.sqlite;
    expect(sqlite.prepare('SELECT count(*) FROM customers').pluck().get()).toBe(0);
    expect(sqlite.prepare('SELECT count(*) FROM customer_search').pluck().get()).toBe(0);
    expect(sqlite.prepare("SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND name = 'customer_search_ai'").pluck().get()).toBe(1);
    expect((await api.ok('customers.create', aCustomer())).code).toBe('C000001');
  }, 180_000);

  it('publishes nothing in strict mode when a row has an error, and still writes its one audit row', async () => {
    const api = await ownerApi();
    const upload = csvUpload(lines(HEADER, '南京博雅食品有限公司,周博雅,13912345678,,', '上海申达贸易有限公司,李明,1381111,,'));
    expect(await api.ok('imports.customers', { ...upload, strict: true })).toMatchObject({ imported: 0, errors: [{ row: 3 }] });
    const sqlite = api.backend.conn.sqlite;
    expect(sqlite.prepare('SELECT count(*) FROM customers').pluck().get()).toBe(0);
    const audit = sqlite.prepare("SELECT changes FROM audit_log WHERE method = 'imports.customers'").pluck().all() as string[];
    expect(audit.map((changes) => JSON.parse(changes)[0].fields.errors.after)).toEqual([1]);
  });
});
