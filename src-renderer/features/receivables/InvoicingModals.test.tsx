import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { CreditableInvoices, Invoice, InvoiceableOrder, OpenCreditNoteRequest } from '../../../src-main/domain/receivables/receivables.dto';
import { fakeBackend, refusal } from '../../test-utils/fake-backend';
import { render } from '../../test-utils/render';
import { CreditRequestsPanel } from './CreditRequestsPanel';
import { DeliveriesInvoiceModal } from './DeliveriesInvoiceModal';
import { OrderInvoiceModal } from './OrderInvoiceModal';
import { PriceCorrectionModal } from './PriceCorrectionModal';

const CUSTOMER = { id: '0190a0b0-0000-7000-8000-0000000000c1', name: '南京金桥贸易有限公司' };
const D1 = '0190a0b0-0000-7000-8000-0000000000d1';
const D2 = '0190a0b0-0000-7000-8000-0000000000d2';
const D3 = '0190a0b0-0000-7000-8000-0000000000d3';

function anInvoice(patch: Partial<Invoice> = {}): Invoice {
  return {
    id: '0190a0b0-0000-7000-8000-0000000000a1',
    invoiceNo: 'INV-2026-000001',
    kind: 'invoice',
    source: 'deliveries',
    customerId: CUSTOMER.id,
    customerCode: 'C000001',
    customerName: CUSTOMER.name,
    status: 'posted',
    invoiceDate: '2026-11-20',
    dueDate: '2026-12-20',
    period: '2026-11',
    invoiceType: 'special',
    taxInvoiceNo: null,
    taxInvoiceDate: null,
    taxInclusive: true,
    currency: 'CNY',
    totalNet: 100_000,
    totalTax: 13_000,
    totalGross: 113_000,
    openAmount: 113_000,
    salesOrderId: null,
    creditNoteRequestId: null,
    correctsInvoiceId: null,
    project: null,
    reason: null,
    notes: null,
    postedAt: '2026-11-20T02:00:00.000Z',
    reversedOn: null,
    reversalReason: null,
    lines: [{ lineNo: 1, deliveryLineId: null, salesOrderLineId: null, productId: null, description: '不锈钢水槽', quantity: 10, unit: '个', unitPrice: 11_300, discount: 0, vatRate: 900, net: 100_000, tax: 13_000, gross: 113_000 }],
    ...patch,
  };
}

const WAITING = {
  customerId: CUSTOMER.id,
  paymentTermsDays: 30,
  deliveries: [
    { deliveryId: D1, deliveryNo: 'DN-2026-000011', deliveryDate: '2026-11-02', orderNo: 'SO-2026-000003', net: 30_000, tax: 3_900, gross: 33_900 },
    { deliveryId: D2, deliveryNo: 'DN-2026-000012', deliveryDate: '2026-11-05', orderNo: 'SO-2026-000004', net: 10_000, tax: 1_300, gross: 11_300 },
    { deliveryId: D3, deliveryNo: 'DN-2026-000013', deliveryDate: '2026-11-09', orderNo: 'SO-2026-000004', net: 5_000, tax: 650, gross: 5_650 },
  ],
};

describe('开票 from deliveries', () => {
  it('ticks two of the customer’s deliveries into one invoice, with the due date from its terms and the tax invoice issued outside', async () => {
    const backend = fakeBackend({ 'receivables.invoiceableDeliveries': () => WAITING, 'receivables.invoiceDeliveries': () => anInvoice() });
    let created: Invoice | null = null;
    let closed = false;
    const { user } = await render(<DeliveriesInvoiceModal opened onClose={() => (closed = true)} onCreated={(i) => (created = i)} customer={CUSTOMER} deliveryId={D1} />, { permissions: ['receivables.write'] });

    const table = await screen.findByTestId('invoiceable-deliveries');
    expect(within(table).getAllByRole('row')).toHaveLength(4);
    await user.click(within(table).getByText('DN-2026-000013'));
    expect(screen.getByTestId('invoice-selected-total').textContent).toBe('已选 2 张，价税合计 ¥395.50');
    await user.clear(screen.getByTestId('invoice-date'));
    await user.type(screen.getByTestId('invoice-date'), '2026-11-20');
    fireEvent.blur(screen.getByTestId('invoice-date'));
    await waitFor(() => expect(screen.getByTestId('invoice-due-date').textContent).toBe('2026-12-20（账期 30 天）'));
    await user.click(screen.getByRole('radio', { name: '增值税专用发票' }));
    await user.type(screen.getByTestId('tax-invoice-no'), '04400123');
    await user.type(screen.getByTestId('invoice-project'), '万科城三期');
    await user.click(screen.getByTestId('post-invoice'));

    await waitFor(() => expect(created?.invoiceNo).toBe('INV-2026-000001'));
    expect(closed).toBe(true);
    expect(await screen.findByText('已开票 INV-2026-000001')).toBeTruthy();
    expect(backend.inputsOf('receivables.invoiceDeliveries')).toEqual([
      { deliveryIds: [D1, D3], invoiceDate: '2026-11-20', invoiceType: 'special', taxInvoiceNo: '04400123', project: '万科城三期' },
    ]);
  }, 120_000);

  it('shows the server’s refusal beside the delivery it names and beside the tax invoice number', async () => {
    fakeBackend({
      'receivables.invoiceableDeliveries': () => WAITING,
      'receivables.invoiceDeliveries': () => {
        throw refusal('VALIDATION', [
          { path: 'deliveryIds.1', code: 'document_not_posted', params: { number: 'DN-2026-000012', status: 'cancelled' } },
          { path: 'taxInvoiceNo', code: 'too_long', params: { max: 40 } },
        ]);
      },
    });
    const { user } = await render(<DeliveriesInvoiceModal opened onClose={() => undefined} onCreated={() => undefined} customer={CUSTOMER} deliveryId={D1} />, { permissions: ['receivables.write'] });
    const table = await screen.findByTestId('invoiceable-deliveries');
    await user.click(within(table).getByText('DN-2026-000012'));
    await user.click(screen.getByTestId('post-invoice'));

    const row = (await within(table).findByText(/不能在这里使用/)).closest('tr')!;
    expect(within(row).getByText('DN-2026-000012')).toBeTruthy();
    expect(screen.getByTestId('tax-invoice-no').getAttribute('aria-invalid')).toBe('true');
  });

  it('says what to do next when the customer has nothing waiting, with no invoice form to fill', async () => {
    fakeBackend({ 'receivables.invoiceableDeliveries': () => ({ ...WAITING, deliveries: [] }) });
    let closed = false;
    const { user } = await render(<DeliveriesInvoiceModal opened onClose={() => (closed = true)} onCreated={() => undefined} customer={CUSTOMER} deliveryId={D1} />, { permissions: ['receivables.write'] });
    expect(await screen.findByText('没有待开票的发货单')).toBeTruthy();
    expect(screen.queryByTestId('post-invoice')).toBeNull();
    expect(screen.queryByTestId('invoice-date')).toBeNull();
    expect(screen.queryByTestId('invoice-selected-total')).toBeNull();
    // From a delivery the customer is shown, not a picker whose list would open over the message.
    expect((screen.getByTestId('invoice-customer') as HTMLInputElement).readOnly).toBe(true);
    expect(screen.queryByRole('listbox')).toBeNull();
    await user.click(screen.getByTestId('invoice-close'));
    expect(closed).toBe(true);
  });

  it('says so when the delivery it was opened from is invoiced already, and lists the customer’s others', async () => {
    fakeBackend({ 'receivables.invoiceableDeliveries': () => ({ ...WAITING, deliveries: WAITING.deliveries.slice(1) }) });
    await render(<DeliveriesInvoiceModal opened onClose={() => undefined} onCreated={() => undefined} customer={CUSTOMER} deliveryId={D1} />, { permissions: ['receivables.write'] });
    expect((await screen.findByTestId('delivery-already-invoiced')).textContent).toContain('这张发货单已全部开票');
    expect(within(screen.getByTestId('invoiceable-deliveries')).getAllByRole('row')).toHaveLength(3);
    expect((screen.getByTestId('post-invoice') as HTMLButtonElement).disabled).toBe(true);
  });
});

const ORDER: InvoiceableOrder = {
  salesOrderId: '0190a0b0-0000-7000-8000-0000000000b1',
  orderNo: 'SO-2026-000004',
  orderStatus: 'delivered',
  customerId: CUSTOMER.id,
  customerName: CUSTOMER.name,
  paymentTermsDays: 45,
  taxInclusive: true,
  lines: [
    { salesOrderLineId: '0190a0b0-0000-7000-8000-0000000000e1', lineNo: 1, description: '不锈钢水槽', unit: '个', ordered: 10, invoiced: 6, open: 4, unitPrice: 5_000, discountBp: 0, vatRate: 1300 },
    { salesOrderLineId: '0190a0b0-0000-7000-8000-0000000000e2', lineNo: 2, description: '龙头', unit: '个', ordered: 4, invoiced: 0, open: 4, unitPrice: 2_000, discountBp: 0, vatRate: 1300 },
  ],
};

describe('开票 from an order', () => {
  it('invoices everything still open without naming lines', async () => {
    const backend = fakeBackend({ 'receivables.invoiceableOrder': () => ORDER, 'receivables.invoiceOrder': () => anInvoice() });
    const { user } = await render(<OrderInvoiceModal salesOrderId={ORDER.salesOrderId} opened onClose={() => undefined} onCreated={() => undefined} />, { permissions: ['receivables.write'] });
    expect((await screen.findByTestId('order-invoice-total')).textContent).toBe('全部未开票部分，价税合计 ¥280.00');
    await user.click(screen.getByTestId('post-order-invoice'));
    await waitFor(() => expect(backend.inputsOf('receivables.invoiceOrder')).toHaveLength(1));
    expect(backend.inputsOf('receivables.invoiceOrder')[0]).toMatchObject({ salesOrderId: ORDER.salesOrderId, invoiceType: 'ordinary' });
    expect(backend.inputsOf('receivables.invoiceOrder')[0]).not.toHaveProperty('lines');
  });

  it('invoices chosen quantities and shows the refused quantity beside its line', async () => {
    const backend = fakeBackend({
      'receivables.invoiceableOrder': () => ORDER,
      'receivables.invoiceOrder': () => {
        throw refusal('VALIDATION', [{ path: 'lines.0.quantity', code: 'more_than_open', params: { open: 3 } }]);
      },
    });
    const { user } = await render(<OrderInvoiceModal salesOrderId={ORDER.salesOrderId} opened onClose={() => undefined} onCreated={() => undefined} />, { permissions: ['receivables.write'] });
    const second = await screen.findByTestId('order-invoice-qty-2');
    await user.clear(second);
    await user.type(second, '0');
    expect(screen.getByTestId('order-invoice-total').textContent).toBe('部分开票，价税合计 ¥200.00');
    await user.click(screen.getByTestId('post-order-invoice'));

    await waitFor(() => expect(screen.getByTestId('order-invoice-qty-1').getAttribute('aria-invalid')).toBe('true'));
    expect(screen.getByText('超过了未结清的金额')).toBeTruthy();
    expect(backend.inputsOf('receivables.invoiceOrder')[0]).toMatchObject({ salesOrderId: ORDER.salesOrderId, lines: [{ salesOrderLineId: ORDER.lines[0]!.salesOrderLineId, quantity: 4 }] });
  });
});

const REQUEST: OpenCreditNoteRequest = {
  id: '0190a0b0-0000-7000-8000-0000000000f1',
  salesReturnId: '0190a0b0-0000-7000-8000-0000000000f2',
  returnNo: 'RT-2026-000002',
  returnDate: '2026-11-12',
  returnReason: '质量问题',
  orderNo: 'SO-2026-000004',
  customerId: CUSTOMER.id,
  customerName: CUSTOMER.name,
  totalNet: 20_000,
  totalTax: 2_600,
  totalGross: 22_600,
  createdAt: '2026-11-12T03:00:00.000Z',
};

describe('红字 credit notes', () => {
  it('posts the credit note of a return from the list of open requests', async () => {
    const backend = fakeBackend({
      'receivables.openCreditNoteRequests': () => ({ rows: [REQUEST], total: 1, totalIsExact: true }),
      'receivables.creditableInvoices': () => ({ invoices: [], invoicedOnId: null }),
      'receivables.creditReturn': () => anInvoice({ kind: 'credit_note', invoiceNo: 'CN-2026-000001' }),
    });
    let created: Invoice | null = null;
    const { user } = await render(<CreditRequestsPanel onCreated={(c) => (created = c)} />, { permissions: ['receivables.write'] });
    await user.click(await screen.findByTestId('credit-RT-2026-000002'));
    expect(screen.getByTestId('credit-return-amount').textContent).toBe('红字金额 ¥226.00（其中税额 ¥26.00）');
    await user.type(screen.getByTestId('tax-invoice-no'), '04400999');
    await user.click(screen.getByTestId('post-credit-return'));
    await waitFor(() => expect(created?.invoiceNo).toBe('CN-2026-000001'));
    expect(await screen.findByText('已开红字发票 CN-2026-000001')).toBeTruthy();
    expect(backend.inputsOf('receivables.creditReturn')).toEqual([expect.objectContaining({ creditNoteRequestId: REQUEST.id, taxInvoiceNo: '04400999' })]);
    expect(backend.inputsOf('receivables.creditReturn')[0]).not.toHaveProperty('invoiceType');
    // Nothing to credit against: the credit stays with the customer.
    expect(backend.inputsOf('receivables.creditReturn')[0]).not.toHaveProperty('correctsInvoiceId');
  });

  const OFFERED: CreditableInvoices = {
    invoicedOnId: '0190a0b0-0000-7000-8000-0000000000a2',
    invoices: [
      { id: '0190a0b0-0000-7000-8000-0000000000a2', invoiceNo: 'INV-2026-000007', invoiceDate: '2026-11-08', totalGross: 45_200, openAmount: 30_000, creditable: 45_200, ofOrder: true },
      { id: '0190a0b0-0000-7000-8000-0000000000a3', invoiceNo: 'INV-2026-000009', invoiceDate: '2026-11-10', totalGross: 90_400, openAmount: 90_400, creditable: 90_400, ofOrder: true },
      { id: '0190a0b0-0000-7000-8000-0000000000a4', invoiceNo: 'INV-2026-000010', invoiceDate: '2026-11-11', totalGross: 11_300, openAmount: 11_300, creditable: 11_300, ofOrder: true },
    ],
  };

  it('preselects the invoice the returned goods were invoiced on, shows each with its amounts, and sends the one chosen', async () => {
    const backend = fakeBackend({
      'receivables.openCreditNoteRequests': () => ({ rows: [REQUEST], total: 1, totalIsExact: true }),
      'receivables.creditableInvoices': () => OFFERED,
      'receivables.creditReturn': () => anInvoice({ kind: 'credit_note', invoiceNo: 'CN-2026-000002' }),
    });
    const { user } = await render(<CreditRequestsPanel onCreated={() => undefined} />, { permissions: ['receivables.write'] });
    await user.click(await screen.findByTestId('credit-RT-2026-000002'));

    const invoicedOn = (await screen.findByTestId('credit-invoice-INV-2026-000007')) as HTMLInputElement;
    await waitFor(() => expect(invoicedOn.checked).toBe(true));
    expect(backend.inputsOf('receivables.creditableInvoices')).toEqual([{ creditNoteRequestId: REQUEST.id }]);
    // Number, date, amount, open, left to credit.
    expect([...invoicedOn.closest('tr')!.querySelectorAll('td')].map((cell) => cell.textContent)).toEqual(['INV-2026-000007', '2026-11-08', '¥452.00', '¥300.00', '¥452.00']);
    // ¥113.00 left on INV-2026-000010 cannot take a ¥226.00 credit.
    expect((screen.getByTestId('credit-invoice-INV-2026-000010') as HTMLInputElement).disabled).toBe(true);
    expect(screen.getByText('不足以冲红')).toBeTruthy();

    await user.click(screen.getByTestId('credit-invoice-INV-2026-000009'));
    await user.click(screen.getByTestId('post-credit-return'));
    await waitFor(() => expect(backend.inputsOf('receivables.creditReturn')).toHaveLength(1));
    expect(backend.inputsOf('receivables.creditReturn')[0]).toMatchObject({ creditNoteRequestId: REQUEST.id, correctsInvoiceId: OFFERED.invoices[1]!.id });
  });

  it('shows a refused invoice beside the choice in the code’s words, and may post with no invoice instead', async () => {
    const backend = fakeBackend({
      'receivables.openCreditNoteRequests': () => ({ rows: [REQUEST], total: 1, totalIsExact: true }),
      'receivables.creditableInvoices': () => OFFERED,
      'receivables.creditReturn': (input) => {
        if ((input as { correctsInvoiceId?: string }).correctsInvoiceId) {
          throw refusal('VALIDATION', [{ path: 'correctsInvoiceId', code: 'more_than_creditable', params: { number: 'INV-2026-000007', room: '¥100.00', amount: '¥226.00' } }]);
        }
        return anInvoice({ kind: 'credit_note', invoiceNo: 'CN-2026-000003' });
      },
    });
    let created: Invoice | null = null;
    const { user } = await render(<CreditRequestsPanel onCreated={(c) => (created = c)} />, { permissions: ['receivables.write'] });
    await user.click(await screen.findByTestId('credit-RT-2026-000002'));
    await waitFor(() => expect((screen.getByTestId('credit-invoice-INV-2026-000007') as HTMLInputElement).checked).toBe(true));
    await user.click(screen.getByTestId('post-credit-return'));

    expect(await screen.findByText('红字金额 ¥226.00 超过了 INV-2026-000007 还能冲红的 ¥100.00，请另选发票或不指定发票')).toBeTruthy();
    await user.click(screen.getByTestId('credit-invoice-none'));
    await user.click(screen.getByTestId('post-credit-return'));
    await waitFor(() => expect(created?.invoiceNo).toBe('CN-2026-000003'));
    expect(backend.inputsOf('receivables.creditReturn')[1]).not.toHaveProperty('correctsInvoiceId');
  });

  it('tells a role that cannot post credit notes why instead of listing them', async () => {
    fakeBackend({});
    await render(<CreditRequestsPanel onCreated={() => undefined} />, { permissions: ['receivables.read'] });
    expect(screen.getByText('需要会计、经理或老板的权限')).toBeTruthy();
  });

  it('sends a price correction in fen with the VAT rate and reason, and shows a refused amount beside it', async () => {
    const backend = fakeBackend({
      'receivables.creditPriceCorrection': () => {
        throw refusal('VALIDATION', [{ path: 'amount', code: 'more_than_open', params: { open: 113_000 } }]);
      },
    });
    const invoice = anInvoice();
    const { user } = await render(<PriceCorrectionModal invoice={invoice} opened onClose={() => undefined} />, { permissions: ['receivables.write'] });
    expect((screen.getByTestId('correction-vat') as HTMLInputElement).value).toBe('9%');
    await user.type(screen.getByTestId('correction-amount'), '1500.5');
    await user.type(screen.getByTestId('correction-reason'), '客户协商降价');
    await user.click(screen.getByTestId('post-correction'));

    await waitFor(() => expect(screen.getByTestId('correction-amount').getAttribute('aria-invalid')).toBe('true'));
    expect(backend.inputsOf('receivables.creditPriceCorrection')).toEqual([
      { correctsInvoiceId: invoice.id, amount: 150_050, vatRate: 900, reason: '客户协商降价', invoiceDate: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/), invoiceType: 'special' },
    ]);
  });
});
