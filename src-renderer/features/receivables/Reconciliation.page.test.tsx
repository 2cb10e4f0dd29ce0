import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { InvoiceToMatch, Reconciliation } from '../../../src-main/domain/receivables/receivables.dto';
import { fakeBackend } from '../../test-utils/fake-backend';
import { render } from '../../test-utils/render';
import { businessToday } from '../../format';
import { ReconciliationPage } from './Reconciliation.page';

const CUSTOMER = '0190a0b0-0000-7000-8000-0000000000c1';
const RECEIPT = '0190a0b0-0000-7000-8000-0000000000a1';
const CREDIT = '0190a0b0-0000-7000-8000-0000000000a2';

function anInvoice(n: number, open: number, dueDate: string, daysOverdue: number): InvoiceToMatch {
  return { id: `0190a0b0-0000-7000-8000-00000000000${n}`, invoiceNo: `INV-2026-00000${n}`, invoiceDate: '2026-09-01', dueDate, totalGross: open, openAmount: open, project: null, daysOverdue };
}

const INVOICES = [anInvoice(1, 12_000, '2026-10-01', 59), anInvoice(2, 50_000, '2026-11-15', 14), anInvoice(3, 8_000, '2026-12-15', 0)];

const REPORT: Reconciliation = {
  customerId: CUSTOMER,
  customerCode: 'C000001',
  customerName: '南京金桥贸易有限公司',
  project: null,
  from: '2026-11-01',
  to: '2026-11-30',
  openingBalance: 62_000,
  entries: [
    { id: '0190a0b0-0000-7000-8000-0000000000e1', kind: 'invoice', date: '2026-11-03', reversal: false, number: 'INV-2026-000003', invoiceNo: null, amount: 8_000, change: 8_000, balance: 70_000, undoable: false, reason: null },
    { id: RECEIPT, kind: 'receipt', date: '2026-11-20', reversal: false, number: 'SK-2026-000007', invoiceNo: null, amount: 30_000, change: -30_000, balance: 40_000, undoable: false, reason: null },
    { id: '0190a0b0-0000-7000-8000-0000000000e3', kind: 'allocation', date: '2026-11-21', reversal: false, number: 'HZ-2026-000002', invoiceNo: 'INV-2026-000001', amount: 1_000, change: 0, balance: 40_000, undoable: true, reason: null },
  ],
  closingBalance: 40_000,
  unmatched: [
    { kind: 'receipt', id: RECEIPT, number: 'SK-2026-000007', date: '2026-11-20', amount: 30_000, unapplied: 30_000 },
    { kind: 'credit_note', id: CREDIT, number: 'HZ-2026-000002', date: '2026-11-21', amount: 2_000, unapplied: 1_000 },
  ],
  openInvoices: INVOICES,
  projects: [],
};

const URL = `/receivables/reconciliation?customer=${CUSTOMER}&from=2026-11-01&to=2026-11-30`;

describe('the reconciliation screen', () => {
  it('shows the opening balance, the postings with their running balance and the closing balance', async () => {
    const backend = fakeBackend({ 'receivables.reconciliation': () => REPORT });
    await render(<ReconciliationPage />, { path: '/receivables/reconciliation', url: URL, permissions: ['receivables.read'] });
    const table = await screen.findByTestId('reconciliation-entries');
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((r) => within(r).getAllByRole('cell')[1]!.textContent)).toEqual(['期初余额', '发票', '收款', '核销', '期末余额']);
    expect(screen.getByTestId('closing-balance').textContent).toBe('¥400.00');
    expect(backend.inputsOf('receivables.reconciliation')[0]).toEqual({ customerId: CUSTOMER, from: '2026-11-01', to: '2026-11-30', project: null });
    // Without receivables.write nothing can be allocated nor undone.
    expect(screen.queryByTestId('match-allocate')).toBeNull();
    expect(screen.queryByTestId(`undo-${REPORT.entries[2]!.id}`)).toBeNull();
  });

  it('matches by keyboard: space chooses the receipt and moves to the invoices, ↓ ↑ and space choose them, Enter allocates them in due order until the money runs out', async () => {
    const backend = fakeBackend({ 'receivables.reconciliation': () => REPORT, 'receivables.allocate': () => [] });
    await render(<ReconciliationPage />, { path: '/receivables/reconciliation', url: URL, permissions: ['receivables.read', 'receivables.write'] });
    const panel = await screen.findByTestId('matching');
    panel.focus();
    fireEvent.keyDown(panel, { key: ' ' });
    expect(screen.getByTestId('money-SK-2026-000007').getAttribute('aria-selected')).toBe('true');
    // Space on the money moves to the invoices: choose the second, then the first.
    fireEvent.keyDown(panel, { key: 'ArrowDown' });
    fireEvent.keyDown(panel, { key: ' ' });
    fireEvent.keyDown(panel, { key: 'ArrowUp' });
    fireEvent.keyDown(panel, { key: ' ' });
    expect(screen.getByTestId('match-plan').textContent).toBe('SK-2026-000007 核销到：INV-2026-000001 ¥120.00，INV-2026-000002 ¥180.00');
    fireEvent.keyDown(panel, { key: 'Enter' });
    await waitFor(() => expect(backend.inputsOf('receivables.allocate')).toHaveLength(1));
    expect(backend.inputsOf('receivables.allocate')[0]).toEqual({
      receiptId: RECEIPT,
      allocations: [
        { invoiceId: INVOICES[0]!.id, amount: 12_000 },
        { invoiceId: INVOICES[1]!.id, amount: 18_000 },
      ],
      allocationDate: '2026-11-20',
    });
  });

  it('matches a credit note by click and undoes an allocation with a reason', async () => {
    const backend = fakeBackend({
      'receivables.reconciliation': () => REPORT,
      'receivables.allocate': () => [],
      'receivables.reverseAllocation': (input) => ({ id: 'r', customerId: CUSTOMER, kind: 'allocation', receiptId: null, creditNoteId: CREDIT, invoiceId: INVOICES[0]!.id, amount: -1_000, allocationDate: '2026-11-29', reason: input.reason, reversesId: input.id }),
    });
    const { user } = await render(<ReconciliationPage />, { path: '/receivables/reconciliation', url: URL, permissions: ['receivables.read', 'receivables.write'] });
    await user.click(await screen.findByTestId('money-HZ-2026-000002'));
    await user.click(screen.getByTestId('invoice-INV-2026-000003'));
    await user.click(screen.getByTestId('match-allocate'));
    await waitFor(() => expect(backend.inputsOf('receivables.allocate')).toHaveLength(1));
    expect(backend.inputsOf('receivables.allocate')[0]).toEqual({ creditNoteId: CREDIT, allocations: [{ invoiceId: INVOICES[2]!.id, amount: 1_000 }], allocationDate: '2026-11-21' });

    await user.click(screen.getByTestId(`undo-${REPORT.entries[2]!.id}`));
    const reason = screen.getByTestId('undo-reason');
    await user.clear(reason);
    await user.click(screen.getByTestId('confirm-undo'));
    expect(backend.inputsOf('receivables.reverseAllocation')).toHaveLength(0);
    await user.type(reason, '客户要求改核销到新发票');
    await user.click(screen.getByTestId('confirm-undo'));
    await waitFor(() => expect(backend.inputsOf('receivables.reverseAllocation')).toEqual([{ id: REPORT.entries[2]!.id, reason: '客户要求改核销到新发票' }]));
  });

  it('opens on the year so far when no period is asked for, and exports the ledger on screen', async () => {
    const backend = fakeBackend({
      'receivables.reconciliation': () => REPORT,
      'exports.reconciliation': () => ({ fileName: '对账单.xlsx', rows: 5, content: new Uint8Array([1]) }) as never,
    });
    globalThis.URL.createObjectURL = vi.fn(() => 'blob:statement');
    globalThis.URL.revokeObjectURL = vi.fn();
    const today = businessToday();
    const { user } = await render(<ReconciliationPage />, { path: '/receivables/reconciliation', url: `/receivables/reconciliation?customer=${CUSTOMER}`, permissions: ['receivables.read'] });
    await screen.findByTestId('reconciliation-entries');
    expect(backend.inputsOf('receivables.reconciliation')[0]).toEqual({ customerId: CUSTOMER, from: `${today.slice(0, 4)}-01-01`, to: today, project: null });

    await user.click(screen.getByTestId('table-export'));
    await waitFor(() => expect(backend.inputsOf('exports.reconciliation')).toHaveLength(1));
    // The file is the report on screen: its customer, period and project.
    expect(backend.inputsOf('exports.reconciliation')[0]).toMatchObject({ customerId: CUSTOMER, from: REPORT.from, to: REPORT.to, project: null, format: 'xlsx', language: 'zh-CN' });
  });
});
