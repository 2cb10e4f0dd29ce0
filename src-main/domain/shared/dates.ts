/** Business dates are YYYY-MM-DD in the company's time zone (DESIGN §3); this is their one helper. */
export function businessDateIn(timeZone: string, at = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
}

export function daysBetween(fromDate: string, toDate: string): number {
  return Math.round((Date.parse(`${toDate}T00:00:00Z`) - Date.parse(`${fromDate}T00:00:00Z`)) / 86_400_000);
}

const zoneFormats = new Map<string, Intl.DateTimeFormat>();
/** Per zone and UTC day: the zone's offset when it holds all day, null on a day it changes. */
const dayOffsets = new Map<string, number | null>();
const DAY = 86_400_000;

function offsetAt(timeZone: string, ms: number): number {
  let format = zoneFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric' });
    zoneFormats.set(timeZone, format);
  }
  const parts = format.formatToParts(ms);
  const part = (type: string) => Number(parts.find((p) => p.type === type)!.value);
  return Date.UTC(part('year'), part('month') - 1, part('day'), part('hour'), part('minute')) - Math.floor(ms / 60_000) * 60_000;
}

/**
 * The wall-clock time in the zone at an instant, as a Date whose UTC fields read that time
 * (`wallClockIn('Asia/Shanghai', 01:54Z)` reads 09:54): what a person sees in a spreadsheet, which
 * knows no zones. Intl is slow, so it is asked once per day, and per instant only on a day the
 * zone's offset changes.
 */
export function wallClockIn(timeZone: string, at: Date): Date {
  const ms = at.getTime();
  const day = Math.floor(ms / DAY);
  const key = `${timeZone}|${day}`;
  let offset = dayOffsets.get(key);
  if (offset === undefined) {
    const first = offsetAt(timeZone, day * DAY);
    offset = first === offsetAt(timeZone, day * DAY + DAY - 1) ? first : null;
    if (dayOffsets.size > 100_000) dayOffsets.clear();
    dayOffsets.set(key, offset);
  }
  return new Date(ms + (offset ?? offsetAt(timeZone, ms)));
}
