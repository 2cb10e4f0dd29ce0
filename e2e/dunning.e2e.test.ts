import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumAvailable, downloadedSheet, openAppInBrowser, screenshot, setUpCompanyThroughApi, type AppInBrowser } from './harness';

const run = chromiumAvailable();

async function call(page: Page, method: string, input: unknown): Promise<unknown> {
  return page.evaluate(
    async ([m, i]) => {
      const response = await fetch(`/api/${m}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(i) });
      const result = (await response.json()) as { ok: boolean; data?: unknown; error?: unknown };
      if (!result.ok) throw new Error(`${m}: ${JSON.stringify(result.error)}`);
      return result.data;
    },
    [method, input] as const,
  );
}

const daysAgo = (n: number) => new Date(Date.now() + 8 * 3600_000 - n * 86_400_000).toISOString().slice(0, 10);

describe.runIf(run)('dunning in Chromium', () => {
  let session: AppInBrowser;

  beforeAll(async () => {
    session = await openAppInBrowser({ timeoutMs: 30_000 });
    await session.page.goto(session.app.url);
    await setUpCompanyThroughApi(session.page);
    const page = session.page;
    await call(page, 'dunning.updateSettings', { holdAfterDays: 30 });
    const customers = [
      { name: '南京金桥贸易有限公司', email: 'caiwu@jinqiao.example', invoices: [[386_000, 75], [52_800, 40]] },
      { name: '苏州恒通建材有限公司', email: null, invoices: [[129_900, 33]] },
      { name: '无锡华联超市有限公司', email: 'ap@hualian.example', invoices: [[8_800, 28]] },
    ];
    for (const c of customers) {
      const { id } = (await call(page, 'customers.create', { name: c.name, mobile: `139${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`, email: c.email, paymentTermsDays: 30, allowDuplicate: true })) as { id: string };
      for (const [gross, age] of c.invoices) {
        await call(page, 'receivables.invoiceServices', { customerId: id, invoiceDate: daysAgo(age!), lines: [{ description: '安装服务', quantity: 1, unitPrice: gross, vatRate: 1300 }] });
      }
    }
    await call(page, 'dunning.run', {});
  }, 180_000);

  afterAll(async () => {
    await session?.close();
  });

  it('shows the queue, the settings and the hold on the customer at 1366 and 1024 px', async () => {
    const { page } = session;
    for (const width of [1366, 1024]) {
      await page.setViewportSize({ width, height: 860 });
      await page.goto(`${session.app.url}#/dunning?f=${encodeURIComponent(JSON.stringify({ scope: 'all', status: 'due' }))}`);
      await page.getByTestId('send-reminder').first().waitFor().catch(async (error: unknown) => {
        await screenshot(page, `dunning-queue-failed-${width}`);
        throw error;
      });
      expect(await page.getByTestId('send-reminder').count()).toBe(4);
      await screenshot(page, `dunning-queue-${width}`);
      await page.getByTestId('send-reminder').first().click();
      await page.getByTestId('reminder-subject').waitFor();
      await page.waitForFunction(() => (document.querySelector('[data-testid="reminder-subject"]') as HTMLInputElement | null)?.value !== '');
      await screenshot(page, `dunning-send-${width}`);
      await page.keyboard.press('Escape');
      await page.goto(`${session.app.url}#/dunning/settings`);
      await page.getByTestId('dunning-levels').waitFor();
      await screenshot(page, `dunning-settings-${width}`);
    }
    // The queue as a file to call down: the four reminders the screen shows, worded as on it.
    await page.goto(`${session.app.url}#/dunning?f=${encodeURIComponent(JSON.stringify({ scope: 'all', status: 'due' }))}`);
    await page.getByTestId('send-reminder').first().waitFor();
    const queue = await downloadedSheet(page);
    expect(queue.name).toMatch(/^催收提醒-\d{4}-\d{2}-\d{2}\.xlsx$/);
    expect({ rows: queue.rows.length - 1, statuses: [...new Set(queue.rows.slice(1).map((r) => r[7]))] }).toEqual({ rows: 4, statuses: ['待处理'] });
    // The collector's follow-ups on the to-do list, and the list as a file.
    const me = ((await call(page, 'auth.status', {})) as { user: { id: string } }).user.id;
    await call(page, 'tasks.create', { assigneeId: me, title: '电话催收南京金桥贸易，约定回款日期', dueDate: daysAgo(1) });
    await call(page, 'tasks.create', { assigneeId: me, title: '寄送十一月对账单给无锡华联超市', dueDate: daysAgo(-3) });
    await page.goto(`${session.app.url}#/tasks`);
    await page.getByTestId('data-table').locator('tbody tr').first().waitFor();
    await screenshot(page, 'dunning-tasks');
    const todos = await downloadedSheet(page);
    expect(todos.name).toMatch(/^待办-\d{4}-\d{2}-\d{2}\.xlsx$/);
    expect(todos.rows[0]!.slice(0, 4)).toEqual(['事项', '来源', '客户', '负责人']);
    expect(todos.rows.slice(1).map((r) => r[0])).toEqual(['电话催收南京金桥贸易，约定回款日期', '寄送十一月对账单给无锡华联超市']);
    await page.goto(`${session.app.url}#/customers`);
    await page.getByText('南京金桥贸易有限公司').first().click();
    await page.getByTestId('credit-hold-badge').waitFor();
    await screenshot(page, 'dunning-customer-hold-1024');
    expect(session.pageErrors).toEqual([]);
  }, 180_000);
});
