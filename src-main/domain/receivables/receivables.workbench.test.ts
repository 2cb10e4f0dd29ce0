import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { businessDateIn, addDays } from '../core/dates';
import { csvLines, sheetRows } from '../exports/exports.test-helpers';
import { aCustomer, aReceipt, aWorld, anInvoice } from './receivables.test-helpers';

describe('what the receivables screens and the workbench read', () => {
  it('counts open and overdue invoices and unapplied receipts as the lists they link to, and the customer summary agrees', async () => {
    const world = await aWorld();
    const today = businessDateIn('Asia/Shanghai');
    const late = await aCustomer(world, { paymentTermsDays: 30 });
    const onTime = await aCustomer(world, { paymentTermsDays: 30 });
    const overdueInvoice = await anInvoice(world, late, 11_300, addDays(today, -45));
    await anInvoice(world, late, 22_600, addDays(today, -5));
    await anInvoice(world, onTime, 5_000, addDays(today, -60));
    await aReceipt(world, onTime, 8_000, addDays(today, -1), true);

    const bench = await world.api.ok('workbench.cards', {});
    const card = bench.cards.find((c) => c.key === 'receivables')!;
    const figures = Object.fromEntries(card.figures.map((f) => [f.key, f]));
    expect(figures['openInvoices']).toMatchObject({ count: 2, amount: 33_900 });
    expect(figures['overdueInvoices']).toMatchObject({ count: 1, amount: 11_300 });
    expect(figures['unappliedReceipts']).toMatchObject({ count: 1, amount: 3_000 });
    for (const f of card.figures) {
      const page = await world.api.ok(f.link!.method as 'receivables.listInvoices', { filters: f.link!.filters as never, page: 1, pageSize: 50 });
      expect({ figure: f.key, total: page.total }).toEqual({ figure: f.key, total: f.count });
    }
    const overdueList = await world.api.ok('receivables.listInvoices', { filters: { openOnly: true, kind: 'invoice', dueBefore: today } });
    expect(overdueList.rows.map((r) => r.id)).toEqual([overdueInvoice.id]);
    const byCode = await world.api.ok('receivables.listInvoices', { filters: { customerCode: overdueInvoice.customerCode } });
    expect(byCode.total).toBe(2);

    expect(await world.api.ok('receivables.balance', { customerId: late })).toEqual({ customerId: late, balance: 33_900, openInvoices: 33_900, overdue: 11_300, credit: 0 });
    expect(await world.api.ok('receivables.balance', { customerId: onTime })).toMatchObject({ balance: -3_000, overdue: 0, credit: 3_000 });
  });

  it('exports the filtered invoice list with every matching row, in the reader’s language', async () => {
    const world = await aWorld();
    const customer = await aCustomer(world, { name: '南京金桥贸易有限公司' });
    await anInvoice(world, customer, 11_300, '2026-03-01');
    await anInvoice(world, customer, 5_650, '2026-03-02');
    await anInvoice(world, await aCustomer(world), 1_000, '2026-03-03');

    const file = await world.api.ok('exports.invoices', { filters: { customerId: customer }, format: 'xlsx', language: 'zh-CN' });

    expect(file.rows).toBe(2);
    expect(file.fileName).toMatch(/^发票-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(file.content) as never);
    const sheet = workbook.worksheets[0]!;
    const headers = (sheet.getRow(1).values as unknown[]).slice(1);
    const cell = (row: number, header: string) => sheet.getRow(row).getCell(headers.indexOf(header) + 1).value;
    expect([2, 3].map((r) => [cell(r, '客户名称'), cell(r, '价税合计'), cell(r, '类型')])).toEqual([
      ['南京金桥贸易有限公司', 56.5, '发票'],
      ['南京金桥贸易有限公司', 113, '发票'],
    ]);
  });

  it('exports the receipts list as filtered on screen, an unallocated remainder and the method worded', async () => {
    const world = await aWorld();
    const customer = await aCustomer(world, { name: '南京金桥贸易有限公司' });
    await anInvoice(world, customer, 5_000, '2026-03-01');
    const { receipt: over } = await aReceipt(world, customer, 8_000, '2026-03-05', true);
    await aReceipt(world, await aCustomer(world), 1_000, '2026-03-06');

    const all = await world.api.ok('exports.receiptList', { format: 'csv' });
    expect(all.rows).toBe(2);
    const unapplied = await world.api.ok('exports.receiptList', { filters: { customerId: customer, unappliedOnly: true }, format: 'xlsx', language: 'zh-CN' });
    expect(unapplied.fileName).toMatch(/^收款-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const [header, row, ...rest] = await sheetRows(unapplied.content);
    expect(rest).toEqual([]);
    const cell = (name: string) => row![header!.indexOf(name)];
    expect([cell('收款单号'), cell('客户'), cell('收款方式'), cell('状态'), cell('金额'), cell('未核销')]).toEqual([over.receiptNo, '南京金桥贸易有限公司', '银行转账', '已过账', 80, 30]);
    const forTools = csvLines((await world.api.ok('exports.receiptList', { filters: { customerId: customer }, format: 'csv' })).content);
    expect(forTools[0]).toBe('receipt_no,customer_code,customer_name,receipt_date,method,reference,bank_account,bill_maturity_date,status,amount,unapplied');
    expect(forTools[1]).toBe(`${over.receiptNo},${over.customerCode},南京金桥贸易有限公司,2026-03-05,bank_transfer,,,,posted,80.00,30.00`);
  });
});

describe('the words of the receipts list file', () => {
  it('are the words the receipts screen uses, in every language', async () => {
    const { RECEIPT_LIST_EXPORT_WORDS } = await import('./receivables.export');
    for (const language of ['zh-CN', 'en', 'zh-TW'] as const) {
      const receivables = (await import(`../../../src-renderer/features/receivables/messages.${language}.ts`)).default;
      const words = RECEIPT_LIST_EXPORT_WORDS[language];
      expect(words.method).toEqual(receivables.method);
      expect(words.status).toEqual(receivables.status);
      const { receiptNo, customer, receiptDate, method, reference, bankAccount, billMaturityDate, status, unapplied } = receivables.field;
      expect(words.field).toMatchObject({ receiptNo, customer, receiptDate, method, reference, bankAccount, billMaturityDate, status, unapplied });
    }
  });
});
