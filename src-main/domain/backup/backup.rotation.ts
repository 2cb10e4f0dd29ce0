import { addDays, businessDateIn, daysBetween } from '../core/dates';

/** How many automatic backups survive rotation: the newest of each of the last 7 days, 4 weeks and 12 months. */
export const KEEP = { daily: 7, weekly: 4, monthly: 12 } as const;

/**
 * The automatic backups rotation removes. Days, weeks and months are the company's (its time zone);
 * a backup kept for any one of the three reasons stays.
 */
export function backupsToRemove(backups: readonly { name: string; at: string }[], timeZone: string): string[] {
  const newestFirst = [...backups].sort((a, b) => b.at.localeCompare(a.at));
  const keep = new Set<string>();
  const buckets = { daily: new Set<string>(), weekly: new Set<string>(), monthly: new Set<string>() };
  for (const backup of newestFirst) {
    const day = businessDateIn(timeZone, new Date(backup.at));
    const periods = { daily: day, weekly: isoWeekOf(day), monthly: day.slice(0, 7) };
    for (const kind of ['daily', 'weekly', 'monthly'] as const) {
      const seen = buckets[kind];
      // Newest first, so the first backup met in a period is the one that period keeps.
      if (!seen.has(periods[kind]) && seen.size < KEEP[kind]) {
        seen.add(periods[kind]);
        keep.add(backup.name);
      }
    }
  }
  return newestFirst.filter((b) => !keep.has(b.name)).map((b) => b.name);
}

/** 2026-W48 for 2026-11-23: weeks start on Monday and belong to the year their Thursday is in (ISO 8601). */
export function isoWeekOf(date: string): string {
  const thursdayOf = (day: string) => addDays(day, 3 - ((new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7));
  const thursday = thursdayOf(date);
  const year = thursday.slice(0, 4);
  // Week 1 is the week with 4 January in it.
  const week = 1 + daysBetween(thursdayOf(`${year}-01-04`), thursday) / 7;
  return `${year}-W${String(week).padStart(2, '0')}`;
}
