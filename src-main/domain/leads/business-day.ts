/**
 * Business dates (YYYY-MM-DD in the company's time zone) as UTC instants, so a range of business
 * dates can filter ISO-8601 UTC timestamps with plain string comparison on an index.
 */

/** Minutes the zone is ahead of UTC at an instant. */
function offsetMinutes(timeZone: string, at: Date): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(at);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const wall = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return Math.round((wall - at.getTime()) / 60_000);
}

/** The UTC instant at which the business date starts (midnight in the zone). */
export function businessDayStartUtc(date: string, timeZone: string): string {
  const midnightAsUtc = Date.parse(`${date}T00:00:00Z`);
  let instant = midnightAsUtc - offsetMinutes(timeZone, new Date(midnightAsUtc)) * 60_000;
  // Once more, in case midnight and the first guess sit on different sides of a DST change.
  instant = midnightAsUtc - offsetMinutes(timeZone, new Date(instant)) * 60_000;
  return new Date(instant).toISOString();
}

export function nextDate(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}

export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}
