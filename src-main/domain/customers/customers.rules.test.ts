import { describe, expect, it } from 'vitest';
import { issuesFromZod } from '../../api/issues';
import { customerCreateInput } from './customers.contract';
import {
  creditCodeCheckChar,
  creditCodeProblem,
  creditCodeWarning,
  customerNameKey,
  isEmail,
  isMainlandMobile,
  isPhone,
  normaliseEmail,
  normaliseMobile,
  normalisePhone,
  organisationCodeCheckChar,
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

describe('the structure GB 32100 gives a credit code', () => {
  /** 17 characters closed with their check character, so only the structure can be wrong. */
  const closed = (first17: string) => first17 + creditCodeCheckChar(first17)!;

  it('refuses a code of zeros, whose check character happens to fit', () => {
    expect(creditCodeCheckChar('00000000000000000')).toBe('0');
    expect(creditCodeProblem('000000000000000000')).toEqual({ reason: 'registration_authority', char: '0' });
  });

  it('knows each registration authority and the organisation types it issues', () => {
    for (const valid of ['11', '19', '21', '29', '31', '35', '39', '41', '51', '53', '59', '61', '62', '69', '71', '72', '79', '81', '89', '91', '92', '93', 'A1', 'A9', 'N1', 'N3', 'N9', 'Y1']) {
      expect({ valid, problem: creditCodeProblem(closed(`${valid}320100MA1XYW124`)) }).toEqual({ valid, problem: null });
    }
    expect(creditCodeProblem(closed('B1320100MA1XYW124'))).toEqual({ reason: 'registration_authority', char: 'B' });
    expect(creditCodeProblem(closed('94320100MA1XYW124'))).toEqual({ reason: 'organisation_type', authority: '9', char: '4' });
    expect(creditCodeProblem(closed('99320100MA1XYW124'))).toEqual({ reason: 'organisation_type', authority: '9', char: '9' });
    expect(creditCodeProblem(closed('Y2320100MA1XYW124'))).toEqual({ reason: 'organisation_type', authority: 'Y', char: '2' });
    expect(creditCodeProblem(closed('36320100MA1XYW124'))).toEqual({ reason: 'organisation_type', authority: '3', char: '6' });
    expect(creditCodeProblem(closed('73320100MA1XYW124'))).toEqual({ reason: 'organisation_type', authority: '7', char: '3' });
  });

  it('wants six digits of a real province (or the national level) where the division code belongs', () => {
    expect(creditCodeProblem(closed('91ABCDEFMA1XYW124'))).toEqual({ reason: 'division', division: 'ABCDEF' });
    expect(creditCodeProblem(closed('913201A0MA1XYW124'))).toEqual({ reason: 'division', division: '3201A0' });
    expect(creditCodeProblem(closed('91990100MA1XYW124'))).toEqual({ reason: 'division', division: '990100' });
    expect(creditCodeProblem(closed('91160100MA1XYW124'))).toEqual({ reason: 'division', division: '160100' });
    for (const division of ['110000', '650100', '710000', '810000', '820000', '100000']) expect(creditCodeProblem(closed(`51${division}MA1XYW124`))).toBeNull();
  });

  it('checks the organisation code (GB 11714) and makes a mismatch a warning, not a refusal', () => {
    expect(organisationCodeCheckChar('60003734')).toBe('1');
    expect(organisationCodeCheckChar('MA1XYW12')).toBe('4');
    expect(creditCodeWarning('91110000600037341L')).toBeNull();
    expect(creditCodeWarning(closed('91320100MA1XYW123'))).toEqual({ reason: 'organisation_check_char' });
    expect(creditCodeProblem(closed('91320100MA1XYW123'))).toBeNull();
    expect(issuesOf({ name: '博雅', creditCode: closed('91320100MA1XYW123') })).toEqual([]);
  });

  it('reads a code typed with dashes or spaces instead of refusing its length', () => {
    expect(customerCreateInput.parse({ name: '博雅', creditCode: '9111 0000-6000 3734 – 1L' }).creditCode).toBe('91110000600037341L');
    expect(customerCreateInput.parse({ name: '博雅', creditCode: '9 1 1 1 0 0 0 0 6 0 0 0 3 7 3 4 1 L' }).creditCode).toBe('91110000600037341L');
  });

  it('names the structural problem in the issue', () => {
    expect(issuesOf({ name: '博雅', creditCode: '000000000000000000' })).toEqual([
      { path: 'creditCode', code: 'invalid_credit_code', params: { reason: 'registration_authority', char: '0' }, message: expect.any(String) },
    ]);
  });
});

describe('phone numbers (landlines, 400/800 numbers, mobiles)', () => {
  it.each([
    ['010-12345678', '010-12345678'],
    ['010 1234 5678', '010-12345678'],
    ['(010)12345678', '010-12345678'],
    ['（０２５）８８８８６６６６', '025-88886666'],
    ['0755-1234567', '0755-1234567'],
    ['0755–12345678', '0755-12345678'],
    ['0755\u300012345678', '0755-12345678'],
    ['025-8888 6666 转 123', '025-88886666-123'],
    ['010-12345678 ext. 8001', '010-12345678-8001'],
    ['010-12345678-123', '010-12345678-123'],
    ['+86 10 1234 5678', '010-12345678'],
    ['+86-755-12345678', '0755-12345678'],
    ['400-820-8820', '400-820-8820'],
    ['4008208820', '400-820-8820'],
    ['800 810 8888 转 2', '800-810-8888-2'],
    ['138 1234 5678', '13812345678'],
    ['+86 138-1234-5678', '13812345678'],
  ])('reads %s as %s', (typed, expected) => {
    expect(normalisePhone(typed)).toBe(expected);
    expect(isPhone(normalisePhone(typed))).toBe(true);
  });

  it.each(['hello world', '1', '12345678', '010-1234567', '011-12345678', '0755-123456', '0755-0123456', '13812345678 转 1', '010-12345678 转 1234567', '+1 212 555 0100'])('refuses %s', (typed) => {
    expect(isPhone(normalisePhone(typed))).toBe(false);
  });

  it('checks every phone field of the customer form with the same rule', () => {
    const issues = issuesOf({
      name: '博雅',
      phone: 'hello world',
      registeredPhone: '1',
      contacts: [{ name: '甲', phone: '12345' }],
      addresses: [{ detail: '总仓', recipientPhone: 'abc' }],
    });
    expect(issues.map((i) => [i.path, i.code])).toEqual([
      ['phone', 'invalid_phone'],
      ['registeredPhone', 'invalid_phone'],
      ['contacts.0.phone', 'invalid_phone'],
      ['addresses.0.recipientPhone', 'invalid_phone'],
    ]);
    expect(customerCreateInput.parse({ name: '博雅', phone: '０２５－８８８８ ６６６６' }).phone).toBe('025-88886666');
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
