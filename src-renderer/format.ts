import { businessDateIn, formatDate, formatDateTime, instantOfWallClock } from '../src-main/domain/core/dates';
import i18n from './i18n';

// The reader's own zone until the company's settings arrive (AppLayout sets it once signed in).
let displayTimeZone = Intl.DateTimeFormat().resolvedOptions().timeZone;

/** Timestamps are shown in the company's zone, so a time and the business date it was filed under agree. */
export function setDisplayTimeZone(timeZone: string): void {
  displayTimeZone = timeZone;
}

/** A UTC timestamp as 2026-11-28 09:54 in the company's zone, the same in every UI language. */
export function formatTimestamp(iso: string): string {
  return formatDateTime(iso, displayTimeZone);
}

/** A UTC timestamp as the company's day (2026-11-28): 00:30 in Shanghai is still the previous day in UTC. */
export function formatTimestampDate(iso: string): string {
  return formatDate(iso, displayTimeZone);
}

/** A time typed or picked as 2026-11-28 09:54 means the company's 09:54, not the computer's. */
export function timestampFromCompanyClock(wallClock: string): string {
  return instantOfWallClock(wallClock, displayTimeZone);
}

/** Today's business date in the company's zone (a UTC date is yesterday's before 08:00 in Shanghai). */
export function businessToday(): string {
  return businessDateIn(displayTimeZone);
}

/** ¥12.8万 / ¥128K: for column sums and chart labels, where the exact fen would be noise. */
export function formatFenCompact(fen: number): string {
  return new Intl.NumberFormat(i18n.language, { style: 'currency', currency: 'CNY', currencyDisplay: 'narrowSymbol', notation: 'compact', maximumFractionDigits: 1 }).format(fen / 100);
}
