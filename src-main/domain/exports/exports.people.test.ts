import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { ownerApi, type TestApi } from '../../db/test-db';
import { aCustomer, creditCode } from '../customers/customers.test-helpers';
import { aCampaign, aLead } from '../leads/leads.test-helpers';
import { businessDateIn } from '../core/dates';

/** What a clock on the wall in Shanghai showed at an instant: 2026-11-28 09:54. */
const shanghai = (iso: string) => new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai', dateStyle: 'short', timeStyle: 'short' }).format(new Date(iso));

async function sheetOf(content: Uint8Array): Promise<ExcelJS.Worksheet> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(content) as never);
  return workbook.worksheets[0]!;
}

/** Row `n` as header → cell, so a test reads a value by the header a person sees. */
function byHeader(sheet: ExcelJS.Worksheet, n: number): Map<string, ExcelJS.Cell> {
  const cells = new Map<string, ExcelJS.Cell>();
  sheet.getRow(1).eachCell((header, column) => cells.set(String(header.value), sheet.getRow(n).getCell(column)));
  return cells;
}

async function aCompanyWithCustomers(): Promise<TestApi> {
  const api = await ownerApi();
  await api.ok('customers.saveFieldDef', { key: 'grade', label: '客户评级', type: 'choice', options: ['A', 'B'] });
  await api.ok(
    'customers.create',
    aCustomer({
      name: '南京博雅食品有限公司',
      creditCode: creditCode(),
      size: 'large',
      creditLimit: 500050,
      paymentTermsDays: 30,
      cooperationSince: '2026-01-15',
      customFields: { grade: 'A' },
      contacts: [{ name: '周博雅', mobile: '13912345678', title: '总经理' }],
    }),
  );
  await api.ok('customers.create', aCustomer({ name: '=HYPERLINK("http://x")', shortName: '+1', kind: 'individual', contacts: [{ name: '-李明', mobile: '13811112222' }] }));
  return api;
}

describe('exports for people', () => {
  it('writes the customer list as Excel a person reads: Chinese headers and labels, dates, times in the company zone, money in yuan', async () => {
    const api = await aCompanyWithCustomers();
    const file = await api.ok('exports.customers', { format: 'xlsx', language: 'zh-CN' });
    expect(file).toMatchObject({ rows: 2, fileName: `客户档案-${businessDateIn('Asia/Shanghai')}.xlsx` });
    const sheet = await sheetOf(file.content);
    expect(sheet.name).toBe('客户档案');
    expect((sheet.getRow(1).values as unknown[]).slice(1, 6)).toEqual(['客户编码', '客户名称', '简称', '类型', '统一社会信用代码']);
    expect(sheet.getRow(1).getCell(1).font).toMatchObject({ bold: true });
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    const boya = byHeader(sheet, 2);
    expect(boya.get('类型')!.value).toBe('企业');
    expect(boya.get('规模')!.value).toBe('大型');
    expect(boya.get('状态')!.value).toBe('正常');
    expect(boya.get('客户评级')!.value).toBe('A');
    expect(boya.get('信用额度（元）')).toMatchObject({ value: 5000.5, numFmt: '#,##0.00' });
    expect(boya.get('合作开始日期')).toMatchObject({ value: new Date('2026-01-15T00:00:00Z'), numFmt: 'yyyy-mm-dd' });
    const created = (await api.ok('customers.get', { id: (await api.ok('customers.list', { q: '博雅' })).rows[0]!.id })).createdAt;
    const createdCell = boya.get('建档时间')!;
    expect(createdCell.numFmt).toBe('yyyy-mm-dd hh:mm');
    expect((createdCell.value as Date).toISOString().slice(0, 16).replace('T', ' ')).toBe(shanghai(created));
    expect(byHeader(sheet, 3).get('类型')!.value).toBe('个人');
    // Wide enough for what they hold: the name column for a ten-character Chinese name.
    expect(sheet.getColumn(2).width).toBeGreaterThanOrEqual(22);
    for (let c = 1; c <= sheet.columnCount; c++) expect(sheet.getColumn(c).width).toBeGreaterThanOrEqual(8);
  });

  it('neutralises cells Excel would run as formulas, in XLSX and in CSV', async () => {
    const api = await aCompanyWithCustomers();
    const sheet = await sheetOf((await api.ok('exports.customers', { format: 'xlsx', language: 'zh-CN' })).content);
    const row = byHeader(sheet, 3);
    expect(row.get('客户名称')!.value).toBe(`'=HYPERLINK("http://x")`);
    expect(row.get('简称')!.value).toBe("'+1");
    expect(row.get('联系人')!.value).toBe("'-李明");
    sheet.eachRow((r) => r.eachCell((cell) => expect(cell.type).not.toBe(ExcelJS.ValueType.Formula)));
    const csv = Buffer.from((await api.ok('exports.customers', { format: 'csv', language: 'zh-CN' })).content).toString('utf8');
    expect(csv).toContain(`"'=HYPERLINK(""http://x"")",'+1`);
    expect(csv).toContain("'-李明");
  });

  it('writes CSV for people with text dates and times, and speaks English and Traditional Chinese too', async () => {
    const api = await aCompanyWithCustomers();
    const csv = await api.ok('exports.customers', { format: 'csv', language: 'zh-CN' });
    expect(csv.fileName).toMatch(/^客户档案-\d{4}-\d{2}-\d{2}\.csv$/);
    const [header, first] = Buffer.from(csv.content).toString('utf8').slice(1).split('\r\n');
    expect(header!.startsWith('客户编码,客户名称,简称,类型')).toBe(true);
    expect(first).toContain(',企业,');
    expect(first).toContain(',5000.50,30,2026-01-15,');
    expect(first).toMatch(/,\d{4}-\d{2}-\d{2} \d{2}:\d{2},A$/);
    const en = await api.ok('exports.customers', { format: 'xlsx', language: 'en' });
    expect(en.fileName).toMatch(/^customers-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const enSheet = await sheetOf(en.content);
    expect(enSheet.getRow(1).getCell(1).value).toBe('Customer code');
    expect(byHeader(enSheet, 2).get('Type')!.value).toBe('Company');
    const tw = await api.ok('exports.customers', { format: 'xlsx', language: 'zh-TW' });
    expect(tw.fileName).toMatch(/^客戶檔案-/);
    expect((await sheetOf(tw.content)).getRow(1).getCell(1).value).toBe('客戶編碼');
  });

  it('reads its own Chinese Excel file back without changing anything', async () => {
    const api = await aCompanyWithCustomers();
    const file = await api.ok('exports.customers', { format: 'xlsx', language: 'zh-CN' });
    const result = await api.ok('imports.customers', { fileName: file.fileName, contentBase64: Buffer.from(file.content).toString('base64') });
    expect(result).toMatchObject({ imported: 0, updated: 0, unchanged: 2, errors: [] });
  });

  it('exports the leads list with its filters, status labels and times', async () => {
    const api = await ownerApi();
    const first = await api.ok('leads.create', aLead({ name: '陈静', company: '苏州恒通建材有限公司' }));
    await api.ok('leads.create', aLead({ name: '刘洋' }));
    await api.ok('leads.update', { id: first.id, status: 'contacted' });
    const file = await api.ok('exports.leads', { format: 'xlsx', language: 'zh-CN', sort: { field: 'code', dir: 'asc' } });
    expect(file).toMatchObject({ rows: 2, fileName: expect.stringMatching(/^线索-\d{4}-\d{2}-\d{2}\.xlsx$/) });
    const sheet = await sheetOf(file.content);
    expect((sheet.getRow(1).values as unknown[]).slice(1, 5)).toEqual(['线索编号', '联系人', '职务', '公司名称']);
    const row = byHeader(sheet, 2);
    expect(row.get('状态')!.value).toBe('跟进中');
    expect(row.get('公司名称')!.value).toBe('苏州恒通建材有限公司');
    expect((row.get('创建时间')!.value as Date).toISOString().slice(0, 16).replace('T', ' ')).toBe(shanghai(first.createdAt));
    expect(byHeader(sheet, 3).get('状态')!.value).toBe('待跟进');
    const contacted = await api.ok('exports.leads', { format: 'csv', filters: { status: ['contacted'] } });
    const lines = Buffer.from(contacted.content).toString('utf8').slice(1).trim().split('\r\n');
    expect(lines[0]!.startsWith('lead_code,name,title,company')).toBe(true);
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain(`${first.code},陈静`);
    expect(lines[1]).toContain(',contacted,');
    const warehouse = await api.as('warehouse');
    expect(await warehouse.call('exports.leads', { format: 'xlsx' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('exports the campaigns list with their cost in yuan and dates', async () => {
    const api = await ownerApi();
    await api.ok('leads.saveCampaign', aCampaign({ name: '2026 春季糖酒会', cost: 1_234_550, startDate: '2026-03-01', endDate: '2026-03-31', status: 'running' }));
    const file = await api.ok('exports.campaigns', { format: 'xlsx', language: 'zh-CN' });
    expect(file).toMatchObject({ rows: 1, fileName: expect.stringMatching(/^营销活动-/) });
    const row = byHeader(await sheetOf(file.content), 2);
    expect(row.get('活动名称')!.value).toBe('2026 春季糖酒会');
    expect(row.get('状态')!.value).toBe('进行中');
    expect(row.get('活动费用')).toMatchObject({ value: 12345.5, numFmt: '#,##0.00' });
    expect(row.get('开始日期')).toMatchObject({ value: new Date('2026-03-01T00:00:00Z'), numFmt: 'yyyy-mm-dd' });
    const csv = Buffer.from((await api.ok('exports.campaigns', { format: 'csv' })).content).toString('utf8');
    expect(csv).toContain('2026 春季糖酒会,百度推广,2026-03-01,2026-03-31,running,12345.50,0,0,,');
  });

  it('exports the activity log with who did what, worded for the reader', async () => {
    const api = await ownerApi();
    await api.ok('customers.create', aCustomer({ name: '南京博雅食品有限公司', creditLimit: 100000 }));
    const file = await api.ok('exports.auditLog', { format: 'xlsx', language: 'zh-CN', method: 'customers' });
    expect(file).toMatchObject({ rows: 1, fileName: expect.stringMatching(/^操作日志-/) });
    const sheet = await sheetOf(file.content);
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(['时间', '操作人', '操作', '对象', '编号', '变更内容', '来源']);
    const row = byHeader(sheet, 2);
    expect(row.get('操作')!.value).toBe('新建客户');
    expect(row.get('对象')!.value).toBe('客户');
    expect(row.get('来源')!.value).toBe('测试');
    expect(row.get('变更内容')!.value).toEqual(expect.stringContaining('名称: — → 南京博雅食品有限公司'));
    expect(row.get('时间')!.numFmt).toBe('yyyy-mm-dd hh:mm');
    const sales = await api.as('sales');
    expect(await sales.call('exports.auditLog', { format: 'xlsx' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});
