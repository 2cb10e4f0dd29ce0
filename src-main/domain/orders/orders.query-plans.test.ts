import { beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Connection } from '../../db/connection';
import { migrate } from '../../db/migrate';
import { planOf, plansOf, statementsRunBy, wholeTableWalks } from '../../db/query-plans';
import { refreshPlannerStatistics } from '../../db/statistics';
import { sql } from 'kysely';
import { ORDER_TIMELINE_SOURCES } from './orders.customer';
import { refreshPlacedOrderFigures } from './orders.customer-stats';
import { creditFacts } from './orders.credit';
import { listOrders } from './orders.list';

const TODAY = '2026-11-29';

function seedOrders(conn: Connection, count: number): void {
  const s = conn.sqlite;
  const now = '2026-01-01T00:00:00.000Z';
  s.transaction(() => {
    s.prepare("INSERT INTO warehouses (id, code, name, created_at, updated_at) VALUES ('w1', 'W1', '主仓', ?, ?)").run(now, now);
    const customer = s.prepare(
      "INSERT INTO customers (id, code, kind, name, name_key, name_pinyin, custom_fields, lifecycle_stage, lifecycle_computed, status, payment_terms_days, created_at, updated_at) VALUES (?, ?, 'company', ?, ?, ?, '{}', 'prospect', 'prospect', 'active', 0, ?, ?)",
    );
    for (let i = 0; i < 100; i++) customer.run(`c${i}`, `C${String(i).padStart(6, '0')}`, `客户${i}`, `客户${i}`, `kehu${i}`, now, now);
    const order = s.prepare("INSERT INTO sales_orders (id, order_no, customer_id, status, order_date, warehouse_id, created_at, updated_at) VALUES (?, ?, ?, ?, ?, 'w1', ?, ?)");
    const statuses = ['confirmed', 'delivered', 'invoiced', 'paid', 'closed', 'cancelled'];
    for (let i = 0; i < count; i++) {
      const date = new Date(Date.UTC(2024, 0, 1) + Math.floor(i / 10) * 86_400_000).toISOString().slice(0, 10);
      order.run(`o${String(i).padStart(6, '0')}`, `SO-${date.slice(0, 4)}-${String(i).padStart(6, '0')}`, `c${i % 100}`, statuses[i % statuses.length], date, now, now);
    }
  })();
}

// As for customers (customers.query-plans.test): the plans must hold on a file not analysed yet and on one analysed as the product does.
describe.each([
  ['without planner statistics', false],
  ['with the statistics PRAGMA optimize gathers', true],
])('query plans of the order list, %s', (_state, analysed) => {
  let conn: Connection;

  beforeAll(() => {
    conn = openDatabase(':memory:');
    migrate(conn.sqlite);
    seedOrders(conn, 3000);
    if (analysed) expect(refreshPlannerStatistics(conn.sqlite)).toBe(true);
    expect(conn.sqlite.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'sqlite_stat1'").pluck().get()).toBe(analysed ? 1 : 0);
  });

  it('reads a customer’s orders, deliveries and returns for the 360° timeline by seeks, never walking a table', async () => {
    const [timeline] = await plansOf(conn, (db) => sql`${sql.join(ORDER_TIMELINE_SOURCES.map((source) => source('c7')), sql` UNION ALL `)}`.execute(db));
    expect(timeline).toMatch(/sales_returns_order \(sales_order_id=\?\)/);
    expect(wholeTableWalks(timeline!, ['sales_orders', 'o', 'deliveries', 'd', 'sales_returns', 'r'])).toEqual([]);
  });

  it('reads the first page from the date index, then only the page’s orders by id', async () => {
    const [page] = await plansOf(conn, (db) => listOrders(db, { filters: {}, pageSize: 50 }, TODAY));
    // The one walk is the page's keys, which LIMIT stops; no walk of every order to look up the page.
    expect(wholeTableWalks(page!, ['o', 'sales_orders'])).toEqual(['SCAN o USING COVERING INDEX sales_orders_date']);
    expect(page).toMatch(/SEARCH o USING INDEX sqlite_autoindex_sales_orders_1 \(id=\?\)/);
    expect(page).not.toMatch(/AUTOMATIC/);
  });

  it('seeks a deep page from its cursor instead of walking from the newest order', async () => {
    const after = { date: '2024-03-01', id: 'o000600' };
    const [page] = await plansOf(conn, (db) => listOrders(db, { filters: {}, pageSize: 50, after }, TODAY));
    expect(page).toMatch(/SEARCH o USING COVERING INDEX sales_orders_date \(order_date<\?\)/);
    expect(wholeTableWalks(page!, ['o', 'sales_orders'])).toEqual([]);
  });

  it('counts a customer’s placed orders from the customer’s index entries and sums the open ones without reading the rest', async () => {
    const run = await statementsRunBy(conn.sqlite, async () => {
      creditFacts(conn.sqlite, 'c7', 'none', TODAY);
      conn.sqlite.transaction(() => refreshPlacedOrderFigures(conn.sqlite, 'c7'))();
    });
    const plans = run.filter((s) => /sales_orders o ON o\.customer_id/.test(s.sql)).map((s) => planOf(conn.sqlite, s));
    expect(plans).toHaveLength(2);
    // The open balance reads an order's row only for its total, once its status (in the index) says it is open.
    expect(plans[0]).toMatch(/SEARCH o USING INDEX sales_orders_customer \(customer_id=\?\)/);
    expect(plans[1]).toMatch(/SEARCH o USING COVERING INDEX sales_orders_customer \(customer_id=\?\)/);
  });

  it('answers the deep page with the orders after the cursor, newest first', async () => {
    const first = await listOrders(conn.db, { filters: {}, pageSize: 50 }, TODAY);
    const second = await listOrders(conn.db, { filters: {}, pageSize: 50, after: first.next! }, TODAY);
    const ids = conn.sqlite.prepare('SELECT id FROM sales_orders ORDER BY order_date DESC, id DESC LIMIT 50 OFFSET 50').pluck().all();
    expect(second.rows.map((r) => r.id)).toEqual(ids);
    expect(second.total).toBe(3000);
  });
});
