/**
 * Issue codes the core blocks raise, worded in English for logs and the CLI; the renderer words
 * the code. Shaped like the FieldIssue with `code` and `params` being built on main, so these
 * move into its catalog unchanged.
 */
import type { FieldIssue } from '../../api/errors';

export type IssueParams = Record<string, string | number | null>;

const ENGLISH = {
  not_found: (p: IssueParams) => `No such ${String(p.entity ?? 'record')}`,
  invalid_transition: (p: IssueParams) => `Cannot go from ${String(p.from)} to ${String(p.to)}`,
  frozen: (p: IssueParams) => `Cannot be changed once ${String(p.status ?? 'posted')}`,
  already_reversed: () => 'Already reversed',
  reversal_of_reversal: () => 'A reversing entry cannot itself be reversed',
  invalid_device_prefix: () => 'A device prefix is 1–4 capital letters or digits',
  device_prefix_set: (p: IssueParams) => `This desktop already numbers under prefix ${String(p.current)}`,
} satisfies Record<string, (params: IssueParams) => string>;

export type CoreIssueCode = keyof typeof ENGLISH;

/** An issue at a path with its stable code, params and English message. */
export function fieldIssue(path: string, code: CoreIssueCode, params: IssueParams = {}): FieldIssue {
  const coded: FieldIssue & { code: CoreIssueCode; params: IssueParams } = { path, code, params, message: ENGLISH[code](params) };
  return coded;
}
