import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { PurchaseOrderRow } from '../../../../src-main/domain/purchasing/purchasing.dto';
import { fakeBackend } from '../../../test-utils/fake-backend';
import { render } from '../../../test-utils/render';
import { OrdersTab } from './OrdersTab';

const anOrder = (n: number): PurchaseOrderRow => ({
  id: `0190a0b0-0000-7000-8000-${String(n).padStart(12, '0')}`,
  poNo: `PO-2026-00000${n}`,
  supplierId: '0190a0b0-0000-7000-8000-0000000000f1',
  supplierName: '华星电子',
  warehouseId: '0190a0b0-0000-7000-8000-0000000000e1',
  warehouseName: '总仓',
  status: 'confirmed',
  orderDate: '2026-11-20',
  expectedDate: null,
  taxInclusive: true,
  totalNet: 100_000,
  totalTax: 13_000,
  totalGross: 113_000,
  orderedQuantity: 10,
  receivedQuantity: 0,
  notes: null,
  createdAt: '2026-11-20T02:00:00.000Z',
});

describe('the purchase orders list', () => {
  it('counts its rows as purchase orders: 共 2 张采购单', async () => {
    fakeBackend({ 'purchasing.listOrders': () => ({ rows: [anOrder(1), anOrder(2)], total: 2, totalIsExact: true }) });
    await render(<OrdersTab />, { permissions: ['purchasing.read'] });
    expect((await screen.findByTestId('page-total')).textContent).toBe('共 2 张采购单');
  });

  it('opens as a workbench figure links to it, still to arrive and expected before a day, the late one in red, and the filters clear', async () => {
    const late = { ...anOrder(1), expectedDate: '2026-11-01' };
    const api = fakeBackend({ 'purchasing.listOrders': () => ({ rows: [late, { ...anOrder(2), expectedDate: '2099-01-01' }], total: 2, totalIsExact: true }) });
    const filters = { openOnly: true, expectedBefore: '2026-11-30' };
    const { user, router } = await render(<OrdersTab />, { path: '/purchasing', url: `/purchasing?f=${encodeURIComponent(JSON.stringify(filters))}`, permissions: ['purchasing.read'] });

    await waitFor(() => expect(api.inputsOf('purchasing.listOrders').at(-1)).toMatchObject(filters));
    expect((await screen.findAllByTestId('po-late')).map((e) => e.textContent)).toEqual(['2026-11-01']);
    expect(screen.getByTestId('po-expected-before').textContent).toContain('预计到货早于 2026-11-30');

    await user.click(screen.getByTestId('po-expected-before'));
    await waitFor(() => expect(api.inputsOf('purchasing.listOrders').at(-1)).not.toHaveProperty('expectedBefore'));
    expect(api.inputsOf('purchasing.listOrders').at(-1)).toMatchObject({ openOnly: true });
    await user.click(screen.getByTestId('po-open-only'));
    await waitFor(() => expect(api.inputsOf('purchasing.listOrders').at(-1)).not.toHaveProperty('openOnly'));
    expect(router.state.location.search).toBe('');
  });
});
