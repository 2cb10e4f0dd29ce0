/**
 * CSV as Excel opens it: UTF-8 with a BOM, CRLF rows, quoted when needed. Runtime-neutral, so the
 * UI's table export and the backend's file export write the same thing.
 */
export const UTF8_BOM = '\uFEFF';

/** A cell starting with = + - @ (or tab/CR) would run as a formula in Excel; prefix it with ' . */
export function neutraliseFormula(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  // A number is written as digits and a minus sign, which Excel reads as a number, never a formula.
  const text = typeof value === 'number' ? String(value) : neutraliseFormula(String(value));
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(header: string[], rows: unknown[][]): string {
  return UTF8_BOM + [header, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
