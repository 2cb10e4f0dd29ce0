import { describe, expect, it } from 'vitest';
import { yuan } from '../core/money';
import { newId } from '../shared/ids';
import { addSubstitute, salesBooks, type SalesBooks } from './sales.test-helpers';

function openRequests(books: SalesBooks, productId: string) {
  return books.sqlite.prepare("SELECT suggested_quantity, source_type FROM replenishment_requests WHERE product_id = ? AND status = 'open'").all(productId);
}

/** An open purchase order bringing `quantity` of the product into the default warehouse on `expected`. */
function incoming(books: SalesBooks, productId: string, quantity: number, expected: string): void {
  const now = '2026-11-20T00:00:00.000Z';
  const supplierId = newId();
  books.sqlite.prepare('INSERT INTO suppliers (id, code, name, name_pinyin, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)').run(supplierId, `S${supplierId.slice(-5)}`, '供应商', 'gys', now, now);
  const poId = newId();
  books.sqlite
    .prepare("INSERT INTO purchase_orders (id, po_no, supplier_id, warehouse_id, status, order_date, expected_date, created_at, updated_at) VALUES (?, ?, ?, ?, 'confirmed', '2026-11-20', ?, ?, ?)")
    .run(poId, `PO-${poId.slice(-6)}`, supplierId, books.warehouseId, expected, now, now);
  books.sqlite
    .prepare('INSERT INTO purchase_order_lines (id, purchase_order_id, line_no, product_id, quantity, unit_price, vat_rate, net, tax, gross) VALUES (?, ?, 1, ?, ?, 100, 1300, 100, 13, 113)')
    .run(newId(), poId, productId, quantity);
}

describe('a short order line when confirming', () => {
  it('is refused with INSUFFICIENT_STOCK naming the line until the user chooses a way out, and nothing is kept', async () => {
    const books = await salesBooks();
    const tea = books.product({ code: 'T100', onHand: 3 });
    const customerId = await books.customer();
    const order = await books.api.ok('orders.create', { customerId, lines: [{ productId: tea, quantity: 5 }] });

    const check = await books.api.ok('orders.checkStock', { id: order.id });
    const result = await books.api.call('orders.confirm', { id: order.id });

    expect(check).toMatchObject({ short: true, lines: [{ productCode: 'T100', quantity: 5, available: 3, shortBy: 2 }] });
    expect(result.ok ? null : result.error).toMatchObject({ code: 'INSUFFICIENT_STOCK', issues: [{ path: 'shortages', code: 'stock_short', params: { lineNo: 1, productCode: 'T100', available: 3, quantity: 5 } }] });
    expect(books.level(tea).reserved).toBe(0);
    expect((await books.api.ok('orders.get', { id: order.id })).status).toBe('draft');
  });

  it('back-orders the rest: reserves what is there, keeps the line whole and asks purchasing for the shortfall', async () => {
    const books = await salesBooks();
    const tea = books.product({ onHand: 3 });
    const customerId = await books.customer();
    const order = await books.api.ok('orders.create', { customerId, lines: [{ productId: tea, quantity: 5 }] });

    const confirmed = await books.api.ok('orders.confirm', { id: order.id, shortages: [{ lineId: order.lines[0]!.id, choice: 'backorder' }] });

    expect(confirmed.status).toBe('confirmed');
    expect(confirmed.lines[0]).toMatchObject({ quantity: 5, reservedQuantity: 3 });
    expect(books.level(tea)).toMatchObject({ on_hand: 3, reserved: 3 });
    expect(openRequests(books, tea)).toEqual([{ suggested_quantity: 2, source_type: 'sales_order' }]);
    expect(books.problems()).toEqual([]);
  });

  it('puts the shortfall on a listed substitute at the promised price, pointing at the line it replaces', async () => {
    const books = await salesBooks();
    const tea = books.product({ code: 'T200', listPrice: yuan(50), onHand: 2 });
    const other = books.product({ code: 'T201', listPrice: yuan(55), onHand: 10 });
    const stranger = books.product({ code: 'X900', onHand: 10 });
    addSubstitute(books.sqlite, tea, other);
    const customerId = await books.customer();
    const order = await books.api.ok('orders.create', { customerId, lines: [{ productId: tea, quantity: 5 }] });
    expect((await books.api.ok('orders.checkStock', { id: order.id })).lines[0]!.substitutes).toEqual([{ productId: other, productCode: 'T201', productName: '商品T201', available: 10 }]);

    const wrong = await books.api.call('orders.confirm', { id: order.id, shortages: [{ lineId: order.lines[0]!.id, choice: 'substitute', substituteProductId: stranger }] });
    const confirmed = await books.api.ok('orders.confirm', { id: order.id, shortages: [{ lineId: order.lines[0]!.id, choice: 'substitute', substituteProductId: other }] });

    expect(wrong.ok ? null : wrong.error).toMatchObject({ code: 'VALIDATION', issues: [{ path: 'shortages.0.substituteProductId', code: 'not_allowed' }] });
    expect(confirmed.lines.map((l) => [l.productCode, l.quantity, l.unitPrice, l.reservedQuantity, l.substitutesLineId])).toEqual([
      ['T200', 2, yuan(50), 2, null],
      ['T201', 3, yuan(50), 3, confirmed.lines[0]!.id],
    ]);
    expect(confirmed.totalGross).toBe(yuan(250));
    expect(books.level(other).reserved).toBe(3);
    expect(books.problems()).toEqual([]);
  });

  it('suggests the earliest incoming purchase date and promises the line for the date chosen', async () => {
    const books = await salesBooks();
    const tea = books.product({ onHand: 1 });
    incoming(books, tea, 20, '2026-12-20');
    incoming(books, tea, 20, '2026-12-10');
    const customerId = await books.customer();
    const order = await books.api.ok('orders.create', { customerId, orderDate: '2026-11-28', lines: [{ productId: tea, quantity: 4 }] });
    expect((await books.api.ok('orders.checkStock', { id: order.id })).lines[0]!.suggestedDate).toBe('2026-12-10');

    const tooEarly = await books.api.call('orders.confirm', { id: order.id, shortages: [{ lineId: order.lines[0]!.id, choice: 'later_date', promisedDate: '2026-11-01' }] });
    const confirmed = await books.api.ok('orders.confirm', { id: order.id, shortages: [{ lineId: order.lines[0]!.id, choice: 'later_date', promisedDate: '2026-12-10' }] });

    expect(tooEarly.ok ? null : tooEarly.error).toMatchObject({ code: 'VALIDATION', issues: [{ path: 'shortages.0.promisedDate', code: 'too_small' }] });
    expect(confirmed.lines[0]).toMatchObject({ quantity: 4, reservedQuantity: 1, promisedDate: '2026-12-10' });
    expect(openRequests(books, tea)).toHaveLength(1);
  });
});
