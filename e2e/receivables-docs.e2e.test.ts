import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import iconv from 'iconv-lite';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumAvailable, openAppInBrowser, screenshot, setUpCompanyThroughApi, type AppInBrowser, type RunningApp } from './harness';
import receivablesZhCN from '../src-renderer/features/receivables/messages.zh-CN';

const run = chromiumAvailable();
const TIMEOUT = 180_000;

async function callApi<T>(page: Page, method: string, input: unknown): Promise<T> {
  const result = await page.evaluate(
    async ({ method, input }) => {
      const response = await fetch(`/api/${method}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(input) });
      return (await response.json()) as { ok: boolean; data?: unknown; error?: unknown };
    },
    { method, input },
  );
  if (!result.ok) throw new Error(`${method}: ${JSON.stringify(result.error)}`);
  return result.data as T;
}

/** 工行's online-banking export: title lines, the header, GBK, a payment out among the payments in. */
function gbkStatement(): string {
  const rows = [
    '账户明细查询',
    '交易日期,对方户名,借方金额,贷方金额,摘要,交易流水号',
    '2026-11-20,南京博雅食品有限公司,,300.00,货款,HX20261120001',
    '2026-11-21,苏州天衡机械,,999.50,10月货款,HX20261121002',
    '2026-11-21,房东,2000.00,,房租,HX20261121003',
    '2026-11-22,张三,,80.00,,HX20261122004',
  ];
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'desk-erp-bank-')), '银行流水.csv');
  fs.writeFileSync(file, iconv.encode(rows.join('\r\n') + '\r\n', 'gbk'));
  return file;
}

describe.runIf(run)('receivables documents in Chromium', () => {
  let session: AppInBrowser;
  let app: RunningApp;
  let page: Page;
  let pageErrors: string[];
  let tianhengInvoice: string;

  beforeAll(async () => {
    session = await openAppInBrowser({ width: 1366, height: 900, timeoutMs: 30_000 });
    ({ app, page, pageErrors } = session);
    await page.goto(app.url);
    await setUpCompanyThroughApi(page);
    const boya = await callApi<{ id: string }>(page, 'customers.create', { name: '南京博雅食品有限公司', mobile: '13912345678', paymentTermsDays: 30 });
    const tianheng = await callApi<{ id: string }>(page, 'customers.create', { name: '苏州天衡机械有限公司', mobile: '13812345678', paymentTermsDays: 30 });
    const service = (customerId: string, gross: number) => ({ customerId, invoiceDate: '2026-11-02', lines: [{ description: '安装服务', quantity: 1, unitPrice: gross, vatRate: 1300 }] });
    await callApi(page, 'receivables.invoiceServices', service(boya.id, 50_000));
    await callApi(page, 'receivables.invoiceServices', service(boya.id, 30_000));
    tianhengInvoice = (await callApi<{ id: string }>(page, 'receivables.invoiceServices', service(tianheng.id, 100_000))).id;
  }, TIMEOUT);

  afterAll(async () => {
    await session?.close();
  });

  it(
    'imports a GBK bank statement: each payment gets its customer and invoices, the unknown payer waits for a customer',
    async () => {
      await page.locator('[data-nav="payments"]').click();
      await page.getByTestId('import-bank-statement').click();
      const chooser = page.waitForEvent('filechooser');
      await page.getByTestId('bank-choose').click();
      await (await chooser).setFiles(gbkStatement());
      await page.getByTestId('bank-lines').waitFor();
      await expect(page.getByTestId('bank-summary').textContent()).resolves.toBe('可导入 2 笔，合计 ¥1,299.50');
      // The exact-amount invoice (300 元), not the older 500 元 one.
      await expect(page.getByTestId('bank-line-3').textContent()).resolves.toContain('¥300.00');
      await expect(page.getByTestId('bank-line-4').textContent()).resolves.toContain(receivablesZhCN.bankImport.matchedOn.name_key);
      await expect(page.getByTestId('bank-line-6').textContent()).resolves.not.toContain('INV');
      await screenshot(page, 'receivables-docs-01-bank-import-1366');
      await page.setViewportSize({ width: 1024, height: 768 });
      await screenshot(page, 'receivables-docs-02-bank-import-1024');
      await page.setViewportSize({ width: 1366, height: 900 });

      await page.getByTestId('bank-submit').click();
      await page.getByText('已导入 2 笔收款，跳过 0 笔已导入的').waitFor();
      await page.getByRole('cell', { name: '苏州天衡机械有限公司' }).waitFor();
    },
    TIMEOUT,
  );

  it(
    'writes off the 0.50 元 the customer left short, from the receipt’s allocation drawer',
    async () => {
      await page.getByRole('cell', { name: '苏州天衡机械有限公司' }).click();
      const drawer = page.getByTestId('allocation-drawer');
      await drawer.waitFor();
      await expect(drawer.getByTestId('allocation-summary').textContent()).resolves.toBe('收款 ¥999.50，未核销 ¥0.00');
      const row = drawer.locator('[data-testid^="open-invoice-"]');
      await expect(row.count()).resolves.toBe(1);
      await expect(row.textContent()).resolves.toContain('¥0.50');
      await screenshot(page, 'receivables-docs-03-allocation');
      await row.getByTestId('write-off').click();
      await page.getByTestId('save-write-off').click();
      await page.getByText('已核销尾差 ¥0.50').waitFor();
      const invoice = await callApi<{ openAmount: number }>(page, 'receivables.getInvoice', { id: tianhengInvoice });
      expect(invoice.openAmount).toBe(0);
      await page.keyboard.press('Escape');

      await page.getByTestId('import-bank-statement').click();
      const chooser = page.waitForEvent('filechooser');
      await page.getByTestId('bank-choose').click();
      await (await chooser).setFiles(gbkStatement());
      await page.getByTestId('bank-lines').waitFor();
      // The same statement again: the two payments are shown as imported and not offered.
      await expect(page.getByTestId('bank-duplicate-3').textContent()).resolves.toContain('已导入为 SK-');
      await expect(page.getByTestId('bank-summary').textContent()).resolves.toBe('可导入 0 笔，合计 ¥0.00');
      await page.keyboard.press('Escape');

      expect(pageErrors).toEqual([]);
    },
    TIMEOUT,
  );
});
