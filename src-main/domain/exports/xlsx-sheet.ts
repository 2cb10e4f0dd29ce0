/**
 * A one-sheet XLSX written as its XML parts and zipped with Node's own deflate: header row bold and
 * frozen, column widths, a number format per column, a filter on the header, text as shared
 * strings (what Excel itself writes: a month of vouchers repeats 记, RMB, account names and each
 * voucher's summary on every line). exceljs's writer spent ~50 µs of CPU per row of a 37-column
 * voucher sheet (a month of vouchers at the large scale, 16 s); this spends a few.
 */
import { packedPart, streamedPart, XLSX_PIECE_BYTES, zip, type PackedPart } from './zip-parts';

export type SheetCell = string | number | Date | null;

export interface SheetSpec {
  name: string;
  widths: number[];
  /** Per column: an Excel number format, or undefined for General. */
  numberFormats: (string | undefined)[];
  header: string[];
}

const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/** Excel counts days from 1899-12-30 (its 1900 leap-year bug included). */
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);

function columnName(index: number): string {
  let name = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

// eslint-disable-next-line no-control-regex -- control characters are exactly what XML 1.0 cannot hold
const NEEDS_ESCAPE = /[&<>"\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;
const ENTITY: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };

/** XML text: the four entities escaped, characters XML 1.0 forbids dropped. */
function xmlText(text: string): string {
  NEEDS_ESCAPE.lastIndex = 0;
  return NEEDS_ESCAPE.test(text) ? text.replace(NEEDS_ESCAPE, (c) => ENTITY[c] ?? '') : text;
}

/** Style 0 is General, 1 the bold header, then one per distinct number format. */
function stylesOf(numberFormats: (string | undefined)[]): { xml: string; styleOf: number[] } {
  const formats = [...new Set(numberFormats.filter((f): f is string => f !== undefined))];
  const styleOf = numberFormats.map((f) => (f === undefined ? 0 : 2 + formats.indexOf(f)));
  const numFmts = formats.map((f, i) => `<numFmt numFmtId="${164 + i}" formatCode="${xmlText(f)}"/>`).join('');
  const xfs = ['<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>', '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>']
    .concat(formats.map((_, i) => `<xf numFmtId="${164 + i}" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>`))
    .join('');
  const xml =
    `${XML_HEAD}<styleSheet xmlns="${MAIN_NS}">` +
    (formats.length ? `<numFmts count="${formats.length}">${numFmts}</numFmts>` : '') +
    '<fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts>' +
    '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
    '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
    `<cellXfs count="${2 + formats.length}">${xfs}</cellXfs>` +
    '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>';
  return { xml, styleOf };
}

/**
 * Sheet XML is written as bytes into a buffer of this size, handed to the deflater when full. Every
 * cell of the sheet is ASCII (text is in the shared strings), so rows are never JavaScript strings:
 * building them as strings made a rope per cell, a flat copy and a UTF-8 copy per chunk, and garbage
 * collection took a third of a month's export.
 */
export const XLSX_CHUNK_BYTES = XLSX_PIECE_BYTES;

/** The most bytes one cell can take: `<c r="XFD1048576" s="99" t="s"><v>` and a number's longest text. */
const MAX_CELL_BYTES = 96;

/** ASCII text as bytes. */
function asciiBytes(text: string): Uint8Array {
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
  return bytes;
}

/** Shared strings go to the deflater in pieces of this many UTF-16 units, so their text dies young. */
const STRINGS_CHUNK_CHARS = 64 * 1024;

/** Texts of one column looked up before the column is judged. */
export const LOOKUPS_TO_JUDGE = 2000;
/** Below this share of texts found already, a column's texts are stored without looking them up. */
const FOUND_SHARE_WORTH_LOOKING = 0.05;

/**
 * Each distinct text once, by its index; a cell holds the index. A column whose texts hardly ever
 * come back beyond the row above (a voucher's summary and document number, a customer's name: the
 * row above is reused without a lookup) is judged after its first lookups and its texts are then
 * stored as they come: looking up and keeping 250,000 texts that each appear once cost a month's
 * voucher export a third of a second. A text such a column repeats from further up is stored
 * twice, which readers take as the same text.
 */
function sharedStrings(columnCount: number) {
  const indexOf = new Map<string, number>();
  const texts: string[] = [];
  const lookups = new Uint32Array(columnCount);
  const found = new Uint32Array(columnCount);
  const storedUnlooked = new Uint8Array(columnCount);
  let uses = 0;
  return {
    indexOf(text: string, column: number): number {
      uses += 1;
      if (storedUnlooked[column]) return texts.push(text) - 1;
      let index = indexOf.get(text);
      if (index === undefined) {
        index = texts.length;
        indexOf.set(text, index);
        texts.push(text);
      } else found[column] = (found[column] ?? 0) + 1;
      const looked = (lookups[column] ?? 0) + 1;
      lookups[column] = looked;
      if (looked === LOOKUPS_TO_JUDGE && (found[column] ?? 0) < LOOKUPS_TO_JUDGE * FOUND_SHARE_WORTH_LOOKING) storedUnlooked[column] = 1;
      return index;
    },
    /** A use of the text just looked up again. */
    reuse(): void {
      uses += 1;
    },
    async part(chunkChars: number, pieceBytes: number): Promise<PackedPart> {
      const part = streamedPart('xl/sharedStrings.xml', pieceBytes);
      let xml = `${XML_HEAD}<sst xmlns="${MAIN_NS}" count="${uses}" uniqueCount="${texts.length}">`;
      for (const text of texts) {
        xml += text.trim() !== text ? `<si><t xml:space="preserve">${xmlText(text)}</t></si>` : `<si><t>${xmlText(text)}</t></si>`;
        if (xml.length >= chunkChars) {
          part.write(xml);
          xml = '';
          await part.caughtUp();
        }
      }
      part.write(`${xml}</sst>`);
      return part.end();
    },
  };
}

/**
 * Rows are added as they come; `finish` zips the workbook. Each time `addRow` answers true a chunk
 * went to the deflater: a caller with many rows awaits `caughtUp()` then, which lets the deflater
 * (and waiting calls) run.
 */
export function xlsxSheetWriter(spec: SheetSpec, chunkBytes = XLSX_CHUNK_BYTES, pieceBytes = XLSX_PIECE_BYTES) {
  const columns = spec.header.map((_, i) => columnName(i));
  const { xml: stylesXml, styleOf } = stylesOf(spec.numberFormats);
  const strings = sharedStrings(columns.length);
  const sheet = streamedPart('xl/worksheets/sheet1.xml', pieceBytes);
  const cols = spec.widths.map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`).join('');
  const head =
    `${XML_HEAD}<worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}">` +
    '<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>' +
    `<sheetFormatPr defaultRowHeight="15"/>${cols ? `<cols>${cols}</cols>` : ''}<sheetData>`;
  sheet.write(head);
  // A row never splits across buffers: room for the widest row is kept beyond the chunk's size.
  const rowBytes = 32 + columns.length * MAX_CELL_BYTES;
  const capacity = Math.max(chunkBytes, 1) + rowBytes;
  let out = Buffer.allocUnsafe(capacity);
  let at = 0;
  let rowNumber = 0;
  const digits = new Uint8Array(10);
  const ROW_OPEN = asciiBytes('<row r="');
  const ROW_OPEN_END = asciiBytes('">');
  const ROW_CLOSE = asciiBytes('</row>');
  const opening = columns.map((column) => asciiBytes(`<c r="${column}`));
  const headerStyle = columns.map(() => '" s="1"');
  const bodyStyle = columns.map((_, i) => (styleOf[i] ? `" s="${styleOf[i]}"` : '"'));
  // A column mostly repeats the row above (记, RMB, a voucher's date and summary on each of its
  // lines): the cell after its reference is then the same bytes, made once.
  const lastValue: (SheetCell | undefined)[] = columns.map(() => undefined);
  const rest = columns.map(() => new Uint8Array(MAX_CELL_BYTES));
  const restLength = columns.map(() => 0);
  const styleBytes = (style: string[]) => style.map((s) => [asciiBytes(`${s} t="s"><v>`), asciiBytes(`${s}><v>`)] as const);
  const headerStyleBytes = styleBytes(headerStyle);
  const bodyStyleBytes = styleBytes(bodyStyle);
  const CELL_CLOSE = asciiBytes('</v></c>');
  /**
   * The cell after its reference (style, type, value), into the column's own bytes. Plain loops, no
   * closures: this runs for most cells of a sheet.
   */
  const setRest = (i: number, value: Exclude<SheetCell, null>, style: readonly (readonly [Uint8Array, Uint8Array])[]): void => {
    const bytes = rest[i]!;
    const text = typeof value === 'string';
    const head = style[i]![text ? 0 : 1];
    let n = 0;
    for (let k = 0; k < head.length; k++) bytes[n++] = head[k]!;
    let number = text ? strings.indexOf(value, i) : typeof value === 'number' ? value : (value.getTime() - EXCEL_EPOCH_MS) / 86_400_000;
    if (Number.isSafeInteger(number) && number >= 0) {
      let width = 1;
      for (let left = number; left >= 10; left = Math.floor(left / 10)) width += 1;
      for (let k = n + width - 1; k >= n; k--) {
        bytes[k] = 48 + (number % 10);
        number = Math.floor(number / 10);
      }
      n += width;
    } else {
      const digits = String(number);
      for (let k = 0; k < digits.length; k++) bytes[n++] = digits.charCodeAt(k);
    }
    for (let k = 0; k < CELL_CLOSE.length; k++) bytes[n++] = CELL_CLOSE[k]!;
    restLength[i] = n;
  };
  /**
   * Where each column's cell of the row just written lies in `out` (-1: the row had none), and how
   * many digits that row's number had (0: the row is not in `out`, which was just handed over).
   */
  const cellStart = new Int32Array(columns.length).fill(-1);
  const cellEnd = new Int32Array(columns.length);
  let previousDigits = 0;
  /** Where a copied cell's row number is, to be brought up to this row's. */
  const patchAt = new Int32Array(columns.length);
  const flush = (): void => {
    previousDigits = 0;
    if (at === 0) return;
    sheet.writeBytes(out.subarray(0, at));
    out = sheet.recycled(capacity);
    at = 0;
  };

  /**
   * Copies in plain loops into locals: most of a sheet's bytes are written here. A cell the same as
   * the one above it (most of a voucher line's 37: RMB, 记, the voucher's date, number and summary)
   * is the same bytes but for the row number in its reference: the run of such cells is copied from
   * the row above in one `copyWithin`, then each one's last digits are changed, usually one byte.
   */
  const addRow = (values: readonly SheetCell[], style: readonly (readonly [Uint8Array, Uint8Array])[]): boolean => {
    rowNumber += 1;
    let digitCount = 1;
    for (let n = rowNumber; n >= 10; n = Math.floor(n / 10)) digitCount += 1;
    for (let k = digitCount - 1, n = rowNumber; k >= 0; k--, n = Math.floor(n / 10)) digits[k] = 48 + (n % 10);
    if (capacity - at < rowBytes) flush();
    // From the row above to this one the last digit changes, and one more for each trailing 0.
    let changedDigits = 1;
    for (let n = rowNumber; n % 10 === 0 && changedDigits < digitCount; n /= 10) changedDigits += 1;
    const copying = previousDigits === digitCount;
    const bytes = out;
    let p = at;
    for (let k = 0; k < ROW_OPEN.length; k++) bytes[p++] = ROW_OPEN[k]!;
    for (let k = 0; k < digitCount; k++) bytes[p++] = digits[k]!;
    for (let k = 0; k < ROW_OPEN_END.length; k++) bytes[p++] = ROW_OPEN_END[k]!;
    /** The run of cells being copied from the row above: where it starts and ends there (-1: none). */
    let runFrom = -1;
    let runTo = -1;
    let patches = 0;
    for (let i = 0; i < columns.length; i++) {
      const value = values[i];
      if (value === null || value === undefined || (typeof value === 'number' && !Number.isFinite(value))) {
        cellStart[i] = -1;
        continue;
      }
      const same = value === lastValue[i];
      if (!same) {
        lastValue[i] = value;
        setRest(i, value, style);
      } else if (typeof value === 'string') strings.reuse();
      const above = cellStart[i]!;
      const copied = same && copying && above >= 0;
      // The run so far is copied once a cell does not continue it: written afresh, or copied from elsewhere.
      if (runFrom >= 0 && !(copied && above === runTo)) {
        bytes.copyWithin(p, runFrom, runTo);
        p += runTo - runFrom;
        runFrom = -1;
      }
      if (copied) {
        if (runFrom < 0) runFrom = above;
        const start = p + (above - runFrom);
        runTo = cellEnd[i]!;
        cellStart[i] = start;
        cellEnd[i] = start + (runTo - above);
        patchAt[patches++] = start + opening[i]!.length + digitCount - changedDigits;
        continue;
      }
      cellStart[i] = p;
      const open = opening[i]!;
      for (let k = 0; k < open.length; k++) bytes[p++] = open[k]!;
      for (let k = 0; k < digitCount; k++) bytes[p++] = digits[k]!;
      const cell = rest[i]!;
      const length = restLength[i]!;
      for (let k = 0; k < length; k++) bytes[p++] = cell[k]!;
      cellEnd[i] = p;
    }
    if (runFrom >= 0) {
      bytes.copyWithin(p, runFrom, runTo);
      p += runTo - runFrom;
    }
    const firstChanged = digitCount - changedDigits;
    for (let j = 0; j < patches; j++) {
      const to = patchAt[j]!;
      for (let k = 0; k < changedDigits; k++) bytes[to + k] = digits[firstChanged + k]!;
    }
    for (let k = 0; k < ROW_CLOSE.length; k++) bytes[p++] = ROW_CLOSE[k]!;
    at = p;
    previousDigits = digitCount;
    if (at < chunkBytes) return false;
    flush();
    return true;
  };
  addRow(spec.header, headerStyleBytes);
  lastValue.fill(undefined); // the header's cells carry the header's style

  return {
    addRow: (values: readonly SheetCell[]): boolean => addRow(values, bodyStyleBytes),
    addRows(rows: readonly (readonly SheetCell[])[]): void {
      for (const values of rows) addRow(values, bodyStyleBytes);
    },
    caughtUp: () => sheet.caughtUp(),
    async finish(): Promise<Buffer> {
      const last = columns.at(-1) ?? 'A';
      const sheetName = xmlText(spec.name);
      flush();
      sheet.write(`</sheetData><autoFilter ref="A1:${last}1"/></worksheet>`);
      const [sheetPart, stringsPart] = await Promise.all([sheet.end(), strings.part(STRINGS_CHUNK_CHARS, pieceBytes)]);
      return zip([
        packedPart(
          '[Content_Types].xml',
          `${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
            '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
            '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' +
            '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>' +
            '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>',
        ),
        packedPart(
          '_rels/.rels',
          `${XML_HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
            `<Relationship Id="rId1" Type="${REL_NS}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
        ),
        packedPart(
          'xl/workbook.xml',
          `${XML_HEAD}<workbook xmlns="${MAIN_NS}" xmlns:r="${REL_NS}"><sheets><sheet name="${sheetName}" sheetId="1" r:id="rId1"/></sheets>` +
            `<definedNames><definedName name="_xlnm._FilterDatabase" localSheetId="0" hidden="1">'${sheetName.replace(/'/g, "''")}'!$A$1:$${last}$1</definedName></definedNames></workbook>`,
        ),
        packedPart(
          'xl/_rels/workbook.xml.rels',
          `${XML_HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
            `<Relationship Id="rId1" Type="${REL_NS}/worksheet" Target="worksheets/sheet1.xml"/>` +
            `<Relationship Id="rId2" Type="${REL_NS}/styles" Target="styles.xml"/>` +
            `<Relationship Id="rId3" Type="${REL_NS}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
        ),
        packedPart('xl/styles.xml', stylesXml),
        stringsPart,
        sheetPart,
      ]);
    },
  };
}
