import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { fieldIssue, issue, issuesFromZod, ISSUE_CODES } from './issues';

const codesOf = (schema: z.ZodTypeAny, value: unknown) => {
  const parsed = schema.safeParse(value);
  return parsed.success ? [] : issuesFromZod(parsed.error).map((i) => ({ path: i.path, code: i.code, params: i.params }));
};

describe('field issues as data', () => {
  it('maps zod’s own issue codes onto ours, with the numbers the UI needs', () => {
    const schema = z
      .object({
        name: z.string().trim().min(1).max(5),
        code: z.string().min(3),
        age: z.number().int().min(0).max(120),
        kind: z.enum(['company', 'individual']),
        tags: z.array(z.string()).max(1),
        id: z.string().uuid(),
      })
      .strict();
    expect(codesOf(schema, { name: '  ', code: 'ab', age: 1.5, kind: 'x', tags: ['a', 'b'], id: 'nope', extra: 1 })).toEqual([
      { path: 'name', code: 'required', params: undefined },
      { path: 'code', code: 'too_short', params: { min: 3 } },
      { path: 'age', code: 'not_integer', params: undefined },
      { path: 'kind', code: 'invalid_choice', params: { options: ['company', 'individual'] } },
      { path: 'tags', code: 'too_many', params: { max: 1 } },
      { path: 'id', code: 'invalid_id', params: undefined },
      { path: 'extra', code: 'unknown_field', params: undefined },
    ]);
    expect(codesOf(schema.partial(), { name: '123456', age: 121 })).toEqual([
      { path: 'name', code: 'too_long', params: { max: 5 } },
      { path: 'age', code: 'too_big', params: { max: 120 } },
    ]);
    expect(codesOf(z.object({ name: z.string() }), {})).toEqual([{ path: 'name', code: 'required', params: undefined }]);
  });

  it('keeps our own code and params from a refinement', () => {
    const mobile = z.string().refine((v) => v.startsWith('1'), issue('invalid_mobile'));
    expect(codesOf(z.object({ mobile }), { mobile: '2' })).toEqual([{ path: 'mobile', code: 'invalid_mobile', params: undefined }]);
    const code = z.string().superRefine((_v, ctx) => ctx.addIssue({ code: z.ZodIssueCode.custom, ...issue('invalid_credit_code', { reason: 'check_char' }) }));
    expect(codesOf(z.object({ code }), { code: 'x' })).toEqual([{ path: 'code', code: 'invalid_credit_code', params: { reason: 'check_char' } }]);
  });

  it('gives every code an English message for logs and the command line', () => {
    for (const code of ISSUE_CODES) expect(fieldIssue('x', code, { max: 2, min: 1 }).message.length).toBeGreaterThan(3);
    expect(fieldIssue('name', 'too_long', { max: 100 }).message).toBe('At most 100 characters');
  });

  it('says 1 in the singular in its English', () => {
    expect(fieldIssue('lines', 'too_few', { min: 1 }).message).toBe('At least 1 item');
    expect(fieldIssue('lines', 'too_few', { min: 2 }).message).toBe('At least 2 items');
    expect(fieldIssue('customerId', 'invoices_overdue', { days: 1, allowed: 0 }).message).toBe('Invoices 1 day overdue (more than 0 allowed)');
    expect(fieldIssue('serials', 'serial_count', { expected: 1, given: 0 }).message).toBe('1 serial number needed, 0 given');
    expect(fieldIssue('allowNegative', 'negative_stock', { count: 1 }).message).toBe('1 product is below zero; bring it back first');
    expect(fieldIssue('repeat', 'already_exported', { count: 1, at: '2026-11-28' }).message).toBe('These dates were exported 1 time already, last on 2026-11-28; confirm to export again');
  });
});
