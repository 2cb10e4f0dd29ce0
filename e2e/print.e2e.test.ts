import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import zhCN from '../src-renderer/i18n/zh-CN';
import print from '../src-renderer/print/messages.zh-CN';
import { ARTIFACTS, chromiumAvailable, openAppInBrowser, screenshot, setUpCompanyThroughApi, type AppInBrowser } from './harness';

const run = chromiumAvailable();

describe.runIf(run)('printing from the browser', () => {
  let session: AppInBrowser;
  let page: Page;

  beforeAll(async () => {
    session = await openAppInBrowser({ width: 1366, height: 900, timeoutMs: 15_000 });
    page = session.page;
    await page.goto(session.app.url);
    await setUpCompanyThroughApi(page);
    await page.getByTestId('nav').waitFor();
  });

  afterAll(async () => {
    await session?.close();
  });

  it('keeps the letterhead in Settings and previews it on a sample 送货单', async () => {
    await page.goto(`${session.app.url}#/settings`);
    await page.getByLabel(print.letterheadForm.companyAddress).fill('南京市秦淮区中华路 88 号');
    await page.getByLabel(print.letterheadForm.companyPhone).fill('025-5220 1188');
    await page.getByRole('button', { name: zhCN.common.save }).click();
    await page.getByText(zhCN.common.saved).waitFor();
    await screenshot(page, 'print-01-settings-letterhead');

    await page.getByRole('link', { name: print.preview }).click();
    await page.getByRole('heading', { name: print.titles.delivery_note }).waitFor();
    expect(page.url()).toContain('#/print/sample_delivery_note/8');
    await expect(page.getByText('南京市秦淮区中华路 88 号').count()).resolves.toBe(1);
    await expect(page.getByTestId('nav').count()).resolves.toBe(0);
    await screenshot(page, 'print-02-delivery-note-on-screen');
  });

  it('prints the sheet alone: no toolbar, no app frame, the letterhead and the signature line on A4', async () => {
    const file = path.join(ARTIFACTS, 'print-03-delivery-note.pdf');
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    // page.pdf() lays the page out as the browser's print dialog does (print media, @page from print.css).
    fs.writeFileSync(file, await page.pdf({ preferCSSPageSize: true, printBackground: true }));
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    expect(text).toContain('金陵副食品商行');
    expect(text).toContain('南京市秦淮区中华路 88 号');
    expect(text).toMatch(/送\s*货\s*单/);
    expect(text).toContain(`${print.signatures.receivedBy}：`);
    // The toolbar: 返回, the language choice and 打印 (which the footer's 打印日期 also contains).
    for (const screenOnly of [print.toolbar.back, zhCN.languages['zh-CN'], zhCN.languages.en]) expect(text).not.toContain(screenOnly);
    expect(text.replace(/\s+/g, '')).toContain('第1页/共1页');
  });

  it('prints in English on request, and goes back to where the preview was opened', async () => {
    await page.getByText(zhCN.languages.en).click();
    await page.getByRole('heading', { name: 'Delivery Note' }).waitFor();
    await screenshot(page, 'print-04-delivery-note-english');
    await page.getByRole('button', { name: print.toolbar.back }).click();
    await page.getByLabel(print.letterheadForm.companyAddress).waitFor();
    expect(session.pageErrors).toEqual([]);
  });
});
