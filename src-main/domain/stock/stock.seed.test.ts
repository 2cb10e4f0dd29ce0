import { describe, expect, it } from 'vitest';
import { ownerApi } from '../../db/test-db';
import { SeededRandom } from '../../seed/random';
import { runInvariantChecks } from '../checks/invariants';
import { STOCK_CHECKS } from './stock.checks';
import { seedStock } from './stock.seed';
import { aProduct } from './stock.test-helpers';

describe('the demo stock', () => {
  it('stocks the catalog through documents: opening balances, purchase orders in every state, a transfer and a posted count, with the books balanced', async () => {
    const api = await ownerApi();
    for (let i = 0; i < 12; i++) aProduct(api, { isSerialTracked: i === 5, standardCost: 1000 + i * 100 });
    const moves = await seedStock(api.backend.conn, { scale: 'small', random: new SeededRandom(7), staffIds: [], asOf: '2026-11-28' });
    const sqlite = api.backend.conn.sqlite;
    const count = (sql: string) => sqlite.prepare(sql).pluck().get() as number;
    expect(moves).toBe(count('SELECT count(*) FROM stock_moves'));
    expect(count('SELECT count(*) FROM warehouses')).toBe(2);
    expect(count('SELECT count(*) FROM suppliers')).toBe(6);
    expect(count("SELECT count(*) FROM stock_moves WHERE kind = 'opening'")).toBeGreaterThan(12);
    expect(count("SELECT count(*) FROM serial_numbers WHERE status = 'in_stock'")).toBeGreaterThan(0);
    const statuses = sqlite.prepare('SELECT DISTINCT status FROM purchase_orders ORDER BY status').pluck().all();
    expect(statuses).toEqual(['confirmed', 'draft', 'partly_received', 'received']);
    expect(count("SELECT count(*) FROM stock_moves WHERE kind = 'transfer_in'")).toBe(3);
    expect(count("SELECT count(*) FROM stock_counts WHERE status = 'posted'")).toBe(1);
    expect(count("SELECT count(*) FROM stock_moves WHERE kind = 'count_adjustment'")).toBe(2);
    expect(runInvariantChecks(sqlite, STOCK_CHECKS).filter((c) => !c.ok)).toEqual([]);
    // Run again, it leaves a stocked company alone.
    expect(await seedStock(api.backend.conn, { scale: 'small', random: new SeededRandom(7), staffIds: [], asOf: '2026-11-28' })).toBe(0);
  });
});
