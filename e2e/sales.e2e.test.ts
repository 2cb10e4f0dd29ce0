import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import sales from '../src-renderer/features/sales/messages.zh-CN';
import { chromiumAvailable, downloadedSheet, screenshot, type AppInBrowser, type RunningApp } from './harness';
import { openSeededApp } from './seeded-app';

const run = chromiumAvailable();

/** Two goods in stock in the default warehouse, typed by code in the keyboard-entry test. */
const STOCKED_CODES: string[] = [];
/**
 * A customer the credit check lets through (no limit, owing nothing, not on hold), so the order
 * typed by keyboard is confirmed at once rather than sent for approval.
 */
let CLEAR_CUSTOMER = '';
/** A seeded quote with a discounted line, and a product's name to find it by in line entry. */
let DISCOUNTED_QUOTE = '';
let PRODUCT_NAME = '';

describe.runIf(run)('sales orders, approvals and picking in Chromium', () => {
  let session: AppInBrowser;
  let app: RunningApp;
  let page: Page;
  let pageErrors: string[];

  beforeAll(async () => {
    session = await openSeededApp({
      name: 'sales',
      inspect: (backend) => {
        STOCKED_CODES.push(
          ...(backend.conn.sqlite
            .prepare("SELECT p.code FROM products p JOIN stock_levels l ON l.product_id = p.id WHERE p.status = 'active' AND l.on_hand > 10 GROUP BY p.id ORDER BY p.code LIMIT 2")
            .pluck()
            .all() as string[]),
        );
        CLEAR_CUSTOMER = backend.conn.sqlite
          .prepare(
            `SELECT c.name FROM customers c JOIN customer_stats s ON s.customer_id = c.id
              WHERE c.status = 'active' AND c.kind = 'company' AND c.credit_limit IS NULL AND s.balance_due <= 0
                AND coalesce((SELECT e.action FROM credit_hold_events e WHERE e.customer_id = c.id ORDER BY e.at DESC, e.rowid DESC LIMIT 1), 'release') <> 'hold'
              ORDER BY c.code LIMIT 1`,
          )
          .pluck()
          .get() as string;
        DISCOUNTED_QUOTE = (backend.conn.sqlite
          .prepare("SELECT q.id FROM quotes q JOIN quote_lines l ON l.quote_id = q.id WHERE l.discount_bp > 0 ORDER BY q.status = 'draft' DESC, q.quote_no LIMIT 1")
          .pluck()
          .get() ?? '') as string;
        PRODUCT_NAME = backend.conn.sqlite.prepare("SELECT name FROM products WHERE code = ?").pluck().get(STOCKED_CODES[1]) as string;
      },
    });
    ({ app, page, pageErrors } = session);
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
    // The inbox as a file: the same orders in the same order, each with why it waits, in words.
    const firstNo = (await page.getByTestId('data-table').locator('tbody tr').first().locator('td').first().textContent())!.trim();
    const inbox = await downloadedSheet(page);
    expect(inbox.name).toMatch(/^订单审批-.*\.xlsx$/);
    expect(inbox.rows[0]).toContain(sales.order.waitingReasons);
    expect(inbox.rows.length - 1).toBeGreaterThanOrEqual(before);
    expect(inbox.rows[1]![0]).toBe(firstNo);
    expect(String(inbox.rows[1]![4])).not.toBe('');
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
    // Picking is required before posting (the default): the rest is confirmed line by line.
    if ((await page.getByTestId('pick-confirm').count()) > 0) expect(await page.getByTestId('delivery-post').isDisabled()).toBe(true);
    while ((await page.getByTestId('pick-confirm').count()) > 0) {
      const left = await page.getByTestId('pick-confirm').count();
      await page.getByTestId('pick-confirm').first().click();
      await expect.poll(() => page.getByTestId('pick-confirm').count(), { timeout: 10_000 }).toBe(left - 1);
    }
    await expect.poll(() => page.getByTestId('delivery-post').isEnabled(), { timeout: 10_000 }).toBe(true);
    await page.getByTestId('delivery-post').click();
    await page.getByText(sales.deliveryStatus.posted).first().waitFor();
  });

  it('enters an order by keyboard: a code, Tab to the quantity, Enter for the next line, then submits it', async () => {
    await page.goto(`${app.url}#/orders/new`);
    await page.getByTestId('order-customer').click();
    await page.getByTestId('order-customer').fill(CLEAR_CUSTOMER.slice(0, 4));
    await page.getByRole('option', { name: new RegExp(CLEAR_CUSTOMER) }).click();
    const codes = page.getByLabel(sales.form.code);
    await codes.first().click();
    await page.keyboard.type(STOCKED_CODES[0]!.toLowerCase());
    await page.keyboard.press('Tab');
    await page.keyboard.type('3');
    // Tab on to the discount: 5 % off the first line, then Enter for the next one.
    await page.keyboard.press('Tab');
    await page.keyboard.type('5');
    await page.keyboard.press('Enter');
    await expect.poll(() => codes.count(), { timeout: 10_000 }).toBe(2);
    await expect.poll(() => codes.nth(1).evaluate((input) => input === document.activeElement), { timeout: 10_000 }).toBe(true);
    await page.keyboard.type(STOCKED_CODES[1]!);
    await page.keyboard.press('Enter');
    await page.getByLabel(sales.field.quantity).nth(1).waitFor();
    await expect.poll(() => page.getByTestId('order-entry').getByText('¥').count(), { timeout: 10_000 }).toBeGreaterThan(3);
    // Both lines priced from the customer's price list, so the total is no longer zero.
    await expect.poll(() => page.getByTestId('order-form-total').textContent(), { timeout: 10_000 }).toMatch(/¥[1-9][\d,]*\.\d\d/);
    // The lines as shown, the first less its discount, add up to the total shown.
    const fen = (text: string | null) => Number((text ?? '').replace(/[^\d]/g, ''));
    const amounts = (await page.getByTestId('order-entry').getByTestId('line-amount').allTextContents()).filter((t) => t.trim() !== '');
    expect(amounts).toHaveLength(2);
    expect(amounts.reduce((sum, t) => sum + fen(t), 0)).toBe(fen(await page.getByTestId('order-form-total').textContent()));
    expect(await page.getByLabel(sales.form.discount).first().inputValue()).toBe('5');
    await screenshot(page, 'sales-08-order-form');
    await page.getByTestId('order-save').click();
    await page.getByTestId('order-submit').click();
    await page.getByText(sales.orderStatus.confirmed).first().waitFor();
  });

  it('shows a quote’s discounted lines adding up to its total', async () => {
    expect(DISCOUNTED_QUOTE).not.toBe('');
    await page.goto(`${app.url}#/quotes/${DISCOUNTED_QUOTE}`);
    await page.getByTestId('quote-entry').waitFor();
    await expect.poll(() => page.getByTestId('quote-entry').getByTestId('line-amount').first().textContent(), { timeout: 10_000 }).toMatch(/¥/);
    const fen = (text: string | null) => Number((text ?? '').replace(/[^\d]/g, ''));
    const amounts = (await page.getByTestId('quote-entry').getByTestId('line-amount').allTextContents()).filter((t) => t.trim() !== '');
    expect(amounts.reduce((sum, t) => sum + fen(t), 0)).toBe(fen(await page.getByTestId('quote-form-total').textContent()));
    const discounts = await page.getByLabel(sales.form.discount).evaluateAll((inputs) => inputs.map((i) => (i as HTMLInputElement).value));
    expect(discounts.some((d) => d !== '' && d !== '0')).toBe(true);
    await screenshot(page, 'sales-12-quote-discount');
  });

  it('changes a draft order: a product found by name, a discount, saved', async () => {
    await page.goto(`${app.url}#/orders/new`);
    await page.getByTestId('order-customer').click();
    await page.getByTestId('order-customer').fill(CLEAR_CUSTOMER.slice(0, 4));
    await page.getByRole('option', { name: new RegExp(CLEAR_CUSTOMER) }).click();
    await page.getByLabel(sales.form.code).first().click();
    await page.keyboard.type(STOCKED_CODES[0]!);
    await page.keyboard.press('Enter');
    await page.getByTestId('order-entry').getByTestId('line-amount').first().getByText('¥').waitFor();
    await page.getByTestId('order-save').click();
    await page.getByTestId('order-edit').click();
    await page.getByTestId('order-entry').waitFor();
    const codes = page.getByLabel(sales.form.code);
    await page.getByLabel(sales.field.quantity).first().click();
    await page.keyboard.press('Enter');
    await expect.poll(() => codes.count(), { timeout: 10_000 }).toBe(2);
    await page.keyboard.type(PRODUCT_NAME);
    await page.keyboard.press('Enter');
    // Several products may share the name: the first offered is the one typed, if a list comes up.
    await expect.poll(async () => (await page.getByRole('option').count()) > 0 || (await page.getByTestId('order-entry').getByTestId('line-amount').nth(1).textContent())!.includes('¥'), { timeout: 10_000 }).toBe(true);
    if ((await page.getByRole('option').count()) > 0) {
      await screenshot(page, 'sales-13-order-name-search');
      await page.getByRole('option').filter({ hasText: STOCKED_CODES[1]! }).click();
    }
    await page.getByTestId('order-entry').getByTestId('line-amount').nth(1).getByText('¥').waitFor();
    await page.getByLabel(sales.form.discount).nth(1).click();
    await page.keyboard.type('8');
    await screenshot(page, 'sales-14-order-edit');
    await page.getByTestId('order-save').click();
    await page.getByTestId('order-lines').waitFor();
    await expect.poll(() => page.getByTestId('order-lines').locator('tbody tr').count(), { timeout: 10_000 }).toBe(2);
    expect(await page.getByTestId('order-lines').locator('tbody tr').nth(1).textContent()).toContain('8%');
    expect(pageErrors).toEqual([]);
  });

  it('saves the company’s own approval rules, starting from the built-in ones', async () => {
    await page.goto(`${app.url}#/orders`);
    await page.getByTestId('orders-rules').click();
    await page.getByTestId('rules-table').waitFor();
    await expect.poll(() => page.getByTestId('rules-note').textContent()).toBe(sales.rules.usingDefaults);
    await screenshot(page, 'sales-09-rules');
    await page.getByTestId('rules-table').getByText(sales.rules.conditions.amount_over).first().click();
    await page.getByLabel(sales.rules.amount).fill('30000');
    await page.getByLabel(sales.rules.name).fill('大额订单（3万元以上）需审批');
    await screenshot(page, 'sales-10-rule-form');
    await page.getByTestId('rule-save').click();
    await expect.poll(() => page.getByTestId('rules-note').textContent(), { timeout: 10_000 }).toBe(sales.rules.howItWorks);
    await page.getByTestId('rules-table').getByText('大额订单（3万元以上）需审批').waitFor();
    await page.getByTestId('rules-table').getByText('¥30,000.00').waitFor();
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

  it('narrows the deliveries to a status and a search, and exports what it shows to Excel', async () => {
    await page.locator('[data-nav="deliveries"]').click();
    await page.getByTestId('documents-status').click();
    await page.getByRole('option', { name: sales.deliveryStatus.posted }).click();
    await page.getByTestId('page-total').waitFor();
    const shown = Number((await page.getByTestId('page-total').textContent())!.replace(/\D/g, ''));
    const posted = await downloadedSheet(page);
    expect(posted.name).toMatch(/^发货单-\d{4}-\d{2}-\d{2}\.xlsx$/);
    expect(posted.rows[0]!.slice(0, 5)).toEqual(['发货单号', '订单编号', '客户', '仓库', '状态']);
    expect({ rows: posted.rows.length - 1, statuses: [...new Set(posted.rows.slice(1).map((r) => r[4]))] }).toEqual({ rows: shown, statuses: [sales.deliveryStatus.posted] });

    const first = String(posted.rows[1]![0]);
    await page.getByTestId('documents-search').fill(first);
    await page.locator('[data-testid="data-table"] tbody tr').filter({ hasText: first }).waitFor();
    await expect.poll(() => page.locator('[data-testid="data-table"] tbody tr').count()).toBe(1);
    await screenshot(page, 'sales-11-deliveries-filtered');
    const searched = await downloadedSheet(page);
    expect(searched.rows.slice(1).map((r) => r[0])).toEqual([first]);
    expect(pageErrors).toEqual([]);
  });
});
