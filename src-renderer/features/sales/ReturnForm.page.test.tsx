import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Delivery, DeliveryLine } from '../../../src-main/domain/deliveries/deliveries.contract';
import type { Order } from '../../../src-main/domain/orders/orders.dto';
import type { SalesReturn } from '../../../src-main/domain/returns/returns.contract';
import { fakeBackend, refusal } from '../../test-utils/fake-backend';
import { render } from '../../test-utils/render';
import salesZhCN from './messages.zh-CN';
import { ReturnFormPage } from './ReturnForm.page';

const uuid = (n: number) => `0190a0b0-0000-7000-8000-${String(n).padStart(12, '0')}`;
const ORDER_ID = uuid(100);
const DELIVERY_ID = uuid(200);
const WAREHOUSE_ID = uuid(300);
const TEA_LINE = uuid(101);
const ROUTER_LINE = uuid(102);

const deliveryLine = (id: number, orderLineId: string, code: string, name: string, quantity: number, serials: string[]): DeliveryLine => ({
  id: uuid(id),
  orderLineId,
  orderLineNo: id - 200,
  productId: uuid(id + 500),
  productCode: code,
  productName: name,
  spec: null,
  barcode: null,
  unit: serials.length ? '台' : '盒',
  quantity,
  pickedQuantity: quantity,
  unitCost: 5_000,
  serials,
  isSerialTracked: serials.length > 0,
});

const DELIVERY: Delivery = {
  id: DELIVERY_ID,
  deliveryNo: 'DN-2026-0031',
  salesOrderId: ORDER_ID,
  orderNo: 'SO-2026-0102',
  customerId: uuid(400),
  customerName: '杭州茶香贸易',
  warehouseName: '总仓',
  status: 'posted',
  deliveryDate: '2026-11-25',
  promisedDate: null,
  warehouseId: WAREHOUSE_ID,
  shippingAddress: null,
  notes: null,
  postedAt: '2026-11-25T08:00:00Z',
  costOfGoods: 35_000,
  pickingRequired: true,
  lines: [deliveryLine(201, TEA_LINE, 'TEA01', '西湖龙井', 5, []), deliveryLine(202, ROUTER_LINE, 'RT300', '企业路由器', 2, ['SN-A1', 'SN-A2'])],
};

// The order's lines say what went out in all and what came back already: one box of tea is back.
const ORDER = {
  id: ORDER_ID,
  lines: [
    { id: TEA_LINE, deliveredQuantity: 5, returnedQuantity: 1 },
    { id: ROUTER_LINE, deliveredQuantity: 2, returnedQuantity: 0 },
  ],
} as unknown as Order;

const quantityOf = (code: string) => screen.getByLabelText(`${salesZhCN.returns.quantity} ${code}`);
const rowOf = (name: string) => screen.getByText(new RegExp(name)).closest('tr')!;

describe('the return form', () => {
  it('returns chosen lines of a delivery with their serials, and shows a refused quantity beside its line', async () => {
    let refuse = true;
    const backend = fakeBackend({
      'deliveries.get': () => DELIVERY,
      'orders.get': () => ORDER,
      'returns.create': () => {
        if (refuse) throw refusal('VALIDATION', [{ path: 'lines.0.quantity', code: 'out_of_range', params: { min: 1, max: 2 } }]);
        return { returnNo: 'RT-2026-0009', totalGross: 38_400, creditNoteRequest: { id: uuid(900), status: 'open', totalGross: 38_400 } } as SalesReturn;
      },
    });
    const { user } = await render(<ReturnFormPage />, { path: '/returns/new', url: `/returns/new?delivery=${DELIVERY_ID}` });
    await screen.findByText('TEA01 西湖龙井');
    // Five went out and one came back: four can still come back.
    expect(within(rowOf('西湖龙井')).getByText('最多可退 4')).toBeTruthy();
    expect(within(rowOf('企业路由器')).getByText('最多可退 2')).toBeTruthy();
    expect((screen.getByTestId('return-save') as HTMLButtonElement).disabled).toBe(true);

    await user.type(quantityOf('TEA01'), '3');
    await user.click(within(rowOf('西湖龙井')).getByText(salesZhCN.returns.scrap));
    await user.type(quantityOf('RT300'), '1');
    await user.type(screen.getByLabelText(new RegExp(salesZhCN.field.reason)), '包装破损');
    // A serial-tracked line goes back only with as many serials as units.
    expect((screen.getByTestId('return-save') as HTMLButtonElement).disabled).toBe(true);
    await user.click(screen.getByRole('textbox', { name: `${salesZhCN.returns.serials} RT300` }));
    await user.click(await screen.findByRole('option', { name: 'SN-A2' }));
    await user.click(screen.getByTestId('return-save'));

    await waitFor(() => expect(backend.inputsOf('returns.create')).toHaveLength(1));
    expect(backend.inputsOf('returns.create')[0]).toEqual({
      salesOrderId: ORDER_ID,
      warehouseId: WAREHOUSE_ID,
      reason: '包装破损',
      notes: null,
      lines: [
        { orderLineId: TEA_LINE, quantity: 3, disposition: 'scrap', serials: [] },
        { orderLineId: ROUTER_LINE, quantity: 1, disposition: 'restock', serials: ['SN-A2'] },
      ],
    });
    expect(await within(rowOf('西湖龙井')).findByText('超出允许范围（1–2）')).toBeTruthy();
    expect(within(rowOf('企业路由器')).queryByText(/超出允许范围/)).toBeNull();

    refuse = false;
    await user.clear(quantityOf('TEA01'));
    await user.type(quantityOf('TEA01'), '2');
    await user.click(screen.getByTestId('return-save'));
    await waitFor(() => expect(backend.inputsOf('returns.create')).toHaveLength(2));
    expect(backend.inputsOf('returns.create')[1]!.lines[0]).toEqual({ orderLineId: TEA_LINE, quantity: 2, disposition: 'scrap', serials: [] });
    expect(await screen.findByText('退货单 RT-2026-0009 已登记，已通知财务开红字发票 ¥384.00')).toBeTruthy();
    expect((await screen.findByTestId('elsewhere')).textContent).toBe('/returns');
  });

  it('opened from the returns list, asks for a posted delivery first', async () => {
    const backend = fakeBackend({
      'deliveries.list': () => ({
        rows: [{ id: DELIVERY_ID, deliveryNo: 'DN-2026-0031', salesOrderId: ORDER_ID, orderNo: 'SO-2026-0102', customerId: uuid(400), customerName: '杭州茶香贸易', warehouseName: '总仓', status: 'posted', deliveryDate: '2026-11-25', promisedDate: null }],
        total: 1,
        totalIsExact: true,
      }),
      'deliveries.get': () => DELIVERY,
      'orders.get': () => ORDER,
    });
    const { user } = await render(<ReturnFormPage />, { path: '/returns/new' });
    await user.click(screen.getByTestId('return-delivery'));
    await user.click(await screen.findByRole('option', { name: 'DN-2026-0031 · SO-2026-0102 · 杭州茶香贸易' }));
    await screen.findByText('TEA01 西湖龙井');
    expect(backend.inputsOf('deliveries.list')[0]).toEqual({ status: 'posted', pageSize: 20 });
    expect(backend.inputsOf('deliveries.get')).toEqual([{ id: DELIVERY_ID }]);
  });
});
