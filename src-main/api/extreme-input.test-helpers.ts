import fc from 'fast-check';
import { z } from 'zod';

const LONG = 100_000;

/** Strings at the edges: empty, 100,000 characters, the schema's own maximum, far dates, text that looks like SQL or FTS syntax. */
function stringsFor(schema: z.ZodString): string[] {
  const max = schema.maxLength;
  const min = schema.minLength ?? 0;
  const sized = (n: number) => [n, 'x'.repeat(n), '客'.repeat(n), '😀'.repeat(Math.floor(n / 2))].slice(1) as string[];
  return [
    '',
    ' ',
    ...sized(LONG),
    ...(max !== null ? sized(max) : []),
    ...(min > 0 ? sized(min) : []),
    '9999-12-31',
    '0001-01-01',
    '1970-01-01',
    '1900-01-01',
    '2999-12-31',
    '9999-12-31T23:59:59.999Z',
    '0001-01-01T00:00:00.000Z',
    "x' OR 1=1; DROP TABLE customers; --",
    '"* NEAR( OR AND -^ ""',
    '%_\\',
    'a\u0000b',
    '00000000-0000-0000-0000-000000000000',
    // Codes of digits only (account codes) and months, at their edges.
    '0000',
    '1122',
    '9'.repeat(20),
    '0001-01',
    '1900-01',
    '2999-12',
    '9999-12',
    'C000001',
    // E-mail addresses, short and at the usual limit.
    'a@b.cn',
    `${'x'.repeat(64)}@${'y'.repeat(180)}.cn`,
    // File names, long and short.
    'desk-erp.sqlite',
    `${'备'.repeat(240)}.sqlite`,
  ];
}

/** Numbers at the edges of what JSON carries and of the schema's own bounds. */
function numbersFor(schema: z.ZodNumber): number[] {
  const bounds = [schema.minValue, schema.maxValue].filter((n): n is number => n !== null && Number.isFinite(n));
  return [
    0,
    -0,
    1,
    -1,
    Number.MAX_SAFE_INTEGER,
    Number.MIN_SAFE_INTEGER,
    2 ** 53 + 2,
    2 ** 63,
    2 ** 31,
    -(2 ** 31) - 1,
    1e21,
    -1e21,
    1e308,
    -1e308,
    Number.MIN_VALUE,
    0.1 + 0.2,
    ...bounds,
    ...bounds.map((n) => n - 1),
  ];
}

/** Candidates the field's own schema accepts; a field none fits gets random text, which makes the input invalid and uncounted. */
function accepted<T>(schema: z.ZodTypeAny, candidates: T[]): fc.Arbitrary<unknown> {
  const ok = [...new Set(candidates)].filter((value) => schema.safeParse(value).success);
  return ok.length ? fc.constantFrom(...ok) : fc.string();
}

/** A text or number field's candidates, seen through its refinements so that those filter them (a date is text that must be a date). */
function leafCandidates(schema: z.ZodTypeAny): unknown[] | null {
  if (schema instanceof z.ZodString) return stringsFor(schema);
  if (schema instanceof z.ZodNumber) return numbersFor(schema);
  if (schema instanceof z.ZodEffects) return leafCandidates(schema.innerType() as z.ZodTypeAny);
  if (schema instanceof z.ZodBranded) return leafCandidates(schema.unwrap() as z.ZodTypeAny);
  return null;
}

/**
 * Input shaped like the schema, each leaf an extreme value its own schema accepts. Refinements across
 * fields are not modelled: the caller keeps only what the whole schema accepts.
 */
export function extremeInput(schema: z.ZodTypeAny): fc.Arbitrary<unknown> {
  const leaf = leafCandidates(schema);
  if (leaf) return accepted(schema, leaf);
  const def = schema._def as { typeName: z.ZodFirstPartyTypeKind };
  switch (def.typeName) {
    case z.ZodFirstPartyTypeKind.ZodObject: {
      const shape = (schema as z.AnyZodObject).shape as Record<string, z.ZodTypeAny>;
      const fields = Object.fromEntries(Object.entries(shape).map(([key, field]) => [key, extremeInput(field)]));
      const requiredKeys = Object.entries(shape)
        .filter(([, field]) => !field.isOptional())
        .map(([key]) => key);
      return fc.record(fields, { requiredKeys });
    }
    case z.ZodFirstPartyTypeKind.ZodBoolean:
      return fc.boolean();
    case z.ZodFirstPartyTypeKind.ZodLiteral:
      return fc.constant((schema as z.ZodLiteral<unknown>).value);
    case z.ZodFirstPartyTypeKind.ZodEnum:
      return fc.constantFrom(...((schema as z.ZodEnum<[string, ...string[]]>).options as string[]));
    case z.ZodFirstPartyTypeKind.ZodNativeEnum:
      return fc.constantFrom(...Object.values((schema as z.ZodNativeEnum<z.EnumLike>).enum));
    case z.ZodFirstPartyTypeKind.ZodNull:
      return fc.constant(null);
    case z.ZodFirstPartyTypeKind.ZodArray: {
      const array = schema as z.ZodArray<z.ZodTypeAny>;
      const max = array._def.maxLength?.value ?? 3;
      const min = array._def.minLength?.value ?? 0;
      // The longest list the schema allows is an edge too, but only up to a size a test can afford.
      return fc.oneof(fc.array(extremeInput(array.element), { minLength: min, maxLength: Math.max(min, Math.min(max, 3)) }), fc.array(extremeInput(array.element), { minLength: Math.min(max, 50), maxLength: Math.min(max, 50) }));
    }
    case z.ZodFirstPartyTypeKind.ZodOptional:
    case z.ZodFirstPartyTypeKind.ZodNullable: {
      const inner = extremeInput((schema as z.ZodOptional<z.ZodTypeAny>).unwrap());
      return fc.oneof(inner, fc.constant(def.typeName === z.ZodFirstPartyTypeKind.ZodNullable ? null : undefined));
    }
    case z.ZodFirstPartyTypeKind.ZodDefault:
      return extremeInput((schema as z.ZodDefault<z.ZodTypeAny>).removeDefault());
    case z.ZodFirstPartyTypeKind.ZodEffects:
      return extremeInput((schema as z.ZodEffects<z.ZodTypeAny>).innerType());
    case z.ZodFirstPartyTypeKind.ZodPipeline:
      return extremeInput((schema as z.ZodPipeline<z.ZodTypeAny, z.ZodTypeAny>)._def.in);
    case z.ZodFirstPartyTypeKind.ZodBranded:
      return extremeInput((schema as z.ZodBranded<z.ZodTypeAny, string>).unwrap());
    case z.ZodFirstPartyTypeKind.ZodUnion:
    case z.ZodFirstPartyTypeKind.ZodDiscriminatedUnion:
      return fc.oneof(...(schema as z.ZodUnion<[z.ZodTypeAny, ...z.ZodTypeAny[]]>).options.map((option: z.ZodTypeAny) => extremeInput(option)));
    case z.ZodFirstPartyTypeKind.ZodRecord:
      return fc.dictionary(fc.constantFrom('a', 'x'.repeat(LONG)), extremeInput((schema as z.ZodRecord).valueSchema), { maxKeys: 2 });
    case z.ZodFirstPartyTypeKind.ZodTuple:
      return fc.tuple(...(schema as z.ZodTuple).items.map((item: z.ZodTypeAny) => extremeInput(item)));
    case z.ZodFirstPartyTypeKind.ZodLazy:
      return extremeInput((schema as z.ZodLazy<z.ZodTypeAny>).schema);
    default:
      return fc.anything();
  }
}
