/**
 * The period lock (结账): once the accountant closes a month, nothing dated in it or before it may
 * be posted or reversed. Every posting path (receivables, stock moves, deliveries) calls the one
 * check here, so the rule cannot differ between them. The lock itself is kept by the vouchers area.
 */
import { AppError } from '../../api/errors';
import { fieldIssue } from '../../api/issues';
import type { Sqlite } from '../../db/connection';
import { statement } from '../../db/statements';

/** The month after a YYYY-MM month. */
export function nextPeriod(period: string): string {
  const [year, month] = period.split('-').map(Number) as [number, number];
  return month === 12 ? `${year + 1}-01` : `${year}-${String(month + 1).padStart(2, '0')}`;
}

/** The latest closed month (YYYY-MM), or null while every month is open. */
export function closedThrough(sqlite: Sqlite): string | null {
  const row = statement(sqlite, 'SELECT closed_through FROM period_lock_events ORDER BY rowid DESC LIMIT 1').get() as { closed_through: string | null } | undefined;
  return row?.closed_through ?? null;
}

/** Refuses a posting dated in a closed month with PERIOD_LOCKED, naming the month and the first open one. */
export function assertPeriodOpen(sqlite: Sqlite, date: string, path = 'date'): void {
  const closed = closedThrough(sqlite);
  const period = date.slice(0, 7);
  if (closed === null || period > closed) return;
  const firstOpen = nextPeriod(closed);
  throw new AppError('PERIOD_LOCKED', `The books are closed for ${period}; post it in ${firstOpen} or later`, [fieldIssue(path, 'period_locked', { period, firstOpen })]);
}
