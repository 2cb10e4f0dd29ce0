/**
 * Hand-built XLSX files for the limit tests: a sheet of any size made by repeating one deflated
 * block, so a "600 MB" sheet or a 7-million-row one takes milliseconds and a few hundred KB to build.
 */
import zlib from 'node:zlib';

interface ZipPart {
  name: string;
  /** Raw deflate data. */
  deflated: Buffer;
  /** What the zip headers claim the part inflates to (a bomb may lie). */
  declaredSize: number;
  crc32: number;
}

function deflated(name: string, text: string): ZipPart {
  const bytes = Buffer.from(text, 'utf8');
  return { name, deflated: zlib.deflateRawSync(bytes), declaredSize: bytes.length, crc32: zlib.crc32(bytes) };
}

/** Deflate data for head + unit × times + tail, built by repeating the unit's flushed block (no back-reference leaves it). */
function repeatedDeflate(head: string, unit: string, times: number, tail: string): { data: Buffer; size: number } {
  const flush = { finishFlush: zlib.constants.Z_SYNC_FLUSH };
  const block = zlib.deflateRawSync(Buffer.from(unit), flush);
  const parts = [zlib.deflateRawSync(Buffer.from(head), flush), ...Array.from({ length: times }, () => block), zlib.deflateRawSync(Buffer.from(tail))];
  return { data: Buffer.concat(parts), size: Buffer.byteLength(head) + Buffer.byteLength(unit) * times + Buffer.byteLength(tail) };
}

function zip(parts: ZipPart[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const part of parts) {
    const name = Buffer.from(part.name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(part.crc32 >>> 0, 14);
    local.writeUInt32LE(part.deflated.length, 18);
    local.writeUInt32LE(part.declaredSize, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(part.crc32 >>> 0, 16);
    central.writeUInt32LE(part.deflated.length, 20);
    central.writeUInt32LE(part.declaredSize, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, part.deflated);
    centrals.push(central, name);
    offset += local.length + name.length + part.deflated.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
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
    { name: 'xl/worksheets/sheet1.xml', deflated: sheet.data, declaredSize: options.declaredSize ?? sheet.size, crc32: 0 },
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
