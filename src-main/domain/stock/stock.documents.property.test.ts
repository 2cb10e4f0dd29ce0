import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ownerApi, type TestApi } from '../../db/test-db';
import { runInvariantChecks } from '../checks/invariants';
import { STOCK_CHECKS } from './stock.checks';
import { aProduct, levelOf } from './stock.test-helpers';

type Step =
  | { kind: 'receipt'; product: number; warehouse: number; quantity: number; cost: number }
  | { kind: 'transfer'; product: number; from: number; quantity: number }
  | { kind: 'count'; product: number; warehouse: number; counted: number }
  | { kind: 'scrap'; product: number; warehouse: number; quantity: number };

const product = fc.integer({ min: 0, max: 1 });
const warehouse = fc.integer({ min: 0, max: 1 });
const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ kind: fc.constant('receipt' as const), product, warehouse, quantity: fc.integer({ min: 1, max: 30 }), cost: fc.integer({ min: 0, max: 5000 }) }),
  fc.record({ kind: fc.constant('transfer' as const), product, from: warehouse, quantity: fc.integer({ min: 1, max: 25 }) }),
  fc.record({ kind: fc.constant('count' as const), product, warehouse, counted: fc.integer({ min: 0, max: 40 }) }),
  fc.record({ kind: fc.constant('scrap' as const), product, warehouse, quantity: fc.integer({ min: 1, max: 20 }) }),
);

async function apply(api: TestApi, s: Step, products: string[], warehouses: string[]) {
  switch (s.kind) {
    case 'receipt':
      return api.call('stock.createAdjustment', { warehouseId: warehouses[s.warehouse]!, kind: 'receipt', lines: [{ productId: products[s.product]!, quantity: s.quantity, unitCost: s.cost }] });
    case 'scrap':
      return api.call('stock.createAdjustment', { warehouseId: warehouses[s.warehouse]!, kind: 'scrap', lines: [{ productId: products[s.product]!, quantity: s.quantity }] });
    case 'transfer':
      return api.call('stock.createTransfer', { fromWarehouseId: warehouses[s.from]!, toWarehouseId: warehouses[1 - s.from]!, lines: [{ productId: products[s.product]!, quantity: s.quantity }] });
    case 'count': {
      const sheet = await api.ok('stock.openCount', { warehouseId: warehouses[s.warehouse]! });
      const line = sheet.lines.find((l) => l.productId === products[s.product]);
      await api.ok('stock.enterCounts', { id: sheet.id, lines: [line ? { lineId: line.id, countedQuantity: s.counted } : { productId: products[s.product]!, countedQuantity: s.counted }] });
      return api.call('stock.postCount', { id: sheet.id });
    }
  }
}

describe('stock documents, whatever their order', () => {
  it('keep on hand the sum of moves and reserved the open reservations, never let available go below zero, and raise one request per crossing', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 14 }), async (steps) => {
        const api = await ownerApi();
        const warehouses = [(await api.ok('stock.createWarehouse', { code: 'WH01', name: '总仓' })).id, (await api.ok('stock.createWarehouse', { code: 'WH02', name: '门店仓' })).id];
        const products = [aProduct(api), aProduct(api)];
        await api.ok('stock.saveRules', { rules: [{ productId: products[0]!, warehouseId: warehouses[0]!, safetyStock: 10, reorderPoint: 15, reorderQuantity: 20 }] });
        let crossings = 1; // available 0 is already below a new safety stock of 10
        const watched = async () => (await levelOf(api, products[0]!, warehouses[0]!))?.available ?? 0;
        for (const s of steps) {
          const before = await watched();
          const moves = api.backend.conn.sqlite.prepare('SELECT count(*) FROM stock_moves').pluck().get();
          const result = await apply(api, s, products, warehouses);
          if (!result.ok) {
            expect(result.error.code).toBe('INSUFFICIENT_STOCK');
            expect(api.backend.conn.sqlite.prepare('SELECT count(*) FROM stock_moves').pluck().get()).toBe(moves);
          }
          const after = await watched();
          if (before >= 10 && after < 10) crossings++;
          // Once stock is back, the request is handled, so the next crossing raises a new one.
          if (after >= 10) api.backend.conn.sqlite.prepare("UPDATE replenishment_requests SET status = 'dismissed', closed_at = '2026-01-01' WHERE status = 'open'").run();
        }
        expect(runInvariantChecks(api.backend.conn.sqlite, STOCK_CHECKS).filter((c) => !c.ok)).toEqual([]);
        const negative = api.backend.conn.sqlite.prepare('SELECT count(*) FROM stock_levels WHERE on_hand - reserved < 0').pluck().get();
        expect(negative).toBe(0);
        const requests = api.backend.conn.sqlite.prepare('SELECT count(*) FROM replenishment_requests WHERE product_id = ? AND warehouse_id = ?').pluck().get(products[0], warehouses[0]);
        expect(requests).toBe(crossings);
      }),
      { numRuns: 15 },
    );
  }, 120_000);

  it('refuses to change or remove a posted move even with raw SQL on the application connection', async () => {
    const api = await ownerApi();
    const warehouseId = (await api.ok('stock.createWarehouse', { code: 'WH01', name: '总仓' })).id;
    const productId = aProduct(api);
    await api.ok('stock.createAdjustment', { warehouseId, kind: 'receipt', lines: [{ productId, quantity: 5, unitCost: 100 }] });
    const sqlite = api.backend.conn.sqlite;
    const id = sqlite.prepare('SELECT id FROM stock_moves').pluck().get() as string;
    expect(() => sqlite.prepare('UPDATE stock_moves SET quantity = 50, value = 5000 WHERE id = ?').run(id)).toThrow(/append-only/);
    expect(() => sqlite.prepare('DELETE FROM stock_moves WHERE id = ?').run(id)).toThrow(/append-only/);
    expect(sqlite.prepare('SELECT quantity FROM stock_moves WHERE id = ?').pluck().get(id)).toBe(5);
  });
});
