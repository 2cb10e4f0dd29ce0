import { describe, expect, it } from 'vitest';
import { yuan } from '../core/money';
import { pickAndPost, receive, registerSerials, salesBooks, type SalesBooks } from '../orders/sales.test-helpers';

/** An order of `quantity` at `price` (含税), confirmed and delivered in full. */
async function deliveredOrder(books: SalesBooks, productId: string, quantity: number, price: number) {
  const customerId = await books.customer();
  const draft = await books.api.ok('orders.create', { customerId, lines: [{ productId, quantity, unitPrice: price }] });
  const order = await books.api.ok('orders.confirm', { id: draft.id });
  const delivery = await books.api.ok('deliveries.create', { salesOrderId: order.id });
  await pickAndPost(books.api, delivery);
  return books.api.ok('orders.get', { id: order.id });
}

function creditRequests(books: SalesBooks) {
  return books.sqlite.prepare('SELECT total_net, total_tax, total_gross, status FROM credit_note_requests ORDER BY created_at, rowid').all();
}

describe('sales returns', () => {
  it('puts restocked goods back at the cost they left at, scraps the rest, and asks receivables for a credit note', async () => {
    const books = await salesBooks();
    const tea = books.product({ listPrice: yuan(10), onHand: 0 });
    receive(books.sqlite, tea, books.warehouseId, 10, yuan(4));
    const order = await deliveredOrder(books, tea, 3, yuan(10));
    // A later receipt moves the average; the return still comes back at the 4 yuan it left at.
    receive(books.sqlite, tea, books.warehouseId, 7, yuan(6));
    const line = order.lines[0]!.id;

    const back = await books.api.ok('returns.create', {
      salesOrderId: order.id,
      reason: '包装破损',
      lines: [
        { orderLineId: line, quantity: 1, disposition: 'restock' },
        { orderLineId: line, quantity: 1, disposition: 'scrap' },
      ],
    });

    expect(back).toMatchObject({ returnNo: expect.stringMatching(/^TH-\d{4}-000001$/), reason: '包装破损', status: 'received', totalGross: yuan(20) });
    expect(back.lines.map((l) => [l.disposition, l.quantity, l.gross])).toEqual([
      ['restock', 1, yuan(10)],
      ['scrap', 1, yuan(10)],
    ]);
    expect(back.creditNoteRequest).toMatchObject({ status: 'open', totalGross: yuan(20) });
    expect(books.level(tea)).toMatchObject({ on_hand: 15, stock_value: yuan(4) * 8 + yuan(6) * 7 });
    expect((await books.api.ok('orders.get', { id: order.id })).lines[0]!.returnedQuantity).toBe(2);
    expect(books.problems()).toEqual([]);
  });

  it('shows a received return on its customer’s 360° timeline', async () => {
    const books = await salesBooks();
    const tea = books.product({ listPrice: yuan(10), onHand: 5 });
    const order = await deliveredOrder(books, tea, 2, yuan(10));
    const back = await books.api.ok('returns.create', { salesOrderId: order.id, reason: '客户退回', lines: [{ orderLineId: order.lines[0]!.id, quantity: 1, disposition: 'restock' }] });
    const { timeline } = await books.api.ok('customers.view', { id: order.customerId, timelinePageSize: 50 });
    expect(timeline.rows.filter((e) => e.kind === 'return')).toEqual([expect.objectContaining({ id: back.id, title: back.returnNo, detail: '客户退回' })]);
  });

  it('splits a line’s money so that its returns add up to the line exactly', async () => {
    const books = await salesBooks();
    const tea = books.product({ listPrice: 3334, onHand: 3 });
    // 3 × 33.34 = 100.02 含税 at 13 %: net 88.51, tax 11.51.
    const order = await deliveredOrder(books, tea, 3, 3334);
    const line = order.lines[0]!;
    for (let i = 0; i < 3; i += 1) {
      await books.api.ok('returns.create', { salesOrderId: order.id, reason: '客户退回', lines: [{ orderLineId: line.id, quantity: 1, disposition: 'restock' }] });
    }
    const requests = creditRequests(books) as { total_net: number; total_tax: number; total_gross: number }[];
    expect(requests.reduce((s, r) => s + r.total_gross, 0)).toBe(line.gross);
    expect(requests.reduce((s, r) => s + r.total_net, 0)).toBe(line.net);
    expect(requests.reduce((s, r) => s + r.total_tax, 0)).toBe(line.tax);
  });

  it('refuses more than was delivered less what came back, and an order with nothing delivered, changing nothing', async () => {
    const books = await salesBooks();
    const tea = books.product({ listPrice: yuan(5), onHand: 10 });
    const order = await deliveredOrder(books, tea, 2, yuan(5));
    const customerId = await books.customer();
    const draft = await books.api.ok('orders.create', { customerId, lines: [{ productId: tea, quantity: 1 }] });
    const confirmed = await books.api.ok('orders.confirm', { id: draft.id });

    const tooMany = await books.api.call('returns.create', {
      salesOrderId: order.id,
      reason: '退货',
      lines: [
        { orderLineId: order.lines[0]!.id, quantity: 2, disposition: 'restock' },
        { orderLineId: order.lines[0]!.id, quantity: 1, disposition: 'scrap' },
      ],
    });
    const notYet = await books.api.call('returns.create', { salesOrderId: confirmed.id, reason: '退货', lines: [{ orderLineId: confirmed.lines[0]!.id, quantity: 1, disposition: 'restock' }] });
    const noReason = await books.api.call('returns.create', { salesOrderId: order.id, reason: ' ', lines: [{ orderLineId: order.lines[0]!.id, quantity: 1, disposition: 'restock' }] });

    expect(tooMany.ok ? null : tooMany.error).toMatchObject({ code: 'VALIDATION', issues: [{ path: 'lines.1.quantity', code: 'out_of_range', params: { max: 0 } }] });
    expect(notYet.ok ? null : notYet.error).toMatchObject({ code: 'CONFLICT', issues: [{ path: 'salesOrderId', params: { reason: 'nothing_delivered' } }] });
    expect(noReason.ok ? null : noReason.error).toMatchObject({ code: 'VALIDATION', issues: [{ path: 'reason' }] });
    expect(creditRequests(books)).toEqual([]);
    expect(books.level(tea).on_hand).toBe(8);
  });

  it('puts a returned serial-numbered unit back on the shelf and marks a scrapped one scrapped, only units this customer had', async () => {
    const books = await salesBooks();
    const phone = books.product({ code: 'PH1', serialTracked: true, listPrice: yuan(1000), onHand: 3 });
    registerSerials(books.sqlite, phone, books.warehouseId, ['SN1', 'SN2', 'SN3']);
    const customerId = await books.customer();
    const draft = await books.api.ok('orders.create', { customerId, lines: [{ productId: phone, quantity: 2 }] });
    const order = await books.api.ok('orders.confirm', { id: draft.id });
    const delivery = await books.api.ok('deliveries.create', { salesOrderId: order.id });
    await books.api.ok('deliveries.pick', { id: delivery.id, code: 'PH1', serial: 'SN1' });
    await books.api.ok('deliveries.pick', { id: delivery.id, code: 'PH1', serial: 'SN2' });
    await books.api.ok('deliveries.post', { id: delivery.id });
    const line = order.lines[0]!.id;

    const notTheirs = await books.api.call('returns.create', { salesOrderId: order.id, reason: '质量问题', lines: [{ orderLineId: line, quantity: 1, disposition: 'scrap', serials: ['SN3'] }] });
    await books.api.ok('returns.create', {
      salesOrderId: order.id,
      reason: '质量问题',
      lines: [
        { orderLineId: line, quantity: 1, disposition: 'restock', serials: ['SN1'] },
        { orderLineId: line, quantity: 1, disposition: 'scrap', serials: ['SN2'] },
      ],
    });

    expect(notTheirs.ok ? null : notTheirs.error).toMatchObject({ code: 'VALIDATION', issues: [{ path: 'lines.0.serials.0', code: 'serial_not_delivered' }] });
    expect(books.sqlite.prepare('SELECT serial, status, warehouse_id FROM serial_numbers ORDER BY serial').all()).toEqual([
      { serial: 'SN1', status: 'returned', warehouse_id: books.warehouseId },
      { serial: 'SN2', status: 'scrapped', warehouse_id: null },
      { serial: 'SN3', status: 'in_stock', warehouse_id: books.warehouseId },
    ]);
    expect(books.level(phone).on_hand).toBe(2);
    expect(books.problems()).toEqual([]);
  });
});
