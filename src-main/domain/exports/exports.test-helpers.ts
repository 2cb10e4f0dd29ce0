/** Reading back the files the exports wrote, as tests check them. */
import ExcelJS from 'exceljs';

/** A CSV file's lines without its BOM, blank lines left out. */
export function csvLines(content: Uint8Array): string[] {
  return Buffer.from(content).toString('utf8').replace(/^\uFEFF/, '').split('\r\n').filter(Boolean);
}

/** The first sheet's rows of an XLSX file, each as its cells' values from column A. */
export async function sheetRows(content: Uint8Array): Promise<unknown[][]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(content) as never);
  const rows: unknown[][] = [];
  workbook.worksheets[0]!.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  return rows;
}
