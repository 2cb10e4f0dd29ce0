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

/** Landlines keep their shape (025-8888 6666 转 123) but lose full-width characters and stray spaces. */
export function normalisePhone(text: string): string {
  return toHalfWidth(text).trim().replace(/\s+/g, ' ');
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

export type CreditCodeProblem = { reason: 'length'; length: number } | { reason: 'character'; char: string } | { reason: 'check_char' };

/** Why a normalised credit code is wrong, or null when it is valid. */
export function creditCodeProblem(code: string): CreditCodeProblem | null {
  if (code.length !== 18) return { reason: 'length', length: code.length };
  const bad = [...code].find((c) => !CREDIT_CODE_CHARS.includes(c));
  if (bad) return { reason: 'character', char: bad };
  if (creditCodeCheckChar(code.slice(0, 17)) !== code[17]) return { reason: 'check_char' };
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

export const phoneField = z.preprocess(blankToNull, z.string().max(40).transform(normalisePhone).nullable()).optional();

export const emailField = z
  .preprocess(blankToNull, z.string().max(254).transform(normaliseEmail).refine(isEmail, issue('invalid_email')).nullable())
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
