import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  allocateProportionally,
  amountInWords,
  applyBasisPoints,
  formatBasisPoints,
  formatFen,
  MAX_FEN,
  money,
  parseYuan,
  percentToBasisPoints,
  ratioInBasisPoints,
  roundHalfUp,
  sumMoney,
  sumTaxLines,
  taxLine,
  yuan,
  yuanText,
} from './money';

const anyFen = fc.integer({ min: -MAX_FEN, max: MAX_FEN });

describe('yuan as text', () => {
  it.each([
    ['1,234.5', 123_450],
    ['¥1234.50', 123_450],
    ['￥ 8,000', 800_000],
    ['１２３４．５', 123_450],
    ['5元', 500],
    ['-0.05', -5],
    ['-¥12.30', -1230],
    ['0', 0],
  ])('reads %s as %i fen', (text, fen) => {
    expect(parseYuan(text)).toBe(fen);
  });

  it.each(['', 'abc', '1.234', '12..3', '1e5', '¥', '3.5万', 'RMB 5000', '1 000 000 000 000 000'])('refuses %j in a form', (text) => {
    expect(parseYuan(text)).toBeNull();
  });

  it('reads spreadsheet cells: 万, RMB and computed decimals rounded half-up to the fen', () => {
    expect(parseYuan('3.5万', { sheet: true })).toBe(3_500_000);
    expect(parseYuan('RMB 5,000.50', { sheet: true })).toBe(500_050);
    expect(parseYuan('12.345', { sheet: true })).toBe(1235);
    expect(parseYuan('12.344999', { sheet: true })).toBe(1234);
    expect(parseYuan('0.12345万', { sheet: true })).toBe(123_450);
    expect(parseYuan('-1.005', { sheet: true })).toBe(-101);
  });

  it('shows amounts with the currency, grouping and two decimals', () => {
    expect(formatFen(123_456_789)).toBe('¥1,234,567.89');
    expect(formatFen(-5)).toBe('-¥0.05');
    expect(formatFen(100, 'USD')).toBe('USD 1.00');
    expect(yuanText(-5)).toBe('-0.05');
    expect(yuanText(500_050)).toBe('5000.50');
  });

  it('reads back every amount it shows, with or without the symbol', () => {
    fc.assert(
      fc.property(anyFen, (fen) => {
        expect(parseYuan(formatFen(fen))).toBe(fen);
        expect(parseYuan(yuanText(fen))).toBe(fen);
        expect(parseYuan(yuanText(fen), { sheet: true })).toBe(fen);
      }),
    );
  });

  it('refuses an amount beyond the largest one', () => {
    expect(parseYuan('999999999999.99')).toBe(MAX_FEN);
    expect(parseYuan('1000000000000')).toBeNull();
    expect(() => formatFen(MAX_FEN + 1)).toThrow(RangeError);
    expect(() => money(1.5)).toThrow(/whole number/);
  });
});

describe('money values', () => {
  it('adds amounts of one currency and refuses to mix currencies', () => {
    expect(sumMoney([money(150), money(-50)])).toEqual({ fen: 100, currency: 'CNY' });
    expect(() => sumMoney([money(1, 'USD')])).toThrow(/USD to CNY/);
    expect(yuan(5000)).toBe(500_000);
    expect(yuan(0.1 + 0.2)).toBe(30);
    expect(() => yuan(1.005)).toThrow(/two decimals/);
  });
});

describe('rounding half-up (四舍五入)', () => {
  it('rounds halves away from zero, so a return mirrors its sale', () => {
    expect(roundHalfUp(5, 2)).toBe(3);
    expect(roundHalfUp(-5, 2)).toBe(-3);
    expect(roundHalfUp(7, 3)).toBe(2);
    expect(roundHalfUp(5, -2)).toBe(-3);
    expect(roundHalfUp(0, 7)).toBe(0);
    expect(() => roundHalfUp(1, 0)).toThrow(/zero/);
  });

  it('agrees with exact rational rounding for any integers', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), fc.integer({ min: 1, max: 1e6 }), (n, d) => {
        const r = roundHalfUp(n, d);
        // |n/d − r| ≤ ½, and exactly ½ only when r is the one further from zero.
        const twice = Math.abs(2 * n - 2 * r * d);
        expect(twice).toBeLessThanOrEqual(d);
        if (twice === d) expect(Math.abs(r * d)).toBeGreaterThan(Math.abs(n));
      }),
    );
    // Exact halves are rare at random: q + ½ and −(q + ½) for any q and any even divisor.
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e9 }), fc.integer({ min: 1, max: 1e5 }), (q, half) => {
        expect(roundHalfUp(q * 2 * half + half, 2 * half)).toBe(q + 1);
        expect(roundHalfUp(-(q * 2 * half + half), 2 * half)).toBe(-(q + 1));
      }),
    );
  });

  it('keeps ratios in basis points: an exact 1.45 % stays 1.45 %, not 1.4 %', () => {
    expect(ratioInBasisPoints(29, 2000)).toBe(145);
    expect(formatBasisPoints(145)).toBe('1.45%');
    expect(ratioInBasisPoints(3, 11)).toBe(2727);
    expect(ratioInBasisPoints(2, 3)).toBe(6667);
    expect(ratioInBasisPoints(-1, 1)).toBe(-10_000);
    expect(ratioInBasisPoints(5, 0)).toBeNull();
    expect(formatBasisPoints(4000)).toBe('40%');
    expect(formatBasisPoints(2730)).toBe('27.3%');
    expect(formatBasisPoints(-5)).toBe('-0.05%');
    expect(formatBasisPoints(null)).toBe('—');
    expect(percentToBasisPoints(13)).toBe(1300);
    expect(percentToBasisPoints(1.5)).toBe(150);
    expect(() => percentToBasisPoints(1.555)).toThrow(/two decimals/);
    expect(applyBasisPoints(12_345, 300)).toBe(370); // 370.35
    expect(applyBasisPoints(50, 1000)).toBe(5);
  });
});

describe('VAT per line', () => {
  it('adds 13 % to a tax-exclusive price, rounding the tax half-up to the fen', () => {
    // 3 × ¥33.35 − ¥0.05 = ¥100.00; 13 % of it is ¥13.00.
    expect(taxLine({ quantity: 3, unitPrice: 3335, discount: 5, taxRate: 1300, pricesIncludeTax: false })).toEqual({ net: 10_000, tax: 1300, gross: 11_300 });
    // ¥0.50 × 9 % = 4.5 fen → 5 fen.
    expect(taxLine({ quantity: 1, unitPrice: 50, taxRate: 900, pricesIncludeTax: false })).toEqual({ net: 50, tax: 5, gross: 55 });
  });

  it('takes the tax out of a tax-inclusive (含税) price', () => {
    // ¥113.00 含 13 % → net ¥100.00, tax ¥13.00.
    expect(taxLine({ quantity: 1, unitPrice: 11_300, taxRate: percentToBasisPoints(13), pricesIncludeTax: true })).toEqual({ net: 10_000, tax: 1300, gross: 11_300 });
    // ¥10.00 含 6 % → 943.396… → net ¥9.43, tax ¥0.57.
    expect(taxLine({ quantity: 1, unitPrice: 1000, taxRate: 600, pricesIncludeTax: true })).toEqual({ net: 943, tax: 57, gross: 1000 });
  });

  it('mirrors a return line exactly and refuses a rate outside 0–100 %', () => {
    const sale = taxLine({ quantity: 7, unitPrice: 1235, taxRate: 1300, pricesIncludeTax: true });
    const back = taxLine({ quantity: -7, unitPrice: 1235, taxRate: 1300, pricesIncludeTax: true });
    expect(back).toEqual({ net: -sale.net, tax: -sale.tax, gross: -sale.gross });
    expect(() => taxLine({ quantity: 1, unitPrice: 1, taxRate: 10_001, pricesIncludeTax: false })).toThrow(/outside/);
    expect(() => taxLine({ quantity: 1.5, unitPrice: 1, taxRate: 0, pricesIncludeTax: false })).toThrow(/whole number/);
  });

  it('makes net + tax = gross on every line and totals that are sums of the lines', () => {
    const line = fc.record({
      quantity: fc.integer({ min: -10_000, max: 10_000 }),
      unitPrice: fc.integer({ min: 0, max: 10_000_000 }),
      discount: fc.integer({ min: 0, max: 1_000 }),
      taxRate: fc.constantFrom(0, 100, 300, 500, 600, 900, 1300, 1700),
      pricesIncludeTax: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 30 }), (lines) => {
        const taxed = lines.map(taxLine);
        for (const [i, t] of taxed.entries()) {
          expect(t.net + t.tax).toBe(t.gross);
          const { quantity, unitPrice, discount, taxRate, pricesIncludeTax } = lines[i]!;
          expect(pricesIncludeTax ? t.gross : t.net).toBe(quantity * unitPrice - discount);
          // The tax is within half a fen of the exact tax: net × rate, or gross × rate ÷ (1 + rate) from a 含税 price.
          if (pricesIncludeTax) expect(Math.abs(2 * (t.tax * (10_000 + taxRate) - t.gross * taxRate))).toBeLessThanOrEqual(10_000 + taxRate);
          else expect(Math.abs(2 * (t.tax * 10_000 - t.net * taxRate))).toBeLessThanOrEqual(10_000);
        }
        const totals = sumTaxLines(taxed);
        expect(totals).toEqual({
          net: taxed.reduce((s, t) => s + t.net, 0),
          tax: taxed.reduce((s, t) => s + t.tax, 0),
          gross: taxed.reduce((s, t) => s + t.gross, 0),
        });
        expect(totals.net + totals.tax).toBe(totals.gross);
      }),
    );
  });
});

describe('allocation over lines', () => {
  it('spreads ¥1.00 over three equal lines as 34 + 33 + 33 fen', () => {
    expect(allocateProportionally(100, [1, 1, 1])).toEqual([34, 33, 33]);
    expect(allocateProportionally(-100, [1, 1, 1])).toEqual([-34, -33, -33]);
    expect(allocateProportionally(1000, [0, 300, 700])).toEqual([0, 300, 700]);
    expect(allocateProportionally(10, [1, 2])).toEqual([3, 7]); // 3.33 / 6.67: the larger remainder takes the fen
    expect(() => allocateProportionally(100, [0, 0])).toThrow(/every weight is zero/);
    expect(() => allocateProportionally(100, [1, -1])).toThrow(/negative/);
  });

  it('always sums exactly, and no share is more than a fen from its exact proportion', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e10, max: 1e10 }), fc.array(fc.integer({ min: 0, max: 1e8 }), { minLength: 1, maxLength: 40 }), (amount, weights) => {
        fc.pre(weights.some((w) => w > 0));
        const shares = allocateProportionally(amount, weights);
        expect(shares.reduce((s, x) => s + x, 0)).toBe(amount);
        const total = weights.reduce((s, w) => s + w, 0);
        shares.forEach((share, i) => {
          const exact = (amount * weights[i]!) / total;
          expect(Math.abs(share - exact)).toBeLessThan(1 + 1e-6);
        });
      }),
    );
  });
});

/** A reader of 大写 amounts, written independently of amountInWords, for the round trip. */
function readAmountInWords(words: string): number {
  const digits: Record<string, number> = { 零: 0, 壹: 1, 贰: 2, 叁: 3, 肆: 4, 伍: 5, 陆: 6, 柒: 7, 捌: 8, 玖: 9 };
  const places: Record<string, number> = { 拾: 10, 佰: 100, 仟: 1000 };
  const negative = words.startsWith('负');
  let rest = negative ? words.slice(1) : words;
  if (rest === '零元整') return 0;
  let yuanPart = 0;
  const yuanAt = rest.indexOf('元');
  if (yuanAt >= 0) {
    let big = 0; // 亿 part
    let section = 0; // current 万-section
    let current = 0;
    let digit: number | null = null;
    for (const ch of rest.slice(0, yuanAt)) {
      if (ch in digits) digit = digits[ch]!;
      else if (ch in places) {
        current += (digit ?? 1) * places[ch]!;
        digit = null;
      } else if (ch === '万') {
        section += (current + (digit ?? 0)) * 10_000;
        current = 0;
        digit = null;
      } else if (ch === '亿') {
        big += (section + current + (digit ?? 0)) * 100_000_000;
        section = 0;
        current = 0;
        digit = null;
      } else throw new Error(`Unexpected ${ch} in ${words}`);
    }
    yuanPart = big + section + current + (digit ?? 0);
    rest = rest.slice(yuanAt + 1);
  }
  let fen = yuanPart * 100;
  if (rest === '整') return negative ? -fen : fen;
  rest = rest.replace(/^零/, '');
  const jiao = /^(.)角/.exec(rest);
  if (jiao) {
    fen += digits[jiao[1]!]! * 10;
    rest = rest.slice(2);
  }
  const fenMatch = /^(.)分$/.exec(rest);
  if (fenMatch) fen += digits[fenMatch[1]!]!;
  else if (rest !== '') throw new Error(`Unexpected ${rest} in ${words}`);
  return negative ? -fen : fen;
}

describe('amounts in capital numerals (大写)', () => {
  it.each([
    [1_234_567, '壹万贰仟叁佰肆拾伍元陆角柒分'],
    [10_000, '壹佰元整'],
    [100_500, '壹仟零伍元整'],
    [5, '伍分'],
    [10_000_000_000, '壹亿元整'],
    [1050, '拾元伍角'],
    [0, '零元整'],
    [50, '伍角'],
    [32_504, '叁佰贰拾伍元零肆分'],
    [1_640_902, '壹万陆仟肆佰零玖元零贰分'],
    [168_032, '壹仟陆佰捌拾元叁角贰分'],
    [10_700_053, '拾万柒仟元伍角叁分'],
    [1_001_000, '壹万零壹拾元整'],
    [10_001_000_000, '壹亿零壹万元整'],
    [20_000_100_000, '贰亿零壹仟元整'],
    [1_200_100_000, '壹仟贰佰万壹仟元整'],
    [-1_000, '负拾元整'],
    [MAX_FEN, '玖仟玖佰玖拾玖亿玖仟玖佰玖拾玖万玖仟玖佰玖拾玖元玖角玖分'],
  ])('writes %i fen as %s', (fen, words) => {
    expect(amountInWords(fen)).toBe(words);
  });

  it('reads back to the same amount for any amount, and never doubles a 零', () => {
    fc.assert(
      fc.property(fc.oneof(anyFen, fc.integer({ min: -1e7, max: 1e7 })), (fen) => {
        const words = amountInWords(fen);
        expect(readAmountInWords(words)).toBe(fen);
        if (fen !== 0) expect(words).not.toMatch(/零零|零[元万亿角分]|^负?零|零$/);
      }),
      { numRuns: 2000 },
    );
  });
});
