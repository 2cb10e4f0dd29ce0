import { describe, expect, it } from 'vitest';
import { taxLine } from '../core/money';
import { aCustomer, anInvoice, anOrder, aReceipt, aReturn, aWorld, balanceDue } from './receivables.test-helpers';

describe('invoices', () => {
  it('puts two posted deliveries of one customer on one invoice, due after the payment terms', async () => {
    const world = await aWorld();
    const customerId = await aCustomer(world, { paymentTermsDays: 45 });
    const first = anOrder(world, customerId, [{ quantity: 3, unitPrice: 11_300 }], { deliveries: [[3]] });
    const second = anOrder(world, customerId, [{ quantity: 7, unitPrice: 999, discountBp: 500 }], { deliveries: [[7]] });

    const invoice = await world.api.ok('receivables.invoiceDeliveries', {
      deliveryIds: [first.deliveries[0]!.id, second.deliveries[0]!.id],
      invoiceDate: '2026-03-05',
      invoiceType: 'special',
      taxInvoiceNo: '04400123',
      taxInvoiceDate: '2026-03-06',
    });

    const one = taxLine({ quantity: 3, unitPrice: 11_300, taxRate: 1300, pricesIncludeTax: true });
    const two = taxLine({ quantity: 7, unitPrice: 999, discount: 350, taxRate: 1300, pricesIncludeTax: true });
    expect(invoice).toMatchObject({ kind: 'invoice', source: 'deliveries', invoiceNo: 'INV-2026-000001', dueDate: '2026-04-19', period: '2026-03' });
    expect(invoice).toMatchObject({ invoiceType: 'special', taxInvoiceNo: '04400123', taxInvoiceDate: '2026-03-06' });
    expect(invoice.lines.map((l) => [l.quantity, l.discount, l.gross])).toEqual([
      [3, 0, one.gross],
      [7, 350, two.gross],
    ]);
    expect({ net: invoice.totalNet, tax: invoice.totalTax, gross: invoice.totalGross }).toEqual({ net: one.net + two.net, tax: one.tax + two.tax, gross: one.gross + two.gross });
    expect(balanceDue(world, customerId)).toBe(invoice.totalGross);

    const again = await world.api.call('receivables.invoiceDeliveries', { deliveryIds: [first.deliveries[0]!.id] });
    expect(again).toMatchObject({ ok: false, error: { code: 'CONFLICT', issues: [{ path: 'deliveryIds', code: 'nothing_to_invoice' }] } });
  });

  it('invoices one order in several invoices and never beyond its quantities', async () => {
    const world = await aWorld();
    const customerId = await aCustomer(world);
    const order = anOrder(world, customerId, [
      { quantity: 10, unitPrice: 5_000 },
      { quantity: 4, unitPrice: 2_000 },
    ]);
    const part = await world.api.ok('receivables.invoiceOrder', { salesOrderId: order.orderId, lines: [{ salesOrderLineId: order.lineIds[0]!, quantity: 6 }] });
    expect(part.lines.map((l) => l.quantity)).toEqual([6]);

    const tooMany = await world.api.call('receivables.invoiceOrder', { salesOrderId: order.orderId, lines: [{ salesOrderLineId: order.lineIds[0]!, quantity: 5 }] });
    expect(tooMany).toMatchObject({ ok: false, error: { code: 'VALIDATION', issues: [{ path: 'lines.0.quantity', code: 'more_than_open', params: { open: 4 } }] } });

    const rest = await world.api.ok('receivables.invoiceOrder', { salesOrderId: order.orderId });
    expect(rest.lines.map((l) => l.quantity)).toEqual([4, 4]);
    expect(part.totalGross + rest.totalGross).toBe(10 * 5_000 + 4 * 2_000);
    expect(await world.api.call('receivables.invoiceOrder', { salesOrderId: order.orderId })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    // Its drawer names the order it came from.
    const orderNo = world.sqlite.prepare('SELECT order_no FROM sales_orders WHERE id = ?').pluck().get(order.orderId);
    expect(orderNo).toMatch(/^SO-/);
    expect(await world.api.ok('receivables.getInvoice', { id: rest.id })).toMatchObject({ salesOrderId: order.orderId, salesOrderNo: orderNo });
  });

  it('does not invoice a delivery again once its order was invoiced in full', async () => {
    const world = await aWorld();
    const customerId = await aCustomer(world);
    const order = anOrder(world, customerId, [{ quantity: 5, unitPrice: 1_000 }], { deliveries: [[5]] });
    await world.api.ok('receivables.invoiceOrder', { salesOrderId: order.orderId });
    const result = await world.api.call('receivables.invoiceDeliveries', { deliveryIds: [order.deliveries[0]!.id] });
    expect(result).toMatchObject({ ok: false, error: { code: 'CONFLICT', issues: [{ code: 'nothing_to_invoice' }] } });
  });

  it('refuses a delivery still being picked and deliveries of two customers, naming each', async () => {
    const world = await aWorld();
    const a = await aCustomer(world);
    const b = await aCustomer(world);
    const picking = anOrder(world, a, [{ quantity: 1, unitPrice: 100 }], { deliveries: [[1]], deliveryStatus: 'picking' });
    const ofA = anOrder(world, a, [{ quantity: 1, unitPrice: 100 }], { deliveries: [[1]] });
    const ofB = anOrder(world, b, [{ quantity: 1, unitPrice: 100 }], { deliveries: [[1]] });
    const result = await world.api.call('receivables.invoiceDeliveries', { deliveryIds: [picking.deliveries[0]!.id, ofA.deliveries[0]!.id, ofB.deliveries[0]!.id] });
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', issues: [{ path: 'deliveryIds.0', code: 'document_not_posted' }, { path: 'deliveryIds.2', code: 'different_customer' }] },
    });
    expect(world.sqlite.prepare('SELECT count(*) FROM invoices').pluck().get()).toBe(0);
  });

  it('invoices services with tax added to net prices, and records the tax invoice issued later', async () => {
    const world = await aWorld();
    const customerId = await aCustomer(world, { paymentTermsDays: 0 });
    const invoice = await world.api.ok('receivables.invoiceServices', {
      customerId,
      invoiceDate: '2026-03-02',
      pricesIncludeTax: false,
      project: '万达广场店装修',
      lines: [{ description: '技术服务费', quantity: 3, unit: '次', unitPrice: 333, vatRate: 600 }],
    });
    expect(invoice).toMatchObject({ totalNet: 999, totalTax: 60, totalGross: 1_059, dueDate: '2026-03-02', project: '万达广场店装修', taxInvoiceNo: null });
    const recorded = await world.api.ok('receivables.recordTaxInvoice', { id: invoice.id, taxInvoiceNo: '12345678', taxInvoiceDate: '2026-03-03' });
    expect(recorded).toMatchObject({ taxInvoiceNo: '12345678', totalGross: 1_059 });
  });

  it('never edits a posted invoice: a reversal frees its deliveries and takes the amount off the balance', async () => {
    const world = await aWorld();
    const customerId = await aCustomer(world);
    const order = anOrder(world, customerId, [{ quantity: 2, unitPrice: 4_000 }], { deliveries: [[2]] });
    const invoice = await world.api.ok('receivables.invoiceDeliveries', { deliveryIds: [order.deliveries[0]!.id], invoiceDate: '2026-03-05' });
    expect(() => world.sqlite.prepare('UPDATE invoices SET total_gross = 1 WHERE id = ?').run(invoice.id)).toThrow(/reverse the invoice/);
    expect(() => world.sqlite.prepare('DELETE FROM invoice_lines WHERE invoice_id = ?').run(invoice.id)).toThrow(/append-only/);

    const early = await world.api.call('receivables.reverseInvoice', { id: invoice.id, reversedOn: '2026-03-04', reason: '开错' });
    expect(early).toMatchObject({ ok: false, error: { code: 'VALIDATION', issues: [{ path: 'reversedOn', code: 'before_document_date' }] } });
    const reversed = await world.api.ok('receivables.reverseInvoice', { id: invoice.id, reversedOn: '2026-03-06', reason: '开错客户' });
    expect(reversed).toMatchObject({ status: 'reversed', reversedOn: '2026-03-06', openAmount: 0 });
    expect(balanceDue(world, customerId)).toBe(0);
    expect(await world.api.call('receivables.reverseInvoice', { id: invoice.id, reason: '再来' })).toMatchObject({ ok: false, error: { issues: [{ code: 'already_reversed' }] } });

    const again = await world.api.ok('receivables.invoiceDeliveries', { deliveryIds: [order.deliveries[0]!.id], invoiceDate: '2026-03-06' });
    expect(again.totalGross).toBe(8_000);
  });

  it('refuses to reverse an invoice money is allocated to', async () => {
    const world = await aWorld();
    const customerId = await aCustomer(world);
    const invoice = await anInvoice(world, customerId, 5_000, '2026-03-01');
    await world.api.ok('receivables.createReceipt', { customerId, receiptDate: '2026-03-02', method: 'cash', amount: 2_000 });
    const result = await world.api.call('receivables.reverseInvoice', { id: invoice.id, reason: '作废' });
    expect(result).toMatchObject({ ok: false, error: { code: 'CONFLICT', issues: [{ code: 'has_allocations', params: { amount: 2_000 } }] } });
  });

  it('turns a return into a credit note once, applied to the invoice it corrects', async () => {
    const world = await aWorld();
    const customerId = await aCustomer(world);
    const order = anOrder(world, customerId, [{ quantity: 10, unitPrice: 1_130 }], { deliveries: [[10]] });
    const invoice = await world.api.ok('receivables.invoiceDeliveries', { deliveryIds: [order.deliveries[0]!.id], invoiceDate: '2026-03-05' });
    const requestId = aReturn(world, order, customerId, [{ line: 0, quantity: 2, gross: 2_260, tax: 260 }]);

    const credit = await world.api.ok('receivables.creditReturn', { creditNoteRequestId: requestId, correctsInvoiceId: invoice.id, invoiceDate: '2026-03-10' });
    expect(credit).toMatchObject({ kind: 'credit_note', source: 'return', invoiceNo: 'CN-2026-000001', totalGross: 2_260, totalTax: 260, openAmount: 0 });
    expect(credit.lines).toMatchObject([{ quantity: 2, gross: 2_260 }]);
    expect(await world.api.ok('receivables.getInvoice', { id: invoice.id })).toMatchObject({ openAmount: 11_300 - 2_260 });
    expect(world.sqlite.prepare('SELECT status, credit_note_id FROM credit_note_requests WHERE id = ?').get(requestId)).toEqual({ status: 'credited', credit_note_id: credit.id });
    expect(balanceDue(world, customerId)).toBe(11_300 - 2_260);

    const twice = await world.api.call('receivables.creditReturn', { creditNoteRequestId: requestId });
    expect(twice).toMatchObject({ ok: false, error: { code: 'CONFLICT', issues: [{ path: 'creditNoteRequestId', code: 'document_not_posted' }] } });
  });

  it('credits a price correction against its invoice, never more than the invoice', async () => {
    const world = await aWorld();
    const customerId = await aCustomer(world);
    const invoice = await anInvoice(world, customerId, 50_000, '2026-03-01');
    const tooMuch = await world.api.call('receivables.creditPriceCorrection', { correctsInvoiceId: invoice.id, amount: 50_001, reason: '价格调整' });
    expect(tooMuch).toMatchObject({ ok: false, error: { code: 'VALIDATION', issues: [{ path: 'amount', code: 'more_than_open' }] } });

    const credit = await world.api.ok('receivables.creditPriceCorrection', { correctsInvoiceId: invoice.id, amount: 11_300, reason: '价格调整', invoiceDate: '2026-03-03' });
    expect(credit).toMatchObject({ source: 'price_correction', totalNet: 10_000, totalTax: 1_300, openAmount: 0, correctsInvoiceId: invoice.id });
    expect(await world.api.ok('receivables.getInvoice', { id: invoice.id })).toMatchObject({ openAmount: 50_000 - 11_300 });
    expect(balanceDue(world, customerId)).toBe(50_000 - 11_300);
  });

  it('shows what settled an invoice, and what a credit note settled, oldest first, reversals included', async () => {
    const world = await aWorld();
    const customerId = await aCustomer(world, { paymentTermsDays: 30 });
    const invoice = await anInvoice(world, customerId, 20_000, '2026-04-01');
    const credit = await world.api.ok('receivables.creditPriceCorrection', { correctsInvoiceId: invoice.id, amount: 2_000, reason: '调价', invoiceDate: '2026-04-03' });
    const receipt = await aReceipt(world, customerId, 10_000, '2026-04-20', true);
    const [paid] = (await world.api.ok('receivables.getInvoice', { id: invoice.id })).settlements.filter((s) => s.counterpart?.kind === 'receipt');
    await world.api.ok('receivables.reverseAllocation', { id: paid!.id, reason: '分配错误', date: '2026-04-21' });
    await world.api.ok('receivables.writeOff', { invoiceId: invoice.id, amount: 50, reason: '抹零', date: '2026-04-22' });

    const detail = await world.api.ok('receivables.getInvoice', { id: invoice.id });
    expect(detail.settlements.map((s) => [s.date, s.kind, s.amount, s.reversal, s.counterpart?.number ?? null])).toEqual([
      ['2026-04-03', 'allocation', 2_000, false, credit.invoiceNo],
      ['2026-04-20', 'allocation', 10_000, false, receipt.receipt.receiptNo],
      ['2026-04-21', 'allocation', -10_000, true, receipt.receipt.receiptNo],
      ['2026-04-22', 'writeoff', 50, false, null],
    ]);
    // What is open is the total less what settled it.
    expect(detail.openAmount).toBe(detail.totalGross - detail.settlements.reduce((sum, s) => sum + s.amount, 0));
    const creditDetail = await world.api.ok('receivables.getInvoice', { id: credit.id });
    expect(creditDetail.settlements.map((s) => [s.amount, s.counterpart])).toEqual([[2_000, { kind: 'invoice', id: invoice.id, number: invoice.invoiceNo }]]);
    expect(detail.salesOrderNo).toBeNull();
  });
});
