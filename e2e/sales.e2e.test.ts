import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBackend } from '../src-main/backend/backend';
import { DEMO_OWNER, seedDemoData } from '../src-main/seed/seed';
import zhCN from '../src-renderer/i18n/zh-CN';
import sales from '../src-renderer/features/sales/messages.zh-CN';
import { chromiumAvailable, screenshot, openAppInBrowser, type AppInBrowser, type RunningApp } from './harness';

const run = chromiumAvailable();

/** A company with the small demo data set: 500 customers and a year of their orders. */
const STOCKED_CODES: string[] = [];

async function seededDatabase(): Promise<string> {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'desk-erp-sales-e2e-')), 'desk-erp.sqlite');
  const backend = createBackend({ file });
  await seedDemoData(backend, { scale: 'small', seed: 2026 });
  // Two goods in stock in the default warehouse, typed by code in the keyboard-entry test.
  STOCKED_CODES.push(
    ...(backend.conn.sqlite
      .prepare("SELECT p.code FROM products p JOIN stock_levels l ON l.product_id = p.id WHERE p.status = 'active' AND l.on_hand > 10 GROUP BY p.id ORDER BY p.code LIMIT 2")
      .pluck()
      .all() as string[]),
  );
  backend.close();
  return file;
}

describe.runIf(run)('sales orders, approvals and picking in Chromium', () => {
  let session: AppInBrowser;
  let app: RunningApp;
  let page: Page;
  let pageErrors: string[];

  beforeAll(async () => {
    session = await openAppInBrowser({ dbFile: await seededDatabase(), width: 1366, height: 860, timeoutMs: 15_000 });
    ({ app, page, pageErrors } = session);
    await page.goto(app.url);
    await page.getByLabel(zhCN.login.username).fill(DEMO_OWNER.username);
    await page.getByLabel(zhCN.login.password).fill(DEMO_OWNER.password);
    await page.getByRole('button', { name: zhCN.login.submit }).click();
    await page.getByTestId('nav').waitFor();
  }, 180_000);

  afterAll(async () => {
    await session?.close();
  });

  it('lists the orders newest first and pages on', async () => {
    await page.locator('[data-nav="orders"]').click();
    await page.getByTestId('orders-table').waitFor();
    await screenshot(page, 'sales-01-orders');
    const first = await page.getByTestId('orders-table').locator('tbody tr').first().textContent();
    await page.getByRole('button', { name: sales.orders.next }).click();
    await expect.poll(() => page.getByTestId('orders-table').locator('tbody tr').first().textContent(), { timeout: 10_000 }).not.toBe(first);
  });

  it('approves an order from the inbox with its reasons shown', async () => {
    await page.goto(`${app.url}#/orders/approvals`);
    await page.getByTestId('data-table').waitFor();
    await screenshot(page, 'sales-02-approvals');
    const before = await page.getByTestId('data-table').locator('tbody tr').count();
    await page.getByRole('button', { name: sales.order.approve }).first().click();
    await expect.poll(() => page.getByTestId('data-table').locator('tbody tr').count(), { timeout: 10_000 }).toBe(before - 1);
  });

  it('opens a confirmed order, arranges its delivery and refuses a wrong product on the pick screen', async () => {
    await page.goto(`${app.url}#/orders`);
    await page.getByPlaceholder(sales.orders.anyStatus).click();
    await page.getByRole('option', { name: sales.orderStatus.confirmed }).click();
    await page.getByTestId('orders-table').locator('tbody tr').first().click();
    await page.getByTestId('order-lines').waitFor();
    await screenshot(page, 'sales-03-order');
    await page.getByRole('button', { name: sales.order.deliver }).click();
    await page.getByTestId('pick-scan').waitFor();
    await page.getByTestId('pick-scan').fill('NOT-ON-IT');
    await page.getByTestId('pick-scan').press('Enter');
    await page.getByTestId('pick-problem').waitFor();
    const firstCode = ((await page.getByTestId('pick-list').locator('tbody tr').first().locator('td').first().textContent()) ?? '').split(' ')[0]!;
    await page.getByTestId('pick-scan').fill(firstCode);
    await page.getByTestId('pick-scan').press('Enter');
    await expect.poll(() => page.getByTestId('pick-problem').count(), { timeout: 10_000 }).toBe(0);
    await screenshot(page, 'sales-04-pick');
    await page.getByTestId('delivery-post').click();
    await page.getByText(sales.deliveryStatus.posted).first().waitFor();
  });

  it('enters an order by keyboard: a code, Tab to the quantity, Enter for the next line, then submits it', async () => {
    await page.goto(`${app.url}#/orders/new`);
    await page.getByTestId('order-customer').click();
    await page.getByTestId('order-customer').fill('上海');
    await page.getByRole('option').first().click();
    const codes = page.getByLabel(sales.form.code);
    await codes.first().click();
    await page.keyboard.type(STOCKED_CODES[0]!.toLowerCase());
    await page.keyboard.press('Tab');
    await page.keyboard.type('3');
    await page.keyboard.press('Enter');
    await expect.poll(() => codes.count(), { timeout: 10_000 }).toBe(2);
    await expect.poll(() => codes.nth(1).evaluate((input) => input === document.activeElement), { timeout: 10_000 }).toBe(true);
    await page.keyboard.type(STOCKED_CODES[1]!);
    await page.keyboard.press('Enter');
    await page.getByLabel(sales.field.quantity).nth(1).waitFor();
    await expect.poll(() => page.getByTestId('order-entry').getByText('¥').count(), { timeout: 10_000 }).toBeGreaterThan(3);
    // Both lines priced from the customer's price list, so the total is no longer zero.
    await expect.poll(() => page.getByTestId('order-form-total').textContent(), { timeout: 10_000 }).toMatch(/¥[1-9][\d,]*\.\d\d/);
    await screenshot(page, 'sales-08-order-form');
    await page.getByTestId('order-save').click();
    await page.getByTestId('order-submit').click();
    await page.getByText(sales.orderStatus.confirmed).first().waitFor();
  });

  it('shows quotes, deliveries and returns', async () => {
    for (const [nav, name] of [
      ['quotes', 'sales-05-quotes'],
      ['deliveries', 'sales-06-deliveries'],
      ['returns', 'sales-07-returns'],
    ] as const) {
      await page.locator(`[data-nav="${nav}"]`).click();
      await page.getByTestId('data-table').waitFor();
      await screenshot(page, name);
    }
    expect(pageErrors).toEqual([]);
  });
});
