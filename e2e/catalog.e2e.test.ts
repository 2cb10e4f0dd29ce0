import iconv from 'iconv-lite';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ean13 } from '../src-main/domain/catalog/catalog.rules';
import catalog from '../src-renderer/features/catalog/messages.zh-CN';
import importsZhCN from '../src-renderer/features/imports/messages.zh-CN';
import zhCN from '../src-renderer/i18n/zh-CN';
import { chromiumAvailable, screenshot, type AppInBrowser } from './harness';
import { openSeededApp } from './seeded-app';

const run = chromiumAvailable();

const NAME = '屈臣氏苏打汽水';
const BARCODE = ean13('692718300417');

async function searchProducts(page: Page, text: string): Promise<string[]> {
  await page.getByTestId('product-search').fill(text);
  const table = page.getByTestId('data-table');
  await table.getByText(NAME).waitFor();
  // The debounced search has answered once the table holds only what it matched.
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="data-table"] tbody tr').length === 1);
  return table.locator('tbody tr').allTextContents();
}

describe.runIf(run)('products and price lists in Chromium', () => {
  let session: AppInBrowser;
  let page: Page;
  let pageErrors: string[];

  beforeAll(async () => {
    // The small demo book, its catalog and price lists included.
    session = await openSeededApp({ name: 'catalog', timeoutMs: 10_000 });
    ({ page, pageErrors } = session);
  }, 180_000);

  afterAll(async () => {
    await session?.close();
  });

  it('lists the seeded products and creates one counted in 罐 and sold by the case of 24', async () => {
    await page.locator('[data-nav="catalog"]').click();
    await page.getByTestId('data-table').waitFor();
    await screenshot(page, 'catalog-01-products');
    await page.getByTestId('add-product').click();
    await page.getByTestId('product-name').fill(NAME);
    await page.getByLabel(catalog.field.spec).fill('330ml');
    await page.getByTestId('product-unit').fill('罐');
    await page.getByTestId('product-second-unit').fill('箱');
    await page.getByTestId('product-second-unit-factor').fill('24');
    await page.getByTestId('product-barcode').fill(BARCODE);
    await page.getByTestId('product-list-price').fill('3.50');
    await screenshot(page, 'catalog-02-product-form');
    await page.getByTestId('product-save').click();
    await page.waitForURL(/\/catalog$/);
  });

  it('finds the new product by its pinyin initials and by its barcode', async () => {
    const byInitials = await searchProducts(page, 'qcssdqs');
    expect(byInitials[0]).toContain('罐 · 1箱=24罐');
    expect(byInitials[0]).toContain(BARCODE);
    expect(byInitials[0]).toContain('¥3.50');
    await screenshot(page, 'catalog-03-search-pinyin');
    const byBarcode = await searchProducts(page, BARCODE);
    expect(byBarcode[0]).toContain(NAME);
  });

  it('imports products from a GBK CSV after a dry run that names the row it refuses', async () => {
    const csv = ['商品编码,商品名称,规格型号,商品分类,单位,辅助单位,换算率,条形码,零售价', 'HZ001,红枣夹核桃,500g,休闲食品/坚果炒货,袋,箱,20,,29.9', 'HZ002,红枣片,,休闲食品/坚果炒货,袋,袋,10,,9.9', ''].join('\r\n');
    await page.getByTestId('import-products').click();
    await page.getByTestId('product-import').locator('input[type=file]').setInputFiles({ name: '商品.csv', mimeType: 'text/csv', buffer: iconv.encode(csv, 'gbk') });
    await page.getByTestId('product-import-summary').waitFor();
    await expect(page.getByTestId('product-import-summary').textContent()).resolves.toContain('新增 1 个');
    await expect(page.getByTestId('product-import-errors').textContent()).resolves.toContain('辅助单位');
    await screenshot(page, 'catalog-03b-import-preview');
    await page.getByTestId('product-import-run').click();
    await page.getByTestId('product-import-done').waitFor();
    await page.getByRole('button', { name: zhCN.common.close }).click();
    await page.getByTestId('product-search').fill('hzjht');
    await page.getByTestId('data-table').getByText('红枣夹核桃').waitFor();
    await page.getByTestId('product-search').fill('');
  });

  it('lists the product import beside the import and undoes it as a whole after a confirmation that says what it removes', async () => {
    await page.getByTestId('import-products').click();
    const history = page.getByTestId('import-history-row');
    await history.first().waitFor();
    await expect(history.count()).resolves.toBe(1);
    await expect(history.first().textContent()).resolves.toContain(importsZhCN.history.statuses.published);
    await history.first().getByTestId('import-undo').click();
    const dialog = page.getByTestId('import-undo-dialog');
    await dialog.getByTestId('import-undo-confirm').waitFor();
    await expect(dialog.getByTestId('import-undo-what').textContent()).resolves.toBe(
      importsZhCN.productHistory.undoRemoves.replace('{{file}}', '商品.csv').replace('{{count}}', '1') + importsZhCN.history.undoFinal,
    );
    // The dialog fades in over the import; the picture is of it as the user reads it.
    await page.waitForFunction(() => [...document.querySelectorAll('[role="dialog"]')].every((d) => getComputedStyle(d).opacity === '1'));
    // A toast from an earlier step would sit over the dialog's title.
    await page.locator('.mantine-Notification-root').first().waitFor({ state: 'detached', timeout: 15_000 });
    await screenshot(page, 'catalog-03c-import-undo-dialog-1366');
    await dialog.getByTestId('import-undo-confirm').click();
    await history.first().filter({ hasText: importsZhCN.history.statuses.undone }).waitFor();
    await expect(history.first().getByTestId('import-undo').count()).resolves.toBe(0);
    await screenshot(page, 'catalog-03d-import-undone-1366');
    await page.keyboard.press('Escape');
    await page.getByTestId('product-import').waitFor({ state: 'detached' });
    await page.getByTestId('product-search').fill('hzjht');
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="data-table"] tbody tr td').length <= 1);
    await expect(page.getByTestId('data-table').getByText('红枣夹核桃').count()).resolves.toBe(0);
    await page.getByTestId('product-search').fill('');
    expect(pageErrors).toEqual([]);
  });

  it('shows the category tree', async () => {
    await page.getByTestId('catalog-tab-categories').click();
    await page.getByTestId('category-tree').waitFor();
    await expect(page.getByTestId('category-tree').locator('tbody tr').count()).resolves.toBeGreaterThan(5);
    await screenshot(page, 'catalog-04-categories');
  });

  it('creates a 金卡 price list and prices the new product with a case break, picked by scanning its barcode', async () => {
    await page.getByTestId('catalog-tab-priceLists').click();
    await page.getByTestId('data-table').waitFor();
    await screenshot(page, 'catalog-05-price-lists');
    await page.getByTestId('add-price-list').click();
    const form = page.getByTestId('price-list-form');
    await page.getByTestId('price-list-name').fill('金卡会员价（饮料）');
    await form.getByText(catalog.priceLists.kinds.tier).click();
    await page.getByTestId('price-list-tier').fill('金卡');
    await page.getByTestId('price-list-save').click();
    await page.waitForURL(/\/catalog\/price-lists\/[0-9a-f-]{36}$/);
    await page.getByText(catalog.priceLists.itemsEmptyTitle).waitFor();

    await page.getByTestId('empty-state').getByTestId('add-price').click();
    await page.getByTestId('price-product-picker').fill(BARCODE);
    await page.getByRole('option', { name: new RegExp(NAME) }).click();
    await page.getByTestId('break-0-price').fill('3.20');
    await page.getByTestId('add-break').click();
    await page.getByTestId('break-1-quantity').fill('24');
    await page.getByTestId('break-1-price').fill('3');
    await screenshot(page, 'catalog-06-price-breaks');
    await page.getByTestId('prices-save').click();
    const row = page.getByTestId('data-table').locator('tbody tr').filter({ hasText: NAME });
    await row.waitFor();
    await expect(row.textContent()).resolves.toContain('≥1罐 ¥3.20　≥24罐 ¥3.00');
    await screenshot(page, 'catalog-07-price-list');
    expect(pageErrors).toEqual([]);
  });
});
