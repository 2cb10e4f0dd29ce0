import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import zhCN from '../src-renderer/i18n/zh-CN';
import { chromiumAvailable, screenshot, type AppInBrowser } from './harness';
import { openSeededApp } from './seeded-app';

const run = chromiumAvailable();

describe.runIf(run)('keyboard shortcuts in Chromium', () => {
  let session: AppInBrowser;
  let page: Page;

  beforeAll(async () => {
    session = await openSeededApp({ name: 'shortcuts' });
    page = session.page;
  }, 180_000);

  afterAll(async () => {
    await session?.close();
  });

  it('/ goes to the search, Ctrl+N opens a new customer, Ctrl+S saves it', async () => {
    await page.locator('[data-nav="customers"]').click();
    const search = page.getByTestId('customer-search');
    await search.waitFor();
    await page.getByTestId('page-title').click();
    await page.keyboard.press('/');
    await expect(search.evaluate((input) => input === document.activeElement)).resolves.toBe(true);
    await expect(search.inputValue()).resolves.toBe('');

    await page.keyboard.press('Control+N');
    await page.getByTestId('customer-form').waitFor();
    expect(page.url()).toMatch(/#\/customers\/new$/);

    await page.getByTestId('customer-name').fill('南京快键五金商行');
    await page.getByTestId('customer-mobile').fill('13955550123');
    await page.keyboard.press('Control+S');
    await page.waitForURL(/#\/customers\/[0-9a-f-]{36}$/);
    await expect(page.getByTestId('page-title').textContent()).resolves.toContain('南京快键五金商行');
    expect(session.pageErrors).toEqual([]);
  });

  it('Esc closes a drawer', async () => {
    await page.locator('[data-nav="customers"]').click();
    await page.getByTestId('more-filters').click();
    const drawer = page.getByRole('dialog');
    await drawer.waitFor();
    await page.keyboard.press('Escape');
    await drawer.waitFor({ state: 'detached' });
  });

  it('? shows the shortcuts with Ctrl key names, at 1366 and 1024 px', async () => {
    await page.getByTestId('page-title').click();
    await page.keyboard.press('Shift+Slash');
    const sheet = page.getByTestId('shortcut-list');
    await sheet.waitFor();
    const text = (await sheet.textContent()) ?? '';
    for (const words of [zhCN.shortcuts.save.name, zhCN.shortcuts.create.name, zhCN.shortcuts.close.name, zhCN.shortcuts.sheet.name, 'Ctrl+S', 'Ctrl+N', 'Esc']) expect(text).toContain(words);
    await screenshot(page, 'shortcuts-sheet-1366');
    await page.setViewportSize({ width: 1024, height: 768 });
    await screenshot(page, 'shortcuts-sheet-1024');
    await page.setViewportSize({ width: 1366, height: 860 });
    await page.keyboard.press('Escape');
    await sheet.waitFor({ state: 'detached' });
    expect(session.pageErrors).toEqual([]);
  });
});
