import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import zhCN from '../src-renderer/i18n/zh-CN';
import leads from '../src-renderer/features/leads/messages.zh-CN';
import { chromiumAvailable, downloadedSheet, screenshot, type AppInBrowser, type RunningApp } from './harness';
import { openSeededApp } from './seeded-app';

const run = chromiumAvailable();

async function columnCount(page: Page, stage: string): Promise<number> {
  return Number(((await page.getByTestId(`board-column-${stage}`).getByTestId('column-count').textContent()) ?? '').replace(/\D/g, ''));
}

describe.runIf(run)('leads, opportunities and channel ROI in Chromium', () => {
  let session: AppInBrowser;
  let app: RunningApp;
  let page: Page;
  let pageErrors: string[];

  beforeAll(async () => {
    // The small demo book: 500 customers, their leads, campaigns and deals.
    session = await openSeededApp({ name: 'leads', width: 1440, height: 900, timeoutMs: 10_000 });
    ({ app, page, pageErrors } = session);
  }, 180_000);

  afterAll(async () => {
    await session?.close();
  });

  it('lists the leads and creates one through the form', async () => {
    // A seeded book says so on every screen.
    await expect(page.getByTestId('demo-data').textContent()).resolves.toBe(zhCN.shell.demoData);
    await page.locator('[data-nav="leads"]').click();
    await page.getByTestId('data-table').waitFor();
    await screenshot(page, 'leads-01-list');
    await page.getByTestId('add-lead').click();
    const form = page.getByTestId('lead-form');
    await form.getByLabel(leads.field.name).fill('陈思远');
    await form.getByLabel(leads.field.title).fill('采购经理');
    await form.getByLabel(leads.field.company).fill('苏州云帆烘焙有限公司');
    await form.getByLabel(leads.field.mobile).fill('139 1234 8888');
    await form.getByLabel(leads.field.source).fill('展会');
    await screenshot(page, 'leads-02-create-form');
    await page.getByTestId('lead-save').click();
    const drawer = page.getByTestId('lead-drawer');
    await drawer.getByText('苏州云帆烘焙有限公司').first().waitFor();
    await expect(drawer.getByTestId('lead-status').textContent()).resolves.toBe(leads.status.new);
  });

  it('logs a follow-up and converts the lead to a customer, then opens the customer', async () => {
    const drawer = page.getByTestId('lead-drawer');
    await drawer.getByTestId('follow-up-subject').fill('展会后电话回访，想要月饼礼盒报价');
    await drawer.getByTestId('follow-up-submit').click();
    await drawer.getByText('展会后电话回访，想要月饼礼盒报价').last().waitFor();
    await expect(drawer.getByTestId('lead-status').textContent()).resolves.toBe(leads.status.contacted);
    await drawer.getByTestId('convert-lead').click();
    await page.getByTestId('convert-name').waitFor();
    await screenshot(page, 'leads-03-convert');
    await page.getByTestId('convert-submit').click();
    await drawer.getByTestId('lead-converted').waitFor();
    await expect(drawer.getByTestId('lead-status').textContent()).resolves.toBe(leads.status.converted);
    await drawer.getByText(leads.detail.onCustomerTimeline).waitFor();
    await screenshot(page, 'leads-04-converted');
    await drawer.getByTestId('open-customer').click();
    await page.waitForURL(/\/customers\/[0-9a-f-]{36}$/);
    await page.getByText('苏州云帆烘焙有限公司').first().waitFor();
    // The lead's follow-up is on the customer's timeline.
    await page.getByTestId('tab-interactions').click();
    await page.getByText('展会后电话回访，想要月饼礼盒报价').first().waitFor();
    await screenshot(page, 'leads-05-customer');
  });

  it('shows the kanban and moves an opportunity by dragging and by the menu', async () => {
    await page.goto(`${app.url}#/leads/board`);
    await page.getByTestId('opportunity-board').waitFor();
    await screenshot(page, 'leads-06-board');
    const contactBefore = await columnCount(page, 'contact');
    const needsBefore = await columnCount(page, 'needs');
    expect(contactBefore).toBeGreaterThan(0);
    const card = page.getByTestId('board-column-contact').getByTestId('opportunity-card').first();
    await card.dragTo(page.getByTestId('board-column-needs'));
    // A column shows its first 50 cards by close date, so the moved deal is proved by the counts.
    await expect.poll(() => columnCount(page, 'needs')).toBe(needsBefore + 1);
    expect(await columnCount(page, 'contact')).toBe(contactBefore - 1);

    const proposalBefore = await columnCount(page, 'proposal');
    await page.getByTestId('board-column-needs').getByTestId('opportunity-menu').first().click();
    await page.getByTestId('move-to-proposal').click();
    await expect.poll(() => columnCount(page, 'proposal')).toBe(proposalBefore + 1);
    await screenshot(page, 'leads-07-board-moved');

    // The move is in the deal's stage history.
    await page.getByTestId('board-column-proposal').getByTestId('opportunity-card').first().click();
    await page.getByTestId('opportunity-form').waitFor();
    await page.getByText(leads.opportunity.history).waitFor();
    await screenshot(page, 'leads-08-opportunity');
    await page.keyboard.press('Escape');
  });

  it('exports every deal the board counts, not only the cards its columns show', async () => {
    await page.goto(`${app.url}#/leads/board`);
    await page.getByTestId('opportunity-board').waitFor();
    let onBoard = 0;
    for (const stage of ['contact', 'needs', 'proposal', 'negotiation', 'won', 'lost']) onBoard += await columnCount(page, stage);
    const deals = await downloadedSheet(page);
    expect(deals.name).toMatch(/^商机-.*\.xlsx$/);
    expect(deals.rows[0]!.slice(0, 3)).toEqual([leads.opportunity.title, leads.opportunity.party, leads.opportunity.stage]);
    expect(deals.rows.length - 1).toBe(onBoard);
  });

  it("exports a customer's deals from its 360° view", async () => {
    const customerId = await page.evaluate(async () => {
      const response = await fetch('/api/leads.listOpportunities', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ pageSize: 200 }) });
      const result = (await response.json()) as { data: { rows: { customerId: string | null }[] } };
      return result.data.rows.find((d) => d.customerId)?.customerId ?? null;
    });
    expect(customerId, 'the demo book has a deal of a customer').toBeTruthy();
    await page.goto(`${app.url}#/customers/${customerId}`);
    await page.getByTestId('tab-deals').click();
    const table = page.getByTestId('customer-deals').getByTestId('data-table');
    await table.locator('tbody tr').first().waitFor();
    const shown = await table.locator('tbody tr').count();
    const firstTitle = (await table.locator('tbody tr').first().locator('td').first().textContent())!.trim();
    const deals = await downloadedSheet(page);
    expect(deals.name).toMatch(/^商机-.*\.xlsx$/);
    expect(deals.rows[0]!.slice(0, 3)).toEqual([leads.opportunity.title, leads.opportunity.party, leads.opportunity.stage]);
    expect(deals.rows.length - 1).toBe(shown);
    expect(deals.rows[1]![0]).toBe(firstTitle);
    // Back to the leads pages, where the next tests go on.
    await page.goto(`${app.url}#/leads/board`);
    await page.getByTestId('opportunity-board').waitFor();
  });

  it('lists campaigns with their cost', async () => {
    await page.getByTestId('leads-tab-campaigns').click();
    await page.getByTestId('data-table').waitFor();
    await expect(page.getByText('百度推广').count()).resolves.toBeGreaterThan(0);
    await screenshot(page, 'leads-09-campaigns');
  });

  it('shows the channel report with its chart and totals', async () => {
    await page.getByTestId('leads-tab-channels').click();
    await page.getByTestId('channel-table').waitFor();
    await page.getByTestId('channel-chart').locator('canvas').waitFor();
    const channels = await page.getByTestId('channel-row').allTextContents();
    for (const channel of ['百度推广', '抖音', '展会', '老客户介绍', '官网', '地推']) expect(channels.some((row) => row.includes(channel))).toBe(true);
    await expect(page.getByTestId('channel-total').textContent()).resolves.toContain(leads.channels.total);
    await screenshot(page, 'leads-10-channels');
    expect(pageErrors).toEqual([]);
  });
});
