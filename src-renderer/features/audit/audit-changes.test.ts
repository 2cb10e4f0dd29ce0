import { describe, expect, it, vi } from 'vitest';

// i18next's instance needs the catalogs only; the browser-only bits (localStorage) are stubbed.
vi.stubGlobal('localStorage', { getItem: () => null, setItem: () => undefined });
vi.stubGlobal('document', { documentElement: { lang: '' } });
const { default: i18n } = await import('../../i18n');
const { setDisplayTimeZone } = await import('../../format');
const { fieldLabel, formatValue } = await import('./audit-changes');

describe('changes in the activity log', () => {
  it('shows a changed timestamp on the company’s clock, not as the stored UTC text', async () => {
    await i18n.changeLanguage('zh-CN');
    setDisplayTimeZone('Asia/Shanghai');
    const ctx = { t: i18n.t, entityType: 'customerInteraction', field: 'occurredAt', userName: () => undefined };
    expect(formatValue('2026-11-28T16:30:00.000Z', ctx)).toBe('2026-11-29 00:30');
    expect(formatValue('2026-11-28', { ...ctx, field: 'asOf' })).toBe('2026-11-28');
  });

  it('names the daily dunning run’s figures in Chinese', async () => {
    await i18n.changeLanguage('zh-CN');
    expect(['reminders', 'held', 'released'].map((field) => fieldLabel(i18n.t, 'dunning_run', field))).toEqual(['催收提醒', '冻结信用', '解除冻结']);
  });
});
