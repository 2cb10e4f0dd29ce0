/**
 * Customer data rules (data governance), runtime-neutral so forms can pre-check with the same
 * code the backend enforces. Imports only zod and shared text helpers.
 */
import { z } from 'zod';
import { toHalfWidth } from '../shared/text';

export interface RuleIssue {
  path: string;
  message: string;
}

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

export const MOBILE_MESSAGE = 'Not a mainland mobile number: 11 digits starting with 13–19';

/** Landlines keep their shape (025-8888 6666 转 123) but lose full-width characters and stray spaces. */
export function normalisePhone(text: string): string {
  return toHalfWidth(text).trim().replace(/\s+/g, ' ');
}

// ---------------------------------------------------------------- email

const EMAIL = /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/;
export const EMAIL_MESSAGE = 'Not an email address (name@example.com)';

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

export function normaliseCreditCode(text: string): string {
  return toHalfWidth(text).replace(/\s/g, '').toUpperCase();
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

/** Why a normalised credit code is wrong, or null when it is valid. */
export function creditCodeProblem(code: string): string | null {
  if (code.length !== 18) return `A unified social credit code has 18 characters (this one has ${code.length})`;
  const bad = [...code].find((c) => !CREDIT_CODE_CHARS.includes(c));
  if (bad) return `"${bad}" never appears in a unified social credit code (I, O, S, V, Z are not used)`;
  if (creditCodeCheckChar(code.slice(0, 17)) !== code[17]) return 'The check character does not match: please look for a typo';
  return null;
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

export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'A date as YYYY-MM-DD')
  .refine((text) => {
    const date = new Date(`${text}T00:00:00Z`);
    return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(text);
  }, 'Not a real calendar date');

// ---------------------------------------------------------------- zod fields (forms and contract)

/** Empty text means "not given": forms send '' for a cleared input. */
function blankToNull(value: unknown): unknown {
  return typeof value === 'string' && value.trim() === '' ? null : value;
}

export function optionalText(max: number) {
  return z.preprocess(blankToNull, z.string().trim().max(max, `At most ${max} characters`).nullable()).optional();
}

export const mobileField = z
  .preprocess(blankToNull, z.string().max(32).transform(normaliseMobile).refine(isMainlandMobile, MOBILE_MESSAGE).nullable())
  .optional();

export const phoneField = z.preprocess(blankToNull, z.string().max(40).transform(normalisePhone).nullable()).optional();

export const emailField = z
  .preprocess(blankToNull, z.string().max(254).transform(normaliseEmail).refine(isEmail, EMAIL_MESSAGE).nullable())
  .optional();

export const creditCodeField = z
  .preprocess(
    blankToNull,
    z
      .string()
      .max(40)
      .transform(normaliseCreditCode)
      .superRefine((code, ctx) => {
        const problem = creditCodeProblem(code);
        if (problem) ctx.addIssue({ code: z.ZodIssueCode.custom, message: problem });
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
export function requiredFieldIssues(draft: RequiredFieldsDraft, required: readonly string[]): RuleIssue[] {
  const issues: RuleIssue[] = [];
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
          issues.push(
            primary
              ? { path: `contacts.${primaryIndex}.mobile`, message: 'A mobile number is required (the customer’s or the primary contact’s)' }
              : { path: 'mobile', message: 'A mobile number is required (the customer’s or the primary contact’s)' },
          );
        }
        break;
      case 'email':
        if (!draft.email && !primary?.email) {
          issues.push(primary ? { path: `contacts.${primaryIndex}.email`, message: 'An email address is required' } : { path: 'email', message: 'An email address is required' });
        }
        break;
      case 'address':
        if ((draft.addresses ?? []).length === 0) issues.push({ path: 'addresses', message: 'At least one address is required' });
        break;
      case 'creditCode':
        if (draft.kind === 'company' && !draft.creditCode) issues.push({ path: 'creditCode', message: 'The unified social credit code is required for companies' });
        break;
      case 'industry':
      case 'source':
      case 'ownerUserId':
        if (!draft[field]) issues.push({ path: field, message: `${REQUIRED_LABELS[field]} is required` });
        break;
    }
  }
  return issues;
}

const REQUIRED_LABELS = { industry: 'Industry', source: 'Source channel', ownerUserId: 'Owner (salesperson)' } as const;
