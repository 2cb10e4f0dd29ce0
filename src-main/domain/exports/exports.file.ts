/**
 * Writes any export table as CSV (UTF-8 with BOM, what Excel opens) or XLSX (xlsx-sheet.ts): header
 * row bold and frozen, columns as wide as their first rows need, with a filter on the header. Text
 * cells that Excel would run as formulas are neutralised in both.
 */
import { AppError } from '../../api/errors';
import type { HandlerContext } from '../context';
import { csvCell, UTF8_BOM } from '../shared/csv';
import { csvValue, displayWidth, numberFormat, xlsxValue, type Audience } from './exports.cells';
import type { ExportFormat } from './exports.contract';
import type { CellValue, ExportColumn, ExportTable } from './exports.table';
import { paced } from '../core/pace';
import { xlsxSheetWriter, type SheetCell } from './xlsx-sheet';

const MIN_WIDTH = 8;
const MAX_WIDTH = 50;
const FORMAT_WIDTH: Partial<Record<string, number>> = { date: 12, datetime: 17, money: 14 };

function headerOf<Row>(column: ExportColumn<Row>, audience: Audience): string {
  return audience.language ? column.header[audience.language] : column.key;
}

/** Wide enough for the header and the first rows' values (a streamed sheet cannot wait for the rest). */
function widths<Row>(table: ExportTable<Row>, sample: Row[], audience: Audience): number[] {
  return table.columns.map((column) => {
    let widest = Math.max(displayWidth(headerOf(column, audience)), typeof column.format === 'string' ? (FORMAT_WIDTH[column.format] ?? 0) : 0);
    for (const row of sample) {
      const value = csvValue(column.format, column.value(row), audience);
      if (value !== null) widest = Math.max(widest, displayWidth(String(value)));
    }
    return Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, widest + 2));
  });
}

/** Excel refuses sheet names over 31 characters or with []:*?/\ in them. */
function sheetName(name: string): string {
  return name.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31) || 'Sheet1';
}

export interface WrittenFile {
  bytes: Buffer;
  rows: number;
}

/** Money is our own yuan text (-12.50), never a formula: a red-ink amount must stay a number, not become '-12.50. */
function moneyOrCell(format: ExportColumn<unknown>['format'], value: string | number | null): string {
  return format === 'money' && typeof value === 'string' && /^-?\d+\.\d{2}$/.test(value) ? value : csvCell(value);
}

async function writeCsv<Row>(table: ExportTable<Row>, batches: AsyncIterable<Row[]>, audience: Audience): Promise<WrittenFile> {
  const parts = [UTF8_BOM + table.columns.map((c) => csvCell(headerOf(c, audience))).join(',') + '\r\n'];
  let rows = 0;
  for await (const batch of batches) {
    let text = '';
    for (const row of batch) text += table.columns.map((c) => moneyOrCell(c.format, csvValue(c.format, c.value(row), audience))).join(',') + '\r\n';
    parts.push(text);
    rows += batch.length;
  }
  return { bytes: Buffer.from(parts.join(''), 'utf8'), rows };
}

async function writeXlsx<Row>(table: ExportTable<Row>, batches: AsyncIterable<Row[]>, audience: Audience): Promise<WrittenFile> {
  const name = audience.language ? table.name[audience.language] : table.name.machine;
  const numberFormats = table.columns.map((column) => numberFormat(column.format, audience));
  const header = table.columns.map((c) => headerOf(c, audience));
  let sheet: ReturnType<typeof xlsxSheetWriter> | null = null;
  const start = (sample: Row[]) => xlsxSheetWriter({ name: sheetName(name), widths: widths(table, sample, audience), numberFormats, header });
  const { columns } = table;
  // Neighbouring rows mostly repeat a column's value (a voucher's date on each of its lines, RMB):
  // a cell is worked out only when it differs from the one above it.
  const lastValue: CellValue[] = columns.map(() => undefined);
  const cells: SheetCell[] = columns.map(() => null);
  const due = paced();
  let rows = 0;
  for await (const batch of batches) {
    sheet ??= start(batch.slice(0, 200));
    for (const row of batch) {
      for (let i = 0; i < columns.length; i++) {
        const column = columns[i]!;
        const value = column.value(row);
        if (value !== lastValue[i]) {
          lastValue[i] = value;
          cells[i] = xlsxValue(column.format, value, audience);
        }
      }
      sheet.addRow(cells);
      rows += 1;
      if (due()) await sheet.caughtUp();
    }
  }
  return { bytes: await (sheet ?? start([])).finish(), rows };
}

/** Between batches of a long export: progress for its window, and a cancel taken there (nothing is kept). */
export async function betweenExportBatches(ctx: Pick<HandlerContext, 'progress' | 'signal'>, done: number, total: number): Promise<void> {
  ctx.progress(done, total, 'writing');
  await new Promise((resolve) => setImmediate(resolve));
  if (ctx.signal.aborted) throw new AppError('CANCELLED', 'The export was cancelled.');
}

export function writeExportFile<Row>(format: ExportFormat, table: ExportTable<Row>, batches: AsyncIterable<Row[]>, audience: Audience): Promise<WrittenFile> {
  return format === 'csv' ? writeCsv(table, batches, audience) : writeXlsx(table, batches, audience);
}
