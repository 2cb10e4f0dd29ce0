/**
 * Hand-built XLSX files for the limit tests: a sheet of any size made by repeating one deflated
 * block, so a "600 MB" sheet or a 7-million-row one takes milliseconds and a few hundred KB to build.
 */
import zlib from 'node:zlib';
import { zip, type PackedPart } from '../exports/zip-parts';

function deflated(name: string, text: string): PackedPart {
  const bytes = Buffer.from(text, 'utf8');
  return { name, packed: [zlib.deflateRawSync(bytes)], size: bytes.length, crc: zlib.crc32(bytes) };
}

/** Deflate data for head + unit × times + tail, built by repeating the unit's flushed block (no back-reference leaves it). */
function repeatedDeflate(head: string, unit: string, times: number, tail: string): { data: Buffer; size: number } {
  const flush = { finishFlush: zlib.constants.Z_SYNC_FLUSH };
  const block = zlib.deflateRawSync(Buffer.from(unit), flush);
  const parts = [zlib.deflateRawSync(Buffer.from(head), flush), ...Array.from({ length: times }, () => block), zlib.deflateRawSync(Buffer.from(tail))];
  return { data: Buffer.concat(parts), size: Buffer.byteLength(head) + Buffer.byteLength(unit) * times + Buffer.byteLength(tail) };
}

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const RELS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** An XLSX whose one sheet is `rowXml` repeated `times` times; `declaredSize` lets the sheet's header lie. */
export function xlsxOfRepeatedRows(rowXml: string, times: number, options: { declaredSize?: number } = {}): { file: Buffer; sheetBytes: number } {
  const sheet = repeatedDeflate(`<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="${MAIN}"><sheetData>`, rowXml, times, '</sheetData></worksheet>');
  const file = zip([
    deflated('[Content_Types].xml', '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'),
    deflated('xl/workbook.xml', `<?xml version="1.0"?><workbook xmlns="${MAIN}" xmlns:r="${RELS}"><sheets><sheet name="客户" sheetId="1" r:id="rId1"/></sheets></workbook>`),
    deflated(
      'xl/_rels/workbook.xml.rels',
      '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
    ),
    // The size the zip headers claim the sheet inflates to: a bomb may lie.
    { name: 'xl/worksheets/sheet1.xml', packed: [sheet.data], size: options.declaredSize ?? sheet.size, crc: 0 },
  ]);
  return { file, sheetBytes: sheet.size };
}

/** A row of inline-string cells, as streaming writers produce them. */
export function inlineRow(row: number, values: string[]): string {
  const cells = values.map((v, i) => `<c r="${String.fromCharCode(65 + i)}${row}" t="inlineStr"><is><t>${v}</t></is></c>`).join('');
  return `<row r="${row}">${cells}</row>`;
}

/** Peak resident memory above the level when it starts, sampled while `work` runs. */
export async function peakMemoryGrowth<T>(work: () => Promise<T>): Promise<{ result: T | Error; growthMb: number; seconds: number }> {
  const before = process.memoryUsage().rss;
  let peak = before;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 10);
  const started = performance.now();
  let result: T | Error;
  try {
    result = await work();
  } catch (error) {
    result = error as Error;
  } finally {
    clearInterval(timer);
  }
  peak = Math.max(peak, process.memoryUsage().rss);
  return { result, growthMb: (peak - before) / (1024 * 1024), seconds: (performance.now() - started) / 1000 };
}
