import type { Sqlite } from '../../db/connection';
import { newId, nowIso } from '../shared/ids';
import type { CustomerCreateInput } from './customers.contract';
import { orderHistoryFacts } from './customers.lifecycle';
import { creditCodeCheckChar } from './customers.rules';

/** A valid 统一社会信用代码 ending the given 17 characters with their check character. */
export function creditCode(first17 = '91320100MA1XYW124'): string {
  const check = creditCodeCheckChar(first17);
  if (first17.length !== 17 || !check) throw new Error(`${first17} is not the body of a credit code`);
  return first17 + check;
}

let mobileCounter = 0;
/** A fresh valid mainland mobile for each call. */
export function aMobile(): string {
  mobileCounter += 1;
  return `139${String(10_000_000 + mobileCounter * 7919).slice(-8)}`;
}

/** A company customer with one primary contact; override what the test is about. */
export function aCustomer(overrides: Partial<CustomerCreateInput> = {}): CustomerCreateInput {
  return {
    kind: 'company',
    name: '南京博雅食品有限公司',
    shortName: '博雅',
    contacts: [{ name: '周博雅', mobile: aMobile() }],
    ...overrides,
  };
}

/**
 * Confirmed sales orders on the given business dates, with customer_stats brought in step the
 * way the orders area keeps them (as of today), for tests of what orders mean to a customer.
 */
export function recordOrders(sqlite: Sqlite, customerId: string, dates: readonly string[], today: string): void {
  sqlite
    .prepare(`INSERT OR IGNORE INTO warehouses (id, code, name, is_default, created_at, updated_at) VALUES ('wh-test', 'WH01', '主仓', 1, ?, ?)`)
    .run(nowIso(), nowIso());
  const insert = sqlite.prepare(
    `INSERT INTO sales_orders (id, order_no, customer_id, status, order_date, warehouse_id, created_at, updated_at) VALUES (?, ?, ?, 'confirmed', ?, 'wh-test', ?, ?)`,
  );
  for (const date of dates) insert.run(newId(), `SO-T-${newId()}`, customerId, date, nowIso(), nowIso());
  const all = sqlite.prepare(`SELECT order_date FROM sales_orders WHERE customer_id = ? AND status <> 'cancelled'`).pluck().all(customerId) as string[];
  const facts = orderHistoryFacts(all, today);
  sqlite
    .prepare('UPDATE customer_stats SET order_count = ?, orders_last_365d = ?, first_order_date = ?, last_order_date = ? WHERE customer_id = ?')
    .run(facts.orderCount, facts.ordersLast365d, facts.firstOrderDate, facts.lastOrderDate, customerId);
}
