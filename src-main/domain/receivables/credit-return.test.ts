import { describe, expect, it } from 'vitest';
import { formatFen } from '../core/money';
import { aCustomer, anInvoice, anOrder, aReturn, aWorld } from './receivables.test-helpers';

/** An order of two lines invoiced in two parts, and a return of one unit of the second line. */
async function anInvoicedOrderWithAReturn() {
  const world = await aWorld();
  const customerId = await aCustomer(world);
  const order = anOrder(world, customerId, [
    { quantity: 10, unitPrice: 1_130 },
    { quantity: 5, unitPrice: 2_260 },
  ]);
  const first = await world.api.ok('receivables.invoiceOrder', { salesOrderId: order.orderId, lines: [{ salesOrderLineId: order.lineIds[0]!, quantity: 10 }], invoiceDate: '2026-03-05' });
  const second = await world.api.ok('receivables.invoiceOrder', { salesOrderId: order.orderId, lines: [{ salesOrderLineId: order.lineIds[1]!, quantity: 5 }], invoiceDate: '2026-03-01' });
  const requestId = aReturn(world, order, customerId, [{ line: 1, quantity: 1, gross: 2_260, tax: 260 }]);
  return { world, customerId, order, first, second, requestId };
}

function requestStatus(world: Awaited<ReturnType<typeof aWorld>>, requestId: string) {
  return world.sqlite.prepare('SELECT status, credit_note_id FROM credit_note_requests WHERE id = ?').get(requestId);
}

describe('a return’s credit note against a chosen invoice (开红字 against an invoice)', () => {
  it('offers the order’s invoices with what is left to credit, the one the returned goods were invoiced on first', async () => {
    const { world, customerId, first, second, requestId } = await anInvoicedOrderWithAReturn();
    await anInvoice(world, customerId, 9_000, '2026-03-08');
    await world.api.ok('receivables.creditPriceCorrection', { correctsInvoiceId: second.id, amount: 1_000, reason: '价格调整', invoiceDate: '2026-03-06' });

    const offered = await world.api.ok('receivables.creditableInvoices', { creditNoteRequestId: requestId });

    expect(offered.invoicedOnId).toBe(second.id);
    // The customer's service invoice is not the order's; the later invoice of the order comes second.
    expect(offered.invoices).toEqual([
      { id: second.id, invoiceNo: second.invoiceNo, invoiceDate: '2026-03-01', totalGross: 11_300, openAmount: 11_300 - 1_000, creditable: 11_300 - 1_000, ofOrder: true },
      { id: first.id, invoiceNo: first.invoiceNo, invoiceDate: '2026-03-05', totalGross: 11_300, openAmount: 11_300, creditable: 11_300, ofOrder: true },
    ]);
  });

  it('offers the customer’s invoices, none preselected, when the return’s order was never invoiced', async () => {
    const world = await aWorld();
    const customerId = await aCustomer(world);
    const otherCustomer = await aCustomer(world, { name: '苏州另一家贸易有限公司' });
    const order = anOrder(world, customerId, [{ quantity: 2, unitPrice: 1_130 }]);
    const service = await anInvoice(world, customerId, 5_000, '2026-03-02');
    await anInvoice(world, otherCustomer, 7_000, '2026-03-02');
    const requestId = aReturn(world, order, customerId, [{ line: 0, quantity: 1, gross: 1_130, tax: 130 }]);

    const offered = await world.api.ok('receivables.creditableInvoices', { creditNoteRequestId: requestId });

    expect(offered).toEqual({ invoicedOnId: null, invoices: [expect.objectContaining({ id: service.id, creditable: 5_000, ofOrder: false })] });
  });

  it('refuses another customer’s invoice, naming the field, and changes nothing', async () => {
    const { world, requestId } = await anInvoicedOrderWithAReturn();
    const stranger = await aCustomer(world, { name: '杭州别家五金有限公司' });
    const theirs = await anInvoice(world, stranger, 50_000, '2026-03-02');

    const result = await world.api.call('receivables.creditReturn', { creditNoteRequestId: requestId, correctsInvoiceId: theirs.id });

    expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION', issues: [{ path: 'correctsInvoiceId', code: 'different_customer', params: { number: theirs.invoiceNo } }] } });
    expect(requestStatus(world, requestId)).toEqual({ status: 'open', credit_note_id: null });
  });

  it('refuses a reversed invoice', async () => {
    const { world, second, requestId } = await anInvoicedOrderWithAReturn();
    await world.api.ok('receivables.reverseInvoice', { id: second.id, reversedOn: '2026-03-02', reason: '开错' });

    const result = await world.api.call('receivables.creditReturn', { creditNoteRequestId: requestId, correctsInvoiceId: second.id });

    expect(result).toMatchObject({ ok: false, error: { code: 'CONFLICT', issues: [{ path: 'correctsInvoiceId', code: 'document_not_posted', params: { number: second.invoiceNo, status: 'reversed' } }] } });
    expect(requestStatus(world, requestId)).toEqual({ status: 'open', credit_note_id: null });
    expect((await world.api.ok('receivables.creditableInvoices', { creditNoteRequestId: requestId })).invoices.map((i) => i.id)).not.toContain(second.id);
  });

  it('refuses to credit an invoice beyond what is left of it, and credits the same return against an invoice with room', async () => {
    const { world, first, second, requestId } = await anInvoicedOrderWithAReturn();
    await world.api.ok('receivables.creditPriceCorrection', { correctsInvoiceId: second.id, amount: 10_000, reason: '价格调整', invoiceDate: '2026-03-06' });

    const tooMuch = await world.api.call('receivables.creditReturn', { creditNoteRequestId: requestId, correctsInvoiceId: second.id });

    expect(tooMuch).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', issues: [{ path: 'correctsInvoiceId', code: 'more_than_creditable', params: { number: second.invoiceNo, room: formatFen(1_300), amount: formatFen(2_260) } }] },
    });
    expect(requestStatus(world, requestId)).toEqual({ status: 'open', credit_note_id: null });

    const credit = await world.api.ok('receivables.creditReturn', { creditNoteRequestId: requestId, correctsInvoiceId: first.id, invoiceDate: '2026-03-10' });
    expect(credit).toMatchObject({ correctsInvoiceId: first.id, totalGross: 2_260, openAmount: 0 });
    expect(await world.api.ok('receivables.getInvoice', { id: first.id })).toMatchObject({ openAmount: 11_300 - 2_260 });
  });
});
