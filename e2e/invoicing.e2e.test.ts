import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../src-main/domain/core/dates';
import { formatFen } from '../src-main/domain/core/money';
import { invoiceableDeliveries } from '../src-main/domain/receivables/invoiceable';
import { chromiumAvailable, screenshot, type AppInBrowser } from './harness';
import { openSeededApp } from './seeded-app';

const run = chromiumAvailable();
const TIMEOUT = 180_000;

interface Waiting {
  customerName: string;
  paymentTermsDays: number;
  deliveries: { deliveryNo: string; gross: number }[];
}

describe.runIf(run)('invoicing in Chromium', () => {
  let session: AppInBrowser;
  let page: Page;
  let waiting: Waiting;
  let returnNo: string | null = null;

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
        returnNo = (sqlite.prepare("SELECT sr.return_no FROM credit_note_requests r JOIN sales_returns sr ON sr.id = r.sales_return_id WHERE r.status = 'open' ORDER BY r.created_at LIMIT 1").pluck().get() as string | undefined) ?? null;
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
      await page.keyboard.press('Escape');
      const row = page.locator('tr', { hasText: waiting.customerName }).filter({ hasText: formatFen(total) }).first();
      await expect(row.textContent()).resolves.toContain(due);
      await screenshot(page, 'invoicing-03-list-1366');
    },
    TIMEOUT,
  );

  it(
    'posts the credit note of a return waiting for it',
    async () => {
      expect(returnNo, 'the demo book has a return waiting for its credit note').toBeTruthy();
      await page.getByTestId('credit-requests-tab').click();
      await page.getByTestId(`credit-${returnNo}`).click();
      await screenshot(page, 'invoicing-04-credit-return-1366');
      await page.getByTestId('post-credit-return').click();
      await page.getByTestId('invoice-drawer').waitFor();
      await expect(page.getByTestId('invoice-drawer').textContent()).resolves.toContain(returnNo!);
      await page.keyboard.press('Escape');
      await expect(page.getByTestId(`credit-${returnNo}`).count()).resolves.toBe(0);
      await page.setViewportSize({ width: 1024, height: 768 });
      await screenshot(page, 'invoicing-05-credit-requests-1024');
    },
    TIMEOUT,
  );
});
