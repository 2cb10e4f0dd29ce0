import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../src-main/domain/core/dates';
import { formatFen } from '../src-main/domain/core/money';
import { creditableInvoices, invoiceableDeliveries } from '../src-main/domain/receivables/invoiceable';
import { chromiumAvailable, downloadedSheet, screenshot, type AppInBrowser } from './harness';
import { openSeededApp } from './seeded-app';

const run = chromiumAvailable();
const TIMEOUT = 180_000;

interface Waiting {
  customerName: string;
  paymentTermsDays: number;
  deliveries: { deliveryNo: string; gross: number }[];
}

/**
 * Closes the invoice drawer by its close button and waits until it is gone: an Escape pressed while
 * the drawer is still opening (a busy machine) is lost, and its overlay then takes the next click.
 */
async function closeDrawer(page: Page): Promise<void> {
  await page.locator('.mantine-Drawer-close').click();
  await page.getByTestId('invoice-drawer').waitFor({ state: 'hidden' });
}

describe.runIf(run)('invoicing in Chromium', () => {
  let session: AppInBrowser;
  let page: Page;
  let waiting: Waiting;
  let returnNo: string | null = null;
  /** An invoice the return may be credited against in full, and what is open on it now. */
  let against: { id: string; invoiceNo: string; openAmount: number; credit: number } | null = null;

  beforeAll(async () => {
    session = await openSeededApp({
      name: 'invoicing',
      timeoutMs: 30_000,
      // The demo book leaves some deliveries uninvoiced: take a customer with at least two, and a return waiting for its credit note.
      inspect: (backend) => {
        const sqlite = backend.conn.sqlite;
        const customers = sqlite.prepare("SELECT DISTINCT customer_id, c.name FROM deliveries d JOIN customers c ON c.id = d.customer_id WHERE d.status = 'posted' ORDER BY c.name").all() as { customer_id: string; name: string }[];
        for (const c of customers) {
          const found = invoiceableDeliveries(sqlite, c.customer_id);
          if (found.deliveries.length >= 2) {
            waiting = { customerName: c.name, paymentTermsDays: found.paymentTermsDays, deliveries: found.deliveries.slice(0, 2) };
            break;
          }
        }
        const requests = sqlite
          .prepare("SELECT r.id, sr.return_no, r.total_gross FROM credit_note_requests r JOIN sales_returns sr ON sr.id = r.sales_return_id WHERE r.status = 'open' ORDER BY r.created_at")
          .all() as { id: string; return_no: string; total_gross: number }[];
        for (const request of requests) {
          // The last that can take the whole credit: the accountant's choice, not necessarily the one preselected.
          const invoice = creditableInvoices(sqlite, request.id).invoices.filter((i) => i.creditable >= request.total_gross && i.openAmount > 0).at(-1);
          if (!invoice) continue;
          returnNo = request.return_no;
          against = { id: invoice.id, invoiceNo: invoice.invoiceNo, openAmount: invoice.openAmount, credit: request.total_gross };
          break;
        }
      },
    });
    page = session.page;
  }, TIMEOUT);

  afterAll(async () => {
    await session?.close();
  });

  it(
    'invoices two deliveries of a customer into one invoice, listed with their total and the due date from the payment terms',
    async () => {
      expect(waiting, 'the demo book has a customer with two deliveries to invoice').toBeTruthy();
      await page.locator('[data-nav="invoices"]').click();
      await page.getByTestId('new-delivery-invoice').click();
      await page.getByTestId('invoice-customer').fill(waiting.customerName);
      await page.getByRole('option', { name: new RegExp(`^${waiting.customerName}`) }).first().click();
      const table = page.getByTestId('invoiceable-deliveries');
      await table.waitFor();
      for (const d of waiting.deliveries) await table.getByText(d.deliveryNo, { exact: true }).click();
      const total = waiting.deliveries[0]!.gross + waiting.deliveries[1]!.gross;
      await expect(page.getByTestId('invoice-selected-total').textContent()).resolves.toBe(`已选 2 张，价税合计 ${formatFen(total)}`);
      const invoiceDate = await page.getByTestId('invoice-date').inputValue();
      const due = addDays(invoiceDate, waiting.paymentTermsDays);
      await expect(page.getByTestId('invoice-due-date').textContent()).resolves.toContain(due);
      await page.getByTestId('tax-invoice-no').fill('04400123');
      await screenshot(page, 'invoicing-01-deliveries-1366');
      await page.setViewportSize({ width: 1024, height: 768 });
      await screenshot(page, 'invoicing-02-deliveries-1024');
      await page.setViewportSize({ width: 1366, height: 860 });
      await page.getByTestId('post-invoice').click();

      const drawer = page.getByTestId('invoice-drawer');
      await drawer.waitFor();
      await expect(drawer.textContent()).resolves.toContain(formatFen(total));
      await closeDrawer(page);
      const row = page.locator('tr', { hasText: waiting.customerName }).filter({ hasText: formatFen(total) }).first();
      await expect(row.textContent()).resolves.toContain(due);
      await screenshot(page, 'invoicing-03-list-1366');
    },
    TIMEOUT,
  );

  it(
    'posts the credit note of a return against the invoice the accountant chooses, whose open amount falls by it',
    async () => {
      expect(returnNo && against, 'the demo book has a return waiting for its credit note, with an invoice to credit it against').toBeTruthy();
      await page.getByTestId('credit-requests-tab').click();
      await page.getByTestId(`credit-${returnNo}`).waitFor();
      // The worklist as a file: the return among the credit notes still to post, its credit negative.
      const worklist = await downloadedSheet(page);
      expect(worklist.name).toMatch(/^待开红字-.*\.xlsx$/);
      const listed = worklist.rows.find((r) => r[0] === returnNo);
      expect(listed, `${returnNo} in the exported worklist`).toBeTruthy();
      expect(Number(listed![5])).toBeLessThan(0);
      await page.getByTestId(`credit-${returnNo}`).click();
      const choice = page.getByTestId(`credit-invoice-${against!.invoiceNo}`);
      await choice.click();
      await expect(choice.isChecked()).resolves.toBe(true);
      await screenshot(page, 'invoicing-04-credit-return-1366');
      await page.setViewportSize({ width: 1024, height: 768 });
      await screenshot(page, 'invoicing-04-credit-return-1024');
      await page.setViewportSize({ width: 1366, height: 860 });
      await page.getByTestId('post-credit-return').click();
      await page.getByTestId('invoice-drawer').waitFor();
      await expect(page.getByTestId('invoice-drawer').textContent()).resolves.toContain(returnNo!);
      // The credit note says which invoice it settled.
      await page.getByTestId('invoice-settlements').waitFor();
      await screenshot(page, 'invoicing-05-credit-note-drawer', { fullPage: false });
      await closeDrawer(page);
      await expect(page.getByTestId(`credit-${returnNo}`).count()).resolves.toBe(0);

      // A fresh load: the invoices page reads ?invoice= when it opens.
      await page.goto(`${session.app.url}#/invoices?invoice=${against!.id}`);
      await page.reload();
      const drawer = page.getByTestId('invoice-drawer');
      await drawer.waitFor();
      const openNow = against!.openAmount - Math.min(against!.openAmount, against!.credit);
      await expect(drawer.textContent()).resolves.toContain(`未收金额：${formatFen(openNow)}`);
      await screenshot(page, 'invoicing-05-credited-invoice-1366');
      await page.keyboard.press('Escape');
      await page.goto(`${session.app.url}#/invoices?tab=credit-requests`);
      await page.setViewportSize({ width: 1024, height: 768 });
      await screenshot(page, 'invoicing-06-credit-requests-1024');
    },
    TIMEOUT,
  );
});
