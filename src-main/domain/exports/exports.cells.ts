/** One value as a CSV or XLSX cell, for tools (no language) or for people (a UI language). */
import { neutraliseFormula } from '../shared/csv';
import { wallClockIn } from '../core/dates';
import { yuanText } from '../core/money';
import type { CellFormat, CellValue, ExportLanguage } from './exports.table';

export interface Audience {
  /** null: the file is for tools (snake_case headers, codes, UTC timestamps). */
  language: ExportLanguage | null;
  /** The company's, for timestamps shown to people. */
  timeZone: string;
}

type Shown = string | number | Date | null;

function shown(format: CellFormat, value: CellValue, audience: Audience): Shown {
  if (value === null || value === undefined || value === '') return null;
  const language = audience.language;
  if (typeof format === 'object') return language ? (format.codes[language][String(value)] ?? String(value)) : String(value);
  switch (format) {
    case 'text':
      return typeof value === 'string' ? neutraliseFormula(value) : value;
    case 'number':
      return value;
    case 'money':
      return typeof value !== 'number' ? value : language ? value / 100 : yuanText(value);
    case 'date':
      return language ? new Date(`${value}T00:00:00Z`) : value;
    case 'datetime':
      return language ? wallClockIn(audience.timeZone, new Date(value)) : value;
  }
}

/** What a CSV cell holds: dates and times as text (2026-11-28, 2026-11-28 09:54), money as 5000.50. */
export function csvValue(format: CellFormat, value: CellValue, audience: Audience): string | number | null {
  if (format === 'money' && typeof value === 'number') return yuanText(value);
  const cell = shown(format, value, audience);
  if (!(cell instanceof Date)) return cell;
  return format === 'date' ? cell.toISOString().slice(0, 10) : cell.toISOString().slice(0, 16).replace('T', ' ');
}

/** What an XLSX cell holds: for people, real dates and numbers that Excel sorts and sums. */
export function xlsxValue(format: CellFormat, value: CellValue, audience: Audience): Shown {
  return shown(format, value, audience);
}

/** The number format of a column's cells, for people. */
export function numberFormat(format: CellFormat, audience: Audience): string | undefined {
  if (!audience.language) return undefined;
  if (format === 'money') return '#,##0.00';
  if (format === 'date') return 'yyyy-mm-dd';
  if (format === 'datetime') return 'yyyy-mm-dd hh:mm';
  return undefined;
}

/** Characters as wide as they look: a Chinese character takes two columns of Excel's width. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const char of text) width += char.charCodeAt(0) > 0x2e7f ? 2 : 1;
  return width;
}
