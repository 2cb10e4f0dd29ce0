import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_OWNER } from '../src-main/seed/seed';
import zhCN from '../src-renderer/i18n/zh-CN';
import { chromiumAvailable, screenshot, type AppInBrowser } from './harness';
import { openSeededApp } from './seeded-app';
import { clickThrough, digits } from './workbench-figures';

const run = chromiumAvailable();

describe.runIf(run).each([
  { who: 'owner', username: DEMO_OWNER.username },
  { who: 'sales', username: 'wangfang' },
])('the workbench in Chromium as $who', ({ who, username }) => {
  let session: AppInBrowser;
  let page: Page;

  beforeAll(async () => {
    session = await openSeededApp({ name: `workbench-${who}`, username });
    page = session.page;
    await page.getByTestId('workbench').waitFor();
  }, 180_000);

  afterAll(async () => {
    await session?.close();
  });

  it('shows the cards for the role and looks right at 1366 and 1024 px', async () => {
    await expect(page.getByTestId('workbench-scope').textContent()).resolves.toContain(who === 'sales' ? zhCN.dashboard.scopeOwn : zhCN.dashboard.scopeAll);
    await expect(page.getByTestId('card-teamActivity').count()).resolves.toBe(who === 'sales' ? 0 : 1);
    await screenshot(page, `workbench-${who}-1366`);
    await page.setViewportSize({ width: 1024, height: 768 });
    await screenshot(page, `workbench-${who}-1024`);
    await page.setViewportSize({ width: 1366, height: 860 });
    expect(session.pageErrors).toEqual([]);
  });

  it('opens the customers whose planned contact is due; a call that plans the next one a week on takes one off', async () => {
    const { figure, list } = await clickThrough(page, 'followUp', 'nextContactDue');
    expect(figure).toBeGreaterThan(0);
    await page.waitForFunction((n) => Number(document.querySelector('[data-testid="page-total"]')?.textContent?.replace(/\D/g, '')) === n, figure);
    expect(list).toBeGreaterThan(0);
    await page.getByTestId('customer-row').first().click();
    await page.getByTestId('tab-interactions').click();
    const planned = page.getByTestId('next-contact');
    await expect(planned.textContent()).resolves.toMatch(/^下次联系：\d{4}-\d{2}-\d{2}，已到期$/);
    const nextWeek = new Date(Date.now() + 8 * 3_600_000 + 7 * 86_400_000).toISOString().slice(0, 10);
    await page.getByTestId('interaction-subject').fill('电话回访，确认下周送货');
    await page.getByTestId('interaction-next-contact').fill(nextWeek);
    await screenshot(page, `workbench-${who}-next-contact-form`);
    await page.getByTestId('log-interaction-submit').click();
    await expect.poll(() => planned.textContent(), { timeout: 10_000 }).toBe(`下次联系：${nextWeek}`);
    await page.getByTestId('timeline-entry').first().getByText(`约定 ${nextWeek} 再联系`).waitFor();
    await screenshot(page, `workbench-${who}-next-contact-logged`);
    await page.locator('[data-nav="dashboard"]').click();
    const row = page.getByTestId('card-followUp').getByTestId('figure-followUp-nextContactDue');
    await expect.poll(async () => digits(await row.textContent()), { timeout: 10_000 }).toBe(figure - 1);
    await page.getByTestId('workbench').waitFor();
  });

  it('opens the customers to follow up with the same count as the figure', async () => {
    const { figure, list } = await clickThrough(page, 'followUp', 'due');
    expect(figure).toBeGreaterThan(0);
    await page.waitForFunction((n) => Number(document.querySelector('[data-testid="page-total"]')?.textContent?.replace(/\D/g, '')) === n, figure);
    expect(list).toBeGreaterThan(0);
    await screenshot(page, `workbench-${who}-follow-up-list`);
    await page.goBack();
    await page.getByTestId('workbench').waitFor();
  });

  it('opens the leads waiting for a first call with the same count as the figure, or says none are waiting', async () => {
    const card = page.getByTestId('card-leadsWaiting');
    if ((await card.getByTestId('figure-link').count()) === 0) {
      await card.getByText(zhCN.dashboard.empty.leadsWaiting).waitFor();
      return;
    }
    const { figure } = await clickThrough(page, 'leadsWaiting', 'new');
    await page.waitForFunction((n) => Number(document.querySelector('[data-testid="page-total"]')?.textContent?.replace(/\D/g, '')) === n, figure);
    await screenshot(page, `workbench-${who}-leads-list`);
  });

  it('opens the orders past their promised date from the sales orders card, filtered as they were counted', async () => {
    await page.getByRole('link', { name: zhCN.nav.dashboard }).first().click();
    await page.getByTestId('card-orders').waitFor();
    const { figure, list } = await clickThrough(page, 'orders', 'lateDeliveries');
    expect(figure).toBeGreaterThan(0);
    expect(list).toBe(figure);
    await expect(page.getByTestId('orders-promised-before').textContent()).resolves.toContain('承诺交期早于');
    await screenshot(page, `workbench-${who}-orders-late`);
    expect(session.pageErrors).toEqual([]);
    await page.goBack();
    await page.getByTestId('workbench').waitFor();
  });

  it('shows each stage with its moves of 30 days for the owner and the next action for a salesperson, and a move opens its customers', async () => {
    await page.getByRole('link', { name: zhCN.nav.dashboard }).first().click();
    const stages = page.getByTestId('card-stages');
    await stages.scrollIntoViewIfNeeded();
    if (who === 'sales') {
      await expect(stages.getByTestId('stage-next-action').count()).resolves.toBeGreaterThan(0);
      await expect(stages.getByTestId('figure-move-entered').count()).resolves.toBe(0);
      await screenshot(page, `workbench-${who}-stages`);
      return;
    }
    const moved = stages.locator('a[data-testid="figure-move-entered"]').first();
    await moved.waitFor();
    const count = digits(await moved.textContent());
    expect(count).toBeGreaterThan(0);
    await screenshot(page, `workbench-${who}-stages`);
    await moved.click();
    await page.getByTestId('page-total').waitFor();
    await page.waitForFunction((n) => Number(document.querySelector('[data-testid="page-total"]')?.textContent?.replace(/\D/g, '')) === n, count);
    await page.goBack();
    await page.getByTestId('workbench').waitFor();
  });
});
