import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { CustomerReceivablesSummary, Receipt } from '../../../src-main/domain/receivables/receivables.dto';
import { fakeBackend } from '../../test-utils/fake-backend';
import { render } from '../../test-utils/render';
import { CustomerReceivables } from './CustomerReceivables';

const CUSTOMER = '0190a0b0-0000-7000-8000-0000000000c1';
const SUMMARY: CustomerReceivablesSummary = {
  customerId: CUSTOMER,
  balance: 150_000,
  openInvoices: 160_000,
  overdue: 40_000,
  credit: 10_000,
  oldestOverdueDays: 47,
  creditLimit: 500_000,
  creditUsed: 150_000,
  creditHold: false,
};
const RECEIPT = { id: '0190a0b0-0000-7000-8000-0000000000a1', receiptNo: 'SK-2026-000007', receiptDate: '2026-11-20', status: 'posted', amount: 30_000, unappliedAmount: 10_000 } as Receipt;

describe('the receivables tab of the customer’s 360° view', () => {
  it('shows the summary’s figures and the customer’s receipts with what is unapplied, and links to the reconciliation', async () => {
    const backend = fakeBackend({
      'receivables.customerSummary': () => SUMMARY,
      'receivables.listInvoices': () => ({ rows: [], total: 0, totalIsExact: true }),
      'receivables.listReceipts': () => ({ rows: [RECEIPT], total: 1, totalIsExact: true }),
    });
    const { user } = await render(<CustomerReceivables customerId={CUSTOMER} />, { permissions: ['receivables.read'] });
    expect((await screen.findByTestId('receivables-balance')).textContent).toContain('¥1,500.00');
    expect(screen.getByTestId('receivables-overdue').textContent).toContain('¥400.00');
    expect(screen.getByTestId('receivables-oldest').textContent).toContain('47 天');
    expect(screen.getByTestId('receivables-credit').textContent).toContain('¥1,500.00 / ¥5,000.00');
    // No credit hold is kept in this version: no badge claims either way.
    expect(screen.getByTestId('receivables-unapplied').textContent).toBe('可用预收/红字¥100.00');
    expect(screen.getByTestId('open-reconciliation').getAttribute('href')).toBe(`/receivables/reconciliation?customer=${CUSTOMER}`);

    await user.click(screen.getByText('收款'));
    const table = await screen.findByTestId('customer-documents');
    expect(within(table).getAllByRole('row')[1]!.textContent).toBe('SK-2026-000007' + '2026-11-20' + '已过账' + '¥300.00' + '¥100.00');
    await waitFor(() => expect(backend.inputsOf('receivables.listReceipts')).toEqual([{ filters: { customerId: CUSTOMER }, pageSize: 20 }]));
  });
});
