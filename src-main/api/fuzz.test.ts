import fc from 'fast-check';
import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { ownerApi, PRODUCT } from '../db/test-db';
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
