import { describe, expect, it } from 'vitest';
import { backupsToRemove, isoWeekOf } from './backup.rotation';

/** One automatic backup a day at 02:00 in Shanghai (18:00 UTC the day before), from `first` to `last`. */
function dailyBackups(first: string, last: string) {
  const backups: { name: string; at: string }[] = [];
  for (let d = new Date(`${first}T00:00:00Z`); d <= new Date(`${last}T00:00:00Z`); d = new Date(d.getTime() + 86_400_000)) {
    const day = d.toISOString().slice(0, 10);
    backups.push({ name: day, at: new Date(d.getTime() - 6 * 3_600_000).toISOString() });
  }
  return backups;
}

describe('rotating the automatic backups', () => {
  it('numbers weeks the ISO way, across the turn of the year', () => {
    expect(isoWeekOf('2026-11-23')).toBe('2026-W48');
    expect(isoWeekOf('2026-01-01')).toBe('2026-W01');
    expect(isoWeekOf('2027-01-01')).toBe('2026-W53');
    expect(isoWeekOf('2024-12-30')).toBe('2025-W01');
  });

  it('keeps the last 7 days, the newest of the last 4 weeks and of the last 12 months', () => {
    const backups = dailyBackups('2025-06-01', '2026-11-23');
    const removed = new Set(backupsToRemove(backups, 'Asia/Shanghai'));
    const kept = backups.map((b) => b.name).filter((name) => !removed.has(name));
    expect(kept.sort()).toEqual(
      [
        // 12 months: the newest backup of each month (November 2026 is kept by its newest day).
        '2025-12-31', '2026-01-31', '2026-02-28', '2026-03-31', '2026-04-30', '2026-05-31',
        '2026-06-30', '2026-07-31', '2026-08-31', '2026-09-30', '2026-10-31',
        // 4 weeks: this one (Monday 23 November) and the Sundays ending the three before it (22 November is a daily too).
        '2026-11-08', '2026-11-15',
        // 7 days.
        '2026-11-17', '2026-11-18', '2026-11-19', '2026-11-20', '2026-11-21', '2026-11-22', '2026-11-23',
      ].sort(),
    );
  });

  it('counts days in the company time zone: 02:00 in Shanghai is still the day before in UTC', () => {
    const backups = [
      { name: 'a', at: '2026-11-22T18:00:00.000Z' },
      { name: 'b', at: '2026-11-22T10:00:00.000Z' },
    ];
    expect(backupsToRemove(backups, 'Asia/Shanghai')).toEqual([]);
    expect(backupsToRemove(backups, 'UTC')).toEqual(['b']);
  });

  it('removes nothing while there are fewer backups than it keeps', () => {
    expect(backupsToRemove(dailyBackups('2026-11-20', '2026-11-23'), 'Asia/Shanghai')).toEqual([]);
  });
});
