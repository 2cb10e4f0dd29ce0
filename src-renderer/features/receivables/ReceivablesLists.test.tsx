import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { addDays } from '../../../src-main/domain/core/dates';
import type { Invoice, Receipt } from '../../../src-main/domain/receivables/receivables.dto';
import { fakeBackend } from '../../test-utils/fake-backend';
import { render } from '../../test-utils/render';
import { businessToday } from '../../format';
import { InvoicesPage } from './Invoices.page';
import { PaymentsPage } from './Payments.page';

const today = businessToday();
let seq = 0;

function anInvoice(fields: Partial<Invoice>): Invoice {
  seq += 1;
  return {
    id: `0190a0b0-0000-7000-8000-${String(seq).padStart(12, '0')}`,
    invoiceNo: `INV-2026-${String(seq).padStart(6, '0')}`,
    kind: 'invoice',
    customerName: '南京金桥贸易有限公司',
    status: 'posted',
    invoiceDate: addDays(today, -40),
    dueDate: addDays(today, 10),
    totalGross: 100_000,
    openAmount: 100_000,
    ...fields,
  } as Invoice;
}

function aReceipt(fields: Partial<Receipt>): Receipt {
  seq += 1;
  return { id: `0190a0b0-0000-7000-8000-${String(seq).padStart(12, '0')}`, receiptNo: `SK-2026-${String(seq).padStart(6, '0')}`, customerName: '南京金桥贸易有限公司', status: 'posted', receiptDate: today, method: 'bank_transfer', reference: null, amount: 50_000, unappliedAmount: 50_000, ...fields } as Receipt;
}

const page = <T,>(rows: T[]) => ({ rows, total: rows.length, totalIsExact: true });

/** The text of each row's 状态 cell, by document number. */
function statusByNumber(): Record<string, string> {
  const table = screen.getByTestId('data-table');
  const headers = within(table).getAllByRole('columnheader').map((h) => h.textContent);
  const status = headers.indexOf('状态');
  return Object.fromEntries(within(table).getAllByRole('row').slice(1).map((r) => [within(r).getAllByRole('cell')[0]!.textContent, within(r).getAllByRole('cell')[status]!.textContent]));
}

describe('the invoice list', () => {
  it('says where every invoice stands: not due, overdue by days, part paid, paid, reversed, credit note', async () => {
    const notDue = anInvoice({});
    const overdue = anInvoice({ dueDate: addDays(today, -12) });
    const partOverdue = anInvoice({ dueDate: addDays(today, -3), openAmount: 40_000 });
    const paid = anInvoice({ openAmount: 0 });
    const reversed = anInvoice({ status: 'reversed', openAmount: 0 });
    const credit = anInvoice({ kind: 'credit_note', totalGross: 5_000, openAmount: 5_000 });
    const usedCredit = anInvoice({ kind: 'credit_note', totalGross: 5_000, openAmount: 0 });
    fakeBackend({ 'receivables.listInvoices': () => page([notDue, overdue, partOverdue, paid, reversed, credit, usedCredit]) });
    await render(<InvoicesPage />, { path: '/invoices', permissions: ['receivables.read'] });
    await screen.findByTestId('data-table');
    expect(statusByNumber()).toEqual({
      [notDue.invoiceNo]: '未到期',
      [overdue.invoiceNo]: '逾期 12 天',
      [partOverdue.invoiceNo]: '部分收款逾期 3 天',
      [paid.invoiceNo]: '已结清',
      [reversed.invoiceNo]: '已冲销',
      [credit.invoiceNo]: '红字发票未使用',
      [usedCredit.invoiceNo]: '红字发票已用完',
    });
  });

  it('searches by number or customer on the server, keeps the view’s filter, and exports what it found', async () => {
    const backend = fakeBackend({
      'receivables.listInvoices': (input) => page(input.filters?.q ? [anInvoice({ customerName: '苏州东方建材有限公司' })] : [anInvoice({}), anInvoice({})]),
      'exports.invoices': () => ({ fileName: '发票.xlsx', rows: 1, content: new Uint8Array([1]) }) as never,
    });
    const { user } = await render(<InvoicesPage />, { path: '/invoices', url: `/invoices?f=${encodeURIComponent(JSON.stringify({ kind: 'invoice', openOnly: true }))}`, permissions: ['receivables.read'] });
    await screen.findByTestId('data-table');
    await user.type(screen.getByTestId('invoices-search'), ' 东方 ');
    await waitFor(() => expect(backend.inputsOf('receivables.listInvoices').at(-1)!.filters).toEqual({ kind: 'invoice', openOnly: true, q: '东方' }));
    await waitFor(() => expect(screen.getByTestId('page-total').textContent).toBe('共 1 张发票'));
    expect(screen.getByText('苏州东方建材有限公司')).toBeTruthy();

    URL.createObjectURL = vi.fn(() => 'blob:invoices');
    URL.revokeObjectURL = vi.fn();
    await user.click(screen.getByTestId('table-export'));
    await waitFor(() => expect(backend.inputsOf('exports.invoices')).toHaveLength(1));
    expect(backend.inputsOf('exports.invoices')[0]).toMatchObject({ filters: { kind: 'invoice', openOnly: true, q: '东方' }, format: 'xlsx' });
  });
});

describe('the receipts list', () => {
  it('says how much of every receipt is allocated, and searches on the server', async () => {
    const open = aReceipt({});
    const part = aReceipt({ unappliedAmount: 20_000 });
    const done = aReceipt({ unappliedAmount: 0 });
    const reversed = aReceipt({ status: 'reversed', unappliedAmount: 0 });
    const backend = fakeBackend({ 'receivables.listReceipts': (input) => page(input.filters?.q ? [done] : [open, part, done, reversed]) });
    const { user } = await render(<PaymentsPage />, { path: '/payments', permissions: ['receivables.read'] });
    await screen.findByTestId('data-table');
    expect(statusByNumber()).toEqual({ [open.receiptNo]: '未核销', [part.receiptNo]: '部分核销', [done.receiptNo]: '已核销', [reversed.receiptNo]: '已冲销' });

    await user.type(screen.getByTestId('receipts-search'), 'BOC-77');
    await waitFor(() => expect(backend.inputsOf('receivables.listReceipts').at(-1)).toEqual({ filters: { unappliedOnly: false, q: 'BOC-77' }, page: 1, pageSize: 50 }));
    await waitFor(() => expect(screen.getByTestId('page-total').textContent).toBe('共 1 笔收款'));
  });
});
