import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import backup from '../src-renderer/features/backup/messages.zh-CN';
import zhCN from '../src-renderer/i18n/zh-CN';
import { chromiumAvailable, downloadedSheet, openAppInBrowser, screenshot, setUpCompanyThroughApi, type AppInBrowser, type RunningApp } from './harness';

const run = chromiumAvailable();

/** Calls the API as the page's signed-in user, as the screens do. */
async function apiCall<T>(page: Page, method: string, input: unknown): Promise<{ ok: boolean; data?: T }> {
  return page.evaluate(
    async ([m, body]) => {
      const response = await fetch(`/api/${m}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
      return response.json();
    },
    [method, input] as const,
  );
}

const customerNames = async (page: Page) =>
  ((await apiCall<{ rows: { name: string }[] }>(page, 'customers.list', { page: 1, pageSize: 50 })).data?.rows ?? []).map((c) => c.name).sort();

describe.runIf(run)('backup and restore in Chromium', () => {
  let session: AppInBrowser;
  let app: RunningApp;
  let page: Page;

  beforeAll(async () => {
    session = await openAppInBrowser({ width: 1366, height: 900, timeoutMs: 15_000 });
    ({ app, page } = session);
    await page.goto(app.url);
    await setUpCompanyThroughApi(page);
    await page.getByTestId('nav').waitFor();
    const created = await apiCall(page, 'customers.create', { kind: 'company', name: '备份之前的客户', contacts: [{ name: '周博雅', mobile: '13912345678' }] });
    expect(created.ok).toBe(true);
  });

  afterAll(async () => {
    await session?.close();
  });

  it('backs up now, shows the backup in the list, and restores it', async () => {
    await page.locator('[data-nav="backup"]').click();
    await expect(page.getByTestId('page-title').textContent()).resolves.toBe(backup.title);
    await page.getByText(backup.list.emptyTitle, { exact: true }).waitFor();
    await screenshot(page, 'backup-00-empty');
    await page.getByTestId('backup-now').click();
    await page.getByText(backup.now.done.replace('{{name}}', '')).first().waitFor();
    await expect.poll(() => page.locator('[data-testid^="restore-desk-erp-"][data-testid$="-manual.sqlite"]').count()).toBe(1);
    await page.getByTestId('backup-last').waitFor();
    await screenshot(page, 'backup-01-page');
    const backups = await downloadedSheet(page);
    expect(backups.name).toMatch(/^备份列表-\d{4}-\d{2}-\d{2}\.xlsx$/);
    expect(backups.rows.map((row) => row.slice(1))).toEqual([
      [backup.list.kind, '大小（字节）', backup.list.name],
      [backup.list.kinds.manual, expect.any(Number), expect.stringMatching(/^desk-erp-.*-manual\.sqlite$/)],
    ]);

    expect((await apiCall(page, 'customers.create', { kind: 'company', name: '备份之后的客户', contacts: [{ name: '陈静', mobile: '13912345679' }] })).ok).toBe(true);
    expect(await customerNames(page)).toEqual(['备份之后的客户', '备份之前的客户'].sort());

    await page.locator('[data-testid^="restore-desk-erp-"][data-testid$="-manual.sqlite"]').click();
    const modal = page.getByTestId('restore-modal');
    await modal.getByText(backup.restore.kept).waitFor();
    expect(await page.getByTestId('restore-confirm').isDisabled()).toBe(true);
    await page.getByTestId('restore-understood').click();
    await screenshot(page, 'backup-02-restore-confirm');
    await page.getByTestId('restore-confirm').click();
    await page.getByTestId('restore-done').waitFor();
    await screenshot(page, 'backup-03-restored');

    expect(await customerNames(page)).toEqual(['备份之前的客户']);
    const kept = fs.readdirSync(path.dirname(app.dbFile)).filter((f) => f.includes('.before-restore.'));
    expect(kept).toHaveLength(1);
  });

  it('shows a failed backup on the workbench, with the reason and the way to the backup page', async () => {
    const drive = fs.mkdtempSync(path.join(os.tmpdir(), 'desk-erp-usb-'));
    await page.locator('[data-nav="backup"]').click();
    await page.getByTestId('backup-folder').fill(drive);
    await page.getByRole('button', { name: backup.folder.save }).click();
    await page.getByText(backup.folder.saved).waitFor();
    fs.rmSync(drive, { recursive: true });
    await page.getByTestId('backup-now').click();
    await page.getByTestId('backup-last-failed').waitFor();

    await page.locator('[data-nav="dashboard"]').click();
    const card = page.getByTestId('backup-failed');
    await card.getByText(backup.reasons.folder_missing, { exact: false }).waitFor();
    await screenshot(page, 'backup-04-workbench-failed');
    await card.getByRole('link', { name: backup.failedCard.action }).click();
    await expect(page.getByTestId('page-title').textContent()).resolves.toBe(backup.title);
  });

  it('lists a failed sign-in in the security log', async () => {
    const failed = await page.evaluate(async () => {
      const response = await fetch('/api/auth.login', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ username: 'intruder', password: 'guess-123' }) });
      return response.status;
    });
    expect(failed).toBe(401);
    await page.locator('[data-nav="audit"]').click();
    await page.getByTestId('audit-security-tab').click();
    await page.getByText('intruder').waitFor();
    await page.getByText(zhCN.audit.security.reasons.unknown_user).waitFor();
    await screenshot(page, 'backup-05-security-log');
    const log = await downloadedSheet(page);
    expect(log.name).toMatch(/^安全日志-\d{4}-\d{2}-\d{2}\.xlsx$/);
    expect(log.rows.map((row) => row.slice(1))).toEqual([
      [zhCN.audit.security.event, zhCN.audit.security.username, zhCN.audit.security.reason, zhCN.audit.transport],
      [zhCN.audit.security.events.sign_in_failed, 'intruder', zhCN.audit.security.reasons.unknown_user, zhCN.audit.transports.http],
    ]);
    await page.setViewportSize({ width: 1024, height: 800 });
    await screenshot(page, 'backup-06-security-log-1024');
    await page.locator('[data-nav="backup"]').click();
    await page.getByText(backup.list.title, { exact: true }).waitFor();
    await screenshot(page, 'backup-07-page-1024');
  });
});
