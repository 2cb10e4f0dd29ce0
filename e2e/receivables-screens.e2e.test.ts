import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatFen } from '../src-main/domain/core/money';
import { deliveryInvoicing } from '../src-main/domain/receivables/invoiceable';
import { INVOICE_SELECT } from '../src-main/domain/receivables/receivables.repository';
import { chromiumAvailable, downloadedSheet, screenshot, type AppInBrowser } from './harness';
import { openSeededApp } from './seeded-app';

const run = chromiumAvailable();
const TIMEOUT = 180_000;

/** The visible data table's cells, row by row (header left out). */
async function tableCells(page: Page, testId = 'data-table'): Promise<string[][]> {
  return page.getByTestId(testId).locator('tbody tr').evaluateAll((rows) => rows.map((r) => [...r.querySelectorAll('td')].map((td) => td.textContent ?? '')));
}

/** The column a header names in the visible data table. */
async function columnOf(page: Page, header: string, testId = 'data-table'): Promise<number> {
  const headers = await page.getByTestId(testId).locator('thead th').allTextContents();
  return headers.indexOf(header);
}

describe.runIf(run)('the receivables screens on the demo book, in Chromium', () => {
  let session: AppInBrowser;
  let page: Page;
  let facts: {
    paidInvoiceNo: string;
    invoicedDelivery: { id: string; invoiceNo: string };
    busiest: { id: string; invoices: number };
  };

  beforeAll(async () => {
    session = await openSeededApp({
      name: 'receivables-screens',
      timeoutMs: 30_000,
      inspect: (backend) => {
        const sqlite = backend.conn.sqlite;
        const paid = sqlite.prepare(`SELECT invoice_no FROM (${INVOICE_SELECT} WHERE i.kind = 'invoice' AND i.status = 'posted') WHERE open_amount = 0 AND total_gross > 0 LIMIT 1`).pluck().get() as string;
        const deliveries = sqlite.prepare("SELECT id FROM deliveries WHERE status = 'posted' ORDER BY delivery_date").pluck().all() as string[];
        const invoiced = deliveries.map((id) => deliveryInvoicing(sqlite, id)).find((d) => d.toInvoice === 0 && d.invoices.length > 0)!;
        const busiest = sqlite.prepare("SELECT customer_id AS id, count(*) AS invoices FROM invoices WHERE kind = 'invoice' GROUP BY customer_id ORDER BY 2 DESC LIMIT 1").get() as { id: string; invoices: number };
        facts = { paidInvoiceNo: paid, invoicedDelivery: { id: invoiced.deliveryId, invoiceNo: invoiced.invoices[0]!.invoiceNo }, busiest };
      },
    });
    page = session.page;
  }, TIMEOUT);

  afterAll(async () => {
    await session?.close();
  });

  it(
    'shows every invoice’s and every receipt’s state, and finds a paid invoice by its number',
    async () => {
      await page.goto(`${session.app.url}#/invoices`);
      await page.getByTestId('data-table').waitFor();
      const status = await columnOf(page, '状态');
      const invoiceStates = (await tableCells(page)).map((r) => r[status]!);
      expect(invoiceStates.length).toBeGreaterThan(0);
      expect(invoiceStates.filter((s) => s.trim() === '')).toEqual([]);
      await screenshot(page, 'receivables-screens-01-invoices-1366', { fullPage: false });

      await page.getByTestId('invoices-search').fill(facts.paidInvoiceNo);
      await page.getByTestId('page-total').getByText('共 1 张发票').waitFor();
      const [row] = await tableCells(page);
      expect([row![0], row![status]]).toEqual([facts.paidInvoiceNo, '已结清']);
      await screenshot(page, 'receivables-screens-02-invoice-search-1366', { fullPage: false });

      await page.goto(`${session.app.url}#/payments`);
      await page.getByTestId('data-table').waitFor();
      const receiptStatus = await columnOf(page, '状态');
      const receiptStates = (await tableCells(page)).map((r) => r[receiptStatus]!);
      expect(receiptStates.length).toBeGreaterThan(0);
      expect(receiptStates.every((s) => ['未核销', '部分核销', '已核销', '已冲销'].includes(s))).toBe(true);
      await screenshot(page, 'receivables-screens-03-receipts-1366', { fullPage: false });
    },
    TIMEOUT,
  );

  it(
    'pages the aging per customer and exports the rows and totals the table shows',
    async () => {
      await page.goto(`${session.app.url}#/receivables`);
      await page.getByTestId('aging-table').waitFor();
      const customers = Number((await page.getByTestId('page-total').textContent())!.replace(/\D/g, ''));
      const shown = await tableCells(page, 'aging-table');
      expect(shown).toHaveLength(Math.min(customers, 50));
      await screenshot(page, 'receivables-screens-04-aging-1366');

      const file = await downloadedSheet(page);
      expect(file.name).toMatch(/^应收账龄-.*\.xlsx$/);
      expect(file.rows).toHaveLength(customers + 2);
      const money = (cell: unknown) => (typeof cell === 'number' && cell !== 0 ? formatFen(Math.round(cell * 100)) : '');
      // The first page's rows as the table shows them, in its order: code, name, each bucket (blank for nothing), total.
      const fileRows = file.rows.slice(1, shown.length + 1).map((r) => [r[0], r[1], ...r.slice(2, 8).map(money), formatFen(Math.round(Number(r[8]) * 100))]);
      expect(fileRows).toEqual(shown.map((r) => r.slice(0, 9)));
      const totals = await page.getByTestId('aging-totals-row').locator('td').allTextContents();
      const fileTotals = file.rows.at(-1)!;
      expect([fileTotals[1], ...fileTotals.slice(2, 8).map(money), formatFen(Math.round(Number(fileTotals[8]) * 100))]).toEqual(totals.slice(0, 8));
    },
    TIMEOUT,
  );

  it(
    'offers no 开票 on a delivery invoiced already, and links to its invoice',
    async () => {
      await page.goto(`${session.app.url}#/deliveries/${facts.invoicedDelivery.id}`);
      await page.getByTestId('delivery-invoice-link').first().waitFor();
      expect(await page.getByTestId('delivery-invoice').count()).toBe(0);
      expect(await page.getByTestId('delivery-invoice-link').first().textContent()).toContain(facts.invoicedDelivery.invoiceNo);
      await screenshot(page, 'receivables-screens-05-invoiced-delivery-1366', { fullPage: false });
    },
    TIMEOUT,
  );

  it(
    'pages the customer’s invoices in the 360° view with their count',
    async () => {
      await page.goto(`${session.app.url}#/customers/${facts.busiest.id}`);
      await page.getByTestId('tab-receivables').click();
      await page.getByTestId('data-table').waitFor();
      expect(await page.getByTestId('page-total').textContent()).toBe(`共 ${facts.busiest.invoices} 张发票`);
      await screenshot(page, 'receivables-screens-06-customer-receivables-1366');

      await page.getByTestId('open-reconciliation').click();
      await page.getByTestId('reconciliation-entries').waitFor();
      const from = await page.getByLabel('开始日期').inputValue();
      expect(from).toMatch(/^\d{4}-01-01$/);
      await screenshot(page, 'receivables-screens-07-reconciliation-1366', { fullPage: false });
      const statement = await downloadedSheet(page);
      expect(statement.name).toMatch(/^对账单-/);
      expect(statement.rows[1]![1]).toBe('期初余额');
      expect(statement.rows.at(-1)![1]).toBe('期末余额');
      expect(formatFen(Math.round(Number(statement.rows.at(-1)![6]) * 100))).toBe(await page.getByTestId('closing-balance').textContent());
    },
    TIMEOUT,
  );
});
