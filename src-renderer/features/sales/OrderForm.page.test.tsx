import { screen, waitFor, within } from '@testing-library/react';
import type { LookupProduct } from '../../../src-main/domain/catalog/catalog.dto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Order, ProductForOrder } from '../../../src-main/domain/orders/orders.dto';
import { fakeBackend } from '../../test-utils/fake-backend';
import { render } from '../../test-utils/render';
import salesZhCN from './messages.zh-CN';
import { OrderFormPage } from './OrderForm.page';

const TEA: ProductForOrder = { productId: '0190a0b0-0000-7000-8000-0000000000d1', code: 'TEA01', name: '西湖龙井', spec: '250g', unit: '盒', unitPrice: 12_800, vatRate: 1300 };
const CUP: ProductForOrder = { productId: '0190a0b0-0000-7000-8000-0000000000d2', code: 'CUP02', name: '白瓷茶杯', spec: null, unit: '个', unitPrice: 2_500, vatRate: 1300 };
const CUSTOMER = '0190a0b0-0000-7000-8000-0000000000c1';
const ORDER_ID = '0190a0b0-0000-7000-8000-0000000000a9';
const WATER: ProductForOrder = { productId: '0190a0b0-0000-7000-8000-0000000000d3', code: 'W550', name: '农夫山泉', spec: '550ml', unit: '瓶', unitPrice: 200, vatRate: 1300 };
const WATER_BIG: ProductForOrder = { productId: '0190a0b0-0000-7000-8000-0000000000d4', code: 'W1500', name: '农夫山泉', spec: '1.5L', unit: '瓶', unitPrice: 450, vatRate: 1300 };
/** A product as the catalog search returns it. */
const found = (p: ProductForOrder): LookupProduct => ({
  id: p.productId,
  code: p.code,
  name: p.name,
  spec: p.spec,
  barcode: null,
  vatRate: 1300,
  listPrice: p.unitPrice,
  unit: p.unit,
  secondUnit: null,
  secondUnitFactor: null,
  isStocked: true,
  isService: false,
  isSparePart: false,
  isConsumable: false,
  isSerialTracked: false,
});
const byCode = (...products: ProductForOrder[]) => ({ code }: { code: string }) => products.find((p) => p.code === code.toUpperCase()) ?? null;

describe('order entry by keyboard', () => {
  // A browser's select() also focuses the field; jsdom's does not, so it is taught to here.
  beforeEach(() => {
    const select = HTMLInputElement.prototype.select;
    vi.spyOn(HTMLInputElement.prototype, 'select').mockImplementation(function (this: HTMLInputElement) {
      this.focus();
      select.call(this);
    });
  });
  afterEach(() => vi.restoreAllMocks());

  it('keeps the cursor on the line being typed when a slow lookup for the line before answers', async () => {
    // The first lookup answers only when the test lets it: by then the typist is on the next line.
    let answerTea: (product: ProductForOrder) => void = () => undefined;
    fakeBackend({
      'orders.lookupProduct': ({ code }) =>
        code.toUpperCase() === 'TEA01' ? new Promise<ProductForOrder>((resolve) => (answerTea = resolve)) : code.toUpperCase() === 'CUP02' ? CUP : null,
    });
    const { user } = await render(<OrderFormPage />, { path: '/orders/new' });
    const codes = () => screen.getAllByLabelText(salesZhCN.form.code);
    await user.click(codes()[0]!);
    await user.keyboard('tea01');
    await user.tab();
    await user.keyboard('3{Enter}');
    await waitFor(() => expect(codes()).toHaveLength(2));
    await waitFor(() => expect(document.activeElement).toBe(codes()[1]));
    await user.keyboard('CUP0');

    answerTea(TEA);
    await screen.findByText('西湖龙井 250g');
    expect(document.activeElement).toBe(codes()[1]);
    await user.keyboard('2{Enter}');
    await screen.findByText('白瓷茶杯');
    expect((codes()[1] as HTMLInputElement).value).toBe('CUP02');
    // The quantity typed before the lookup answered stays 3: ¥128.00 × 3.
    expect(screen.getByText('¥384.00')).toBeTruthy();
  });

  it('replaces the default quantity when the lookup answers after Tab but before the quantity is typed', async () => {
    let answerTea: (product: ProductForOrder) => void = () => undefined;
    fakeBackend({ 'orders.lookupProduct': () => new Promise<ProductForOrder>((resolve) => (answerTea = resolve)) });
    const { user } = await render(<OrderFormPage />, { path: '/orders/new' });
    await user.click(screen.getAllByLabelText(salesZhCN.form.code)[0]!);
    await user.keyboard('tea01');
    await user.tab();
    answerTea(TEA);
    await screen.findByText('西湖龙井 250g');
    await user.keyboard('15');
    // 15 boxes, not 115: ¥128.00 × 15.
    await screen.findByText('¥1,920.00');
  });

  it('offers the products a typed name matches, picked with the arrow keys and Enter', async () => {
    const backend = fakeBackend({
      'orders.lookupProduct': byCode(WATER, WATER_BIG),
      'catalog.lookup': ({ q }) => (q === '农夫' ? { match: 'search', products: [found(WATER), found(WATER_BIG)] } : { match: 'none', products: [] }),
    });
    const { user } = await render(<OrderFormPage />, { path: '/orders/new' });
    const code = screen.getAllByLabelText(salesZhCN.form.code)[0]!;
    await user.click(code);
    await user.keyboard('农夫{Enter}');
    const options = await screen.findAllByRole('option');
    expect(options.map((o) => o.textContent)).toEqual(['农夫山泉 550mlW550 · 瓶', '农夫山泉 1.5LW1500 · 瓶']);
    await user.keyboard('{ArrowDown}{Enter}');
    await screen.findByText('农夫山泉 1.5L');
    expect(backend.inputsOf('orders.lookupProduct').at(-1)).toEqual({ code: 'W1500' });
    // The cursor moves on to the quantity, as after a scan.
    await waitFor(() => expect(document.activeElement).toBe(screen.getAllByLabelText(salesZhCN.field.quantity)[0]));
    expect(screen.queryByRole('option')).toBeNull();
  });

  it('takes the only product a name matches when leaving the field, and says so when nothing matches', async () => {
    fakeBackend({
      'orders.lookupProduct': byCode(WATER),
      'catalog.lookup': ({ q }) => (q === 'nfsq' ? { match: 'search', products: [found(WATER)] } : { match: 'none', products: [] }),
    });
    const { user } = await render(<OrderFormPage />, { path: '/orders/new' });
    await user.click(screen.getAllByLabelText(salesZhCN.form.code)[0]!);
    await user.keyboard('nfsq');
    await user.tab();
    await screen.findByText('农夫山泉 550ml');
    await user.keyboard('6{Enter}');
    await waitFor(() => expect(screen.getAllByLabelText(salesZhCN.form.code)).toHaveLength(2));
    await waitFor(() => expect(document.activeElement).toBe(screen.getAllByLabelText(salesZhCN.form.code)[1]));
    await user.keyboard('咖啡机{Enter}');
    expect(await screen.findByText(salesZhCN.form.notFound)).toBeTruthy();
  });

  it('creates the order with a line discount, the amount and total shown as the server computes them', async () => {
    const backend = fakeBackend({
      'customers.search': () => [{ id: CUSTOMER, code: 'C0001', name: '杭州茶香贸易', shortName: null, status: 'active', matchHint: 'name' }],
      'orders.lookupProduct': byCode(TEA, CUP),
      'orders.create': () => ({ id: ORDER_ID }) as Order,
    });
    const { user } = await render(<OrderFormPage />, { path: '/orders/new' });
    await user.click(screen.getByTestId('order-customer'));
    await user.keyboard('茶香');
    await user.click(await screen.findByRole('option', { name: '杭州茶香贸易 · C0001' }));
    await user.click(screen.getAllByLabelText(salesZhCN.form.code)[0]!);
    // Code, Tab, quantity, Tab, discount, Enter: the keyboard flow with a discount.
    await user.keyboard('tea01');
    await user.tab();
    await screen.findByText('西湖龙井 250g');
    await user.keyboard('3');
    await user.tab();
    expect(document.activeElement).toBe(screen.getAllByLabelText(salesZhCN.form.discount)[0]);
    await user.keyboard('2.5{Enter}');
    await waitFor(() => expect(document.activeElement).toBe(screen.getAllByLabelText(salesZhCN.form.code)[1]));
    await user.keyboard('CUP02{Enter}');
    await screen.findByText('白瓷茶杯');
    // 3 × ¥128.00 = ¥384.00 less 2.5 % (¥9.60) = ¥374.40; and ¥25.00.
    const teaRow = screen.getByText('西湖龙井 250g').closest('tr')!;
    expect(within(teaRow).getByTestId('line-amount').textContent).toBe('¥374.40');
    expect(screen.getByTestId('order-form-total').textContent).toBe(`${salesZhCN.field.total}：¥399.40`);
    await user.click(screen.getByTestId('order-save'));
    await waitFor(() => expect(backend.inputsOf('orders.create')).toHaveLength(1));
    expect(backend.inputsOf('orders.create')[0]).toEqual({
      customerId: CUSTOMER,
      lines: [
        { productId: TEA.productId, quantity: 3, discountBp: 250 },
        { productId: CUP.productId, quantity: 1, discountBp: 0 },
      ],
    });
    expect((await screen.findByTestId('elsewhere')).textContent).toBe(`/orders/${ORDER_ID}`);
  });
});
