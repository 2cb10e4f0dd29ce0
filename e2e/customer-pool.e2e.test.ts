import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBackend } from '../src-main/backend/backend';
import { DEMO_OWNER, seedDemoData } from '../src-main/seed/seed';
import zhCN from '../src-renderer/i18n/zh-CN';
import customersZhCN from '../src-renderer/features/customers/messages.zh-CN';
import { chromiumAvailable, openAppInBrowser, screenshot, type AppInBrowser } from './harness';

const run = chromiumAvailable();

/** The demo book with five customers nobody owns (the pool). */
async function bookWithAPool(): Promise<string> {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'desk-erp-pool-e2e-')), 'desk-erp.sqlite');
  const backend = createBackend({ file });
  await seedDemoData(backend, { scale: 'small', seed: 2026 });
  backend.conn.sqlite.prepare('UPDATE customers SET owner_user_id = NULL WHERE id IN (SELECT id FROM customers ORDER BY code LIMIT 5)').run();
  backend.close();
  return file;
}

async function signIn(page: Page, url: string, username: string): Promise<void> {
  await page.goto(url);
  await page.getByLabel(zhCN.login.username).fill(username);
  await page.getByLabel(zhCN.login.password).fill(DEMO_OWNER.password);
  await page.getByRole('button', { name: zhCN.login.submit }).click();
  await page.getByTestId('workbench').waitFor();
}

describe.runIf(run)('the public pool (公海) in Chromium', () => {
  let session: AppInBrowser;
  let page: Page;

  beforeAll(async () => {
    session = await openAppInBrowser({ dbFile: await bookWithAPool(), width: 1366, height: 860, timeoutMs: 15_000 });
    page = session.page;
  }, 120_000);

  afterAll(async () => {
    await session?.close();
  });

  it('lets a salesperson open the pool from the customer list and claim a customer', async () => {
    await signIn(page, session.app.url, 'wangfang');
    await page.goto(`${session.app.url}#/customers`);
    await page.getByTestId('open-pool').click();
    await expect(page.getByTestId('page-title').textContent()).resolves.toBe(customersZhCN.pool.title);
    const claimButtons = page.locator('[data-testid^="claim-"]');
    await claimButtons.first().waitFor();
    expect(await claimButtons.count()).toBeGreaterThanOrEqual(5);
    const first = (await claimButtons.first().getAttribute('data-testid'))!;
    await screenshot(page, 'pool-sales-1366');
    await page.setViewportSize({ width: 1024, height: 768 });
    await screenshot(page, 'pool-sales-1024');
    await page.setViewportSize({ width: 1366, height: 860 });
    await claimButtons.first().click();
    await page.getByTestId(first).waitFor({ state: 'detached' });
    await expect(page.getByTestId('pool-rule').textContent()).resolves.toContain('今天已领取 1 家');
    expect(session.pageErrors).toEqual([]);
  });

  it('gives the owner the scope and pool settings', async () => {
    await page.context().clearCookies();
    await signIn(page, session.app.url, DEMO_OWNER.username);
    await page.goto(`${session.app.url}#/customers/pool`);
    await page.getByTestId('pool-settings').click();
    await page.getByTestId('scope-sales').waitFor();
    await screenshot(page, 'pool-settings-1366');
    expect(session.pageErrors).toEqual([]);
  });
});
