/**
 * Reads an uploaded spreadsheet into records that remember the line they start on: CSV (see
 * imports.csv.ts and imports.encoding.ts) or XLSX (imports.xlsx.ts), streamed and within the
 * limits of imports.limits.ts. The file comes as bytes, a path (an upload parked on disk) or a stream.
 */
import fs from 'node:fs';
import { Readable } from 'node:stream';
import { readCsv } from './imports.csv';
import { MAX_IMPORT_BYTES } from './imports.contract';
import { fileRefused, megabytes, SPREADSHEET_LIMITS, type SpreadsheetLimits } from './imports.limits';
import type { FileRecord } from './imports.records';
import { readXlsx } from './imports.xlsx';

export type { FileRecord };

export interface ReadFile {
  /** utf-8, utf-8-bom, utf-16le, utf-16be, gbk, gb18030 or xlsx. */
  encoding: string;
  delimiter: string | null;
  records: FileRecord[];
}

/** Bytes in memory, the path of a file on disk, or a stream (which is read into memory first). */
export type SpreadsheetSource = Buffer | string | Readable;

const CHUNK = 64 * 1024;
const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
/** Old .xls files and password-protected .xlsx files are both OLE compound documents. */
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0];

async function inMemory(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_IMPORT_BYTES) {
      stream.destroy();
      throw fileRefused('file_too_large', `The file is larger than ${megabytes(MAX_IMPORT_BYTES)}; split it into smaller files`, { max: megabytes(MAX_IMPORT_BYTES) });
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

async function* chunksOf(source: Buffer | string): AsyncGenerator<Buffer> {
  if (typeof source === 'string') {
    yield* fs.createReadStream(source, { highWaterMark: CHUNK }) as AsyncIterable<Buffer>;
    return;
  }
  for (let i = 0; i < source.length; i += CHUNK) yield source.subarray(i, i + CHUNK);
}

async function firstBytes(source: Buffer | string): Promise<Buffer> {
  if (typeof source !== 'string') return source.subarray(0, 8);
  const handle = await fs.promises.open(source, 'r');
  try {
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(8), 0, 8, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

/** Reads a CSV or XLSX upload; the content decides (an .xlsx is a zip), not the file name. */
export async function readSpreadsheet(fileName: string, source: SpreadsheetSource, limits: SpreadsheetLimits = SPREADSHEET_LIMITS): Promise<ReadFile> {
  const input = source instanceof Readable ? await inMemory(source) : source;
  const head = await firstBytes(input);
  if (head.length === 0) throw fileRefused('required', 'The file is empty', { field: 'file' });
  const starts = (magic: number[]) => magic.every((b, i) => head[i] === b);
  if (starts(ZIP_MAGIC)) return { encoding: 'xlsx', delimiter: null, records: await readXlsx(input, limits) };
  if (starts(OLE_MAGIC) && /\.xlsx$/i.test(fileName)) {
    throw fileRefused('password_protected', 'The workbook is password-protected; remove the password in Excel and save it again');
  }
  if (/\.xls$/i.test(fileName) || starts(OLE_MAGIC)) {
    throw fileRefused('invalid_format', 'Old Excel files (.xls) cannot be read; in Excel choose Save As → .xlsx or CSV', { expected: 'xlsx_or_csv' }, 'fileName');
  }
  const csv = await readCsv(() => chunksOf(input), limits);
  return { encoding: csv.encoding, delimiter: csv.delimiter, records: csv.records };
}
