import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ownerApi } from '../../db/test-db';
import { CREDIT_CODE_AUTHORITIES, creditCodeCheckChar, creditCodeProblem, creditCodeWarning, isMainlandMobile, isPhone, normaliseMobile, normalisePhone, organisationCodeCheckChar } from './customers.rules';
import { toFtsQuery } from './customers.search-text';

const CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';

describe('customer rules under random input', () => {
  it('accepts every credit code built to the standard’s structure with its check character and rejects any single changed character', () => {
    const structured = fc
      .tuple(
        fc.constantFrom(...Object.entries(CREDIT_CODE_AUTHORITIES).flatMap(([authority, types]) => [...types].map((type) => authority + type))),
        fc.constantFrom('11', '32', '44', '65', '71', '81', '82'),
        fc.stringMatching(/^\d{4}$/),
        fc.array(fc.constantFrom(...CHARS), { minLength: 8, maxLength: 8 }),
      )
      .map(([head, province, rest, organisation]) => `${head}${province}${rest}${organisation.join('')}${organisationCodeCheckChar(organisation.join(''))}`);
    fc.assert(
      fc.property(structured, fc.integer({ min: 0, max: 17 }), fc.integer({ min: 1, max: 30 }), (first17, at, shift) => {
        const code = first17 + creditCodeCheckChar(first17);
        expect(creditCodeProblem(code)).toBeNull();
        expect(creditCodeWarning(code)).toBeNull();
        const changed = code.slice(0, at) + CHARS[(CHARS.indexOf(code[at]!) + shift) % 31] + code.slice(at + 1);
        expect(creditCodeProblem(changed)).not.toBeNull();
      }),
    );
  });

  it('reads a landline however its separators are typed', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('010', '021', '025', '0755', '0512', '0931'),
        fc.stringMatching(/^[1-9]\d{6}$/),
        fc.constantFrom('-', ' ', '–', '\u3000', '', ')'),
        fc.option(fc.stringMatching(/^\d{1,4}$/), { nil: null }),
        fc.constantFrom(' 转 ', 'ext', '-', '#'),
        (area, local7, separator, extension, marker) => {
          const local = area.length === 3 ? `${local7}8` : local7;
          const typed = `${separator === ')' ? `(${area})` : area + separator}${local}${extension ? marker + extension : ''}`;
          expect(normalisePhone(typed)).toBe(`${area}-${local}${extension ? `-${extension}` : ''}`);
          expect(isPhone(normalisePhone(typed))).toBe(true);
        },
      ),
    );
  });

  it('finds the same mobile however it is typed', () => {
    fc.assert(
      fc.property(fc.constantFrom('3', '5', '7', '8', '9'), fc.stringMatching(/^\d{9}$/), fc.constantFrom('', '+86', '0086', '+86 '), fc.boolean(), (second, rest, prefix, dashes) => {
        const mobile = `1${second}${rest}`;
        const typed = prefix + (dashes ? `${mobile.slice(0, 3)}-${mobile.slice(3, 7)}-${mobile.slice(7)}` : mobile);
        expect(normaliseMobile(typed)).toBe(mobile);
        expect(isMainlandMobile(normaliseMobile(typed))).toBe(true);
      }),
    );
  });

  it('never builds an FTS query that SQLite refuses', async () => {
    const api = await ownerApi();
    const sqlite = api.backend.conn.sqlite;
    fc.assert(
      fc.property(fc.string({ maxLength: 30 }), (q) => {
        const query = toFtsQuery(q);
        if (query) sqlite.prepare('SELECT count(*) FROM customers_fts WHERE customers_fts MATCH ?').get(query);
      }),
    );
  });

  it('answers random bad customers with VALIDATION (never INTERNAL) and writes nothing', async () => {
    const api = await ownerApi();
    const field = fc.oneof(fc.string({ maxLength: 20 }), fc.integer(), fc.constant(null), fc.boolean(), fc.constant(''));
    await fc.assert(
      fc.asyncProperty(
        fc.record({ name: field, creditCode: field, mobile: field, email: field, creditLimit: fc.oneof(fc.integer({ min: -5, max: -1 }), fc.double(), field), contacts: fc.array(fc.record({ name: field, mobile: field }), { maxLength: 2 }) }),
        async (input) => {
          const result = await api.call('customers.create', input as never);
          if (result.ok) return;
          expect(['VALIDATION', 'CONFLICT']).toContain(result.error.code);
        },
      ),
      { numRuns: 60 },
    );
    const written = api.backend.conn.sqlite.prepare('SELECT count(*) FROM customers').pluck().get() as number;
    const created = (await api.ok('audit.list', { method: 'customers.create' })).total;
    expect(written).toBe(created);
  });
});
