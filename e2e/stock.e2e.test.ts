import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBackend } from '../src-main/backend/backend';
import { businessDateIn } from '../src-main/domain/core/dates';
import { newId } from '../src-main/domain/shared/ids';
import { seedStock } from '../src-main/domain/stock/stock.seed';
import { SeededRandom } from '../src-main/seed/random';
import zhCN from '../src-renderer/i18n/zh-CN';
import purchasing from '../src-renderer/features/purchasing/messages.zh-CN';
import stock from '../src-renderer/features/stock/messages.zh-CN';
import { chromiumAvailable, openAppInBrowser, screenshot, type AppInBrowser, type RunningApp } from './harness';

const run = chromiumAvailable();
const OWNER = { username: 'boss', password: 'secret-pass-1' };

const GOODS: [string, string, string, number][] = [
  ['矿泉水', '550ml×24', '箱', 2400],
  ['纯牛奶', '250ml×16', '箱', 4200],
  ['绿茶饮料', '500ml×15', '箱', 3000],
  ['方便面', '五连包', '袋', 1150],
  ['食用油', '5L', '桶', 6800],
  ['大米', '10kg', '袋', 5200],
  ['酱油', '500ml', '瓶', 850],
  ['收银一体机', 'T2', '台', 168000],
  ['电子秤', '30kg', '台', 32000],
  ['打印纸', '80mm×80', '卷', 320],
];

/** A company whose catalog has a few goods, stocked by the stock area's demo step (warehouses, suppliers, documents). */
async function stockedDatabase(): Promise<string> {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'desk-erp-stock-e2e-')), 'desk-erp.sqlite');
  const backend = createBackend({ file });
  const setup = await backend.call({ session: { user: null }, transport: 'cli' }, 'auth.setup', {
    companyName: '金陵副食品商行',
    ownerUsername: OWNER.username,
    ownerDisplayName: '周老板',
    password: OWNER.password,
  });
  if (!setup.ok) throw new Error(setup.error.message);
  const now = new Date().toISOString();
  const insert = backend.conn.sqlite.prepare(
    `INSERT INTO products (id, code, name, name_pinyin, spec, unit, vat_rate, standard_cost, is_serial_tracked, created_at, updated_at) VALUES (?, ?, ?, '', ?, ?, 1300, ?, ?, ?, ?)`,
  );
  GOODS.forEach(([name, spec, unit, cost], i) => insert.run(newId(), `SP${String(i + 1).padStart(4, '0')}`, name, spec, unit, cost, name === '收银一体机' ? 1 : 0, now, now));
  await seedStock(backend.conn, { scale: 'medium', random: new SeededRandom(2026), staffIds: [], asOf: businessDateIn('Asia/Shanghai') });
  backend.close();
  return file;
}

describe.runIf(run)('stock and purchasing in Chromium', () => {
  let session: AppInBrowser;
  let app: RunningApp;
  let page: Page;
  let pageErrors: string[];

  beforeAll(async () => {
    session = await openAppInBrowser({ dbFile: await stockedDatabase(), width: 1366, height: 860, timeoutMs: 15_000 });
    ({ app, page, pageErrors } = session);
    await page.goto(app.url);
    await page.getByLabel(zhCN.login.username).fill(OWNER.username);
    await page.getByLabel(zhCN.login.password).fill(OWNER.password);
    await page.getByRole('button', { name: zhCN.login.submit }).click();
    await page.getByTestId('nav').waitFor();
  }, 120_000);

  afterAll(async () => {
    await session?.close();
  });

  it('shows stock per product and warehouse, and the moves behind a figure one click away', async () => {
    await page.locator('[data-nav="stock"]').click();
    await page.getByTestId('data-table').waitFor();
    expect(await page.getByTestId('data-table').getByText('矿泉水').count()).toBeGreaterThan(0);
    await screenshot(page, 'stock-01-overview');
    await page.getByTestId('data-table').getByText('矿泉水').first().click();
    await page.getByText(stock.moveKind.opening).first().waitFor();
    await screenshot(page, 'stock-02-moves-of-a-figure');
    await page.keyboard.press('Escape');
  });

  it('lists the moves, counts, transfers and warehouses', async () => {
    for (const [tab, name] of [
      ['moves', 'stock-03-moves'],
      ['counts', 'stock-04-counts'],
      ['transfers', 'stock-05-transfers'],
      ['warehouses', 'stock-06-warehouses'],
    ] as const) {
      await page.getByTestId(`stock-tab-${tab}`).click();
      await page.getByTestId('data-table').waitFor();
      await screenshot(page, name);
    }
    await page.getByTestId('stock-tab-counts').click();
    await page.getByTestId('data-table').getByText(stock.countStatus.posted).first().click();
    await page.getByText(stock.field.expected).waitFor();
    await screenshot(page, 'stock-07-count-sheet');
    await page.keyboard.press('Escape');
  });

  it('opens a count sheet for the shop warehouse and posts a difference', async () => {
    await page.getByTestId('open-count').click();
    await page.getByRole('dialog').getByRole('button', { name: zhCN.common.save }).click();
    const first = page.getByRole('dialog').locator('input').first();
    await first.waitFor();
    await first.fill('0');
    await screenshot(page, 'stock-08-count-entry');
    await page.getByTestId('post-count').click();
    await page.getByTestId('confirm-post-count').click();
    await page.getByText(stock.counts.posted).waitFor();
  });

  it('shows purchase orders, receives one, and the replenishment suggestions by supplier', async () => {
    await page.locator('[data-nav="purchasing"]').click();
    await page.getByTestId('data-table').waitFor();
    await screenshot(page, 'purchasing-01-orders');
    await page.getByTestId('data-table').getByText(purchasing.status.confirmed).first().click();
    await page.getByRole('button', { name: purchasing.orders.receiveAll }).click();
    await screenshot(page, 'purchasing-02-receive');
    await page.getByTestId('receive-order').click();
    await page.getByText(purchasing.orders.receivedNotice).waitFor();
    await page.keyboard.press('Escape');

    await page.getByTestId('purchasing-tab-replenishment').click();
    await page.locator('[data-testid="order-replenishment"], [data-testid="empty-state"]').first().waitFor();
    await screenshot(page, 'purchasing-03-replenishment');
    await page.getByTestId('purchasing-tab-suppliers').click();
    await page.getByTestId('data-table').waitFor();
    await screenshot(page, 'purchasing-04-suppliers');
    expect(pageErrors).toEqual([]);
  });
});
