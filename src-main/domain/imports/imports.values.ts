/**
 * A spreadsheet cell → the value customers.create would store, with the customers area's own
 * rules (customers.rules.ts) and the length limits read from its contract, so an imported row
 * passes exactly what the form passes. Hand-written instead of customerCreateInput.parse because
 * that costs ~95 µs a row: 50,000 rows would spend 5 s in zod alone.
 */
import type { z } from 'zod';
import { addressInput, contactInput, customerCreateInput } from '../customers/customers.contract';
import { CUSTOMER_SIZES, type CustomerSize } from '../customers/customers.dto';
import { issueMessage } from '../../api/issues';
import {
  creditCodeProblem,
  isEmail,
  isIsoDate,
  isMainlandMobile,
  isPhone,
  normaliseCreditCode,
  normaliseEmail,
  normaliseMobile,
  normalisePhone,
} from '../customers/customers.rules';
import { counted } from '../core/english';
import { parseYuan } from '../core/money';
import { toHalfWidth } from '../shared/text';
import type { ImportField, RowErrorCode } from './imports.contract';

export interface ValueProblem {
  code: RowErrorCode;
  message: string;
  params?: Record<string, string | number>;
}

export type Parsed<T> = { value: T } | { problem: ValueProblem };

/** The max length a contract field allows (optional/nullable/preprocessed wrappers unwrapped). */
function maxLengthOf(schema: z.ZodTypeAny): number {
  let current: z.ZodTypeAny | undefined = schema;
  for (let depth = 0; current && depth < 10; depth++) {
    const def = current._def as { typeName: string; innerType?: z.ZodTypeAny; schema?: z.ZodTypeAny };
    if (def.typeName === 'ZodString') return (current as z.ZodString).maxLength ?? 10_000;
    current = def.innerType ?? def.schema;
  }
  return 10_000;
}

const customerShape = customerCreateInput.shape;
const contactShape = contactInput.shape;
const addressShape = addressInput.shape;

/** Text fields and the contract field whose limit they share. */
export const TEXT_LIMITS: Partial<Record<ImportField, number>> = {
  name: maxLengthOf(customerShape.name),
  shortName: maxLengthOf(customerShape.shortName),
  industry: maxLengthOf(customerShape.industry),
  source: maxLengthOf(customerShape.source),
  tier: maxLengthOf(customerShape.tier),
  province: maxLengthOf(customerShape.province),
  city: maxLengthOf(customerShape.city),
  district: maxLengthOf(customerShape.district),
  phone: maxLengthOf(customerShape.phone),
  invoiceTitle: maxLengthOf(customerShape.invoiceTitle),
  taxpayerId: maxLengthOf(customerShape.taxpayerId),
  bankName: maxLengthOf(customerShape.bankName),
  bankAccount: maxLengthOf(customerShape.bankAccount),
  registeredAddress: maxLengthOf(customerShape.registeredAddress),
  registeredPhone: maxLengthOf(customerShape.registeredPhone),
  notes: maxLengthOf(customerShape.notes),
  contactName: maxLengthOf(contactShape.name),
  contactTitle: maxLengthOf(contactShape.title),
  contactPhone: maxLengthOf(contactShape.phone),
  contactWechat: maxLengthOf(contactShape.wechat),
  addressDetail: maxLengthOf(addressShape.detail),
  code: 40,
};

export function text(value: string, field: ImportField): Parsed<string> {
  const max = TEXT_LIMITS[field] ?? 500;
  const trimmed = value.trim();
  if (trimmed.length > max) return { problem: { code: 'tooLong', message: `At most ${counted(max, 'character')} (this has ${trimmed.length})`, params: { max } } };
  return { value: trimmed };
}

export function mobile(value: string): Parsed<string> {
  const normalised = normaliseMobile(value);
  return isMainlandMobile(normalised) ? { value: normalised } : { problem: { code: 'mobile', message: issueMessage('invalid_mobile') } };
}

export function phone(value: string): Parsed<string> {
  const normalised = normalisePhone(value);
  return isPhone(normalised) ? { value: normalised } : { problem: { code: 'phone', message: issueMessage('invalid_phone') } };
}

export function email(value: string): Parsed<string> {
  const normalised = normaliseEmail(value);
  return isEmail(normalised) ? { value: normalised } : { problem: { code: 'email', message: issueMessage('invalid_email') } };
}

export function creditCode(value: string): Parsed<string> {
  const normalised = normaliseCreditCode(value);
  const problem = creditCodeProblem(normalised);
  return problem ? { problem: { code: 'creditCode', message: issueMessage('invalid_credit_code', problem), params: problem } } : { value: normalised };
}

/** 2024-03-05, 2024/3/5, 2024.3.5, 2024年3月5日 and 20240305 → 2024-03-05. */
export function date(value: string): Parsed<string> {
  const t = toHalfWidth(value).trim();
  const match = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?(?:[ T].*)?$/.exec(t) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(t);
  const iso = match ? `${match[1]}-${match[2]!.padStart(2, '0')}-${match[3]!.padStart(2, '0')}` : t;
  return isIsoDate(iso) ? { value: iso } : { problem: { code: 'date', message: 'A date such as 2024-03-05' } };
}

/** Yuan as written in a sheet (¥5,000.50 / 5000元 / 3.5万) → integer fen; amounts here are never negative. */
export function money(value: string): Parsed<number> {
  const fen = parseYuan(value.trim(), { sheet: true });
  return fen === null || fen < 0 ? { problem: { code: 'money', message: 'An amount in yuan such as 5000 or 5000.50' } } : { value: fen };
}

export function days(value: string): Parsed<number> {
  const match = /^(\d{1,4})\s*(天|日|days?)?$/i.exec(toHalfWidth(value).trim());
  const n = match ? Number(match[1]) : NaN;
  return n >= 0 && n <= 365 ? { value: n } : { problem: { code: 'days', message: 'Whole days from 0 to 365' } };
}

export function postcode(value: string): Parsed<string> {
  const t = toHalfWidth(value).trim();
  return /^\d{6}$/.test(t) ? { value: t } : { problem: { code: 'postcode', message: 'A postcode has 6 digits' } };
}

const KINDS: Record<string, 'company' | 'individual'> = {
  company: 'company',
  公司: 'company',
  企业: 'company',
  单位: 'company',
  公司客户: 'company',
  企业客户: 'company',
  对公: 'company',
  individual: 'individual',
  person: 'individual',
  personal: 'individual',
  个人: 'individual',
  个人客户: 'individual',
  散客: 'individual',
  对私: 'individual',
};

export function kind(value: string): Parsed<'company' | 'individual'> {
  const found = KINDS[toHalfWidth(value).trim().toLowerCase()];
  return found ? { value: found } : { problem: { code: 'kind', message: 'Company (公司) or individual (个人)' } };
}

const SIZES: Record<string, CustomerSize> = { 微型: 'micro', 微: 'micro', 小型: 'small', 小: 'small', 中型: 'medium', 中: 'medium', 大型: 'large', 大: 'large' };

export function size(value: string): Parsed<CustomerSize> {
  const t = toHalfWidth(value).trim().toLowerCase();
  const found = (CUSTOMER_SIZES as readonly string[]).includes(t) ? (t as CustomerSize) : SIZES[t.replace(/企业$/, '')];
  return found ? { value: found } : { problem: { code: 'size', message: 'micro, small, medium or large (微型, 小型, 中型, 大型)' } };
}

/** 重点客户，VIP;经销商 → three tags. */
export function tagNames(value: string): string[] {
  return [...new Set(value.split(/[，,;；/、|]/).map((t) => t.trim()).filter(Boolean))];
}
