import { describe, expect, it } from 'vitest';
import { wholeTableWalks } from '../../db/query-plans';
import { AGING_SQL, agingParameters } from './aging';
import { clearingMatchesLedger } from './clearing';
import { aCustomer, anInvoice, aReceipt, aWorld, type World } from './receivables.test-helpers';

const zero = { not_due: 0, '1-30': 0, '31-60': 0, '61-90': 0, '91-180': 0, over_180: 0 };

const clearedOn = (world: World, documentId: string) =>
  world.sqlite.prepare('SELECT cleared_on FROM receivable_clearing WHERE document_id = ?').pluck().get(documentId) as string | null | undefined;

const clearingDifferences = (world: World) => world.api.backend.checkInvariants().find((c) => c.name === clearingMatchesLedger.name)!.differences;

async function allocate(world: World, receiptId: string, invoiceId: string, amount: number, allocationDate: string) {
  const [allocation] = await world.api.ok('receivables.allocate', { receiptId, allocationDate, allocations: [{ invoiceId, amount }] });
  return allocation!;
}

describe('when a receivables document is cleared', () => {
  it('clears an invoice on the day its last payment is applied, and the aging between two payments still shows the rest', async () => {
    const world = await aWorld();
    const customerId = await aCustomer(world, { paymentTermsDays: 30 });
    const invoice = await anInvoice(world, customerId, 10_000, '2026-01-01');
    const first = await aReceipt(world, customerId, 4_000, '2026-02-01');
    const second = await aReceipt(world, customerId, 6_000, '2026-03-01');
    expect(clearedOn(world, invoice.id)).toBeNull();

    await allocate(world, first.receipt.id, invoice.id, 4_000, '2026-02-01');
    expect([clearedOn(world, invoice.id), clearedOn(world, first.receipt.id)]).toEqual([null, '2026-02-01']);
    await allocate(world, second.receipt.id, invoice.id, 6_000, '2026-03-01');
    expect([clearedOn(world, invoice.id), clearedOn(world, second.receipt.id)]).toEqual(['2026-03-01', '2026-03-01']);

    const between = await world.api.ok('receivables.aging', { asOf: '2026-02-15' });
    expect(between.rows[0]).toMatchObject({ total: 6_000, by_bucket: { ...zero, '1-30': 6_000 } });
    expect((await world.api.ok('receivables.aging', { asOf: '2026-02-28' })).rows[0]).toMatchObject({ total: 6_000 });
    expect((await world.api.ok('receivables.aging', { asOf: '2026-03-01' })).rows).toEqual([]);
    expect(clearingDifferences(world)).toEqual([]);
  });

  it('reopens an invoice when the allocation that settled it is reversed, and clears it again on the new payment', async () => {
    const world = await aWorld();
    const customerId = await aCustomer(world, { paymentTermsDays: 0 });
    const invoice = await anInvoice(world, customerId, 8_000, '2026-01-01');
    const receipt = await aReceipt(world, customerId, 8_000, '2026-01-20', true);
    expect(clearedOn(world, invoice.id)).toBe('2026-01-20');

    await world.api.ok('receivables.reverseAllocation', { id: receipt.allocations[0]!.id, date: '2026-02-10', reason: '收款退票' });
    expect([clearedOn(world, invoice.id), clearedOn(world, receipt.receipt.id)]).toEqual([null, null]);
    // Paid from 01-20 to 02-09; from 02-10 the invoice is owed again and the receipt is unapplied credit.
    expect((await world.api.ok('receivables.aging', { asOf: '2026-02-01' })).rows).toEqual([]);
    expect((await world.api.ok('receivables.aging', { asOf: '2026-02-10' })).rows[0]).toMatchObject({ total: 0, by_bucket: { ...zero, '31-60': 8_000, '1-30': -8_000 } });

    const again = await aReceipt(world, customerId, 8_000, '2026-03-05');
    await allocate(world, again.receipt.id, invoice.id, 8_000, '2026-03-05');
    expect(clearedOn(world, invoice.id)).toBe('2026-03-05');
    expect(clearingDifferences(world)).toEqual([]);
  });

  it('clears a reversed invoice on its reversal, a written-off one on the write-off, a refunded receipt on the refund', async () => {
    const world = await aWorld();
    const customerId = await aCustomer(world, { paymentTermsDays: 0 });
    const wrong = await anInvoice(world, customerId, 5_000, '2026-01-05');
    await world.api.ok('receivables.reverseInvoice', { id: wrong.id, reversedOn: '2026-01-09', reason: '重复开票' });
    expect(clearedOn(world, wrong.id)).toBe('2026-01-09');

    const invoice = await anInvoice(world, customerId, 10_050, '2026-01-10');
    await aReceipt(world, customerId, 10_000, '2026-01-12', true);
    expect(clearedOn(world, invoice.id)).toBeNull();
    await world.api.ok('receivables.writeOff', { invoiceId: invoice.id, amount: 50, reason: '抹零', date: '2026-01-13' });
    expect(clearedOn(world, invoice.id)).toBe('2026-01-13');

    const over = await aReceipt(world, customerId, 3_000, '2026-01-20');
    await world.api.ok('receivables.refund', { receiptId: over.receipt.id, amount: 3_000, method: 'bank_transfer', date: '2026-01-25' });
    expect(clearedOn(world, over.receipt.id)).toBe('2026-01-25');
    expect((await world.api.ok('receivables.aging', { asOf: '2026-01-22' })).rows[0]).toMatchObject({ total: -3_000 });
    expect((await world.api.ok('receivables.aging', { asOf: '2026-01-25' })).rows).toEqual([]);
    expect(clearingDifferences(world)).toEqual([]);
  });

  it('clears a price correction applied to the invoice it corrects, and the invoice when the rest is paid', async () => {
    const world = await aWorld();
    const customerId = await aCustomer(world, { paymentTermsDays: 30 });
    const invoice = await anInvoice(world, customerId, 20_000, '2026-04-01');
    const credit = await world.api.ok('receivables.creditPriceCorrection', { correctsInvoiceId: invoice.id, amount: 2_000, reason: '调价', invoiceDate: '2026-04-03' });
    expect([clearedOn(world, credit.id), clearedOn(world, invoice.id)]).toEqual(['2026-04-03', null]);
    await aReceipt(world, customerId, 18_000, '2026-04-20', true);
    expect(clearedOn(world, invoice.id)).toBe('2026-04-20');
    expect((await world.api.ok('receivables.aging', { asOf: '2026-04-10' })).rows[0]).toMatchObject({ total: 18_000, by_bucket: { ...zero, not_due: 18_000 } });
    expect(clearingDifferences(world)).toEqual([]);
  });

  it('lets `check` find a cleared-on date planted wrong and a document missing from the record', async () => {
    const world = await aWorld();
    const customerId = await aCustomer(world, { paymentTermsDays: 30 });
    const invoice = await anInvoice(world, customerId, 10_000, '2026-01-01');
    const receipt = await aReceipt(world, customerId, 10_000, '2026-02-01', true);
    // Planted: the invoice cleared before it was paid, which would hide it from January's aging.
    world.sqlite.prepare("UPDATE receivable_clearing SET cleared_on = '2026-01-15' WHERE document_id = ?").run(invoice.id);
    world.sqlite.prepare('DELETE FROM receivable_clearing WHERE document_id = ?').run(receipt.receipt.id);
    expect([...clearingDifferences(world)].sort()).toEqual(
      [
        `${invoice.invoiceNo}: cleared on 2026-01-15 in receivable_clearing but cleared on 2026-02-01 by its entries`,
        `${receipt.receipt.receiptNo}: missing from receivable_clearing (cleared on 2026-02-01 by its entries)`,
      ].sort(),
    );
  });

  it('lets `check` name a customer, amount, aging date, reversal or first entry planted wrong', async () => {
    const world = await aWorld();
    const customerId = await aCustomer(world, { paymentTermsDays: 30 });
    const other = await aCustomer(world, { name: '无锡宏达机电有限公司' });
    const invoice = await anInvoice(world, customerId, 10_000, '2026-01-01');
    const receipt = await aReceipt(world, customerId, 4_000, '2026-02-01', true);
    const plant = (sql: string, id: string) => world.sqlite.prepare(`UPDATE receivable_clearing SET ${sql} WHERE document_id = ?`).run(id);
    // Planted: each would move the invoice to another row or bucket of the aging, or change what it owes.
    plant(`customer_id = '${other}', amount = 9000, aged_from = '2026-03-01'`, invoice.id);
    plant("reversed_on = '2026-02-02', first_applied_on = '2026-02-03'", receipt.receipt.id);
    expect([...clearingDifferences(world)].sort()).toEqual(
      [
        `${invoice.invoiceNo}: customer_id ${other} in receivable_clearing but ${customerId} by the document and its entries`,
        `${invoice.invoiceNo}: aged_from 2026-03-01 in receivable_clearing but 2026-01-31 by the document and its entries`,
        `${invoice.invoiceNo}: amount 9000 in receivable_clearing but 10000 by the document and its entries`,
        `${receipt.receipt.receiptNo}: reversed_on 2026-02-02 in receivable_clearing but null by the document and its entries`,
        `${receipt.receipt.receiptNo}: first_applied_on 2026-02-03 in receivable_clearing but 2026-02-01 by the document and its entries`,
      ].sort(),
    );
  });

  it('reads the aging from the index of the documents not cleared by the date, never an invoice or receipt row', async () => {
    const world = await aWorld();
    const plan = (world.sqlite.prepare(`EXPLAIN QUERY PLAN ${AGING_SQL}`).all(agingParameters('2026-06-30')) as { detail: string }[]).map((r) => r.detail).join('\n');
    // Both ranges (open, cleared after the date) from the covering index alone: no lookup of the wide rows.
    expect(plan.match(/SEARCH o USING COVERING INDEX receivable_clearing_open/g)).toHaveLength(2);
    expect(plan).not.toMatch(/\b(invoices|receipts)\b/);
    expect(wholeTableWalks(plan, ['i', 'invoices', 'r', 'receipts', 'o', 'receivable_clearing'])).toEqual([]);
  });
});
