import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { listenEscapeClosesTopDialogOnly } from '../../components/shortcut-targets';
import type { Invoice, Receipt } from '../../../src-main/domain/receivables/receivables.dto';
import { fakeBackend } from '../../test-utils/fake-backend';
import { render } from '../../test-utils/render';
import { AllocationDrawer } from './AllocationDrawer';
import messages from './messages.zh-CN';

const CUSTOMER = '0190a0b0-0000-7000-8000-0000000000c1';
const RECEIPT: Receipt = {
  id: '0190a0b0-0000-7000-8000-0000000000a1',
  receiptNo: 'SK-2026-000007',
  customerId: CUSTOMER,
  customerCode: 'C000001',
  customerName: '南京金桥贸易有限公司',
  status: 'posted',
  receiptDate: '2026-11-20',
  period: '2026-11',
  method: 'bank_transfer',
  amount: 30_000,
  bankAccount: null,
  reference: 'HX001',
  billMaturityDate: null,
  notes: null,
  unappliedAmount: 30_000,
  postedAt: '2026-11-20T02:00:00.000Z',
  reversedOn: null,
};

function anInvoice(n: number, open: number, dueDate: string): Invoice {
  return {
    id: `0190a0b0-0000-7000-8000-00000000000${n}`,
    invoiceNo: `INV-2026-00000${n}`,
    kind: 'invoice',
    source: 'service',
    customerId: CUSTOMER,
    customerCode: 'C000001',
    customerName: '南京金桥贸易有限公司',
    status: 'posted',
    invoiceDate: '2026-10-01',
    dueDate,
    period: '2026-10',
    invoiceType: 'ordinary',
    taxInvoiceNo: null,
    taxInvoiceDate: null,
    taxInclusive: true,
    currency: 'CNY',
    totalNet: open,
    totalTax: 0,
    totalGross: open,
    openAmount: open,
    salesOrderId: null,
    creditNoteRequestId: null,
    correctsInvoiceId: null,
    project: null,
    reason: null,
    notes: null,
    postedAt: '2026-10-01T02:00:00.000Z',
    reversedOn: null,
    reversalReason: null,
    lines: [],
  };
}

describe('allocating a receipt', () => {
  it('allocates by click and by ↑↓ Enter, oldest due first, each time what the invoice has open at most what is left, and writes off a difference with a reason', async () => {
    // The list answers newest first; the drawer shows the oldest due first.
    const invoices = [anInvoice(2, 50_000, '2026-11-15'), anInvoice(1, 12_000, '2026-10-31')];
    const backend = fakeBackend({
      'receivables.getReceipt': () => RECEIPT,
      'receivables.listInvoices': () => ({ rows: invoices, total: 2, totalIsExact: true }),
      'receivables.allocate': () => [],
      'receivables.writeOff': (input) => ({ id: 'w', customerId: CUSTOMER, kind: 'writeoff', receiptId: null, creditNoteId: null, invoiceId: input.invoiceId, amount: input.amount, allocationDate: '2026-11-20', reason: input.reason, reversesId: null }),
    });
    const { user } = await render(<AllocationDrawer receiptId={RECEIPT.id} onClose={() => undefined} />, { permissions: ['receivables.write', 'receivables.writeOff'] });

    const table = await screen.findByTestId('open-invoices');
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((r) => within(r).getAllByRole('cell')[0]!.textContent)).toEqual(['INV-2026-000001', 'INV-2026-000002']);

    await user.click(screen.getByTestId('open-invoice-INV-2026-000001'));
    await waitFor(() => expect(backend.inputsOf('receivables.allocate')).toHaveLength(1));
    expect(backend.inputsOf('receivables.allocate')[0]).toEqual({ receiptId: RECEIPT.id, allocations: [{ invoiceId: invoices[1]!.id, amount: 12_000 }], allocationDate: '2026-11-20' });

    table.focus();
    fireEvent.keyDown(table, { key: 'ArrowDown' });
    fireEvent.keyDown(table, { key: 'Enter' });
    await waitFor(() => expect(backend.inputsOf('receivables.allocate')).toHaveLength(2));
    // The second invoice has 500 元 open, the receipt 300 元: 300 元 goes to it.
    expect(backend.inputsOf('receivables.allocate')[1]!.allocations).toEqual([{ invoiceId: invoices[0]!.id, amount: 30_000 }]);

    await user.click(within(screen.getByTestId('open-invoice-INV-2026-000002')).getByTestId('write-off'));
    const amount = await screen.findByTestId('write-off-amount');
    await user.clear(amount);
    await user.type(amount, '0.5');
    await user.click(screen.getByTestId('save-write-off'));
    await waitFor(() => expect(backend.inputsOf('receivables.writeOff')).toHaveLength(1));
    expect(backend.inputsOf('receivables.writeOff')[0]).toEqual({ invoiceId: invoices[0]!.id, amount: 50, reason: messages.allocation.writeOffDefault, date: '2026-11-20' });
  });

  it('shows the write-off and the refund to someone without the permission as disabled, saying whose call it is', async () => {
    const backend = fakeBackend({
      'receivables.getReceipt': () => RECEIPT,
      'receivables.listInvoices': () => ({ rows: [anInvoice(1, 12_000, '2026-10-31')], total: 1, totalIsExact: true }),
    });
    const { user } = await render(<AllocationDrawer receiptId={RECEIPT.id} onClose={() => undefined} />, { permissions: ['receivables.read'] });
    await screen.findByTestId('open-invoices');
    const writeOff = screen.getByTestId('write-off');
    expect(writeOff.getAttribute('data-disabled')).toBe('true');
    await user.hover(writeOff);
    expect((await screen.findByRole('tooltip')).textContent).toBe(messages.allocation.needsWriteOff);
    await user.click(writeOff);
    await user.click(screen.getByTestId('refund'));
    expect(screen.queryByTestId('write-off-amount')).toBeNull();
    expect(screen.queryByTestId('refund-amount')).toBeNull();
    expect(backend.methods().filter((m) => m !== 'receivables.getReceipt' && m !== 'receivables.listInvoices')).toEqual([]);
  });

  it('refunds what the receipt has left, by the method and date chosen', async () => {
    const backend = fakeBackend({
      'receivables.getReceipt': () => RECEIPT,
      'receivables.listInvoices': () => ({ rows: [], total: 0, totalIsExact: true }),
      'receivables.refund': (input) => ({ id: 'r', customerId: CUSTOMER, kind: 'refund', receiptId: RECEIPT.id, creditNoteId: null, invoiceId: null, amount: input.amount, allocationDate: '2026-11-25', reason: null, reversesId: null }),
    });
    const { user } = await render(<AllocationDrawer receiptId={RECEIPT.id} onClose={() => undefined} />, { permissions: ['receivables.write'] });
    await user.click(await screen.findByTestId('refund'));
    const amount = await screen.findByTestId('refund-amount');
    await user.clear(amount);
    await user.type(amount, '120');
    const date = screen.getByLabelText(messages.refund.date, { exact: false });
    await user.clear(date);
    await user.type(date, '2026-11-25');
    await user.click(screen.getByTestId('save-refund'));
    await waitFor(() => expect(backend.inputsOf('receivables.refund')).toHaveLength(1));
    expect(backend.inputsOf('receivables.refund')[0]).toEqual({ receiptId: RECEIPT.id, amount: 12_000, method: 'bank_transfer', reference: null, date: '2026-11-25' });
  });

  describe('with Esc', () => {
    let stopListening = () => undefined as void;
    beforeAll(() => {
      stopListening = listenEscapeClosesTopDialogOnly();
    });
    afterAll(() => stopListening());

    it('closes the drawer, and over it the refund dialog alone', async () => {
      fakeBackend({
        'receivables.getReceipt': () => RECEIPT,
        'receivables.listInvoices': () => ({ rows: [], total: 0, totalIsExact: true }),
      });
      const onClose = vi.fn();
      const { user } = await render(<AllocationDrawer receiptId={RECEIPT.id} onClose={onClose} />, { permissions: ['receivables.write'] });
      await user.click(await screen.findByTestId('refund'));
      await user.click(await screen.findByTestId('refund-amount'));
      await user.keyboard('{Escape}');
      await waitFor(() => expect(screen.queryByTestId('refund-amount')).toBeNull());
      expect(onClose).not.toHaveBeenCalled();
      await user.keyboard('{Escape}');
      expect(onClose).toHaveBeenCalledTimes(1);
    });
  });
});
