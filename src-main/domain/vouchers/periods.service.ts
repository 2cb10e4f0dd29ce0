/**
 * Closing and reopening months (结账 / 反结账). The books are closed through one month: closing a
 * month closes every month before it too, and only the latest closed month can be reopened (by the
 * owner, with a reason), so the open months always follow the closed ones and a correction of a
 * closed month posts in the first open one.
 */
import { AppError } from '../../api/errors';
import { fieldIssue } from '../../api/issues';
import type { Sqlite } from '../../db/connection';
import type { HandlerContext } from '../context';
import { monthEnd } from '../core/dates';
import { closedThrough, nextPeriod } from '../core/periods';
import { companyFacts } from '../orders/orders.editing';
import { newId, nowIso } from '../shared/ids';
import type { PeriodLockEvent, PeriodMonth, PeriodStatus, PeriodSummary } from './vouchers.dto';
import { vouchersBetween } from './vouchers.generate';

/** The months listed at least, back from this one (or from the latest closed, when that is later). */
const MONTHS_SHOWN = 12;
/** And at most: an open month with documents further back than a year is listed down to this many. */
const MONTHS_SHOWN_AT_MOST = 36;

function previousPeriod(period: string): string {
  const [year, month] = period.split('-').map(Number) as [number, number];
  return month === 1 ? `${year - 1}-12` : `${year}-${String(month - 1).padStart(2, '0')}`;
}

export function periodStatus(sqlite: Sqlite): PeriodStatus {
  const closed = closedThrough(sqlite);
  const events = (
    sqlite
      .prepare(
        `SELECT e.id, e.action, e.period, e.closed_through, e.reason, u.display_name AS username, e.at
           FROM period_lock_events e LEFT JOIN users u ON u.id = e.user_id ORDER BY e.rowid DESC LIMIT 100`,
      )
      .all() as { id: string; action: 'close' | 'reopen'; period: string; closed_through: string | null; reason: string | null; username: string | null; at: string }[]
  ).map((e): PeriodLockEvent => ({ id: e.id, action: e.action, period: e.period, closedThrough: e.closed_through, reason: e.reason, username: e.username, at: e.at }));
  return { closedThrough: closed, firstOpen: closed ? nextPeriod(closed) : null, months: recentMonths(sqlite, closed, events), events };
}

/** The month of the books' first document (invoice, receipt or stock move), if any. */
function firstDocumentMonth(sqlite: Sqlite): string | null {
  const first = sqlite
    .prepare('SELECT min(d) FROM (SELECT min(invoice_date) AS d FROM invoices UNION ALL SELECT min(receipt_date) FROM receipts UNION ALL SELECT min(move_date) FROM stock_moves)')
    .pluck()
    .get() as string | null;
  return first ? first.slice(0, 7) : null;
}

/**
 * The last twelve months, and further back to the first month with documents that is still open: a
 * book begun more than a year ago and never closed lists the months the accountant has to close.
 * A closed month was sealed by the latest close that reached it: a reopen in between would have
 * undone an earlier one.
 */
function recentMonths(sqlite: Sqlite, closed: string | null, events: PeriodLockEvent[]): PeriodMonth[] {
  const current = companyFacts(sqlite).today.slice(0, 7);
  let period = closed !== null && closed > current ? closed : current;
  const firstDocuments = firstDocumentMonth(sqlite);
  const firstOpenWithDocuments = firstDocuments !== null && (closed === null || firstDocuments > closed) ? firstDocuments : null;
  const months: PeriodMonth[] = [];
  for (let i = 0; i < MONTHS_SHOWN_AT_MOST && (i < MONTHS_SHOWN || (firstOpenWithDocuments !== null && period >= firstOpenWithDocuments)); i++, period = previousPeriod(period)) {
    const isClosed = closed !== null && period <= closed;
    const closing = isClosed ? events.find((e) => e.action === 'close' && e.period >= period) : undefined;
    months.push({ period, closed: isClosed, closedBy: closing?.username ?? null, closedAt: closing?.at ?? null });
  }
  return months;
}

/** The vouchers a month holds and their totals, shown before it is closed. */
export function periodSummary(sqlite: Sqlite, period: string): PeriodSummary {
  const vouchers = vouchersBetween(sqlite, `${period}-01`, monthEnd(`${period}-01`));
  const lines = vouchers.flatMap((v) => v.lines);
  return { period, voucherCount: vouchers.length, debitTotal: lines.reduce((sum, l) => sum + l.debit, 0), creditTotal: lines.reduce((sum, l) => sum + l.credit, 0) };
}

function record(ctx: HandlerContext, action: 'close' | 'reopen', period: string, after: string | null, reason: string | null, before: string | null): PeriodStatus {
  const id = newId();
  ctx.sqlite
    .prepare('INSERT INTO period_lock_events (id, action, period, closed_through, reason, user_id, at) VALUES (?, ?, ?, ?, ?, ?, ?)')
    .run(id, action, period, after, reason, ctx.user?.id ?? null, nowIso());
  ctx.audit({ entityType: 'period_lock', entityId: id, fields: { closedThrough: { before, after } } });
  return periodStatus(ctx.sqlite);
}

/** Closes the month and every month before it; closing a month already closed changes nothing. */
export function closePeriod(ctx: HandlerContext, input: { period: string }): PeriodStatus {
  const before = closedThrough(ctx.sqlite);
  if (before !== null && input.period <= before) return periodStatus(ctx.sqlite);
  return record(ctx, 'close', input.period, input.period, null, before);
}

/** Reopens the latest closed month, leaving the ones before it closed. */
export function reopenPeriod(ctx: HandlerContext, input: { period: string; reason: string }): PeriodStatus {
  const before = closedThrough(ctx.sqlite);
  if (before === null || input.period !== before) {
    throw new AppError('CONFLICT', before === null ? 'No month is closed' : `Only the latest closed month (${before}) can be reopened`, [
      fieldIssue('period', 'not_latest_closed', { period: before }),
    ]);
  }
  // Reopening the first month ever closed opens the months it closed with it.
  const firstClosed = ctx.sqlite.prepare("SELECT min(period) FROM period_lock_events WHERE action = 'close'").pluck().get() as string;
  const stillClosed = before === firstClosed ? null : previousPeriod(before);
  return record(ctx, 'reopen', input.period, stillClosed, input.reason, before);
}
