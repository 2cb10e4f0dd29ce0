/**
 * Moving an order along its status machine (orders.kind.ts) with one event on its timeline per
 * move, who and when; and the status its lines say it has once goods go out.
 */
import { AppError } from '../../api/errors';
import { fieldIssue } from '../../api/issues';
import type { Sqlite } from '../../db/connection';
import { statement } from '../../db/statements';
import { assertTransition } from '../core/document';
import { refreshPlacedOrderFigures } from './orders.customer-stats';
import type { OrderStatus } from './orders.dto';
import { ORDER_KIND } from './orders.kind';
import * as repo from './orders.repository';

export interface StatusMove {
  to: OrderStatus;
  comment?: string | null;
  userId: string | null;
  now: string;
}

/** The order, refused with NOT_FOUND when it does not exist. */
export function orderOrFail(sqlite: Sqlite, id: string): repo.OrderRecord {
  const order = repo.findOrder(sqlite, id);
  if (!order) throw new AppError('NOT_FOUND', `Sales order ${id} does not exist`, [fieldIssue('id', 'not_found', { entity: 'sales_order', id })]);
  return order;
}

/** Checks the move is allowed, writes the status (and the timestamps that go with it) and the event. */
export function moveOrder(sqlite: Sqlite, order: Pick<repo.OrderRecord, 'id' | 'status'>, move: StatusMove): void {
  assertTransition(ORDER_KIND, order.status, move.to);
  statement(
    sqlite,
    `UPDATE sales_orders SET status = @to, updated_at = @now,
       confirmed_at = CASE WHEN @to = 'confirmed' THEN @now ELSE confirmed_at END
     WHERE id = @id`,
  ).run({ id: order.id, to: move.to, now: move.now });
  repo.insertEvent(sqlite, { orderId: order.id, from: order.status, to: move.to, comment: move.comment ?? null, userId: move.userId, at: move.now });
  // The customer's order figures count placed orders: only a move into or out of draft or cancelled changes them.
  if (isPlaced(order.status) !== isPlaced(move.to)) {
    refreshPlacedOrderFigures(sqlite, statement(sqlite, 'SELECT customer_id FROM sales_orders WHERE id = ?').pluck().get(order.id) as string);
  }
}

const isPlaced = (status: OrderStatus) => status !== 'draft' && status !== 'cancelled';

/**
 * The status the lines give a confirmed order: delivered when every line is, partly delivered when
 * some goods went out. Statuses past delivery (invoiced, paid, closed) are receivables' and stay.
 */
export function deliveryStatusOf(lines: readonly { quantity: number; delivered_quantity: number }[]): 'confirmed' | 'partly_delivered' | 'delivered' {
  if (lines.length > 0 && lines.every((l) => l.delivered_quantity >= l.quantity)) return 'delivered';
  return lines.some((l) => l.delivered_quantity > 0) ? 'partly_delivered' : 'confirmed';
}

/** After a delivery is posted: the order follows its lines, one event per change. */
export function followDeliveries(sqlite: Sqlite, orderId: string, userId: string | null, now: string, comment: string): OrderStatus {
  const order = orderOrFail(sqlite, orderId);
  if (order.status !== 'confirmed' && order.status !== 'partly_delivered') return order.status;
  const next = deliveryStatusOf(repo.linesOf(sqlite, orderId));
  if (next !== order.status) moveOrder(sqlite, order, { to: next, userId, now, comment });
  // Invoiced from the order before the goods went out: delivered and invoiced at once.
  return next === 'delivered' ? followInvoices(sqlite, [orderId], { userId, now, comment }) : next;
}

/** Past delivery, in the order an order passes them: a move goes one step at a time, forward or back. */
const BY_INVOICES: readonly OrderStatus[] = ['delivered', 'invoiced', 'paid'];

/**
 * After an invoice, an entry on an invoice or a reversal of either: each delivered, invoiced or paid
 * order goes where its invoices put it (the view sales_order_invoicing, migration 0021), one event per
 * step, naming the document that moved it. Returns the last order's status.
 */
export function followInvoices(sqlite: Sqlite, orderIds: Iterable<string>, move: Omit<StatusMove, 'to'>): OrderStatus {
  let status: OrderStatus = 'delivered';
  for (const id of new Set(orderIds)) {
    const row = statement(sqlite, 'SELECT status, due_status FROM sales_order_invoicing WHERE sales_order_id = ?').get(id) as { status: OrderStatus; due_status: OrderStatus } | undefined;
    if (!row) continue;
    for (const [from, to] of stepsBetween(row.status, row.due_status)) moveOrder(sqlite, { id, status: from }, { ...move, to });
    status = row.due_status;
  }
  return status;
}

/** The moves from one status past delivery to another, one step each, forward or back. */
function stepsBetween(from: OrderStatus, to: OrderStatus): [OrderStatus, OrderStatus][] {
  const steps: [OrderStatus, OrderStatus][] = [];
  const target = BY_INVOICES.indexOf(to);
  for (let at = BY_INVOICES.indexOf(from); at !== target; at += Math.sign(target - at)) steps.push([BY_INVOICES[at]!, BY_INVOICES[at + Math.sign(target - at)]!]);
  return steps;
}

/**
 * Every order at once, for the demo seeder that writes its invoices and entries in bulk: each step on
 * the timeline at the time it happened (the last invoice posted, the last entry on them), by nobody,
 * as migration 0021 moved the orders invoiced before it. Returns how many orders moved.
 */
export function followAllInvoices(sqlite: Sqlite): number {
  const rows = sqlite.prepare('SELECT sales_order_id, status, due_status, invoiced_at, paid_at FROM sales_order_invoicing WHERE status <> due_status').all() as {
    sales_order_id: string;
    status: OrderStatus;
    due_status: OrderStatus;
    invoiced_at: string | null;
    paid_at: string | null;
  }[];
  const setStatus = statement(sqlite, 'UPDATE sales_orders SET status = ? WHERE id = ?');
  for (const row of rows) {
    const latest = [row.invoiced_at, row.paid_at].filter((at): at is string => at !== null).sort().at(-1)!;
    for (const [from, to] of stepsBetween(row.status, row.due_status)) {
      repo.insertEvent(sqlite, { orderId: row.sales_order_id, from, to, comment: null, userId: null, at: to === 'invoiced' ? (row.invoiced_at ?? latest) : latest });
    }
    setStatus.run(row.due_status, row.sales_order_id);
  }
  return rows.length;
}

/** The orders with lines on an invoice (one invoice may bill several orders). */
export function ordersOfInvoice(sqlite: Sqlite, invoiceId: string): string[] {
  return statement(sqlite, 'SELECT DISTINCT ol.sales_order_id FROM invoice_lines il JOIN sales_order_lines ol ON ol.id = il.sales_order_line_id WHERE il.invoice_id = ?')
    .pluck()
    .all(invoiceId) as string[];
}
