/** XLSX through exceljs's streaming reader (first sheet), behind the zip gate of imports.zip.ts. */
import ExcelJS from 'exceljs';
import { AppError } from '../../api/errors';
import type { SpreadsheetLimits } from './imports.limits';
import { acceptRecord, type FileRecord } from './imports.records';
import { notAWorkbook, openWorkbookParts } from './imports.zip';

/** YYYY-MM-DD of a date cell; exceljs gives dates as UTC midnight. */
function isoDay(date: Date): string {
  return Number.isNaN(date.getTime()) ? '' : date.toISOString().slice(0, 10);
}

/** A cell as the text a person sees: numbers without exponent (phones, codes), dates as YYYY-MM-DD. */
function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value.includes('\0') ? value.replaceAll('\0', '') : value;
  if (typeof value === 'number') return Number.isInteger(value) ? value.toFixed(0) : String(value);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return isoDay(value);
  if ('richText' in value) return value.richText.map((part) => part.text).join('');
  if ('formula' in value || 'sharedFormula' in value) return cellText((value as ExcelJS.CellFormulaValue).result as ExcelJS.CellValue);
  if ('hyperlink' in value) return typeof value.text === 'string' ? value.text : cellText(value.text as ExcelJS.CellValue);
  if ('error' in value) return '';
  return String(value);
}

async function readFirstSheet(reader: ExcelJS.stream.xlsx.WorkbookReader, limits: SpreadsheetLimits): Promise<FileRecord[]> {
  const records: FileRecord[] = [];
  for await (const sheet of reader) {
    for await (const row of sheet) {
      const values = row.values as ExcelJS.CellValue[];
      const cells: string[] = new Array(Math.max(0, values.length - 1));
      for (let i = 1; i < values.length; i++) cells[i - 1] = cellText(values[i]);
      acceptRecord(records, row.number, cells, limits);
    }
    break;
  }
  return records;
}

export async function readXlsx(source: Buffer | string, limits: SpreadsheetLimits): Promise<FileRecord[]> {
  const parts = await openWorkbookParts(source, limits);
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(parts.stream, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    entries: 'ignore',
  });
  try {
    // A part that breaks a limit while inflating settles `failed` first; exceljs never learns of it.
    return await Promise.race([readFirstSheet(reader, limits), parts.failed]);
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw notAWorkbook((error as Error).message);
  } finally {
    parts.close();
  }
}
