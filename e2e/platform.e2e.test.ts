import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { chromiumAvailable, downloadedSheet, screenshot, openAppInBrowser, chooseLanguage, type AppInBrowser, type RunningApp } from './harness';
import { NAV_ENTRIES as NAV } from '../src-renderer/nav-entries';
import zhCN from '../src-renderer/i18n/zh-CN';
import en from '../src-renderer/i18n/en';
import { AUDIT_EXPORT_WORDS } from '../src-main/domain/audit/audit-export.messages';

const run = chromiumAvailable();


describe.runIf(run)('platform in Chromium', () => {
  let session: AppInBrowser;
  let app: RunningApp;
  let page: Page;
  let pageErrors: string[];

  beforeAll(async () => {
    session = await openAppInBrowser({ width: 1366, height: 860, timeoutMs: 10_000 });
    ({ app, page, pageErrors } = session);
  });

  afterAll(async () => {
    await session?.close();
  });

  it('walks a new company through the first-run wizard', async () => {
    await page.goto(app.url);
    await page.getByTestId('setup-wizard').waitFor();
    await screenshot(page, 'platform-01-setup-company');
    await page.getByRole('button', { name: zhCN.common.next }).click();
    // An empty company name is refused beside the field.
    await page.getByText(zhCN.common.required).first().waitFor();
    await page.getByLabel(zhCN.setup.companyName).fill('南京博雅食品有限公司');
    await page.getByRole('button', { name: zhCN.common.next }).click();
    await page.getByLabel(zhCN.setup.ownerName).fill('周博雅');
    await page.getByLabel(zhCN.setup.ownerUsername).fill('boss');
    await page.getByLabel(new RegExp(`^${zhCN.setup.password}`)).fill('secret-pass-1');
    await page.getByLabel(zhCN.setup.passwordConfirm).fill('secret-pass-2');
    await page.getByRole('button', { name: zhCN.setup.finish }).click();
    await page.getByText(zhCN.setup.passwordsDiffer).waitFor();
    await page.getByLabel(zhCN.setup.passwordConfirm).fill('secret-pass-1');
    await screenshot(page, 'platform-02-setup-owner');
    await page.getByRole('button', { name: zhCN.setup.finish }).click();
    await page.getByText(zhCN.setup.doneText).waitFor();
    await page.getByRole('button', { name: zhCN.setup.finish }).click();
    await page.getByTestId('nav').waitFor();
    await screenshot(page, 'platform-03-dashboard');
  });

  it('signs out, refuses a wrong password and signs back in', async () => {
    await page.getByTestId('user-menu').click();
    await page.getByTestId('logout').click();
    await page.getByTestId('login').waitFor();
    await page.getByLabel(zhCN.login.username).fill('boss');
    await page.getByLabel(zhCN.login.password).fill('wrong-password');
    await page.getByRole('button', { name: zhCN.login.submit }).click();
    await page.getByText(zhCN.login.failed).waitFor();
    await screenshot(page, 'platform-04-login-failed');
    await page.getByLabel(zhCN.login.password).fill('secret-pass-1');
    await page.getByRole('button', { name: zhCN.login.submit }).click();
    await page.getByTestId('nav').waitFor();
  });

  it('opens every navigation entry', async () => {
    for (const entry of NAV) {
      await page.locator(`[data-nav="${entry.key}"]`).click();
      const title = page.getByTestId('page-title');
      await title.waitFor();
      const expected = entry.key === 'dashboard' ? zhCN.dashboard.welcome.replace('{{name}}', '周博雅') : zhCN.nav[entry.key as keyof typeof zhCN.nav];
      // A landed area may name its page more fully than the menu does (发货 → 发货单).
      expect(await title.textContent()).toContain(expected);
      await screenshot(page, `platform-nav-${entry.key}`);
    }
    expect(pageErrors).toEqual([]);
  });

  it('switches to English and back to Simplified Chinese', async () => {
    await page.locator('[data-nav="users"]').click();
    await chooseLanguage(page, 'English');
    await expect(page.getByTestId('page-title').textContent()).resolves.toBe(en.users.title);
    await expect(page.locator('[data-nav="customers"]').textContent()).resolves.toContain(en.nav.customers);
    await screenshot(page, 'platform-05-english');
    // The users list as a file, in the language the screen is in.
    await page.getByTestId('data-table').locator('tbody tr').first().waitFor();
    const users = await downloadedSheet(page);
    expect(users.rows[0]!.slice(0, 3)).toEqual([en.users.displayName, en.users.username, en.users.role]);
    expect(users.rows.slice(1).map((r) => r[2])).toContain(en.roles.owner);
    await chooseLanguage(page, '简体中文');
    await expect(page.getByTestId('page-title').textContent()).resolves.toBe(zhCN.users.title);
  });

  it('finds an area from the command palette', async () => {
    await page.keyboard.press('Control+K');
    await page.getByPlaceholder(zhCN.shell.searchPlaceholder).fill('操作');
    await screenshot(page, 'platform-06-palette');
    await page.getByText(zhCN.nav.audit, { exact: true }).last().click();
    await expect(page.getByTestId('page-title').textContent()).resolves.toBe(zhCN.audit.title);
    // The wizard, the failed and the good sign-ins are all in the activity log.
    await page.getByTestId('data-table').waitFor();
    await page.getByPlaceholder(zhCN.shell.searchPlaceholder).waitFor({ state: 'hidden' });
    await expect(page.getByText(AUDIT_EXPORT_WORDS['zh-CN'].methods['auth.setup'], { exact: true }).count()).resolves.toBeGreaterThan(0);
    await screenshot(page, 'platform-07-audit');
  });

  it('switches to the dark theme', async () => {
    await page.getByTestId('theme-toggle').click();
    await expect(page.evaluate(() => document.documentElement.getAttribute('data-mantine-color-scheme'))).resolves.toBe('dark');
    await screenshot(page, 'platform-08-dark');
    await page.getByTestId('theme-toggle').click();
  });
});
