import { describe, expect, it } from 'vitest';
import { acrossMigration, insertOldCustomer, insertOldUser } from '../../db/migration-test-db';

const NOW = '2026-11-28T08:00:00.000Z';

/** Migrations 0005–0007 (catalog, stock and purchasing, sales) on a database that has customers. */
function databaseAtSales() {
  const { sqlite } = acrossMigration(
    'catalog',
    (old) => {
      insertOldUser(old, { username: 'boss', displayName: '老板', role: 'owner' }, NOW);
      insertOldCustomer(old, NOW);
    },
    { to: 'latest' },
  );
  sqlite.prepare("INSERT INTO products (id, code, name, name_pinyin, unit, created_at, updated_at) VALUES ('p1', 'P0001', '矿泉水', 'kuangquanshui', '瓶', ?, ?)").run(NOW, NOW);
  sqlite.prepare("INSERT INTO warehouses (id, code, name, is_default, created_at, updated_at) VALUES ('w1', 'WH01', '总仓', 1, ?, ?)").run(NOW, NOW);
  return sqlite;
}

const move = (id: string, quantity: number, unitCost: number, value = quantity * unitCost, reverses: string | null = null) =>
  [id, '2026-11-28', 'p1', 'w1', quantity > 0 ? 'receipt' : 'delivery', quantity, unitCost, value, 'test', 'd1', 'T-1', reverses, NOW];
const INSERT_MOVE =
  'INSERT INTO stock_moves (id, move_date, product_id, warehouse_id, kind, quantity, unit_cost, value, document_type, document_id, document_no, reverses_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)';

describe('migrations 0005–0007: catalog, stock, sales', () => {
  it('keep the customers the database had and add the new tables empty', () => {
    const sqlite = databaseAtSales();
    expect(sqlite.prepare('SELECT name FROM customers').pluck().all()).toEqual(['南京博雅食品有限公司']);
    for (const table of ['sales_orders', 'quotes', 'deliveries', 'purchase_orders', 'credit_note_requests']) {
      expect({ table, rows: sqlite.prepare(`SELECT count(*) FROM ${table}`).pluck().get() }).toEqual({ table, rows: 0 });
    }
  });

  it('keep the stock ledger append-only, its value exact, and a reversal once', () => {
    const sqlite = databaseAtSales();
    const insert = sqlite.prepare(INSERT_MOVE);
    insert.run(...move('m1', 10, 150));
    expect(() => insert.run(...move('m2', 5, 150, 749))).toThrow(/CHECK constraint failed/);
    expect(() => sqlite.prepare("UPDATE stock_moves SET quantity = 11 WHERE id = 'm1'").run()).toThrow(/append-only/);
    expect(() => sqlite.prepare("DELETE FROM stock_moves WHERE id = 'm1'").run()).toThrow(/append-only/);
    insert.run(...move('m1r', -10, 150, -1500, 'm1'));
    expect(() => insert.run(...move('m1r2', -10, 150, -1500, 'm1'))).toThrow(/UNIQUE constraint failed/);
    expect(() => insert.run(...move('m1rr', 10, 150, 1500, 'm1r'))).toThrow(/cannot itself be reversed/);
  });

  it('allow one open replenishment request per product and warehouse, and a draft order without a number only', () => {
    const sqlite = databaseAtSales();
    const request = sqlite.prepare(
      "INSERT INTO replenishment_requests (id, product_id, warehouse_id, available_at_raise, suggested_quantity, status, raised_at) VALUES (?, 'p1', 'w1', 3, 20, ?, ?)",
    );
    request.run('r1', 'open', NOW);
    expect(() => request.run('r2', 'open', NOW)).toThrow(/UNIQUE constraint failed/);
    request.run('r3', 'ordered', NOW);
    const order = sqlite.prepare("INSERT INTO sales_orders (id, order_no, customer_id, status, order_date, warehouse_id, created_at, updated_at) VALUES (?, ?, 'c1', ?, '2026-11-28', 'w1', ?, ?)");
    order.run('o1', null, 'draft', NOW, NOW);
    expect(() => order.run('o2', null, 'confirmed', NOW, NOW)).toThrow(/CHECK constraint failed/);
    order.run('o3', 'SO-2026-000001', 'confirmed', NOW, NOW);
  });
});
