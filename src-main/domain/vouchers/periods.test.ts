import { describe, expect, it } from 'vitest';
import { postMove } from '../stock/stock.ledger';
import { aCustomer, aWorld, anInvoice, aReceipt } from '../receivables/receivables.test-helpers';

const locked = (period: string, firstOpen: string) => ({ ok: false, error: { code: 'PERIOD_LOCKED', issues: [{ code: 'period_locked', params: { period, firstOpen } }] } });

describe('period lock (结账)', () => {
  it('refuses anything dated in a closed month, naming the month, and takes it in the first open one', async () => {
    const world = await aWorld();
    const customerId = await aCustomer(world);
    const invoice = await anInvoice(world, customerId, 10_000, '2026-01-10');
    const receipt = await aReceipt(world, customerId, 4_000, '2026-01-20');
    const accountant = await world.api.as('accountant');
    expect(await accountant.ok('vouchers.closePeriod', { period: '2026-02' })).toMatchObject({ closedThrough: '2026-02', firstOpen: '2026-03' });

    const before = world.sqlite.prepare('SELECT (SELECT count(*) FROM invoices) + (SELECT count(*) FROM receipts) + (SELECT count(*) FROM receivable_allocations)').pluck().get();
    expect(await anInvoiceCall('2026-01-31')).toMatchObject(locked('2026-01', '2026-03'));
    expect(await world.api.call('receivables.createReceipt', { customerId, receiptDate: '2026-02-28', method: 'cash', amount: 1, autoAllocate: false })).toMatchObject(
      locked('2026-02', '2026-03'),
    );
    expect(await world.api.call('receivables.allocate', { receiptId: receipt.receipt.id, allocations: [{ invoiceId: invoice.id, amount: 100 }], allocationDate: '2026-02-01' })).toMatchObject(
      locked('2026-02', '2026-03'),
    );
    expect(await world.api.call('receivables.writeOff', { invoiceId: invoice.id, amount: 1, reason: '抹零', date: '2026-02-15' })).toMatchObject(locked('2026-02', '2026-03'));
    expect(await world.api.call('receivables.reverseInvoice', { id: invoice.id, reversedOn: '2026-02-01', reason: '开错' })).toMatchObject(locked('2026-02', '2026-03'));
    expect(() =>
      postMove(world.sqlite, {
        productId: world.productId,
        warehouseId: world.warehouseId,
        kind: 'opening',
        quantity: 5,
        unitCost: 100,
        moveDate: '2026-02-10',
        document: { type: 'opening', id: 'x', no: 'OB-1' },
        userId: null,
      }),
    ).toThrow(/closed for 2026-02/);
    expect(world.sqlite.prepare('SELECT (SELECT count(*) FROM invoices) + (SELECT count(*) FROM receipts) + (SELECT count(*) FROM receivable_allocations)').pluck().get()).toBe(before);

    // The correction of a closed month goes into the first open one.
    await world.api.ok('receivables.allocate', { receiptId: receipt.receipt.id, allocations: [{ invoiceId: invoice.id, amount: 4_000 }], allocationDate: '2026-03-01' });
    expect(await world.api.ok('receivables.writeOff', { invoiceId: invoice.id, amount: 1, reason: '抹零', date: '2026-03-02' })).toMatchObject({ amount: 1 });

    async function anInvoiceCall(invoiceDate: string) {
      return world.api.call('receivables.invoiceServices', { customerId, invoiceDate, lines: [{ description: '安装服务', quantity: 1, unitPrice: 100, vatRate: 1300 }] });
    }
  });

  it('lets only the owner reopen, only the latest closed month, with a reason, and keeps who did what', async () => {
    const world = await aWorld();
    const accountant = await world.api.as('accountant');
    await accountant.ok('vouchers.closePeriod', { period: '2026-01' });
    await accountant.ok('vouchers.closePeriod', { period: '2026-02' });
    expect(await accountant.call('vouchers.reopenPeriod', { period: '2026-02', reason: '补录发票' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await world.api.call('vouchers.reopenPeriod', { period: '2026-01', reason: '补录发票' })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', issues: [{ code: 'not_latest_closed', params: { period: '2026-02' } }] },
    });
    expect(await world.api.call('vouchers.reopenPeriod', { period: '2026-02', reason: ' ' })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    const status = await world.api.ok('vouchers.reopenPeriod', { period: '2026-02', reason: '补录发票' });
    expect(status).toMatchObject({ closedThrough: '2026-01', firstOpen: '2026-02' });
    expect(status.events.map((e) => [e.action, e.period, e.closedThrough, e.reason])).toEqual([
      ['reopen', '2026-02', '2026-01', '补录发票'],
      ['close', '2026-02', '2026-02', null],
      ['close', '2026-01', '2026-01', null],
    ]);
    expect(status.events[1]!.username).toBe('accountant');
    const customerId = await aCustomer(world);
    await anInvoice(world, customerId, 1_000, '2026-02-27');
    expect(world.sqlite.prepare("SELECT count(*) FROM audit_log WHERE method = 'vouchers.reopenPeriod'").pluck().get()).toBe(1);
    // Reopening the first month closed opens everything it closed.
    expect(await world.api.ok('vouchers.reopenPeriod', { period: '2026-01', reason: '补录' })).toMatchObject({ closedThrough: null, firstOpen: null });
    await anInvoice(world, customerId, 1_000, '2025-12-31');
  });

  it('lists the last twelve months, and an older open month with documents down to it', async () => {
    const world = await aWorld();
    const customerId = await aCustomer(world);
    const months = async () => (await world.api.ok('vouchers.periods', {})).months.map((m) => m.period);
    const today = world.sqlite.prepare("SELECT strftime('%Y-%m', 'now', '+8 hours')").pluck().get() as string;
    const listed = await months();
    expect(listed).toHaveLength(12);
    expect(listed[0]).toBe(today);

    // An invoice of fifteen months ago: the months back to it want closing.
    const [year, month] = today.split('-').map(Number) as [number, number];
    const back = new Date(Date.UTC(year, month - 1 - 15, 10)).toISOString().slice(0, 10);
    await anInvoice(world, customerId, 10_000, back);
    const longer = await months();
    expect(longer).toHaveLength(16);
    expect(longer.at(-1)).toBe(back.slice(0, 7));

    // Closed through that month: the list is the last twelve again.
    const accountant = await world.api.as('accountant');
    await accountant.ok('vouchers.closePeriod', { period: back.slice(0, 7) });
    expect(await months()).toHaveLength(12);
  });
});
