import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../api/errors';
import { openDatabase } from '../../db/connection';
import { migrate } from '../../db/migrate';
import type { Sqlite } from '../../db/connection';
import { runInvariantChecks } from '../checks/invariants';
import { postMove, readLevel } from './stock.ledger';
import { releaseReservations, reserveStock } from './stock.reservations';
import { STOCK_CHECKS } from './stock.checks';

const NOW = '2026-11-28T08:00:00.000Z';
const DATE = '2026-11-28';

/** Two products in two warehouses, with a replenishment rule (safety stock 10) on P1 in W1. */
function stockBooks(): Sqlite {
  const { sqlite } = openDatabase(':memory:');
  migrate(sqlite);
  for (const p of ['P1', 'P2']) sqlite.prepare("INSERT INTO products (id, code, name, name_pinyin, unit, created_at, updated_at) VALUES (?, ?, ?, ?, '个', ?, ?)").run(p, p, p, p, NOW, NOW);
  for (const w of ['W1', 'W2']) sqlite.prepare('INSERT INTO warehouses (id, code, name, created_at, updated_at) VALUES (?, ?, ?, ?, ?)').run(w, w, w, NOW, NOW);
  sqlite.prepare("INSERT INTO replenishment_rules (product_id, warehouse_id, safety_stock, reorder_point, reorder_quantity, updated_at) VALUES ('P1', 'W1', 10, 20, 30, ?)").run(NOW);
  return sqlite;
}

const doc = (n: number, line = 'l1') => ({ type: 'test', id: `d${n}`, no: `T-${n}`, lineId: `${n}-${line}` });

describe('the stock ledger', () => {
  it('keeps the moving average: goods leave at the average, the value is the exact sum of moves', () => {
    const sqlite = stockBooks();
    postMove(sqlite, { productId: 'P1', warehouseId: 'W1', kind: 'receipt', quantity: 10, unitCost: 1000, moveDate: DATE, document: doc(1), userId: null });
    postMove(sqlite, { productId: 'P1', warehouseId: 'W1', kind: 'receipt', quantity: 20, unitCost: 1300, moveDate: DATE, document: doc(2), userId: null });
    // (10 × 10.00 + 20 × 13.00) / 30 = 12.00
    expect(readLevel(sqlite, 'P1', 'W1')).toMatchObject({ onHand: 30, avgCost: 1200, stockValue: 36000 });
    const sold = postMove(sqlite, { productId: 'P1', warehouseId: 'W1', kind: 'delivery', quantity: -5, moveDate: DATE, document: doc(3), userId: null });
    expect(sold).toMatchObject({ unitCost: 1200, value: -6000 });
    expect(readLevel(sqlite, 'P1', 'W1')).toMatchObject({ onHand: 25, avgCost: 1200, stockValue: 30000 });
  });

  it('adds a second reservation of a line to its open one, and a released line starts a new one', () => {
    const sqlite = stockBooks();
    postMove(sqlite, { productId: 'P2', warehouseId: 'W1', kind: 'receipt', quantity: 10, unitCost: 100, moveDate: DATE, document: doc(1), userId: null });
    reserveStock(sqlite, { productId: 'P2', warehouseId: 'W1', quantity: 3, document: doc(2) });
    reserveStock(sqlite, { productId: 'P2', warehouseId: 'W1', quantity: 4, document: doc(2) });
    const rows = () => sqlite.prepare("SELECT quantity, status FROM stock_reservations WHERE document_line_id = '2-l1' ORDER BY status, quantity").all();
    expect(rows()).toEqual([{ quantity: 7, status: 'open' }]);
    expect(readLevel(sqlite, 'P2', 'W1')).toMatchObject({ onHand: 10, reserved: 7, available: 3 });

    releaseReservations(sqlite, { type: 'test', id: 'd2', lineId: '2-l1' });
    reserveStock(sqlite, { productId: 'P2', warehouseId: 'W1', quantity: 2, document: doc(2) });
    expect(rows()).toEqual([
      { quantity: 2, status: 'open' },
      { quantity: 0, status: 'released' },
    ]);
    expect(readLevel(sqlite, 'P2', 'W1')).toMatchObject({ reserved: 2, available: 8 });
  });

  it('refuses to send more than is available with INSUFFICIENT_STOCK, naming the field, and changes nothing', () => {
    const sqlite = stockBooks();
    postMove(sqlite, { productId: 'P2', warehouseId: 'W1', kind: 'receipt', quantity: 5, unitCost: 100, moveDate: DATE, document: doc(1), userId: null });
    reserveStock(sqlite, { productId: 'P2', warehouseId: 'W1', quantity: 3, document: doc(2) });
    let error: unknown;
    try {
      postMove(sqlite, { productId: 'P2', warehouseId: 'W1', kind: 'delivery', quantity: -3, moveDate: DATE, document: doc(3), userId: null, issuePath: 'lines.0.quantity' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('INSUFFICIENT_STOCK');
    expect((error as AppError).issues).toEqual([expect.objectContaining({ path: 'lines.0.quantity', code: 'out_of_range', params: { min: 1, max: 2 } })]);
    // The reserved units go out with their own order line.
    postMove(sqlite, { productId: 'P2', warehouseId: 'W1', kind: 'delivery', quantity: -3, moveDate: DATE, document: doc(2), userId: null, fromReservation: { documentType: 'test', documentLineId: '2-l1' } });
    expect(readLevel(sqlite, 'P2', 'W1')).toMatchObject({ onHand: 2, reserved: 0, available: 2 });
  });

  it('cannot be changed or deleted, even with raw SQL through the app’s connection', () => {
    const sqlite = stockBooks();
    const move = postMove(sqlite, { productId: 'P1', warehouseId: 'W1', kind: 'opening', quantity: 1, unitCost: 5, moveDate: DATE, document: doc(1), userId: null });
    expect(() => sqlite.prepare('UPDATE stock_moves SET quantity = 2 WHERE id = ?').run(move.id)).toThrow(/append-only/);
    expect(() => sqlite.prepare('DELETE FROM stock_moves WHERE id = ?').run(move.id)).toThrow(/append-only/);
  });

  type Step =
    | { kind: 'receive'; product: string; warehouse: string; quantity: number; cost: number }
    | { kind: 'order'; product: string; warehouse: string; quantity: number }
    | { kind: 'deliver'; order: number; quantity: number }
    | { kind: 'cancel'; order: number }
    | { kind: 'return'; product: string; warehouse: string; quantity: number }
    | { kind: 'transfer'; product: string; quantity: number }
    | { kind: 'count'; product: string; warehouse: string; counted: number };

  const product = fc.constantFrom('P1', 'P2');
  const warehouse = fc.constantFrom('W1', 'W2');
  const step: fc.Arbitrary<Step> = fc.oneof(
    fc.record({ kind: fc.constant('receive' as const), product, warehouse, quantity: fc.integer({ min: 1, max: 40 }), cost: fc.integer({ min: 0, max: 5000 }) }),
    fc.record({ kind: fc.constant('order' as const), product, warehouse, quantity: fc.integer({ min: 1, max: 30 }) }),
    fc.record({ kind: fc.constant('deliver' as const), order: fc.nat(20), quantity: fc.integer({ min: 1, max: 30 }) }),
    fc.record({ kind: fc.constant('cancel' as const), order: fc.nat(20) }),
    fc.record({ kind: fc.constant('return' as const), product, warehouse, quantity: fc.integer({ min: 1, max: 10 }) }),
    fc.record({ kind: fc.constant('transfer' as const), product, quantity: fc.integer({ min: 1, max: 20 }) }),
    fc.record({ kind: fc.constant('count' as const), product, warehouse, counted: fc.integer({ min: 0, max: 60 }) }),
  );

  it('for any sequence of receipts, orders, deliveries, cancellations, returns, transfers and counts: on hand is the sum of moves, reserved the open reservations, available never below zero, one request per crossing', () => {
    fc.assert(
      fc.property(fc.array(step, { minLength: 1, maxLength: 60 }), (steps) => {
        const sqlite = stockBooks();
        const orders: { product: string; warehouse: string; line: ReturnType<typeof doc>; open: boolean }[] = [];
        let crossings = 0;
        const p1w1 = () => readLevel(sqlite, 'P1', 'W1').available;
        steps.forEach((s, n) => {
          const before = p1w1();
          // Each step is its own transaction, as through dispatch: a refusal changes nothing.
          sqlite.exec('SAVEPOINT step');
          try {
            switch (s.kind) {
              case 'receive':
                postMove(sqlite, { productId: s.product, warehouseId: s.warehouse, kind: 'receipt', quantity: s.quantity, unitCost: s.cost, moveDate: DATE, document: doc(n), userId: null });
                break;
              case 'order': {
                const line = doc(n);
                reserveStock(sqlite, { productId: s.product, warehouseId: s.warehouse, quantity: s.quantity, document: line });
                orders.push({ product: s.product, warehouse: s.warehouse, line, open: true });
                break;
              }
              case 'deliver': {
                const order = orders[s.order % Math.max(1, orders.length)];
                if (!order?.open) break;
                const held = (sqlite.prepare("SELECT coalesce(sum(quantity), 0) FROM stock_reservations WHERE document_line_id = ? AND status = 'open'").pluck().get(order.line.lineId) as number) || 0;
                const quantity = Math.min(s.quantity, held);
                if (quantity === 0) break;
                postMove(sqlite, {
                  productId: order.product,
                  warehouseId: order.warehouse,
                  kind: 'delivery',
                  quantity: -quantity,
                  moveDate: DATE,
                  document: order.line,
                  userId: null,
                  fromReservation: { documentType: 'test', documentLineId: order.line.lineId },
                });
                break;
              }
              case 'cancel': {
                const order = orders[s.order % Math.max(1, orders.length)];
                if (!order?.open) break;
                releaseReservations(sqlite, { type: 'test', id: order.line.id });
                order.open = false;
                break;
              }
              case 'return':
                postMove(sqlite, { productId: s.product, warehouseId: s.warehouse, kind: 'return', quantity: s.quantity, unitCost: readLevel(sqlite, s.product, s.warehouse).avgCost, moveDate: DATE, document: doc(n), userId: null });
                break;
              case 'transfer': {
                const out = postMove(sqlite, { productId: s.product, warehouseId: 'W1', kind: 'transfer_out', quantity: -s.quantity, moveDate: DATE, document: doc(n), userId: null });
                postMove(sqlite, { productId: s.product, warehouseId: 'W2', kind: 'transfer_in', quantity: s.quantity, unitCost: out.unitCost, moveDate: DATE, document: doc(n), userId: null });
                break;
              }
              case 'count': {
                const level = readLevel(sqlite, s.product, s.warehouse);
                const difference = s.counted - level.onHand;
                if (difference !== 0) {
                  postMove(sqlite, {
                    productId: s.product,
                    warehouseId: s.warehouse,
                    kind: 'count_adjustment',
                    quantity: difference,
                    ...(difference > 0 ? { unitCost: level.avgCost } : {}),
                    moveDate: DATE,
                    document: doc(n),
                    userId: null,
                  });
                }
                break;
              }
            }
            sqlite.exec('RELEASE step');
          } catch (error) {
            sqlite.exec('ROLLBACK TO step');
            sqlite.exec('RELEASE step');
            if (!(error instanceof AppError) || error.code !== 'INSUFFICIENT_STOCK') throw error;
          }
          const after = p1w1();
          if (before >= 10 && after < 10) crossings++;
          // Once the request is handled, the next crossing raises a new one.
          if (after >= 10) sqlite.prepare("UPDATE replenishment_requests SET status = 'ordered', closed_at = ? WHERE status = 'open'").run(NOW);
        });
        expect(runInvariantChecks(sqlite, STOCK_CHECKS).filter((c) => !c.ok)).toEqual([]);
        const requests = sqlite.prepare("SELECT count(*) FROM replenishment_requests WHERE product_id = 'P1' AND warehouse_id = 'W1'").pluck().get();
        expect(requests).toBe(crossings);
      }),
      { numRuns: 150 },
    );
  }, 180_000);
});
