import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { createBackend } from '../../backend/backend';
import { ownerApiOnFile } from '../backup/backup.test-helpers';
import { aCustomer, aWorld, anInvoice, aReceipt, type World } from '../receivables/receivables.test-helpers';
import { vouchersBetween } from './vouchers.generate';

/** What the accounting screens read besides the vouchers themselves: kinds, auxiliary items, months, a month's totals. */
describe('what the accounting screens show', () => {
  it('classes each account by its first digit and keeps the customer auxiliary item on the receivable account', async () => {
    const world = await aWorld();
    await world.api.ok('vouchers.saveAccount', { code: '112201', name: '应收账款—华东', parentCode: null });
    let chart = await world.api.ok('vouchers.chart', {});
    const account = (code: string) => chart.accounts.find((a) => a.code === code)!;
    expect([account('1122').kind, account('2221').kind, account('6001').kind]).toEqual(['asset', 'liability', 'profit_loss']);
    expect(chart.accounts.filter((a) => a.customerAuxiliary).map((a) => a.code)).toEqual(['1122']);

    chart = await world.api.ok('vouchers.setMapping', { role: 'receivable', accountCode: '112201' });
    expect(chart.accounts.filter((a) => a.customerAuxiliary).map((a) => a.code)).toEqual(['112201']);
  });

  it('refuses a sub-account under a mapped account, naming the account, and adds nothing', async () => {
    const world = await aWorld();
    const before = world.sqlite.prepare('SELECT count(*) FROM chart_accounts').pluck().get();
    expect(await world.api.call('vouchers.saveAccount', { code: '600101', name: '主营业务收入—五金', parentCode: '6001' })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', issues: [{ path: 'parentCode', code: 'account_mapped', params: { code: '6001', role: 'revenue' } }] },
    });
    expect(world.sqlite.prepare('SELECT count(*) FROM chart_accounts').pluck().get()).toBe(before);
  });

  it("sums a month's vouchers before it is closed: how many, and debits equal to credits", async () => {
    const world = await aWorld();
    const customerId = await aCustomer(world);
    await anInvoice(world, customerId, 113_000, '2026-03-02');
    await aReceipt(world, customerId, 50_000, '2026-03-20');
    await anInvoice(world, customerId, 9_999, '2026-04-01');
    expect(await world.api.ok('vouchers.periodSummary', { period: '2026-03' })).toEqual({ period: '2026-03', voucherCount: 2, debitTotal: 163_000, creditTotal: 163_000 });
    expect(await world.api.ok('vouchers.periodSummary', { period: '2026-05' })).toEqual({ period: '2026-05', voucherCount: 0, debitTotal: 0, creditTotal: 0 });
  });

  it('lists twelve months newest first, each closed one with who closed it and when', async () => {
    const world = await aWorld();
    const accountant = await world.api.as('accountant');
    await accountant.ok('vouchers.closePeriod', { period: '2026-01' });
    await accountant.ok('vouchers.closePeriod', { period: '2026-03' });
    await world.api.ok('vouchers.reopenPeriod', { period: '2026-03', reason: '补录发票' });
    const status = await world.api.ok('vouchers.periods', {});
    expect(status.months).toHaveLength(12);
    expect(status.months[0]!.period >= '2026-11').toBe(true);
    const month = (period: string) => status.months.find((m) => m.period === period);
    const closing = status.events.find((e) => e.action === 'close' && e.period === '2026-03')!;
    // The reopen of March left February closed: it was closed by the close of March.
    expect(month('2026-02')).toEqual({ period: '2026-02', closed: true, closedBy: closing.username, closedAt: closing.at });
    expect(month('2026-03')).toEqual({ period: '2026-03', closed: false, closedBy: null, closedAt: null });
    expect(status.months.filter((m) => m.closed).map((m) => m.period)).toEqual(status.months.map((m) => m.period).filter((p) => p <= '2026-02'));
  });

  it('exports the export history to Excel with who, when, period, format and count', async () => {
    const world = await aWorld();
    const customerId = await aCustomer(world);
    await anInvoice(world, customerId, 1_000, '2026-03-02');
    await world.api.ok('vouchers.export', { from: '2026-03-01', to: '2026-03-31', format: 'kingdee' });
    const file = await world.api.ok('exports.voucherHistory', { format: 'xlsx', language: 'zh-CN' });
    expect(file).toMatchObject({ rows: 1 });
    expect(file.fileName).toMatch(/^凭证导出记录-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(file.content) as unknown as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    expect((sheet.getRow(1).values as unknown[]).slice(1, 7)).toEqual(['导出时间', '导出人', '起始日期', '截止日期', '格式', '凭证数']);
    expect((sheet.getRow(2).values as unknown[]).slice(5, 7)).toEqual(['金蝶 XLSX', 1]);
    // Who exported, by the name people know them by rather than the login.
    const owner = world.sqlite.prepare("SELECT display_name, username FROM users WHERE role = 'owner'").get() as { display_name: string; username: string };
    expect(owner.display_name).not.toBe(owner.username);
    expect(sheet.getRow(2).getCell(2).value).toBe(owner.display_name);
  });

  it("pages through a month's vouchers as the whole month numbers them, and a posting committed between two pages shows on the next", async () => {
    const world = await aWorld();
    const customerId = await aCustomer(world);
    for (const day of ['02', '09', '16']) await anInvoice(world, customerId, 11_300, `2026-03-${day}`);
    await aReceipt(world, customerId, 5_000, '2026-03-20');
    const month = { from: '2026-03-01', to: '2026-03-31' };
    const first = await world.api.ok('vouchers.list', { ...month, page: 1, pageSize: 3 });
    const second = await world.api.ok('vouchers.list', { ...month, page: 2, pageSize: 3 });
    expect([first.total, second.total]).toEqual([4, 4]);
    expect([...first.rows, ...second.rows]).toEqual(vouchersBetween(world.sqlite, month.from, month.to));
    expect(second.rows.map((v) => [v.number, v.source])).toEqual([[4, 'receipt']]);

    await anInvoice(world, customerId, 2_260, '2026-03-05');
    const after = await world.api.ok('vouchers.list', { ...month, page: 2, pageSize: 3 });
    expect(after.total).toBe(5);
    expect(after.rows.map((v) => [v.number, v.source, v.lines[0]!.debit])).toEqual([
      [4, 'receipt', 5_000],
      [5, 'invoice', 2_260],
    ]);
  });

  it('sees a posting committed by another desktop on the same file between two pages', async () => {
    const api = await ownerApiOnFile();
    try {
      const world: World = { api, sqlite: api.backend.conn.sqlite, productId: '', warehouseId: '' };
      const customerId = await aCustomer(world);
      await anInvoice(world, customerId, 11_300, '2026-03-02');
      const month = { from: '2026-03-01', to: '2026-03-31', page: 1, pageSize: 50 };
      expect((await api.ok('vouchers.list', month)).total).toBe(1);
      const otherDesk = createBackend({ file: api.dbFile });
      const posted = await otherDesk.call({ session: api.session, transport: 'test' }, 'receivables.invoiceServices', {
        customerId,
        invoiceDate: '2026-03-03',
        lines: [{ description: '上门维修', quantity: 1, unitPrice: 5_650, vatRate: 1300 }],
      });
      await otherDesk.close();
      expect(posted.ok).toBe(true);
      const page = await api.ok('vouchers.list', month);
      expect(page.rows.map((v) => [v.number, v.lines[0]!.debit])).toEqual([
        [1, 11_300],
        [2, 5_650],
      ]);
    } finally {
      api.close();
    }
  });
});
