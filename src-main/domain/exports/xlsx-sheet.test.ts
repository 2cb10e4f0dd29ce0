import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { xlsxSheetWriter } from './xlsx-sheet';

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
});
