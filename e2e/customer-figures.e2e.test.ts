import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatFen } from '../src-main/domain/core/money';
import { businessDateIn } from '../src-main/domain/core/dates';
import { agingAsOf } from '../src-main/domain/receivables/aging';
import { customerReceivables } from '../src-main/domain/receivables/balances';
import customers from '../src-renderer/features/customers/messages.zh-CN';
import { chromiumAvailable, screenshotsAtBothWidths, type AppInBrowser, type RunningApp } from './harness';
import { openSeededApp } from './seeded-app';

const run = chromiumAvailable();

describe.runIf(run)('the 360° header and the 应收 tab of a seeded customer with overdue invoices', () => {
  let session: AppInBrowser;
  let app: RunningApp;
  let page: Page;
  let customer = { id: '', balance: 0, overdue: 0 };

  beforeAll(async () => {
    session = await openSeededApp({
      name: 'customer-figures',
      timeoutMs: 30_000,
      inspect: (backend) => {
        const sqlite = backend.conn.sqlite;
        const timeZone = sqlite.prepare('SELECT time_zone FROM company').pluck().get() as string;
        // The aging is a second reading of the same documents: the customer owing most past due.
        // Credit not yet applied (an unallocated receipt) sits in the aging's buckets by its date but
        // against no invoice, so the two readings differ for such a customer by design: one without.
        const today = businessDateIn(timeZone);
        const codeToId = sqlite.prepare('SELECT id FROM customers WHERE code = ?').pluck();
        const rows = agingAsOf(sqlite, today)
          .rows.map((r) => ({ id: codeToId.get(r.customer_code) as string, total: r.total, overdue: r.total - (r.by_bucket.not_due ?? 0) }))
          .filter((r) => customerReceivables(sqlite, r.id, today).credit === 0);
        const most = rows.sort((a, b) => b.overdue - a.overdue)[0]!;
        customer = { id: most.id, balance: most.total, overdue: most.overdue };
      },
    });
    ({ app, page } = session);
  }, 180_000);

  afterAll(async () => {
    await session?.close();
  });

  it('says in the header what the 应收 tab says: the balance and the part of it overdue', async () => {
    expect(customer.overdue).toBeGreaterThan(0);
    await page.goto(`${app.url}#/customers/${customer.id}`);
    const header = page.getByTestId('overview-balance-due');
    await header.waitFor();
    const overdueHint = customers.view.stats.overdue.replace('{{amount}}', formatFen(customer.overdue));
    await expect.poll(() => header.textContent()).toBe(customers.view.stats.balanceDue + formatFen(customer.balance) + overdueHint);
    await screenshotsAtBothWidths(page, 'customer-figures-01-header');

    await page.getByTestId('tab-receivables').click();
    await expect.poll(() => page.getByTestId('receivables-overdue').textContent()).toContain(formatFen(customer.overdue));
    expect(await page.getByTestId('receivables-balance').textContent()).toContain(formatFen(customer.balance));
    await screenshotsAtBothWidths(page, 'customer-figures-02-receivables-tab');
  }, 120_000);
});
