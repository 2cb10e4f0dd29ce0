import { describe, expect, it, vi } from 'vitest';
import { businessToday, formatFenCompact, formatTimestamp, setDisplayTimeZone } from './format';

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

  it('shortens large sums for charts in the UI language', () => {
    expect(formatFenCompact(12_800_000)).toBe('¥12.8万');
  });
});
