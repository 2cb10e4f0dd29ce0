import { describe, expect, it } from 'vitest';
import { ownerApi, type TestApi } from '../../db/test-db';
import { runInvariantChecks } from '../checks/invariants';
import { STOCK_CHECKS } from '../stock/stock.checks';
import { aProduct, levelOf, twoWarehouses } from '../stock/stock.test-helpers';
import { earliestIncomingDate } from './purchasing.orders';

async function aSupplier(api: TestApi, code = 'S001', name = '华星电子有限公司', leadTimeDays = 5) {
  return (await api.ok('purchasing.createSupplier', { code, name, leadTimeDays })).id;
}

describe('suppliers', () => {
  it('finds a supplier by code, name, full pinyin and initials, and refuses a code already taken', async () => {
    const api = await ownerApi();
    await aSupplier(api, 'S001', '华星电子有限公司');
    await aSupplier(api, 'S002', '南京博雅食品');
    for (const q of ['s001', '华星', 'huaxing', 'hxdz']) {
      expect((await api.ok('purchasing.listSuppliers', { q })).rows.map((s) => s.code)).toEqual(['S001']);
    }
    expect((await api.ok('purchasing.listSuppliers', {})).total).toBe(2);
    expect(await api.call('purchasing.createSupplier', { code: 's002', name: '重复' })).toMatchObject({ ok: false, error: { code: 'VALIDATION', issues: [{ path: 'code', code: 'taken' }] } });
    expect(await api.call('purchasing.createSupplier', { code: 'S003', name: '坏手机', mobile: '123' })).toMatchObject({ ok: false, error: { issues: [{ path: 'mobile', code: 'invalid_mobile' }] } });
  });

  it('keeps purchasing away from the sales role', async () => {
    const api = await ownerApi();
    const sales = await api.as('sales');
    expect(await sales.call('purchasing.listSuppliers', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});

describe('purchase orders', () => {
  it('numbers a draft PO-year-n, taxes each line at the product rate with tax-inclusive prices, and sums the rounded lines', async () => {
    const api = await ownerApi();
    const { main } = await twoWarehouses(api);
    const supplierId = await aSupplier(api);
    const a = aProduct(api, { vatRate: 1300 });
    const b = aProduct(api, { vatRate: 900 });
    const order = await api.ok('purchasing.createOrder', {
      supplierId,
      warehouseId: main,
      orderDate: '2026-03-01',
      lines: [
        { productId: a, quantity: 3, unitPrice: 1000 },
        { productId: b, quantity: 7, unitPrice: 333 },
      ],
    });
    expect(order).toMatchObject({ poNo: 'PO-2026-000001', status: 'draft', taxInclusive: true });
    // 3000 含税 at 13 % → net 2655 (2654.87), tax 345; 2331 at 9 % → net 2139 (2138.53), tax 192.
    expect(order.lines.map((l) => [l.net, l.tax, l.gross])).toEqual([
      [2655, 345, 3000],
      [2139, 192, 2331],
    ]);
    expect([order.totalNet, order.totalTax, order.totalGross]).toEqual([4794, 537, 5331]);
  });

  it('refuses to receive a draft, receives in part at the tax-exclusive cost, then in full, and cannot be cancelled once goods arrived', async () => {
    const api = await ownerApi();
    const { main } = await twoWarehouses(api);
    const supplierId = await aSupplier(api);
    const product = aProduct(api, { vatRate: 1300 });
    const order = await api.ok('purchasing.createOrder', { supplierId, warehouseId: main, taxInclusive: false, orderDate: '2026-03-01', lines: [{ productId: product, quantity: 10, unitPrice: 1200 }] });
    const lineId = order.lines[0]!.id;
    expect(await api.call('purchasing.receive', { id: order.id, lines: [{ lineId, quantity: 1 }] })).toMatchObject({ ok: false, error: { code: 'CONFLICT', issues: [{ code: 'invalid_transition' }] } });
    await api.ok('purchasing.confirmOrder', { id: order.id });

    const over = await api.call('purchasing.receive', { id: order.id, lines: [{ lineId, quantity: 11 }] });
    expect(over).toMatchObject({ ok: false, error: { code: 'VALIDATION', issues: [{ path: 'lines.0.quantity', code: 'out_of_range', params: { max: 10 } }] } });
    expect((await levelOf(api, product, main))?.onHand ?? 0).toBe(0);

    const partly = await api.ok('purchasing.receive', { id: order.id, receiptDate: '2026-03-05', lines: [{ lineId, quantity: 4 }] });
    expect(partly).toMatchObject({ status: 'partly_received', receivedQuantity: 4, receipts: [{ receiptNo: 'GR-2026-000001', quantity: 4, value: 4800 }] });
    expect(await levelOf(api, product, main)).toMatchObject({ onHand: 4, avgCost: 1200 });
    expect(await api.call('purchasing.cancelOrder', { id: order.id })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });

    const full = await api.ok('purchasing.receive', { id: order.id, receiptDate: '2026-03-06', lines: [{ lineId, quantity: 6 }] });
    expect(full.status).toBe('received');
    const moves = await api.ok('stock.moves', { productId: product });
    expect(moves.rows.map((m) => [m.kind, m.quantity, m.unitCost, m.documentNo])).toEqual([
      ['receipt', 6, 1200, 'GR-2026-000002'],
      ['receipt', 4, 1200, 'GR-2026-000001'],
    ]);
    expect(runInvariantChecks(api.backend.conn.sqlite, STOCK_CHECKS).filter((c) => !c.ok)).toEqual([]);
  });

  it('records the serials of serial-tracked goods as they are received', async () => {
    const api = await ownerApi();
    const { main } = await twoWarehouses(api);
    const supplierId = await aSupplier(api);
    const product = aProduct(api, { isSerialTracked: true });
    const order = await api.ok('purchasing.createOrder', { supplierId, warehouseId: main, lines: [{ productId: product, quantity: 2, unitPrice: 50000 }] });
    await api.ok('purchasing.confirmOrder', { id: order.id });
    const lineId = order.lines[0]!.id;
    expect(await api.call('purchasing.receive', { id: order.id, lines: [{ lineId, quantity: 2, serials: ['SN1'] }] })).toMatchObject({
      ok: false,
      error: { issues: [{ path: 'lines.0.serials', code: 'serial_count' }] },
    });
    await api.ok('purchasing.receive', { id: order.id, lines: [{ lineId, quantity: 2, serials: ['SN1', 'SN2'] }] });
    const serials = await api.ok('stock.serials', { productId: product });
    expect(serials.rows.map((s) => [s.serial, s.status]).sort()).toEqual([
      ['SN1', 'in_stock'],
      ['SN2', 'in_stock'],
    ]);
  });

  it('gives the earliest date goods are due: the line date, the order date, or the order date plus the lead time', async () => {
    const api = await ownerApi();
    const { main, branch } = await twoWarehouses(api);
    const supplierId = await aSupplier(api, 'S001', '华星电子', 10);
    const product = aProduct(api);
    const db = api.backend.conn.db;
    expect(await earliestIncomingDate(db, product)).toBeNull();
    const draft = await api.ok('purchasing.createOrder', { supplierId, warehouseId: main, orderDate: '2026-03-01', lines: [{ productId: product, quantity: 5, unitPrice: 100 }] });
    expect(await earliestIncomingDate(db, product)).toBeNull();
    await api.ok('purchasing.confirmOrder', { id: draft.id });
    expect(await earliestIncomingDate(db, product)).toBe('2026-03-11');
    const dated = await api.ok('purchasing.createOrder', {
      supplierId,
      warehouseId: branch,
      orderDate: '2026-03-01',
      expectedDate: '2026-03-20',
      lines: [{ productId: product, quantity: 5, unitPrice: 100, expectedDate: '2026-03-04' }],
    });
    await api.ok('purchasing.confirmOrder', { id: dated.id });
    expect(await earliestIncomingDate(db, product)).toBe('2026-03-04');
    expect(await earliestIncomingDate(db, product, main)).toBe('2026-03-11');
    expect(await api.ok('purchasing.earliestIncoming', { productId: product, warehouseId: branch })).toEqual({ date: '2026-03-04' });
    await api.ok('purchasing.receive', { id: dated.id, lines: [{ lineId: dated.lines[0]!.id, quantity: 5 }] });
    expect(await earliestIncomingDate(db, product)).toBe('2026-03-11');
  });
});

describe('replenishment', () => {
  it('turns open requests into one draft order per preferred supplier, and receiving the goods closes them', async () => {
    const api = await ownerApi();
    const { main } = await twoWarehouses(api);
    const huaxing = await aSupplier(api, 'S001', '华星电子');
    const boya = await aSupplier(api, 'S002', '博雅贸易');
    const a = aProduct(api, { preferredSupplierId: huaxing, standardCost: 800 });
    const b = aProduct(api, { preferredSupplierId: huaxing, standardCost: 500 });
    const c = aProduct(api, { preferredSupplierId: boya, standardCost: 300 });
    const orphan = aProduct(api);
    const rules = [a, b, c, orphan].map((productId) => ({ productId, warehouseId: main, safetyStock: 5, reorderPoint: 10, reorderQuantity: 20 }));
    await api.ok('stock.saveRules', { rules });
    const open = await api.ok('purchasing.replenishment', {});
    expect(open.total).toBe(4);
    expect(open.rows.map((r) => r.supplierName)).toEqual(['博雅贸易', '华星电子', '华星电子', null]);
    expect(open.rows[0]).toMatchObject({ suggestedQuantity: 20, available: 0, safetyStock: 5, reorderPoint: 10, unitCost: 300 });

    const byId = new Map(open.rows.map((r) => [r.productId, r.id]));
    const refused = await api.call('purchasing.orderReplenishment', { requests: [{ id: byId.get(a)! }, { id: byId.get(orphan)! }] });
    expect(refused).toMatchObject({ ok: false, error: { code: 'VALIDATION', issues: [{ path: 'requests.1.supplierId', code: 'required' }] } });
    expect((await api.ok('purchasing.listOrders', {})).total).toBe(0);

    const made = await api.ok('purchasing.orderReplenishment', { requests: [{ id: byId.get(a)! }, { id: byId.get(b)!, quantity: 30 }, { id: byId.get(c)! }] });
    expect(made.map((o) => [o.supplierName, o.orderedQuantity, o.status]).sort()).toEqual([
      ['华星电子', 50, 'draft'],
      ['博雅贸易', 20, 'draft'],
    ].sort());
    expect((await api.ok('purchasing.replenishment', {})).rows.map((r) => r.productId)).toEqual([orphan]);
    expect(await api.call('purchasing.orderReplenishment', { requests: [{ id: byId.get(a)! }] })).toMatchObject({ ok: false, error: { issues: [{ code: 'invalid_transition' }] } });

    const huaxingOrder = made.find((o) => o.supplierName === '华星电子')!;
    await api.ok('purchasing.confirmOrder', { id: huaxingOrder.id });
    const full = await api.ok('purchasing.getOrder', { id: huaxingOrder.id });
    await api.ok('purchasing.receive', { id: full.id, lines: full.lines.map((l) => ({ lineId: l.id, quantity: l.quantity })) });
    const closed = api.backend.conn.sqlite.prepare('SELECT product_id, status, closed_at IS NOT NULL AS closed FROM replenishment_requests WHERE purchase_order_id = ?').all(full.id);
    expect(closed).toHaveLength(2);
    expect(closed).toEqual(expect.arrayContaining([{ product_id: a, status: 'ordered', closed: 1 }, { product_id: b, status: 'ordered', closed: 1 }]));

    // Cancelling the other order opens its request again; dismissing it takes it off the list.
    const boyaOrder = made.find((o) => o.supplierName === '博雅贸易')!;
    await api.ok('purchasing.cancelOrder', { id: boyaOrder.id });
    const again = (await api.ok('purchasing.replenishment', {})).rows;
    expect(again.map((r) => r.productId).sort()).toEqual([c, orphan].sort());
    await api.ok('purchasing.dismissRequest', { id: byId.get(orphan)! });
    expect((await api.ok('purchasing.replenishment', {})).rows.map((r) => r.productId)).toEqual([c]);
  });
});

describe('purchasing exports', () => {
  it('writes the purchase orders and the suppliers a list query matches, totals in yuan', async () => {
    const api = await ownerApi();
    const { main } = await twoWarehouses(api);
    const supplierId = await aSupplier(api, 'S001', '华星电子', 5);
    await aSupplier(api, 'S002', '博雅贸易', 3);
    const order = await api.ok('purchasing.createOrder', { supplierId, warehouseId: main, orderDate: '2026-03-01', lines: [{ productId: aProduct(api), quantity: 3, unitPrice: 1000 }] });
    await api.ok('purchasing.confirmOrder', { id: order.id });
    const orders = Buffer.from((await api.ok('exports.purchaseOrders', { format: 'csv', status: 'confirmed' })).content).toString('utf8').slice(1).split('\r\n');
    expect(orders[0]).toBe('po_no,order_date,supplier,warehouse,status,expected_date,ordered_quantity,received_quantity,total_net,total_tax,total_gross');
    expect(orders[1]).toBe('PO-2026-000001,2026-03-01,华星电子,总仓,confirmed,,3,0,26.55,3.45,30.00');
    expect(await api.ok('exports.purchaseOrders', { format: 'csv', status: 'draft' })).toMatchObject({ rows: 0 });
    const suppliers = await api.ok('exports.suppliers', { format: 'csv', language: 'zh-CN', q: 'hxdz' });
    expect(suppliers).toMatchObject({ rows: 1, fileName: expect.stringMatching(/^供应商-/) });
    const sales = await api.as('sales');
    expect(await sales.call('exports.suppliers', { format: 'csv' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});
