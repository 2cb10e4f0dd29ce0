import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { ownerApi, type TestApi } from '../../db/test-db';
import { aCustomer, creditCode } from '../customers/customers.test-helpers';

async function aCompanyWithCustomers(): Promise<TestApi> {
  const api = await ownerApi();
  await api.ok('customers.saveFieldDef', { key: 'grade', label: '客户评级', type: 'choice', options: ['A', 'B'] });
  const vip = await api.ok('customers.saveTag', { name: 'VIP', color: 'red' });
  await api.ok(
    'customers.create',
    aCustomer({
      name: '南京博雅食品有限公司',
      creditCode: creditCode(),
      creditLimit: 500050,
      paymentTermsDays: 30,
      industry: '食品',
      tagIds: [vip.id],
      customFields: { grade: 'A' },
      contacts: [{ name: '周博雅', mobile: '13912345678', title: '总经理' }],
      addresses: [{ kind: 'shipping', province: '江苏省', city: '南京市', detail: '中山北路1号', postcode: '210000' }],
    }),
  );
  await api.ok('customers.create', aCustomer({ name: '=HYPERLINK("http://x")', shortName: '+1', notes: '@SUM(A1)', contacts: [{ name: '-李明', mobile: '13811112222' }] }));
  await api.ok('customers.create', aCustomer({ name: '上海申达贸易有限公司', industry: '贸易', contacts: [{ name: '王五', mobile: '13700000001' }] }));
  return api;
}

function csvText(content: Uint8Array): string {
  return Buffer.from(content).toString('utf8');
}

describe('exports.customers', () => {
  it('writes every customer of the list query as CSV with a BOM, snake_case headers and neutralised formulas', async () => {
    const api = await aCompanyWithCustomers();
    const file = await api.ok('exports.customers', { format: 'csv' });
    expect(file).toMatchObject({ rows: 3, fileName: expect.stringMatching(/^customers-\d{4}-\d{2}-\d{2}\.csv$/) });
    const text = csvText(file.content);
    expect(text.startsWith('\uFEFF')).toBe(true);
    const [header, first, second] = text.slice(1).split('\r\n');
    expect(header!.split(',').slice(0, 4)).toEqual(['customer_code', 'name', 'short_name', 'kind']);
    expect(header).toContain('primary_contact');
    expect(header!.endsWith('custom_grade')).toBe(true);
    expect(first).toContain('C000001,南京博雅食品有限公司');
    expect(first).toContain('5000.50,30');
    expect(first).toContain('周博雅,总经理,13912345678');
    expect(first!.endsWith(',A')).toBe(true);
    expect(second).toContain(`"'=HYPERLINK(""http://x"")",'+1`);
    expect(second).toContain("'@SUM(A1)");
    expect(second).toContain("'-李明");
  });

  it('exports only what the query matches, in its order, or the chosen ids', async () => {
    const api = await aCompanyWithCustomers();
    const food = await api.ok('exports.customers', { format: 'csv', filters: { industry: '食品' } });
    expect(food.rows).toBe(1);
    const byName = await api.ok('exports.customers', { format: 'csv', q: 'shenda' });
    expect(csvText(byName.content)).toContain('上海申达贸易有限公司');
    const list = await api.ok('customers.list', { sort: { field: 'code', dir: 'desc' } });
    const desc = csvText((await api.ok('exports.customers', { format: 'csv', sort: { field: 'code', dir: 'desc' } })).content);
    expect(desc.split('\r\n').slice(1, 4).map((l) => l.split(',')[0])).toEqual(list.rows.map((r) => r.code));
    const picked = await api.ok('exports.customers', { format: 'csv', ids: [list.rows[0]!.id] });
    expect(picked.rows).toBe(1);
  });

  it('writes XLSX that exceljs reads back, with text cells neutralised', async () => {
    const api = await aCompanyWithCustomers();
    const file = await api.ok('exports.customers', { format: 'xlsx' });
    expect(file.fileName).toMatch(/\.xlsx$/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(file.content) as never);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.rowCount).toBe(4);
    expect(sheet.getRow(1).getCell(1).value).toBe('customer_code');
    const values = [2, 3, 4].flatMap((r) => (sheet.getRow(r).values as unknown[]).filter((v) => v !== undefined && v !== null));
    expect(values).toContain("'=HYPERLINK(\"http://x\")");
    expect(values).toContain("'+1");
    expect(values.some((v) => typeof v === 'object' && v !== null && 'formula' in v)).toBe(false);
    expect(values).toContain('南京博雅食品有限公司');
  });

  it('round-trips: importing its own export changes nothing', async () => {
    const api = await aCompanyWithCustomers();
    const before = await Promise.all((await api.ok('customers.list', {})).rows.map((r) => api.ok('customers.get', { id: r.id })));
    for (const format of ['csv', 'xlsx'] as const) {
      const file = await api.ok('exports.customers', { format });
      const result = await api.ok('imports.customers', { fileName: file.fileName, contentBase64: Buffer.from(file.content).toString('base64') });
      expect(result).toMatchObject({ imported: 0, updated: 0, unchanged: 3, skipped: 0, errors: [] });
    }
    const after = await Promise.all(before.map((c) => api.ok('customers.get', { id: c.id })));
    expect(after).toEqual(before);
  });

  it('refuses a role without the export permission', async () => {
    const api = await aCompanyWithCustomers();
    const service = await api.as('service');
    expect(await service.call('exports.customers', { format: 'csv' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const accountant = await api.as('accountant');
    expect((await accountant.ok('exports.customers', { format: 'csv' })).rows).toBe(3);
  });
});
