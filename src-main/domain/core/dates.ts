/**
 * Business dates are YYYY-MM-DD in the company's time zone; timestamps are ISO-8601 UTC
 * (DESIGN §3). This is their one helper. Runtime-neutral: the renderer shows dates and times with
 * the same functions the backend uses to file them.
 */

import { RecentlyUsed } from '../shared/recently-used';

const DAY_MS = 86_400_000;

interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

// Building an Intl.DateTimeFormat costs tens of microseconds; a table of 200 timestamps reuses one.
const clocks = new Map<string, Intl.DateTimeFormat>();

function wallClock(timeZone: string, at: Date): WallClock {
  let clock = clocks.get(timeZone);
  if (!clock) {
    clock = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    clocks.set(timeZone, clock);
  }
  const parts = clock.formatToParts(at);
  const get = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value);
  return { year: get('year'), month: get('month'), day: get('day'), hour: get('hour'), minute: get('minute'), second: get('second') };
}

const two = (n: number) => String(n).padStart(2, '0');
const dateOf = (w: WallClock) => `${String(w.year).padStart(4, '0')}-${two(w.month)}-${two(w.day)}`;

// Checking and parsing a date string is most of what date arithmetic costs, and a book's dates
// are few (a bulk write or an aging does it millions of times over some thousands of dates).
const calendarMemo = new RecentlyUsed<string, number>(8192);
const dateMemo = new RecentlyUsed<number, string>(8192);

/** Midnight UTC of a business date, for calendar arithmetic; refuses what is not a real date. */
function calendarMs(date: string): number {
  const known = calendarMemo.get(date);
  if (known !== undefined) return known;
  const ms = /^\d{4}-\d{2}-\d{2}$/.test(date) ? Date.parse(`${date}T00:00:00Z`) : NaN;
  if (Number.isNaN(ms) || new Date(ms).toISOString().slice(0, 10) !== date) throw new RangeError(`${date} is not a date (YYYY-MM-DD)`);
  calendarMemo.set(date, ms);
  return ms;
}

function fromCalendarMs(ms: number): string {
  let date = dateMemo.get(ms);
  if (date === undefined) {
    date = new Date(ms).toISOString().slice(0, 10);
    dateMemo.set(ms, date);
  }
  return date;
}

/** Today's business date in the company's zone (or the business date of any instant). */
export function businessDateIn(timeZone: string, at: Date = new Date()): string {
  // Through the zone's offset of the day: Intl's formatToParts costs about 40 µs, and confirming an order asks twice.
  return wallClockIn(timeZone, at).toISOString().slice(0, 10);
}

/** Minutes the zone is ahead of UTC at an instant. */
function offsetMinutes(timeZone: string, at: Date): number {
  const w = wallClock(timeZone, at);
  const wall = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  return Math.round((wall - Math.floor(at.getTime() / 1000) * 1000) / 60_000);
}

/**
 * The UTC instant a wall-clock time in the zone stands for: what a person typed as 2026-11-28 09:54
 * means the company's 09:54, whatever zone the computer is set to.
 */
export function instantOfWallClock(dateTime: string, timeZone: string): string {
  const match = /^(\d{4}-\d{2}-\d{2})[ T]([01]\d|2[0-3]):([0-5]\d)(?::([0-5]\d))?$/.exec(dateTime);
  if (!match) throw new RangeError(`${dateTime} is not a date and time (YYYY-MM-DD HH:mm)`);
  const [, date = '', hour = '0', minute = '0', second = '0'] = match;
  const wallAsUtc = calendarMs(date) + ((Number(hour) * 60 + Number(minute)) * 60 + Number(second)) * 1000;
  let instant = wallAsUtc - offsetMinutes(timeZone, new Date(wallAsUtc)) * 60_000;
  // Once more, in case the wall time and the first guess sit on different sides of a DST change.
  instant = wallAsUtc - offsetMinutes(timeZone, new Date(instant)) * 60_000;
  return new Date(instant).toISOString();
}

/**
 * The UTC instant at which a business date starts (midnight in the zone), so a range of business
 * dates filters ISO-8601 UTC timestamps with plain string comparison on an index.
 */
export function businessDayStartUtc(date: string, timeZone: string): string {
  return instantOfWallClock(`${date} 00:00`, timeZone);
}

export function addDays(date: string, days: number): string {
  if (!Number.isInteger(days)) throw new RangeError(`${days} is not a whole number of days`);
  return fromCalendarMs(calendarMs(date) + days * DAY_MS);
}

/** Calendar days from one business date to another (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((calendarMs(to) - calendarMs(from)) / DAY_MS);
}

export function monthStart(date: string): string {
  calendarMs(date);
  return `${date.slice(0, 8)}01`;
}

export function monthEnd(date: string): string {
  const start = new Date(calendarMs(monthStart(date)));
  return fromCalendarMs(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + 1, 0));
}

function instantOf(at: string | Date): Date {
  const instant = typeof at === 'string' ? new Date(at) : at;
  if (Number.isNaN(instant.getTime())) throw new RangeError(`${String(at)} is not a timestamp`);
  return instant;
}

/** A timestamp as its date in a zone: 2026-11-28. */
export function formatDate(at: string | Date, timeZone: string): string {
  return dateOf(wallClock(timeZone, instantOf(at)));
}

/** A timestamp on a 24-hour clock in a zone, the same in every UI language: 2026-11-28 09:54. */
export function formatDateTime(at: string | Date, timeZone: string): string {
  const w = wallClock(timeZone, instantOf(at));
  return `${dateOf(w)} ${two(w.hour)}:${two(w.minute)}`;
}

/** Per zone and UTC day: the zone's offset in minutes when it holds all day, null on a day it changes. */
const dayOffsets = new Map<string, number | null>();

/**
 * The wall-clock time in the zone at an instant, as a Date whose UTC fields read that time
 * (`wallClockIn('Asia/Shanghai', 01:54Z)` reads 09:54): what a person sees in a spreadsheet, which
 * knows no zones. Intl is slow, so it is asked once per day, and per instant only on a day the
 * zone's offset changes.
 */
export function wallClockIn(timeZone: string, at: Date): Date {
  const ms = at.getTime();
  const day = Math.floor(ms / DAY_MS);
  const key = `${timeZone}|${day}`;
  let offset = dayOffsets.get(key);
  if (offset === undefined) {
    const first = offsetMinutes(timeZone, new Date(day * DAY_MS));
    offset = first === offsetMinutes(timeZone, new Date(day * DAY_MS + DAY_MS - 1)) ? first : null;
    if (dayOffsets.size > 100_000) dayOffsets.clear();
    dayOffsets.set(key, offset);
  }
  return new Date(ms + (offset ?? offsetMinutes(timeZone, at)) * 60_000);
}
