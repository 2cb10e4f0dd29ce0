/**
 * CSV through csv-parse, streamed: comma, tab or semicolon separated, CRLF/LF/CR line ends, quoted
 * cells with separators, doubled quotes and line breaks inside. Each record keeps the physical
 * line it starts on, so errors name the line a person sees in a text editor.
 */
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { CsvError, parse, type Options } from 'csv-parse';
import { decodeText, detectEncoding, type TextEncoding } from './imports.encoding';
import { fileRefused, type SpreadsheetLimits } from './imports.limits';
import { acceptRecord, type FileRecord } from './imports.records';

const DELIMITERS = [',', '\t', ';'];

/** The separator of the first line (outside quotes): the most frequent of comma, tab and semicolon. */
export function detectDelimiter(text: string): string {
  const counts = new Map(DELIMITERS.map((d) => [d, 0]));
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

const LINE_BREAK = /\r\n|\r|\n/g;

/** Line breaks inside the record's quoted cells: the next record starts that many lines further down. */
function breaksInside(cells: string[]): number {
  let breaks = 0;
  for (const cell of cells) if (cell.includes('\n') || cell.includes('\r')) breaks += cell.match(LINE_BREAK)!.length;
  return breaks;
}

/** The first line's text, for the separator, and the whole text after it. */
async function firstLineAhead(text: AsyncIterator<string>): Promise<{ head: string; rest: AsyncIterable<string> }> {
  let head = '';
  while (head.length < 64 * 1024 && !/[\r\n]/.test(head)) {
    const next = await text.next();
    if (next.done) break;
    head += next.value;
  }
  async function* rest() {
    yield head;
    for (let next = await text.next(); !next.done; next = await text.next()) yield next.value;
  }
  return { head, rest: rest() };
}

function malformed(error: CsvError, line: number) {
  const what =
    error.code === 'CSV_QUOTE_NOT_CLOSED'
      ? 'a quoted cell is never closed (a " without its pair)'
      : error.code === 'CSV_MAX_RECORD_SIZE'
        ? 'the row is far too long (is a quote left open?)'
        : `it cannot be read as CSV (${error.code})`;
  return fileRefused('malformed_csv', `Line ${line}: ${what}`, { line });
}

export interface ReadCsv {
  encoding: TextEncoding;
  delimiter: string;
  records: FileRecord[];
}

/** Reads CSV bytes (`chunks` is called twice: once to detect the encoding, once to parse). */
export async function readCsv(chunks: () => AsyncIterable<Buffer>, limits: SpreadsheetLimits): Promise<ReadCsv> {
  const detected = await detectEncoding(chunks());
  const { head, rest } = await firstLineAhead(decodeText(chunks(), detected)[Symbol.asyncIterator]());
  const delimiter = detectDelimiter(head);
  const records: FileRecord[] = [];
  let line = 1;
  // Runs as each record is parsed, so `line` is where the next one starts even when parsing fails ahead of the reader.
  const startLine = (cells: string[]): FileRecord => {
    const start = line;
    line += 1 + breaksInside(cells);
    return { line: start, cells };
  };
  const parser = parse({
    delimiter,
    record_delimiter: ['\r\n', '\n', '\r'],
    relax_quotes: true,
    relax_column_count: true,
    skip_empty_lines: false,
    bom: false,
    max_record_size: limits.maxCellChars * 8,
    on_record: startLine as unknown as Options['on_record'],
  });
  try {
    await pipeline(Readable.from(rest), parser, async (parsed: AsyncIterable<FileRecord>) => {
      for await (const record of parsed) acceptRecord(records, record.line, record.cells, limits);
    });
  } catch (error) {
    if (error instanceof CsvError) throw malformed(error, line);
    throw error;
  }
  return { encoding: detected.encoding, delimiter, records };
}
