/**
 * What an area declares to make one of its lists exportable: its columns, each with a header per
 * UI language and how its value is shown. The exports area turns such a table and a source of rows
 * into a CSV or XLSX file (exports.file.ts). Runtime-neutral: areas declare their tables in their
 * own `<area>.export.ts` beside the contract.
 */
import { LOCALES, type Locale } from '../auth/auth.contract';

export { LOCALES as EXPORT_LANGUAGES };
export type ExportLanguage = Locale;

/** One text per UI language. */
export type Localised = Record<Locale, string>;

/** A code's label per language (企业 for `company`); a code without a label is written as is. */
export type CodeLabels = Record<Locale, Record<string, string>>;

/**
 * How a value is written. For tools (no language): codes, dates and UTC timestamps as stored,
 * money as yuan text (5000.50), which the import reads back. For people: labels, real date cells,
 * times in the company's time zone, money as numbers shown ¥-style with two decimals.
 */
export type CellFormat = 'text' | 'number' | 'money' | 'date' | 'datetime' | { codes: CodeLabels };

export type CellValue = string | number | null | undefined;

export interface ExportColumn<Row> {
  /** The header for tools: snake_case, stable, what the import expects back. */
  key: string;
  header: Localised;
  format: CellFormat;
  value: (row: Row) => CellValue;
}

export interface ExportTable<Row> {
  /** The file name's stem for tools (`customers`) and per language (客户档案). */
  name: Localised & { machine: string };
  columns: ExportColumn<Row>[];
}

/** A column that shows the same words in every language (a custom field's own label). */
export function sameInEveryLanguage(text: string): Localised {
  return Object.fromEntries(LOCALES.map((language) => [language, text])) as Localised;
}

/** The texts of one language's words object gathered per language: `localised(WORDS, (w) => w.field.code)`. */
export function localised<Words>(words: Record<Locale, Words>, pick: (words: Words) => string): Localised {
  return Object.fromEntries(LOCALES.map((language) => [language, pick(words[language])])) as Localised;
}

/** Code labels gathered per language from one language's words object. */
export function codeLabels<Words>(words: Record<Locale, Words>, pick: (words: Words) => Record<string, string>): { codes: CodeLabels } {
  return { codes: Object.fromEntries(LOCALES.map((language) => [language, pick(words[language])])) as CodeLabels };
}

/** The column builder of one table: `column(key, (w) => w.field.code, 'text', (row) => row.code)`, its header taken from the words of every language. */
export function columnsWorded<Words, Row>(words: Record<Locale, Words>) {
  return (key: string, header: (words: Words) => string, format: CellFormat, value: (row: Row) => CellValue): ExportColumn<Row> => ({
    key,
    header: localised(words, header),
    format,
    value,
  });
}
