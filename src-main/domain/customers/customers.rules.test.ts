import { describe, expect, it } from 'vitest';
import { issuesFromZod } from '../../api/issues';
import { customerCreateInput } from './customers.contract';
import {
  creditCodeCheckChar,
  creditCodeProblem,
  customerNameKey,
  isEmail,
  isMainlandMobile,
  normaliseEmail,
  normaliseMobile,
  requiredFieldIssues,
} from './customers.rules';

function issuesOf(input: unknown) {
  const result = customerCreateInput.safeParse(input);
  return result.success ? [] : issuesFromZod(result.error);
}

describe('mobile numbers', () => {
  it.each([
    ['13812345678', '13812345678'],
    ['１３８１２３４５６７８', '13812345678'],
    ['+86 138 1234 5678', '13812345678'],
    ['0086-138-1234-5678', '13812345678'],
    ['86 13812345678', '13812345678'],
    ['138-1234-5678', '13812345678'],
  ])('normalises %s to %s', (typed, expected) => {
    expect(normaliseMobile(typed)).toBe(expected);
    expect(isMainlandMobile(normaliseMobile(typed))).toBe(true);
  });

  it.each(['12812345678', '1381234567', '138123456789', '02588886666', 'abc'])('rejects %s', (typed) => {
    expect(isMainlandMobile(normaliseMobile(typed))).toBe(false);
  });

  it('names the contact whose mobile is wrong', () => {
    const issues = issuesOf({ name: '博雅', contacts: [{ name: '甲', mobile: '13812345678' }, { name: '乙', mobile: '1234' }] });
    expect(issues).toEqual([{ path: 'contacts.1.mobile', code: 'invalid_mobile', message: expect.stringContaining('mainland mobile') }]);
  });

  it('keeps the normalised form after parsing', () => {
    const parsed = customerCreateInput.parse({ name: '博雅', mobile: '+86 １３８-1234-5678' });
    expect(parsed.mobile).toBe('13812345678');
  });
});

describe('email', () => {
  it('lower-cases and accepts a normal address', () => {
    expect(normaliseEmail(' Zhou.BoYa@Example.COM ')).toBe('zhou.boya@example.com');
    expect(isEmail('zhou.boya@example.com')).toBe(true);
  });

  it.each(['zhou', 'zhou@', 'zhou@example', '@example.com', 'zh ou@example.com'])('rejects %s, naming the field', (email) => {
    expect(isEmail(normaliseEmail(email))).toBe(false);
    expect(issuesOf({ name: '博雅', email })).toEqual([{ path: 'email', code: 'invalid_email', message: expect.stringContaining('email') }]);
  });
});

describe('统一社会信用代码 (GB 32100-2015)', () => {
  it('accepts a published code and computes its check character', () => {
    expect(creditCodeProblem('91350100M000100Y43')).toBeNull();
    expect(creditCodeCheckChar('91350100M000100Y4')).toBe('3');
  });

  it('turns 31 into 0 in the check character', () => {
    // The last body character's weight (28) is invertible mod 31, so one of the 31 gives a sum ≡ 0.
    const found = [...'0123456789ABCDEFGHJKLMNPQRTUWXY'].map((c) => `9132010000000000${c}`).find((p) => creditCodeCheckChar(p) === '0');
    expect(found).toBeDefined();
    expect(creditCodeProblem(`${found}0`)).toBeNull();
  });

  it('rejects a wrong check character', () => {
    expect(creditCodeProblem('91350100M000100Y44')).toEqual({ reason: 'check_char' });
  });

  it('rejects the wrong length and letters the code never uses', () => {
    expect(creditCodeProblem('91350100M000100Y4')).toEqual({ reason: 'length', length: 17 });
    expect(creditCodeProblem('91350100M000100I43')).toEqual({ reason: 'character', char: 'I' });
  });

  it('normalises full-width and lower case before checking, and names the field', () => {
    expect(customerCreateInput.parse({ name: '博雅', creditCode: '９１３５０１００m000100y43' }).creditCode).toBe('91350100M000100Y43');
    expect(issuesOf({ name: '博雅', creditCode: '91350100M000100Y44' })).toEqual([{ path: 'creditCode', code: 'invalid_credit_code', params: { reason: 'check_char' }, message: expect.stringContaining('check_char') }]);
  });
});

describe('business dates', () => {
  it('takes a real date between 1900 and 2999, says which rule another one breaks, and treats an empty one as not given', () => {
    const birthday = (value: string) => issuesOf({ kind: 'individual', name: '周博雅', birthday: value });
    expect(birthday('1900-01-01')).toEqual([]);
    expect(birthday('2999-12-31')).toEqual([]);
    expect(birthday('')).toEqual([]);
    expect(birthday('2026-02-30')).toMatchObject([{ path: 'birthday', code: 'invalid_date' }]);
    for (const far of ['1899-12-31', '3000-01-01', '9999-12-31', '0001-01-01']) {
      expect(birthday(far)).toMatchObject([{ path: 'birthday', code: 'out_of_range', params: { min: '1900-01-01', max: '2999-12-31' } }]);
    }
  });
});

describe('normalised names for duplicate checks', () => {
  it('treats the legal-form variants, brackets, spaces and full-width as one name', () => {
    const key = customerNameKey('南京博雅食品有限公司');
    expect(key).toBe('南京博雅食品');
    for (const variant of ['南京博雅食品有限责任公司', '南京博雅食品股份有限公司', '南京博雅食品（有限）公司', '南京博雅食品(有限)公司', ' 南京 博雅食品公司', '南京博雅食品']) {
      expect(customerNameKey(variant)).toBe(key);
    }
    expect(customerNameKey('ＡＢＣ贸易有限公司')).toBe(customerNameKey('abc贸易有限公司'));
  });
});

describe('required fields (a company setting)', () => {
  it('asks for a mobile on the customer when there is no contact', () => {
    expect(requiredFieldIssues({ kind: 'company' }, ['mobile'])).toEqual([{ path: 'mobile', code: 'required', params: { field: 'mobile' }, message: 'Required' }]);
  });

  it('points at the primary contact when there is one', () => {
    const issues = requiredFieldIssues({ kind: 'company', contacts: [{ mobile: '13812345678' }, { isPrimary: true }] }, ['mobile']);
    expect(issues).toEqual([{ path: 'contacts.1.mobile', code: 'required', params: { field: 'mobile' }, message: 'Required' }]);
  });

  it('is met by the customer’s own mobile or the primary contact’s', () => {
    expect(requiredFieldIssues({ kind: 'individual', mobile: '13812345678' }, ['mobile'])).toEqual([]);
    expect(requiredFieldIssues({ kind: 'company', contacts: [{ mobile: '13812345678' }] }, ['mobile'])).toEqual([]);
  });

  it('names every other required field', () => {
    const issues = requiredFieldIssues({ kind: 'company' }, ['email', 'industry', 'source', 'ownerUserId', 'address', 'creditCode']);
    expect(issues.map((i) => i.path)).toEqual(['email', 'industry', 'source', 'ownerUserId', 'addresses', 'creditCode']);
  });

  it('does not ask an individual for a credit code', () => {
    expect(requiredFieldIssues({ kind: 'individual' }, ['creditCode'])).toEqual([]);
  });
});
