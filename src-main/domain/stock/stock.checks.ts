import { summaryMatchesLedger, type InvariantCheck } from '../checks/invariants';

/** On hand and stock value per product and warehouse are the sums of the ledger's moves. */
export const stockLevelsMatchMoves: InvariantCheck = summaryMatchesLedger({
  name: 'stock on hand and value equal the sum of the stock moves',
  key: ['product_id', 'warehouse_id'],
  summarySql: 'SELECT product_id, warehouse_id, on_hand, stock_value FROM stock_levels WHERE on_hand <> 0 OR stock_value <> 0',
  ledgerSql:
    'SELECT product_id, warehouse_id, sum(quantity) AS on_hand, sum(value) AS stock_value FROM stock_moves GROUP BY product_id, warehouse_id HAVING sum(quantity) <> 0 OR sum(value) <> 0',
});

/** Reserved per product and warehouse is the sum of the open reservations. */
export const reservedMatchesReservations: InvariantCheck = summaryMatchesLedger({
  name: 'reserved stock equals the open reservations',
  key: ['product_id', 'warehouse_id'],
  summarySql: 'SELECT product_id, warehouse_id, reserved FROM stock_levels WHERE reserved <> 0',
  ledgerSql: "SELECT product_id, warehouse_id, sum(quantity) AS reserved FROM stock_reservations WHERE status = 'open' GROUP BY product_id, warehouse_id HAVING sum(quantity) <> 0",
});

/** With negative stock off, nothing is promised or sent that is not there. */
export const noNegativeAvailable: InvariantCheck = {
  name: 'available stock is not below zero (unless negative stock is allowed)',
  run(sqlite) {
    const allowed = sqlite.prepare("SELECT value FROM settings WHERE key = 'stock.allowNegative'").pluck().get() as string | undefined;
    if (allowed !== undefined && JSON.parse(allowed) === true) return [];
    const rows = sqlite.prepare('SELECT product_id, warehouse_id, on_hand, reserved FROM stock_levels WHERE on_hand - reserved < 0 OR on_hand < 0').all() as {
      product_id: string;
      warehouse_id: string;
      on_hand: number;
      reserved: number;
    }[];
    return rows.map((r) => `product ${r.product_id} in warehouse ${r.warehouse_id}: on hand ${r.on_hand}, reserved ${r.reserved}`);
  },
};

export const STOCK_CHECKS: InvariantCheck[] = [stockLevelsMatchMoves, reservedMatchesReservations, noNegativeAvailable];
