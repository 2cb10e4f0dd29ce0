import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_OWNER } from '../src-main/seed/seed';
import zhCN from '../src-renderer/i18n/zh-CN';
import { chromiumAvailable, screenshot, type AppInBrowser } from './harness';
import { openSeededApp } from './seeded-app';

const run = chromiumAvailable();

// 00:30 on 29 November in Shanghai, the demo company's zone: UTC and Los Angeles still say the 28th.
const SHANGHAI_HALF_PAST_MIDNIGHT = '2026-11-28T16:30:00.000Z';
/** What a date looks like when it skipped the formatter: an ISO string, Date.toString, a US-style toLocaleString. */
const RAW_TIMESTAMP = /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}|GMT[+-]|\d{1,2}\/\d{1,2}\/\d{4}/;

async function callApi<T>(page: Page, method: string, input: unknown): Promise<T> {
  const reply = await page.evaluate(
    async ([m, body]) => (await fetch(`/api/${m as string}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) })).json() as Promise<{ ok: boolean; data?: unknown }>,
    [method, input] as const,
  );
  if (!reply.ok) throw new Error(`${method} refused: ${JSON.stringify(reply)}`);
  return reply.data as T;
}

async function bodyText(page: Page): Promise<string> {
  return page.evaluate(() => document.body.innerText);
}

describe.runIf(run)('dates and counts on the screens, with the computer set to another zone than the company', () => {
  let session: AppInBrowser;
  let page: Page;
  let customerId: string;

  beforeAll(async () => {
    session = await openSeededApp({ name: 'words-dates', timeoutMs: 30_000 });
    // The computer in Los Angeles; the company (settings) in Shanghai.
    page = await session.browser.newPage({ viewport: { width: 1366, height: 860 }, timezoneId: 'America/Los_Angeles' });
    page.setDefaultTimeout(30_000);
    page.on('pageerror', (error) => session.pageErrors.push(error.message));
    await page.goto(session.app.url);
    await page.getByLabel(zhCN.login.username).fill(DEMO_OWNER.username);
    await page.getByLabel(zhCN.login.password).fill(DEMO_OWNER.password);
    await page.getByRole('button', { name: zhCN.login.submit }).click();
    await page.getByTestId('nav').waitFor();
    // A new customer, so the call is on the timeline's first page whatever the demo book holds.
    customerId = (await callApi<{ id: string }>(page, 'customers.create', { name: '南京夜半商贸有限公司', mobile: '13912340029' })).id;
    await callApi(page, 'customers.logInteraction', { customerId, kind: 'call', occurredAt: SHANGHAI_HALF_PAST_MIDNIGHT, subject: '半夜回电确认交期' });
  }, 180_000);

  afterAll(async () => {
    await session?.close();
  });

  it('shows the timeline on the company’s clock: the call at 00:30 in Shanghai is on the 29th', async () => {
    expect(await page.evaluate(() => new Date('2026-11-28T16:30:00.000Z').getDate())).toBe(28);
    await page.goto(`${session.app.url}#/customers/${customerId}`);
    await screenshot(page, 'words-dates-customer-1366');
    await page.getByTestId('tab-interactions').click();
    const entry = page.getByTestId('timeline-entry').filter({ hasText: '半夜回电确认交期' });
    await entry.waitFor();
    expect(await entry.textContent()).toContain('2026-11-29 00:30');
    expect(await bodyText(page)).not.toMatch(RAW_TIMESTAMP);
    await screenshot(page, 'words-dates-timeline-1366');
  }, 180_000);

  it.each([
    ['customers', '#/customers', 'words-dates-customers', true],
    ['orders', '#/orders', 'words-dates-orders', true],
    ['invoices', '#/invoices', 'words-dates-invoices', true],
    // The aging's one date is its 截止日期 field, which innerText does not read.
    ['receivables', '#/receivables', 'words-dates-receivables', false],
    ['activity log', '#/audit', 'words-dates-audit', true],
  ])('shows the %s with dates as 2026-11-28 and no raw timestamps', async (_screen, hash, name, showsDates) => {
    await page.goto(`${session.app.url}${hash}`);
    await page.getByTestId('page-title').waitFor();
    await page.waitForFunction(() => !document.querySelector('.mantine-Loader-root') && document.body.innerText.length > 200);
    const text = await bodyText(page);
    expect(text).not.toMatch(RAW_TIMESTAMP);
    if (showsDates) expect(text).toMatch(/20\d\d-\d\d-\d\d/);
    await screenshot(page, `${name}-1366`);
    await page.setViewportSize({ width: 1024, height: 768 });
    await screenshot(page, `${name}-1024`);
    await page.setViewportSize({ width: 1366, height: 860 });
  }, 180_000);

  it('counts the customers in 家 and stamps the activity log on the company’s clock', async () => {
    await page.goto(`${session.app.url}#/customers`);
    await expect.poll(() => page.getByTestId('page-total').textContent()).toMatch(/^共 \d+ 家客户$/);
    await page.goto(`${session.app.url}#/audit`);
    const logged = page.getByRole('row').filter({ hasText: '2026-' }).first();
    await logged.waitFor();
    expect(await logged.textContent()).toMatch(/\d{4}-\d{2}-\d{2} \d{2}:\d{2}/);
    expect(session.pageErrors).toEqual([]);
  }, 180_000);
});
