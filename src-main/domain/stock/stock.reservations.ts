/**
 * Reservations: stock promised to a document line (a confirmed order line, a service ticket's
 * spare part). stock_levels.reserved is the sum of the open ones; available = on hand − reserved.
 */
import { AppError } from '../../api/errors';
import { fieldIssue } from '../../api/issues';
import type { Sqlite } from '../../db/connection';
import { statement } from '../../db/statements';
import { newId, nowIso } from '../shared/ids';
import { negativeStockAllowed, readLevel, writeLevel, type StockLevel } from './stock.ledger';
import { raiseReplenishmentOnCrossing } from './stock.replenishment';

export interface ReservationInput {
  productId: string;
  warehouseId: string;
  quantity: number;
  document: { type: string; id: string; lineId: string };
  /** Where an issue about the quantity points in the caller's input (`lines.2.quantity`). */
  issuePath?: string;
}

/** A new open reservation row; the caller moves stock_levels.reserved with it. */
export function writeReservation(sqlite: Sqlite, input: ReservationInput, now: string): void {
  statement(
    sqlite,
    `INSERT INTO stock_reservations (id, product_id, warehouse_id, quantity, document_type, document_id, document_line_id, status, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, 'open', ?, ?)`,
  ).run(newId(), input.productId, input.warehouseId, input.quantity, input.document.type, input.document.id, input.document.lineId, now, now);
}

/**
 * Reserves stock for a document line (adding to the line's open reservation in that warehouse).
 * More than is available is refused with INSUFFICIENT_STOCK; the caller decides what to do with
 * a shortage (reserve what there is and back-order the rest, substitute, promise a later date).
 */
export function reserveStock(sqlite: Sqlite, input: ReservationInput): StockLevel {
  if (!Number.isSafeInteger(input.quantity) || input.quantity <= 0) throw new RangeError(`Reserve a whole, positive quantity, not ${input.quantity}`);
  const before = readLevel(sqlite, input.productId, input.warehouseId);
  if (input.quantity > before.available && !negativeStockAllowed(sqlite)) {
    throw new AppError('INSUFFICIENT_STOCK', `Only ${Math.max(0, before.available)} of product ${input.productId} are available in warehouse ${input.warehouseId}; ${input.quantity} asked`, [
      fieldIssue(input.issuePath ?? 'quantity', 'out_of_range', { min: 1, max: Math.max(0, before.available) }),
    ]);
  }
  const now = nowIso();
  // One statement: a new open reservation, or more on the line's open one (stock_reservations_line keeps one per line and warehouse).
  statement(
    sqlite,
    `INSERT INTO stock_reservations (id, product_id, warehouse_id, quantity, document_type, document_id, document_line_id, status, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, 'open', ?, ?)
     ON CONFLICT (document_type, document_line_id, warehouse_id) WHERE status = 'open' DO UPDATE SET quantity = quantity + excluded.quantity, updated_at = excluded.updated_at`,
  ).run(newId(), input.productId, input.warehouseId, input.quantity, input.document.type, input.document.id, input.document.lineId, now, now);
  const reserved = before.reserved + input.quantity;
  writeLevel(sqlite, input.productId, input.warehouseId, { onHand: before.onHand, reserved, stockValue: before.stockValue, avgCost: before.avgCost });
  const after = { ...before, reserved, available: before.onHand - reserved };
  raiseReplenishmentOnCrossing(sqlite, before, after, { type: input.document.type, id: input.document.id });
  return after;
}

/** Releases every open reservation of a document (an order cancelled) or of one of its lines; returns how many units it freed. */
export function releaseReservations(sqlite: Sqlite, document: { type: string; id: string; lineId?: string }): number {
  const rows = (
    document.lineId
      ? statement(sqlite, "SELECT id, product_id, warehouse_id, quantity FROM stock_reservations WHERE document_type = ? AND document_line_id = ? AND status = 'open'").all(document.type, document.lineId)
      : statement(sqlite, "SELECT id, product_id, warehouse_id, quantity FROM stock_reservations WHERE document_type = ? AND document_id = ? AND status = 'open'").all(document.type, document.id)
  ) as { id: string; product_id: string; warehouse_id: string; quantity: number }[];
  let freed = 0;
  for (const row of rows) {
    const level = readLevel(sqlite, row.product_id, row.warehouse_id);
    writeLevel(sqlite, row.product_id, row.warehouse_id, { onHand: level.onHand, reserved: level.reserved - row.quantity, stockValue: level.stockValue, avgCost: level.avgCost });
    statement(sqlite, "UPDATE stock_reservations SET quantity = 0, status = 'released', updated_at = ? WHERE id = ?").run(nowIso(), row.id);
    freed += row.quantity;
  }
  return freed;
}

/** The open reservation of a document line per warehouse. */
export function reservedFor(sqlite: Sqlite, documentType: string, documentLineId: string): number {
  return (statement(sqlite, "SELECT coalesce(sum(quantity), 0) FROM stock_reservations WHERE document_type = ? AND document_line_id = ? AND status = 'open'")
    .pluck()
    .get(documentType, documentLineId) as number);
}
