/**
 * Reads an uploaded spreadsheet into records that remember the line they start on: CSV in
 * UTF-8 (with or without BOM), UTF-16 (Excel's "Unicode text") or GBK/GB18030 (what Chinese
 * Excel saves), comma/tab/semicolon separated; XLSX through exceljs (first sheet).
 */
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { AppError } from '../../api/errors';
import { fieldIssue } from '../../api/issues';

export interface FileRecord {
  /** The physical line (CSV) or sheet row (XLSX) where the record starts; the first is 1. */
  line: number;
  cells: string[];
}

export interface ReadFile {
  encoding: string;
  delimiter: string | null;
  records: FileRecord[];
}

export function decodeText(bytes: Buffer): { text: string; encoding: string } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { text: bytes.subarray(3).toString('utf8'), encoding: 'utf-8-bom' };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: iconv.decode(bytes.subarray(2), 'utf-16le'), encoding: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: iconv.decode(bytes.subarray(2), 'utf-16be'), encoding: 'utf-16be' };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    // Not UTF-8: Chinese Excel and WPS save "CSV" in the ANSI code page, GBK (GB18030 is its superset).
    const text = iconv.decode(bytes, 'gb18030');
    return { text, encoding: usesFourByteGb18030(bytes) ? 'gb18030' : 'gbk' };
  }
}

/** GB18030's four-byte sequences (lead 0x81–0xFE, then a digit) are what GBK lacks. */
function usesFourByteGb18030(bytes: Buffer): boolean {
  for (let i = 0; i < bytes.length - 1; i++) {
    const b = bytes[i]!;
    if (b < 0x81) continue;
    if (b <= 0xfe && bytes[i + 1]! >= 0x30 && bytes[i + 1]! <= 0x39) return true;
    i++; // skip the trail byte of a two-byte character
  }
  return false;
}

/** The separator of the first line (outside quotes): the most frequent of comma, tab and semicolon. */
export function detectDelimiter(text: string): string {
  const counts = new Map<string, number>([
    [',', 0],
    ['\t', 0],
    [';', 0],
  ]);
  let quoted = false;
  for (let i = 0; i < text.length && i < 64 * 1024; i++) {
    const c = text[i]!;
    if (c === '"') quoted = !quoted;
    else if (!quoted && (c === '\n' || c === '\r')) break;
    else if (!quoted && counts.has(c)) counts.set(c, counts.get(c)! + 1);
  }
  let best = ',';
  for (const [delimiter, count] of counts) if (count > counts.get(best)!) best = delimiter;
  return best;
}

/**
 * RFC 4180 with what spreadsheets really write: CRLF, LF or CR line ends, quoted cells with
 * separators, doubled quotes and line breaks inside. Each record keeps the physical line it starts
 * on, so errors name the line a person sees in a text editor. Blank lines (and lines of bare separators) are dropped.
 */
export function parseCsv(text: string, delimiter: string): FileRecord[] {
  const records: FileRecord[] = [];
  let line = 1;
  let recordLine = 1;
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let i = 0;
  const n = text.length;
  const endRecord = () => {
    cells.push(cell);
    if (cells.some((c) => c.trim() !== '')) records.push({ line: recordLine, cells });
    cells = [];
    cell = '';
  };
  while (i < n) {
    const c = text.charCodeAt(i);
    if (quoted) {
      if (c === 34 /* " */) {
        if (text.charCodeAt(i + 1) === 34) {
          cell += '"';
          i += 2;
          continue;
        }
        quoted = false;
        i++;
        continue;
      }
      if (c === 13 || c === 10) {
        line++;
        if (c === 13 && text.charCodeAt(i + 1) === 10) {
          cell += '\r\n';
          i += 2;
          continue;
        }
      }
      // Copy the run of ordinary characters at once: most of a file is plain text.
      let j = i + 1;
      while (j < n) {
        const d = text.charCodeAt(j);
        if (d === 34 || d === 13 || d === 10) break;
        j++;
      }
      cell += text.slice(i, j);
      i = j;
      continue;
    }
    if (c === 34 && cell === '') {
      quoted = true;
      i++;
    } else if (text[i] === delimiter) {
      cells.push(cell);
      cell = '';
      i++;
    } else if (c === 13 || c === 10) {
      endRecord();
      i += c === 13 && text.charCodeAt(i + 1) === 10 ? 2 : 1;
      line++;
      recordLine = line;
    } else {
      let j = i + 1;
      while (j < n) {
        const d = text.charCodeAt(j);
        if (d === 13 || d === 10 || text[j] === delimiter) break;
        j++;
      }
      cell += text.slice(i, j);
      i = j;
    }
  }
  if (cell !== '' || cells.length) endRecord();
  return records;
}

/** YYYY-MM-DD of a date cell; exceljs gives dates as UTC midnight. */
function isoDay(date: Date): string {
  return Number.isNaN(date.getTime()) ? '' : date.toISOString().slice(0, 10);
}

/** A cell as the text a person sees: numbers without exponent (phones, codes), dates as YYYY-MM-DD. */
function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return Number.isInteger(value) ? value.toFixed(0) : String(value);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return isoDay(value);
  if ('richText' in value) return value.richText.map((part) => part.text).join('');
  if ('formula' in value || 'sharedFormula' in value) return cellText((value as ExcelJS.CellFormulaValue).result as ExcelJS.CellValue);
  if ('hyperlink' in value) return typeof value.text === 'string' ? value.text : cellText(value.text as ExcelJS.CellValue);
  if ('error' in value) return '';
  return String(value);
}

export async function readXlsx(bytes: Buffer): Promise<FileRecord[]> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw new AppError('VALIDATION', 'This is not an Excel workbook that can be read (.xlsx); save it again as .xlsx or CSV', [
      fieldIssue('contentBase64', 'invalid_format', { expected: 'xlsx' }),
    ]);
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) return [];
  const records: FileRecord[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell, column) => {
      cells[column - 1] = cellText(cell.value);
    });
    for (let i = 0; i < cells.length; i++) cells[i] ??= '';
    if (cells.some((c) => c.trim() !== '')) records.push({ line: rowNumber, cells });
  });
  return records;
}

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];

/** Reads a CSV or XLSX upload; the content decides (an .xlsx is a zip), not the file name. */
export async function readSpreadsheet(fileName: string, bytes: Buffer): Promise<ReadFile> {
  if (ZIP_MAGIC.every((b, i) => bytes[i] === b)) return { encoding: 'xlsx', delimiter: null, records: await readXlsx(bytes) };
  if (/\.xls$/i.test(fileName) || (bytes[0] === 0xd0 && bytes[1] === 0xcf)) {
    throw new AppError('VALIDATION', 'Old Excel files (.xls) cannot be read; in Excel choose Save As → .xlsx or CSV', [
      fieldIssue('fileName', 'invalid_format', { expected: 'xlsx_or_csv' }),
    ]);
  }
  const { text, encoding } = decodeText(bytes);
  const delimiter = detectDelimiter(text);
  return { encoding, delimiter, records: parseCsv(text, delimiter) };
}
