import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Order, OrderLine } from '../../../src-main/domain/orders/orders.dto';
import zhCN from '../../i18n/zh-CN';
import { fakeBackend } from '../../test-utils/fake-backend';
import { render } from '../../test-utils/render';
import salesZhCN from './messages.zh-CN';
import { OrderViewPage } from './OrderView.page';

const ORDER_ID = '0190a0b0-0000-7000-8000-0000000000a9';
const CUSTOMER = '0190a0b0-0000-7000-8000-0000000000c1';
const TEA = '0190a0b0-0000-7000-8000-0000000000d1';
const CUP = '0190a0b0-0000-7000-8000-0000000000d2';

const aLine = (line: Partial<OrderLine> & Pick<OrderLine, 'productId' | 'productCode' | 'productName' | 'quantity' | 'unitPrice' | 'gross'>): OrderLine => ({
  id: `0190a0b0-0000-7000-8000-00000000f00${line.lineNo ?? 1}`,
  lineNo: 1,
  spec: null,
  description: null,
  deliveredQuantity: 0,
  returnedQuantity: 0,
  reservedQuantity: 0,
  unit: '个',
  unitFactor: 1,
  listPrice: line.unitPrice,
  priceOverridden: false,
  discountBp: 0,
  vatRate: 1300,
  net: 0,
  tax: 0,
  promisedDate: null,
  substitutesLineId: null,
  isStocked: true,
  isSerialTracked: false,
  ...line,
});

function aDraftOrder(status: Order['status'] = 'draft'): Order {
  return {
    id: ORDER_ID,
    orderNo: null,
    customerId: CUSTOMER,
    customerCode: 'C0001',
    customerName: '杭州茶香贸易',
    status,
    orderDate: '2026-11-20',
    promisedDate: '2026-12-01',
    currency: 'CNY',
    totalGross: 27_000,
    ownerUserId: null,
    ownerName: null,
    quoteId: null,
    quoteNo: null,
    warehouseId: '0190a0b0-0000-7000-8000-0000000000b1',
    warehouseName: '总仓',
    priceListId: null,
    taxInclusive: true,
    totalNet: 0,
    totalTax: 0,
    creditCheck: null,
    decidedByRule: null,
    shippingAddress: null,
    notes: '春节前到货',
    createdByName: null,
    createdAt: '2026-11-20T02:00:00Z',
    updatedAt: '2026-11-20T02:00:00Z',
    confirmedAt: null,
    cancelledAt: null,
    cancelledByName: null,
    cancelReason: null,
    // Tea at a price agreed on a quote (¥120.00, list ¥128.00) with its own promised date; cups 12 to a box.
    lines: [
      aLine({ productId: TEA, productCode: 'TEA01', productName: '西湖龙井', spec: '250g', unit: '盒', quantity: 2, listPrice: 12_800, unitPrice: 12_000, priceOverridden: true, gross: 24_000, promisedDate: '2026-12-10' }),
      aLine({ productId: CUP, productCode: 'CUP02', productName: '白瓷茶杯', unit: '箱', unitFactor: 12, quantity: 12, unitPrice: 250, gross: 3_000, lineNo: 2 }),
    ],
    events: [],
    approvals: [],
    deliveries: [],
    returns: [],
  };
}

describe('a draft sales order', () => {
  it('is changed in place and saved with orders.update, keeping what its lines carry', async () => {
    const saved = { ...aDraftOrder(), notes: '节后到货', updatedAt: '2026-11-21T02:00:00Z' };
    const backend = fakeBackend({ 'orders.get': () => aDraftOrder(), 'orders.update': () => saved });
    const { user } = await render(<OrderViewPage />, { path: '/orders/:id', url: `/orders/${ORDER_ID}`, permissions: ['sales.write'] });
    await user.click(await screen.findByTestId('order-edit'));

    const teaRow = screen.getByText('西湖龙井 250g').closest('tr')!;
    const cupRow = screen.getByText('白瓷茶杯').closest('tr')!;
    // The cups as entered: one box of 12 at ¥2.50 each.
    expect((within(cupRow).getByLabelText(salesZhCN.field.quantity) as HTMLInputElement).value).toBe('1');
    expect(within(cupRow).getByTestId('line-amount').textContent).toBe('¥30.00');
    expect(within(teaRow).getByTestId('line-amount').textContent).toBe('¥240.00');
    await user.click(within(teaRow).getByLabelText(salesZhCN.field.quantity));
    await user.keyboard('{Control>}a{/Control}3');
    await user.tab();
    await user.keyboard('5');
    // 3 × ¥120.00 less 5 %: ¥342.00; with the cups ¥372.00.
    await waitFor(() => expect(within(teaRow).getByTestId('line-amount').textContent).toBe('¥342.00'));
    expect(screen.getByTestId('order-form-total').textContent).toBe(`${salesZhCN.field.total}：¥372.00`);
    await user.clear(screen.getByLabelText(salesZhCN.field.notes));
    await user.type(screen.getByLabelText(salesZhCN.field.notes), '节后到货');
    await user.click(screen.getByTestId('order-save'));

    await waitFor(() => expect(backend.inputsOf('orders.update')).toHaveLength(1));
    // The header goes back as it was, but for the note; the warehouse, unchanged, is left out.
    expect(backend.inputsOf('orders.update')[0]).toEqual({
      id: ORDER_ID,
      customerId: CUSTOMER,
      orderDate: '2026-11-20',
      promisedDate: '2026-12-01',
      taxInclusive: true,
      ownerUserId: null,
      shippingAddress: null,
      notes: '节后到货',
      lines: [
        { productId: TEA, quantity: 3, discountBp: 500, unitPrice: 12_000, promisedDate: '2026-12-10' },
        { productId: CUP, quantity: 1, unit: '箱', discountBp: 0 },
      ],
    });
    // Back on the order as the server saved it.
    expect(await screen.findByTestId('order-lines')).toBeTruthy();
    expect(screen.getByTestId('order-submit')).toBeTruthy();
  });

  it('is left unchanged when the changes are discarded', async () => {
    const backend = fakeBackend({ 'orders.get': () => aDraftOrder() });
    const { user } = await render(<OrderViewPage />, { path: '/orders/:id', url: `/orders/${ORDER_ID}`, permissions: ['sales.write'] });
    await user.click(await screen.findByTestId('order-edit'));
    await user.click(screen.getByTestId('order-discard'));
    expect(await screen.findByTestId('order-lines')).toBeTruthy();
    // Nothing was changed, so nothing is asked.
    expect(screen.queryByText(zhCN.form.unsavedTitle)).toBeNull();
    expect(backend.methods()).not.toContain('orders.update');
  });

  it('asks before discarding what was changed, and keeps the changes on “继续编辑”', async () => {
    const backend = fakeBackend({ 'orders.get': () => aDraftOrder() });
    const { user } = await render(<OrderViewPage />, { path: '/orders/:id', url: `/orders/${ORDER_ID}`, permissions: ['sales.write'] });
    await user.click(await screen.findByTestId('order-edit'));
    await user.click(screen.getByLabelText(salesZhCN.field.taxInclusive));
    await user.click(screen.getByTestId('order-discard'));
    const dialog = await screen.findByRole('dialog', { name: zhCN.form.unsavedTitle });
    await user.click(within(dialog).getByRole('button', { name: zhCN.form.unsavedStay }));
    await waitFor(() => expect(screen.queryByRole('dialog', { name: zhCN.form.unsavedTitle })).toBeNull());
    expect((screen.getByLabelText(salesZhCN.field.taxInclusive) as HTMLInputElement).checked).toBe(false);

    await user.click(screen.getByTestId('order-discard'));
    await user.click(within(await screen.findByRole('dialog', { name: zhCN.form.unsavedTitle })).getByRole('button', { name: zhCN.form.unsavedLeave }));
    expect(await screen.findByTestId('order-lines')).toBeTruthy();
    expect(backend.methods()).not.toContain('orders.update');
  });

  it('opens with the draft’s header and sends it back, with the warehouse chosen', async () => {
    const OWNER_ID = '0190a0b0-0000-7000-8000-000000000002';
    const EAST = '0190a0b0-0000-7000-8000-0000000000b2';
    const draft: Order = {
      ...aDraftOrder(),
      taxInclusive: false,
      ownerUserId: OWNER_ID,
      ownerName: '李娜',
      shippingAddress: '浙江省杭州市余杭区仓前街道 8 号 王经理',
    };
    const backend = fakeBackend({
      'orders.get': () => draft,
      'orders.update': () => draft,
      'stock.listWarehouses': () => [
        { id: EAST, code: 'W02', name: '城东仓', address: null, isDefault: true, status: 'active', createdAt: '', updatedAt: '' },
        { id: draft.warehouseId, code: 'W01', name: '总仓', address: null, isDefault: false, status: 'active', createdAt: '', updatedAt: '' },
      ],
      'users.options': () => [{ id: OWNER_ID, displayName: '李娜', role: 'sales' }],
    });
    const { user } = await render(<OrderViewPage />, { path: '/orders/:id', url: `/orders/${ORDER_ID}`, permissions: ['sales.write'] });
    await user.click(await screen.findByTestId('order-edit'));

    const value = (testId: string) => (screen.getByTestId(testId) as HTMLInputElement).value;
    expect(value('order-date')).toBe('2026-11-20');
    expect(value('order-promised-date')).toBe('2026-12-01');
    // The draft's warehouse, not the company's default.
    await waitFor(() => expect(value('order-warehouse')).toBe('W01 总仓'));
    await waitFor(() => expect(value('order-owner')).toBe('李娜'));
    expect(value('order-address')).toBe('浙江省杭州市余杭区仓前街道 8 号 王经理');
    expect((screen.getByLabelText(salesZhCN.field.taxInclusive) as HTMLInputElement).checked).toBe(false);
    expect((screen.getByLabelText(salesZhCN.field.notes) as HTMLTextAreaElement).value).toBe('春节前到货');

    await user.click(screen.getByTestId('order-warehouse'));
    await user.click(await screen.findByRole('option', { name: 'W02 城东仓' }));
    await user.click(screen.getByTestId('order-save'));
    await waitFor(() => expect(backend.inputsOf('orders.update')).toHaveLength(1));
    expect(backend.inputsOf('orders.update')[0]).toMatchObject({
      orderDate: '2026-11-20',
      promisedDate: '2026-12-01',
      warehouseId: EAST,
      taxInclusive: false,
      ownerUserId: OWNER_ID,
      shippingAddress: '浙江省杭州市余杭区仓前街道 8 号 王经理',
      notes: '春节前到货',
    });
  });

  it('keeps a warehouse archived since the draft was saved, shown by name and not sent back', async () => {
    const backend = fakeBackend({
      'orders.get': () => aDraftOrder(),
      'orders.update': () => aDraftOrder(),
      'stock.listWarehouses': () => [{ id: '0190a0b0-0000-7000-8000-0000000000b2', code: 'W02', name: '城东仓', address: null, isDefault: true, status: 'active', createdAt: '', updatedAt: '' }],
    });
    const { user } = await render(<OrderViewPage />, { path: '/orders/:id', url: `/orders/${ORDER_ID}`, permissions: ['sales.write'] });
    await user.click(await screen.findByTestId('order-edit'));
    await waitFor(() => expect(backend.methods()).toContain('stock.listWarehouses'));
    expect((screen.getByTestId('order-warehouse') as HTMLInputElement).value).toBe('总仓');
    await user.type(screen.getByLabelText(salesZhCN.field.notes), '，加急');
    await user.click(screen.getByTestId('order-save'));
    await waitFor(() => expect(backend.inputsOf('orders.update')).toHaveLength(1));
    expect(backend.inputsOf('orders.update')[0]).not.toHaveProperty('warehouseId');
    expect(backend.inputsOf('orders.update')[0]).toMatchObject({ notes: '春节前到货，加急' });
  });

  it('cannot be changed once submitted', async () => {
    fakeBackend({ 'orders.get': () => aDraftOrder('confirmed') });
    await render(<OrderViewPage />, { path: '/orders/:id', url: `/orders/${ORDER_ID}`, permissions: ['sales.write'] });
    await screen.findByTestId('order-lines');
    expect(screen.queryByTestId('order-edit')).toBeNull();
  });

  it('offers no change to a user without sales.write', async () => {
    fakeBackend({ 'orders.get': () => aDraftOrder() });
    await render(<OrderViewPage />, { path: '/orders/:id', url: `/orders/${ORDER_ID}`, permissions: ['sales.read'] });
    await screen.findByTestId('order-lines');
    expect(screen.queryByTestId('order-edit')).toBeNull();
  });
});
