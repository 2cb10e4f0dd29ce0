import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Reminder } from '../../../src-main/domain/dunning/dunning.contract';
import { fakeBackend } from '../../test-utils/fake-backend';
import { render } from '../../test-utils/render';
import { CreditHoldBadge } from './CreditHoldBadge';
import { DunningQueuePage } from './DunningQueue.page';

const CUSTOMER = '0190a0b0-0000-7000-8000-0000000000c1';

function aReminder(n: number, overrides: Partial<Reminder> = {}): Reminder {
  return {
    id: `0190a0b0-0000-7000-8000-0000000000a${n}`,
    customerId: CUSTOMER,
    customerCode: 'C000001',
    customerName: '南京金桥贸易有限公司',
    customerEmail: 'caiwu@jinqiao.example',
    ownerUserId: 'u1',
    ownerName: '小王',
    levelId: 'dl-after-15',
    daysAfterDue: 15,
    businessDate: '2026-11-20',
    amount: 123_450,
    status: 'due',
    invoices: [{ invoiceId: 'i1', invoiceNo: `INV-2026-00000${n}`, dueDate: '2026-11-05', openAmount: 123_450 }],
    emailTo: null,
    subject: null,
    note: null,
    handledAt: null,
    handledByName: null,
    lastEmail: null,
    ...overrides,
  };
}

describe('the dunning queue (催收提醒)', () => {
  it('lists my reminders with level and amount, previews and sends one by e-mail, and records a phone call', async () => {
    const reminders = [aReminder(1), aReminder(2, { customerEmail: null, daysAfterDue: -3, customerName: '苏州恒通建材有限公司' })];
    const backend = fakeBackend({
      'dunning.queue': () => ({ rows: reminders, total: 2, totalIsExact: true }),
      'dunning.preview': (input) => ({ to: 'caiwu@jinqiao.example', subject: input.language === 'en' ? 'Overdue invoices' : '逾期付款第二次提醒', body: '南京金桥贸易有限公司：您好！' }),
      'dunning.send': (input) => ({ ...reminders[0]!, id: input.id, status: 'sent', emailTo: 'caiwu@jinqiao.example' }),
      'dunning.markDone': (input) => ({ ...reminders[1]!, status: 'done', note: input.note ?? null }),
    });
    const { user } = await render(<DunningQueuePage />, { path: '/dunning', permissions: ['dunning.read', 'dunning.work'] });

    const rows = await screen.findAllByRole('row');
    expect(within(rows[1]!).getByText('逾期 15 天')).toBeTruthy();
    expect(within(rows[1]!).getByText('¥1,234.50')).toBeTruthy();
    expect(within(rows[2]!).getByText('到期前 3 天')).toBeTruthy();
    expect(backend.inputsOf('dunning.queue')[0]).toEqual({ filters: { scope: 'mine', status: 'due' }, page: 1, pageSize: 50 });
    // Without an address the reminder cannot be e-mailed; there is no "everyone" switch without dunning.manage.
    expect((within(rows[2]!).getByTestId('send-reminder') as HTMLButtonElement).disabled).toBe(true);
    expect(screen.queryByTestId('reminder-scope')).toBeNull();

    await user.click(within(rows[1]!).getByTestId('send-reminder'));
    expect(((await screen.findByTestId('reminder-subject')) as HTMLInputElement).value).toBe('逾期付款第二次提醒');
    await user.click(screen.getByRole('radio', { name: 'English' }));
    await waitFor(() => expect((screen.getByTestId('reminder-subject') as HTMLInputElement).value).toBe('Overdue invoices'));
    await user.click(screen.getByTestId('confirm-send'));
    await waitFor(() => expect(backend.inputsOf('dunning.send')).toEqual([{ id: reminders[0]!.id, language: 'en', resend: false }]));

    await user.click(within(rows[2]!).getByTestId('phoned-reminder'));
    await user.type(await screen.findByTestId('reminder-note'), '财务说月底付');
    await user.click(screen.getByTestId('confirm-close'));
    await waitFor(() => expect(backend.inputsOf('dunning.markDone')).toEqual([{ id: reminders[1]!.id, note: '财务说月底付' }]));
  });

  it('needs a reason to skip', async () => {
    const backend = fakeBackend({ 'dunning.queue': () => ({ rows: [aReminder(1)], total: 1, totalIsExact: true }), 'dunning.skip': (input) => ({ ...aReminder(1), status: 'skipped', note: input.note }) });
    const { user } = await render(<DunningQueuePage />, { path: '/dunning', permissions: ['dunning.read', 'dunning.work', 'dunning.manage'] });
    await user.click(await screen.findByTestId('skip-reminder'));
    expect((screen.getByTestId('confirm-close') as HTMLButtonElement).disabled).toBe(true);
    await user.type(screen.getByTestId('reminder-note'), '客户已承诺本周付款');
    await user.click(screen.getByTestId('confirm-close'));
    await waitFor(() => expect(backend.inputsOf('dunning.skip')).toEqual([{ id: aReminder(1).id, note: '客户已承诺本周付款' }]));
    expect(screen.getByTestId('reminder-scope')).toBeTruthy();
  });
});

describe('the dunning queue for whoever sees every customer', () => {
  it('offers everyone’s reminders when the manager’s own customers have none, and lists a long run of invoices briefly', async () => {
    const invoices = Array.from({ length: 5 }, (_, i) => ({ invoiceId: `i${i}`, invoiceNo: `INV-2026-00010${i}`, dueDate: '2026-10-05', openAmount: 10_000 }));
    const backend = fakeBackend({
      'dunning.queue': (input) => (input.filters?.scope === 'all' ? { rows: [aReminder(1, { invoices })], total: 1, totalIsExact: true } : { rows: [], total: 0, totalIsExact: true }),
    });
    const { user } = await render(<DunningQueuePage />, { path: '/dunning', permissions: ['dunning.read', 'dunning.work', 'dunning.manage'] });
    await user.click(await screen.findByTestId('reminders-see-all'));
    const shown = await screen.findByTestId('reminder-invoices');
    expect(backend.inputsOf('dunning.queue').at(-1)).toMatchObject({ filters: { scope: 'all', status: 'due' } });
    expect(shown.textContent).toBe('INV-2026-000100INV-2026-000101INV-2026-000102等 5 张');
  });

  it('does not offer everyone’s reminders to a salesperson', async () => {
    fakeBackend({ 'dunning.queue': () => ({ rows: [], total: 0, totalIsExact: true }) });
    await render(<DunningQueuePage />, { path: '/dunning', permissions: ['dunning.read', 'dunning.work'] });
    await screen.findByTestId('empty-state');
    expect(screen.queryByTestId('reminders-see-all')).toBeNull();
  });
});

describe('the credit hold badge (信用冻结)', () => {
  it('shows the hold, and lets a manager release it with a reason', async () => {
    const backend = fakeBackend({
      'dunning.creditHold': () => ({ customerId: CUSTOMER, onHold: true, cause: 'overdue', reason: null, since: '2026-11-20', overdueDays: 45 }),
      'dunning.release': () => ({ customerId: CUSTOMER, onHold: false, cause: 'manual', reason: '已签还款协议', since: '2026-11-29', overdueDays: 45 }),
    });
    const { user } = await render(<CreditHoldBadge customerId={CUSTOMER} />, { permissions: ['dunning.read', 'dunning.hold'] });
    expect((await screen.findByTestId('credit-hold-badge')).textContent).toBe('信用冻结');
    await user.click(screen.getByTestId('credit-hold-toggle'));
    await user.type(await screen.findByTestId('credit-hold-reason'), '已签还款协议');
    await user.click(screen.getByTestId('confirm-credit-hold'));
    await waitFor(() => expect(backend.inputsOf('dunning.release')).toEqual([{ customerId: CUSTOMER, reason: '已签还款协议' }]));
  });

  it('shows nothing to someone who may not read credit status', async () => {
    const backend = fakeBackend({});
    await render(<CreditHoldBadge customerId={CUSTOMER} />, { permissions: [] });
    expect(screen.queryByTestId('credit-hold-badge')).toBeNull();
    expect(backend.methods()).not.toContain('dunning.creditHold');
  });
});
