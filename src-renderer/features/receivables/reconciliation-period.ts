/**
 * The period a reconciliation opens on when none is asked for: the year so far. A statement of
 * account is read by the year (本年对账); the opening balance carries everything before it.
 */
export function reconciliationFrom(day: string): string {
  return `${day.slice(0, 4)}-01-01`;
}
