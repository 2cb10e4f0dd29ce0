/**
 * The order-to-delivery flow end to end, on a book built for it through the API: a quote becomes an
 * order with one line short, the rest is back-ordered, part goes out (scanned on the pick screen),
 * the replenishment request becomes a purchase order that is received, and the rest goes out; an
 * order over the credit limit waits until the manager approves it; the printed order confirmation
 * and delivery note carry Chinese text and the amount in 大写.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBackend, type RunningBackend } from '../src-main/backend/backend';
import { localAdmin } from '../src-main/domain/users/local-admin';
import zhCN from '../src-renderer/i18n/zh-CN';
import purchasing from '../src-renderer/features/purchasing/messages.zh-CN';
import sales from '../src-renderer/features/sales/messages.zh-CN';
import print from '../src-renderer/print/messages.zh-CN';
import { ARTIFACTS, chromiumAvailable, openAppInBrowser, screenshot, type AppInBrowser, type RunningApp } from './harness';

const run = chromiumAvailable();
const OWNER = { username: 'boss', password: 'secret-pass-1' };
const MANAGER = { username: 'zhangmin', password: 'manager-pass-1' };
/** 农夫山泉 in stock; 金龙鱼 short (5 on hand, safety stock 10), bought from 上海申达. */
const WATER = { code: 'SP0001', barcode: '6921168509256', price: 3_600 };
const OIL = { code: 'SP0002', barcode: '6948195800163', price: 11_900 };

async function call<T>(backend: RunningBackend, method: string, input: unknown): Promise<T> {
  const result = await backend.call({ session: { user: localAdmin(backend.conn) }, transport: 'cli' }, method, input);
  if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
  return result.data as T;
}

async function flowDatabase(): Promise<string> {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'desk-erp-sales-flow-e2e-')), 'desk-erp.sqlite');
  const backend = createBackend({ file });
  try {
    const setup = await backend.call({ session: { user: null }, transport: 'cli' }, 'auth.setup', { companyName: '金陵副食品商行', ownerUsername: OWNER.username, ownerDisplayName: '周老板', password: OWNER.password });
    if (!setup.ok) throw new Error(setup.error.message);
    await call(backend, 'users.create', { ...MANAGER, displayName: '张敏', role: 'manager' });
    const warehouse = await call<{ id: string }>(backend, 'stock.createWarehouse', { code: 'WH01', name: '总仓', address: '南京市江宁区将军大道 88 号' });
    const supplier = await call<{ id: string }>(backend, 'purchasing.createSupplier', { code: 'S0001', name: '上海申达贸易有限公司', contactName: '王磊', mobile: '13761234567', leadTimeDays: 3 });
    const water = await call<{ id: string }>(backend, 'catalog.create', { code: WATER.code, name: '农夫山泉饮用天然水', spec: '550ml×24', unit: '箱', barcode: WATER.barcode, vatRate: 1300, listPrice: WATER.price, standardCost: 2_400 });
    const oil = await call<{ id: string }>(backend, 'catalog.create', { code: OIL.code, name: '金龙鱼花生油', spec: '5L', unit: '桶', barcode: OIL.barcode, vatRate: 900, listPrice: OIL.price, standardCost: 8_000, preferredSupplierId: supplier.id });
    await call(backend, 'stock.createAdjustment', {
      warehouseId: warehouse.id,
      kind: 'opening',
      notes: '期初库存',
      lines: [
        { productId: water.id, quantity: 100, unitCost: 2_400, serials: [] },
        { productId: oil.id, quantity: 5, unitCost: 8_000, serials: [] },
      ],
    });
    await call(backend, 'stock.saveRules', { rules: [{ productId: oil.id, warehouseId: warehouse.id, safetyStock: 10, reorderPoint: 20, reorderQuantity: 50 }] });
    await call(backend, 'customers.create', { name: '苏州和记餐饮管理有限公司', mobile: '13812345678', city: '苏州市' });
    await call(backend, 'customers.create', { name: '南京小王便利店', mobile: '13912345678', city: '南京市', creditLimit: 50_000 });
  } finally {
    backend.close();
  }
  return file;
}

async function signIn(page: Page, url: string, who: { username: string; password: string }): Promise<void> {
  await page.context().clearCookies();
  await page.goto(url);
  await page.getByLabel(zhCN.login.username).fill(who.username);
  await page.getByLabel(zhCN.login.password).fill(who.password);
  await page.getByRole('button', { name: zhCN.login.submit }).click();
  await page.getByTestId('nav').waitFor();
}

async function chooseCustomer(page: Page, testId: string, name: string): Promise<void> {
  await page.getByTestId(testId).click();
  await page.getByTestId(testId).fill(name.slice(0, 4));
  await page.getByRole('option', { name: new RegExp(name) }).click();
}

/** Types each code (or scans it), Tab to the quantity, Enter for the next line. */
async function enterLines(page: Page, lines: [string, number][]): Promise<void> {
  const codes = page.getByLabel(sales.form.code);
  for (const [i, [code, quantity]] of lines.entries()) {
    await codes.nth(i).click();
    await page.keyboard.type(code);
    await page.keyboard.press('Tab');
    await page.keyboard.type(String(quantity));
    if (i < lines.length - 1) {
      await page.keyboard.press('Enter');
      await expect.poll(() => codes.count(), { timeout: 10_000 }).toBe(i + 2);
    }
  }
}

/** The browser's print of the sheet (print media, @page from print.css) as text. */
async function printedText(page: Page, name: string): Promise<string> {
  const file = path.join(ARTIFACTS, `${name}.pdf`);
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  fs.writeFileSync(file, await page.pdf({ preferCSSPageSize: true, printBackground: true }));
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
}

/** The same screen on a small laptop, then back to 1366 px. */
async function at1024(page: Page, name: string): Promise<void> {
  await page.setViewportSize({ width: 1024, height: 768 });
  await screenshot(page, name);
  await page.setViewportSize({ width: 1366, height: 860 });
}

const orderLine = (page: Page, code: string) => page.getByTestId('order-lines').locator('tbody tr', { hasText: code });
const cells = async (page: Page, code: string) => (await orderLine(page, code).locator('td').allTextContents()).map((c) => c.trim());

describe.runIf(run)('quote to order to delivery, with a back-order, a purchase and an approval, in Chromium', () => {
  let session: AppInBrowser;
  let app: RunningApp;
  let page: Page;
  let orderUrl = '';

  beforeAll(async () => {
    session = await openAppInBrowser({ dbFile: await flowDatabase(), width: 1366, height: 860, timeoutMs: 15_000 });
    ({ app, page } = session);
    await signIn(page, app.url, OWNER);
  }, 180_000);

  afterAll(async () => {
    await session?.close();
  });

  it('quotes 20 cases of water and 8 drums of oil, and converts the quote to an order', async () => {
    await page.goto(`${app.url}#/quotes/new`);
    await chooseCustomer(page, 'quote-customer', '苏州和记餐饮管理有限公司');
    await enterLines(page, [
      [WATER.code, 20],
      [OIL.code, 8],
    ]);
    // 20 × 36.00 + 8 × 119.00, prices from the list price (含税).
    await expect.poll(() => page.getByTestId('quote-form-total').textContent(), { timeout: 10_000 }).toContain('¥1,672.00');
    await screenshot(page, 'flow-01-quote-form');
    await page.getByTestId('quote-save').click();
    await page.getByTestId('quote-convert').waitFor();
    await screenshot(page, 'flow-02-quote-saved');
    await page.getByTestId('quote-convert').click();
    await page.getByTestId('order-lines').waitFor();
    orderUrl = page.url();
    expect(await cells(page, WATER.code)).toContain('20 箱');
    await screenshot(page, 'flow-03-order-from-quote');
  });

  it('submits the order: the oil is short, and the back-order ships what is there and waits for the rest', async () => {
    await page.getByTestId('order-submit').click();
    const dialog = page.getByRole('dialog', { name: sales.order.shortTitle });
    await dialog.waitFor();
    await dialog.getByText(`${OIL.code} 金龙鱼花生油`).waitFor();
    expect(await dialog.getByLabel(sales.order.backorder).isChecked()).toBe(true);
    await screenshot(page, 'flow-04-shortage');
    await dialog.getByRole('button', { name: sales.order.submit }).click();
    await page.getByTestId('order-lines').getByText(sales.orderStatus.confirmed).or(page.getByText(sales.orderStatus.confirmed).first()).first().waitFor();
    // All 20 cases of water reserved, the 5 drums of oil there are.
    await expect.poll(async () => (await cells(page, OIL.code))[3], { timeout: 10_000 }).toMatch(/^5/);
    expect((await cells(page, WATER.code))[3]).toBe('20');
    // The 3 drums not there are shown as waiting for stock.
    expect(await orderLine(page, OIL.code).getByTestId('line-backordered').textContent()).toBe(sales.order.backordered.replace('{{count}}', '3'));
    await screenshot(page, 'flow-05-order-confirmed');
  });

  it('delivers what is in stock, the water scanned on the pick screen as a USB scanner types it', async () => {
    await page.getByRole('button', { name: sales.order.deliver }).click();
    const scan = page.getByTestId('pick-scan');
    await scan.waitFor();
    await expect.poll(() => scan.evaluate((input) => input === document.activeElement), { timeout: 10_000 }).toBe(true);
    await page.keyboard.type(WATER.barcode);
    await page.keyboard.press('Enter');
    await page.getByTestId('pick-list').locator('tbody tr', { hasText: WATER.code }).getByText('1/20').waitFor();
    // The scan field is ready for the next scan at once.
    await expect.poll(() => scan.inputValue(), { timeout: 10_000 }).toBe('');
    await page.keyboard.type(OIL.barcode);
    await page.keyboard.press('Enter');
    await page.getByTestId('pick-list').locator('tbody tr', { hasText: OIL.code }).getByText('1/5').waitFor();
    await screenshot(page, 'flow-06-pick-scanned');
    await at1024(page, 'flow-06-pick-scanned-1024');
    while ((await page.getByTestId('pick-confirm').count()) > 0) {
      const left = await page.getByTestId('pick-confirm').count();
      await page.getByTestId('pick-confirm').first().click();
      await expect.poll(() => page.getByTestId('pick-confirm').count(), { timeout: 10_000 }).toBe(left - 1);
    }
    await page.getByTestId('delivery-post').click();
    await page.getByText(sales.deliveryStatus.posted).first().waitFor();
    await screenshot(page, 'flow-07-delivery-posted');
  });

  it('prints the delivery note: Chinese text, the shipment only, the amount in 大写', async () => {
    await page.getByTestId('print-delivery_note').click();
    await page.getByRole('heading', { name: print.titles.delivery_note }).waitFor();
    await screenshot(page, 'flow-08-delivery-note');
    const text = await printedText(page, 'flow-delivery-note');
    expect(text).toContain('金陵副食品商行');
    expect(text).toMatch(/送\s*货\s*单/);
    expect(text).toContain('苏州和记餐饮管理有限公司');
    expect(text).toContain('农夫山泉饮用天然水');
    // 20 × 36.00 + 5 × 119.00 = 1,315.00: what went out, not the order.
    expect(text).toContain('1,315.00');
    expect(text.replace(/\s+/g, '')).toContain('壹仟叁佰壹拾伍元整');
    await page.getByRole('button', { name: print.toolbar.back }).click();
    await page.getByTestId('pick-list').waitFor();
  });

  it('turns the replenishment request into a purchase order and receives it', async () => {
    await page.goto(`${app.url}#/purchasing/replenishment`);
    const request = page.locator('tr', { hasText: OIL.code });
    await request.waitFor();
    await screenshot(page, 'flow-09-replenishment');
    await request.getByRole('checkbox').check();
    await page.getByTestId('order-replenishment').click();
    await page.getByText(purchasing.replenishment.ordered.replace('{{count}}', '1')).waitFor();
    await page.getByTestId('purchasing-tab-orders').click();
    await page.getByTestId('data-table').getByText('上海申达贸易有限公司').first().click();
    await page.getByTestId('confirm-order').click();
    await page.getByText(purchasing.orders.confirmed).first().waitFor();
    await page.getByRole('button', { name: purchasing.orders.receiveAll }).click();
    await screenshot(page, 'flow-10-receive');
    await page.getByTestId('receive-order').click();
    await page.getByText(purchasing.orders.receivedNotice).first().waitFor();
    await page.keyboard.press('Escape');
  });

  it('delivers the rest of the order, which is then delivered in full', async () => {
    await page.goto(orderUrl);
    await page.getByText(sales.orderStatus.partly_delivered).first().waitFor();
    expect((await cells(page, OIL.code))[4]).toBe('5');
    await page.getByRole('button', { name: sales.order.deliver }).click();
    const scan = page.getByTestId('pick-scan');
    await scan.waitFor();
    expect(await page.getByTestId('pick-list').locator('tbody tr').count()).toBe(1);
    for (let i = 0; i < 3; i++) {
      await scan.pressSequentially(OIL.barcode);
      await scan.press('Enter');
      await page.getByTestId('pick-list').getByText(`${i + 1}/3`).waitFor();
    }
    await screenshot(page, 'flow-11-pick-rest');
    await page.getByTestId('delivery-post').click();
    await page.getByText(sales.deliveryStatus.posted).first().waitFor();
    await page.goto(orderUrl);
    // 已发货 is also the first delivery's status, on the order page before it reloads: wait for the line itself.
    await expect.poll(async () => (await cells(page, OIL.code))[4], { timeout: 15_000 }).toBe('8');
    await page.getByText(sales.orderStatus.delivered).first().waitFor();
    await screenshot(page, 'flow-12-order-delivered');
    await at1024(page, 'flow-12-order-delivered-1024');
  });

  it('prints the order confirmation with the whole order in 大写', async () => {
    await page.getByTestId('print-order_confirmation').click();
    await page.getByRole('heading', { name: print.titles.order_confirmation }).waitFor();
    await screenshot(page, 'flow-13-order-confirmation');
    const text = await printedText(page, 'flow-order-confirmation');
    expect(text).toContain('金陵副食品商行');
    expect(text).toContain('苏州和记餐饮管理有限公司');
    expect(text).toContain(print.fields.orderDate);
    expect(text).toContain('金龙鱼花生油');
    expect(text).toContain('1,672.00');
    expect(text.replace(/\s+/g, '')).toContain('壹仟陆佰柒拾贰元整');
  });

  it('holds an order over the credit limit for a manager, who approves it in the inbox', async () => {
    await page.goto(`${app.url}#/orders/new`);
    await chooseCustomer(page, 'order-customer', '南京小王便利店');
    await enterLines(page, [[WATER.code, 15]]);
    await expect.poll(() => page.getByTestId('order-form-total').textContent(), { timeout: 10_000 }).toContain('¥540.00');
    await page.getByTestId('order-save').click();
    await page.getByTestId('order-submit').click();
    await page.getByText(sales.orderStatus.pending_approval).first().waitFor();
    await page.getByText(sales.order.waitingReasons).waitFor();
    // 540.00 against a limit of 500.00.
    await page.getByText('¥500.00').first().waitFor();
    // The toast names the order it submitted: it sits over the page title while it shows.
    await page.getByText(/^订单 SO-\d{4}-\d{6} 已提交：待审批$/).waitFor();
    await screenshot(page, 'flow-14-waiting-for-approval');
    const waitingUrl = page.url();

    await signIn(page, app.url, MANAGER);
    await page.goto(`${app.url}#/orders/approvals`);
    const row = page.getByTestId('data-table').locator('tbody tr', { hasText: '南京小王便利店' });
    await row.waitFor();
    await screenshot(page, 'flow-15-approval-inbox');
    await row.getByRole('button', { name: sales.order.approve }).click();
    await expect.poll(() => row.count(), { timeout: 10_000 }).toBe(0);
    await page.goto(waitingUrl);
    await page.getByText(sales.orderStatus.confirmed).first().waitFor();
    await page.getByText('张敏').first().waitFor();
    await screenshot(page, 'flow-16-approved');
    expect(session.pageErrors).toEqual([]);
  });
});
