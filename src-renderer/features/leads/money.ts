import i18n from '../../i18n';
import { formatFen } from '../../../src-main/domain/shared/money';

export { formatFen };

/** ¥12.8万 / ¥128K: for column sums and chart labels, where the exact fen would be noise. */
export function formatFenCompact(fen: number): string {
  return new Intl.NumberFormat(i18n.language, { style: 'currency', currency: 'CNY', currencyDisplay: 'narrowSymbol', notation: 'compact', maximumFractionDigits: 1 }).format(fen / 100);
}

/** Fen as the yuan text a money input shows (12800.5 → "12800.50"). */
export function fenToYuanText(fen: number | null | undefined): string {
  return fen === null || fen === undefined ? '' : (fen / 100).toFixed(2);
}

export function formatPercent(value: number | null): string {
  return value === null ? '—' : `${value.toFixed(1)}%`;
}
