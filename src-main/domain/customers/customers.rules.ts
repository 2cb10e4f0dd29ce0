/**
 * Customer data rules (data governance), runtime-neutral so forms can pre-check with the same
 * code the backend enforces. Imports only zod and shared text helpers.
 */
import { z } from 'zod';
import { fieldIssue, issue, type FieldIssue } from '../../api/issues';
import { toHalfWidth } from '../shared/text';

// ---------------------------------------------------------------- mobile numbers

const MAINLAND_MOBILE = /^1[3-9]\d{9}$/;

/** Strips full-width digits, spaces, dashes, brackets and a +86 / 0086 / 86 prefix. */
export function normaliseMobile(text: string): string {
  let digits = toHalfWidth(text).replace(/[\s\-()（）.]/g, '');
  if (digits.startsWith('+86')) digits = digits.slice(3);
  else if (digits.startsWith('0086')) digits = digits.slice(4);
  else if (digits.startsWith('86') && digits.length === 13) digits = digits.slice(2);
  return digits;
}

export function isMainlandMobile(normalised: string): boolean {
  return MAINLAND_MOBILE.test(normalised);
}

// ---------------------------------------------------------------- phone numbers (landline, 400/800, mobile)

const PHONE_FORMS = /^(?:1[3-9]\d{9}|[48]00-\d{3}-\d{4}(?:-\d{1,6})?|0(?:10|2\d)-[1-9]\d{7}(?:-\d{1,6})?|0[3-9]\d{2}-[1-9]\d{6,7}(?:-\d{1,6})?)$/;
const EXTENSION = /^(.*?)\s*(?:转|轉|分机|分機|ext\.?|x|#)\s*(\d{1,6})$/i;

/** One number without extension in its written form, or null: 13812345678, 400-123-4567, 010-12345678, 0755-1234567. */
function phoneNumberOf(digits: string): string | null {
  if (/^1[3-9]\d{9}$/.test(digits)) return digits;
  if (/^[48]00\d{7}$/.test(digits)) return `${digits.slice(0, 3)}-${digits.slice(3, 6)}-${digits.slice(6)}`;
  // 010 and 02x are the only three-digit area codes, and their local numbers have 8 digits.
  const big = /^(0(?:10|2\d))([1-9]\d{7})$/.exec(digits);
  if (big) return `${big[1]}-${big[2]}`;
  const other = /^(0[3-9]\d{2})([1-9]\d{6,7})$/.exec(digits);
  return other ? `${other[1]}-${other[2]}` : null;
}

function canonicalPhone(tidy: string): string | null {
  const marked = EXTENSION.exec(tidy);
  let extension = marked ? marked[2]! : null;
  let groups = (marked ? marked[1]! : tidy).split(/[\s\-()（）.]+/).filter(Boolean);
  let international = false;
  if (groups[0] === '+86' || groups[0] === '0086' || (groups[0] === '86' && groups.length > 1)) {
    groups = groups.slice(1);
    international = true;
  } else if (groups[0]?.startsWith('+86')) {
    groups = [groups[0].slice(3), ...groups.slice(1)];
    international = true;
  }
  if (groups.length === 0 || !groups.every((g) => /^\d+$/.test(g))) return null;
  // From abroad the area code is dialled without its trunk 0 (+86 10 1234 5678).
  const withTrunk = (digits: string) => (international && !/^0|^1[3-9]\d{9}$|^[48]00/.test(digits) ? `0${digits}` : digits);
  // 0755-1234567-8: a last short group after a whole number is its extension (not an 8th digit).
  let number = !extension && groups.length > 1 && groups.at(-1)!.length <= 6 ? phoneNumberOf(withTrunk(groups.slice(0, -1).join(''))) : null;
  if (number) extension = groups.at(-1)!;
  else number = phoneNumberOf(withTrunk(groups.join('')));
  if (!number || (extension && /^1/.test(number))) return null;
  return extension ? `${number}-${extension}` : number;
}

/**
 * A landline with its area code, a 400/800 number or a mobile, in one written form: full-width
 * digits, en-dashes and ideographic spaces as people paste them, +86, brackets around the area
 * code and 转/ext before an extension are understood (0755 1234567 转 8 → 0755-1234567-8).
 * Text that is no phone number comes back tidied, for isPhone to refuse.
 */
export function normalisePhone(text: string): string {
  const tidy = toHalfWidth(text)
    .replace(/[\u2010-\u2015\u2212\uFE63]/g, '-')
    .replace(/\s+/g, ' ')
    .trim();
  return canonicalPhone(tidy) ?? tidy;
}

export function isPhone(normalised: string): boolean {
  return PHONE_FORMS.test(normalised);
}

// ---------------------------------------------------------------- email

const EMAIL = /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/;

export function normaliseEmail(text: string): string {
  return toHalfWidth(text).trim().toLowerCase();
}

export function isEmail(normalised: string): boolean {
  return normalised.length <= 254 && EMAIL.test(normalised);
}

// ---------------------------------------------------------------- 统一社会信用代码 (GB 32100-2015)

// 31 characters (no I, O, S, V, Z); the check is mod 31, so M must be in the set.
const CREDIT_CODE_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const CREDIT_CODE_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/**
 * Position 1 (登记管理部门) and the position-2 organisation types (机构类别) it may issue, from the
 * standard's tables: 1 机构编制, 2 外交, 3 司法行政, 4 文化, 5 民政, 6 旅游, 7 宗教, 8 工会, 9 工商
 * (市场监管), A 中央军委改革和编制办公室, N 农业, Y 其他.
 */
export const CREDIT_CODE_AUTHORITIES: Readonly<Record<string, string>> = {
  '1': '1239',
  '2': '19',
  '3': '123459',
  '4': '19',
  '5': '1239',
  '6': '129',
  '7': '129',
  '8': '19',
  '9': '123',
  A: '19',
  N: '1239',
  Y: '1',
};

/** GB/T 2260 province-level codes (positions 3–4); 100000 is the national level (国家级登记机关). */
const PROVINCES = new Set([11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46, 50, 51, 52, 53, 54, 61, 62, 63, 64, 65, 71, 81, 82]);
const ORGANISATION_CODE_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];

/** Drops spaces and dashes people type to group the code (9132 0100-MA1X…), full-width, lower case. */
export function normaliseCreditCode(text: string): string {
  return toHalfWidth(text)
    .replace(/[\s\-\u2010-\u2015\u2212\uFE63]/g, '')
    .toUpperCase();
}

/** The 18th character for the first 17; null when one of them is outside the code's charset. */
export function creditCodeCheckChar(first17: string): string | null {
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const value = CREDIT_CODE_CHARS.indexOf(first17[i] ?? '');
    if (value < 0) return null;
    sum += value * CREDIT_CODE_WEIGHTS[i]!;
  }
  const check = 31 - (sum % 31);
  return CREDIT_CODE_CHARS[check === 31 ? 0 : check]!;
}

/** GB 11714's check character of an organisation code's first 8 characters (letters count A=10 … Z=35). */
export function organisationCodeCheckChar(first8: string): string | null {
  let sum = 0;
  for (let i = 0; i < 8; i++) {
    const value = parseInt(first8[i] ?? '', 36);
    if (Number.isNaN(value)) return null;
    sum += value * ORGANISATION_CODE_WEIGHTS[i]!;
  }
  const check = 11 - (sum % 11);
  return check === 10 ? 'X' : check === 11 ? '0' : String(check);
}

export type CreditCodeProblem =
  | { reason: 'length'; length: number }
  | { reason: 'character'; char: string }
  | { reason: 'registration_authority'; char: string }
  | { reason: 'organisation_type'; authority: string; char: string }
  | { reason: 'division'; division: string }
  | { reason: 'check_char' };

/** Why a normalised credit code is wrong, or null when it is valid. */
export function creditCodeProblem(code: string): CreditCodeProblem | null {
  if (code.length !== 18) return { reason: 'length', length: code.length };
  const bad = [...code].find((c) => !CREDIT_CODE_CHARS.includes(c));
  if (bad) return { reason: 'character', char: bad };
  const authority = code[0]!;
  const types = CREDIT_CODE_AUTHORITIES[authority];
  if (!types) return { reason: 'registration_authority', char: authority };
  if (!types.includes(code[1]!)) return { reason: 'organisation_type', authority, char: code[1]! };
  const division = code.slice(2, 8);
  if (!/^\d{6}$/.test(division) || (division !== '100000' && !PROVINCES.has(Number(division.slice(0, 2))))) return { reason: 'division', division };
  if (creditCodeCheckChar(code.slice(0, 17)) !== code[17]) return { reason: 'check_char' };
  return null;
}

/**
 * A valid code whose organisation code (positions 9–17) fails GB 11714's own check: some older
 * codes were issued that way, so this is a warning the user may accept, never a refusal.
 */
export function creditCodeWarning(code: string): { reason: 'organisation_check_char' } | null {
  if (creditCodeProblem(code)) return null;
  return organisationCodeCheckChar(code.slice(8, 16)) === code[16] ? null : { reason: 'organisation_check_char' };
}

// ---------------------------------------------------------------- names

const LEGAL_FORM_SUFFIX = /(股份有限公司|有限责任公司|有限公司|公司)$/;

/**
 * The duplicate-check key of a name: 南京博雅食品有限责任公司, 南京博雅食品（有限）公司 and
 * "南京 博雅食品有限公司" all become 南京博雅食品.
 */
export function customerNameKey(name: string): string {
  const compact = toHalfWidth(name)
    .toLowerCase()
    .replace(/[\s\u3000]/g, '')
    .replace(/[()（）[\]【】{}<>《》]/g, '');
  const key = compact.replace(LEGAL_FORM_SUFFIX, '');
  return key || compact;
}

// ---------------------------------------------------------------- dates

export function isIsoDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(text);
}

/**
 * The dates a business record can carry. A bound keeps date arithmetic (the day after a range's end)
 * inside the four-digit years that ISO-8601 timestamps compare correctly as text.
 */
export const BUSINESS_DATES = { min: '1900-01-01', max: '2999-12-31' } as const;

export const isoDate = z.string().superRefine((text, ctx) => {
  if (!isIsoDate(text)) ctx.addIssue({ code: z.ZodIssueCode.custom, ...issue('invalid_date') });
  else if (text < BUSINESS_DATES.min || text > BUSINESS_DATES.max) ctx.addIssue({ code: z.ZodIssueCode.custom, ...issue('out_of_range', { ...BUSINESS_DATES }) });
});

// ---------------------------------------------------------------- zod fields (forms and contract)

/** Empty text means "not given": forms send '' for a cleared input. */
function blankToNull(value: unknown): unknown {
  return typeof value === 'string' && value.trim() === '' ? null : value;
}

export function optionalText(max: number) {
  return z.preprocess(blankToNull, z.string().trim().max(max).nullable()).optional();
}

export const mobileField = z
  .preprocess(blankToNull, z.string().max(32).transform(normaliseMobile).refine(isMainlandMobile, issue('invalid_mobile')).nullable())
  .optional();

export const phoneField = z
  .preprocess(blankToNull, z.string().max(40).transform(normalisePhone).refine(isPhone, issue('invalid_phone')).nullable())
  .optional();

export const emailField = z
  .preprocess(blankToNull, z.string().max(254).transform(normaliseEmail).refine(isEmail, issue('invalid_email')).nullable())
  .optional();

export const creditCodeField = z
  .preprocess(
    blankToNull,
    z
      .string()
      .max(60)
      .transform(normaliseCreditCode)
      .superRefine((code, ctx) => {
        const problem = creditCodeProblem(code);
        if (problem) ctx.addIssue({ code: z.ZodIssueCode.custom, ...issue('invalid_credit_code', problem) });
      })
      .nullable(),
  )
  .optional();

export const dateField = z.preprocess(blankToNull, isoDate.nullable()).optional();

// ---------------------------------------------------------------- required fields (a setting)

/** What the required-fields check needs to know about a customer being saved. */
export interface RequiredFieldsDraft {
  kind: 'company' | 'individual';
  mobile?: string | null;
  email?: string | null;
  industry?: string | null;
  source?: string | null;
  ownerUserId?: string | null;
  creditCode?: string | null;
  contacts?: { mobile?: string | null; email?: string | null; isPrimary?: boolean }[];
  addresses?: unknown[];
}

/**
 * Issues for each required field left empty. "mobile" is met by the customer's own mobile or the
 * primary contact's (the first contact when none is marked); the issue points at whichever the
 * form shows. A credit code is only required of companies.
 */
export function requiredFieldIssues(draft: RequiredFieldsDraft, required: readonly string[]): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const contacts = draft.contacts ?? [];
  const primaryIndex = Math.max(
    0,
    contacts.findIndex((c) => c.isPrimary),
  );
  const primary = contacts[primaryIndex];
  for (const field of required) {
    switch (field) {
      case 'mobile':
        if (!draft.mobile && !primary?.mobile) {
          issues.push(fieldIssue(primary ? `contacts.${primaryIndex}.mobile` : 'mobile', 'required', { field: 'mobile' }));
        }
        break;
      case 'email':
        if (!draft.email && !primary?.email) {
          issues.push(fieldIssue(primary ? `contacts.${primaryIndex}.email` : 'email', 'required', { field: 'email' }));
        }
        break;
      case 'address':
        if ((draft.addresses ?? []).length === 0) issues.push(fieldIssue('addresses', 'required', { field: 'address' }));
        break;
      case 'creditCode':
        if (draft.kind === 'company' && !draft.creditCode) issues.push(fieldIssue('creditCode', 'required', { field: 'creditCode' }));
        break;
      case 'industry':
      case 'source':
      case 'ownerUserId':
        if (!draft[field]) issues.push(fieldIssue(field, 'required', { field }));
        break;
    }
  }
  return issues;
}
