import { describe, expect, it, vi } from 'vitest';
import { ISSUE_CODES } from '../../src-main/api/issues';

// i18next's instance needs the catalogs only; the browser-only bits (localStorage) are stubbed.
vi.stubGlobal('localStorage', { getItem: () => null, setItem: () => undefined });
vi.stubGlobal('document', { documentElement: { lang: '' } });
const { default: i18n } = await import('../i18n');
const { describeIssue, issuesByPath, zodValidate } = await import('./issues');
const { z } = await import('zod');
const { setDisplayTimeZone } = await import('../format');

describe('field issues worded in the UI language', () => {
  it.each(['zh-CN', 'zh-TW'])('words every issue code in %s with no English left in it', async (language) => {
    await i18n.changeLanguage(language);
    for (const code of ISSUE_CODES) {
      const text = describeIssue({ code, params: { max: 100, min: 1, from: '草稿', to: '已过账', status: 'posted', encoding: 'Shift_JIS', header: '手机', columns: ['B', 'D'], line: 3, options: ['甲', '乙'], expected: 'number', reason: 'check_char', entity: 'customer', matchedOn: 'name', code: 'C000001', name: '博雅', kind: 'shipping', current: 'A', allowed: 2, available: 2, balance: 2, count: 2, countNo: 2, date: 2, days: 2, deliveryNo: 2, given: 2, limit: 2, lineNo: 2, number: 2, onHand: 2, orderTotal: 2, productCode: 2, quantity: 2, reserved: 2, serial: 2, validUntil: 2, at: 2, since: '2026-11-28T16:30:00.000Z', claimed: 2, firstOpen: 2, period: 2, picked: 2, amount: 2, room: 2, detail: '连接超时' } });
      expect({ code, chinese: /[\u4e00-\u9fff]/.test(text) }).toEqual({ code, chinese: true });
      expect({ code, leftover: /\{\{|issues\./.test(text) }).toEqual({ code, leftover: false });
    }
  });

  it('words params that are codes themselves', async () => {
    await i18n.changeLanguage('zh-CN');
    expect(describeIssue({ code: 'duplicate', params: { matchedOn: 'mobile', code: 'C000001', name: '南京博雅' } })).toBe('与客户 C000001 南京博雅 的手机号相同');
    expect(describeIssue({ code: 'not_found', params: { entity: 'tag' } })).toBe('找不到这个标签');
    expect(describeIssue({ code: 'not_allowed', params: { reason: 'merge_into_itself' } })).toBe('不能合并到自己');
    expect(describeIssue({ code: 'too_long', params: { max: 100 } })).toBe('最多 100 个字');
    setDisplayTimeZone('Asia/Shanghai');
    expect(describeIssue({ code: 'already_exported', params: { count: 2, at: '2026-11-28T16:30:00.000Z' } })).toBe('这段日期已导出过 2 次（最近 2026-11-29 00:30），确认后才再次导出，以免重复导入');
    await i18n.changeLanguage('en');
    expect(describeIssue({ code: 'invalid_choice', params: { options: ['A', 'B'] } })).toBe('Choose one of: A, B');
  });

  it('says 1 in the singular in English, whatever the counted param is called', async () => {
    await i18n.changeLanguage('en');
    expect(describeIssue({ code: 'too_few', params: { min: 1 } })).toBe('At least 1 item');
    expect(describeIssue({ code: 'too_few', params: { min: 2 } })).toBe('At least 2 items');
    expect(describeIssue({ code: 'invoices_overdue', params: { days: 1, allowed: 0 } })).toBe('Invoices 1 day overdue (more than the 0 allowed)');
    expect(describeIssue({ code: 'serial_count', params: { expected: 1, given: 0 } })).toBe('1 serial number needed, 0 entered');
    // A claim limit is a number of customers, not an amount of money.
    expect(describeIssue({ code: 'claim_limit', params: { limit: 1, claimed: 1 } })).toBe('You may claim at most 1 customer a day and have claimed 1 today');
    expect(describeIssue({ code: 'claim_limit', params: { limit: 20, claimed: 20 } })).toBe('You may claim at most 20 customers a day and have claimed 20 today');
    expect(describeIssue({ code: 'over_credit_limit', params: { balance: 480_000, orderTotal: 30_000, limit: 500_000 } })).toBe('Over the credit limit: ¥4,800.00 owed, this order ¥300.00, limit ¥5,000.00');
  });

  it('keys issues by path, keeping the first of each', async () => {
    await i18n.changeLanguage('zh-CN');
    expect(
      issuesByPath([
        { path: 'contacts.2.mobile', code: 'invalid_mobile' },
        { path: 'contacts.2.mobile', code: 'required' },
        { path: 'name', code: 'required' },
      ]),
    ).toEqual({ 'contacts.2.mobile': '手机号格式不对：应为 13–19 开头的 11 位数字', name: '必填' });
  });

  it('pre-checks a form with the contract schema, through the values-to-input step, and lets extra checks win at their path', async () => {
    await i18n.changeLanguage('zh-CN');
    const schema = z.object({ name: z.string().trim().min(1).max(10), cost: z.number().int().min(0) }).strict();
    const validate = zodValidate(schema, {
      toInput: (values: { name: string; cost: string }) => ({ name: values.name, cost: values.cost === '' ? 0 : Number(values.cost) }),
      also: (values, input) => ({ ...(values.cost !== '' && Number.isNaN(Number(values.cost)) ? { cost: '请填写金额' } : {}), ...(input ? {} : { checked: 'schema failed' }) }),
    });
    expect(validate({ name: '南京博雅食品有限公司采购部', cost: '' })).toEqual({ name: '最多 10 个字', checked: 'schema failed' });
    expect(validate({ name: '博雅', cost: 'abc' })).toEqual({ cost: '请填写金额', checked: 'schema failed' });
    expect(validate({ name: '博雅', cost: '12' })).toEqual({});
  });
});
