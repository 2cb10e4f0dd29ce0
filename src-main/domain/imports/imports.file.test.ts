import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../api/errors';
import { readSpreadsheet } from './imports.file';
import { SPREADSHEET_LIMITS } from './imports.limits';
import { lines } from './imports.test-helpers';
import { inlineRow, peakMemoryGrowth, xlsxOfRepeatedRows } from './imports.zip.test-helpers';

const MB = 1024 * 1024;

/** The refusal a read ends in: its first issue, which names the limit, with the error's fuller English message. */
async function refusal(read: Promise<unknown>) {
  const error = await read.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe('VALIDATION');
  return { ...(error as AppError).issues![0]!, errorMessage: (error as AppError).message };
}

function rowsOf(from: number, to: number, values: string[]): string {
  let xml = '';
  for (let r = from; r <= to; r++) xml += inlineRow(r, values);
  return xml;
}

describe('XLSX limits', () => {
  it('refuses a zip bomb from its declared size, before inflating it', async () => {
    // Two MB on disk, 600 MB of sheet XML once inflated.
    const { file, sheetBytes } = xlsxOfRepeatedRows(inlineRow(1, ['x'.repeat(40)]).repeat(10_000), 600);
    expect(file.length).toBeLessThan(3 * MB);
    expect(sheetBytes).toBeGreaterThan(500 * MB);
    const { result, seconds, growthMb } = await peakMemoryGrowth(() => readSpreadsheet('客户.xlsx', file));
    const issue = await refusal(Promise.reject(result));
    expect(issue).toMatchObject({ path: 'contentBase64', code: 'file_too_large', params: { part: 'xl/worksheets/sheet1.xml', size: `${Math.round(sheetBytes / MB)} MB`, max: '256 MB' } });
    expect(issue.errorMessage).toContain('at most 256 MB');
    expect(seconds).toBeLessThan(10);
    expect(growthMb).toBeLessThan(300);
  });

  it('refuses a sheet that inflates past the size its zip header declares, while inflating', async () => {
    const { file } = xlsxOfRepeatedRows(inlineRow(1, ['x'.repeat(40)]).repeat(10_000), 600, { declaredSize: 1 * MB });
    const { result, seconds, growthMb } = await peakMemoryGrowth(() => readSpreadsheet('客户.xlsx', file));
    const issue = await refusal(Promise.reject(result));
    expect(issue).toMatchObject({ code: 'file_too_large', params: { part: 'xl/worksheets/sheet1.xml', max: '1 MB' } });
    expect(seconds).toBeLessThan(10);
    expect(growthMb).toBeLessThan(300);
  });

  it('refuses 7 million rows within seconds and in bounded memory, by size or by row count', async () => {
    // Like the salesperson's upload: tens of MB on disk, 7 million rows.
    const { file, sheetBytes } = xlsxOfRepeatedRows(rowsOf(1, 10_000, ['南京博雅食品有限公司', '13912345678']), 700);
    expect(file.length).toBeLessThan(64 * MB);
    // As uploaded: the sheet's size gives it away before a row is read.
    const bySize = await peakMemoryGrowth(() => readSpreadsheet('客户.xlsx', file));
    expect(await refusal(Promise.reject(bySize.result))).toMatchObject({ code: 'file_too_large', params: { size: `${Math.round(sheetBytes / MB)} MB` } });
    expect(bySize.seconds).toBeLessThan(10);
    // With no size limit, the row count stops it at row 200,001 as the rows stream past.
    const byRows = await peakMemoryGrowth(() => readSpreadsheet('客户.xlsx', file, { ...SPREADSHEET_LIMITS, maxSheetBytes: 2 ** 32 - 1 }));
    const issue = await refusal(Promise.reject(byRows.result));
    expect(issue).toMatchObject({ code: 'too_many_rows', params: { max: 200_000 } });
    expect(issue.errorMessage).toContain('more than 200,000 rows');
    expect(byRows.seconds).toBeLessThan(10);
    expect(byRows.growthMb).toBeLessThan(300);
  }, 30_000);

  it('refuses a sheet with megabytes of text outside any tag (one giant cell, or a sea of blanks)', async () => {
    const { file } = xlsxOfRepeatedRows(' '.repeat(MB), 50);
    const { result, seconds } = await peakMemoryGrowth(() => readSpreadsheet('客户.xlsx', file));
    expect(await refusal(Promise.reject(result))).toMatchObject({ code: 'cell_too_long' });
    expect(seconds).toBeLessThan(10);
  });

  it('refuses a row wider than the column limit and a cell longer than Excel allows', async () => {
    const wide = xlsxOfRepeatedRows(`<row r="1"><c r="A1" t="inlineStr"><is><t>名称</t></is></c><c r="HZ1" t="inlineStr"><is><t>x</t></is></c></row>`, 1);
    expect(await refusal(readSpreadsheet('客户.xlsx', wide.file))).toMatchObject({ code: 'too_many_columns', params: { max: 200, line: 1, columns: 234 } });
    const long = xlsxOfRepeatedRows(rowsOf(1, 2, ['名称', 'y'.repeat(40_000)]), 1);
    expect(await refusal(readSpreadsheet('客户.xlsx', long.file))).toMatchObject({ code: 'cell_too_long', params: { max: 32_767, line: 1, column: 'B' } });
  });

  it('reads a streamed sheet that has no shared strings, with its rows and line numbers', async () => {
    const { file } = xlsxOfRepeatedRows(rowsOf(1, 3, ['南京博雅食品有限公司', '13912345678']) + rowsOf(5, 5, ['上海申达贸易有限公司', '13811112222']), 1);
    const read = await readSpreadsheet('客户.xlsx', file);
    expect(read).toMatchObject({ encoding: 'xlsx', delimiter: null });
    expect(read.records.map((r) => r.line)).toEqual([1, 2, 3, 5]);
    expect(read.records[3]!.cells).toEqual(['上海申达贸易有限公司', '13811112222']);
  });
});

describe('CSV limits and lines', () => {
  it('refuses more than 200,000 rows', async () => {
    const file = Buffer.from('客户名称\r\n' + '南京博雅\r\n'.repeat(200_000));
    expect(await refusal(readSpreadsheet('客户.csv', file))).toMatchObject({ code: 'too_many_rows', params: { max: 200_000 } });
  });

  it('names the line of a row that is too wide, a cell that is too long and a quote never closed', async () => {
    expect(await refusal(readSpreadsheet('客户.csv', Buffer.from(lines('名称,手机', 'a,b', Array(201).fill('x').join(',')))))).toMatchObject({
      code: 'too_many_columns',
      params: { line: 3, columns: 201 },
    });
    expect(await refusal(readSpreadsheet('客户.csv', Buffer.from(lines('名称,备注', 'a,b', `c,"${'长'.repeat(33_000)}"`))))).toMatchObject({
      code: 'cell_too_long',
      params: { line: 3, column: 'B' },
    });
    expect(await refusal(readSpreadsheet('客户.csv', Buffer.from(lines('名称,备注', 'a,b', 'c,"never closed', 'd,e'))))).toMatchObject({
      code: 'malformed_csv',
      params: { line: 3 },
    });
  });

  it('knows the line each record starts on across quoted line breaks of every kind', async () => {
    const text = '名称,备注\r\n"南京\r\n博雅",a\n"上海\n申达\r杭州",b\r\r\n,,\r\n最后,"引""号"';
    const read = await readSpreadsheet('客户.csv', Buffer.from(text));
    expect(read.records).toEqual([
      { line: 1, cells: ['名称', '备注'] },
      { line: 2, cells: ['南京\r\n博雅', 'a'] },
      { line: 4, cells: ['上海\n申达\r杭州', 'b'] },
      { line: 9, cells: ['最后', '引"号'] },
    ]);
  });

  it('reads the same records from bytes, a file path and a stream', async () => {
    const bytes = iconv.encode(lines('客户名称,手机', '南京博雅食品有限公司,13912345678'), 'gbk');
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'desk-erp-read-')), '客户.csv');
    fs.writeFileSync(file, bytes);
    const expected = { encoding: 'gbk', delimiter: ',', records: [{ line: 1, cells: ['客户名称', '手机'] }, { line: 2, cells: ['南京博雅食品有限公司', '13912345678'] }] };
    expect(await readSpreadsheet('客户.csv', bytes)).toEqual(expected);
    expect(await readSpreadsheet('客户.csv', file)).toEqual(expected);
    expect(await readSpreadsheet('客户.csv', Readable.from([bytes.subarray(0, 5), bytes.subarray(5)]))).toEqual(expected);
  });
});

describe('CSV encodings', () => {
  const CHINESE = lines('客户名称,联系人,手机', '南京博雅食品有限公司,周博雅,13912345678', '上海申达贸易有限公司,李明,13811112222');

  it('refuses a Shift-JIS file, naming the encoding', async () => {
    const sjis = iconv.encode(lines('顧客名,担当者,電話番号', '株式会社サンプル,山田太郎,03-1234-5678', 'テスト商事,鈴木花子,06-9876-5432'), 'shift_jis');
    const issue = await refusal(readSpreadsheet('顧客.csv', sjis));
    expect(issue).toMatchObject({ path: 'contentBase64', code: 'unsupported_encoding', params: { encoding: 'Shift_JIS' } });
    expect(issue.errorMessage).toContain('Shift_JIS');
  });

  it('refuses a Latin-1 file, naming the encoding, even when its bytes happen to be valid GBK', async () => {
    const latin1 = iconv.encode(lines('Name,Stadt,Straße', 'Müller GmbH,München,Hauptstraße 5', 'Café Zoë,Köln,Rüdesheimer Weg 2'), 'latin1');
    expect(await refusal(readSpreadsheet('kunden.csv', latin1))).toMatchObject({ code: 'unsupported_encoding', params: { encoding: 'ISO-8859-1' } });
    const gbkShaped = iconv.encode(lines('Name,Stadt', 'Müller,München', 'Jürgen,Düsseldorf', 'Björk,Göteborg'), 'latin1');
    expect(await refusal(readSpreadsheet('kunden.csv', gbkShaped))).toMatchObject({ code: 'unsupported_encoding' });
  });

  it('refuses Big5, which Taiwanese Excel saves', async () => {
    const big5 = iconv.encode(lines('客戶名稱,聯絡人,手機', '台北博雅食品有限公司,周博雅,0912345678', '高雄申達貿易有限公司,李明,0922333444'), 'big5');
    expect(await refusal(readSpreadsheet('客戶.csv', big5))).toMatchObject({ code: 'unsupported_encoding', params: { encoding: 'Big5' } });
  });

  it('still reads short GBK files whose few characters fool the detector', async () => {
    for (const text of [lines('姓名,手机,类型'), lines('公司,人'), CHINESE]) {
      const read = await readSpreadsheet('客户.csv', iconv.encode(text, 'gbk'));
      expect(read.encoding).toBe('gbk');
      expect(read.records[0]!.cells[0]).toBe(text.split(',')[0]);
    }
  });

  it('reads UTF-16 saved without a byte-order mark', async () => {
    const read = await readSpreadsheet('客户.txt', iconv.encode(CHINESE.replaceAll(',', '\t'), 'utf-16le'));
    expect(read).toMatchObject({ encoding: 'utf-16le', delimiter: '\t' });
    expect(read.records[1]!.cells).toEqual(['南京博雅食品有限公司', '周博雅', '13912345678']);
  });

  it('drops NUL bytes that some exporters leave in the text', async () => {
    const read = await readSpreadsheet('客户.csv', Buffer.from(lines('客户名称,手机', '南京博雅\0食品有限公司,139\u0000123\u000045678')));
    expect(read.records[1]!.cells).toEqual(['南京博雅食品有限公司', '13912345678']);
  });
});
