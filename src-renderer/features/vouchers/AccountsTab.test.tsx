import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import issues from '../../i18n/issues/messages.zh-CN';
import { fakeBackend, refusal } from '../../test-utils/fake-backend';
import { render } from '../../test-utils/render';
import { AccountsTab } from './AccountsTab';
import messages from './messages.zh-CN';
import { aChart } from './test-fixtures';

const MANAGE = ['vouchers.read', 'vouchers.manage'];

describe('the chart of accounts and its mapping', () => {
  it("shows each account's class, its place in the tree, the customer auxiliary item and what it is used for", async () => {
    fakeBackend({ 'vouchers.chart': () => aChart() });
    await render(<AccountsTab />, { permissions: MANAGE });
    const row = async (code: string) => within(await screen.findByTestId(`account-${code}`)).getAllByRole('cell').map((c) => c.textContent);
    expect((await row('1122')).slice(0, 5)).toEqual(['1122', '应收账款', '资产', '客户', '应收账款']);
    expect((await row('22210102')).slice(0, 5)).toEqual(['22210102', '应交税费—应交增值税（销项税额）', '负债', '', '销项税额']);
    // A sub-account sits deeper in the tree than its parent.
    const depth = (code: string) => within(screen.getByTestId(`account-${code}`)).getAllByRole('cell')[1]!.dataset.depth;
    expect(['2221', '222101', '22210102'].map(depth)).toEqual(['0', '1', '2']);
    expect((screen.getByTestId('mapping-receivable') as HTMLInputElement).value).toBe('1122 应收账款');
  });

  it('adds a sub-account, and shows a refusal beside the parent it names', async () => {
    let refuse = true;
    const backend = fakeBackend({
      'vouchers.chart': () => aChart(),
      'vouchers.saveAccount': () => {
        if (refuse) throw refusal('CONFLICT', [{ path: 'parentCode', code: 'account_mapped', params: { code: '6001', role: 'revenue' } }]);
        return aChart();
      },
    });
    const { user } = await render(<AccountsTab />, { permissions: MANAGE });
    await user.click(await screen.findByTestId('add-account'));
    const form = screen.getByTestId('account-form');
    await user.click(within(form).getByTestId('account-parent'));
    await user.click(await screen.findByRole('option', { name: '6001 主营业务收入' }));
    await user.type(within(form).getByTestId('account-code'), '600101');
    await user.type(within(form).getByTestId('account-name'), '主营业务收入—五金');
    await user.click(screen.getByTestId('save-account'));
    await waitFor(() => expect(backend.inputsOf('vouchers.saveAccount')).toEqual([{ code: '600101', name: '主营业务收入—五金', parentCode: '6001' }]));
    expect(await within(form).findByText(issues.codes.account_mapped.replace('{{code}}', '6001'))).toBeTruthy();

    refuse = false;
    await user.click(screen.getByTestId('save-account'));
    expect(await screen.findByText(messages.accounts.saved.replace('{{code}}', '600101'))).toBeTruthy();
    await waitFor(() => expect(screen.queryByTestId('account-form')).toBeNull());
  });

  it('checks a new account with the contract before sending: a code is digits', async () => {
    const backend = fakeBackend({ 'vouchers.chart': () => aChart(), 'vouchers.saveAccount': () => aChart() });
    const { user } = await render(<AccountsTab />, { permissions: MANAGE });
    await user.click(await screen.findByTestId('add-account'));
    await user.type(screen.getByTestId('account-code'), '11-22');
    await user.type(screen.getByTestId('account-name'), '其他应收款');
    await user.click(screen.getByTestId('save-account'));
    expect(await screen.findByText(issues.codes.invalid_format)).toBeTruthy();
    expect(backend.inputsOf('vouchers.saveAccount')).toEqual([]);
  });

  it('maps a posting role to another leaf account as it is picked', async () => {
    const backend = fakeBackend({ 'vouchers.chart': () => aChart(), 'vouchers.setMapping': () => aChart() });
    const { user } = await render(<AccountsTab />, { permissions: MANAGE });
    await user.click(await screen.findByTestId('mapping-writeoff'));
    const options = await screen.findAllByRole('option');
    // Only leaf accounts carry amounts: parents are not offered.
    expect(options.map((o) => o.textContent)).not.toContain('2221 应交税费');
    await user.click(options.find((o) => o.textContent === '1002 银行存款')!);
    await waitFor(() => expect(backend.inputsOf('vouchers.setMapping')).toEqual([{ role: 'writeoff', accountCode: '1002' }]));
  });

  it('applies an accounting standard only after the confirmation that says mappings are overwritten', async () => {
    const backend = fakeBackend({ 'vouchers.chart': () => aChart(), 'vouchers.applyStandard': () => aChart() });
    const { user } = await render(<AccountsTab />, { permissions: MANAGE });
    await user.click(await screen.findByTestId('apply-standard'));
    await user.click(screen.getByTestId('standard'));
    await user.click(await screen.findByRole('option', { name: messages.accounts.standards.enterprise }));
    expect(screen.getByText(messages.accounts.applyText.replace('{{standard}}', messages.accounts.standards.enterprise))).toBeTruthy();
    expect(backend.inputsOf('vouchers.applyStandard')).toEqual([]);
    await user.click(screen.getByTestId('confirm-standard'));
    await waitFor(() => expect(backend.inputsOf('vouchers.applyStandard')).toEqual([{ standard: 'enterprise' }]));
  });

  it('lets someone who may only read see the chart but not change it', async () => {
    fakeBackend({ 'vouchers.chart': () => aChart() });
    await render(<AccountsTab />, { permissions: ['vouchers.read'] });
    await screen.findByTestId('chart-of-accounts');
    expect(screen.queryByTestId('add-account')).toBeNull();
    expect(screen.queryByTestId('edit-account-1122')).toBeNull();
    expect((screen.getByTestId('mapping-revenue') as HTMLInputElement).disabled).toBe(true);
  });
});
