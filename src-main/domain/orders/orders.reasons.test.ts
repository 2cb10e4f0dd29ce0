import { describe, expect, it } from 'vitest';
import { APPROVAL_EXPORT_WORDS } from './orders.export';
import { reasonParams, reasonText } from './orders.reasons';

describe('why an order waits for a manager, in words', () => {
  it('says an invoice 1 day overdue and 1 line short of stock in the singular', () => {
    const en = APPROVAL_EXPORT_WORDS.en.reason;
    expect(reasonText(en, { code: 'overdue', params: { days: 1, allowed: 0 } })).toBe('Invoices 1 day overdue (0 allowed)');
    expect(reasonText(en, { code: 'overdue', params: { days: 45, allowed: 30 } })).toBe('Invoices 45 days overdue (30 allowed)');
    expect(reasonText(en, { code: 'stock_shortage', params: { lines: 1 } })).toBe('1 line short of stock');
    expect(reasonText(en, { code: 'stock_shortage', params: { lines: 3 } })).toBe('3 lines short of stock');
    expect(reasonText(APPROVAL_EXPORT_WORDS['zh-CN'].reason, { code: 'overdue', params: { days: 1, allowed: 0 } })).toBe('有发票逾期 1 天（允许 0 天）');
  });

  it('hands the UI the figure its words count as `count`, which picks the singular there', () => {
    expect(reasonParams({ code: 'overdue', params: { days: 1, allowed: 0 } })).toEqual({ days: 1, allowed: 0, count: 1 });
    expect(reasonParams({ code: 'over_limit', params: { limit: 500_000, balance: 480_000, orderTotal: 30_000 } })).not.toHaveProperty('count');
  });
});
