import { screen, waitFor, within } from '@testing-library/react';
import type { LookupProduct } from '../../../src-main/domain/catalog/catalog.dto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Address, Customer } from '../../../src-main/domain/customers/customers.dto';
import type { Order, ProductForOrder } from '../../../src-main/domain/orders/orders.dto';
import type { Warehouse } from '../../../src-main/domain/stock/stock.dto';
import { businessToday } from '../../format';
import zhCN from '../../i18n/zh-CN';
import { fakeBackend } from '../../test-utils/fake-backend';
import { OWNER, render } from '../../test-utils/render';
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
    // Dated today, 含税, taken by whoever entered it: the header as the form started.
    expect(backend.inputsOf('orders.create')[0]).toEqual({
      customerId: CUSTOMER,
      orderDate: businessToday(),
      taxInclusive: true,
      ownerUserId: OWNER.id,
      lines: [
        { productId: TEA.productId, quantity: 3, discountBp: 250 },
        { productId: CUP.productId, quantity: 1, discountBp: 0 },
      ],
    });
    expect((await screen.findByTestId('elsewhere')).textContent).toBe(`/orders/${ORDER_ID}`);
    // A saved order is not "unsaved": no question on the way out.
    expect(screen.queryByText(zhCN.form.unsavedTitle)).toBeNull();
  });
});

const MAIN_WAREHOUSE: Warehouse = { id: '0190a0b0-0000-7000-8000-0000000000b1', code: 'W01', name: '总仓', address: null, isDefault: true, status: 'active', createdAt: '', updatedAt: '' };
const EAST_WAREHOUSE: Warehouse = { ...MAIN_WAREHOUSE, id: '0190a0b0-0000-7000-8000-0000000000b2', code: 'W02', name: '城东仓', isDefault: false };
const SALESWOMAN = { id: '0190a0b0-0000-7000-8000-000000000002', displayName: '李娜', role: 'sales' as const };
const anAddress = (address: Partial<Address> & Pick<Address, 'detail'>): Address => ({
  id: '0190a0b0-0000-7000-8000-0000000000e1',
  customerId: CUSTOMER,
  kind: 'shipping',
  province: '浙江省',
  city: '杭州市',
  district: '西湖区',
  postcode: null,
  recipient: null,
  recipientPhone: null,
  isDefault: false,
  ...address,
});

/** The customer with a billing address, a default shipping address and a second one (a warehouse of theirs). */
function headerBackend(products: ProductForOrder[] = [TEA, CUP]) {
  return fakeBackend({
    'customers.search': () => [{ id: CUSTOMER, code: 'C0001', name: '杭州茶香贸易', shortName: null, status: 'active', matchHint: 'name' }],
    'customers.get': () =>
      ({
        id: CUSTOMER,
        addresses: [
          anAddress({ kind: 'billing', detail: '文三路 90 号', isDefault: true }),
          anAddress({ detail: '仓前街道 8 号', district: '余杭区' }),
          anAddress({ detail: '龙井路 1 号', recipient: '王经理', recipientPhone: '13800001111', isDefault: true }),
        ],
      }) as Customer,
    'stock.listWarehouses': () => [MAIN_WAREHOUSE, EAST_WAREHOUSE],
    'users.options': () => [{ id: OWNER.id, displayName: OWNER.displayName, role: OWNER.role }, SALESWOMAN],
    'orders.lookupProduct': byCode(...products),
    'orders.create': () => ({ id: ORDER_ID }) as Order,
  });
}

async function chooseCustomer(user: Awaited<ReturnType<typeof render>>['user']) {
  await user.click(screen.getByTestId('order-customer'));
  await user.keyboard('茶香');
  await user.click(await screen.findByRole('option', { name: '杭州茶香贸易 · C0001' }));
}

const field = (label: string) => screen.getByLabelText(label) as HTMLInputElement;
const input = (testId: string) => screen.getByTestId(testId) as HTMLInputElement;

describe('the order header', () => {
  it('sends the dates, the warehouse, prices before VAT, the salesperson, the address picked and a note', async () => {
    const backend = headerBackend();
    const { user } = await render(<OrderFormPage />, { path: '/orders/new' });
    // Today, the default warehouse, 含税, and the person entering it, before anything is touched.
    expect(field(salesZhCN.field.orderDate).value).toBe(businessToday());
    await waitFor(() => expect(input('order-warehouse').value).toBe('W01 总仓'));
    await waitFor(() => expect(input('order-owner').value).toBe(OWNER.displayName));
    expect(field(salesZhCN.field.taxInclusive).checked).toBe(true);

    await chooseCustomer(user);
    // The customer's default shipping address, with who receives it.
    await waitFor(() => expect(input('order-address').value).toBe('浙江省杭州市西湖区龙井路 1 号 王经理 13800001111'));
    await user.click(input('order-address'));
    const offered = await screen.findAllByRole('option');
    expect(offered.map((o) => o.textContent)).toEqual(['浙江省杭州市西湖区龙井路 1 号 王经理 13800001111', '浙江省杭州市余杭区仓前街道 8 号', '浙江省杭州市西湖区文三路 90 号']);
    await user.click(screen.getByRole('option', { name: '浙江省杭州市余杭区仓前街道 8 号' }));

    await user.clear(field(salesZhCN.field.orderDate));
    await user.type(field(salesZhCN.field.orderDate), '2026-11-28');
    await user.type(field(salesZhCN.field.promisedDate), '2026-12-05');
    await user.click(screen.getByTestId('order-warehouse'));
    await user.click(await screen.findByRole('option', { name: 'W02 城东仓' }));
    await user.click(screen.getByTestId('order-owner'));
    await user.click(await screen.findByRole('option', { name: SALESWOMAN.displayName }));

    await user.click(screen.getAllByLabelText(salesZhCN.form.code)[0]!);
    await user.keyboard('tea01');
    await user.tab();
    await screen.findByText('西湖龙井 250g');
    await user.keyboard('3');
    const teaRow = screen.getByText('西湖龙井 250g').closest('tr')!;
    expect(within(teaRow).getByText('¥128.00')).toBeTruthy();
    // Prices before VAT: ¥128.00 含税 at 13 % is ¥113.27; the line and the total add VAT per line again.
    await user.click(field(salesZhCN.field.taxInclusive));
    expect(within(teaRow).getByText('¥113.27')).toBeTruthy();
    expect(within(teaRow).getByTestId('line-amount').textContent).toBe('¥383.99');
    await user.type(screen.getByLabelText(salesZhCN.field.notes), '送货前电话联系');
    await user.click(screen.getByTestId('order-save'));

    await waitFor(() => expect(backend.inputsOf('orders.create')).toHaveLength(1));
    expect(backend.inputsOf('orders.create')[0]).toEqual({
      customerId: CUSTOMER,
      orderDate: '2026-11-28',
      promisedDate: '2026-12-05',
      warehouseId: EAST_WAREHOUSE.id,
      taxInclusive: false,
      ownerUserId: SALESWOMAN.id,
      shippingAddress: '浙江省杭州市余杭区仓前街道 8 号',
      notes: '送货前电话联系',
      lines: [{ productId: TEA.productId, quantity: 3, discountBp: 0 }],
    });
  });

  it('sends an address typed by hand, and nobody as the salesperson once the field is cleared', async () => {
    const backend = headerBackend();
    const { user } = await render(<OrderFormPage />, { path: '/orders/new' });
    await chooseCustomer(user);
    await waitFor(() => expect(input('order-address').value).not.toBe(''));
    await user.clear(input('order-address'));
    await user.type(input('order-address'), '上海市静安区南京西路 1 号');
    await user.keyboard('{Escape}');
    await waitFor(() => expect(input('order-owner').value).toBe(OWNER.displayName));
    // The field's clear button: nobody (未分配).
    await user.click(screen.getByTestId('order-owner').closest('.mantine-InputWrapper-root')!.querySelector('button')!);
    expect(input('order-owner').value).toBe('');
    await user.click(screen.getAllByLabelText(salesZhCN.form.code)[0]!);
    await user.keyboard('cup02{Enter}');
    await screen.findByText('白瓷茶杯');
    await user.click(screen.getByTestId('order-save'));

    await waitFor(() => expect(backend.inputsOf('orders.create')).toHaveLength(1));
    expect(backend.inputsOf('orders.create')[0]).toMatchObject({ shippingAddress: '上海市静安区南京西路 1 号', ownerUserId: null, warehouseId: MAIN_WAREHOUSE.id });
  });
});

describe('the order’s tax basis', () => {
  it('shows the price first entered again when switched back, not the price before VAT grossed up again', async () => {
    // ¥1.00 含税 at 13 % is ¥0.88 before VAT, and ¥0.88 with VAT is ¥0.99.
    const TEABAG: ProductForOrder = { productId: '0190a0b0-0000-7000-8000-0000000000d4', code: 'BAG01', name: '袋泡茶', spec: null, unit: '袋', unitPrice: 100, vatRate: 1300 };
    headerBackend([TEABAG]);
    const { user } = await render(<OrderFormPage />, { path: '/orders/new' });
    await chooseCustomer(user);
    await user.click(screen.getAllByLabelText(salesZhCN.form.code)[0]!);
    await user.keyboard('bag01{Enter}');
    const row = (await screen.findByText('袋泡茶')).closest('tr')!;
    expect(within(row).getByTestId('line-amount').textContent).toBe('¥1.00');
    await user.click(field(salesZhCN.field.taxInclusive));
    expect(within(row).getByText('¥0.88')).toBeTruthy();
    await user.click(field(salesZhCN.field.taxInclusive));
    expect(within(row).getByTestId('line-amount').textContent).toBe('¥1.00');
    expect(screen.getByTestId('order-form-total').textContent).toContain('¥1.00');
  });
});

describe('leaving a new order', () => {
  it('goes back to the orders without asking when nothing was entered', async () => {
    headerBackend();
    const { user } = await render(<OrderFormPage />, { path: '/orders/new' });
    await user.click(screen.getByRole('button', { name: zhCN.common.cancel }));
    expect((await screen.findByTestId('elsewhere')).textContent).toBe('/orders');
    expect(screen.queryByText(zhCN.form.unsavedTitle)).toBeNull();
  });

  it('asks before 取消 or a navigation throws away what was entered, and stays on “继续编辑”', async () => {
    const backend = headerBackend();
    const { user, router } = await render(<OrderFormPage />, { path: '/orders/new' });
    await chooseCustomer(user);
    await user.click(screen.getByRole('button', { name: zhCN.common.cancel }));
    const dialog = await screen.findByRole('dialog', { name: zhCN.form.unsavedTitle });
    await user.click(within(dialog).getByRole('button', { name: zhCN.form.unsavedStay }));
    await waitFor(() => expect(screen.queryByRole('dialog', { name: zhCN.form.unsavedTitle })).toBeNull());
    expect(router.state.location.pathname).toBe('/orders/new');

    // A nav link or the palette asks the same.
    void router.navigate('/customers');
    await user.click(within(await screen.findByRole('dialog', { name: zhCN.form.unsavedTitle })).getByRole('button', { name: zhCN.form.unsavedLeave }));
    expect((await screen.findByTestId('elsewhere')).textContent).toBe('/customers');
    expect(backend.methods()).not.toContain('orders.create');
  });
});
