import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { CustomerReceivablesSummary, Invoice, Receipt } from '../../../src-main/domain/receivables/receivables.dto';
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
const RECEIPT = { id: '0190a0b0-0000-7000-8000-0000000000a1', receiptNo: 'SK-2026-000007', receiptDate: '2026-11-20', method: 'bank_transfer', status: 'posted', amount: 30_000, unappliedAmount: 10_000 } as Receipt;

/** The customer's 140 invoices, newest first, all paid: the list pages them as the server does. */
const INVOICES = Array.from(
  { length: 140 },
  (_, n) =>
    ({
      id: `0190a0b0-0000-7000-8000-${String(n + 1).padStart(12, '0')}`,
      invoiceNo: `INV-2026-${String(140 - n).padStart(6, '0')}`,
      kind: 'invoice',
      status: 'posted',
      invoiceDate: '2026-06-01',
      dueDate: '2026-07-01',
      totalGross: 10_000,
      openAmount: 0,
    }) as Invoice,
);

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
    const table = await screen.findByTestId('data-table');
    expect(within(table).getAllByRole('row')[1]!.textContent).toBe('SK-2026-000007' + '2026-11-20' + '银行转账' + '部分核销' + '¥300.00' + '¥100.00');
    await waitFor(() => expect(backend.inputsOf('receivables.listReceipts')).toEqual([{ filters: { customerId: CUSTOMER }, page: 1, pageSize: 50 }]));
  });

  it('pages the customer’s 140 invoices on the server, counts them all, and exports them all', async () => {
    const backend = fakeBackend({
      'receivables.customerSummary': () => SUMMARY,
      'receivables.listInvoices': ({ page = 1, pageSize = 50 }) => ({ rows: INVOICES.slice((page - 1) * pageSize, page * pageSize), total: INVOICES.length, totalIsExact: true }),
      'exports.invoices': () => ({ fileName: '发票.xlsx', rows: 140, content: new Uint8Array([1]) }) as never,
    });
    URL.createObjectURL = vi.fn(() => 'blob:invoices');
    URL.revokeObjectURL = vi.fn();
    const { user } = await render(<CustomerReceivables customerId={CUSTOMER} />, { permissions: ['receivables.read'] });
    const table = await screen.findByTestId('data-table');
    expect(screen.getByTestId('page-total').textContent).toBe('共 140 张发票');
    expect(within(table).getAllByRole('row')).toHaveLength(51);
    expect(within(table).getAllByRole('row')[1]!.textContent).toContain('已结清');

    await user.click(screen.getByRole('button', { name: '3' }));
    await waitFor(() => expect(within(screen.getByTestId('data-table')).getAllByRole('row')).toHaveLength(41));
    expect(backend.inputsOf('receivables.listInvoices').at(-1)).toEqual({ filters: { customerId: CUSTOMER, kind: 'invoice' }, page: 3, pageSize: 50 });
    expect(within(screen.getByTestId('data-table')).getAllByRole('row').at(-1)!.textContent).toContain('INV-2026-000001');

    await user.click(screen.getByTestId('table-export'));
    await waitFor(() => expect(backend.inputsOf('exports.invoices')).toHaveLength(1));
    expect(backend.inputsOf('exports.invoices')[0]).toMatchObject({ filters: { customerId: CUSTOMER, kind: 'invoice' }, format: 'xlsx' });
  });
});
