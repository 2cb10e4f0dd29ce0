/**
 * The gate in front of exceljs's streaming reader. An XLSX is a zip, and a zip can be a bomb: a
 * few hundred KB that inflate to gigabytes. Before inflating anything this reads the central
 * directory and refuses a part whose declared size is over its limit; while inflating, yauzl
 * refuses a part that grows past its declared size (a lying header) and this refuses a run of
 * over 1 MB without a tag (one giant cell, or a sea of whitespace).
 *
 * What reaches exceljs is a fresh, uncompressed zip of just the parts it needs, in the order it
 * reads in one pass (relationships, workbook, styles, shared strings, then the first sheet), so it
 * never parks a sheet in a temporary file and never inflates anything itself.
 */
import { posix } from 'node:path';
import { Readable } from 'node:stream';
import { promisify } from 'node:util';
import yauzl from 'yauzl';
import { AppError } from '../../api/errors';
import { fileRefused, megabytes, type SpreadsheetLimits } from './imports.limits';

const MAX_ENTRIES = 10_000;
const MAX_TAGLESS_RUN = 1024 * 1024;
const EMPTY_SHARED_STRINGS = Buffer.from('<?xml version="1.0" encoding="UTF-8" standalone="yes"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="0" uniqueCount="0"/>');

const fromBuffer = promisify<Buffer, yauzl.Options, yauzl.ZipFile>(yauzl.fromBuffer);
const openFile = promisify<string, yauzl.Options, yauzl.ZipFile>(yauzl.open);

export function notAWorkbook(detail: string) {
  return fileRefused('invalid_format', `This is not an Excel workbook that can be read (.xlsx): ${detail}; save it again as .xlsx or CSV`, { expected: 'xlsx' });
}

async function openZip(source: Buffer | string): Promise<yauzl.ZipFile> {
  const options: yauzl.Options = { lazyEntries: true, autoClose: false, validateEntrySizes: true, strictFileNames: false };
  try {
    return typeof source === 'string' ? await openFile(source, options) : await fromBuffer(source, options);
  } catch (error) {
    throw notAWorkbook((error as Error).message);
  }
}

async function entriesOf(zip: yauzl.ZipFile): Promise<Map<string, yauzl.Entry>> {
  const entries = new Map<string, yauzl.Entry>();
  await new Promise<void>((resolve, reject) => {
    zip.on('entry', (entry: yauzl.Entry) => {
      if (entries.size >= MAX_ENTRIES) return reject(notAWorkbook(`it holds more than ${MAX_ENTRIES} files`));
      entries.set(entry.fileName.replace(/^\//, ''), entry);
      zip.readEntry();
    });
    zip.on('end', resolve);
    zip.on('error', (error: Error) => reject(notAWorkbook(error.message)));
    zip.readEntry();
  });
  return entries;
}

function checkDeclared(entry: yauzl.Entry, max: number): void {
  if (entry.isEncrypted()) throw fileRefused('password_protected', 'The workbook is password-protected; remove the password in Excel and save it again');
  if (entry.compressionMethod !== 0 && entry.compressionMethod !== 8) throw notAWorkbook(`${entry.fileName} uses compression method ${entry.compressionMethod}`);
  if (entry.uncompressedSize > max) {
    throw fileRefused('file_too_large', `${entry.fileName} expands to ${megabytes(entry.uncompressedSize)}; at most ${megabytes(max)} can be read: split the file`, {
      part: entry.fileName,
      size: megabytes(entry.uncompressedSize),
      max: megabytes(max),
    });
  }
}

/** Inflates one part through yauzl (which stops it at its declared size), refusing a tagless run. */
async function* inflated(zip: yauzl.ZipFile, entry: yauzl.Entry): AsyncGenerator<Buffer> {
  const openReadStream = promisify<yauzl.Entry, Readable>(zip.openReadStream.bind(zip));
  const stream = await openReadStream(entry);
  let bytes = 0;
  let run = 0;
  // One chunk is held back until the next arrives: a part that breaks its declared size fails
  // before its last bytes go out, so exceljs never sees it complete.
  let held: Buffer | null = null;
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      bytes += chunk.length;
      for (let i = 0; i < chunk.length; i++) {
        const b = chunk[i]!;
        if (b === 0x3c || b === 0x3e) run = 0;
        else if (++run > MAX_TAGLESS_RUN) {
          throw fileRefused('cell_too_long', `${entry.fileName} holds over ${megabytes(MAX_TAGLESS_RUN)} of text in one place; no cell can be that large`, { max: MAX_TAGLESS_RUN, part: entry.fileName });
        }
      }
      if (held) yield held;
      held = chunk;
    }
    if (held) yield held;
  } catch (error) {
    if (error instanceof AppError) throw error;
    if (bytes >= entry.uncompressedSize) {
      throw fileRefused('file_too_large', `${entry.fileName} inflates beyond the ${megabytes(entry.uncompressedSize)} its zip header declares`, {
        part: entry.fileName,
        max: megabytes(entry.uncompressedSize),
      });
    }
    throw notAWorkbook(`${entry.fileName} is damaged (${(error as Error).message})`);
  } finally {
    stream.destroy();
  }
}

async function readWhole(zip: yauzl.ZipFile, entry: yauzl.Entry): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of inflated(zip, entry)) chunks.push(chunk);
  return Buffer.concat(chunks);
}

function attribute(tag: string, name: string): string | undefined {
  return new RegExp(`\\s(?:[\\w-]+:)?${name}\\s*=\\s*"([^"]*)"`).exec(tag)?.[1]?.replaceAll('&amp;', '&');
}

/** The path of the workbook's first sheet, from workbook.xml and its relationships. */
function firstSheetPath(workbook: string, rels: string): string | undefined {
  const sheet = /<(?:[\w-]+:)?sheet\s[^>]*>/.exec(workbook)?.[0];
  const id = sheet && attribute(sheet, 'id');
  for (const [relationship] of rels.matchAll(/<(?:[\w-]+:)?Relationship\s[^>]*>/g)) {
    if (attribute(relationship, 'Id') !== id) continue;
    const target = attribute(relationship, 'Target') ?? '';
    return target.startsWith('/') ? target.slice(1) : posix.normalize(`xl/${target}`);
  }
  return undefined;
}

/** A zip local header for a stored (uncompressed) part of `size` bytes. */
function storedHeader(name: string, size: number, crc32: number): Buffer {
  const nameBytes = Buffer.from(name, 'utf8');
  const header = Buffer.alloc(30);
  header.writeUInt32LE(0x04034b50, 0);
  header.writeUInt16LE(20, 4);
  header.writeUInt16LE(0x0800, 6);
  header.writeUInt16LE(0, 8);
  header.writeUInt16LE(0x21, 12);
  header.writeUInt32LE(crc32 >>> 0, 14);
  header.writeUInt32LE(size, 18);
  header.writeUInt32LE(size, 22);
  header.writeUInt16LE(nameBytes.length, 26);
  return Buffer.concat([header, nameBytes]);
}

export interface WorkbookParts {
  /** The uncompressed zip exceljs reads. */
  stream: Readable;
  /** Rejects when a part breaks a limit while being inflated. */
  failed: Promise<never>;
  close(): void;
}

/** Opens an XLSX (bytes or a file path) and checks it; throws a VALIDATION error naming the limit it breaks. */
export async function openWorkbookParts(source: Buffer | string, limits: SpreadsheetLimits): Promise<WorkbookParts> {
  const zip = await openZip(source);
  try {
    const entries = await entriesOf(zip);
    const part = (name: string, max: number) => {
      const entry = entries.get(name);
      if (entry) checkDeclared(entry, max);
      return entry;
    };
    const workbookEntry = part('xl/workbook.xml', limits.maxPartBytes);
    const relsEntry = part('xl/_rels/workbook.xml.rels', limits.maxPartBytes);
    if (!workbookEntry || !relsEntry) throw notAWorkbook('it has no workbook part');
    const workbook = await readWhole(zip, workbookEntry);
    const rels = await readWhole(zip, relsEntry);
    const sheetPath = firstSheetPath(workbook.toString('utf8'), rels.toString('utf8'));
    const sheet = sheetPath ? part(sheetPath, limits.maxSheetBytes) : undefined;
    if (!sheet) throw notAWorkbook('it has no worksheet');
    const styles = part('xl/styles.xml', limits.maxPartBytes);
    const sharedStrings = part('xl/sharedStrings.xml', limits.maxPartBytes);

    async function* storedZip(): AsyncGenerator<Buffer> {
      yield storedHeader('xl/_rels/workbook.xml.rels', rels.length, relsEntry!.crc32);
      yield rels;
      yield storedHeader('xl/workbook.xml', workbook.length, workbookEntry!.crc32);
      yield workbook;
      // Ordered so exceljs has styles (dates) and shared strings before the sheet, and reads the sheet as it streams.
      for (const [name, entry] of [
        ['xl/styles.xml', styles],
        ['xl/sharedStrings.xml', sharedStrings],
        ['xl/worksheets/sheet1.xml', sheet],
      ] as const) {
        if (!entry) {
          if (name === 'xl/sharedStrings.xml') yield* [storedHeader(name, EMPTY_SHARED_STRINGS.length, 0), EMPTY_SHARED_STRINGS];
          continue;
        }
        yield storedHeader(name, entry.uncompressedSize, entry.crc32);
        yield* inflated(zip, entry);
      }
    }

    let fail: (error: unknown) => void = () => {};
    const failed = new Promise<never>((_, reject) => (fail = reject));
    failed.catch(() => {});
    const stream = Readable.from(storedZip(), { objectMode: false });
    stream.on('error', fail);
    return {
      stream,
      failed,
      close: () => {
        stream.destroy();
        zip.close();
      },
    };
  } catch (error) {
    zip.close();
    throw error;
  }
}
