import type { z } from 'zod';
import { issuesFromZod, type FieldIssue, type IssueCode } from '../../src-main/api/issues';
import { formatFen } from '../../src-main/domain/core/money';
import { formatTimestamp } from '../format';
import i18n from '../i18n';

/** Params that are codes themselves, worded from `issues.words.<param>.<code>`. */
const WORDED_PARAMS = ['matchedOn', 'entity', 'expected', 'reason', 'status'] as const;
/** Params that are amounts in fen, shown as money (¥1,234.50): the credit check's, not claim_limit's `limit` (a number of customers). */
const MONEY_PARAMS: Partial<Record<IssueCode, readonly string[]>> = { over_credit_limit: ['limit', 'balance', 'orderTotal'] };
/** The param a message counts (“at least {{min}} items”), passed as `count` so English says 1 in the singular. */
const COUNTED_PARAMS: Partial<Record<IssueCode, string>> = {
  too_short: 'min',
  too_long: 'max',
  too_few: 'min',
  too_many: 'max',
  too_many_rows: 'max',
  too_many_columns: 'max',
  cell_too_long: 'max',
  serial_count: 'expected',
  invoices_overdue: 'days',
  claim_limit: 'limit',
};
/** Params that are UTC timestamps, shown on the company's clock (2026-11-28 09:54). */
const TIMESTAMP_PARAMS = ['at', 'since'] as const;

/**
 * A field issue in the UI language, from its code and params alone: nothing here reads the
 * server's English message (DESIGN §2).
 */
export function describeIssue(issue: Pick<FieldIssue, 'code' | 'params'>): string {
  const params: Record<string, unknown> = { ...issue.params };
  for (const name of WORDED_PARAMS) {
    const value = params[name];
    const key = `issues.words.${name}.${String(value)}`;
    if (typeof value === 'string' && i18n.exists(key)) params[name] = i18n.t(key);
  }
  const counted = COUNTED_PARAMS[issue.code];
  if (counted !== undefined && typeof issue.params?.[counted] === 'number') params.count = issue.params[counted];
  for (const name of MONEY_PARAMS[issue.code] ?? []) if (typeof params[name] === 'number') params[name] = formatFen(params[name]);
  for (const name of TIMESTAMP_PARAMS) if (typeof params[name] === 'string') params[name] = formatTimestamp(params[name]);
  if (Array.isArray(params.options)) params.options = params.options.join(i18n.language === 'en' ? ', ' : '、');
  // A refusal with a known reason reads best as the reason itself.
  if (issue.code === 'not_allowed' && typeof issue.params?.reason === 'string' && params.reason !== issue.params.reason) return String(params.reason);
  return i18n.t(`issues.codes.${issue.code}`, params);
}

/** Issues keyed by path in the UI language, the first per path: what `form.setErrors` takes. */
export function issuesByPath(issues: readonly Pick<FieldIssue, 'path' | 'code' | 'params'>[]): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of issues) errors[issue.path] ??= describeIssue(issue);
  return errors;
}

export interface ContractCheck<V, S extends z.ZodTypeAny> {
  /** The method input the values stand for, when they are not it already (an amount typed in yuan); the paths are the same. */
  toInput?: (values: V) => unknown;
  /**
   * Field errors the schema cannot see (text that is not an amount, the company's required fields,
   * a repeated password), keyed by path; they win at their path. Gets the parsed input when the schema passed.
   */
  also?: (values: V, input: z.output<S> | null) => Record<string, string>;
}

/**
 * Pre-checks a Mantine form with the contract's own zod schema, through the same issue mapping
 * the backend uses, so the form shows what the backend would send (the backend still decides).
 */
export function zodValidate<S extends z.ZodTypeAny, V = unknown>(schema: S, check: ContractCheck<V, S> = {}) {
  return (values: V): Record<string, string> => {
    const parsed = schema.safeParse(check.toInput ? check.toInput(values) : values);
    const schemaErrors = parsed.success ? {} : issuesByPath(issuesFromZod(parsed.error));
    return { ...schemaErrors, ...check.also?.(values, parsed.success ? (parsed.data as z.output<S>) : null) };
  };
}
