import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatFen } from '../src-main/domain/core/money';
import statements from '../src-renderer/features/statements/messages.zh-CN';
import print from '../src-renderer/print/messages.zh-CN';
import { ARTIFACTS, chromiumAvailable, screenshot, type AppInBrowser } from './harness';
import { openSeededApp } from './seeded-app';

const run = chromiumAvailable();

describe.runIf(run)('a customer statement (对账单) printed from Chromium', () => {
  let session: AppInBrowser;
  let customer = { name: '', company: '' };

  beforeAll(async () => {
    session = await openSeededApp({
      name: 'statements',
      timeoutMs: 60_000,
      // The seeded customer with the most invoices: a statement with lines on it.
      inspect: (backend) => {
        const row = backend.conn.sqlite
          .prepare(
            `SELECT c.name, (SELECT name FROM company WHERE id = 1) AS company FROM customers c JOIN invoices i ON i.customer_id = c.id
              WHERE i.status = 'posted' AND c.merged_into_id IS NULL GROUP BY c.id ORDER BY count(*) DESC, c.code LIMIT 1`,
          )
          .get() as { name: string; company: string };
        customer = row;
      },
    });
  }, 180_000);

  afterAll(async () => {
    await session?.close();
  });

  it('creates a statement for a seeded customer, prints it, and the PDF says who, what is owed, and where the customer signs', async () => {
    const { page, app } = session;
    await page.setViewportSize({ width: 1366, height: 860 });
    await page.goto(`${app.url}#/statements`);
    await page.getByTestId('new-statement').click();
    const picker = page.getByRole('dialog').getByLabel(statements.field.customer);
    await picker.fill(customer.name.slice(0, 6));
    await page.getByRole('option', { name: customer.name }).first().click();
    await screenshot(page, 'statements-01-new-1366');
    await page.getByTestId('create-statement').click();
    await page.getByTestId('statement-lines').waitFor({ timeout: 30_000 });
    await screenshot(page, 'statements-02-statement-1366');
    const id = /#\/statements\/([0-9a-f-]{36})/.exec(page.url())![1]!;
    const saved = (await page.evaluate(async (statementId) => {
      const response = await fetch('/api/statements.get', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ id: statementId }) });
      return ((await response.json()) as { data: { closingBalance: number; customerName: string } }).data;
    }, id)) as { closingBalance: number; customerName: string };
    expect(saved.customerName).toBe(customer.name);

    await page.getByTestId('print-statement').click();
    await page.getByText(print.statement.slipTitle).first().waitFor({ timeout: 30_000 });
    await screenshot(page, 'statements-03-print-preview-1366');
    const file = path.join(ARTIFACTS, 'statements-04-statement.pdf');
    fs.writeFileSync(file, await page.pdf({ preferCSSPageSize: true, printBackground: true }));
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    expect(text).toContain(customer.company);
    expect(text).toContain(customer.name);
    expect(text).toContain(print.statement.slipTitle);
    expect(text).toContain(formatFen(saved.closingBalance));
    expect(text).not.toContain(print.toolbar.back);
    execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', file, path.join(ARTIFACTS, 'statements-04-statement-page')]);
    expect(session.pageErrors).toEqual([]);
  }, 180_000);
});
