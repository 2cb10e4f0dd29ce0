/**
 * Money is integer fen (分) plus a currency code (DESIGN §3). This module is the one place that
 * turns amounts into text and back, rounds, computes VAT per line and splits an amount over lines.
 * Runtime-neutral: the renderer formats and parses with the same functions as the backend.
 */
import { toHalfWidth } from '../shared/text';

export type Fen = number;
/** A ratio in hundredths of a percent: 1300 = 13 %, 145 = 1.45 %. */
export type BasisPoints = number;

export interface Money {
  fen: Fen;
  currency: string;
}

/**
 * The largest amount anywhere in the product: just under 1 万亿 yuan, so every amount has 大写
 * words (…仟亿) and sums of thousands of them stay exact in a JavaScript number.
 */
export const MAX_FEN: Fen = 99_999_999_999_999;

const BASIS = 10_000n;

function assertInteger(value: number, what: string): void {
  if (!Number.isSafeInteger(value)) throw new RangeError(`${what} must be a whole number, got ${value}`);
}

function assertFen(value: number, what: string): void {
  assertInteger(value, what);
  if (Math.abs(value) > MAX_FEN) throw new RangeError(`${what} ${value} is beyond the largest amount (${MAX_FEN} fen)`);
}

export function money(fen: Fen, currency = 'CNY'): Money {
  assertFen(fen, 'An amount');
  return { fen, currency };
}

/** Adds amounts of one currency; mixing currencies is a bug, not a sum. */
export function sumMoney(amounts: readonly Money[], currency = 'CNY'): Money {
  let fen = 0;
  for (const amount of amounts) {
    if (amount.currency !== currency) throw new RangeError(`Cannot add ${amount.currency} to ${currency}`);
    fen += amount.fen;
  }
  return money(fen, currency);
}

/** A yuan figure written in code or a test (yuan(5000), yuan(12.5)) → fen; more than two decimals is refused. */
export function yuan(amount: number): Fen {
  const fen = Math.round(amount * 100);
  if (Math.abs(fen - amount * 100) > 1e-6) throw new RangeError(`${amount} yuan has more than two decimals`);
  assertFen(fen, 'An amount');
  return fen;
}

// ---------------------------------------------------------------- rounding

/**
 * numerator / denominator rounded to a whole number, halves away from zero (四舍五入), so a
 * return line rounds to exactly the negative of its sale. The one rounding rule for fen and basis points.
 */
export function roundHalfUp(numerator: number | bigint, denominator: number | bigint): number {
  const n = BigInt(numerator);
  const d = BigInt(denominator);
  if (d === 0n) throw new RangeError('Division by zero');
  const negative = n < 0n !== d < 0n && n !== 0n;
  const a = n < 0n ? -n : n;
  const b = d < 0n ? -d : d;
  const quotient = (2n * a + b) / (2n * b);
  const result = Number(negative ? -quotient : quotient);
  if (!Number.isSafeInteger(result)) throw new RangeError('The result is too large to be exact');
  return result;
}

/** part / whole in basis points, rounded half-up; null when there is no whole to compare with. */
export function ratioInBasisPoints(part: number, whole: number): BasisPoints | null {
  assertInteger(part, 'The part');
  assertInteger(whole, 'The whole');
  return whole === 0 ? null : roundHalfUp(BigInt(part) * BASIS, whole);
}

/** 13 → 1300, 1.5 → 150: rates are written in percent but kept in basis points. */
export function percentToBasisPoints(percent: number): BasisPoints {
  const bp = Math.round(percent * 100);
  if (!Number.isFinite(percent) || Math.abs(bp - percent * 100) > 1e-6) throw new RangeError(`${percent} % has more than two decimals`);
  return bp;
}

/** An amount × a rate, rounded half-up to the fen. */
export function applyBasisPoints(fen: Fen, rate: BasisPoints): Fen {
  assertFen(fen, 'An amount');
  assertInteger(rate, 'A rate');
  return roundHalfUp(BigInt(fen) * BigInt(rate), BASIS);
}

/** 1300 → "13%", 145 → "1.45%", -10000 → "-100%"; exact, so no second rounding happens on screen. */
export function formatBasisPoints(bp: BasisPoints | null): string {
  if (bp === null) return '—';
  assertInteger(bp, 'A ratio');
  const abs = Math.abs(bp);
  const fraction = String(abs % 100).padStart(2, '0').replace(/0+$/, '');
  return `${bp < 0 ? '-' : ''}${Math.floor(abs / 100)}${fraction ? `.${fraction}` : ''}%`;
}

// ---------------------------------------------------------------- text

const SHEET_WORDS = /rmb|cny/gi;

/**
 * Yuan as people type it → fen: "1,234.5", "¥1234.50", "１２３４．５", "-5元". Null when it is not
 * an amount. Forms take at most two decimals. `sheet` is for spreadsheet cells, which also say
 * "3.5万", "RMB 5000" or carry computed decimals ("12.345"); those round half-up to the fen.
 */
export function parseYuan(text: string, options: { sheet?: boolean } = {}): Fen | null {
  let t = toHalfWidth(text).replace(/[¥￥,\s]/g, '');
  if (options.sheet) t = t.replace(SHEET_WORDS, '');
  t = t.replace(/元$/, '');
  const wan = options.sheet === true && t.endsWith('万');
  if (wan) t = t.slice(0, -1);
  const match = (options.sheet ? /^([+-]?)(\d{1,15})(?:\.(\d{1,6}))?$/ : /^([+-]?)(\d{1,15})(?:\.(\d{1,2}))?$/).exec(t);
  if (!match) return null;
  const [, sign, whole, fraction = ''] = match;
  // Millionths of a yuan as an exact integer, then half-up to the fen.
  const micro = BigInt(whole! + fraction.padEnd(6, '0')) * (wan ? 10_000n : 1n);
  const fen = (micro + 5_000n) / 10_000n;
  if (fen > BigInt(MAX_FEN)) return null;
  return sign === '-' && fen !== 0n ? -Number(fen) : Number(fen);
}

/** Fen as the plain yuan text an input or an export cell holds: 1234.50, -0.05. */
export function yuanText(fen: Fen): string {
  assertFen(fen, 'An amount');
  const abs = Math.abs(fen);
  return `${fen < 0 ? '-' : ''}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/** ¥1,234.50 / -¥0.05 / USD 12.00: every amount on screen and in print. */
export function formatFen(fen: Fen, currency = 'CNY'): string {
  assertFen(fen, 'An amount');
  const abs = Math.abs(fen);
  const whole = String(Math.floor(abs / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const symbol = currency === 'CNY' ? '¥' : `${currency} `;
  return `${fen < 0 ? '-' : ''}${symbol}${whole}.${String(abs % 100).padStart(2, '0')}`;
}

export function formatMoney(amount: Money): string {
  return formatFen(amount.fen, amount.currency);
}

// ---------------------------------------------------------------- tax per line

export interface TaxLineInput {
  /** In the product's base unit. */
  quantity: number;
  /** Fen per base unit; tax-inclusive (含税) or not as `pricesIncludeTax` says. */
  unitPrice: Fen;
  /** Fen off the line, on the same side of tax as the price. */
  discount?: Fen;
  /** VAT rate in basis points: percentToBasisPoints(13) = 1300. */
  taxRate: BasisPoints;
  pricesIncludeTax: boolean;
}

export interface TaxedAmount {
  /** 不含税金额 */
  net: Fen;
  /** 税额 */
  tax: Fen;
  /** 价税合计 */
  gross: Fen;
}

/**
 * One line's net, tax and gross in fen. The line amount is quantity × unit price − discount,
 * exact. Tax-exclusive prices: tax = net × rate, rounded half-up to the fen; gross = net + tax.
 * Tax-inclusive (含税) prices: net = gross ÷ (1 + rate), rounded half-up to the fen; tax = gross − net.
 * Either way net + tax = gross exactly, and a document's totals are the sums of its rounded lines.
 */
export function taxLine(line: TaxLineInput): TaxedAmount {
  assertInteger(line.quantity, 'A quantity');
  assertFen(line.unitPrice, 'A unit price');
  assertFen(line.discount ?? 0, 'A discount');
  assertInteger(line.taxRate, 'A tax rate');
  if (line.taxRate < 0 || line.taxRate > 10_000) throw new RangeError(`A tax rate of ${line.taxRate} basis points is outside 0–100 %`);
  const amount = line.quantity * line.unitPrice - (line.discount ?? 0);
  assertFen(amount, 'A line amount');
  if (line.pricesIncludeTax) {
    const net = roundHalfUp(BigInt(amount) * BASIS, BASIS + BigInt(line.taxRate));
    return { net, tax: amount - net, gross: amount };
  }
  const tax = roundHalfUp(BigInt(amount) * BigInt(line.taxRate), BASIS);
  return { net: amount, tax, gross: amount + tax };
}

/** A document's totals: the sums of its rounded lines, never a recomputation from a total. */
export function sumTaxLines(lines: readonly TaxedAmount[]): TaxedAmount {
  const total = { net: 0, tax: 0, gross: 0 };
  for (const line of lines) {
    total.net += line.net;
    total.tax += line.tax;
    total.gross += line.gross;
  }
  assertFen(total.gross, 'A document total');
  return total;
}

// ---------------------------------------------------------------- allocation

/**
 * Splits an amount over lines in proportion to their weights (a header discount over line
 * amounts, freight over quantities). Largest remainder: each line gets its share rounded down,
 * and the fen left over go one each to the lines with the largest remainders (earlier line on a
 * tie), so the shares always sum to the amount exactly.
 */
export function allocateProportionally(amount: Fen, weights: readonly number[]): Fen[] {
  assertFen(amount, 'An amount');
  weights.forEach((w, i) => {
    assertInteger(w, `Weight ${i}`);
    if (w < 0) throw new RangeError(`Weight ${i} is negative`);
  });
  const total = weights.reduce((sum, w) => sum + BigInt(w), 0n);
  if (total === 0n) throw new RangeError('Nothing to allocate over: every weight is zero');
  const whole = BigInt(Math.abs(amount));
  const shares = weights.map((w) => (whole * BigInt(w)) / total);
  const remainders = weights.map((w, i) => ({ i, remainder: (whole * BigInt(w)) % total }));
  let left = Number(whole - shares.reduce((sum, s) => sum + s, 0n));
  remainders.sort((a, b) => (a.remainder === b.remainder ? a.i - b.i : a.remainder > b.remainder ? -1 : 1));
  for (const { i } of remainders) {
    if (left-- <= 0) break;
    shares[i]! += 1n;
  }
  return shares.map((s) => (amount < 0 ? -Number(s) : Number(s)));
}

// ---------------------------------------------------------------- 大写

const NUMERALS = ['零', '壹', '贰', '叁', '肆', '伍', '陆', '柒', '捌', '玖'];
const PLACES = ['', '拾', '佰', '仟'];
const SECTIONS = ['', '万', '亿'];

/** One four-digit section (1–9999) in words; `first` is true for the leading section of the amount. */
function sectionInWords(section: number, first: boolean): string {
  let words = '';
  let zeroPending = false;
  for (let place = 3; place >= 0; place--) {
    const digit = Math.floor(section / 10 ** place) % 10;
    if (digit === 0) {
      zeroPending = words !== '';
      continue;
    }
    if (zeroPending) words += '零';
    zeroPending = false;
    // 10 reads 拾, not 壹拾, where it leads the whole amount (拾元伍角); inside it stays 壹拾 (壹万零壹拾).
    words += (first && words === '' && place === 1 && digit === 1 ? '' : NUMERALS[digit]!) + PLACES[place]!;
  }
  return words;
}

function yuanInWords(yuanPart: number): string {
  let words = '';
  let gap = false;
  for (let s = SECTIONS.length - 1; s >= 0; s--) {
    const section = Math.floor(yuanPart / 10_000 ** s) % 10_000;
    if (section === 0) {
      gap = words !== '';
      continue;
    }
    // One 零 for a run of zeros between non-zero digits, across sections too (壹亿零壹万, 壹万零伍佰).
    if (words !== '' && (gap || section < 1000)) words += '零';
    gap = false;
    words += sectionInWords(section, words === '') + SECTIONS[s];
  }
  return words;
}

/**
 * The amount in capital numerals (大写) for printed documents, following 中国人民银行《支付结算办法》
 * 附一《正确填写票据和结算凭证的基本规定》: 整 after 元 when there are no 角 or 分, none after 角
 * or 分; one 零 for a run of zeros between digits; 零 after 元 when 角 is zero and 分 is not
 * (叁佰贰拾伍元零肆分). Where the rules allow either, this writes no 零 between 元 and a non-zero
 * 角 (壹仟陆佰捌拾元叁角贰分). Negative amounts read 负….
 */
export function amountInWords(fen: Fen): string {
  assertFen(fen, 'An amount');
  const abs = Math.abs(fen);
  const yuanPart = Math.floor(abs / 100);
  const jiao = Math.floor(abs / 10) % 10;
  const fenPart = abs % 10;
  let words = yuanPart > 0 ? `${yuanInWords(yuanPart)}元` : '';
  if (jiao === 0 && fenPart === 0) words = words ? `${words}整` : '零元整';
  else {
    if (jiao > 0) words += `${NUMERALS[jiao]}角`;
    else if (yuanPart > 0) words += '零';
    if (fenPart > 0) words += `${NUMERALS[fenPart]}分`;
  }
  return fen < 0 ? `负${words}` : words;
}
