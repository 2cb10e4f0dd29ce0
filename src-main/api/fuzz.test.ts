import fc from 'fast-check';
import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { ownerApi, PRODUCT } from '../db/test-db';
import { extremeInput } from './extreme-input.test-helpers';
import { MAX_PAGE, MAX_PAGE_SIZE } from './paging';
import type { Sqlite } from '../db/connection';

function totalChanges(sqlite: Sqlite): number {
  return sqlite.prepare('SELECT total_changes()').pluck().get() as number;
}

/** Records with the method's own field names filled with values of random (mostly wrong) types. */
function lookalikeInput(schema: z.ZodTypeAny): fc.Arbitrary<unknown> {
  const keys = schema instanceof z.ZodObject ? Object.keys(schema.shape as object) : [];
  if (keys.length === 0) return fc.anything();
  const value = fc.oneof(fc.anything(), fc.string(), fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.array(fc.anything()), fc.object());
  return fc.dictionary(fc.constantFrom(...keys, 'unexpected'), value, { maxKeys: keys.length + 1 });
}

describe('every method, given random wrong input', () => {
  it.each(Object.keys(PRODUCT.contract))('%s answers VALIDATION with field paths and changes nothing', async (method) => {
    const api = await ownerApi();
    const sqlite = api.backend.conn.sqlite;
    const schema = PRODUCT.contract[method]!.input as z.ZodTypeAny;
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.anything(), lookalikeInput(schema)), async (input) => {
        fc.pre(input !== undefined && !schema.safeParse(input).success);
        const before = totalChanges(sqlite);
        const result = await api.backend.call({ session: api.session, transport: 'test' }, method, input);
        expect(result.ok).toBe(false);
        if (result.ok) return;
        expect(result.error.code).toBe('VALIDATION');
        expect(result.error.issues?.length).toBeGreaterThan(0);
        if (typeof input === 'object' && input !== null && !Array.isArray(input)) {
          for (const issue of result.error.issues!) expect(issue.path).not.toBe('');
        }
        expect(totalChanges(sqlite)).toBe(before);
      }),
      { numRuns: 60 },
    );
  });
});

const PAGED_METHODS = Object.keys(PRODUCT.contract).filter((method) => {
  const schema = PRODUCT.contract[method]!.input as z.ZodTypeAny;
  return schema instanceof z.ZodObject && 'page' in (schema.shape as object);
});

describe('every paged list, given a page or page size past its maximum', () => {
  it('has paged lists to check', () => expect(PAGED_METHODS.length).toBeGreaterThan(3));

  it.each(PAGED_METHODS)('%s answers VALIDATION naming the field, never INTERNAL', async (method) => {
    const api = await ownerApi();
    const tooFar = fc.oneof(fc.constant(1e308), fc.constant(Number.MAX_SAFE_INTEGER), fc.integer({ min: MAX_PAGE + 1 }));
    await fc.assert(
      fc.asyncProperty(fc.constantFrom('page', 'pageSize'), tooFar, async (field, value) => {
        fc.pre(field === 'page' || value > MAX_PAGE_SIZE);
        const result = await api.backend.call({ session: api.session, transport: 'test' }, method, { [field]: value });
        expect(result.ok).toBe(false);
        if (result.ok) return;
        expect(result.error.code).toBe('VALIDATION');
        expect(result.error.issues?.map((issue) => issue.path)).toContain(field);
      }),
      { numRuns: 20 },
    );
  });
});

describe('every method, given valid but extreme input', () => {
  it.each(Object.keys(PRODUCT.contract))('%s never answers INTERNAL to huge numbers, 100,000-character text or far dates', async (method) => {
    const api = await ownerApi();
    const schema = PRODUCT.contract[method]!.input as z.ZodTypeAny;
    await fc.assert(
      fc.asyncProperty(extremeInput(schema), async (input) => {
        // Rules across fields are not modelled: inputs the schema refuses are skipped, and a method none of whose inputs pass fails the run.
        fc.pre(schema.safeParse(input).success);
        const result = await api.backend.call({ session: api.session, transport: 'test' }, method, input);
        if (!result.ok) expect({ method, input: brief(input), error: result.error }).not.toMatchObject({ error: { code: 'INTERNAL' } });
      }),
      { numRuns: 20 },
    );
    // Sign-ins hash each password on purpose, slowly.
  }, 120_000);
});

/** The failing input, with long text cut so the report stays readable. */
function brief(input: unknown): unknown {
  return JSON.parse(JSON.stringify(input ?? null, (_key, value: unknown) => (typeof value === 'string' && value.length > 40 ? `${value.slice(0, 20)}…(${value.length} chars)` : value)));
}
