/**
 * Moving an order along its status machine (orders.kind.ts) with one event on its timeline per
 * move, who and when; and the status its lines say it has once goods go out.
 */
import { AppError } from '../../api/errors';
import { fieldIssue } from '../../api/issues';
import type { Sqlite } from '../../db/connection';
import { statement } from '../../db/statements';
import { assertTransition } from '../core/document';
import { refreshOrderFigures } from './orders.customer-stats';
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
  const customerId = sqlite.prepare('SELECT customer_id FROM sales_orders WHERE id = ?').pluck().get(order.id) as string;
  refreshOrderFigures(sqlite, customerId);
}

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
  return next;
}
