import { describe, expect, it } from 'vitest';
import { aCustomer, anInvoice, aReceipt, aWorld, balanceDue } from './receivables.test-helpers';

describe('receipts and allocation', () => {
  it('gives a receipt to the invoice of exactly that amount before the oldest one', async () => {
    const world = await aWorld();
    const customerId = await aCustomer(world, { paymentTermsDays: 30 });
    const older = await anInvoice(world, customerId, 50_000, '2026-01-05');
    const exact = await anInvoice(world, customerId, 30_000, '2026-02-05');
    const { receipt, allocations } = await aReceipt(world, customerId, 30_000, '2026-02-20', true);
    expect(receipt).toMatchObject({ receiptNo: 'SK-2026-000001', unappliedAmount: 0 });
    expect(allocations).toMatchObject([{ invoiceId: exact.id, amount: 30_000, allocationDate: '2026-02-20', kind: 'allocation' }]);
    expect(await world.api.ok('receivables.getInvoice', { id: older.id })).toMatchObject({ openAmount: 50_000 });
  });

  it('pays the oldest due first and leaves the rest of the last invoice open', async () => {
    const world = await aWorld();
    const customerId = await aCustomer(world);
    const first = await anInvoice(world, customerId, 50_000, '2026-01-05');
    const second = await anInvoice(world, customerId, 30_000, '2026-02-05');
    const later = await anInvoice(world, customerId, 10_000, '2026-03-05');
    const { allocations } = await aReceipt(world, customerId, 60_000, '2026-02-28', true);
    expect(allocations.map((a) => [a.invoiceId, a.amount])).toEqual([
      [first.id, 50_000],
      [second.id, 10_000],
    ]);
    expect(await world.api.ok('receivables.getInvoice', { id: second.id })).toMatchObject({ openAmount: 20_000 });
    // An invoice dated after the receipt's allocation date is not paid by it.
    expect(await world.api.ok('receivables.getInvoice', { id: later.id })).toMatchObject({ openAmount: 10_000 });
    expect(balanceDue(world, customerId)).toBe(90_000 - 60_000);
  });

  it('records a receipt dated before an invoice’s last payment, leaving that invoice to a later allocation instead of refusing the receipt', async () => {
    const world = await aWorld();
    const customerId = await aCustomer(world);
    const invoice = await anInvoice(world, customerId, 2_000, '2026-01-01');
    await aReceipt(world, customerId, 1_000, '2026-01-02', true);
    // Entered late, dated the day before: the invoice's entries may not go back in date, so it keeps its money as credit.
    const { receipt, allocations } = await aReceipt(world, customerId, 1_000, '2026-01-01', true);
    expect(allocations).toEqual([]);
    expect(receipt.unappliedAmount).toBe(1_000);
    expect(await world.api.ok('receivables.getInvoice', { id: invoice.id })).toMatchObject({ openAmount: 1_000 });
    const applied = await world.api.ok('receivables.autoAllocate', { receiptId: receipt.id, allocationDate: '2026-01-02' });
    expect(applied).toMatchObject([{ invoiceId: invoice.id, amount: 1_000, allocationDate: '2026-01-02' }]);
    expect(balanceDue(world, customerId)).toBe(0);
    expect(world.api.backend.checkInvariants().filter((r) => !r.ok && !r.name.includes('product'))).toEqual([]);
  });

  it('keeps an over-payment as customer credit that can be applied later or refunded', async () => {
    const world = await aWorld();
    const customerId = await aCustomer(world);
    await anInvoice(world, customerId, 80_000, '2026-01-05');
    const { receipt } = await aReceipt(world, customerId, 100_000, '2026-01-20', true);
    expect(receipt.unappliedAmount).toBe(20_000);
    expect(await world.api.ok('receivables.balance', { customerId })).toEqual({ customerId, balance: -20_000, openInvoices: 0, overdue: 0, credit: 20_000 });

    const next = await anInvoice(world, customerId, 15_000, '2026-02-01');
    const applied = await world.api.ok('receivables.autoAllocate', { receiptId: receipt.id, allocationDate: '2026-02-01' });
    expect(applied).toMatchObject([{ invoiceId: next.id, amount: 15_000 }]);

    const tooMuch = await world.api.call('receivables.refund', { receiptId: receipt.id, amount: 5_001, method: 'bank_transfer', date: '2026-02-10' });
    expect(tooMuch).toMatchObject({ ok: false, error: { code: 'VALIDATION', issues: [{ path: 'amount', code: 'more_than_open', params: { open: 5_000 } }] } });
    await world.api.ok('receivables.refund', { receiptId: receipt.id, amount: 5_000, method: 'bank_transfer', reference: '退款-001', date: '2026-02-10' });
    expect(await world.api.ok('receivables.balance', { customerId })).toEqual({ customerId, balance: 0, openInvoices: 0, overdue: 0, credit: 0 });
  });

  it('allocates by hand only what is open, only to the payer’s own invoices, and names the line', async () => {
    const world = await aWorld();
    const customerId = await aCustomer(world);
    const other = await aCustomer(world);
    const invoice = await anInvoice(world, customerId, 10_000, '2026-01-05');
    const theirs = await anInvoice(world, other, 10_000, '2026-01-05');
    const { receipt } = await aReceipt(world, customerId, 30_000, '2026-01-20');
    const result = await world.api.call('receivables.allocate', {
      receiptId: receipt.id,
      allocationDate: '2026-01-20',
      allocations: [
        { invoiceId: invoice.id, amount: 10_001 },
        { invoiceId: theirs.id, amount: 100 },
      ],
    });
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', issues: [{ path: 'allocations.0.amount', code: 'more_than_open' }, { path: 'allocations.1.invoiceId', code: 'different_customer' }] },
    });
    const both = await world.api.call('receivables.allocate', { allocations: [{ invoiceId: invoice.id, amount: 1 }] });
    expect(both).toMatchObject({ ok: false, error: { code: 'VALIDATION', issues: [{ path: 'receiptId', code: 'one_source_required' }] } });
    const early = await world.api.call('receivables.allocate', { receiptId: receipt.id, allocationDate: '2026-01-19', allocations: [{ invoiceId: invoice.id, amount: 1 }] });
    expect(early).toMatchObject({ ok: false, error: { issues: [{ path: 'allocationDate', code: 'before_document_date' }] } });
    expect(world.sqlite.prepare('SELECT count(*) FROM receivable_allocations').pluck().get()).toBe(0);

    const partial = await world.api.ok('receivables.allocate', { receiptId: receipt.id, allocationDate: '2026-01-21', allocations: [{ invoiceId: invoice.id, amount: 4_000 }] });
    expect(partial).toMatchObject([{ amount: 4_000 }]);
    expect(await world.api.ok('receivables.getInvoice', { id: invoice.id })).toMatchObject({ openAmount: 6_000 });
  });

  it('writes off a small difference with a reason, for those allowed to, within the limit', async () => {
    const world = await aWorld();
    const customerId = await aCustomer(world);
    const invoice = await anInvoice(world, customerId, 100_050, '2026-01-05');
    await aReceipt(world, customerId, 100_000, '2026-01-20', true);

    const manager = await world.api.as('manager');
    expect(await manager.call('receivables.writeOff', { invoiceId: invoice.id, amount: 50, reason: '抹零' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const accountant = await world.api.as('accountant');
    const noReason = await accountant.call('receivables.writeOff', { invoiceId: invoice.id, amount: 50, reason: ' ' });
    expect(noReason).toMatchObject({ ok: false, error: { code: 'VALIDATION', issues: [{ path: 'reason' }] } });
    const tooBig = await world.api.ok('receivables.invoiceServices', { customerId, invoiceDate: '2026-01-06', lines: [{ description: '维修', quantity: 1, unitPrice: 50_000, vatRate: 1300 }] });
    expect(await accountant.call('receivables.writeOff', { invoiceId: tooBig.id, amount: 10_001, reason: '坏账' })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', issues: [{ path: 'amount', code: 'over_write_off_limit', params: { limit: 10_000 } }] },
    });

    const writeOff = await accountant.ok('receivables.writeOff', { invoiceId: invoice.id, amount: 50, reason: '抹零', date: '2026-01-21' });
    expect(writeOff).toMatchObject({ kind: 'writeoff', receiptId: null, amount: 50, reason: '抹零' });
    expect(await world.api.ok('receivables.getInvoice', { id: invoice.id })).toMatchObject({ openAmount: 0 });
    expect(balanceDue(world, customerId)).toBe(50_000);
  });

  it('undoes an allocation by a reversing entry, once, and keeps both rows', async () => {
    const world = await aWorld();
    const customerId = await aCustomer(world);
    const invoice = await anInvoice(world, customerId, 20_000, '2026-01-05');
    const { allocations } = await aReceipt(world, customerId, 20_000, '2026-01-20', true);
    const reversal = await world.api.ok('receivables.reverseAllocation', { id: allocations[0]!.id, date: '2026-01-25', reason: '核销错了' });
    expect(reversal).toMatchObject({ amount: -20_000, reversesId: allocations[0]!.id, allocationDate: '2026-01-25' });
    expect(await world.api.ok('receivables.getInvoice', { id: invoice.id })).toMatchObject({ openAmount: 20_000 });
    expect(world.sqlite.prepare('SELECT count(*) FROM receivable_allocations').pluck().get()).toBe(2);
    expect(balanceDue(world, customerId)).toBe(0);

    expect(await world.api.call('receivables.reverseAllocation', { id: allocations[0]!.id, reason: '再冲' })).toMatchObject({ ok: false, error: { issues: [{ path: 'id', code: 'already_reversed' }] } });
    expect(await world.api.call('receivables.reverseAllocation', { id: reversal.id, reason: '再冲' })).toMatchObject({ ok: false, error: { issues: [{ path: 'id', code: 'reversal_of_reversal' }] } });
    expect(() => world.sqlite.prepare('UPDATE receivable_allocations SET amount = 1').run()).toThrow(/append-only/);

    // Entries on a document go forward in date, so no earlier as-of date sees more paid than was open.
    const backdated = await world.api.call('receivables.autoAllocate', { receiptId: allocations[0]!.receiptId!, allocationDate: '2026-01-22' });
    expect(backdated).toMatchObject({ ok: false, error: { issues: [{ path: 'allocationDate', code: 'before_document_date', params: { date: '2026-01-25' } }] } });
  });

  it('takes a bank acceptance bill only with its maturity date, and no maturity date on other methods', async () => {
    const world = await aWorld();
    const customerId = await aCustomer(world);
    const base = { customerId, receiptDate: '2026-01-20', amount: 500_000, reference: '31300051-20260120-0001' };
    expect(await world.api.call('receivables.createReceipt', { ...base, method: 'acceptance_bill' })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', issues: [{ path: 'billMaturityDate', code: 'required' }] },
    });
    expect(await world.api.call('receivables.createReceipt', { ...base, method: 'wechat', billMaturityDate: '2026-07-20' })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', issues: [{ path: 'billMaturityDate', code: 'not_allowed' }] },
    });
    const { receipt } = await world.api.ok('receivables.createReceipt', { ...base, method: 'acceptance_bill', billMaturityDate: '2026-07-20', bankAccount: '工行 6222 0202' });
    expect(receipt).toMatchObject({ method: 'acceptance_bill', billMaturityDate: '2026-07-20', amount: 500_000, unappliedAmount: 500_000 });
    expect(balanceDue(world, customerId)).toBe(-500_000);
  });

  it('has check prove every balance, and find a planted difference', async () => {
    const world = await aWorld();
    const customerId = await aCustomer(world);
    const invoice = await anInvoice(world, customerId, 20_000, '2026-01-05');
    await aReceipt(world, customerId, 15_000, '2026-01-20', true);
    await world.api.ok('receivables.writeOff', { invoiceId: invoice.id, amount: 100, reason: '抹零', date: '2026-01-21' });
    const { receipt } = await aReceipt(world, customerId, 9_000, '2026-01-22', true);
    await world.api.ok('receivables.refund', { receiptId: receipt.id, amount: 4_100, method: 'alipay', date: '2026-01-23' });
    // The test product is written straight into the catalog, without its search text: only receivables' check is asked here.
    const failing = () => world.api.backend.checkInvariants().filter((r) => !r.ok && !r.name.includes('product'));
    expect(failing()).toEqual([]);
    expect(balanceDue(world, customerId)).toBe(20_000 - 15_000 - 100 - 9_000 + 4_100);

    world.sqlite.prepare('UPDATE customer_stats SET balance_due = balance_due + 1 WHERE customer_id = ?').run(customerId);
    expect(failing()).toEqual([
      expect.objectContaining({
        name: 'what each customer owes equals invoices − credit notes − receipts − write-offs + refunds',
        ok: false,
        differences: [`customer_id=${customerId}: balance_due is 1 in the summary but 0 from the ledger`],
      }),
    ]);
  });

  it('shows the amount owed on the customer’s 360° view and the documents on its timeline', async () => {
    const world = await aWorld();
    const customerId = await aCustomer(world);
    await anInvoice(world, customerId, 12_345, '2026-01-05');
    await aReceipt(world, customerId, 2_345, '2026-01-06', true);
    const overview = await world.api.ok('customers.overview', { id: customerId });
    expect(overview.balanceDue).toBe(10_000);
    const timeline = await world.api.ok('customers.timeline', { customerId });
    expect(timeline.rows.filter((e) => e.kind !== 'stage').map((e) => [e.kind, e.title, e.data.amount])).toEqual([
      ['receipt', 'SK-2026-000001', 2_345],
      ['invoice', 'INV-2026-000001', 12_345],
    ]);
  });

  it('lists a customer’s open invoices and unapplied receipts page by page, newest first', async () => {
    const world = await aWorld();
    const customerId = await aCustomer(world);
    const other = await aCustomer(world);
    const paid = await anInvoice(world, customerId, 1_000, '2026-01-01');
    const open = [await anInvoice(world, customerId, 2_000, '2026-01-02'), await anInvoice(world, customerId, 3_000, '2026-01-03')];
    await anInvoice(world, other, 4_000, '2026-01-04');
    await world.api.ok('receivables.allocate', { receiptId: (await aReceipt(world, customerId, 1_500, '2026-01-05')).receipt.id, allocationDate: '2026-01-05', allocations: [{ invoiceId: paid.id, amount: 1_000 }] });
    await aReceipt(world, customerId, 700, '2026-01-06', true);

    const page = await world.api.ok('receivables.listInvoices', { filters: { customerId, openOnly: true }, pageSize: 1 });
    expect({ total: page.total, exact: page.totalIsExact, rows: page.rows.map((r) => r.id) }).toEqual({ total: 2, exact: true, rows: [open[1]!.id] });
    const second = await world.api.ok('receivables.listInvoices', { filters: { customerId, openOnly: true }, pageSize: 1, page: 2 });
    expect(second.rows.map((r) => [r.id, r.openAmount])).toEqual([[open[0]!.id, 2_000 - 700]]);
    const receipts = await world.api.ok('receivables.listReceipts', { filters: { customerId, unappliedOnly: true } });
    expect(receipts.rows.map((r) => [r.amount, r.unappliedAmount])).toEqual([[1_500, 500]]);
  });
});
