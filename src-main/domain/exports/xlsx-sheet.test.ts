import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { inflateRawSync } from 'node:zlib';
import { LOOKUPS_TO_JUDGE, xlsxSheetWriter } from './xlsx-sheet';

async function readBack(bytes: Buffer) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as never);
  return workbook.worksheets[0]!;
}

describe('the XLSX sheet writer', () => {
  it('writes text, numbers and dates that Excel readers take back as they were, with the header bold and frozen', async () => {
    const sheet = xlsxSheetWriter({ name: '金蝶凭证', widths: [12, 30, 14], numberFormats: ['yyyy-mm-dd', undefined, '#,##0.00'], header: ['凭证日期', '凭证摘要', '借方'] });
    sheet.addRows([
      [new Date('2026-11-05T00:00:00Z'), '销售发票 INV-2026-000001 <A&B> "南京"', 113],
      [new Date('2026-11-30T00:00:00Z'), '  前后空格  ', -12.5],
    ]);
    sheet.addRows([[null, 'bell\u0007 removed', null]]);
    const read = await readBack(await sheet.finish());
    expect(read.name).toBe('金蝶凭证');
    expect(read.rowCount).toBe(4);
    expect(read.getRow(1).getCell(1).value).toBe('凭证日期');
    expect(read.getRow(1).getCell(1).font?.bold).toBe(true);
    expect(read.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(read.getRow(2).getCell(1).value).toEqual(new Date('2026-11-05T00:00:00Z'));
    expect(read.getRow(2).getCell(1).numFmt).toBe('yyyy-mm-dd');
    expect(read.getRow(2).getCell(2).value).toBe('销售发票 INV-2026-000001 <A&B> "南京"');
    expect(read.getRow(2).getCell(3).value).toBe(113);
    expect(read.getRow(2).getCell(3).numFmt).toBe('#,##0.00');
    expect(read.getRow(3).getCell(2).value).toBe('  前后空格  ');
    expect(read.getRow(3).getCell(3).value).toBe(-12.5);
    expect(read.getRow(4).getCell(1).value).toBeNull();
    expect(read.getRow(4).getCell(2).value).toBe('bell removed');
    expect(read.getColumn(2).width).toBe(30);
  });

  it('writes a sheet with its header alone when there are no rows', async () => {
    const read = await readBack(await xlsxSheetWriter({ name: 'empty', widths: [8], numberFormats: [undefined], header: ['code'] }).finish());
    expect(read.rowCount).toBe(1);
    expect(read.getRow(1).getCell(1).value).toBe('code');
  });

  it('keeps every row whole across the chunks and pieces the sheet is deflated in, each repeated text stored once', async () => {
    // A chunk of 300 characters holds a few rows, a piece of 2,000 bytes a few chunks: the sheet
    // crosses dozens of chunk boundaries and is deflated in over a dozen separate pieces.
    const sheet = xlsxSheetWriter({ name: 'chunks', widths: [8, 20, 20, 10], numberFormats: [undefined, undefined, undefined, '#,##0.00'], header: ['n', 'word', 'text', 'amount'] }, 300, 2000);
    const tricky = ['R&D <研发> "部"', ' 前导空格', 'tab\tand\u0001control\u001f removed', ']]>', '=SUM(A1)'];
    const rows = Array.from({ length: 200 }, (_, i) => [i + 1, '记', tricky[i % tricky.length]!, i % 2 ? -(i + 0.25) : i]);
    for (const row of rows) sheet.addRow(row);
    const bytes = await sheet.finish();
    const read = await readBack(bytes);
    expect(read.rowCount).toBe(201);
    // eslint-disable-next-line no-control-regex -- the characters XML 1.0 cannot hold are dropped
    const expected = (text: string) => text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '');
    rows.forEach((row, i) => {
      const cells = (read.getRow(i + 2).values as unknown[]).slice(1);
      expect(cells).toEqual([row[0], '记', expected(row[2] as string), row[3]]);
    });
    const strings = partOf(bytes, 'xl/sharedStrings.xml');
    expect(strings.match(/<si>/g)).toHaveLength(4 + 1 + tricky.length);
    expect(strings).toContain('count="404"');
    expect(strings).toContain('<t xml:space="preserve"> 前导空格</t>');
    expect(partOf(bytes, 'xl/worksheets/sheet1.xml')).toContain('<c r="B201" t="s">');
  });

  it('stores the texts of a column that never repeats them without looking them up, and a text it repeats after all still reads back', async () => {
    const sheet = xlsxSheetWriter({ name: 'summaries', widths: [20, 8], numberFormats: [undefined, undefined], header: ['summary', 'word'] });
    const rows = Array.from({ length: LOOKUPS_TO_JUDGE + 500 }, (_, i) => [`销售发票 INV-${i}`, ['记', '收', '转'][i % 3]!]);
    rows.push(['销售发票 INV-7', '记'], ['销售发票 INV-7', '收']); // from far above, then from the row above
    for (const row of rows) sheet.addRow(row);
    const bytes = await sheet.finish();
    const read = await readBack(bytes);
    rows.forEach((row, i) => expect((read.getRow(i + 2).values as unknown[]).slice(1)).toEqual(row));
    const strings = partOf(bytes, 'xl/sharedStrings.xml');
    // The summaries once each but INV-7 twice (the second time not looked up); the words once each, as they repeat.
    expect(strings.match(/<si>/g)).toHaveLength(2 + rows.length - 1 + 3);
    expect(strings.match(/<t>销售发票 INV-7<\/t>/g)).toHaveLength(2);
    expect(strings.match(/<t>收<\/t>/g)).toHaveLength(1);
  });

  it('writes each cell as the XML text of its value, row and column references included, with numbers of every shape as JavaScript prints them', async () => {
    // The rows are bytes written digit by digit: the sheet must read exactly as a plain template writes it.
    const numbers = [0, 7, 10, 99, 100, 123456789, -1, -12.5, 0.1 + 0.2, 1e21, 2 ** 53 + 2, 1.5e-7];
    const rows = Array.from({ length: 120 }, (_, i) => [numbers[i % numbers.length]!, i % 3 ? '记' : `摘要 ${i} <&>`, i % 5 ? DAY : null]);
    // A chunk of 100 bytes: every row starts a buffer of its own.
    const xml = await sheetXml(rows, 100, 500);
    expect(xml).toContain(`<sheetData>${THREE_COLUMN_HEADER}${plainRows(rows)}</sheetData>`);
  });

  it('copies the cells a row repeats from the row above with its own row number, across 9 to 10, 99 to 100 and 999 to 1000', async () => {
    // Runs of repeated cells broken by changed ones, by cells missing above or here, and by a text
    // that comes back after a gap; chunks of 4 KB so that most rows are written beside the one above.
    const rows = Array.from({ length: 1_150 }, (_, i) => [i % 7 < 5 ? Math.floor(i / 3) : null, i % 11 === 4 ? null : i % 4 ? '记' : `摘要 ${Math.floor(i / 2)}`, i % 13 ? DAY : null]);
    for (const [chunk, piece] of [[4_096, 16_384], [64 * 1024, 1 << 20]] as const) {
      const xml = await sheetXml(rows, chunk, piece);
      expect(xml).toContain(`<sheetData>${THREE_COLUMN_HEADER}${plainRows(rows)}</sheetData>`);
    }
  });
});

const DAY = new Date('2026-11-30T00:00:00Z');
const THREE_COLUMN_HEADER = '<row r="1"><c r="A1" s="1" t="s"><v>0</v></c><c r="B1" s="1" t="s"><v>1</v></c><c r="C1" s="1" t="s"><v>2</v></c></row>';
type ThreeColumnRow = (number | string | Date | null)[];

async function sheetXml(rows: ThreeColumnRow[], chunkBytes: number, pieceBytes: number): Promise<string> {
  const sheet = xlsxSheetWriter({ name: 'numbers', widths: [8, 8, 12], numberFormats: [undefined, undefined, 'yyyy-mm-dd'], header: ['n', 'text', 'date'] }, chunkBytes, pieceBytes);
  for (const row of rows) sheet.addRow(row);
  return partOf(await sheet.finish(), 'xl/worksheets/sheet1.xml');
}

/** The rows as a plain template writes them, each text by its place among the texts in order of first use. */
function plainRows(rows: ThreeColumnRow[]): string {
  const texts = [...new Set(['n', 'text', 'date', ...rows.flatMap((row) => (typeof row[1] === 'string' ? [row[1]] : []))])];
  return rows
    .map((row, i) => {
      const r = i + 2;
      const number = row[0] === null ? '' : `<c r="A${r}"><v>${row[0] as number}</v></c>`;
      const text = typeof row[1] === 'string' ? `<c r="B${r}" t="s"><v>${texts.indexOf(row[1])}</v></c>` : '';
      const date = row[2] ? `<c r="C${r}" s="2"><v>${(DAY.getTime() - Date.UTC(1899, 11, 30)) / 86_400_000}</v></c>` : '';
      return `<row r="${r}">${number}${text}${date}</row>`;
    })
    .join('');
}

/** A part of a zip written by the writer (stored sizes in the local headers, no data descriptors). */
function partOf(zip: Buffer, name: string): string {
  for (let at = 0; zip.readUInt32LE(at) === 0x04034b50; ) {
    const packedLength = zip.readUInt32LE(at + 18);
    const nameLength = zip.readUInt16LE(at + 26);
    const start = at + 30 + nameLength + zip.readUInt16LE(at + 28);
    if (zip.toString('utf8', at + 30, at + 30 + nameLength) === name) return inflateRawSync(zip.subarray(start, start + packedLength)).toString('utf8');
    at = start + packedLength;
  }
  throw new Error(`${name} is not in the file`);
}
