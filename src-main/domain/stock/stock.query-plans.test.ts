import { beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Connection } from '../../db/connection';
import { migrate } from '../../db/migrate';
import { plansOf } from '../../db/query-plans';
import { refreshPlannerStatistics } from '../../db/statistics';
import { stockOverview } from './stock.overview';

const NOW = '2026-01-01T00:00:00.000Z';

/** A catalogue of `products` stocked products in three warehouses, some of them with stock. */
function seedCatalogue(conn: Connection, products: number): void {
  const s = conn.sqlite;
  s.transaction(() => {
    for (const w of ['W1', 'W2', 'W3']) s.prepare('INSERT INTO warehouses (id, code, name, created_at, updated_at) VALUES (?, ?, ?, ?, ?)').run(w, w, `${w}仓`, NOW, NOW);
    const product = s.prepare("INSERT INTO products (id, code, name, name_pinyin, unit, created_at, updated_at) VALUES (?, ?, ?, ?, '个', ?, ?)");
    const level = s.prepare("INSERT INTO stock_levels (product_id, warehouse_id, on_hand, reserved, stock_value, avg_cost, updated_at) VALUES (?, 'W1', 10, 0, 1000, 100, ?)");
    for (let i = 0; i < products; i++) {
      const code = `P${String(i).padStart(5, '0')}`;
      product.run(code, code, `商品${i}`, code.toLowerCase(), NOW, NOW);
      if (i % 3 === 0) level.run(code, NOW);
    }
  })();
}

// The planner must find the page by the code indexes with or without statistics (DESIGN §3).
describe.each([
  ['without planner statistics', false],
  ['with the statistics PRAGMA optimize gathers', true],
])('query plan of the stock overview, %s', (_state, analysed) => {
  let conn: Connection;

  beforeAll(() => {
    conn = openDatabase(':memory:');
    migrate(conn.sqlite);
    seedCatalogue(conn, 2000);
    if (analysed) expect(refreshPlannerStatistics(conn.sqlite)).toBe(true);
  });

  it('walks products and warehouses in code order to the page instead of sorting every product in every warehouse', async () => {
    const [page, count] = await plansOf(conn, (db) => stockOverview(db, { page: 1, pageSize: 50, belowSafety: false, inStockOnly: false }));
    expect(page).toMatch(/SCAN p USING INDEX sqlite_autoindex_products_\d/);
    expect(page).toMatch(/SCAN w USING INDEX sqlite_autoindex_warehouses_\d/);
    expect(page).not.toMatch(/TEMP B-TREE FOR ORDER BY/);
    expect(page).not.toMatch(/AUTOMATIC/);
    expect(count).toBeDefined();
  });

  it('answers the first page in product and warehouse code order', async () => {
    const page = await stockOverview(conn.db, { page: 1, pageSize: 50, belowSafety: false, inStockOnly: false });
    expect(page.total).toBe(6000);
    expect(page.rows.slice(0, 4).map((r) => `${r.productCode}/${r.warehouseCode}:${r.onHand}`)).toEqual(['P00000/W1:10', 'P00000/W2:0', 'P00000/W3:0', 'P00001/W1:0']);
  });
});
