import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { chromiumAvailable, screenshot, openAppInBrowser, setUpCompanyThroughApi, chooseLanguage, type AppInBrowser, type RunningApp } from './harness';
import { creditCodeCheckChar } from '../src-main/domain/customers/customers.rules';
import zhCN from '../src-renderer/i18n/zh-CN';
import customersZhCN from '../src-renderer/features/customers/messages.zh-CN';
import issuesZhCN from '../src-renderer/i18n/issues/messages.zh-CN';
import customersEn from '../src-renderer/features/customers/messages.en';

const run = chromiumAvailable();
const CUSTOMER = '南京博雅食品有限公司';
const CREDIT_CODE = `91320102MA1WBY7K9${creditCodeCheckChar('91320102MA1WBY7K9')}`;


describe.runIf(run)('customers in Chromium', () => {
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

  it('sets up a company and opens an empty customer list that says what to do next', async () => {
    await page.goto(app.url);
    // The wizard has its own E2E; here the API sets the company up and signs the owner in.
    await setUpCompanyThroughApi(page);
    await page.locator('[data-nav="customers"]').click();
    await expect(page.getByTestId('page-title').textContent()).resolves.toBe(customersZhCN.title);
    await page.getByText(customersZhCN.list.emptyTitle).waitFor();
    await expect(page.getByTestId('empty-state').getByRole('link', { name: customersZhCN.import }).getAttribute('href')).resolves.toBe('#/customers/import');
    await screenshot(page, 'customers-01-empty-list');
  });

  it('shows a bad mobile beside the second contact, then creates the customer with two contacts', async () => {
    await page.getByTestId('empty-state').getByRole('link', { name: customersZhCN.add }).click();
    await page.getByTestId('customer-form').waitFor();
    await page.getByTestId('customer-name').fill(CUSTOMER);
    await page.getByLabel(customersZhCN.field.creditCode).fill(CREDIT_CODE.toLowerCase());
    await page.getByLabel(customersZhCN.field.industry).fill('食品批发');

    const first = page.getByTestId('contact-0');
    await first.getByLabel(customersZhCN.form.contactName).fill('周博雅');
    await first.getByLabel(customersZhCN.form.contactTitle).fill('总经理');
    await page.getByTestId('contact-0-mobile').fill('139 1234 5678');
    await page.getByTestId('add-contact').click();
    const second = page.getByTestId('contact-1');
    await second.getByLabel(customersZhCN.form.contactName).fill('李采购');
    await second.getByLabel(customersZhCN.form.contactTitle).fill('采购经理');
    await page.getByTestId('contact-1-mobile').fill('1234');
    await page.getByTestId('save-customer').first().click();

    // The error sits beside that contact's mobile field, and only there.
    await second.getByText(issuesZhCN.codes.invalid_mobile).waitFor();
    await expect(first.getByText(issuesZhCN.codes.invalid_mobile).count()).resolves.toBe(0);
    await expect(page.getByTestId('contact-1-mobile').getAttribute('aria-invalid')).resolves.toBe('true');
    await screenshot(page, 'customers-02-form-mobile-error');

    await page.getByTestId('contact-1-mobile').fill('+86 137-0000-1234');
    await expect(second.getByText(issuesZhCN.codes.invalid_mobile).count()).resolves.toBe(0);
    await page.getByTestId('save-customer').first().click();

    // After saving, the 360° view of the new customer, with both contacts (mobiles normalised).
    await expect.poll(() => page.getByTestId('page-title').textContent()).toBe(CUSTOMER);
    await page.getByTestId('overview-stats').waitFor();
    const contacts = page.getByTestId('contacts');
    await contacts.getByText('周博雅').waitFor();
    await contacts.getByText('13912345678').waitFor();
    await contacts.getByText('李采购').waitFor();
    await contacts.getByText('13700001234').waitFor();
    await page.getByText(CREDIT_CODE).first().waitFor();
  });

  it('lists the new customer with its primary contact', async () => {
    await page.locator('[data-nav="customers"]').click();
    const row = page.getByTestId('customer-row').filter({ hasText: CUSTOMER });
    await row.waitFor();
    await row.getByText('周博雅').waitFor();
    await row.getByText(customersZhCN.stage.prospect).waitFor();
    await screenshot(page, 'customers-03-list');
  });

  it('finds the customer by pinyin initials in the command palette and opens its 360° view', async () => {
    await page.locator('[data-nav="dashboard"]').click();
    await page.keyboard.press('Control+K');
    await page.getByPlaceholder(zhCN.shell.searchPlaceholder).fill('njby');
    const hit = page.getByTestId('palette-hit').filter({ hasText: CUSTOMER });
    await hit.waitFor();
    await expect(hit.textContent()).resolves.toContain('13912345678');
    await screenshot(page, 'customers-04-palette');
    await hit.click();
    await expect.poll(() => page.getByTestId('page-title').textContent()).toBe(CUSTOMER);
    await page.getByTestId('overview-stats').getByText(customersZhCN.view.stats.lifetimeRevenue).waitFor();
    await page.getByTestId('overview-stats').getByText('¥0.00').first().waitFor();
    await screenshot(page, 'customers-05-360-view');
  });

  it('logs a phone call and shows it in the timeline', async () => {
    await page.getByTestId('tab-interactions').click();
    await page.getByText(customersZhCN.timeline.emptyTitle).waitFor();
    await page.getByTestId('interaction-subject').fill('电话确认春节备货数量');
    await page.getByLabel(customersZhCN.timeline.body).fill('年货礼盒先订 200 箱，腊月十五前送到。');
    await page.getByTestId('log-interaction-submit').click();
    const entry = page.getByTestId('timeline-entry').filter({ hasText: '电话确认春节备货数量' });
    await entry.waitFor();
    await entry.getByText(customersZhCN.interactionKind.call, { exact: true }).waitFor();
    await entry.getByText('周博雅', { exact: false }).first().waitFor();
    await expect(page.getByText(customersZhCN.timeline.emptyTitle).count()).resolves.toBe(0);
    await screenshot(page, 'customers-06-timeline');
  });

  it('edits a contact’s mobile and adds an address in one save, and shows both on the 360° view', async () => {
    await page.getByTestId('edit-customer').click();
    await page.getByTestId('customer-form').waitFor();
    await page.getByTestId('contact-1-mobile').fill('138 0000 5678');
    await page.getByRole('button', { name: customersZhCN.form.addAddress }).click();
    // Province and city are picked from the lists; the district takes a suggestion or free text.
    await page.getByTestId('address-0-province').click();
    await page.getByRole('option', { name: '江苏省', exact: true }).click();
    await page.getByTestId('address-0-city').click();
    await page.getByRole('option', { name: '南京市', exact: true }).click();
    await page.getByTestId('address-0-district').fill('江宁');
    await page.getByRole('option', { name: '江宁区', exact: true }).waitFor();
    await screenshot(page, 'customers-06a-region-picker');
    await page.getByRole('option', { name: '江宁区', exact: true }).click();
    await page.getByLabel(customersZhCN.form.detail).fill('中山东路 18 号');
    await page.getByTestId('save-customer').first().click();

    await expect.poll(() => page.getByTestId('page-title').textContent()).toBe(CUSTOMER);
    await page.getByRole('tab', { name: customersZhCN.view.tabs.overview }).click();
    const contacts = page.getByTestId('contacts');
    await contacts.getByText('13800005678').waitFor();
    await expect(contacts.getByText('13700001234').count()).resolves.toBe(0);
    await contacts.getByText('13912345678').waitFor();
    await page.getByText('中山东路 18 号', { exact: false }).waitFor();
    await page.getByText('江宁区', { exact: false }).first().waitFor();

    // One save, one call: a single customers.update audit row holds the contact and the address.
    const audit = await page.evaluate(async () => {
      const response = await fetch('/api/audit.list', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({}) });
      const body = (await response.json()) as { data: { rows: { method: string; changes: { entityType: string }[] }[] } };
      const editing = /^customers\.(update|(add|update|remove)(Contact|Address))$/;
      return body.data.rows.filter((row) => editing.test(row.method));
    });
    expect(audit.map((row) => [row.method, row.changes.map((c) => c.entityType)])).toEqual([['customers.update', ['customer', 'customerContact', 'customerAddress']]]);
    await screenshot(page, 'customers-06b-edited-360-view');
  });

  it('asks before leaving the form with unsaved edits (Cancel, then browser back)', async () => {
    await page.getByTestId('edit-customer').click();
    await page.getByTestId('customer-form').waitFor();
    await page.getByLabel(customersZhCN.field.tier).fill('A');
    await page.getByRole('button', { name: zhCN.common.cancel }).first().click();
    await page.getByText(zhCN.form.unsavedTitle).waitFor();
    await page.getByRole('button', { name: zhCN.form.unsavedStay }).click();
    await page.getByText(zhCN.form.unsavedTitle).waitFor({ state: 'hidden' });
    await expect(page.getByLabel(customersZhCN.field.tier).inputValue()).resolves.toBe('A');

    await page.goBack();
    await page.getByText(zhCN.form.unsavedTitle).waitFor();
    await page.getByTestId('discard-changes').click();
    await expect.poll(() => page.getByTestId('page-title').textContent()).toBe(CUSTOMER);
  });

  it('shows the 360° view and the list in English', async () => {
    await chooseLanguage(page, 'English');
    await page.getByRole('tab', { name: customersEn.view.tabs.overview }).click();
    await page.getByText(customersEn.view.stats.balanceDue).waitFor();
    await screenshot(page, 'customers-07-360-view-en');
    await page.locator('[data-nav="customers"]').click();
    await page.getByText(customersEn.field.primaryContact).waitFor();
    await screenshot(page, 'customers-08-list-en');
    await chooseLanguage(page, '简体中文');
    expect(pageErrors).toEqual([]);
  });
  it('words every refused field in Chinese, and a duplicate credit code names the customer it matches', async () => {
    await page.goto(`${app.url}#/customers/new`);
    await page.getByTestId('customer-form').waitFor();
    const wrongCheckChar = `${CREDIT_CODE.slice(0, 17)}${CREDIT_CODE.endsWith('0') ? '1' : '0'}`;
    const bad = {
      name: '南京博雅食品有限公司（江宁分公司）',
      shortName: '博雅江宁分公司'.repeat(5), // 35 characters, the limit is 30
      creditCode: wrongCheckChar,
      email: 'zhou@boya',
      mobile: '1391234', // 7 digits
      postcode: '2100001', // 7 digits
    };
    await page.getByTestId('customer-name').fill(bad.name);
    await page.getByLabel(customersZhCN.field.shortName).fill(bad.shortName);
    await page.getByLabel(customersZhCN.field.creditCode).fill(bad.creditCode);
    await page.getByLabel(customersZhCN.field.email).first().fill(bad.email);
    await page.getByTestId('contact-0').getByLabel(customersZhCN.form.contactName).fill('周江宁');
    await page.getByTestId('contact-0-mobile').fill(bad.mobile);
    // Leaving a field checks it and shows its error, which moves what is below: let that settle
    // before clicking further down the form.
    await page.getByTestId('contact-0-mobile').blur();
    await expect.poll(() => page.getByTestId('contact-0-mobile').getAttribute('aria-invalid')).toBe('true');
    await page.getByRole('button', { name: customersZhCN.form.addAddress }).click();
    await page.getByLabel(customersZhCN.form.detail).fill('天元东路 88 号');
    await page.getByLabel(customersZhCN.form.postcode).fill(bad.postcode);
    await page.getByTestId('save-customer').first().click();

    // The five fields are marked, each with its reason in Chinese, and nothing else is.
    const fields = [
      page.getByLabel(customersZhCN.field.shortName),
      page.getByLabel(customersZhCN.field.creditCode),
      page.getByLabel(customersZhCN.field.email).first(),
      page.getByTestId('contact-0-mobile'),
      page.getByLabel(customersZhCN.form.postcode),
    ];
    for (const field of fields) await expect.poll(() => field.getAttribute('aria-invalid')).toBe('true');
    const shown = await page.locator('.mantine-InputWrapper-error').allTextContents();
    expect(shown).toHaveLength(5);
    expect(shown.filter((text) => !/[\u4e00-\u9fff]/.test(text))).toEqual([]);
    expect(shown).toEqual(
      expect.arrayContaining([
        issuesZhCN.codes.too_long.replace('{{max}}', '30'),
        issuesZhCN.codes.invalid_credit_code.replace('{{reason}}', issuesZhCN.words.reason.check_char),
        issuesZhCN.codes.invalid_email,
        issuesZhCN.codes.invalid_mobile,
        issuesZhCN.codes.invalid_postcode,
      ]),
    );
    await screenshot(page, 'customers-09-five-refused-fields');

    // The server refuses the same input at the same paths, so its issues would land on the same fields.
    const refused = await page.evaluate(async (input) => {
      const response = await fetch('/api/customers.create', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(input) });
      return (await response.json()) as { ok: boolean; error?: { code: string; issues: { path: string; code: string }[] } };
    }, {
      kind: 'company',
      name: bad.name,
      shortName: bad.shortName,
      creditCode: bad.creditCode,
      email: bad.email,
      contacts: [{ name: '周江宁', mobile: bad.mobile, isPrimary: true }],
      addresses: [{ kind: 'shipping', detail: '天元东路 88 号', postcode: bad.postcode, isDefault: true }],
    });
    expect(refused.error?.code).toBe('VALIDATION');
    expect(refused.error!.issues.map((i) => `${i.path}:${i.code}`).sort()).toEqual(['addresses.0.postcode:invalid_postcode', 'contacts.0.mobile:invalid_mobile', 'creditCode:invalid_credit_code', 'email:invalid_email', 'shortName:too_long']);

    // Put right, but with the credit code of the customer made earlier: the server names that customer.
    await page.getByLabel(customersZhCN.field.shortName).fill('博雅江宁');
    await page.getByLabel(customersZhCN.field.creditCode).fill(CREDIT_CODE);
    await page.getByLabel(customersZhCN.field.email).first().fill('jiangning@boya.cn');
    await page.getByTestId('contact-0-mobile').fill('139 2222 0000');
    await page.getByLabel(customersZhCN.form.postcode).fill('211100');
    await expect.poll(() => page.locator('.mantine-InputWrapper-error').count()).toBe(0);
    await page.getByTestId('save-customer').first().click();

    const dialog = page.getByRole('dialog', { name: customersZhCN.form.duplicatesTitle });
    await dialog.waitFor();
    const match = dialog.getByTestId('duplicates');
    await match.getByText(CUSTOMER, { exact: true }).waitFor();
    await match.getByText(customersZhCN.form.duplicateReason.creditCode).waitFor();
    await expect(match.getByRole('link', { name: customersZhCN.form.openExisting }).getAttribute('href')).resolves.toMatch(/^#\/customers\/[0-9a-f-]{36}$/);
    // The shared field says so beside itself, in Chinese, naming the same customer.
    await expect.poll(() => page.getByLabel(customersZhCN.field.creditCode).getAttribute('aria-invalid')).toBe('true');
    const besideCreditCode = await page.locator('.mantine-InputWrapper-error').allTextContents();
    expect(besideCreditCode).toHaveLength(1);
    expect(besideCreditCode[0]).toMatch(new RegExp(`^与客户 C\\d+ ${CUSTOMER} 的统一社会信用代码相同$`));
    // Said once: the pre-check's note under the field gives way to the refusal.
    await expect(page.getByText(besideCreditCode[0]!, { exact: true }).count()).resolves.toBe(1);
    await screenshot(page, 'customers-10-duplicate-credit-code');

    // Not created: leave the form, which asks first, and find only the first customer with that code.
    await dialog.getByRole('button', { name: zhCN.common.cancel }).click();
    await page.getByRole('button', { name: zhCN.common.cancel }).first().click();
    await page.getByTestId('discard-changes').click();
    await page.getByTestId('customers-table').waitFor();
    await expect(page.getByTestId('customer-row').count()).resolves.toBe(1);
    expect(pageErrors).toEqual([]);
  });
});
