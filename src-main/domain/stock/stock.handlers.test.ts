import { describe, expect, it } from 'vitest';
import { ownerApi } from '../../db/test-db';
import { runInvariantChecks } from '../checks/invariants';
import { STOCK_CHECKS } from './stock.checks';
import { aProduct, levelOf, receive, twoWarehouses } from './stock.test-helpers';

describe('warehouses', () => {
  it('makes the first warehouse the default, moves the default on request, and keeps exactly one', async () => {
    const api = await ownerApi();
    const { main, branch } = await twoWarehouses(api);
    let list = await api.ok('stock.listWarehouses', {});
    expect(list.map((w) => [w.code, w.isDefault])).toEqual([
      ['WH01', true],
      ['WH02', false],
    ]);
    await api.ok('stock.updateWarehouse', { id: branch, isDefault: true });
    list = await api.ok('stock.listWarehouses', {});
    expect(list.filter((w) => w.isDefault).map((w) => w.id)).toEqual([branch]);
    const refused = await api.call('stock.updateWarehouse', { id: branch, isDefault: false });
    expect(refused).toMatchObject({ ok: false, error: { code: 'VALIDATION', issues: [{ path: 'isDefault', code: 'default_warehouse' }] } });
    expect(await api.call('stock.archiveWarehouse', { id: branch })).toMatchObject({ ok: false, error: { code: 'CONFLICT', issues: [{ code: 'default_warehouse' }] } });
    expect(await api.call('stock.createWarehouse', { code: 'wh01', name: '重复' })).toMatchObject({ ok: false, error: { issues: [{ path: 'code', code: 'taken' }] } });
    expect((await api.ok('stock.archiveWarehouse', { id: main })).status).toBe('archived');
  });

  it('refuses to archive a warehouse that still holds stock', async () => {
    const api = await ownerApi();
    const { branch } = await twoWarehouses(api);
    await receive(api, branch, aProduct(api), 3, 500);
    expect(await api.call('stock.archiveWarehouse', { id: branch })).toMatchObject({ ok: false, error: { code: 'CONFLICT', issues: [{ code: 'has_stock', params: { onHand: 3, reserved: 0 } }] } });
  });

  it('lets the warehouse role keep stock but not change the negative-stock setting, and every role read it', async () => {
    const api = await ownerApi();
    const warehouse = await api.as('warehouse');
    expect((await warehouse.call('stock.createWarehouse', { code: 'WH01', name: '总仓' })).ok).toBe(true);
    expect(await warehouse.call('stock.updateSettings', { allowNegative: true })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const sales = await api.as('sales');
    expect(await sales.call('stock.createWarehouse', { code: 'WH09', name: '门店' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect((await sales.call('stock.overview', {})).ok).toBe(true);
  });
});

describe('stock adjustments', () => {
  it('numbers adjustments ADJ-year-n, brings goods in at their cost and moves the average', async () => {
    const api = await ownerApi();
    const { main } = await twoWarehouses(api);
    const product = aProduct(api);
    const first = await receive(api, main, product, 10, 1000);
    const second = await receive(api, main, product, 30, 1400);
    expect([first.adjustmentNo, second.adjustmentNo]).toEqual(['ADJ-2026-000001', 'ADJ-2026-000002']);
    // (10 × 10.00 + 30 × 14.00) / 40 = 13.00
    expect(await levelOf(api, product, main)).toMatchObject({ onHand: 40, available: 40, avgCost: 1300, stockValue: 52000 });
    expect(second).toMatchObject({ kind: 'receipt', totalQuantity: 30, totalValue: 42000, lines: [{ quantity: 30, unitCost: 1400, value: 42000 }] });
  });

  it('scraps at the moving average and refuses to scrap more than is available, changing nothing', async () => {
    const api = await ownerApi();
    const { main } = await twoWarehouses(api);
    const product = aProduct(api);
    await receive(api, main, product, 4, 250);
    const scrap = await api.ok('stock.createAdjustment', { warehouseId: main, kind: 'scrap', lines: [{ productId: product, quantity: 1, note: '破损' }] });
    expect(scrap.lines[0]).toMatchObject({ unitCost: 250, value: 250, note: '破损' });
    const refused = await api.call('stock.createAdjustment', { warehouseId: main, kind: 'scrap', lines: [{ productId: product, quantity: 1 }, { productId: product, quantity: 9 }] });
    expect(refused).toMatchObject({ ok: false, error: { code: 'INSUFFICIENT_STOCK', issues: [{ path: 'lines.1.quantity', code: 'out_of_range', params: { max: 2 } }] } });
    expect(await levelOf(api, product, main)).toMatchObject({ onHand: 3, stockValue: 750 });
    expect((await api.ok('stock.listAdjustments', {})).total).toBe(2);
  });

  it('needs a cost for goods coming in, and refuses a product that is not kept in stock', async () => {
    const api = await ownerApi();
    const { main } = await twoWarehouses(api);
    const service = aProduct(api, { isStocked: false, code: 'FW001' });
    const result = await api.call('stock.createAdjustment', { warehouseId: main, kind: 'opening', lines: [{ productId: aProduct(api), quantity: 1 }, { productId: service, quantity: 1, unitCost: 5 }] });
    expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION', issues: [{ path: 'lines.1.productId', code: 'not_stocked', params: { code: 'FW001' } }] } });
    const noCost = await api.call('stock.createAdjustment', { warehouseId: main, kind: 'opening', lines: [{ productId: aProduct(api), quantity: 1 }] });
    expect(noCost).toMatchObject({ ok: false, error: { issues: [{ path: 'lines.0.unitCost', code: 'required' }] } });
  });
});

describe('negative stock', () => {
  it('is refused with INSUFFICIENT_STOCK by default and allowed once the owner turns the setting on', async () => {
    const api = await ownerApi();
    const { main } = await twoWarehouses(api);
    const product = aProduct(api);
    await receive(api, main, product, 2, 100);
    const issue = { warehouseId: main, kind: 'service_issue' as const, lines: [{ productId: product, quantity: 5 }] };
    expect(await api.call('stock.createAdjustment', issue)).toMatchObject({ ok: false, error: { code: 'INSUFFICIENT_STOCK' } });
    expect((await api.ok('stock.updateSettings', { allowNegative: true })).allowNegative).toBe(true);
    await api.ok('stock.createAdjustment', issue);
    expect(await levelOf(api, product, main)).toMatchObject({ onHand: -3, available: -3 });
    // The books cannot go back to refusing what they already hold.
    expect(await api.call('stock.updateSettings', { allowNegative: false })).toMatchObject({ ok: false, error: { code: 'CONFLICT', issues: [{ code: 'negative_stock' }] } });
    await receive(api, main, product, 3, 100);
    expect((await api.ok('stock.updateSettings', { allowNegative: false })).allowNegative).toBe(false);
    expect(runInvariantChecks(api.backend.conn.sqlite, STOCK_CHECKS).filter((c) => !c.ok)).toEqual([]);
  });
});

describe('transfers', () => {
  it('moves goods between warehouses at the moving average, two moves per line, numbered TR-year-n', async () => {
    const api = await ownerApi();
    const { main, branch } = await twoWarehouses(api);
    const product = aProduct(api);
    await receive(api, main, product, 10, 1000);
    await receive(api, main, product, 10, 2000);
    const transfer = await api.ok('stock.createTransfer', { fromWarehouseId: main, toWarehouseId: branch, transferDate: '2026-03-05', lines: [{ productId: product, quantity: 4 }] });
    expect(transfer).toMatchObject({ transferNo: 'TR-2026-000001', status: 'posted', lines: [{ quantity: 4, unitCost: 1500 }] });
    expect(await levelOf(api, product, main)).toMatchObject({ onHand: 16, avgCost: 1500, stockValue: 24000 });
    expect(await levelOf(api, product, branch)).toMatchObject({ onHand: 4, avgCost: 1500, stockValue: 6000 });
    const moves = await api.ok('stock.moves', { document: { type: 'stock_transfer', id: transfer.id } });
    expect(moves.rows.map((m) => [m.kind, m.quantity, m.unitCost]).sort()).toEqual([
      ['transfer_in', 4, 1500],
      ['transfer_out', -4, 1500],
    ]);
  });

  it('refuses a transfer into the warehouse it leaves and one larger than what is available', async () => {
    const api = await ownerApi();
    const { main, branch } = await twoWarehouses(api);
    const product = aProduct(api);
    await receive(api, main, product, 1, 1000);
    expect(await api.call('stock.createTransfer', { fromWarehouseId: main, toWarehouseId: main, lines: [{ productId: product, quantity: 1 }] })).toMatchObject({
      ok: false,
      error: { issues: [{ path: 'toWarehouseId', code: 'same_warehouse' }] },
    });
    expect(await api.call('stock.createTransfer', { fromWarehouseId: main, toWarehouseId: branch, lines: [{ productId: product, quantity: 2 }] })).toMatchObject({
      ok: false,
      error: { code: 'INSUFFICIENT_STOCK', issues: [{ path: 'lines.0.quantity' }] },
    });
    expect((await api.ok('stock.listTransfers', {})).total).toBe(0);
  });
});
