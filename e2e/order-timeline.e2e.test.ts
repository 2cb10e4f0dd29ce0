import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import sales from '../src-renderer/features/sales/messages.zh-CN';
import { chromiumAvailable, screenshotsAtBothWidths, type AppInBrowser } from './harness';
import { openSeededApp } from './seeded-app';

const run = chromiumAvailable();
const TIMEOUT = 180_000;

describe.runIf(run)('an order past delivery in Chromium', () => {
  let session: AppInBrowser;
  let page: Page;
  let paid: { id: string; orderNo: string };

  beforeAll(async () => {
    session = await openSeededApp({
      name: 'order-timeline',
      timeoutMs: 30_000,
      // The demo book invoices its deliveries and collects most of them: take a paid order.
      inspect: (backend) => {
        paid = backend.conn.sqlite.prepare("SELECT id, order_no AS orderNo FROM sales_orders WHERE status = 'paid' ORDER BY order_no LIMIT 1").get() as typeof paid;
      },
    });
    page = session.page;
  }, TIMEOUT);

  afterAll(async () => {
    await session?.close();
  });

  it(
    'shows it paid, with delivered, invoiced and paid on its timeline',
    async () => {
      expect(paid).toBeDefined();
      await page.goto(`${session.app.url}#/orders/${paid.id}`);
      await page.getByText(paid.orderNo).first().waitFor();
      const timeline = page.locator('.mantine-Timeline-root');
      // In the order they happened: an invoice is never shown before the goods went out.
      const steps = (await timeline.locator('.mantine-Timeline-itemTitle').allTextContents()).filter((title) => title !== sales.orderStatus.draft);
      expect(steps.slice(-3)).toEqual([sales.orderStatus.delivered, sales.orderStatus.invoiced, sales.orderStatus.paid]);
      await screenshotsAtBothWidths(page, 'order-paid');
      expect(session.pageErrors).toEqual([]);
    },
    TIMEOUT,
  );
});
