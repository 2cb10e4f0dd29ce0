import { Button } from '@mantine/core';
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { useApiMutation } from '../../api/hooks';
import issues from '../../i18n/issues/messages.zh-CN';
import zhCN from '../../i18n/zh-CN';
import { fakeBackend, refusal } from '../../test-utils/fake-backend';
import { render } from '../../test-utils/render';
import messages from './messages.zh-CN';
import { PeriodsTab } from './PeriodsTab';
import { aPeriodStatus } from './test-fixtures';

const ACCOUNTANT = ['vouchers.read', 'vouchers.closePeriod'];

const cells = (period: string) => within(screen.getByTestId(`period-${period}`)).getAllByRole('cell').map((c) => c.textContent);

describe('closing the books (结账)', () => {
  it('lists the months open or closed with who closed them and when, and closes a month after showing what it holds', async () => {
    const backend = fakeBackend({
      'vouchers.periods': () => aPeriodStatus('2026-09'),
      'vouchers.periodSummary': (input) => ({ period: input.period, voucherCount: 37, debitTotal: 1_234_500, creditTotal: 1_234_500 }),
      'vouchers.closePeriod': () => aPeriodStatus('2026-10'),
    });
    const { user } = await render(<PeriodsTab />, { permissions: ACCOUNTANT });
    await screen.findByTestId('period-months');
    expect(screen.getByTestId('first-open').textContent).toBe('可记账的第一个月：2026-10');
    expect(cells('2026-09').slice(0, 3)).toEqual(['2026-09', messages.periods.closed, '李会计']);
    expect(cells('2026-09')[3]).toMatch(/^2026-10-02 \d\d:00$/);
    expect(cells('2026-10').slice(0, 3)).toEqual(['2026-10', messages.periods.open, '']);
    // A closed month cannot be closed again; the accountant may not reopen it.
    expect(screen.queryByTestId('close-2026-09')).toBeNull();
    expect(screen.queryByTestId('reopen-2026-09')).toBeNull();
    expect(cells('2026-09')[4]).toBe(messages.periods.onlyOwner);

    await user.click(screen.getByTestId('close-2026-10'));
    const summary = await screen.findByTestId('close-month-summary');
    expect(summary.textContent).toBe('本月共 37 张凭证，借方合计 ¥12,345.00，贷方合计 ¥12,345.00。');
    expect(backend.inputsOf('vouchers.periodSummary')).toEqual([{ period: '2026-10' }]);
    expect(backend.inputsOf('vouchers.closePeriod')).toEqual([]);
    await user.click(screen.getByTestId('confirm-close-month'));
    await waitFor(() => expect(backend.inputsOf('vouchers.closePeriod')).toEqual([{ period: '2026-10' }]));
    expect(await screen.findByText('2026-10 已结账')).toBeTruthy();
  });

  it('lets the owner reopen the latest closed month only with a reason', async () => {
    const backend = fakeBackend({
      'vouchers.periods': () => aPeriodStatus('2026-09'),
      'vouchers.reopenPeriod': () => aPeriodStatus(null),
    });
    const { user } = await render(<PeriodsTab />, { permissions: [...ACCOUNTANT, 'vouchers.reopenPeriod'] });
    // Only the latest closed month can be reopened.
    expect(await screen.findByTestId('reopen-2026-09')).toBeTruthy();
    expect(screen.queryByTestId('reopen-2026-08')).toBeNull();

    await user.click(screen.getByTestId('reopen-2026-09'));
    await user.click(screen.getByTestId('confirm-reopen-month'));
    expect(await screen.findByText(issues.codes.required)).toBeTruthy();
    expect(backend.inputsOf('vouchers.reopenPeriod')).toEqual([]);

    await user.type(screen.getByTestId('reopen-reason'), '补录漏开的发票');
    await user.click(screen.getByTestId('confirm-reopen-month'));
    await waitFor(() => expect(backend.inputsOf('vouchers.reopenPeriod')).toEqual([{ period: '2026-09', reason: '补录漏开的发票' }]));
  });
});

function PostIntoSeptember() {
  const post = useApiMutation('receivables.createReceipt');
  return (
    <Button data-testid="post" onClick={() => post.mutate({ customerId: '0190a0b0-0000-7000-8000-0000000000c1', receiptDate: '2026-09-30', method: 'cash', amount: 100, autoAllocate: false })}>
      post
    </Button>
  );
}

describe('a posting into a closed month', () => {
  it('is refused with a calm note naming the closed month and the first open one', async () => {
    fakeBackend({
      'receivables.createReceipt': () => {
        throw refusal('PERIOD_LOCKED', [{ path: 'receiptDate', code: 'period_locked', params: { period: '2026-09', firstOpen: '2026-10' } }]);
      },
    });
    const { user } = await render(<PostIntoSeptember />);
    await user.click(screen.getByTestId('post'));
    const note = await screen.findByText('2026-09 已结账，不能再记入；请记到 2026-10 或之后');
    const notification = note.closest('.mantine-Notification-root') as HTMLElement;
    expect(within(notification).getByText(zhCN.errors.PERIOD_LOCKED)).toBeTruthy();
    // Yellow, not the red of a failure.
    expect(notification.getAttribute('style') ?? '').toContain('yellow');
  });
});
