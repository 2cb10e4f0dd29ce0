import { describe, expect, it } from 'vitest';
import { ownerApi } from '../../db/test-db';
import { addDays, businessDateIn } from '../core/dates';
import { aProduct, twoWarehouses } from '../stock/stock.test-helpers';

describe('the purchasing card on the workbench', () => {
  it('counts goods waiting to be bought, purchase orders to arrive and those past their expected date, as the lists they open show them', async () => {
    const api = await ownerApi();
    const today = businessDateIn('Asia/Shanghai');
    const { main } = await twoWarehouses(api);
    const supplierId = (await api.ok('purchasing.createSupplier', { code: 'S001', name: '华星电子有限公司' })).id;
    const [a, b] = [aProduct(api, { preferredSupplierId: supplierId }), aProduct(api, { preferredSupplierId: supplierId })];
    await api.ok('stock.saveRules', { rules: [a, b].map((productId) => ({ productId, warehouseId: main, safetyStock: 5, reorderPoint: 10, reorderQuantity: 20 })) });
    const order = (expectedDate: string, quantity: number) =>
      api.ok('purchasing.createOrder', { supplierId, warehouseId: main, orderDate: addDays(today, -10), expectedDate, lines: [{ productId: a, quantity, unitPrice: 1_000 }] });
    const late = await order(addDays(today, -1), 3);
    const coming = await order(addDays(today, 4), 2);
    await order(addDays(today, -2), 1); // a draft: not yet sent to the supplier, so not expected
    for (const po of [late, coming]) await api.ok('purchasing.confirmOrder', { id: po.id });

    const bench = await api.ok('workbench.cards', {});
    const card = bench.cards.find((c) => c.key === 'purchasing')!;
    expect(Object.fromEntries(card.figures.map((f) => [f.key, [f.count, f.amount]]))).toEqual({
      replenishmentOpen: [2, undefined],
      purchasesToArrive: [2, late.totalGross + coming.totalGross],
      latePurchases: [1, late.totalGross],
    });
    expect((await api.ok('purchasing.replenishment', {})).total).toBe(2);
    for (const key of ['purchasesToArrive', 'latePurchases']) {
      const figure = card.figures.find((f) => f.key === key)!;
      const list = await api.ok('purchasing.listOrders', { ...(figure.link!.filters as { openOnly: boolean }), pageSize: 50 });
      expect({ key, total: list.total, amount: list.rows.reduce((sum, o) => sum + o.totalGross, 0) }).toEqual({ key, total: figure.count, amount: figure.amount });
    }
    // A salesperson does not buy: the card is not theirs.
    expect((await (await api.as('sales')).ok('workbench.cards', {})).cards.map((c) => c.key)).not.toContain('purchasing');
  });
});
