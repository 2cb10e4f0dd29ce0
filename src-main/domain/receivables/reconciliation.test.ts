import { describe, expect, it } from 'vitest';
import { aCustomer, anInvoice, aReceipt, aWorld, type World } from './receivables.test-helpers';

const LONG = 180_000;

async function aProjectInvoice(world: World, customerId: string, gross: number, invoiceDate: string, project: string) {
  return world.api.ok('receivables.invoiceServices', { customerId, invoiceDate, project, lines: [{ description: '工程款', quantity: 1, unitPrice: gross, vatRate: 900 }] });
}

function agingTotal(report: { rows: { customer_code: string; total: number }[] }, code: string): number {
  return report.rows.find((r) => r.customer_code === code)?.total ?? 0;
}

describe('reconciliation (对账)', () => {
  it('opens with what was owed the day before, runs through every posting and closes on the balance and the aging of the end date', async () => {
    const world = await aWorld();
    const customerId = await aCustomer(world);
    const { code } = await world.api.ok('customers.get', { id: customerId });
    const before = await anInvoice(world, customerId, 50_000, '2026-01-10');
    await aReceipt(world, customerId, 20_000, '2026-01-25', true);
    const march = await anInvoice(world, customerId, 30_000, '2026-03-02');
    const { receipt } = await aReceipt(world, customerId, 45_000, '2026-03-10');
    const [allocation] = await world.api.ok('receivables.allocate', { receiptId: receipt.id, allocationDate: '2026-03-12', allocations: [{ invoiceId: before.id, amount: 30_000 }] });
    await world.api.ok('receivables.writeOff', { invoiceId: march.id, amount: 80, reason: '抹零', date: '2026-03-15' });
    await world.api.ok('receivables.refund', { receiptId: receipt.id, amount: 5_000, method: 'bank_transfer', date: '2026-03-20' });
    const reversed = await anInvoice(world, customerId, 7_000, '2026-03-21');
    await world.api.ok('receivables.reverseInvoice', { id: reversed.id, reversedOn: '2026-03-22', reason: '开错客户' });
    await anInvoice(world, customerId, 9_999, '2026-04-02');

    const march2026 = await world.api.ok('receivables.reconciliation', { customerId, from: '2026-03-01', to: '2026-03-31' });
    expect(march2026.openingBalance).toBe(50_000 - 20_000);
    expect(march2026.entries.map((e) => [e.date, e.kind, e.reversal, e.change, e.balance])).toEqual([
      ['2026-03-02', 'invoice', false, 30_000, 60_000],
      ['2026-03-10', 'receipt', false, -45_000, 15_000],
      ['2026-03-12', 'allocation', false, 0, 15_000],
      ['2026-03-15', 'writeoff', false, -80, 14_920],
      ['2026-03-20', 'refund', false, 5_000, 19_920],
      ['2026-03-21', 'invoice', false, 7_000, 26_920],
      ['2026-03-22', 'invoice', true, -7_000, 19_920],
    ]);
    expect(march2026.entries[2]).toMatchObject({ id: allocation!.id, number: receipt.receiptNo, invoiceNo: before.invoiceNo, amount: 30_000, undoable: true });
    expect(march2026.closingBalance).toBe(19_920);
    const aging = await world.api.ok('receivables.aging', { asOf: '2026-03-31' });
    expect(agingTotal(aging, code)).toBe(march2026.closingBalance);
    expect(agingTotal(await world.api.ok('receivables.aging', { asOf: '2026-02-28' }), code)).toBe(march2026.openingBalance);

    const toToday = await world.api.ok('receivables.reconciliation', { customerCode: code, from: '2026-03-01', to: '2099-12-31' });
    expect(toToday.customerId).toBe(customerId);
    const { balance } = await world.api.ok('receivables.balance', { customerId });
    expect(toToday.closingBalance).toBe(balance);
    expect(balance).toBe(19_920 + 9_999);
  }, LONG);

  it('puts unapplied receipts and credit notes beside the open invoices, and matching and undoing move both sides', async () => {
    const world = await aWorld();
    const customerId = await aCustomer(world, { paymentTermsDays: 30 });
    const old = await anInvoice(world, customerId, 10_000, '2026-01-05');
    const recent = await anInvoice(world, customerId, 6_000, '2026-02-05');
    const credit = await world.api.ok('receivables.creditPriceCorrection', { correctsInvoiceId: recent.id, amount: 1_000, reason: '让价', invoiceDate: '2026-02-06' });
    const { receipt } = await aReceipt(world, customerId, 12_000, '2026-02-10');

    const before = await world.api.ok('receivables.reconciliation', { customerId, from: '2026-02-01', to: '2026-02-28' });
    // The price correction is applied to its invoice at once, so only the receipt is unapplied.
    expect(before.unmatched.map((m) => [m.kind, m.number, m.unapplied])).toEqual([['receipt', receipt.receiptNo, 12_000]]);
    expect(before.openInvoices.map((i) => [i.invoiceNo, i.openAmount])).toEqual([
      [old.invoiceNo, 10_000],
      [recent.invoiceNo, 5_000],
    ]);
    expect(before.openInvoices[0]!.daysOverdue).toBeGreaterThan(0);
    expect(credit.openAmount).toBe(0);

    const [first, second] = await world.api.ok('receivables.allocate', {
      receiptId: receipt.id,
      allocationDate: '2026-02-10',
      allocations: [
        { invoiceId: old.id, amount: 10_000 },
        { invoiceId: recent.id, amount: 2_000 },
      ],
    });
    const matched = await world.api.ok('receivables.reconciliation', { customerId, from: '2026-02-01', to: '2026-02-28' });
    expect(matched.unmatched).toEqual([]);
    expect(matched.openInvoices.map((i) => [i.invoiceNo, i.openAmount])).toEqual([[recent.invoiceNo, 3_000]]);
    expect(matched.closingBalance).toBe(before.closingBalance);

    await world.api.ok('receivables.reverseAllocation', { id: second!.id, date: '2026-02-11', reason: '核销错了' });
    const undone = await world.api.ok('receivables.reconciliation', { customerId, from: '2026-02-01', to: '2026-02-28' });
    expect(undone.unmatched.map((m) => m.unapplied)).toEqual([2_000]);
    expect(undone.openInvoices.map((i) => i.openAmount)).toEqual([5_000]);
    const rows = undone.entries.filter((e) => e.kind === 'allocation').map((e) => [e.number, e.invoiceNo, e.amount, e.reversal, e.undoable]);
    expect(rows).toEqual([
      [credit.invoiceNo, recent.invoiceNo, 1_000, false, true],
      [receipt.receiptNo, old.invoiceNo, 10_000, false, true],
      [receipt.receiptNo, recent.invoiceNo, 2_000, false, false],
      [receipt.receiptNo, recent.invoiceNo, -2_000, true, false],
    ]);
    expect(undone.entries.find((e) => e.amount === 10_000)!.id).toBe(first!.id);
  }, LONG);

  it('reconciles one project by its own invoices and what was applied to them', async () => {
    const world = await aWorld();
    const customerId = await aCustomer(world);
    const east = await aProjectInvoice(world, customerId, 40_000, '2026-01-10', '东区仓库');
    await aProjectInvoice(world, customerId, 25_000, '2026-01-12', '西区办公楼');
    await anInvoice(world, customerId, 3_000, '2026-01-15');
    const { receipt } = await aReceipt(world, customerId, 50_000, '2026-02-01');
    await world.api.ok('receivables.allocate', { receiptId: receipt.id, allocationDate: '2026-02-01', allocations: [{ invoiceId: east.id, amount: 15_000 }] });

    const project = await world.api.ok('receivables.reconciliation', { customerId, from: '2026-01-01', to: '2026-02-28', project: '东区仓库' });
    expect(project.projects).toEqual(['东区仓库', '西区办公楼']);
    expect(project.entries.map((e) => [e.kind, e.change, e.balance])).toEqual([
      ['invoice', 40_000, 40_000],
      ['allocation', -15_000, 25_000],
    ]);
    expect(project.openInvoices.map((i) => i.openAmount)).toEqual([25_000]);
    // Receipts carry no project: any unapplied money can pay the project's invoices.
    expect(project.unmatched.map((m) => m.unapplied)).toEqual([35_000]);
  }, LONG);

  it('refuses a period that ends before it starts, and callers without receivables or outside their customers', async () => {
    const world = await aWorld();
    const customerId = await aCustomer(world);
    const backwards = await world.api.call('receivables.reconciliation', { customerId, from: '2026-03-01', to: '2026-02-01' });
    expect(backwards).toMatchObject({ ok: false, error: { code: 'VALIDATION', issues: [{ path: 'to' }] } });
    const warehouse = await world.api.as('warehouse');
    expect(await warehouse.call('receivables.reconciliation', { customerId, from: '2026-01-01', to: '2026-01-31' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await warehouse.call('receivables.customerSummary', { customerId })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const sales = await world.api.as('sales');
    expect(await sales.call('receivables.reconciliation', { customerId, from: '2026-01-01', to: '2026-01-31' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  }, LONG);
});

describe('the customer’s 360° receivables', () => {
  it('shows what is owed, overdue and for how long, and the credit used against the limit', async () => {
    const world = await aWorld();
    const customerId = await aCustomer(world, { paymentTermsDays: 30 });
    await world.api.ok('customers.update', { id: customerId, creditLimit: 100_000 });
    await anInvoice(world, customerId, 40_000, '2026-01-05');
    await anInvoice(world, customerId, 20_000, '2026-02-05');
    await aReceipt(world, customerId, 45_000, '2026-02-10', true);
    const summary = await world.api.ok('receivables.customerSummary', { customerId });
    const { balance, overdue, openInvoices } = await world.api.ok('receivables.balance', { customerId });
    expect(summary).toMatchObject({ balance, overdue, openInvoices, creditLimit: 100_000, creditUsed: 15_000 });
    expect(summary.balance).toBe(15_000);
    // The January invoice is paid; the oldest still open is February's, due 30 days after it.
    const today = (await world.api.ok('receivables.reconciliation', { customerId, from: '2026-01-01', to: '2026-01-01' })).openInvoices[0]!;
    expect(today.dueDate).toBe('2026-03-07');
    expect(summary.oldestOverdueDays).toBe(today.daysOverdue);
    expect(summary.oldestOverdueDays).toBeGreaterThan(0);
    expect(summary.creditHold).toBe(false);
    await world.api.ok('dunning.hold', { customerId, reason: '拖欠货款，暂停发货' });
    expect((await world.api.ok('receivables.customerSummary', { customerId })).creditHold).toBe(true);
  }, LONG);
});
