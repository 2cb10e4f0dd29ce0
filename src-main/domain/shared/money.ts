/**
 * Money is integer fen (分) everywhere; these are the only conversions to and from text.
 * Runtime-neutral so forms can use the same parsing as the backend.
 */
import { toHalfWidth } from './text';

export type Fen = number;

export function yuan(amount: number): Fen {
  return Math.round(amount * 100);
}

/** Parses "1,234.5", "¥1234.50", "１２３４．５" into fen; null when it is not an amount. */
export function parseYuan(text: string): Fen | null {
  const cleaned = toHalfWidth(text).replace(/[¥￥,\s元]/g, '');
  if (!/^-?\d+(\.\d{1,2})?$/.test(cleaned)) return null;
  const negative = cleaned.startsWith('-');
  const [whole = '0', fraction = ''] = cleaned.replace('-', '').split('.');
  const fen = Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
  return negative ? -fen : fen;
}

export function formatFen(fen: Fen, currency = 'CNY'): string {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  const whole = Math.floor(abs / 100).toLocaleString('en-US');
  const cents = String(abs % 100).padStart(2, '0');
  const symbol = currency === 'CNY' ? '¥' : `${currency} `;
  return `${sign}${symbol}${whole}.${cents}`;
}

/** Fen as plain yuan text, "5000.50" or "-0.05": what a spreadsheet cell or an import takes back. */
export function yuanText(fen: Fen): string {
  const abs = Math.abs(fen);
  return `${fen < 0 ? '-' : ''}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}
