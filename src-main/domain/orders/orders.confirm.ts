/**
 * Submitting a draft order, in dispatch's one transaction: shortages handled as the user chose,
 * the credit check, the approval rules, stock reserved and a number issued. The order is then
 * confirmed, or waits for a manager with the reasons shown.
 */
import type { z } from 'zod';
import { statement } from '../../db/statements';
import type { HandlerContext } from '../context';
import { assertTransition } from '../core/document';
import { nextNumber } from '../core/numbering';
import { sumTaxLines } from '../core/money';
import { reserveStock } from '../stock/stock.reservations';
import { newId, nowIso } from '../shared/ids';
import { activeRules, decide } from './orders.approval-rules';
import type { confirmInput } from './orders.contract';
import { checkCredit, creditFacts, overdueDaysAllowed } from './orders.credit';
import type { CreditCheck, Order, OrderStatus } from './orders.dto';
import { companyFacts, orderCustomer } from './orders.editing';
import { ORDER_DOCUMENT_TYPE, ORDER_KIND, ORDER_SERIES } from './orders.kind';
import { getOrder } from './orders.read';
import * as repo from './orders.repository';
import { effectiveDiscountBp } from './orders.rules';
import { planStock } from './orders.shortages';
import { orderOrFail } from './orders.status';
import { refreshPlacedOrderFigures } from './orders.customer-stats';

export async function confirmOrder(ctx: HandlerContext, input: z.output<typeof confirmInput>): Promise<Order> {
  const { sqlite } = ctx;
  const order = orderOrFail(sqlite, input.id);
  assertTransition(ORDER_KIND, order.status, 'pending_approval');
  const customer = orderCustomer(sqlite, order.customer_id, 'id');
  const userId = ctx.user?.id ?? null;

  const submitted = repo.linesOf(sqlite, order.id);
  const plan = await planStock(ctx, order, submitted, input.shortages);
  // Read again when the user chose a way out of a shortage: it may have cut, substituted or re-dated lines.
  const lines = input.shortages.length > 0 ? repo.linesOf(sqlite, order.id) : submitted;
  const totals = sumTaxLines(lines);
  const { today } = companyFacts(sqlite);

  const allowedDays = overdueDaysAllowed(sqlite);
  const facts = creditFacts(sqlite, customer.id, order.id, today);
  const credit = checkCredit(facts, { limit: customer.credit_limit, orderTotal: totals.gross, overdueDaysAllowed: allowedDays });
  const decision = decide(activeRules(sqlite), {
    totalGross: totals.gross,
    customerTier: customer.tier,
    creditProblems: credit.problems,
    shortLines: plan.shortLines,
    maxDiscountBp: Math.max(0, ...lines.map((l) => effectiveDiscountBp({ listPrice: l.list_price, unitPrice: l.unit_price, discountBp: l.discount_bp }))),
  });
  const reasons = [...credit.reasons, ...decision.reasons.filter((r) => r.code !== 'credit_problem')];
  const rule = decision.rule ? { id: decision.rule.id, name: decision.rule.name, condition: decision.rule.condition, action: decision.rule.action } : null;

  const now = nowIso();
  const to: OrderStatus = decision.action === 'require_approval' ? 'pending_approval' : 'confirmed';
  const orderNo = order.order_no ?? nextNumber(sqlite, ORDER_SERIES, today);
  for (const r of plan.reservations) {
    if (r.quantity <= 0) continue;
    reserveStock(sqlite, {
      productId: r.productId,
      warehouseId: order.warehouse_id,
      quantity: r.quantity,
      document: { type: ORDER_DOCUMENT_TYPE, id: order.id, lineId: r.lineId },
      issuePath: 'id',
    });
  }
  const check: CreditCheck = {
    checkedAt: now,
    limit: customer.credit_limit,
    balance: facts.balance,
    orderTotal: totals.gross,
    overdueDays: facts.overdueDays,
    overdueDaysAllowed: allowedDays,
    onHold: facts.onHold,
    problems: credit.problems,
    reasons,
    rule,
    shortLines: plan.shortLines,
  };
  statement(
    sqlite,
    `UPDATE sales_orders SET status = ?, order_no = ?, credit_check = ?, decided_by_rule = ?, total_net = ?, total_tax = ?, total_gross = ?,
       confirmed_at = CASE WHEN ? = 'confirmed' THEN ? ELSE confirmed_at END, updated_at = ? WHERE id = ?`,
  ).run(to, orderNo, JSON.stringify(check), rule?.name ?? null, totals.net, totals.tax, totals.gross, to, now, now, order.id);
  repo.insertEvent(sqlite, { orderId: order.id, from: order.status, to, comment: rule?.name ?? null, userId, at: now });
  refreshPlacedOrderFigures(sqlite, order.customer_id);
  if (to === 'pending_approval') {
    statement(sqlite, 'INSERT INTO sales_order_approvals (id, sales_order_id, reasons, requested_by, requested_at) VALUES (?, ?, ?, ?, ?)').run(
      newId(),
      order.id,
      JSON.stringify(reasons.length ? reasons : [{ code: rule?.condition ?? 'any', params: {} }]),
      userId,
      now,
    );
  }
  ctx.audit({
    entityType: 'salesOrder',
    entityId: order.id,
    fields: {
      status: { before: order.status, after: to },
      orderNo: { before: order.order_no, after: orderNo },
      decidedByRule: { before: order.decided_by_rule, after: rule?.name ?? null },
      reserved: { before: null, after: plan.reservations.map((r) => `${r.lineNo}:${r.quantity}`).join(' ') },
    },
  });
  return getOrder(ctx.sqlite, order.id);
}
