/**
 * The order list, newest first, paged by keyset on (order_date, id): a page deep in 500,000 orders
 * costs what the first does. The keyset is written `date < :d OR (date = :d AND id < :id)`; the
 * row-value form picked a bad plan (STYLE.md). Several statuses are one index walk each, merged.
 * The page's keys drive the join (CROSS JOIN keeps that order): left to the planner, it walked every
 * order and looked each up in the page (0.2–0.7 s at 50,000 orders).
 */
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Database } from '../../db/schema';
import { toFtsQuery } from '../customers/customers.search-text';
import type { OrderCursor, OrderListFilters, OrderPage } from './orders.contract';
import type { OrderFind, OrderListRow, OrderStatus } from './orders.dto';
import { customerIdVisible } from '../customers/customers.scope';
import { EVERYTHING, type DataScope } from '../users/data-scope';

type Db = Kysely<Database>;

/** Past this a list says "10,000+" instead of counting every order. */
export const COUNT_CAP = 10_000;

export interface OrderQuery {
  q?: string | undefined;
  filters: OrderListFilters;
}

/** The orders of a customer and of those merged into it (customers.merged_into_id, any depth). */
export function accountOf(customerId: string): RawBuilder<unknown> {
  return sql`(WITH RECURSIVE account(id) AS (SELECT ${customerId} UNION SELECT c.id FROM customers c JOIN account a ON c.merged_into_id = a.id) SELECT id FROM account)`;
}

/** An order number as typed: the whole number or its start (SO-2026-00), or its running digits (123). */
export function numberCondition(q: string, column: RawBuilder<unknown>, prefix: string, years: number[]): RawBuilder<unknown> | null {
  const typed = q.trim().toUpperCase();
  if (/^\d{1,6}$/.test(typed)) {
    const candidates = years.map((year) => `${prefix}-${year}-${typed.padStart(6, '0')}`);
    return sql`${column} IN (${sql.join(candidates)})`;
  }
  if (/^[A-Z]{1,4}-[A-Z0-9-]*$/.test(typed)) return sql`${column} >= ${typed} AND ${column} < ${`${typed}\u{10FFFF}`}`;
  return null;
}

/** The years an order number may carry: this one and the four before. */
export function recentYears(today: string): number[] {
  const year = Number(today.slice(0, 4));
  return [year, year - 1, year - 2, year - 3, year - 4];
}

function conditions(query: OrderQuery, today: string, scope: DataScope): RawBuilder<unknown>[] | null {
  const f = query.filters;
  const inScope = customerIdVisible(scope, 'o.customer_id');
  const where: RawBuilder<unknown>[] = inScope ? [inScope] : [];
  if (query.q) {
    const byNumber = numberCondition(query.q, sql`o.order_no`, 'SO', recentYears(today));
    if (byNumber) where.push(byNumber);
    else {
      const fts = toFtsQuery(query.q);
      if (!fts) return null;
      where.push(sql`o.customer_id IN (SELECT cs.customer_id FROM customers_fts JOIN customer_search cs ON cs.rowid = customers_fts.rowid WHERE customers_fts MATCH ${fts} LIMIT 500)`);
    }
  }
  if (f.customerId) where.push(sql`o.customer_id IN ${accountOf(f.customerId)}`);
  if (f.ownerUserId !== undefined) where.push(f.ownerUserId === null ? sql`o.owner_user_id IS NULL` : sql`o.owner_user_id = ${f.ownerUserId}`);
  if (f.from) where.push(sql`o.order_date >= ${f.from}`);
  if (f.to) where.push(sql`o.order_date <= ${f.to}`);
  if (f.promisedBefore) where.push(sql`o.promised_date < ${f.promisedBefore}`);
  return where;
}

// The leading `order_date <=` is what the index seeks to; the OR alone made it walk from the newest order.
const keyset = (after: OrderCursor | undefined) =>
  after ? sql`o.order_date <= ${after.date} AND (o.order_date < ${after.date} OR (o.order_date = ${after.date} AND o.id < ${after.id}))` : null;

const whereSql = (parts: (RawBuilder<unknown> | null)[]) => {
  const present = parts.filter((p): p is RawBuilder<unknown> => p !== null);
  return present.length ? sql`WHERE ${sql.join(present, sql` AND `)}` : sql``;
};

/** The ids of one page (limit rows), read from an index in the list's order. */
function pageKeys(query: OrderQuery, base: RawBuilder<unknown>[], after: OrderCursor | undefined, limit: number): RawBuilder<unknown> {
  const statuses = query.filters.status ?? [];
  const branch = (status: RawBuilder<unknown> | null) =>
    sql`SELECT o.id, o.order_date FROM sales_orders o ${whereSql([...base, status, keyset(after)])} ORDER BY o.order_date DESC, o.id DESC LIMIT ${limit}`;
  // A customer's orders are few: one walk of its index, filtered. Several statuses: one walk each, merged.
  if (statuses.length <= 1 || query.filters.customerId) return branch(statusCondition(statuses));
  return sql`SELECT id, order_date FROM (${sql.join(
    statuses.map((s) => sql`SELECT * FROM (${branch(sql`o.status = ${s}`)})`),
    sql` UNION ALL `,
  )}) ORDER BY order_date DESC, id DESC LIMIT ${limit}`;
}

interface RowRecord {
  id: string;
  order_no: string | null;
  customer_id: string;
  customer_code: string;
  customer_name: string;
  status: OrderStatus;
  order_date: string;
  promised_date: string | null;
  currency: string;
  total_gross: number;
  owner_user_id: string | null;
  owner_name: string | null;
}

function toRow(r: RowRecord): OrderListRow {
  return {
    id: r.id,
    orderNo: r.order_no,
    customerId: r.customer_id,
    customerCode: r.customer_code,
    customerName: r.customer_name,
    status: r.status,
    orderDate: r.order_date,
    promisedDate: r.promised_date,
    currency: r.currency,
    totalGross: r.total_gross,
    ownerUserId: r.owner_user_id,
    ownerName: r.owner_name,
  };
}

function statusCondition(statuses: readonly OrderStatus[]): RawBuilder<unknown> | null {
  return statuses.length ? sql`o.status IN (${sql.join(statuses)})` : null;
}

export async function listOrders(
  db: Db,
  input: OrderQuery & { after?: OrderCursor | undefined; pageSize: number },
  today: string,
  scope: DataScope = EVERYTHING,
): Promise<OrderPage> {
  const base = conditions(input, today, scope);
  if (!base) return { rows: [], total: 0, totalIsExact: true, next: null };
  const { rows } = await sql<RowRecord>`
    SELECT o.id, o.order_no, o.customer_id, c.code AS customer_code, c.name AS customer_name, o.status, o.order_date, o.promised_date,
           o.currency, o.total_gross, o.owner_user_id, u.display_name AS owner_name
      FROM (${pageKeys(input, base, input.after, input.pageSize + 1)}) k
      CROSS JOIN sales_orders o ON o.id = k.id
      CROSS JOIN customers c ON c.id = o.customer_id
      LEFT JOIN users u ON u.id = o.owner_user_id
     ORDER BY o.order_date DESC, o.id DESC`.execute(db);
  const page = rows.slice(0, input.pageSize);
  const last = page[page.length - 1];
  const n = await countOrders(db, base, input.filters.status ?? [], COUNT_CAP + 1);
  return {
    rows: page.map(toRow),
    total: Math.min(n, COUNT_CAP),
    totalIsExact: n <= COUNT_CAP,
    next: rows.length > input.pageSize && last ? { date: last.order_date, id: last.id } : null,
  };
}

async function countOrders(db: Db, base: RawBuilder<unknown>[], statuses: readonly OrderStatus[], cap: number | null): Promise<number> {
  const limit = cap === null ? sql`` : sql`LIMIT ${cap}`;
  const { rows } = await sql<{ n: number }>`SELECT count(*) AS n FROM (SELECT 1 FROM sales_orders o ${whereSql([...base, statusCondition(statuses)])} ${limit})`.execute(db);
  return rows[0]?.n ?? 0;
}

/** How many orders the list would show, and what they come to (fen): the workbench's figures. */
export async function orderTotals(db: Db, query: OrderQuery, today: string, scope: DataScope): Promise<{ count: number; amount: number }> {
  const base = conditions(query, today, scope);
  if (!base) return { count: 0, amount: 0 };
  const { rows } = await sql<{ count: number; amount: number }>`
    SELECT count(*) AS count, coalesce(sum(o.total_gross), 0) AS amount FROM sales_orders o ${whereSql([...base, statusCondition(query.filters.status ?? [])])}`.execute(db);
  return { count: rows[0]?.count ?? 0, amount: rows[0]?.amount ?? 0 };
}

/** Every matching order in the list's order, a page at a time, with the exact count: what an export reads. */
export async function* orderPages(db: Db, query: OrderQuery, today: string, scope: DataScope, size = 1000): AsyncGenerator<{ rows: OrderListRow[]; total: number }> {
  const base = conditions(query, today, scope);
  if (!base) return;
  const total = await countOrders(db, base, query.filters.status ?? [], null);
  let after: OrderCursor | undefined;
  for (;;) {
    const page = await listOrders(db, { ...query, after, pageSize: size }, today, scope);
    yield { rows: page.rows, total };
    if (!page.next) return;
    after = page.next;
  }
}

/** The palette: orders by number, newest first. */
export async function findOrders(db: Db, q: string, limit: number, today: string, scope: DataScope = EVERYTHING): Promise<OrderFind[]> {
  const byNumber = numberCondition(q, sql`o.order_no`, 'SO', recentYears(today));
  if (!byNumber) return [];
  const inScope = customerIdVisible(scope, 'o.customer_id');
  const { rows } = await sql<{ id: string; order_no: string; customer_name: string; status: OrderStatus; order_date: string; total_gross: number }>`
    SELECT o.id, o.order_no, c.name AS customer_name, o.status, o.order_date, o.total_gross
      FROM sales_orders o JOIN customers c ON c.id = o.customer_id
     WHERE ${byNumber} ${inScope ? sql`AND ${inScope}` : sql``}
     ORDER BY o.order_no DESC LIMIT ${limit}`.execute(db);
  return rows.map((r) => ({ id: r.id, orderNo: r.order_no, customerName: r.customer_name, status: r.status, orderDate: r.order_date, totalGross: r.total_gross }));
}
