import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import receivables from '../src-renderer/features/receivables/messages.zh-CN';
import vouchers from '../src-renderer/features/vouchers/messages.zh-CN';
import { chromiumAvailable, downloadedSheet, screenshot, screenshotsAtBothWidths, type AppInBrowser, type RunningApp } from './harness';
import { openSeededApp } from './seeded-app';

const run = chromiumAvailable();
const MONTH = '2026-10';

/** Kingdee K3 / KIS 标准格式凭证, the 37 columns as /shared/reference/voucher-formats.md lists them. */
const KINGDEE_HEADERS = [
  '凭证日期', '会计年度', '会计期间', '凭证字', '凭证号', '科目代码', '科目名称', '币别代码', '币别名称', '原币金额', '借方', '贷方',
  '制单', '审核', '核准', '出纳', '经办', '结算方式', '结算号', '凭证摘要', '数量', '数量单位', '单价', '参考信息', '业务日期',
  '往来业务编号', '附件数', '序号', '系统模块', '业务描述', '汇率类型', '汇率', '分录序号', '核算项目', '过账', '机制凭证', '现金流量',
];

async function apiCall<T>(page: Page, method: string, input: unknown): Promise<T> {
  const result = await page.evaluate(
    async ([m, body]) => (await fetch(`/api/${m}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) })).json(),
    [method, input] as const,
  );
  if (!result.ok) throw new Error(`${method}: ${JSON.stringify(result.error)}`);
  return result.data as T;
}

describe.runIf(run)('accounting in Chromium: close a month, a posting into it refused, its vouchers to Kingdee', () => {
  let session: AppInBrowser;
  let app: RunningApp;
  let page: Page;
  let customerName = '';

  beforeAll(async () => {
    session = await openSeededApp({
      name: 'accounting',
      username: 'chenjing',
      timeoutMs: 30_000,
      inspect: (backend) => {
        customerName = backend.conn.sqlite.prepare("SELECT name FROM customers WHERE status = 'active' ORDER BY code LIMIT 1").pluck().get() as string;
      },
    });
    ({ app, page } = session);
  }, 180_000);

  afterAll(async () => {
    await session?.close();
  });

  it("shows the month's vouchers with their entries, balanced", async () => {
    await page.locator('[data-nav="vouchers"]').click();
    await page.goto(`${app.url}#/vouchers?month=${MONTH}`);
    await page.getByTestId('entries-1').waitFor();
    await expect.poll(() => page.getByTestId('month-totals').textContent()).toContain(vouchers.list.balanced);
    await screenshotsAtBothWidths(page, 'accounting-01-vouchers');
  });

  it('closes the month after showing what it holds', async () => {
    await page.getByTestId('accounting-tab-periods').click();
    await page.getByTestId(`close-${MONTH}`).click();
    await expect.poll(() => page.getByTestId('close-month-summary').textContent()).toMatch(/^本月共 [1-9]\d* 张凭证，借方合计 ¥[\d,]+\.\d\d，贷方合计 ¥[\d,]+\.\d\d。$/);
    await screenshot(page, 'accounting-02-close-month');
    await page.getByTestId('confirm-close-month').click();
    await expect.poll(() => page.getByTestId(`period-${MONTH}`).textContent(), { timeout: 15_000 }).toContain(`${vouchers.periods.closed}陈静`);
    await expect.poll(() => page.getByTestId('first-open').textContent()).toBe('可记账的第一个月：2026-11');
    await screenshotsAtBothWidths(page, 'accounting-03-periods');
  });

  it('refuses a receipt dated in the closed month with a calm note naming it', async () => {
    await page.goto(`${app.url}#/payments`);
    await page.getByTestId('add-receipt').click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel(receivables.field.customer).fill(customerName.slice(0, 4));
    await page.getByRole('option', { name: new RegExp(customerName) }).first().click();
    await dialog.getByLabel(receivables.field.receiptDate).fill(`${MONTH}-15`);
    await dialog.getByTestId('receipt-amount').fill('100');
    await dialog.getByTestId('save-receipt').click();
    await page.getByText(`${MONTH} 已结账，不能再记入；请记到 2026-11 或之后`).waitFor();
    await screenshot(page, 'accounting-04-posting-refused');
    const receipts = await apiCall<{ rows: { receiptDate: string; amount: number }[]; total: number }>(page, 'receivables.listReceipts', { page: 1, pageSize: 200 });
    expect(receipts.rows.filter((r) => r.receiptDate === `${MONTH}-15` && r.amount === 10_000)).toEqual([]);
    // The receipts list as a file: every receipt the list counts, not just its first page.
    await page.keyboard.press('Escape');
    const file = await downloadedSheet(page);
    expect(file.name).toMatch(/^收款-\d{4}-\d{2}-\d{2}\.xlsx$/);
    expect({ header: file.rows[0]!.slice(0, 4), rows: file.rows.length - 1 }).toEqual({ header: ['收款单号', '客户编码', '客户', '收款日期'], rows: receipts.total });
  });

  it("exports the month's vouchers to Kingdee XLSX: the 37 columns, 记 vouchers numbered 1…n, each balanced", async () => {
    await page.goto(`${app.url}#/vouchers?month=${MONTH}`);
    await page.getByTestId('entries-1').waitFor();
    const summary = await apiCall<{ voucherCount: number; debitTotal: number }>(page, 'vouchers.periodSummary', { period: MONTH });
    await page.getByTestId('open-voucher-export').click();
    await screenshot(page, 'accounting-05-export');
    const downloading = page.waitForEvent('download');
    await page.getByTestId('run-voucher-export').click();
    const downloaded = await downloading;
    expect(downloaded.suggestedFilename()).toBe(`记账凭证-kingdee-${MONTH}-01_${MONTH}-31.xlsx`);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile((await downloaded.path())!);
    const sheet = book.worksheets[0]!;
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(header).toEqual(KINGDEE_HEADERS);
    const col = (name: string) => KINGDEE_HEADERS.indexOf(name) + 1;
    const rows: ExcelJS.Row[] = [];
    sheet.eachRow((row, n) => n > 1 && rows.push(row));
    const fen = (row: ExcelJS.Row, name: string) => Math.round(Number(row.getCell(col(name)).value ?? 0) * 100);
    const byVoucher = new Map<number, { debit: number; credit: number }>();
    for (const row of rows) {
      expect(row.getCell(col('凭证字')).value).toBe('记');
      expect([row.getCell(col('会计年度')).value, row.getCell(col('会计期间')).value]).toEqual([2026, 10]);
      const date = row.getCell(col('凭证日期')).value;
      expect((date instanceof Date ? date.toISOString() : String(date)).slice(0, 7)).toBe(MONTH);
      // Exactly one side of a line carries the amount.
      expect([fen(row, '借方'), fen(row, '贷方')].filter((x) => x !== 0)).toHaveLength(1);
      if (row.getCell(col('科目代码')).value === '1122') expect(String(row.getCell(col('核算项目')).value)).toMatch(/^客户---C\d+---.+/);
      const number = Number(row.getCell(col('凭证号')).value);
      const totals = byVoucher.get(number) ?? { debit: 0, credit: 0 };
      byVoucher.set(number, { debit: totals.debit + fen(row, '借方'), credit: totals.credit + fen(row, '贷方') });
    }
    expect([...byVoucher.keys()].sort((a, b) => a - b)).toEqual(Array.from({ length: summary.voucherCount }, (_, i) => i + 1));
    for (const [, totals] of byVoucher) expect(totals.debit).toBe(totals.credit);
    expect([...byVoucher.values()].reduce((sum, t) => sum + t.debit, 0)).toBe(summary.debitTotal);
  });

  it('logs the export and warns before the same month is exported again', async () => {
    await page.getByTestId('open-voucher-export').click();
    await page.getByTestId('run-voucher-export').click();
    await page.getByTestId('voucher-export-repeat').waitFor();
    await screenshot(page, 'accounting-06-export-again');
    await page.getByRole('button', { name: '取消' }).click();
    await page.getByTestId('accounting-tab-history').click();
    await page.getByTestId('data-table').getByText('金蝶 XLSX').waitFor();
    expect(await page.getByTestId('data-table').locator('tbody tr').count()).toBe(1);
    await screenshotsAtBothWidths(page, 'accounting-07-export-history');
  });

  it('shows the chart of accounts with its mapping', async () => {
    await page.getByTestId('accounting-tab-accounts').click();
    await page.getByTestId('account-1122').waitFor();
    await screenshotsAtBothWidths(page, 'accounting-08-accounts');
    expect(session.pageErrors).toEqual([]);
  });
});
