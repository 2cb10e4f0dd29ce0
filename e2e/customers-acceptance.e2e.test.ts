/**
 * Issue #8's acceptance, walked on one seeded book as the owner and as a salesperson (王芳, who
 * sees only her own customers): the workbench's figures against the lists they open, another
 * salesperson's customer out of her list, palette, Excel file and HTTP answers, a customer saved
 * with only a name and a mobile, the Excel file read back, and the palette's pinyin.
 */
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resultOfResponse } from '../src-main/api/result';
import type { RunningBackend } from '../src-main/backend/backend';
import { CUSTOMER_EXPORT_WORDS } from '../src-main/domain/customers/customers.export';
import { spell } from '../src-main/domain/customers/customers.search-text';
import { leadSearchDoc } from '../src-main/domain/leads/leads.search';
import { SESSION_COOKIE } from '../src-main/server/sessions';
import customersZhCN from '../src-renderer/features/customers/messages.zh-CN';
import importsZhCN from '../src-renderer/features/imports/messages.zh-CN';
import zhCN from '../src-renderer/i18n/zh-CN';
import { chromiumAvailable, collectPageErrors, screenshot, screenshotsAtBothWidths, type AppInBrowser } from './harness';
import { openSeededApp, signIn } from './seeded-app';
import { digits, expectListTotal } from './workbench-figures';

const run = chromiumAvailable();
const SALES = 'wangfang';

/** What the test needs to know of the seeded book, read before the server opens it. */
interface Book {
  /** 李强's customer, not shared with 王芳. */
  theirs: { id: string; code: string; name: string };
  /** One of 王芳's own customers. */
  mine: { name: string };
  /** Every customer code 王芳 may see (her own and those shared with her). */
  visibleCodes: Set<string>;
  /** A lead of 王芳's whose company's first four pinyin initials (what one types) no other lead shares. */
  lead: { code: string; company: string; initials: string };
}

function readBook(backend: RunningBackend): Book {
  const sqlite = backend.conn.sqlite;
  const userId = (username: string) => (sqlite.prepare('SELECT id FROM users WHERE username = ?').pluck().get(username) as string);
  const sales = userId(SALES);
  const colleague = userId('liqiang');
  const theirs = sqlite
    .prepare(
      `SELECT id, code, name FROM customers c WHERE owner_user_id = ? AND status = 'active'
          AND NOT EXISTS (SELECT 1 FROM customer_shares sh WHERE sh.customer_id = c.id AND sh.user_id = ?) ORDER BY code LIMIT 1`,
    )
    .get(colleague, sales) as Book['theirs'];
  const mine = sqlite.prepare(`SELECT name FROM customers WHERE owner_user_id = ? AND status = 'active' ORDER BY code LIMIT 1`).get(sales) as Book['mine'];
  const visibleCodes = new Set(
    sqlite.prepare('SELECT code FROM customers c WHERE owner_user_id = ? OR EXISTS (SELECT 1 FROM customer_shares sh WHERE sh.customer_id = c.id AND sh.user_id = ?)').pluck().all(sales, sales) as string[],
  );
  type LeadRow = { id: string; code: string; name: string; company: string | null; mobile: string | null; email: string | null; owner_user_id: string | null; customer_id: string | null };
  const leads = sqlite.prepare('SELECT id, code, name, company, mobile, email, owner_user_id, customer_id FROM leads').all() as LeadRow[];
  const tokens = new Map(leads.map((l) => [l.id, leadSearchDoc(l).tokens.split(' ')]));
  const lead = leads
    .filter((l) => l.owner_user_id === sales && l.customer_id === null && l.company)
    .map((l) => ({ code: l.code, company: l.company!, initials: spell(l.company!).initials.slice(0, 4).join('') }))
    .find((l) => l.initials.length === 4 && leads.filter((other) => tokens.get(other.id)!.some((t) => t.startsWith(l.initials))).length === 1);
  if (!theirs || !mine || !lead) throw new Error('The seeded book lacks a colleague’s customer, an own customer or a lead with unique initials');
  return { theirs, mine, visibleCodes, lead };
}

/**
 * Clicks every figure on the workbench that opens a list, one after the other, and waits for the
 * list to show the same count: its pager's total, a deal stage's column on the board, or for the
 * deals past their expected close the board's columns together (it opens on those deals alone).
 * Returns what it checked as card/figure=count. A figure of 0 and a birthday (one customer) are left out.
 */
async function clickEveryFigure(page: Page): Promise<string[]> {
  const checked: string[] = [];
  const workbench = page.getByTestId('workbench');
  await workbench.waitFor();
  const links = workbench.locator('a[data-testid="figure-link"], a[data-testid^="figure-move-"]');
  const total = await links.count();
  for (let i = 0; i < total; i++) {
    const link = links.nth(i);
    const count = digits(await link.textContent());
    const figure = (await link.evaluate((a) => a.closest('[data-testid^="figure-"]:not(a)')?.getAttribute('data-testid') ?? '')).replace(/^figure-/, '');
    const move = (await link.getAttribute('data-testid'))!.replace(/^figure-(move-)?/, '').replace(/^link$/, '');
    const what = `${figure}${move ? `:${move}` : ''}=${count}`;
    if (count === 0 || figure.startsWith('dates-')) continue;
    await link.click();
    if (figure === 'pipeline-overdue') {
      const columns = page.getByTestId('opportunity-board').getByTestId('column-count');
      const sum = async () => (await columns.allTextContents()).reduce((n, text) => n + digits(text), 0);
      await expect.poll(sum, { timeout: 20_000, message: what }).toBe(count);
    } else if (figure.startsWith('pipeline-')) {
      const column = page.getByTestId(`board-column-${figure.replace('pipeline-', '')}`).getByTestId('column-count');
      await expect.poll(async () => digits(await column.textContent()), { timeout: 20_000, message: what }).toBe(count);
    } else {
      await expectListTotal(page, count, what);
    }
    checked.push(what);
    await page.goBack();
    await workbench.waitFor();
  }
  return checked;
}

/** The server's answer to an API call made with a session's cookie, as any HTTP client would. */
async function callAs(page: Page, url: string, method: string, body: unknown): Promise<{ status: number; json: { ok: boolean; data?: any; error?: { code: string } } }> {
  const cookie = (await page.context().cookies()).find((c) => c.name === SESSION_COOKIE);
  if (!cookie) throw new Error('No session cookie');
  const response = await fetch(`${url}api/${method}`, { method: 'POST', headers: { 'Content-Type': 'application/json', Cookie: `${cookie.name}=${cookie.value}` }, body: JSON.stringify(body) });
  return { status: response.status, json: (await resultOfResponse(response)) as never };
}

async function readWorkbook(content: string | Buffer): Promise<ExcelJS.Worksheet> {
  const workbook = new ExcelJS.Workbook();
  if (typeof content === 'string') await workbook.xlsx.readFile(content);
  else await workbook.xlsx.load(content as unknown as ArrayBuffer);
  return workbook.worksheets[0]!;
}

/** Downloads the customer list as Excel through its 导出 Excel button. */
async function exportList(page: Page): Promise<{ fileName: string; sheet: ExcelJS.Worksheet }> {
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: zhCN.common.exportExcel }).click();
  const downloaded = await downloading;
  return { fileName: downloaded.suggestedFilename(), sheet: await readWorkbook((await downloaded.path())!) };
}

function columnOf(sheet: ExcelJS.Worksheet, header: string): ExcelJS.Column {
  const index = (sheet.getRow(1).values as unknown[]).indexOf(header);
  if (index < 1) throw new Error(`No column ${header}`);
  return sheet.getColumn(index);
}

/** A column's text cells below its header. */
function column(sheet: ExcelJS.Worksheet, header: string): string[] {
  return columnOf(sheet, header).values.slice(2).map((v) => String(v ?? ''));
}

describe.runIf(run)('issue #8 acceptance: the customers area as the owner and as a salesperson', () => {
  let book: Book;
  let session: AppInBrowser;
  let owner: Page;
  let sales: Page;
  let salesErrors: string[];
  let url: string;

  beforeAll(async () => {
    session = await openSeededApp({ name: 'acceptance', inspect: (backend) => (book = readBook(backend)) });
    owner = session.page;
    url = session.app.url;
    // The salesperson in a browser of her own: her own cookie, beside the owner's.
    const context = await session.browser.newContext({ viewport: { width: 1366, height: 860 } });
    sales = await context.newPage();
    sales.setDefaultTimeout(15_000);
    salesErrors = collectPageErrors(sales);
    await signIn(sales, url, SALES);
    // Seeding the book takes minutes when the machine is shared.
  }, 360_000);

  afterAll(async () => {
    await session?.close();
  });

  it('owner: every workbench figure opens a list with the same count', async () => {
    await owner.getByTestId('workbench').waitFor();
    await expect(owner.getByTestId('workbench-scope').textContent()).resolves.toContain(zhCN.dashboard.scopeAll);
    await screenshotsAtBothWidths(owner, 'acceptance-01-workbench-owner');
    const checked = await clickEveryFigure(owner);
    for (const figure of ['followUp-due', 'customers-total', 'leadsWaiting-new']) expect(checked.some((c) => c.startsWith(`${figure}=`)), `${figure} in ${checked.join(', ')}`).toBe(true);
    expect(checked.filter((c) => c.startsWith('pipeline-')).length).toBeGreaterThan(1);
    expect(checked.filter((c) => c.startsWith('stages-')).length).toBeGreaterThan(1);
    // The sales and purchasing areas' cards: their lists too hold every figure's count.
    expect(checked.filter((c) => c.startsWith('orders-')).length).toBeGreaterThan(2);
    expect(checked.filter((c) => c.startsWith('purchasing-')).length).toBeGreaterThan(1);
    expect(session.pageErrors).toEqual([]);
  }, 300_000);

  it('salesperson: every workbench figure, counted on her own customers, opens a list with the same count', async () => {
    await expect(sales.getByTestId('workbench-scope').textContent()).resolves.toContain(zhCN.dashboard.scopeOwn);
    await screenshotsAtBothWidths(sales, 'acceptance-02-workbench-sales');
    const checked = await clickEveryFigure(sales);
    for (const figure of ['followUp-due', 'customers-total']) expect(checked.some((c) => c.startsWith(`${figure}=`)), `${figure} in ${checked.join(', ')}`).toBe(true);
    expect(checked.filter((c) => c.startsWith('pipeline-')).length).toBeGreaterThan(0);
    // Her customer count is her book: no more customers than she may see.
    const mine = Number(checked.find((c) => c.startsWith('customers-total='))!.split('=')[1]);
    expect(mine).toBeGreaterThan(0);
    expect(mine).toBeLessThanOrEqual(book.visibleCodes.size);
    expect(salesErrors).toEqual([]);
  }, 300_000);

  it('salesperson: another salesperson’s customer is not in her list, palette or Excel file, and its address says not found', async () => {
    await sales.locator('[data-nav="customers"]').click();
    const listed = await (async () => {
      await sales.getByTestId('customers-table').waitFor();
      return digits(await sales.getByTestId('page-total').textContent());
    })();
    const search = sales.getByPlaceholder(customersZhCN.searchPlaceholder);
    await search.fill(book.theirs.name);
    await sales.getByText(customersZhCN.list.noMatchTitle).waitFor();
    await search.fill(book.mine.name);
    await sales.getByTestId('customer-row').filter({ hasText: book.mine.name }).first().waitFor();
    await search.fill('');
    await expectListTotal(sales, listed, 'her whole list again');

    const { sheet } = await exportList(sales);
    const codes = column(sheet, importsZhCN.field.code);
    expect(codes).toHaveLength(listed);
    expect(codes).not.toContain(book.theirs.code);
    expect(codes.filter((code) => !book.visibleCodes.has(code))).toEqual([]);

    // The palette finds her customer by name, and not the colleague's.
    await sales.keyboard.press('Control+K');
    const input = sales.getByPlaceholder(zhCN.shell.searchPlaceholder);
    const hits = sales.getByTestId('palette-hit');
    await input.fill(book.mine.name);
    await hits.filter({ hasText: book.mine.name }).first().waitFor();
    const answered = sales.waitForResponse((r) => r.url().endsWith('/api/workbench.find') && (r.request().postData() ?? '').includes(book.theirs.name));
    await input.fill(book.theirs.name);
    await answered;
    await sales.getByText(zhCN.shell.nothingFound).waitFor();
    await expect(hits.count()).resolves.toBe(0);
    await sales.keyboard.press('Escape');

    await sales.goto(`${url}#/customers/${book.theirs.id}`);
    await sales.getByText(zhCN.errors.NOT_FOUND).waitFor();
    await expect(sales.getByText(book.theirs.name).count()).resolves.toBe(0);
    await screenshot(sales, 'acceptance-03-not-found-sales');
    await sales.getByRole('link', { name: customersZhCN.view.back }).click();
    await sales.getByTestId('customers-table').waitFor();
  }, 180_000);

  it('salesperson: through HTTP with her cookie, customers.get answers 404 NOT_FOUND and the export leaves the customer out', async () => {
    const read = await callAs(sales, url, 'customers.get', { id: book.theirs.id });
    expect(read.status).toBe(404);
    expect(read.json).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(JSON.stringify(read.json)).not.toContain(book.theirs.name);
    // The owner reads the same id, so the 404 is the scope and not a wrong id.
    await expect(callAs(owner, url, 'customers.get', { id: book.theirs.id })).resolves.toMatchObject({ status: 200, json: { ok: true, data: { name: book.theirs.name } } });

    const exported = await callAs(sales, url, 'exports.customers', { format: 'xlsx', language: 'zh-CN' });
    expect(exported.json.ok).toBe(true);
    const sheet = await readWorkbook(Buffer.from(exported.json.data.content));
    const codes = column(sheet, importsZhCN.field.code);
    expect(codes.length).toBeGreaterThan(0);
    expect(codes).not.toContain(book.theirs.code);
    expect(codes.filter((code) => !book.visibleCodes.has(code))).toEqual([]);
    const chosen = await callAs(sales, url, 'exports.customers', { format: 'xlsx', ids: [book.theirs.id] });
    expect(chosen).toMatchObject({ status: 404, json: { ok: false, error: { code: 'NOT_FOUND' } } });
  });

  it('salesperson: saves a company customer with only a name and a mobile, without a contact card', async () => {
    await sales.goto(`${url}#/customers`);
    await sales.getByTestId('new-customer').click();
    await sales.getByTestId('customer-form').waitFor();
    await sales.getByTestId('customer-name').fill('常州青禾副食品商行');
    await sales.getByTestId('customer-mobile').fill('139 5176 0288');
    await sales.getByTestId('save-customer').first().click();
    await expect.poll(() => sales.getByTestId('page-title').textContent()).toBe('常州青禾副食品商行');
    const id = /#\/customers\/([0-9a-f-]{36})$/.exec(sales.url())![1]!;
    const saved = await callAs(sales, url, 'customers.get', { id });
    expect(saved.json.data).toMatchObject({ kind: 'company', name: '常州青禾副食品商行', mobile: '13951760288', contacts: [] });
    await screenshot(sales, 'acceptance-04-name-and-mobile-only');
    expect(salesErrors).toEqual([]);
  });

  it('owner: 导出 Excel writes the whole list in Chinese, header row frozen, named 客户档案-date', async () => {
    await owner.goto(`${url}#/customers`);
    // The list may first show what it cached before 王芳 added a customer; the server's count is the truth.
    const listed = (await callAs(owner, url, 'customers.list', {})).json.data.total as number;
    await expectListTotal(owner, listed, 'the owner’s whole list');
    await screenshotsAtBothWidths(owner, 'acceptance-05-customers-owner');
    const { fileName, sheet } = await exportList(owner);
    expect(fileName).toMatch(new RegExp(`^${customersZhCN.list.exportFile}-\\d{4}-\\d{2}-\\d{2}\\.xlsx$`));
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    const headers = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(headers.slice(0, 4)).toEqual([importsZhCN.field.code, importsZhCN.field.name, importsZhCN.field.shortName, importsZhCN.field.kind]);
    expect(headers.filter((h) => !/[\u4e00-\u9fff]/.test(String(h)))).toEqual([]);
    expect(sheet.rowCount - 1).toBe(listed);
    expect(column(sheet, importsZhCN.field.code)).toContain(book.theirs.code);
    expect(new Set(column(sheet, importsZhCN.field.kind))).toEqual(new Set([customersZhCN.kind.company, customersZhCN.kind.individual]));
    const { listField } = CUSTOMER_EXPORT_WORDS['zh-CN'];
    const stages = column(sheet, listField.lifecycleStage);
    expect(stages).toContain(customersZhCN.stage.active);
    expect(stages.filter((s) => !Object.values(customersZhCN.stage).includes(s))).toEqual([]);
    // Dates are Excel dates (sortable, filterable), shown 2026-11-29 18:30 in the company's time.
    const created = columnOf(sheet, listField.createdAt);
    const cells = created.values.slice(2);
    expect(cells.filter((d) => !(d instanceof Date))).toEqual([]);
    expect(sheet.getCell(2, created.number).numFmt).toBe('yyyy-mm-dd hh:mm');
    expect(cells.some((d) => (d as Date).toISOString().startsWith('2026-'))).toBe(true);
    expect(session.pageErrors).toEqual([]);
  }, 120_000);

  it('owner: the 360° view of a customer', async () => {
    // A row opens its customer wherever it is clicked, but on its tick box.
    await owner.getByTestId('customer-row').first().locator('td').nth(2).click();
    await owner.getByTestId('overview-stats').waitFor();
    await screenshotsAtBothWidths(owner, 'acceptance-06-360-view-owner');
  });

  it('salesperson: the palette finds her lead by pinyin initials, and xjkh runs 新建客户', async () => {
    await sales.goto(`${url}#/`);
    await sales.getByTestId('workbench').waitFor();
    await sales.keyboard.press('Control+K');
    const input = sales.getByPlaceholder(zhCN.shell.searchPlaceholder);
    await input.fill(book.lead.initials);
    const hit = sales.locator('[data-testid="palette-hit"][data-kind="lead"]').filter({ hasText: book.lead.company });
    await hit.waitFor();
    await expect(hit.textContent()).resolves.toContain(book.lead.code);
    await screenshotsAtBothWidths(sales, 'acceptance-07-palette-lead', { fullPage: false });

    await input.fill('xjkh');
    const command = sales.getByTestId('palette-command').filter({ hasText: zhCN.palette.commands.newCustomer });
    await command.waitFor();
    await screenshotsAtBothWidths(sales, 'acceptance-08-palette-command', { fullPage: false });
    await command.click();
    await sales.getByTestId('customer-form').waitFor();
    expect(sales.url()).toMatch(/#\/customers\/new$/);
    expect(salesErrors).toEqual([]);
  });
});
