import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Order, ProductForOrder } from '../../../src-main/domain/orders/orders.dto';
import type { Quote } from '../../../src-main/domain/quotes/quotes.contract';
import { fakeBackend, refusal } from '../../test-utils/fake-backend';
import { render } from '../../test-utils/render';
import salesZhCN from './messages.zh-CN';
import { QuoteEditPage, QuoteNewPage } from './QuoteForm.page';

const CUSTOMER = '0190a0b0-0000-7000-8000-0000000000c1';
const QUOTE_ID = '0190a0b0-0000-7000-8000-0000000000e1';
const TEA: ProductForOrder = { productId: '0190a0b0-0000-7000-8000-0000000000d1', code: 'TEA01', name: '西湖龙井', spec: '250g', unit: '盒', unitPrice: 12_800, vatRate: 1300 };
const CUP: ProductForOrder = { productId: '0190a0b0-0000-7000-8000-0000000000d2', code: 'CUP02', name: '白瓷茶杯', spec: null, unit: '个', unitPrice: 2_500, vatRate: 1300 };

function quote(status: Quote['status']): Quote {
  return {
    id: QUOTE_ID,
    quoteNo: 'QT-2026-0007',
    customerId: CUSTOMER,
    customerName: '杭州茶香贸易',
    status,
    quoteDate: '2026-11-20',
    validUntil: '2026-12-20',
    totalGross: 25_600,
    currency: 'CNY',
    salesOrderId: null,
    orderNo: null,
    taxInclusive: true,
    totalNet: 22_655,
    totalTax: 2_945,
    notes: '春节前到货',
    ownerUserId: null,
    lines: [
      { id: '0190a0b0-0000-7000-8000-0000000000f1', lineNo: 1, productId: TEA.productId, productCode: 'TEA01', productName: '西湖龙井', spec: '250g', description: null, quantity: 2, unit: '盒', unitFactor: 1, unitPrice: 12_800, discountBp: 0, vatRate: 1300, net: 22_655, tax: 2_945, gross: 25_600 },
    ],
  };
}

const codes = () => screen.getAllByLabelText(salesZhCN.form.code);
const quantities = () => screen.getAllByLabelText(salesZhCN.field.quantity);

describe('the quote form', () => {
  it('creates a quote for the chosen customer with the validity date, notes and the lines typed', async () => {
    const backend = fakeBackend({
      'customers.search': () => [{ id: CUSTOMER, code: 'C0001', name: '杭州茶香贸易', shortName: null, status: 'active', matchHint: 'name' }],
      'orders.lookupProduct': ({ code }) => (code.toUpperCase() === 'CUP02' ? CUP : null),
      'quotes.create': () => quote('draft'),
    });
    const { user } = await render(<QuoteNewPage />, { path: '/quotes/new' });
    await user.click(screen.getByTestId('quote-customer'));
    await user.keyboard('茶香');
    await user.click(await screen.findByRole('option', { name: '杭州茶香贸易 · C0001' }));
    await user.type(screen.getByLabelText(salesZhCN.field.validUntil), '2026-12-31');
    await user.click(codes()[0]!);
    await user.keyboard('cup02');
    await user.tab();
    await screen.findByText('白瓷茶杯');
    await user.keyboard('{Control>}a{/Control}12');
    await user.type(screen.getByLabelText(salesZhCN.field.notes), '含包装');
    await user.click(screen.getByTestId('quote-save'));

    await waitFor(() => expect(backend.inputsOf('quotes.create')).toHaveLength(1));
    expect(backend.inputsOf('quotes.create')[0]).toEqual({
      customerId: CUSTOMER,
      validUntil: '2026-12-31',
      notes: '含包装',
      lines: [{ productId: CUP.productId, quantity: 12, discountBp: 0 }],
    });
    expect((await screen.findByTestId('elsewhere')).textContent).toBe(`/quotes/${QUOTE_ID}`);
  });

  it('saves a draft quote with its lines changed, and shows a refused quantity beside its line', async () => {
    const backend = fakeBackend({
      'quotes.get': () => quote('draft'),
      'orders.lookupProduct': ({ code }) => (code.toUpperCase() === 'CUP02' ? CUP : code.toUpperCase() === 'TEA01' ? TEA : null),
      'quotes.update': () => {
        throw refusal('VALIDATION', [{ path: 'lines.1.quantity', code: 'out_of_range', params: { min: 1, max: 1000 } }]);
      },
    });
    const { user } = await render(<QuoteEditPage />, { path: '/quotes/:id', url: `/quotes/${QUOTE_ID}` });
    await screen.findByText('西湖龙井 250g');
    expect((quantities()[0] as HTMLInputElement).value).toBe('2');
    // The unit stands beside the quantity.
    expect(quantities()[0]!.closest('.mantine-NumberInput-root')!.textContent).toContain('盒');
    await user.click(quantities()[0]!);
    await user.keyboard('{Control>}a{/Control}3{Enter}');
    await waitFor(() => expect(codes()).toHaveLength(2));
    await waitFor(() => expect(document.activeElement).toBe(codes()[1]));
    await user.keyboard('CUP02');
    await user.tab();
    await screen.findByText('白瓷茶杯');
    await user.keyboard('{Control>}a{/Control}5000');
    await user.click(screen.getByTestId('quote-save'));

    await waitFor(() => expect(backend.inputsOf('quotes.update')).toHaveLength(1));
    expect(backend.inputsOf('quotes.update')[0]).toEqual({
      id: QUOTE_ID,
      customerId: CUSTOMER,
      validUntil: '2026-12-20',
      notes: '春节前到货',
      lines: [
        { productId: TEA.productId, quantity: 3, discountBp: 0, unitPrice: 12_800 },
        { productId: CUP.productId, quantity: 5000, discountBp: 0 },
      ],
    });
    const cupRow = screen.getByText('白瓷茶杯').closest('tr')!;
    expect(await within(cupRow).findByText('超出允许范围（1–1000）')).toBeTruthy();
    expect(within(screen.getByText('西湖龙井 250g').closest('tr')!).queryByText(/超出允许范围/)).toBeNull();
  });

  it('shows a stored line discount in its amount and the total, and keeps it when a draft is saved', async () => {
    // 2 × ¥128.00 less 3 % (¥7.68) = ¥248.32, and 1 × ¥25.00: ¥273.32 in all, as the server stored it.
    const discounted: Quote = {
      ...quote('draft'),
      totalGross: 27_332,
      lines: [
        { ...quote('draft').lines[0]!, discountBp: 300, net: 21_975, tax: 2_857, gross: 24_832 },
        { id: '0190a0b0-0000-7000-8000-0000000000f2', lineNo: 2, productId: CUP.productId, productCode: 'CUP02', productName: '白瓷茶杯', spec: null, description: '礼盒装', quantity: 1, unit: '个', unitFactor: 1, unitPrice: 2_500, discountBp: 0, vatRate: 1300, net: 2_212, tax: 288, gross: 2_500 },
      ],
    };
    const backend = fakeBackend({ 'quotes.get': () => discounted, 'quotes.update': () => discounted });
    const { user } = await render(<QuoteEditPage />, { path: '/quotes/:id', url: `/quotes/${QUOTE_ID}` });
    const teaRow = (await screen.findByText('西湖龙井 250g')).closest('tr')!;
    expect((within(teaRow).getByLabelText(salesZhCN.form.discount) as HTMLInputElement).value).toBe('3');
    expect(within(teaRow).getByTestId('line-amount').textContent).toBe('¥248.32');
    const amounts = () => screen.getAllByTestId('line-amount').map((cell) => cell.textContent);
    expect(amounts()).toEqual(['¥248.32', '¥25.00']);
    expect(screen.getByTestId('quote-form-total').textContent).toBe(`${salesZhCN.field.total}：¥273.32`);

    // 10 % off the cup: ¥22.50, and the total follows.
    const cupRow = screen.getByText('白瓷茶杯').closest('tr')!;
    await user.click(within(cupRow).getByLabelText(salesZhCN.form.discount));
    await user.keyboard('{Control>}a{/Control}10');
    await waitFor(() => expect(amounts()).toEqual(['¥248.32', '¥22.50']));
    expect(screen.getByTestId('quote-form-total').textContent).toBe(`${salesZhCN.field.total}：¥270.82`);
    await user.click(screen.getByTestId('quote-save'));

    await waitFor(() => expect(backend.inputsOf('quotes.update')).toHaveLength(1));
    expect(backend.inputsOf('quotes.update')[0]!.lines).toEqual([
      { productId: TEA.productId, quantity: 2, discountBp: 300, unitPrice: 12_800 },
      { productId: CUP.productId, quantity: 1, discountBp: 1000, description: '礼盒装', unitPrice: 2_500 },
    ]);
  });

  it('sends back the price each untouched line was quoted at, and none for a line given another product', async () => {
    // The tea was quoted at ¥115.00 from last month's list (it is ¥128.00 now), the cup at ¥22.00 by the manager.
    const agreed: Quote = {
      ...quote('draft'),
      totalGross: 25_200,
      lines: [
        { ...quote('draft').lines[0]!, unitPrice: 11_500, net: 20_354, tax: 2_646, gross: 23_000 },
        { id: '0190a0b0-0000-7000-8000-0000000000f2', lineNo: 2, productId: CUP.productId, productCode: 'CUP02', productName: '白瓷茶杯', spec: null, description: null, quantity: 1, unit: '个', unitFactor: 1, unitPrice: 2_200, discountBp: 0, vatRate: 1300, net: 1_947, tax: 253, gross: 2_200 },
      ],
    };
    const backend = fakeBackend({
      'quotes.get': () => agreed,
      'orders.lookupProduct': ({ code }) => (code.toUpperCase() === 'TEA01' ? TEA : null),
      'quotes.update': () => agreed,
    });
    const { user } = await render(<QuoteEditPage />, { path: '/quotes/:id', url: `/quotes/${QUOTE_ID}` });
    await screen.findByText('西湖龙井 250g');
    expect(screen.getAllByTestId('line-amount').map((cell) => cell.textContent)).toEqual(['¥230.00', '¥22.00']);
    await user.click(quantities()[0]!);
    await user.keyboard('{Control>}a{/Control}4');
    await user.click(codes()[1]!);
    await user.keyboard('{Control>}a{/Control}TEA01');
    await user.tab();
    await waitFor(() => expect(screen.getAllByText('西湖龙井 250g')).toHaveLength(2));
    await user.click(screen.getByTestId('quote-save'));

    await waitFor(() => expect(backend.inputsOf('quotes.update')).toHaveLength(1));
    expect(backend.inputsOf('quotes.update')[0]!.lines).toEqual([
      { productId: TEA.productId, quantity: 4, discountBp: 0, unitPrice: 11_500 },
      { productId: TEA.productId, quantity: 1, discountBp: 0 },
    ]);
  });

  it('refuses a discount over 100 % beside its line, and does not save it', async () => {
    const backend = fakeBackend({ 'quotes.get': () => quote('draft') });
    const { user } = await render(<QuoteEditPage />, { path: '/quotes/:id', url: `/quotes/${QUOTE_ID}` });
    const teaRow = (await screen.findByText('西湖龙井 250g')).closest('tr')!;
    await user.click(within(teaRow).getByLabelText(salesZhCN.form.discount));
    await user.keyboard('{Control>}a{/Control}150');
    expect(await within(teaRow).findByText(salesZhCN.form.discountRange)).toBeTruthy();
    expect((screen.getByTestId('quote-save') as HTMLButtonElement).disabled).toBe(true);
    expect(backend.methods()).not.toContain('quotes.update');
  });

  it('shows a sent quote’s discounted lines adding up to its total', async () => {
    fakeBackend({ 'quotes.get': () => ({ ...quote('sent'), totalGross: 24_832, lines: [{ ...quote('sent').lines[0]!, discountBp: 300, gross: 24_832 }] }) });
    await render(<QuoteEditPage />, { path: '/quotes/:id', url: `/quotes/${QUOTE_ID}` });
    await screen.findByText('西湖龙井 250g');
    expect(screen.getAllByTestId('line-amount').map((cell) => cell.textContent)).toEqual(['¥248.32']);
    expect(screen.getByTestId('quote-form-total').textContent).toBe(`${salesZhCN.field.total}：¥248.32`);
  });

  it('says a converted quote is changed through its order', async () => {
    fakeBackend({ 'quotes.get': () => quote('converted') });
    await render(<QuoteEditPage />, { path: '/quotes/:id', url: `/quotes/${QUOTE_ID}` });
    await screen.findByText('西湖龙井 250g');
    expect(screen.getByTestId('quote-locked').textContent).toBe(salesZhCN.quotes.converted);
  });

  it('turns a sent quote into an order, and no longer lets its lines be changed', async () => {
    const order = { id: '0190a0b0-0000-7000-8000-0000000000a9' } as Order;
    const backend = fakeBackend({ 'quotes.get': () => quote('sent'), 'quotes.convert': () => order });
    const { user } = await render(<QuoteEditPage />, { path: '/quotes/:id', url: `/quotes/${QUOTE_ID}` });
    await screen.findByText('西湖龙井 250g');
    expect(screen.queryByTestId('quote-save')).toBeNull();
    expect((codes()[0] as HTMLInputElement).readOnly).toBe(true);
    // Its lines look as locked as its customer.
    expect((codes()[0] as HTMLInputElement).disabled).toBe(true);
    expect(screen.getByText(salesZhCN.quotes.notDraft)).toBeTruthy();
    await user.click(screen.getByTestId('quote-convert'));
    await waitFor(() => expect(backend.inputsOf('quotes.convert')).toEqual([{ id: QUOTE_ID }]));
    expect((await screen.findByTestId('elsewhere')).textContent).toBe(`/orders/${order.id}`);
  });

  it('links a converted quote to its order, still a draft without a number', async () => {
    const orderId = '0190a0b0-0000-7000-8000-0000000000a9';
    fakeBackend({ 'quotes.get': () => ({ ...quote('converted'), salesOrderId: orderId, orderNo: null }) });
    await render(<QuoteEditPage />, { path: '/quotes/:id', url: `/quotes/${QUOTE_ID}` });
    const link = await screen.findByRole('link', { name: salesZhCN.orderStatus.draft });
    expect(link.getAttribute('href')).toContain(`/orders/${orderId}`);
  });
});
