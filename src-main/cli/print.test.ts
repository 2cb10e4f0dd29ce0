import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { chromiumAvailable } from '../../e2e/harness';
import { backendOn } from '../backend/backend';
import { openDatabase } from '../db/connection';
import { migrate } from '../db/migrate';
import { ownerApi } from '../db/test-db';
import { AREAS } from '../domain/areas';
import type { PrintSheet } from '../domain/print/print.contract';
import { GIFT_BOX_NOTE, transferNotesArea } from '../domain/print/print.test-area';
import { runCli } from './commands';
import { printToPdf } from './print';

// Real PDFs from headless Chromium, read back with poppler's pdftotext (Debian: poppler-utils).

const PDFTOTEXT = '/usr/bin/pdftotext';

function popplerAvailable(): boolean {
  if (fs.existsSync(PDFTOTEXT)) return true;
  if (process.env.CI === 'true') throw new Error(`pdftotext not found at ${PDFTOTEXT} (apt-get install -y poppler-utils); CI must run the print tests.`);
  console.warn(`\n*** SKIPPING the printed PDF tests: pdftotext not found at ${PDFTOTEXT} ***\n`);
  return false;
}

const canPrint = chromiumAvailable() && popplerAvailable();

async function cli(...argv: string[]): Promise<{ code: number | null; stdout: string }> {
  let stdout = '';
  const code = await runCli(argv, { stdout: { write: (t: string) => (stdout += t) }, stderr: { write: (t: string) => (stdout += t) } });
  return { code, stdout };
}

function pdfText(file: string, page?: number): string {
  const pages = page === undefined ? [] : ['-f', String(page), '-l', String(page)];
  return execFileSync(PDFTOTEXT, ['-layout', ...pages, file, '-'], { encoding: 'utf8' });
}

/** The 序号 of each lines-table row printed on the page, in the order they appear. */
function lineNumbersOn(text: string): number[] {
  return [...text.matchAll(/^\s*(\d+)\s+SP-\d{5}\s/gm)].map((match) => Number(match[1]));
}

describe.skipIf(!canPrint)('print KIND NUMBER --out FILE.pdf', () => {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'desk-erp-print-'));
  const db = path.join(folder, 'desk-erp.sqlite');

  beforeAll(async () => {
    await cli('init', '--db', db, '--company', '南京博雅食品有限公司', '--owner', 'boss', '--password', 'secret-123');
    const letterhead = { companyAddress: '南京市玄武区中山路 18 号', companyPhone: '025-8451 2233', companyBank: '中国工商银行南京中山路支行', companyBankAccount: '4301 0123 0910 0123 456' };
    expect((await cli('call', 'settings.update', '--db', db, '--input', JSON.stringify(letterhead))).code).toBe(0);
  });

  it('prints a 60-line order confirmation over several pages, no line split, the header on every page, the 大写 total at the end', async () => {
    const out = path.join(folder, 'order.pdf');
    const result = await cli('print', 'sample_order_confirmation', '60', '--db', db, '--out', out, '--json');
    expect(result.code).toBe(0);
    const printed = (JSON.parse(result.stdout) as { data: { pages: number } }).data;
    expect(printed).toMatchObject({ file: out, kind: 'sample_order_confirmation', number: 'SO-2026-000315' });
    expect(printed.pages).toBeGreaterThanOrEqual(2);

    const sheet = (JSON.parse((await cli('call', 'print.document', '--db', db, '--input', '{"kind":"sample_order_confirmation","ref":"60"}', '--json')).stdout) as { data: PrintSheet }).data;
    const whole = pdfText(out);
    expect(whole).toContain('南京博雅食品有限公司');
    expect(whole).toContain('开户行：中国工商银行南京中山路支行');
    expect(whole).toMatch(/销\s*售\s*订\s*单\s*确\s*认\s*书\s+单号 SO-2026-000315/);
    expect(whole.replace(/\s+/g, '')).toContain(`人民币${sheet.document.amountInWords}`);

    const perPage = Array.from({ length: printed.pages }, (_, i) => pdfText(out, i + 1));
    const numbers = perPage.map(lineNumbersOn);
    expect(numbers.flat()).toEqual(Array.from({ length: 60 }, (_, i) => i + 1));
    for (const [i, text] of perPage.entries()) {
      if (numbers[i]!.length > 0) expect(text, `page ${i + 1} repeats the column headings`).toMatch(/序号\s+商品编码\s+名称\s+规格型号/);
      // The gift box's name wraps onto a second line inside its cell; both halves stay on one page.
      expect(text.split('有机冷榨山茶油').length, `page ${i + 1} keeps wrapped lines whole`).toBe(text.split('与手提袋）').length);
      expect(text.replace(/\s+/g, '')).toContain(`第${i + 1}页/共${printed.pages}页`);
    }
    const last = perPage.at(-1)!;
    expect(last).toContain('合计金额（大写）');
    expect(last).toContain('客户确认（签字/盖章）');
  });

  it('moves a line that wraps onto several lines to the next page whole rather than cutting it at the break', async () => {
    const conn = openDatabase(':memory:');
    migrate(conn.sqlite);
    const backend = backendOn(conn, [...AREAS, transferNotesArea]);
    try {
      const api = await ownerApi(backend);
      const out = path.join(folder, 'gift-boxes.pdf');
      const printed = await printToPdf(backend, api.session, { kind: 'transfer_note', ref: GIFT_BOX_NOTE.number, language: 'zh-CN', out });
      expect(printed.pages).toBeGreaterThanOrEqual(2);
      const perPage = Array.from({ length: printed.pages }, (_, i) => pdfText(out, i + 1));
      // Each gift box's name starts its cell with 定制中秋礼盒 and ends it with 批）, two or three text lines below.
      const starts = perPage.map((text) => text.split('定制中秋礼盒').length - 1);
      expect(perPage.map((text) => text.split('批）').length - 1)).toEqual(starts);
      expect(starts.reduce((sum, count) => sum + count, 0)).toBe(45);
    } finally {
      backend.close();
    }
  });

  it('prints the delivery note the customer signs, and in English on request', async () => {
    const out = path.join(folder, 'delivery.pdf');
    expect((await cli('print', 'sample_delivery_note', '3', '--db', db, '--out', out)).code).toBe(0);
    const text = pdfText(out);
    expect(text).toMatch(/送\s*货\s*单/);
    expect(text).toContain('收货人签字：');
    expect(text).toContain('日期：');
    expect(text).toContain('以上货物已按数量、规格验收无误');

    const english = path.join(folder, 'delivery-en.pdf');
    expect((await cli('print', 'sample_delivery_note', '3', '--db', db, '--out', english, '--lang', 'en')).code).toBe(0);
    const en = pdfText(english);
    expect(en).toContain('Delivery Note');
    expect(en).toContain('Received by (signature):');
    expect(en).toMatch(/Amount in words: RMB\s+\S+元/);
  });

  it('refuses a language, a file name or a kind it cannot print, and writes nothing', async () => {
    const out = path.join(folder, 'refused.pdf');
    const french = await cli('print', 'sample_delivery_note', '3', '--db', db, '--out', out, '--lang', 'fr');
    // A usage mistake exits 2, like every other command's.
    expect(french.code).toBe(2);
    expect(french.stdout).toContain('--lang must be one of zh-CN, en, zh-TW');
    expect((await cli('print', 'sample_delivery_note', '3', '--db', db, '--out', path.join(folder, 'refused.png'))).stdout).toContain('--out must name a .pdf file');
    const unknown = await cli('print', 'invoice', 'INV-1', '--db', db, '--out', out);
    expect(unknown.code).toBe(1);
    expect(unknown.stdout).toContain('printable kinds: ');
    expect(unknown.stdout).toContain('sample_delivery_note');
    expect(fs.existsSync(out)).toBe(false);
  });
});
