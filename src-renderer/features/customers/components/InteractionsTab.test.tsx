import { act, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Customer } from '../../../../src-main/domain/customers/customers.dto';
import { addDays } from '../../../../src-main/domain/core/dates';
import { businessToday } from '../../../format';
import i18n from '../../../i18n';
import { fakeBackend } from '../../../test-utils/fake-backend';
import { render } from '../../../test-utils/render';
import customersZhCN from '../messages.zh-CN';
import { InteractionsTab } from './InteractionsTab';

const CUSTOMER_ID = '0190a0b0-0000-7000-8000-0000000000c1';
const customer = (nextContactOn: string | null) =>
  ({ id: CUSTOMER_ID, code: 'C000001', name: '苏州和记餐饮管理有限公司', contacts: [], mergedIntoId: null, nextContactOn }) as unknown as Customer;
const noTimeline = { total: 0, totalIsExact: true, rows: [] };

describe('follow-ups on the 360° view', () => {
  it('says when the planned next contact is due, in red words', async () => {
    fakeBackend({});
    const due = addDays(businessToday(), -2);
    await render(<InteractionsTab customer={customer(due)} firstPage={noTimeline} />, { permissions: ['customers.interact'] });
    expect(screen.getByTestId('next-contact').textContent).toBe(customersZhCN.timeline.nextContactDue.replace('{{date}}', due));
  });

  it('logs a call with the next contact typed as a date', async () => {
    const sent: unknown[] = [];
    fakeBackend({
      'customers.logInteraction': (input) => {
        sent.push(input);
        return { id: '0190a0b0-0000-7000-8000-0000000000e1' } as never;
      },
    });
    const next = addDays(businessToday(), 7);
    const { user } = await render(<InteractionsTab customer={customer(null)} firstPage={noTimeline} />, { permissions: ['customers.interact'] });
    expect(screen.queryByTestId('next-contact')).toBeNull();
    await user.type(screen.getByTestId('interaction-subject'), '确认春节备货数量');
    await user.type(screen.getByTestId('interaction-next-contact'), next);
    await user.click(screen.getByTestId('log-interaction-submit'));
    await waitFor(() => expect(sent).toHaveLength(1));
    expect(sent[0]).toMatchObject({ customerId: CUSTOMER_ID, kind: 'call', subject: '确认春节备货数量', nextContactOn: next });
  });

  it('words the documents other areas put on the timeline: kind, number, amount and what matters', async () => {
    fakeBackend({});
    const at = '2026-11-20T02:00:00.000Z';
    const page = {
      total: 3,
      totalIsExact: true,
      rows: [
        { kind: 'invoice', id: 'i1', at, title: 'INV-2026-000121', detail: null, userName: null, data: { amount: 167_200, dueDate: '2026-12-20', status: 'posted' } },
        { kind: 'receipt', id: 'r1', at, title: 'SK-2026-000035', detail: null, userName: null, data: { amount: 50_000, method: 'wechat', status: 'reversed' } },
        { kind: 'credit_note', id: 'c1', at, title: 'INV-2026-000122', detail: null, userName: null, data: { amount: -38_400, status: 'posted' } },
      ],
    };
    await render(<InteractionsTab customer={customer(null)} firstPage={page} />);
    const [invoice, receipt, creditNote] = screen.getAllByTestId('timeline-entry');
    expect(invoice!.textContent).toContain('发票INV-2026-000121· ¥1,672.00· 2026-12-20 到期');
    expect(receipt!.textContent).toContain('收款SK-2026-000035· ¥500.00· 微信支付已冲销');
    expect(creditNote!.textContent).toContain('红字发票INV-2026-000122');
  });

  it('says in English that a customer went back to the pool after 1 day without follow-up, in the singular', async () => {
    fakeBackend({});
    const at = '2026-11-20T02:00:00.000Z';
    const returned = (id: string, idleDays: number) => ({ kind: 'pool', id, at, title: '', detail: null, userName: null, data: { event: 'returned', idleDays } });
    await render(<InteractionsTab customer={customer(null)} firstPage={{ total: 2, totalIsExact: true, rows: [returned('p1', 1), returned('p2', 30)] }} />);
    await act(() => i18n.changeLanguage('en'));
    const [oneDay, thirtyDays] = screen.getAllByTestId('timeline-entry');
    expect(oneDay!.textContent).toContain('Returned to the pool (1 day without follow-up)');
    expect(thirtyDays!.textContent).toContain('Returned to the pool (30 days without follow-up)');
  });
});
