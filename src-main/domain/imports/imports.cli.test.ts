import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../cli/commands';

async function cli(...argv: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, { stdout: { write: (t: string) => (stdout += t) }, stderr: { write: (t: string) => (stderr += t) } });
  return { code, stdout, stderr };
}

async function aCompany(): Promise<{ db: string; dir: string }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'desk-erp-import-cli-'));
  const db = path.join(dir, 'erp.sqlite');
  expect((await cli('init', '--db', db, '--company', '南京博雅食品有限公司', '--owner', 'boss', '--password', 'secret-pass-1')).code).toBe(0);
  return { db, dir };
}

describe('CLI import/export customers', () => {
  it('imports a GBK CSV, prints the JSON summary and exits 0 with bad rows unless --strict', async () => {
    const { db, dir } = await aCompany();
    const file = path.join(dir, '客户.csv');
    fs.writeFileSync(file, iconv.encode('客户名称,联系人,手机\r\n南京博雅食品有限公司,周博雅,13912345678\r\n坏行有限公司,王五,123\r\n', 'gbk'));

    const dry = await cli('import', 'customers', file, '--dry-run', '--json', '--db', db);
    expect(dry.code).toBe(0);
    expect(JSON.parse(dry.stdout)).toEqual({ imported: 1, updated: 0, unchanged: 0, skipped: 1, sameAsOnFile: [], errors: [{ row: 3, field: 'contactMobile', message: expect.any(String) }] });

    const strict = await cli('import', 'customers', file, '--strict', '--json', '--db', db);
    expect(strict.code).toBe(1);
    expect(JSON.parse(strict.stdout)).toMatchObject({ imported: 0, skipped: 2 });

    const real = await cli('import', 'customers', file, '--db', db);
    expect(real.code).toBe(0);
    expect(real.stdout).toMatch(/Imported customers from .*: 1 new, 0 updated, 0 unchanged, 1 row skipped./);
    expect(real.stdout).toContain('line 3 contactMobile');

    // The same file again: 南京博雅 is on file now; --skip-existing leaves it as it is.
    const again = await cli('import', 'customers', file, '--skip-existing', '--json', '--db', db);
    expect(JSON.parse(again.stdout)).toMatchObject({ imported: 0, updated: 0, sameAsOnFile: [{ row: 2, reason: 'name', action: 'skip' }] });
  });

  it('exits 1 when the file cannot be read, 2 on a usage mistake', async () => {
    const { db, dir } = await aCompany();
    expect((await cli('import', 'customers', path.join(dir, 'missing.csv'), '--db', db)).code).toBe(1);
    const broken = path.join(dir, 'broken.xlsx');
    fs.writeFileSync(broken, Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0]));
    expect((await cli('import', 'customers', broken, '--json', '--db', db)).code).toBe(1);
    expect((await cli('import', 'orders', broken, '--db', db)).code).toBe(2);
    expect((await cli('export', 'customers', '--format', 'pdf', '--out', 'x', '--db', db)).code).toBe(2);
  });

  it('exports CSV and XLSX files', async () => {
    const { db, dir } = await aCompany();
    const file = path.join(dir, 'in.csv');
    fs.writeFileSync(file, '客户名称,手机\n南京博雅食品有限公司,13912345678\n上海申达贸易有限公司,13811112222\n');
    expect((await cli('import', 'customers', file, '--db', db)).code).toBe(0);

    const csv = path.join(dir, 'out', 'customers.csv');
    const result = await cli('export', 'customers', '--format', 'csv', '--out', csv, '--json', '--db', db);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({ ok: true, data: { file: csv, rows: 2 } });
    expect(fs.readFileSync(csv, 'utf8')).toMatch(/^\uFEFFcustomer_code,name/);

    const xlsx = path.join(dir, 'customers.xlsx');
    expect((await cli('export', 'customers', '--format', 'xlsx', '--out', xlsx, '--q', '申达', '--db', db)).code).toBe(0);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(xlsx);
    expect(workbook.worksheets[0]!.rowCount).toBe(2);
  });
});
