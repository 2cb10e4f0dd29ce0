import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { InvoiceDetail } from '../../../src-main/domain/receivables/receivables.dto';
import { fakeBackend } from '../../test-utils/fake-backend';
import { render } from '../../test-utils/render';
import { InvoiceDrawer } from './InvoiceDrawer';

const uuid = (n: number) => `0190a0b0-0000-7000-8000-${String(n).padStart(12, '0')}`;

const invoice: InvoiceDetail = {
  id: uuid(1),
  invoiceNo: 'INV-2026-000101',
  kind: 'invoice',
  source: 'order',
  customerId: uuid(2),
  customerCode: 'C000001',
  customerName: '南京博雅食品有限公司',
  status: 'posted',
  invoiceDate: '2026-04-01',
  dueDate: '2026-05-01',
  period: '2026-04',
  invoiceType: 'ordinary',
  taxInvoiceNo: null,
  taxInvoiceDate: null,
  taxInclusive: true,
  currency: 'CNY',
  totalNet: 17_699,
  totalTax: 2_301,
  totalGross: 20_000,
  openAmount: 7_950,
  salesOrderId: uuid(3),
  salesOrderNo: 'SO-2026-000042',
  creditNoteRequestId: null,
  correctsInvoiceId: null,
  project: null,
  reason: null,
  notes: null,
  postedAt: '2026-04-01T02:00:00.000Z',
  reversedOn: null,
  reversalReason: null,
  lines: [],
  settlements: [
    { id: uuid(10), kind: 'allocation', date: '2026-04-03', amount: 2_000, reversal: false, reason: null, counterpart: { kind: 'credit_note', id: uuid(11), number: 'CN-2026-000003' } },
    { id: uuid(12), kind: 'allocation', date: '2026-04-20', amount: 10_000, reversal: false, reason: null, counterpart: { kind: 'receipt', id: uuid(13), number: 'SK-2026-000020' } },
    { id: uuid(14), kind: 'allocation', date: '2026-04-21', amount: -10_000, reversal: true, reason: '分配错误', counterpart: { kind: 'receipt', id: uuid(13), number: 'SK-2026-000020' } },
    { id: uuid(15), kind: 'writeoff', date: '2026-04-22', amount: 50, reversal: false, reason: '抹零', counterpart: null },
  ],
};

describe('an invoice’s drawer', () => {
  it('names the order it came from and lists what settled it, reversals in red', async () => {
    fakeBackend({ 'receivables.getInvoice': () => invoice });
    await render(<InvoiceDrawer invoiceId={invoice.id} onClose={() => undefined} />);
    const order = await screen.findByTestId('invoice-order');
    expect(order.textContent).toBe('SO-2026-000042');
    expect(order.getAttribute('href')).toContain(`/orders/${uuid(3)}`);
    const rows = within(screen.getByTestId('invoice-settlements')).getAllByRole('row').slice(1).map((row) => within(row).getAllByRole('cell').map((cell) => cell.textContent));
    expect(rows).toEqual([
      ['2026-04-03', '核销', 'CN-2026-000003', '¥20.00'],
      ['2026-04-20', '核销', 'SK-2026-000020', '¥100.00'],
      ['2026-04-21', '冲销 · 核销', 'SK-2026-000020', '-¥100.00'],
      ['2026-04-22', '尾差核销', '抹零', '¥0.50'],
    ]);
  });
});
