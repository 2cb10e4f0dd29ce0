import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumAvailable, screenshot, openAppInBrowser, setUpCompanyThroughApi, type AppInBrowser, type RunningApp } from './harness';
import customersZhCN from '../src-renderer/features/customers/messages.zh-CN';
import importsZhCN from '../src-renderer/features/imports/messages.zh-CN';
import zhCN from '../src-renderer/i18n/zh-CN';

const run = chromiumAvailable();

/** What a shop's Chinese Excel saves as "CSV": GBK, CRLF, a quoted cell with a line break. */
function gbkCustomerSheet(): string {
  const rows = [
    '客户名称,联系人,手机,省份,城市,详细地址,标签,信用额度',
    '南京博雅食品有限公司,周博雅,13912345678,江苏省,南京市,"鼓楼区中山北路1号\n博雅大厦3楼",重点客户、VIP,5000',
    '上海申达贸易有限公司,李明,1381111222,上海市,上海市,黄浦区南京东路8号,经销商,', // line 4: a mobile one digit short
    '杭州新天科技有限公司,王芳,13700000001,浙江省,杭州市,西湖区文三路9号,,',
    '苏州恒通机械有限公司,赵强,13600000002,江苏省,苏州市,吴中区东吴北路5号,,五千块', // line 6: not an amount
  ];
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'desk-erp-import-')), '客户资料.csv');
  fs.writeFileSync(file, iconv.encode(rows.join('\r\n') + '\r\n', 'gbk'));
  return file;
}

/** The next month's sheet: two customers already on file (one under its longer legal name) and one new. */
function sameCustomersSheet(): string {
  const rows = [
    '客户名称,联系人,手机,详细地址',
    '南京博雅食品有限责任公司,周博雅,13912345678,鼓楼区中山北路2号',
    '杭州新天科技有限公司,王芳,13700000001,西湖区文三路10号',
    '无锡华盛电子有限公司,陈华,13500000003,新吴区长江路7号',
  ];
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'desk-erp-import-')), '客户资料-12月.csv');
  fs.writeFileSync(file, rows.join('\n') + '\n');
  return file;
}

describe.runIf(run)('customer import in Chromium', () => {
  let session: AppInBrowser;
  let app: RunningApp;
  let page: Page;
  let pageErrors: string[];

  beforeAll(async () => {
    session = await openAppInBrowser({ width: 1366, height: 900, timeoutMs: 15_000 });
    ({ app, page, pageErrors } = session);
  });

  afterAll(async () => {
    await session?.close();
  });

  it('opens the import screen, which says what to do', async () => {
    await page.goto(app.url);
    await setUpCompanyThroughApi(page);
    await page.locator('[data-nav="customers"]').click();
    await page.getByRole('link', { name: customersZhCN.import }).first().click();
    await expect(page.getByTestId('page-title').textContent()).resolves.toBe(importsZhCN.title);
    await page.getByText(importsZhCN.drop.title).waitFor();
    await screenshot(page, 'customers-import-01-choose-file');
  });

  it('reads a GBK CSV, maps its columns and lists the two bad rows by line number', async () => {
    const chooser = page.waitForEvent('filechooser');
    await page.getByTestId('import-choose').click();
    await (await chooser).setFiles(gbkCustomerSheet());
    await page.getByTestId('import-mapping').waitFor();
    await expect(page.getByTestId('import-encoding').textContent()).resolves.toContain('GBK');
    // 手机 beside 联系人 is the contact's mobile.
    await expect(page.getByRole('textbox', { name: `${importsZhCN.mapping.target}: 手机` }).inputValue()).resolves.toBe(importsZhCN.field.contactMobile);
    await expect(page.getByTestId('to-create').textContent()).resolves.toContain('2');
    await expect(page.getByTestId('to-skip').textContent()).resolves.toContain('2');
    const errors = page.getByTestId('import-errors');
    await expect(errors.locator('[data-row="4"]').textContent()).resolves.toContain(importsZhCN.rowError.mobile);
    await expect(errors.locator('[data-row="6"]').textContent()).resolves.toContain(importsZhCN.rowError.money);
    await expect(errors.getByText('第 4 行').count()).resolves.toBe(1);
    await screenshot(page, 'customers-import-02-preview');
  });

  it('imports the valid rows with a progress bar and shows them in the customer list', async () => {
    await page.getByTestId('import-start').click();
    await page.getByTestId('import-result').waitFor();
    await expect(page.getByTestId('imported').textContent()).resolves.toContain('2');
    await expect(page.getByTestId('skipped').textContent()).resolves.toContain('2');
    await screenshot(page, 'customers-import-03-result');
    await page.getByTestId('import-to-list').click();
    await page.getByTestId('customers-table').waitFor();
    const rows = page.getByTestId('customer-row');
    await rows.filter({ hasText: '南京博雅食品有限公司' }).waitFor();
    await rows.filter({ hasText: '杭州新天科技有限公司' }).waitFor();
    await expect(rows.count()).resolves.toBe(2);
    await expect(rows.filter({ hasText: '南京博雅食品有限公司' }).textContent()).resolves.toContain('周博雅');
    await screenshot(page, 'customers-import-04-list');
    expect(pageErrors).toEqual([]);
  });

  it('exports the list as the Excel file the server wrote, in Chinese', async () => {
    const downloading = page.waitForEvent('download');
    await page.getByRole('button', { name: zhCN.common.exportExcel }).click();
    const downloaded = await downloading;
    expect(downloaded.suggestedFilename()).toMatch(new RegExp(`^${customersZhCN.list.exportFile}-\\d{4}-\\d{2}-\\d{2}\\.xlsx$`));
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile((await downloaded.path())!);
    const sheet = workbook.worksheets[0]!;
    expect((sheet.getRow(1).values as unknown[]).slice(1, 3)).toEqual([importsZhCN.field.code, importsZhCN.field.name]);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    const names = [2, 3].map((r) => sheet.getRow(r).getCell(2).value);
    expect(names.sort()).toEqual(['南京博雅食品有限公司', '杭州新天科技有限公司']);
    expect(sheet.getRow(2).getCell(4).value).toBe(customersZhCN.kind.company);
    expect(pageErrors).toEqual([]);
  });
  it('recognises rows that are customers on file and lets the user skip them instead of updating', async () => {
    await page.locator('[data-nav="customers"]').click();
    await page.getByRole('link', { name: customersZhCN.import }).first().click();
    const chooser = page.waitForEvent('filechooser');
    await page.getByTestId('import-choose').click();
    await (await chooser).setFiles(sameCustomersSheet());
    const same = page.getByTestId('same-as-on-file');
    await same.waitFor();
    // The line names what the file says and the customer on file it is.
    await expect(same.locator('[data-row="2"]').textContent()).resolves.toMatch(/南京博雅食品有限责任公司.*C\d+ 南京博雅食品有限公司/);
    await expect(page.getByTestId('to-update').textContent()).resolves.toContain('2');
    await expect(page.getByTestId('to-create').textContent()).resolves.toContain('1');
    await expect(page.getByTestId('duplicates').textContent()).resolves.toContain('0');
    await screenshot(page, 'customers-import-05-same-as-on-file-1366');

    await page.getByTestId('on-duplicate').getByText(importsZhCN.sameAsOnFile.skip).click();
    await page.getByTestId('to-update').filter({ hasText: '0' }).waitFor();
    await expect(page.getByTestId('on-duplicate-outcome').textContent()).resolves.toBe(importsZhCN.sameAsOnFile.willSkip.replace('{{count}}', '2'));
    await expect(page.getByTestId('to-create').textContent()).resolves.toContain('1');
    await page.setViewportSize({ width: 1024, height: 768 });
    await screenshot(page, 'customers-import-06-same-as-on-file-skip-1024');
    await page.setViewportSize({ width: 1366, height: 900 });

    await page.getByTestId('import-start').click();
    await page.getByTestId('import-result').waitFor();
    await expect(page.getByTestId('imported').textContent()).resolves.toContain('1');
    await page.getByTestId('import-to-list').click();
    const rows = page.getByTestId('customer-row');
    await rows.filter({ hasText: '无锡华盛电子有限公司' }).waitFor();
    await expect(rows.count()).resolves.toBe(3);
    expect(pageErrors).toEqual([]);
  });

  it('lists the imports and undoes the last one as a whole after a confirmation that says what it removes', async () => {
    await page.locator('[data-nav="customers"]').click();
    await page.getByRole('link', { name: customersZhCN.import }).first().click();
    const history = page.getByTestId('import-history-row');
    await history.first().waitFor();
    await expect(history.count()).resolves.toBe(2);
    await expect(history.first().textContent()).resolves.toContain(importsZhCN.history.statuses.published);
    await history.first().getByTestId('import-undo').click();
    const dialog = page.getByRole('dialog');
    await dialog.getByTestId('import-undo-confirm').waitFor();
    await expect(dialog.getByTestId('import-undo-what').textContent()).resolves.toBe(
      importsZhCN.history.undoRemoves.replace('{{file}}', '客户资料-12月.csv').replace('{{count}}', '1') + importsZhCN.history.undoFinal,
    );
    // The modal fades in; the picture is of the dialog as the user reads it.
    await page.waitForFunction(() => getComputedStyle(document.querySelector('[role="dialog"]')!).opacity === '1');
    await screenshot(page, 'customers-import-07-undo-dialog-1366');
    await dialog.getByTestId('import-undo-confirm').click();
    await history.first().filter({ hasText: importsZhCN.history.statuses.undone }).waitFor();
    await expect(history.first().getByTestId('import-undo').count()).resolves.toBe(0);
    await page.locator('[data-nav="customers"]').click();
    const rows = page.getByTestId('customer-row');
    await rows.filter({ hasText: '南京博雅食品有限公司' }).waitFor();
    await expect(rows.count()).resolves.toBe(2);
    await expect(page.getByText('无锡华盛电子有限公司').count()).resolves.toBe(0);
    expect(pageErrors).toEqual([]);
  });
});
