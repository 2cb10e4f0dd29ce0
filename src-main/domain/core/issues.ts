import type { FieldIssue } from '../../api/errors';

export type IssueParams = Record<string, string | number | null>;

/** A field issue with its stable code and params, so the renderer words it (DESIGN §2). */
export function issue(path: string, code: string, message: string, params: IssueParams = {}): FieldIssue {
  const coded: FieldIssue & { code: string; params: IssueParams } = { path, message, code, params };
  return coded;
}
