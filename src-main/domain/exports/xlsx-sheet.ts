/**
 * A one-sheet XLSX written as its XML parts and zipped with Node's own deflate: header row bold and
 * frozen, column widths, a number format per column, a filter on the header, text as inline
 * strings. exceljs's writer spent ~50 µs of CPU per row of a 37-column voucher sheet (a month of
 * vouchers at the large scale, 16 s); this spends a few.
 */
import { crc32, deflateRawSync } from 'node:zlib';

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

/** A cell after its `<c r="B7" s="2"` opening; nothing for an empty one. */
function cellRest(value: Exclude<SheetCell, null>): string {
  if (typeof value === 'number') return `><v>${value}</v></c>`;
  if (value instanceof Date) return `><v>${(value.getTime() - EXCEL_EPOCH_MS) / 86_400_000}</v></c>`;
  const space = value.trim() !== value ? ' xml:space="preserve"' : '';
  return ` t="inlineStr"><is><t${space}>${xmlText(value)}</t></is></c>`;
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

/** A zip of stored names and deflated contents (no zip64: an export stays far below 4 GB). */
function zip(files: { name: string; data: Buffer }[]): Buffer {
  const parts: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const file of files) {
    const name = Buffer.from(file.name, 'utf8');
    const packed = deflateRawSync(file.data, { level: 1 });
    const crc = crc32(file.data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // names in UTF-8
    local.writeUInt16LE(8, 8); // deflate
    local.writeUInt16LE(0, 10);
    local.writeUInt16LE(0x21, 12); // 1980-01-01
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(file.data.length, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28);
    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(0x02014b50, 0);
    entry.writeUInt16LE(20, 4);
    entry.writeUInt16LE(20, 6);
    local.copy(entry, 8, 6, 26);
    entry.writeUInt16LE(name.length, 28);
    entry.writeUInt32LE(offset, 42);
    parts.push(local, name, packed);
    central.push(entry, name);
    offset += local.length + name.length + packed.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(files.length, 8);
  end.writeUInt16LE(files.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...parts, directory, end]);
}

/** Rows are added as they come; `finish` zips the workbook. */
export function xlsxSheetWriter(spec: SheetSpec) {
  const columns = spec.header.map((_, i) => columnName(i));
  const { xml: stylesXml, styleOf } = stylesOf(spec.numberFormats);
  const chunks: Buffer[] = [];
  let rowNumber = 0;
  const openings = (style: (i: number) => number) => columns.map((column, i) => [`<c r="${column}`, style(i) ? `" s="${style(i)}"` : '"'] as const);
  const headerCells = openings(() => 1);
  const bodyCells = openings((i) => styleOf[i] ?? 0);
  const addRow = (values: SheetCell[], cells: typeof bodyCells) => {
    rowNumber += 1;
    const xml = [`<row r="${rowNumber}">`];
    for (let i = 0; i < values.length; i++) {
      const value = values[i];
      if (value === null || value === undefined || (typeof value === 'number' && !Number.isFinite(value))) continue;
      const [open, style] = cells[i]!;
      xml.push(open, String(rowNumber), style, cellRest(value));
    }
    xml.push('</row>');
    return xml.join('');
  };
  chunks.push(Buffer.from(addRow(spec.header, headerCells), 'utf8'));
  return {
    addRows(rows: SheetCell[][]): void {
      const xml: string[] = [];
      for (const values of rows) xml.push(addRow(values, bodyCells));
      chunks.push(Buffer.from(xml.join(''), 'utf8'));
    },
    finish(): Buffer {
      const last = columns.at(-1) ?? 'A';
      const sheetName = xmlText(spec.name);
      const cols = spec.widths.map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`).join('');
      const sheet = Buffer.concat([
        Buffer.from(
          `${XML_HEAD}<worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}">` +
            '<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>' +
            `<sheetFormatPr defaultRowHeight="15"/>${cols ? `<cols>${cols}</cols>` : ''}<sheetData>`,
          'utf8',
        ),
        ...chunks,
        Buffer.from(`</sheetData><autoFilter ref="A1:${last}1"/></worksheet>`, 'utf8'),
      ]);
      const text = (s: string) => Buffer.from(s, 'utf8');
      return zip([
        {
          name: '[Content_Types].xml',
          data: text(
            `${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
              '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
              '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
              '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' +
              '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>',
          ),
        },
        {
          name: '_rels/.rels',
          data: text(
            `${XML_HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
              `<Relationship Id="rId1" Type="${REL_NS}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
          ),
        },
        {
          name: 'xl/workbook.xml',
          data: text(
            `${XML_HEAD}<workbook xmlns="${MAIN_NS}" xmlns:r="${REL_NS}"><sheets><sheet name="${sheetName}" sheetId="1" r:id="rId1"/></sheets>` +
              `<definedNames><definedName name="_xlnm._FilterDatabase" localSheetId="0" hidden="1">'${sheetName.replace(/'/g, "''")}'!$A$1:$${last}$1</definedName></definedNames></workbook>`,
          ),
        },
        {
          name: 'xl/_rels/workbook.xml.rels',
          data: text(
            `${XML_HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
              `<Relationship Id="rId1" Type="${REL_NS}/worksheet" Target="worksheets/sheet1.xml"/>` +
              `<Relationship Id="rId2" Type="${REL_NS}/styles" Target="styles.xml"/></Relationships>`,
          ),
        },
        { name: 'xl/styles.xml', data: text(stylesXml) },
        { name: 'xl/worksheets/sheet1.xml', data: sheet },
      ]);
    },
  };
}
