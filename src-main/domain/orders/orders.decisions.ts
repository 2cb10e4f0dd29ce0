/**
 * A manager's approval or rejection (审批 / 驳回) with a comment the salesperson sees, and the
 * order ending early: cancelled before anything went out, or closed short after part of it did.
 * Either way what is still reserved goes back to stock.
 */
import { sql } from 'kysely';
import { AppError } from '../../api/errors';
import { fieldIssue } from '../../api/issues';
import type { Page } from '../../api/paging';
import type { Sqlite } from '../../db/connection';
import { statement } from '../../db/statements';
import type { HandlerContext } from '../context';
import { customerIdVisible } from '../customers/customers.scope';
import { releaseReservations } from '../stock/stock.reservations';
import { nowIso } from '../shared/ids';
import type { ApprovalDecisionNotice, ApprovalInboxRow, ApprovalReason, Order, OrderStatus } from './orders.dto';
import { ORDER_DOCUMENT_TYPE } from './orders.kind';
import { getOrder } from './orders.read';
import { moveOrder, orderOrFail } from './orders.status';

function decideApproval(sqlite: Sqlite, orderId: string, decision: 'approved' | 'rejected', userId: string | null, comment: string | null, now: string): void {
  statement(sqlite, 'UPDATE sales_order_approvals SET decision = ?, decided_by = ?, decided_at = ?, comment = ? WHERE sales_order_id = ? AND decision IS NULL').run(
    decision,
    userId,
    now,
    comment,
    orderId,
  );
}

export async function approveOrder(ctx: HandlerContext, input: { id: string; comment?: string | null | undefined }): Promise<Order> {
  const order = orderOrFail(ctx.sqlite, input.id);
  const now = nowIso();
  const userId = ctx.user?.id ?? null;
  moveOrder(ctx.sqlite, order, { to: 'confirmed', comment: input.comment ?? null, userId, now });
  decideApproval(ctx.sqlite, order.id, 'approved', userId, input.comment ?? null, now);
  ctx.audit({ entityType: 'salesOrder', entityId: order.id, fields: { status: { before: order.status, after: 'confirmed' }, approval: { before: null, after: { decision: 'approved', comment: input.comment ?? null } } } });
  return getOrder(ctx.sqlite, order.id);
}

export async function rejectOrder(ctx: HandlerContext, input: { id: string; comment: string }): Promise<Order> {
  const order = orderOrFail(ctx.sqlite, input.id);
  if (order.status !== 'pending_approval') throw new AppError('CONFLICT', `Order ${order.order_no ?? order.id} is not waiting for approval`, [fieldIssue('status', 'invalid_transition', { from: order.status, to: 'draft' })]);
  const now = nowIso();
  const userId = ctx.user?.id ?? null;
  moveOrder(ctx.sqlite, order, { to: 'draft', comment: input.comment, userId, now });
  decideApproval(ctx.sqlite, order.id, 'rejected', userId, input.comment, now);
  const released = releaseReservations(ctx.sqlite, { type: ORDER_DOCUMENT_TYPE, id: order.id });
  ctx.audit({
    entityType: 'salesOrder',
    entityId: order.id,
    fields: { status: { before: order.status, after: 'draft' }, approval: { before: null, after: { decision: 'rejected', comment: input.comment } }, released: { before: null, after: released } },
  });
  return getOrder(ctx.sqlite, order.id);
}

function refuseWhilePicking(sqlite: Sqlite, orderId: string): void {
  const picking = statement(sqlite, "SELECT delivery_no FROM deliveries WHERE sales_order_id = ? AND status = 'picking' LIMIT 1").pluck().get(orderId) as string | undefined;
  if (picking) throw new AppError('CONFLICT', `Delivery ${picking} is still being picked; post or cancel it first`, [fieldIssue('id', 'open_deliveries', { deliveryNo: picking })]);
}

/** Cancelled (with who, when and why) before anything went out; closed short after part did. */
export async function endOrder(ctx: HandlerContext, input: { id: string; reason: string }, to: Extract<OrderStatus, 'cancelled' | 'closed'>): Promise<Order> {
  const order = orderOrFail(ctx.sqlite, input.id);
  refuseWhilePicking(ctx.sqlite, order.id);
  const now = nowIso();
  const userId = ctx.user?.id ?? null;
  moveOrder(ctx.sqlite, order, { to, comment: input.reason, userId, now });
  if (to === 'cancelled') {
    statement(ctx.sqlite, 'UPDATE sales_orders SET cancelled_at = ?, cancelled_by = ?, cancel_reason = ? WHERE id = ?').run(now, userId, input.reason, order.id);
  }
  const released = releaseReservations(ctx.sqlite, { type: ORDER_DOCUMENT_TYPE, id: order.id });
  ctx.audit({ entityType: 'salesOrder', entityId: order.id, fields: { status: { before: order.status, after: to }, reason: { before: null, after: input.reason }, released: { before: null, after: released } } });
  return getOrder(ctx.sqlite, order.id);
}

interface InboxRecord {
  approval_id: string;
  order_id: string;
  order_no: string;
  customer_id: string;
  customer_name: string;
  total_gross: number;
  currency: string;
  reasons: string;
  decided_by_rule: string | null;
  requested_by_name: string | null;
  owner_name: string | null;
  requested_at: string;
  total: number;
}

/** 待审批: orders waiting for a manager, oldest first, with why. */
export async function approvalInbox(ctx: Pick<HandlerContext, 'db' | 'dataScope'>, input: { page: number; pageSize: number }): Promise<Page<ApprovalInboxRow>> {
  // A manager over a team approves the team's orders; the owner (or a manager seeing all) every order.
  const inScope = customerIdVisible(await ctx.dataScope(), 'o.customer_id');
  const { rows } = await sql<InboxRecord>`
    SELECT a.id AS approval_id, o.id AS order_id, o.order_no, o.customer_id, c.name AS customer_name, o.total_gross, o.currency, a.reasons,
           o.decided_by_rule, ru.display_name AS requested_by_name, ou.display_name AS owner_name, a.requested_at, count(*) OVER () AS total
      FROM sales_order_approvals a
      JOIN sales_orders o ON o.id = a.sales_order_id AND o.status = 'pending_approval'
      JOIN customers c ON c.id = o.customer_id
      LEFT JOIN users ru ON ru.id = a.requested_by
      LEFT JOIN users ou ON ou.id = o.owner_user_id
     WHERE a.decision IS NULL ${inScope ? sql`AND ${inScope}` : sql``}
     ORDER BY a.requested_at, a.id
     LIMIT ${input.pageSize} OFFSET ${(input.page - 1) * input.pageSize}`.execute(ctx.db);
  return {
    total: rows[0]?.total ?? 0,
    totalIsExact: true,
    rows: rows.map((r) => ({
      approvalId: r.approval_id,
      orderId: r.order_id,
      orderNo: r.order_no,
      customerId: r.customer_id,
      customerName: r.customer_name,
      totalGross: r.total_gross,
      currency: r.currency,
      reasons: JSON.parse(r.reasons) as ApprovalReason[],
      decidedByRule: r.decided_by_rule,
      requestedByName: r.requested_by_name,
      ownerName: r.owner_name,
      requestedAt: r.requested_at,
    })),
  };
}

/** Decisions on orders the caller submitted, newest first: what the salesperson is told. */
export async function myDecisions(ctx: Pick<HandlerContext, 'db' | 'user'>, limit: number): Promise<ApprovalDecisionNotice[]> {
  if (!ctx.user) return [];
  const { rows } = await sql<{ order_id: string; order_no: string; customer_name: string; decision: 'approved' | 'rejected'; comment: string | null; decided_by_name: string | null; decided_at: string }>`
    SELECT o.id AS order_id, o.order_no, c.name AS customer_name, a.decision, a.comment, d.display_name AS decided_by_name, a.decided_at
      FROM sales_order_approvals a
      JOIN sales_orders o ON o.id = a.sales_order_id
      JOIN customers c ON c.id = o.customer_id
      LEFT JOIN users d ON d.id = a.decided_by
     WHERE a.requested_by = ${ctx.user.id} AND a.decision IS NOT NULL
     ORDER BY a.decided_at DESC
     LIMIT ${limit}`.execute(ctx.db);
  return rows.map((r) => ({ orderId: r.order_id, orderNo: r.order_no, customerName: r.customer_name, decision: r.decision, comment: r.comment, decidedByName: r.decided_by_name, decidedAt: r.decided_at }));
}
