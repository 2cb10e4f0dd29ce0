/** Reading the workbench's figures and the totals of the lists they open, for the E2E files that click through. */
import type { Page } from 'playwright-core';
import { expect } from 'vitest';

export const digits = (text: string | null) => Number((text ?? '').replace(/\D/g, ''));

/** The total under a server-paged list (共 N 条), once the list has stopped loading. */
export async function listTotal(page: Page): Promise<number> {
  const total = page.getByTestId('page-total');
  await total.waitFor();
  await page.waitForFunction(() => !document.querySelector('[data-testid="page-total"]')?.closest('[aria-busy="true"]'));
  return digits(await total.textContent());
}

/** Waits until the list's total is `count`; a list still showing its previous query's total gets the time to refetch. */
export async function expectListTotal(page: Page, count: number, what: string): Promise<void> {
  await expect.poll(() => listTotal(page), { timeout: 20_000, message: what }).toBe(count);
}

/** Clicks a figure on the workbench and reads the total of the list it opens. */
export async function clickThrough(page: Page, card: string, figure: string): Promise<{ figure: number; list: number }> {
  const row = page.getByTestId(`card-${card}`).getByTestId(`figure-${card}-${figure}`);
  const count = digits(await row.getByTestId('figure-link').textContent());
  await row.getByTestId('figure-link').click();
  return { figure: count, list: await listTotal(page) };
}
