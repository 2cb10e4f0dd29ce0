import { describe, expect, it } from 'vitest';
import { csvLines, sheetRows } from '../exports/exports.test-helpers';
import { taxLine } from '../core/money';
import { aCustomer, anOrder, aReturn, aWorld } from './receivables.test-helpers';

describe('what waits to be invoiced or credited', () => {
  it('lists a customer’s posted deliveries not invoiced yet, priced as the invoice will be, until they are invoiced', async () => {
    const world = await aWorld();
    const customerId = await aCustomer(world, { paymentTermsDays: 45 });
    const other = await aCustomer(world);
    const first = anOrder(world, customerId, [{ quantity: 3, unitPrice: 11_300 }], { deliveries: [[3]], date: '2026-03-02' });
    const second = anOrder(world, customerId, [{ quantity: 10, unitPrice: 999, discountBp: 500 }], { deliveries: [[4], [6]], date: '2026-03-04' });
    anOrder(world, customerId, [{ quantity: 1, unitPrice: 500 }], { deliveries: [[1]], deliveryStatus: 'picking' });
    anOrder(world, other, [{ quantity: 1, unitPrice: 500 }], { deliveries: [[1]] });

    const before = await world.api.ok('receivables.invoiceableDeliveries', { customerId });
    expect(before.paymentTermsDays).toBe(45);
    expect(before.deliveries.map((d) => d.deliveryId)).toEqual([first.deliveries[0]!.id, second.deliveries[0]!.id, second.deliveries[1]!.id]);
    expect(before.deliveries[0]).toMatchObject(taxLine({ quantity: 3, unitPrice: 11_300, taxRate: 1300, pricesIncludeTax: true }));
    expect(before.deliveries[1]!.gross).toBe(taxLine({ quantity: 4, unitPrice: 999, discount: 200, taxRate: 1300, pricesIncludeTax: true }).gross);

    const invoice = await world.api.ok('receivables.invoiceDeliveries', { deliveryIds: [first.deliveries[0]!.id, second.deliveries[0]!.id] });
    expect(invoice.totalGross).toBe(before.deliveries[0]!.gross + before.deliveries[1]!.gross);
    const after = await world.api.ok('receivables.invoiceableDeliveries', { customerId });
    expect(after.deliveries.map((d) => d.deliveryId)).toEqual([second.deliveries[1]!.id]);

    await world.api.ok('receivables.reverseInvoice', { id: invoice.id, reason: '开错客户' });
    expect((await world.api.ok('receivables.invoiceableDeliveries', { customerId })).deliveries).toHaveLength(3);
  });

  it('drops a delivery whose order was invoiced in full from the order', async () => {
    const world = await aWorld();
    const customerId = await aCustomer(world);
    const order = anOrder(world, customerId, [{ quantity: 5, unitPrice: 1_000 }], { deliveries: [[5]] });
    await world.api.ok('receivables.invoiceOrder', { salesOrderId: order.orderId });
    expect((await world.api.ok('receivables.invoiceableDeliveries', { customerId })).deliveries).toEqual([]);
  });

  it('shows an order’s lines with what is ordered, invoiced and still open', async () => {
    const world = await aWorld();
    const customerId = await aCustomer(world, { paymentTermsDays: 30 });
    const order = anOrder(world, customerId, [
      { quantity: 10, unitPrice: 5_000 },
      { quantity: 4, unitPrice: 2_000, vatRate: 900 },
    ]);
    await world.api.ok('receivables.invoiceOrder', { salesOrderId: order.orderId, lines: [{ salesOrderLineId: order.lineIds[0]!, quantity: 6 }] });

    const invoiceable = await world.api.ok('receivables.invoiceableOrder', { salesOrderId: order.orderId });
    expect(invoiceable).toMatchObject({ customerId, paymentTermsDays: 30, taxInclusive: true });
    expect(invoiceable.lines.map((l) => [l.lineNo, l.ordered, l.invoiced, l.open, l.unitPrice, l.vatRate])).toEqual([
      [1, 10, 6, 4, 5_000, 1300],
      [2, 4, 0, 4, 2_000, 900],
    ]);
    const missing = await world.api.call('receivables.invoiceableOrder', { salesOrderId: '0190a0b0-0000-7000-8000-00000000dead' });
    expect(missing).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', issues: [{ path: 'salesOrderId', code: 'not_found' }] } });
  });

  it('lists returns waiting for their credit note until the credit note is posted', async () => {
    const world = await aWorld();
    const customerId = await aCustomer(world, { name: '南京金桥贸易有限公司' });
    const order = anOrder(world, customerId, [{ quantity: 5, unitPrice: 11_300 }], { deliveries: [[5]] });
    const requestId = aReturn(world, order, customerId, [{ line: 0, quantity: 2, gross: 22_600, tax: 2_600 }]);

    const open = await world.api.ok('receivables.openCreditNoteRequests', {});
    expect(open.total).toBe(1);
    expect(open.rows[0]).toMatchObject({ id: requestId, customerName: '南京金桥贸易有限公司', returnReason: '质量问题', totalGross: 22_600, totalTax: 2_600, totalNet: 20_000 });
    expect((await world.api.ok('receivables.openCreditNoteRequests', { customerId: await aCustomer(world) })).rows).toEqual([]);
    // The worklist as a file: the credit to post as a negative amount, as the panel shows it.
    const sheet = await world.api.ok('exports.creditRequests', { format: 'xlsx', language: 'zh-CN' });
    const [header, ...rows] = await sheetRows(sheet.content);
    expect(sheet.fileName).toMatch(/^待开红字-/);
    expect(header).toEqual(['退货单号', '退货日期', '客户', '订单号', '退货原因', '价税合计', '税额']);
    expect(rows.map((r) => [r[0], r[2], r[4], r[5], r[6]])).toEqual([[open.rows[0]!.returnNo, '南京金桥贸易有限公司', '质量问题', -226, -26]]);
    const csv = csvLines((await world.api.ok('exports.creditRequests', { customerId, format: 'csv' })).content);
    expect(csv).toEqual(['return_no,return_date,customer_name,order_no,return_reason,total,tax', expect.stringMatching(/,质量问题,-226\.00,-26\.00$/)]);

    await world.api.ok('receivables.creditReturn', { creditNoteRequestId: requestId });
    expect((await world.api.ok('exports.creditRequests', { format: 'csv' })).rows).toBe(0);
    expect(await world.api.ok('receivables.openCreditNoteRequests', { customerId })).toMatchObject({ rows: [], total: 0 });
  });

  it('keeps the worklists from roles that cannot invoice', async () => {
    const world = await aWorld();
    const customerId = await aCustomer(world);
    const sales = await world.api.as('sales');
    expect(await sales.call('receivables.invoiceableDeliveries', { customerId })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await sales.call('receivables.openCreditNoteRequests', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await sales.call('exports.creditRequests', { format: 'csv' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('words the credit notes file as the panel does, in every language', async () => {
    const { CREDIT_REQUEST_EXPORT_WORDS } = await import('./receivables.export');
    for (const language of ['zh-CN', 'en', 'zh-TW'] as const) {
      const receivables = (await import(`../../../src-renderer/features/receivables/messages.${language}.ts`)).default;
      const words = CREDIT_REQUEST_EXPORT_WORDS[language];
      expect(words.file).toBe(receivables.credit.tab);
      expect([words.field.returnNo, words.field.returnDate, words.field.returnReason]).toEqual([receivables.credit.returnNo, receivables.credit.returnDate, receivables.credit.returnReason]);
      expect([words.field.customer, words.field.orderNo, words.field.total]).toEqual([receivables.field.customer, receivables.field.orderNo, receivables.field.total]);
    }
  });
});
