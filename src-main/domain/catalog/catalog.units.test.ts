import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../api/errors';
import { inPacks, quantityText, toBaseQuantity } from './catalog.units';

const cup = { unit: '个', secondUnit: '箱', secondUnitFactor: 12 };
const machine = { unit: '台', secondUnit: null, secondUnitFactor: null };

function issuesOf(run: () => unknown) {
  try {
    run();
  } catch (error) {
    if (error instanceof AppError) return { code: error.code, issues: error.issues?.map((i) => ({ path: i.path, code: i.code, params: i.params })) };
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('toBaseQuantity', () => {
  it('turns cases into pieces and keeps pieces as they are', () => {
    expect(toBaseQuantity(cup, 3, '箱')).toBe(36);
    expect(toBaseQuantity(cup, 5, '个')).toBe(5);
    expect(toBaseQuantity(machine, 2, '台')).toBe(2);
  });

  it('refuses a unit the product is not counted in, naming the choices at the line’s path', () => {
    expect(issuesOf(() => toBaseQuantity(machine, 1, '箱', 'lines.2'))).toEqual({ code: 'VALIDATION', issues: [{ path: 'lines.2.unit', code: 'invalid_choice', params: { options: ['台'] } }] });
    expect(issuesOf(() => toBaseQuantity(cup, 1, '包'))).toEqual({ code: 'VALIDATION', issues: [{ path: 'unit', code: 'invalid_choice', params: { options: ['个', '箱'] } }] });
  });

  it('refuses a fraction, nought or a negative quantity', () => {
    expect(issuesOf(() => toBaseQuantity(cup, 1.5, '箱')).issues).toEqual([{ path: 'quantity', code: 'not_integer', params: undefined }]);
    expect(issuesOf(() => toBaseQuantity(cup, 0, '个')).issues).toEqual([{ path: 'quantity', code: 'too_small', params: { min: 1 } }]);
    expect(issuesOf(() => toBaseQuantity(cup, -2, '箱')).issues).toEqual([{ path: 'quantity', code: 'too_small', params: { min: 1 } }]);
  });

  it('writes a base quantity back as packs and the rest, and the two agree for any quantity', () => {
    expect(quantityText(cup, 40)).toBe('3箱4个');
    expect(quantityText(cup, 36)).toBe('3箱');
    expect(quantityText(cup, 7)).toBe('7个');
    expect(quantityText(machine, 3)).toBe('3台');
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 500 }), fc.integer({ min: 1, max: 10_000 }), fc.integer({ min: 0, max: 499 }), (factor, packs, extra) => {
        const product = { unit: '个', secondUnit: '箱', secondUnitFactor: factor };
        const rest = extra % factor;
        const base = toBaseQuantity(product, packs, '箱') + (rest ? toBaseQuantity(product, rest, '个') : 0);
        expect(inPacks(product, base)).toEqual({ packs, rest });
      }),
    );
  });
});
