/**
 * The credit check on confirmation (信用检查): what the customer owes plus this order against its
 * credit limit, invoices overdue past the allowed days, and a credit hold. What is owed is the
 * receivables balance plus the part of open orders not yet invoiced (an invoiced order is in the
 * balance already); overdue days and the hold come from the dunning area.
 */
import type { Sqlite } from '../../db/connection';
import { statement } from '../../db/statements';
import { creditHoldOf, overdueDaysOf } from '../dunning/credit-hold';
import { UNINVOICED_STATUSES, type ApprovalReason, type CreditProblem } from './orders.dto';

export interface CreditFacts {
  /** Fen the customer owes or has committed to: the receivables balance and open orders' uninvoiced part (other than the one checked). */
  balance: number;
  /** Days the oldest unpaid invoice is past its due date. */
  overdueDays: number;
  onHold: boolean;
}

/**
 * Orders of the customer and of every customer merged into it (customers.merged_into_id, at any
 * depth) count as one account; an invoiced order is in the balance already. CROSS JOIN keeps the planner starting from the account's one or
 * two ids: otherwise it scanned every customer's balance (customer_stats_balance_due covers it).
 */
const OPEN_BALANCE = `
  WITH RECURSIVE account(id) AS (
    SELECT @customerId UNION SELECT c.id FROM customers c JOIN account a ON c.merged_into_id = a.id
  )
  SELECT coalesce((SELECT sum(s.balance_due) FROM account a CROSS JOIN customer_stats s ON s.customer_id = a.id), 0)
       + coalesce((SELECT sum(max(o.total_gross - coalesce((
             SELECT sum(il.gross) FROM sales_order_lines ol
               JOIN invoice_lines il ON il.sales_order_line_id = ol.id
               JOIN invoices i ON i.id = il.invoice_id AND i.kind = 'invoice' AND i.status = 'posted'
              WHERE ol.sales_order_id = o.id), 0), 0))
           FROM account a CROSS JOIN sales_orders o ON o.customer_id = a.id
          WHERE o.status IN (${UNINVOICED_STATUSES.map((s) => `'${s}'`).join(', ')}) AND o.id <> @orderId), 0)`;

export function creditFacts(sqlite: Sqlite, customerId: string, excludeOrderId: string, today: string): CreditFacts {
  const balance = statement(sqlite, OPEN_BALANCE).pluck().get({ customerId, orderId: excludeOrderId }) as number;
  return { balance, overdueDays: overdueDaysOf(sqlite, customerId, today), onHold: creditHoldOf(sqlite, customerId).onHold };
}

export const OVERDUE_DAYS_SETTING = 'sales.overdueDaysAllowed';
const DEFAULT_OVERDUE_DAYS = 30;

export function overdueDaysAllowed(sqlite: Sqlite): number {
  const raw = statement(sqlite, 'SELECT value FROM settings WHERE key = ?').pluck().get(OVERDUE_DAYS_SETTING) as string | undefined;
  return raw === undefined ? DEFAULT_OVERDUE_DAYS : (JSON.parse(raw) as number);
}

export interface CreditVerdict {
  problems: CreditProblem[];
  reasons: ApprovalReason[];
}

/** What is wrong, each with the figures a manager needs to decide. A NULL limit means no limit. */
export function checkCredit(facts: CreditFacts, input: { limit: number | null; orderTotal: number; overdueDaysAllowed: number }): CreditVerdict {
  const reasons: ApprovalReason[] = [];
  if (input.limit !== null && facts.balance + input.orderTotal > input.limit) {
    reasons.push({ code: 'over_limit', params: { limit: input.limit, balance: facts.balance, orderTotal: input.orderTotal, exceededBy: facts.balance + input.orderTotal - input.limit } });
  }
  if (facts.overdueDays > input.overdueDaysAllowed) reasons.push({ code: 'overdue', params: { days: facts.overdueDays, allowed: input.overdueDaysAllowed } });
  if (facts.onHold) reasons.push({ code: 'on_hold', params: {} });
  return { problems: reasons.map((r) => r.code as CreditProblem), reasons };
}
