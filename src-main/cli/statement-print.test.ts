import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { z } from 'zod';
import { beforeAll, describe, expect, it } from 'vitest';
import { chromiumAvailable } from '../../e2e/harness';
import { method } from '../api/method';
import { backendOn } from '../backend/backend';
import { openDatabase } from '../db/connection';
import { migrate } from '../db/migrate';
import { ownerApi } from '../db/test-db';
import { defineArea } from '../domain/area';
import { AREAS } from '../domain/areas';
import { amountInWords } from '../domain/core/money';
import { statementPdf } from '../domain/statements/statement-pdf';
import { runCli } from './commands';

// The 对账单 as the customer receives it: a real PDF from headless Chromium, read back with pdftotext.

const PDFTOTEXT = '/usr/bin/pdftotext';
const canPrint = chromiumAvailable() && (fs.existsSync(PDFTOTEXT) || process.env.CI === 'true');

async function cli(...argv: string[]): Promise<{ code: number | null; stdout: string }> {
  let stdout = '';
  const code = await runCli(argv, { stdout: { write: (t: string) => (stdout += t) }, stderr: { write: (t: string) => (stdout += t) } });
  return { code, stdout };
}

async function call(db: string, name: string, input: unknown): Promise<{ id: string } & Record<string, unknown>> {
  const result = await cli('call', name, '--db', db, '--input', JSON.stringify(input), '--json');
  expect(result.code, result.stdout).toBe(0);
  return (JSON.parse(result.stdout) as { data: { id: string } }).data;
}

/** No spaces: pdftotext spaces out letter-spaced titles and wraps long lines. */
function pdfText(file: string): string {
  return execFileSync(PDFTOTEXT, ['-layout', file, '-'], { encoding: 'utf8' });
}

describe.skipIf(!canPrint)('print statement ST-… --out FILE.pdf', () => {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'desk-erp-statement-'));
  const db = path.join(folder, 'desk-erp.sqlite');
  let statementId = '';

  beforeAll(async () => {
    await cli('init', '--db', db, '--company', '南京博雅食品有限公司', '--owner', 'boss', '--password', 'secret-123');
    await call(db, 'settings.update', { companyAddress: '南京市玄武区中山路 18 号', companyBank: '中国工商银行南京中山路支行', companyBankAccount: '4301 0123 0910 0123 456' });
    const customer = await call(db, 'customers.create', { name: '苏州恒通建材有限公司', mobile: '13800001234', paymentTermsDays: 30 });
    const line = (unitPrice: number) => [{ description: '安装服务', quantity: 1, unitPrice, vatRate: 1300 }];
    await call(db, 'receivables.invoiceServices', { customerId: customer.id, invoiceDate: '2026-02-10', lines: line(100_000) });
    await call(db, 'receivables.invoiceServices', { customerId: customer.id, invoiceDate: '2026-03-03', lines: line(1_234_567) });
    await call(db, 'receivables.createReceipt', { customerId: customer.id, receiptDate: '2026-03-20', method: 'bank_transfer', amount: 600_000, reference: 'HX20260320-88' });
    const draft = await call(db, 'statements.create', { customerId: customer.id, periodFrom: '2026-03-01', periodTo: '2026-03-31' });
    await call(db, 'statements.markSent', { id: draft.id, sentOn: '2026-04-02' });
    statementId = draft.id;
  }, 180_000);

  it('prints the statement with the letterhead, every line, the closing balance in figures and in 大写, and the confirmation slip', async () => {
    const out = path.join(folder, 'statement.pdf');
    const result = await cli('print', 'statement', 'ST-2026-000001', '--db', db, '--out', out, '--json');
    expect(result.code, result.stdout).toBe(0);
    const text = pdfText(out);
    const flat = text.replace(/\s+/g, '');
    expect(flat).toContain('南京博雅食品有限公司');
    expect(flat).toContain('对账单单号ST-2026-000001');
    expect(flat).toContain('客户名称：苏州恒通建材有限公司');
    expect(flat).toContain('对账期间：2026-03-01~2026-03-31');
    expect(text).toMatch(/2026-03-01\s+期初余额\s+¥1,000\.00/);
    expect(text).toMatch(/2026-03-03\s+销售发票\s+INV-2026-000002\s+¥12,345\.67\s+¥13,345\.67/);
    expect(text).toMatch(/2026-03-20\s+收款\s+SK-2026-000001\s+HX20260320-88\s+¥6,000\.00\s+¥7,345\.67/);
    // Opening ¥1,000.00 + ¥12,345.67 − ¥6,000.00.
    expect(flat).toContain(`期末应收余额（大写）：人民币${amountInWords(734_567)}`);
    expect(amountInWords(734_567)).toBe('柒仟叁佰肆拾伍元陆角柒分');
    expect(flat).toContain('客户确认栏');
    expect(flat).toContain('以上对账无误。');
    expect(flat).toContain('如有不符，请注明不符金额及原因：');
    expect(flat).toContain('盖章：');
  }, 180_000);

  it('prints it in English on request', async () => {
    const out = path.join(folder, 'statement-en.pdf');
    expect((await cli('print', 'statement', statementId, '--db', db, '--out', out, '--lang', 'en')).code).toBe(0);
    const text = pdfText(out);
    expect(text).toContain('Statement of Account');
    expect(text).toContain('Customer confirmation');
    expect(text).toMatch(/Closing balance in words: RMB\s+柒仟叁佰肆拾伍元陆角柒分/);
  }, 180_000);

  it('renders an unsaved statement for a period to a PDF for another area to attach (dunning)', async () => {
    const conn = openDatabase(':memory:');
    migrate(conn.sqlite);
    // Stands in for the dunning area, which calls statementPdf from its own handler.
    const reminders = defineArea({
      name: 'reminder_test',
      contract: { 'reminder_test.attach': method<{ bytes: number }>()({ input: z.object({ customerId: z.string(), out: z.string() }), permission: 'signedIn', mutates: false }) },
      handlers: {
        'reminder_test.attach': async (input, ctx) => {
          const pdf = await statementPdf(ctx, { customerId: input.customerId, periodFrom: '2026-01-01', periodTo: '2026-06-30' });
          fs.writeFileSync(input.out, pdf);
          return { bytes: pdf.length };
        },
      },
    });
    const backend = backendOn(conn, [...AREAS, reminders]);
    try {
      const api = await ownerApi(backend);
      const customer = await api.ok('customers.create', { name: '无锡惠山玉兰面馆', mobile: '13900004321' });
      await api.ok('receivables.invoiceServices', { customerId: customer.id, invoiceDate: '2026-05-06', lines: [{ description: '年度维护', quantity: 1, unitPrice: 88_800, vatRate: 600 }] });
      const out = path.join(folder, 'reminder.pdf');
      const result = await backend.call({ session: api.session, transport: 'test' }, 'reminder_test.attach' as never, { customerId: customer.id, out } as never);
      expect(result).toMatchObject({ ok: true });
      const flat = pdfText(out).replace(/\s+/g, '');
      expect(flat).toContain('无锡惠山玉兰面馆');
      expect(flat).toContain('草稿（未编号）');
      expect(flat).toContain(`人民币${amountInWords(88_800)}`);
      expect(conn.sqlite.prepare('SELECT count(*) FROM statements').pluck().get()).toBe(0);
    } finally {
      backend.close();
    }
  }, 180_000);
});
