import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import type { TestApi } from '../../db/test-db';

/** A CSV upload as the API takes it; `encoding` as a Chinese Excel would save it. */
export function csvUpload(text: string, encoding: 'utf-8' | 'utf-8-bom' | 'gbk' | 'gb18030' | 'utf-16le' = 'utf-8', fileName = '客户.csv') {
  const bytes =
    encoding === 'utf-8'
      ? Buffer.from(text, 'utf8')
      : encoding === 'utf-8-bom'
        ? Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')])
        : encoding === 'utf-16le'
          ? Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(text, 'utf-16le')])
          : iconv.encode(text, encoding);
  return { fileName, contentBase64: bytes.toString('base64') };
}

/** An .xlsx upload with one sheet of the given rows. */
export async function xlsxUpload(rows: (string | number | Date | null)[][], fileName = '客户.xlsx') {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('客户');
  for (const row of rows) sheet.addRow(row);
  return { fileName, contentBase64: Buffer.from(await workbook.xlsx.writeBuffer()).toString('base64') };
}

/** Lines joined with CRLF, as Excel writes them. */
export function lines(...rows: string[]): string {
  return rows.join('\r\n') + '\r\n';
}

/** Resolves at the import's first progress event of this phase past its start. */
export function reaching(api: TestApi, jobId: string, phase: string, past = 0, then?: () => void): Promise<void> {
  return new Promise((resolve) => {
    const stop = api.backend.onEvent((event) => {
      if (event.kind === 'progress' && event.jobId === jobId && event.message === phase && event.done > past) {
        stop();
        then?.();
        resolve();
      }
    });
  });
}
