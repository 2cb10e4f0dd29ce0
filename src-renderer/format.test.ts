import { describe, expect, it, vi } from 'vitest';
import { businessToday, formatFenCompact, formatTimestamp, formatTimestampDate, setDisplayTimeZone, timestampFromCompanyClock } from './format';

// The UI's i18n needs a browser; these formats only read the language.
vi.mock('./i18n', () => ({ default: { language: 'zh-CN' } }));

describe('renderer date formatting', () => {
  it('shows timestamps and today in the company’s zone once the settings name it', () => {
    setDisplayTimeZone('Asia/Shanghai');
    expect(formatTimestamp('2026-11-28T16:05:00.000Z')).toBe('2026-11-29 00:05');
    const shanghaiToday = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
    expect(businessToday()).toBe(shanghaiToday);
    setDisplayTimeZone('America/New_York');
    expect(formatTimestamp('2026-11-28T16:05:00.000Z')).toBe('2026-11-28 11:05');
  });

  it('keeps the company’s day and clock when the computer is set to another zone', () => {
    const computerZone = process.env.TZ;
    process.env.TZ = 'America/Los_Angeles';
    try {
      setDisplayTimeZone('Asia/Shanghai');
      // 00:30 on 29 November in Shanghai: the computer (and UTC) still say the 28th.
      const shanghaiHalfPastMidnight = '2026-11-28T16:30:00.000Z';
      expect([new Date(shanghaiHalfPastMidnight).getDate(), new Date(shanghaiHalfPastMidnight).getHours()]).toEqual([28, 8]);
      expect(formatTimestamp(shanghaiHalfPastMidnight)).toBe('2026-11-29 00:30');
      expect(formatTimestampDate(shanghaiHalfPastMidnight)).toBe('2026-11-29');
      expect(timestampFromCompanyClock('2026-11-29 00:30')).toBe(shanghaiHalfPastMidnight);
      expect(() => timestampFromCompanyClock('2026-11-29')).toThrow(/not a date and time/);
    } finally {
      if (computerZone === undefined) delete process.env.TZ;
      else process.env.TZ = computerZone;
    }
  });

  it('shortens large sums for charts in the UI language', () => {
    expect(formatFenCompact(12_800_000)).toBe('¥12.8万');
  });
});
