/**
 * The order figures of customer_stats (订单数, 累计销售额, 首单/末单日期), written only from the sales
 * orders behind them, in the transaction that changes an order (DESIGN §3), and proved by `check`.
 * A merged customer's orders count for the customer it was merged into.
 */
import type { Sqlite } from '../../db/connection';
import { statement } from '../../db/statements';
import { addDays, businessDateIn } from '../core/dates';
import { summaryMatchesLedger } from '../checks/invariants';

/** Placed orders: a draft is not yet an order and a cancelled one no longer is. */
const PLACED = "o.status NOT IN ('draft', 'cancelled')";

/**
 * Each surviving customer's figures. Sales are what went out less what came back, each line's share
 * of its 价税合计 rounded half-up, as the 360° view's lifetime sales (orders.customer.ts).
 */
function figuresSql(oneCustomer: boolean): string {
  // For one customer the planner, not knowing the CTE holds a row or two, scanned every order:
  // CROSS JOIN makes it start from the customer and use sales_orders_customer.
  const orders = oneCustomer ? 'survivor s CROSS JOIN sales_orders o ON o.customer_id = s.id' : 'sales_orders o JOIN survivor s ON s.id = o.customer_id';
  return `
    WITH RECURSIVE survivor(id, customer_id) AS (
      SELECT id, id FROM customers WHERE merged_into_id IS NULL ${oneCustomer ? 'AND id = @customerId' : ''}
      UNION ALL SELECT c.id, s.customer_id FROM customers c JOIN survivor s ON c.merged_into_id = s.id
    ),
    placed AS (
      SELECT s.customer_id, count(*) AS order_count, count(*) FILTER (WHERE o.order_date > @since) AS orders_last_365d,
             min(o.order_date) AS first_order_date, max(o.order_date) AS last_order_date
        FROM ${orders} WHERE ${PLACED} GROUP BY s.customer_id
    ),
    sales AS (
      SELECT s.customer_id, sum((2 * l.gross * (l.delivered_quantity - l.returned_quantity) + l.quantity) / (2 * l.quantity)) AS lifetime_revenue
        FROM ${orders} JOIN sales_order_lines l ON l.sales_order_id = o.id
       WHERE l.delivered_quantity > 0 GROUP BY s.customer_id
    ),
    figures AS (
      SELECT r.customer_id, coalesce(p.order_count, 0) AS order_count, coalesce(p.orders_last_365d, 0) AS orders_last_365d,
             p.first_order_date, p.last_order_date, coalesce(x.lifetime_revenue, 0) AS lifetime_revenue
        FROM (SELECT DISTINCT customer_id FROM survivor) r LEFT JOIN placed p ON p.customer_id = r.customer_id LEFT JOIN sales x ON x.customer_id = r.customer_id
    )`;
}

function companyToday(sqlite: Sqlite): string {
  const timeZone = statement(sqlite, 'SELECT time_zone FROM company LIMIT 1').pluck().get() as string | undefined;
  return businessDateIn(timeZone ?? 'Asia/Shanghai');
}

/** The customer a customer's orders count for: itself, or the one it was (perhaps in turn) merged into. */
function survivorOf(sqlite: Sqlite, customerId: string): string | undefined {
  return statement(
    sqlite,
    `WITH RECURSIVE up(id, next) AS (SELECT id, merged_into_id FROM customers WHERE id = ? UNION ALL SELECT c.id, c.merged_into_id FROM customers c JOIN up ON c.id = up.next)
       SELECT id FROM up WHERE next IS NULL`,
  )
    .pluck()
    .get(customerId) as string | undefined;
}

/**
 * Rewrites the order figures of one customer (the one its orders count for) or, without an id, of
 * every customer in one pass (the demo seeder). Call it in the transaction that changed the orders.
 */
export function refreshOrderFigures(sqlite: Sqlite, customerId?: string): void {
  const survivorId = customerId ? survivorOf(sqlite, customerId) : undefined;
  if (customerId && !survivorId) return;
  statement(
    sqlite,
    `${figuresSql(!!customerId)}
       UPDATE customer_stats AS t SET order_count = f.order_count, orders_last_365d = f.orders_last_365d, first_order_date = f.first_order_date,
              last_order_date = f.last_order_date, lifetime_revenue = f.lifetime_revenue, updated_at = @now
         FROM figures f WHERE t.customer_id = f.customer_id ${customerId ? 'AND t.customer_id = @customerId' : ''}`,
  ).run({ since: addDays(companyToday(sqlite), -365), now: new Date().toISOString(), ...(customerId ? { customerId: survivorId } : {}) });
}

/**
 * The figures that placing or cancelling an order changes (order count, the last 365 days, first and
 * last order date), for the customer it counts for. Sales move only with deliveries and returns,
 * which rewrite everything: confirming an order, many times a minute, reads no order lines and
 * leaves the sales and last-order index entries alone unless they change.
 */
export function refreshPlacedOrderFigures(sqlite: Sqlite, customerId: string): void {
  const survivorId = survivorOf(sqlite, customerId);
  if (!survivorId) return;
  const placed = statement(
    sqlite,
    `WITH RECURSIVE survivor(id) AS (SELECT @customerId UNION ALL SELECT c.id FROM customers c JOIN survivor s ON c.merged_into_id = s.id)
     SELECT count(*) AS order_count, count(*) FILTER (WHERE o.order_date > @since) AS orders_last_365d,
            min(o.order_date) AS first_order_date, max(o.order_date) AS last_order_date
       FROM survivor s CROSS JOIN sales_orders o ON o.customer_id = s.id WHERE ${PLACED}`,
  ).get({ customerId: survivorId, since: addDays(companyToday(sqlite), -365) }) as {
    order_count: number;
    orders_last_365d: number;
    first_order_date: string | null;
    last_order_date: string | null;
  };
  const now = new Date().toISOString();
  statement(sqlite, 'UPDATE customer_stats SET order_count = ?, orders_last_365d = ?, first_order_date = ?, updated_at = ? WHERE customer_id = ?').run(
    placed.order_count,
    placed.orders_last_365d,
    placed.first_order_date,
    now,
    survivorId,
  );
  // Its own statement, and only when it moves: an UPDATE naming an indexed column rewrites the index entry even when the value is the same.
  statement(sqlite, 'UPDATE customer_stats SET last_order_date = ? WHERE customer_id = ? AND last_order_date IS NOT ?').run(placed.last_order_date, survivorId, placed.last_order_date);
}

/** Dates as numbers (20261128) so the summary check can compare them; NULL as 0. */
const dateNumber = (column: string) => `coalesce(CAST(replace(${column}, '-', '') AS INTEGER), 0) AS ${column}`;

/**
 * Every order figure a customer shows has the orders behind it. orders_last_365d is left out: it
 * moves with the calendar, and is rewritten with the others whenever an order changes.
 */
export const orderFiguresMatchOrders = summaryMatchesLedger({
  name: 'each customer’s order count, sales and first and last order dates equal its orders',
  key: 'customer',
  summarySql: `SELECT c.code AS customer, s.order_count, s.lifetime_revenue, ${dateNumber('first_order_date')}, ${dateNumber('last_order_date')}
                 FROM customer_stats s JOIN customers c ON c.id = s.customer_id
                WHERE s.order_count <> 0 OR s.lifetime_revenue <> 0 OR s.first_order_date IS NOT NULL OR s.last_order_date IS NOT NULL`,
  ledgerSql: `${figuresSql(false).replace('@since', "'9999-12-31'")}
              SELECT c.code AS customer, f.order_count, f.lifetime_revenue, ${dateNumber('first_order_date')}, ${dateNumber('last_order_date')}
                FROM figures f JOIN customers c ON c.id = f.customer_id
               WHERE f.order_count <> 0 OR f.lifetime_revenue <> 0`,
});
