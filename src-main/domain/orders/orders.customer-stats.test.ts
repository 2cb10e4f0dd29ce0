import { describe, expect, it } from 'vitest';
import { yuan } from '../core/money';
import { seedCustomers } from '../customers/customers.seed';
import { SeededRandom } from '../../seed/random';
import { seedSales } from './orders.seed';
import { pickAndPost, salesBooks } from './sales.test-helpers';

const FIGURES = 'SELECT order_count, lifetime_revenue, first_order_date, last_order_date FROM customer_stats WHERE customer_id = ?';

describe("a customer's order figures", () => {
  it('move with its orders in the same transaction: placed, delivered, cancelled', async () => {
    const books = await salesBooks();
    const water = books.product({ listPrice: yuan(2.5), onHand: 100 });
    const customerId = await books.customer();
    const figures = () => books.sqlite.prepare(FIGURES).get(customerId);

    const draft = await books.api.ok('orders.create', { customerId, lines: [{ productId: water, quantity: 40 }] });
    expect(figures()).toMatchObject({ order_count: 0, lifetime_revenue: 0, last_order_date: null });
    const order = await books.api.ok('orders.confirm', { id: draft.id });
    expect(figures()).toMatchObject({ order_count: 1, lifetime_revenue: 0, first_order_date: order.orderDate, last_order_date: order.orderDate });

    const delivery = await books.api.ok('deliveries.create', { salesOrderId: order.id });
    await pickAndPost(books.api, delivery);
    expect(figures()).toMatchObject({ order_count: 1, lifetime_revenue: yuan(100) });

    const other = await books.api.ok('orders.place', { customerId, lines: [{ productId: water, quantity: 4 }] });
    expect(figures()).toMatchObject({ order_count: 2 });
    await books.api.ok('orders.cancel', { id: other.id, reason: '客户改期' });
    expect(figures()).toMatchObject({ order_count: 1, lifetime_revenue: yuan(100) });
    expect(books.problems()).toEqual([]);
  });

  it('count a merged-away customer’s order, confirmed after the merge, for the customer it went into; dates follow earlier and cancelled orders', async () => {
    const books = await salesBooks();
    const water = books.product({ listPrice: yuan(2.5), onHand: 100 });
    const kept = await books.customer();
    const mergedAway = await books.customer();
    const figures = () => books.sqlite.prepare(FIGURES).get(kept);
    const late = await books.api.ok('orders.place', { customerId: kept, orderDate: '2026-11-20', lines: [{ productId: water, quantity: 1 }] });
    const draft = await books.api.ok('orders.create', { customerId: mergedAway, orderDate: '2026-10-03', lines: [{ productId: water, quantity: 2 }] });
    await books.api.ok('customers.merge', { sourceId: mergedAway, targetId: kept });

    await books.api.ok('orders.confirm', { id: draft.id });
    expect(figures()).toMatchObject({ order_count: 2, first_order_date: '2026-10-03', last_order_date: '2026-11-20' });
    await books.api.ok('orders.cancel', { id: late.id, reason: '客户取消' });
    expect(figures()).toMatchObject({ order_count: 1, first_order_date: '2026-10-03', last_order_date: '2026-10-03' });
    expect(books.problems()).toEqual([]);
  });

  it('are the seeded orders’ own, and `check` names a figure that has no order behind it', async () => {
    const books = await salesBooks();
    const conn = books.api.backend.conn;
    seedCustomers(conn, { count: 40, seed: 11, asOf: '2026-11-28' });
    const before = conn.sqlite.prepare('SELECT count(*) FROM customer_stats WHERE order_count <> 0 OR lifetime_revenue <> 0 OR last_order_date IS NOT NULL').pluck().get();
    expect(before).toBe(0);
    seedSales(conn, { random: new SeededRandom(5), staffIds: [], asOf: '2026-11-28', ordersPerCustomer: 3 });
    expect(books.problems()).toEqual([]);
    const withOrders = conn.sqlite.prepare('SELECT count(*) FROM customer_stats WHERE order_count > 0 AND lifetime_revenue > 0').pluck().get() as number;
    expect(withOrders).toBeGreaterThan(10);

    const lonely = await books.customer();
    const code = conn.sqlite.prepare('SELECT code FROM customers WHERE id = ?').pluck().get(lonely) as string;
    conn.sqlite.prepare('UPDATE customer_stats SET order_count = 19, lifetime_revenue = 31414600 WHERE customer_id = ?').run(lonely);
    const problems = books.problems();
    expect(problems.map((p) => p.name)).toEqual(['each customer’s order count, sales and first and last order dates equal its orders']);
    expect(problems[0]!.differences.sort()).toEqual([
      `customer=${code}: lifetime_revenue is 31414600 in the summary but 0 from the ledger`,
      `customer=${code}: order_count is 19 in the summary but 0 from the ledger`,
    ]);
  });
});
