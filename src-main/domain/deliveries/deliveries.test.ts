import { describe, expect, it } from 'vitest';
import { yuan } from '../core/money';
import { insertWarehouse, pickAll, pickAndPost, receive, registerSerials, salesBooks, type SalesBooks } from '../orders/sales.test-helpers';

async function confirmedOrder(books: SalesBooks, lines: { productId: string; quantity: number }[], choices: { backorder?: boolean } = {}) {
  const customerId = await books.customer();
  const draft = await books.api.ok('orders.create', { customerId, promisedDate: '2026-12-05', lines });
  const shortages = choices.backorder ? (await books.api.ok('orders.checkStock', { id: draft.id })).lines.filter((l) => l.shortBy > 0).map((l) => ({ lineId: l.lineId, choice: 'backorder' as const })) : [];
  return books.api.ok('orders.confirm', { id: draft.id, shortages });
}

describe('deliveries', () => {
  it('picks by scanning, refuses a product not on the delivery, and posts at the moving average as cost of goods', async () => {
    const books = await salesBooks();
    const tea = books.product({ code: 'T1', barcode: '6901234500011', listPrice: yuan(80), onHand: 0 });
    const cup = books.product({ code: 'C1', barcode: '6901234500028', onHand: 0 });
    const stranger = books.product({ code: 'X1', barcode: '6901234500035', onHand: 5 });
    receive(books.sqlite, tea, books.warehouseId, 10, yuan(30));
    receive(books.sqlite, tea, books.warehouseId, 10, yuan(40));
    receive(books.sqlite, cup, books.warehouseId, 5, yuan(2));
    const order = await confirmedOrder(books, [
      { productId: tea, quantity: 3 },
      { productId: cup, quantity: 2 },
    ]);
    const warehouse = await books.api.as('warehouse');

    const delivery = await warehouse.ok('deliveries.create', { salesOrderId: order.id });
    const wrong = await warehouse.call('deliveries.pick', { id: delivery.id, code: '6901234500035' });
    await warehouse.ok('deliveries.pick', { id: delivery.id, code: '6901234500011', quantity: 3 });
    const tooMany = await warehouse.call('deliveries.pick', { id: delivery.id, code: 't1' });
    const picked = await warehouse.ok('deliveries.pick', { id: delivery.id, code: 'C1', quantity: 2 });
    const posted = await warehouse.ok('deliveries.post', { id: delivery.id, deliveryDate: '2026-12-03' });

    expect(delivery).toMatchObject({ deliveryNo: expect.stringMatching(/^FH-\d{4}-000001$/), status: 'picking', promisedDate: '2026-12-05' });
    expect(wrong.ok ? null : wrong.error).toMatchObject({ code: 'VALIDATION', issues: [{ path: 'code', code: 'wrong_product', params: { productCode: 'X1' } }] });
    expect(tooMany.ok ? null : tooMany.error).toMatchObject({ issues: [{ code: 'already_picked', params: { productCode: 'T1', quantity: 3 } }] });
    expect(picked.lines.map((l) => [l.productCode, l.pickedQuantity])).toEqual([
      ['C1', 2],
      ['T1', 3],
    ]);
    // 10 at 30 and 10 at 40: the average is 35 yuan, so three leave at 105 and two cups at 4.
    expect(posted).toMatchObject({ status: 'posted', deliveryDate: '2026-12-03', costOfGoods: yuan(109) });
    expect(books.level(tea)).toMatchObject({ on_hand: 17, reserved: 0, stock_value: yuan(595) });
    expect(books.level(stranger).on_hand).toBe(5);
    const after = await books.api.ok('orders.get', { id: order.id });
    expect(after.status).toBe('delivered');
    expect(after.lines.map((l) => l.deliveredQuantity)).toEqual([3, 2]);
    expect(after.events.at(-1)).toMatchObject({ fromStatus: 'confirmed', toStatus: 'delivered', comment: posted.deliveryNo });
    expect(books.problems()).toEqual([]);
  });

  it('sends what is there, then the rest once stock arrives', async () => {
    const books = await salesBooks();
    const tea = books.product({ onHand: 4 });
    const order = await confirmedOrder(books, [{ productId: tea, quantity: 10 }], { backorder: true });
    const line = order.lines[0]!.id;

    const first = await books.api.ok('deliveries.create', { salesOrderId: order.id });
    expect(first.lines.map((l) => l.quantity)).toEqual([4]);
    await pickAndPost(books.api, first);
    expect((await books.api.ok('orders.get', { id: order.id })).status).toBe('partly_delivered');
    const nothingYet = await books.api.call('deliveries.create', { salesOrderId: order.id });
    const early = await books.api.ok('deliveries.create', { salesOrderId: order.id, lines: [{ orderLineId: line, quantity: 6 }] });
    await pickAll(books.api, early);
    const refused = await books.api.call('deliveries.post', { id: early.id });
    await books.api.ok('deliveries.cancel', { id: early.id });
    receive(books.sqlite, tea, books.warehouseId, 6);
    const rest = await books.api.ok('deliveries.create', { salesOrderId: order.id });
    await pickAndPost(books.api, rest);

    expect(nothingYet.ok ? null : nothingYet.error).toMatchObject({ code: 'CONFLICT', issues: [{ code: 'not_allowed', params: { reason: 'nothing_to_deliver' } }] });
    expect(refused.ok ? null : refused.error.code).toBe('INSUFFICIENT_STOCK');
    const done = await books.api.ok('orders.get', { id: order.id });
    expect(done.status).toBe('delivered');
    expect(done.deliveries.map((d) => d.status).sort()).toEqual(['cancelled', 'posted', 'posted']);
    expect(books.level(tea)).toMatchObject({ on_hand: 0, reserved: 0 });
    expect(books.problems()).toEqual([]);
  });

  it('ships from a second warehouse and lets go of what the order held in its own', async () => {
    const books = await salesBooks();
    const tea = books.product({ onHand: 5 });
    const north = insertWarehouse(books.sqlite, 'WH02');
    receive(books.sqlite, tea, north, 5);
    const order = await confirmedOrder(books, [{ productId: tea, quantity: 5 }]);
    expect(books.level(tea).reserved).toBe(5);

    const delivery = await books.api.ok('deliveries.create', { salesOrderId: order.id, warehouseId: north, lines: [{ orderLineId: order.lines[0]!.id, quantity: 3 }] });
    await pickAndPost(books.api, delivery);

    expect(books.level(tea, north)).toMatchObject({ on_hand: 2, reserved: 0 });
    expect(books.level(tea)).toMatchObject({ on_hand: 5, reserved: 2 });
    expect(books.problems()).toEqual([]);
  });

  it('takes serial numbers on pick, only ones in stock in the warehouse', async () => {
    const books = await salesBooks();
    const phone = books.product({ code: 'PH1', serialTracked: true, onHand: 2 });
    registerSerials(books.sqlite, phone, books.warehouseId, ['SN001', 'SN002']);
    const order = await confirmedOrder(books, [{ productId: phone, quantity: 1 }]);
    const delivery = await books.api.ok('deliveries.create', { salesOrderId: order.id });

    const unknown = await books.api.call('deliveries.pick', { id: delivery.id, code: 'PH1', serial: 'SN999' });
    await books.api.ok('deliveries.pick', { id: delivery.id, code: 'PH1', serial: 'SN002' });
    await books.api.ok('deliveries.post', { id: delivery.id });

    expect(unknown.ok ? null : unknown.error).toMatchObject({ issues: [{ path: 'serial', code: 'serial_not_in_stock' }] });
    expect(books.sqlite.prepare('SELECT serial, status FROM serial_numbers ORDER BY serial').all()).toEqual([
      { serial: 'SN001', status: 'in_stock' },
      { serial: 'SN002', status: 'delivered' },
    ]);
  });

  it('refuses a delivery for an order not yet confirmed, and lets a salesperson read but not a stranger role write', async () => {
    const books = await salesBooks();
    const tea = books.product({ listPrice: yuan(60_000), onHand: 5 });
    const customerId = await books.customer();
    const draft = await books.api.ok('orders.create', { customerId, lines: [{ productId: tea, quantity: 1 }] });
    const waiting = await books.api.ok('orders.confirm', { id: draft.id });

    const result = await books.api.call('deliveries.create', { salesOrderId: waiting.id });
    const accountant = await books.api.as('accountant');

    expect(result.ok ? null : result.error).toMatchObject({ code: 'CONFLICT', issues: [{ path: 'salesOrderId', code: 'invalid_transition', params: { from: 'pending_approval' } }] });
    expect((await accountant.call('deliveries.create', { salesOrderId: waiting.id })).ok).toBe(false);
    expect((await accountant.ok('deliveries.list', {})).total).toBe(0);
  });

  it('posts only a fully picked delivery while the company requires picking, naming each line short of its pick', async () => {
    const books = await salesBooks();
    const tea = books.product({ code: 'T1', onHand: 5 });
    const cup = books.product({ code: 'C1', onHand: 5 });
    const order = await confirmedOrder(books, [
      { productId: tea, quantity: 3 },
      { productId: cup, quantity: 2 },
    ]);
    const delivery = await books.api.ok('deliveries.create', { salesOrderId: order.id });
    await books.api.ok('deliveries.pick', { id: delivery.id, code: 'T1', quantity: 1 });

    const refused = await books.api.call('deliveries.post', { id: delivery.id });

    expect(delivery.pickingRequired).toBe(true);
    expect(refused.ok ? null : refused.error).toMatchObject({
      code: 'CONFLICT',
      issues: [
        { path: 'id', code: 'not_picked', params: { productCode: 'C1', picked: 0, quantity: 2 } },
        { path: 'id', code: 'not_picked', params: { productCode: 'T1', picked: 1, quantity: 3 } },
      ],
    });
    expect(books.level(tea)).toMatchObject({ on_hand: 5, reserved: 3 });
    expect((await books.api.ok('deliveries.get', { id: delivery.id })).status).toBe('picking');

    const warehouse = await books.api.as('warehouse');
    expect((await warehouse.call('deliveries.savePickingRule', { requirePicking: false })).ok).toBe(false);
    expect(await books.api.ok('deliveries.savePickingRule', { requirePicking: false })).toEqual({ requirePicking: false });
    expect(await warehouse.ok('deliveries.pickingRule', {})).toEqual({ requirePicking: false });
    const posted = await warehouse.ok('deliveries.post', { id: delivery.id });
    expect(posted).toMatchObject({ status: 'posted', pickingRequired: false });
    expect(books.level(tea)).toMatchObject({ on_hand: 2, reserved: 0 });
    expect(books.problems()).toEqual([]);
  });
});

describe('the printed 送货单', () => {
  it('prints a part delivery by its number with what went out at the order’s prices, the fields worded by the template', async () => {
    const books = await salesBooks();
    const tea = books.product({ code: 'T1', listPrice: yuan(12.5), onHand: 4 });
    const order = await confirmedOrder(books, [{ productId: tea, quantity: 10 }], { backorder: true });
    const posted = await pickAndPost(books.api, await books.api.ok('deliveries.create', { salesOrderId: order.id }));

    const sheet = await books.api.ok('print.document', { kind: 'delivery', ref: posted.deliveryNo.toLowerCase() });
    const byId = await books.api.ok('print.document', { kind: 'delivery_note', ref: posted.id });
    const missing = await books.api.call('print.document', { kind: 'delivery_note', ref: 'FH-1999-000001' });

    expect(sheet).toMatchObject({ kind: 'delivery_note', template: 'delivery_note' });
    expect(sheet.document).toMatchObject({ number: posted.deliveryNo, totals: { gross: yuan(50) }, amountInWords: '伍拾元整' });
    expect(sheet.document.lines).toMatchObject([{ code: 'T1', quantity: 4, unitPrice: yuan(12.5) }]);
    expect(sheet.document.fields.find((f) => f.label === 'print.fields.orderNumber')?.value).toBe(order.orderNo);
    expect(sheet.document.fields.every((f) => f.label.startsWith('print.fields.'))).toBe(true);
    expect(byId.document).toEqual(sheet.document);
    expect(missing.ok ? null : missing.error.code).toBe('NOT_FOUND');
  });
});
