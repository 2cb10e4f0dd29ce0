import { screen, waitFor, within } from '@testing-library/react';
import type { UserEvent } from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { Customer, DuplicateMatch } from '../../../src-main/domain/customers/customers.dto';
import zhCN from '../../i18n/zh-CN';
import issuesZhCN from '../../i18n/issues/messages.zh-CN';
import { fakeBackend, refusal } from '../../test-utils/fake-backend';
import { aCompanySettings } from '../../test-utils/company-settings';
import { render } from '../../test-utils/render';
import { CustomerNewPage } from './CustomerForm.page';
import customersZhCN from './messages.zh-CN';

const SALES = { id: '0190a0b0-0000-7000-8000-0000000000a1', displayName: '王销售', role: 'sales' as const };
const CREATED_ID = '0190a0b0-0000-7000-8000-0000000000c1';

/** What the form reads before anyone types: the company's required fields (mobile), no custom fields, one salesperson, no tags. */
function companyBackend(create: Parameters<typeof fakeBackend>[0]['customers.create']) {
  return fakeBackend({
    'settings.get': () => aCompanySettings(),
    'customers.listFieldDefs': () => [],
    'customers.listTags': () => [],
    'users.options': () => [SALES],
    'customers.checkDuplicates': () => [],
    'customers.create': create,
  });
}

const created = (name: string) => ({ id: CREATED_ID, code: 'C000002', name, duplicates: [], warnings: [] }) as unknown as Customer & { duplicates: DuplicateMatch[]; warnings: [] };

async function fill(user: UserEvent, input: HTMLElement, text: string) {
  await user.clear(input);
  await user.click(input);
  await user.paste(text);
}

async function openNewCustomerForm() {
  const view = await render(<CustomerNewPage />, { path: '/customers/new' });
  await screen.findByTestId('customer-form');
  return view;
}

/** A company with a primary contact and a second one; nothing the form itself would refuse. */
async function fillTwoContacts(user: UserEvent) {
  await fill(user, screen.getByTestId('customer-name'), '南京博雅食品有限公司');
  const first = screen.getByTestId('contact-0');
  await fill(user, within(first).getByLabelText(customersZhCN.form.contactName, { exact: false }), '周博雅');
  await fill(user, screen.getByTestId('contact-0-mobile'), '13912345678');
  await user.click(screen.getByTestId('add-contact'));
  const second = screen.getByTestId('contact-1');
  await fill(user, within(second).getByLabelText(customersZhCN.form.contactName, { exact: false }), '李采购');
  await fill(user, screen.getByTestId('contact-1-mobile'), '13700001234');
}

const hasChinese = (text: string) => /[\u4e00-\u9fff]/.test(text);

describe('the customer form', () => {
  it('shows the server’s refusal of the second contact’s mobile beside that field, in Chinese', async () => {
    const backend = companyBackend(() => {
      throw refusal('VALIDATION', [{ path: 'contacts.1.mobile', code: 'invalid_mobile' }]);
    });
    const { user } = await openNewCustomerForm();
    await fillTwoContacts(user);
    await user.click(screen.getAllByTestId('save-customer')[0]!);

    const second = screen.getByTestId('contact-1');
    const message = await within(second).findByText(issuesZhCN.codes.invalid_mobile);
    expect(hasChinese(message.textContent ?? '')).toBe(true);
    expect(screen.getByTestId('contact-1-mobile').getAttribute('aria-invalid')).toBe('true');
    expect(within(screen.getByTestId('contact-0')).queryByText(issuesZhCN.codes.invalid_mobile)).toBeNull();
    expect(screen.getByTestId('contact-0-mobile').getAttribute('aria-invalid')).not.toBe('true');
    // The field the server names is the field the form sent: same path, no rewriting.
    expect(backend.inputsOf('customers.create')[0]!.contacts![1]!.mobile).toBe('13700001234');
    // On a long page the error may be out of sight, so the page also says how many need fixing.
    await screen.findByText('有 1 处需要修改，已在对应位置标出');
  });

  it('checks with the contract before sending: a bad email is worded in Chinese and nothing is sent', async () => {
    const backend = companyBackend(() => created('不该创建'));
    const { user } = await openNewCustomerForm();
    await fillTwoContacts(user);
    const email = within(screen.getByTestId('customer-form')).getAllByLabelText(customersZhCN.field.email)[0]!;
    await fill(user, email, 'zhou@boya');
    await user.click(screen.getAllByTestId('save-customer')[0]!);

    await screen.findByText(issuesZhCN.codes.invalid_email);
    expect(email.getAttribute('aria-invalid')).toBe('true');
    expect(backend.inputsOf('customers.create')).toEqual([]);
  });

  it('saves a company with only its name and a mobile, the contact card it opens with left blank', async () => {
    const backend = companyBackend(() => created('苏州恒远五金有限公司'));
    const { user } = await openNewCustomerForm();
    await fill(user, screen.getByTestId('customer-name'), '苏州恒远五金有限公司');
    await fill(user, screen.getByTestId('customer-mobile'), '13912340001');
    await user.click(within(screen.getByTestId('customer-form')).getAllByRole('button', { name: zhCN.common.save })[0]!);
    await waitFor(() => expect(backend.inputsOf('customers.create')).toHaveLength(1));
    expect(backend.inputsOf('customers.create')[0]).toMatchObject({ name: '苏州恒远五金有限公司', mobile: '13912340001' });
    expect(await screen.findByTestId('elsewhere')).toBeTruthy();
  });

  it('asks for the name and the company’s required mobile at once, on the first save of an empty form', async () => {
    const backend = companyBackend(() => created('不该创建'));
    const { user } = await openNewCustomerForm();
    await user.click(within(screen.getByTestId('customer-form')).getAllByRole('button', { name: zhCN.common.save })[0]!);
    await waitFor(() => expect(screen.getByTestId('customer-name').getAttribute('aria-invalid')).toBe('true'));
    expect(screen.getByTestId('customer-mobile').getAttribute('aria-invalid')).toBe('true');
    expect(backend.inputsOf('customers.create')).toHaveLength(0);
  });

  it('asks for a mobile under the customer’s own field when neither it nor a contact has one', async () => {
    const backend = companyBackend(() => created('不该创建'));
    const { user } = await openNewCustomerForm();
    await fill(user, screen.getByTestId('customer-name'), '苏州恒远五金有限公司');
    await user.click(within(screen.getByTestId('customer-form')).getAllByRole('button', { name: zhCN.common.save })[0]!);
    const mobile = screen.getByTestId('customer-mobile');
    await waitFor(() => expect(mobile.getAttribute('aria-invalid')).toBe('true'));
    expect(backend.inputsOf('customers.create')).toHaveLength(0);
  });

  it('has Cancel and Save at the top and the foot; Save sends once, shows it is busy, then opens the new customer', async () => {
    let finish: (customer: ReturnType<typeof created>) => void = () => undefined;
    const backend = companyBackend(() => new Promise((resolve) => (finish = resolve)));
    const { user, router } = await openNewCustomerForm();
    const form = screen.getByTestId('customer-form');
    expect(within(form).getAllByRole('button', { name: zhCN.common.save })).toHaveLength(2);
    expect(within(form).getAllByRole('button', { name: zhCN.common.cancel })).toHaveLength(2);

    await fillTwoContacts(user);
    await user.click(within(form).getAllByRole('button', { name: zhCN.common.save })[1]!);
    await waitFor(() => expect(backend.inputsOf('customers.create')).toHaveLength(1));
    for (const save of within(form).getAllByRole('button', { name: zhCN.common.save })) expect(save.getAttribute('data-loading')).toBe('true');

    finish(created('南京博雅食品有限公司'));
    expect((await screen.findByTestId('elsewhere')).textContent).toBe(`/customers/${CREATED_ID}`);
    expect(router.state.location.pathname).toBe(`/customers/${CREATED_ID}`);
    await screen.findByText('已新建客户 C000002 南京博雅食品有限公司');
    // A saved form is not "unsaved": no question on the way out.
    expect(screen.queryByText(zhCN.form.unsavedTitle)).toBeNull();
    expect(backend.inputsOf('customers.create')[0]).toMatchObject({ name: '南京博雅食品有限公司', allowDuplicate: false, contacts: [{ name: '周博雅', isPrimary: true }, { name: '李采购', isPrimary: false }] });
  });

  it('asks before Cancel throws away edits, stays on “继续编辑”, and leaves on “放弃并离开”', async () => {
    companyBackend(() => created('不该创建'));
    const { user, router } = await openNewCustomerForm();
    await fill(user, screen.getByLabelText(customersZhCN.field.tier), 'A');
    await user.click(screen.getAllByRole('button', { name: zhCN.common.cancel })[0]!);

    const dialog = await screen.findByRole('dialog', { name: zhCN.form.unsavedTitle });
    await user.click(within(dialog).getByRole('button', { name: zhCN.form.unsavedStay }));
    await waitFor(() => expect(screen.queryByRole('dialog', { name: zhCN.form.unsavedTitle })).toBeNull());
    expect(router.state.location.pathname).toBe('/customers/new');
    expect((screen.getByLabelText(customersZhCN.field.tier) as HTMLInputElement).value).toBe('A');

    await user.click(screen.getAllByRole('button', { name: zhCN.common.cancel })[1]!);
    await user.click(within(await screen.findByRole('dialog', { name: zhCN.form.unsavedTitle })).getByRole('button', { name: zhCN.form.unsavedLeave }));
    expect((await screen.findByTestId('elsewhere')).textContent).toBe('/customers');
  });

  it('leaves without asking when nothing was typed', async () => {
    companyBackend(() => created('不该创建'));
    const { user } = await openNewCustomerForm();
    await user.click(screen.getAllByRole('button', { name: zhCN.common.cancel })[0]!);
    expect((await screen.findByTestId('elsewhere')).textContent).toBe('/customers');
    expect(screen.queryByText(zhCN.form.unsavedTitle)).toBeNull();
  });

  it('lists the existing customer a duplicate matches, and creates anyway only when told to', async () => {
    const existing: DuplicateMatch = { id: '0190a0b0-0000-7000-8000-0000000000e1', code: 'C000001', name: '南京博雅食品有限公司', status: 'active', matchedOn: 'name', value: '南京博雅食品有限公司' };
    const backend = companyBackend((input) => {
      if (!input.allowDuplicate) throw refusal('CONFLICT', [{ path: 'name', code: 'duplicate', params: { matchedOn: 'name', code: existing.code, name: existing.name } }], { duplicates: [existing] });
      return created(input.name);
    });
    const { user } = await openNewCustomerForm();
    await fillTwoContacts(user);
    await user.click(screen.getAllByTestId('save-customer')[0]!);

    const dialog = await screen.findByRole('dialog', { name: customersZhCN.form.duplicatesTitle });
    within(within(dialog).getByTestId('duplicates')).getByText(existing.code);
    within(within(dialog).getByTestId('duplicates')).getByText(existing.name);
    await screen.findByText('与客户 C000001 南京博雅食品有限公司 的名称相同');
    await user.click(within(dialog).getByTestId('create-anyway'));
    expect((await screen.findByTestId('elsewhere')).textContent).toBe(`/customers/${CREATED_ID}`);
    expect(backend.inputsOf('customers.create').map((input) => input.allowDuplicate)).toEqual([false, true]);
  });
});
