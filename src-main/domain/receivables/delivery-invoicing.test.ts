import { describe, expect, it } from 'vitest';
import { aCustomer, anOrder, aWorld } from './receivables.test-helpers';

describe('a delivery’s invoicing, as its page shows it', () => {
  it('says what is left to invoice of a delivery and which invoices took it, until nothing is left', async () => {
    const world = await aWorld();
    const customerId = await aCustomer(world);
    const order = anOrder(world, customerId, [{ quantity: 10, unitPrice: 1_000 }], { deliveries: [[4], [6]] });
    const [first, second] = [order.deliveries[0]!, order.deliveries[1]!];

    expect(await world.api.ok('receivables.deliveryInvoicing', { deliveryId: first.id })).toEqual({ deliveryId: first.id, toInvoice: 4_000, invoices: [] });

    const invoice = await world.api.ok('receivables.invoiceDeliveries', { deliveryIds: [first.id], invoiceDate: '2026-03-05' });
    expect(await world.api.ok('receivables.deliveryInvoicing', { deliveryId: first.id })).toEqual({
      deliveryId: first.id,
      toInvoice: 0,
      invoices: [{ id: invoice.id, invoiceNo: invoice.invoiceNo, invoiceDate: '2026-03-05' }],
    });
    // The other delivery of the order is still to invoice.
    expect((await world.api.ok('receivables.deliveryInvoicing', { deliveryId: second.id })).toInvoice).toBe(6_000);

    // Reversed, the invoice no longer counts: the delivery can be invoiced again.
    await world.api.ok('receivables.reverseInvoice', { id: invoice.id, reason: '开错' });
    expect(await world.api.ok('receivables.deliveryInvoicing', { deliveryId: first.id })).toEqual({ deliveryId: first.id, toInvoice: 4_000, invoices: [] });
  });

  it('counts a delivery as invoiced when its order was invoiced whole, and has nothing to invoice before it is posted', async () => {
    const world = await aWorld();
    const customerId = await aCustomer(world);
    const order = anOrder(world, customerId, [{ quantity: 5, unitPrice: 1_000 }], { deliveries: [[5]] });
    const invoice = await world.api.ok('receivables.invoiceOrder', { salesOrderId: order.orderId });
    expect(await world.api.ok('receivables.deliveryInvoicing', { deliveryId: order.deliveries[0]!.id })).toMatchObject({ toInvoice: 0, invoices: [{ invoiceNo: invoice.invoiceNo }] });

    const picking = anOrder(world, customerId, [{ quantity: 1, unitPrice: 500 }], { deliveries: [[1]], deliveryStatus: 'picking' });
    expect(await world.api.ok('receivables.deliveryInvoicing', { deliveryId: picking.deliveries[0]!.id })).toMatchObject({ toInvoice: 0, invoices: [] });
    expect(await world.api.call('receivables.deliveryInvoicing', { deliveryId: '0190a0b0-0000-7000-8000-00000000dead' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});
