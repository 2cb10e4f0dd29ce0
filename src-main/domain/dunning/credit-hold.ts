/**
 * 信用冻结: a customer whose invoices are overdue past the set number of days is put on credit hold,
 * which the sales credit check reads; paying what was overdue releases it. A manager may hold or
 * release by hand, with a reason. The hold is the latest event of credit_hold_events (append-only),
 * over the customer and every customer merged into it.
 */
import { sql } from 'kysely';
import type { Sqlite } from '../../db/connection';
import { statement } from '../../db/statements';
import type { TimelineSource } from '../area';
import { daysBetween } from '../core/dates';
import type { HandlerContext } from '../context';
import { INVOICE_SELECT, oldestOverdueDueDate } from '../receivables/receivables.repository';
import { newId, nowIso } from '../shared/ids';
import type { CreditHoldCause, CreditHoldEventsTable } from './dunning.tables';

export const HOLD_AFTER_DAYS_SETTING = 'dunning.holdAfterDays';

const ACCOUNT = '(SELECT id FROM customers WHERE id = @customerId OR merged_into_id = @customerId)';

const LATEST_EVENT = `SELECT * FROM credit_hold_events WHERE customer_id IN ${ACCOUNT} ORDER BY at DESC, rowid DESC LIMIT 1`;

/** Days the oldest unpaid invoice is past its due date on `today` (0 when nothing is overdue). */
export function overdueDaysOf(sqlite: Sqlite, customerId: string, today: string): number {
  const oldest = oldestOverdueDueDate(sqlite, customerId, today);
  return oldest === null ? 0 : daysBetween(oldest, today);
}

export interface CreditHold {
  onHold: boolean;
  /** The event that decided it (null: never held). */
  cause: CreditHoldCause | null;
  reason: string | null;
  since: string | null;
  overdueDays: number | null;
}

export function creditHoldOf(sqlite: Sqlite, customerId: string): CreditHold {
  const latest = statement(sqlite, LATEST_EVENT).get({ customerId }) as CreditHoldEventsTable | undefined;
  if (!latest) return { onHold: false, cause: null, reason: null, since: null, overdueDays: null };
  return { onHold: latest.action === 'hold', cause: latest.cause, reason: latest.reason, since: latest.business_date, overdueDays: latest.overdue_days };
}

/** Days overdue past which the customer goes on hold; null: no automatic hold. */
export function holdAfterDays(sqlite: Sqlite): number | null {
  const raw = statement(sqlite, 'SELECT value FROM settings WHERE key = ?').pluck().get(HOLD_AFTER_DAYS_SETTING) as string | undefined;
  return raw === undefined ? null : (JSON.parse(raw) as number | null);
}

type HoldContext = Pick<HandlerContext, 'sqlite' | 'user' | 'audit'>;

export interface HoldChange {
  action: 'hold' | 'release';
  cause: CreditHoldCause;
  reason?: string | null;
  overdueDays?: number | null;
  today: string;
}

export function recordCreditHold(ctx: HoldContext, customerId: string, change: HoldChange): CreditHoldEventsTable {
  const before = creditHoldOf(ctx.sqlite, customerId);
  const row: CreditHoldEventsTable = {
    id: newId(),
    customer_id: customerId,
    action: change.action,
    cause: change.cause,
    reason: change.reason ?? null,
    overdue_days: change.overdueDays ?? null,
    business_date: change.today,
    user_id: ctx.user?.id ?? null,
    at: nowIso(),
  };
  statement(
    ctx.sqlite,
    `INSERT INTO credit_hold_events (id, customer_id, action, cause, reason, overdue_days, business_date, user_id, at)
     VALUES (@id, @customer_id, @action, @cause, @reason, @overdue_days, @business_date, @user_id, @at)`,
  ).run(row);
  ctx.audit({
    entityType: 'customer_credit_hold',
    entityId: customerId,
    fields: { onHold: { before: before.onHold, after: change.action === 'hold' }, cause: { before: before.cause, after: change.cause }, reason: { before: before.reason, after: row.reason } },
  });
  return row;
}

/**
 * A manager's release stands until another invoice goes past the threshold after it: the first
 * day an invoice is more than N days overdue is due_date + N + 1.
 */
const CROSSED_SINCE = `SELECT 1 FROM (${INVOICE_SELECT}
  WHERE i.customer_id IN ${ACCOUNT} AND i.kind = 'invoice' AND i.status = 'posted'
    AND date(i.due_date, '+' || (@days + 1) || ' days') > @releasedOn AND date(i.due_date, '+' || (@days + 1) || ' days') <= @today)
  WHERE open_amount > 0 LIMIT 1`;

/**
 * Puts the customer on hold when overdue past the setting, and releases an automatic hold once
 * what was overdue is paid (a manual hold waits for a manager). Returns the event it recorded.
 */
export function reviewCreditHold(ctx: HoldContext, customerId: string, today: string): CreditHoldEventsTable | null {
  const threshold = holdAfterDays(ctx.sqlite);
  const hold = creditHoldOf(ctx.sqlite, customerId);
  const days = overdueDaysOf(ctx.sqlite, customerId, today);
  if (hold.onHold) {
    if (hold.cause === 'overdue' && (threshold === null || days <= threshold)) return recordCreditHold(ctx, customerId, { action: 'release', cause: 'paid', overdueDays: days, today });
    return null;
  }
  if (threshold === null || days <= threshold) return null;
  if (hold.cause === 'manual' && hold.since !== null) {
    const crossed = statement(ctx.sqlite, CROSSED_SINCE).get({ customerId, days: threshold, releasedOn: hold.since, today });
    if (!crossed) return null;
  }
  return recordCreditHold(ctx, customerId, { action: 'hold', cause: 'overdue', overdueDays: days, today });
}

/** Customers the daily review must look at: overdue past the threshold, or on an automatic hold. */
export function customersToReview(sqlite: Sqlite, today: string): string[] {
  const threshold = holdAfterDays(sqlite);
  const overdue =
    threshold === null
      ? []
      : (statement(
          sqlite,
          `SELECT DISTINCT coalesce(c.merged_into_id, c.id) FROM (${INVOICE_SELECT}
             WHERE i.kind = 'invoice' AND i.status = 'posted' AND i.due_date < date(@today, '-' || @days || ' days')) o
             JOIN customers c ON c.id = o.customer_id WHERE o.open_amount > 0`,
        )
          .pluck()
          .all({ today, days: threshold }) as string[]);
  const held = statement(
    sqlite,
    `SELECT customer_id FROM credit_hold_events e
      WHERE e.rowid = (SELECT x.rowid FROM credit_hold_events x WHERE x.customer_id = e.customer_id ORDER BY x.at DESC, x.rowid DESC LIMIT 1)
        AND e.action = 'hold' AND e.cause = 'overdue'`,
  )
    .pluck()
    .all() as string[];
  return [...new Set([...overdue, ...held])];
}

/** Every hold and release on the customer's timeline. */
export const CREDIT_HOLD_TIMELINE: TimelineSource = (customerId) => sql`
  SELECT 'credit_' || e.action AS kind, e.id, e.at, e.cause AS title, e.reason AS detail, u.display_name AS user_name,
         json_object('cause', e.cause, 'overdueDays', e.overdue_days, 'date', e.business_date) AS data
    FROM credit_hold_events e LEFT JOIN users u ON u.id = e.user_id
   WHERE e.customer_id = ${customerId}`;
