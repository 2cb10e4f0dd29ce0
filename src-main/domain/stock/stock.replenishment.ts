/**
 * Replenishment: when available stock falls below the safety stock, a request is raised once per
 * crossing — when a change takes it from at-or-above to below, not once per order that keeps it
 * below — and never while one is still open for the product and warehouse.
 */
import type { Sqlite } from '../../db/connection';
import { statement } from '../../db/statements';
import { newId, nowIso } from '../shared/ids';

interface Available {
  productId: string;
  warehouseId: string;
  available: number;
}

interface Rule {
  safety_stock: number;
  reorder_point: number;
  reorder_quantity: number;
}

/** Raises a request when this change crossed the safety stock downwards; returns its id, or null. */
export function raiseReplenishmentOnCrossing(sqlite: Sqlite, before: Available, after: Available, source: { type: string; id: string }): string | null {
  if (after.available >= before.available) return null;
  const rule = statement(sqlite, 'SELECT safety_stock, reorder_point, reorder_quantity FROM replenishment_rules WHERE product_id = ? AND warehouse_id = ?').get(
    after.productId,
    after.warehouseId,
  ) as Rule | undefined;
  if (!rule || rule.safety_stock === 0) return null;
  if (!(before.available >= rule.safety_stock && after.available < rule.safety_stock)) return null;
  // Enough to get back to the reorder point, at least the reorder quantity.
  const suggested = Math.max(rule.reorder_quantity, Math.max(rule.reorder_point, rule.safety_stock) - after.available, 1);
  return raiseUnlessOpen(sqlite, after, suggested, source);
}

/** Inserts a request unless one is still open for the product and warehouse; returns its id, or null. */
function raiseUnlessOpen(sqlite: Sqlite, at: Available, suggested: number, source: { type: string; id: string }): string | null {
  if (statement(sqlite, "SELECT 1 FROM replenishment_requests WHERE product_id = ? AND warehouse_id = ? AND status = 'open'").get(at.productId, at.warehouseId)) return null;
  const id = newId();
  statement(
    sqlite,
    `INSERT INTO replenishment_requests (id, product_id, warehouse_id, available_at_raise, suggested_quantity, status, source_type, source_id, raised_at)
     VALUES (?, ?, ?, ?, ?, 'open', ?, ?, ?)`,
  ).run(id, at.productId, at.warehouseId, at.available, suggested, source.type, source.id, nowIso());
  return id;
}

/**
 * A new or raised safety stock can put stock that did not move below it: that is a crossing too,
 * raised once like any other (and not again while the request is open).
 */
export function raiseReplenishmentOnRuleChange(sqlite: Sqlite, available: Available, previousSafetyStock: number, source: { type: string; id: string }): string | null {
  const wasBelow = previousSafetyStock > 0 && available.available < previousSafetyStock;
  if (wasBelow) return null;
  // As if available had been at the old safety stock and fell to where it is.
  return raiseReplenishmentOnCrossing(sqlite, { ...available, available: Number.MAX_SAFE_INTEGER }, available, source);
}

/**
 * A shortage on a sales order asks purchasing for the shortfall (缺货补货) even when no safety
 * stock is set; an open request for the product and warehouse already covers it.
 */
export function raiseReplenishmentForShortage(sqlite: Sqlite, at: Available, shortBy: number, source: { type: string; id: string }): string | null {
  return raiseUnlessOpen(sqlite, at, shortBy, source);
}
