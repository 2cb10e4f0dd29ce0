/**
 * The stock ledger (DESIGN §3): every change of stock is one append-only move, and the summary
 * per product and warehouse (stock_levels) moves with it in the same transaction. Costs are the
 * moving average: an incoming move adds its value, an outgoing one leaves at the average, so the
 * stock value is always the exact sum of the moves' values. Functions here run inside the
 * caller's transaction (dispatch's); they use prepared statements because order confirmation and
 * delivery call them per line on the hot path.
 */
import { AppError } from '../../api/errors';
import { fieldIssue } from '../../api/issues';
import type { Sqlite } from '../../db/connection';
import { statement } from '../../db/statements';
import { roundHalfUp } from '../core/money';
import { newId, nowIso } from '../shared/ids';
import type { StockMoveKind } from './stock.dto';
import { raiseReplenishmentOnCrossing } from './stock.replenishment';
import { assertPeriodOpen } from '../core/periods';

/** The document behind a move or a reservation: its kind (`sales_order`, `delivery`…), id, number and line. */
export interface StockDocument {
  type: string;
  id: string;
  no: string;
  lineId?: string | null;
}

export interface StockLevel {
  productId: string;
  warehouseId: string;
  onHand: number;
  reserved: number;
  available: number;
  avgCost: number;
  stockValue: number;
}

/** Moves that bring goods in at their own cost; every other move leaves (or returns) at the average. */
const COSTED_IN: ReadonlySet<StockMoveKind> = new Set(['opening', 'receipt', 'return', 'transfer_in']);

export interface MoveInput {
  productId: string;
  warehouseId: string;
  kind: StockMoveKind;
  /** Signed, in the base unit: in > 0, out < 0. */
  quantity: number;
  /** Tax-exclusive fen per base unit; required for goods coming in at their own cost, else the moving average. */
  unitCost?: number;
  moveDate: string;
  document: StockDocument;
  note?: string | null;
  userId: string | null;
  /** An outgoing move that delivers reserved stock: the reservation of this document line shrinks by the same quantity. */
  fromReservation?: { documentType: string; documentLineId: string };
  /** Where an issue about this move's quantity points in the caller's input (`lines.2.quantity`). */
  issuePath?: string;
}

export interface PostedMove {
  id: string;
  unitCost: number;
  value: number;
  level: StockLevel;
}

interface LevelRow {
  on_hand: number;
  reserved: number;
  stock_value: number;
  avg_cost: number;
}

export function readLevel(sqlite: Sqlite, productId: string, warehouseId: string): StockLevel {
  const row = statement(sqlite, 'SELECT on_hand, reserved, stock_value, avg_cost FROM stock_levels WHERE product_id = ? AND warehouse_id = ?').get(productId, warehouseId) as
    | LevelRow
    | undefined;
  const level = row ?? { on_hand: 0, reserved: 0, stock_value: 0, avg_cost: 0 };
  return {
    productId,
    warehouseId,
    onHand: level.on_hand,
    reserved: level.reserved,
    available: level.on_hand - level.reserved,
    avgCost: level.avg_cost,
    stockValue: level.stock_value,
  };
}

/** Whether the company lets stock go below zero (a setting; off by default). */
export function negativeStockAllowed(sqlite: Sqlite): boolean {
  const raw = statement(sqlite, "SELECT value FROM settings WHERE key = 'stock.allowNegative'").pluck().get() as string | undefined;
  return raw !== undefined && JSON.parse(raw) === true;
}

/** The moving average after a change: the value per unit on hand, or the last average when nothing is left. */
function averageOf(onHand: number, stockValue: number, previous: number): number {
  return onHand > 0 ? Math.max(0, roundHalfUp(stockValue, onHand)) : previous;
}

/**
 * The costing rule of one move: goods coming in at their own cost move the moving average; every
 * other move goes at the average. postMove and the bulk seeder's in-memory book both apply it.
 */
export function costMove(before: Pick<StockLevel, 'onHand' | 'stockValue' | 'avgCost'>, kind: StockMoveKind, quantity: number, ownCost?: number) {
  const costedIn = quantity > 0 && COSTED_IN.has(kind);
  if (costedIn && (ownCost === undefined || !Number.isSafeInteger(ownCost) || ownCost < 0)) {
    throw new RangeError(`A ${kind} move brings goods in at their own cost; give a unitCost in fen`);
  }
  const unitCost = costedIn ? ownCost! : before.avgCost;
  const value = quantity * unitCost;
  const onHand = before.onHand + quantity;
  const stockValue = before.stockValue + value;
  return { unitCost, value, onHand, stockValue, avgCost: costedIn ? averageOf(onHand, stockValue, before.avgCost) : before.avgCost };
}

export function writeLevel(sqlite: Sqlite, productId: string, warehouseId: string, level: { onHand: number; reserved: number; stockValue: number; avgCost: number }): void {
  statement(
    sqlite,
    `INSERT INTO stock_levels (product_id, warehouse_id, on_hand, reserved, stock_value, avg_cost, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (product_id, warehouse_id) DO UPDATE SET on_hand = excluded.on_hand, reserved = excluded.reserved,
       stock_value = excluded.stock_value, avg_cost = excluded.avg_cost, updated_at = excluded.updated_at`,
  ).run(productId, warehouseId, level.onHand, level.reserved, level.stockValue, level.avgCost, nowIso());
}

/** The move's ledger row; the caller has costed it (costMove) and moves the level. */
export function writeMove(sqlite: Sqlite, id: string, input: MoveInput, unitCost: number, value: number): void {
  statement(
    sqlite,
    `INSERT INTO stock_moves (id, move_date, product_id, warehouse_id, kind, quantity, unit_cost, value, document_type, document_id, document_no, document_line_id, note, user_id, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    id,
    input.moveDate,
    input.productId,
    input.warehouseId,
    input.kind,
    input.quantity,
    unitCost,
    value,
    input.document.type,
    input.document.id,
    input.document.no,
    input.document.lineId ?? null,
    input.note ?? null,
    input.userId,
    nowIso(),
  );
}

/**
 * Posts one move and moves the summary with it. An outgoing move may not take more than is
 * available (on hand less what is promised to others) unless negative stock is allowed; goods
 * it delivers from its own reservation count as available to it.
 */
export function postMove(sqlite: Sqlite, input: MoveInput): PostedMove {
  if (!Number.isSafeInteger(input.quantity) || input.quantity === 0) throw new RangeError(`A stock move moves a whole, non-zero quantity, not ${input.quantity}`);
  assertPeriodOpen(sqlite, input.moveDate, 'moveDate');
  const before = readLevel(sqlite, input.productId, input.warehouseId);
  const { unitCost, value, onHand, stockValue, avgCost } = costMove(before, input.kind, input.quantity, input.unitCost);

  let reserved = before.reserved;
  if (input.fromReservation) reserved -= consumeReservation(sqlite, input, -input.quantity);
  if (input.quantity < 0 && onHand - reserved < 0 && !negativeStockAllowed(sqlite)) {
    const free = before.onHand - reserved;
    throw new AppError('INSUFFICIENT_STOCK', `Only ${Math.max(0, free)} of product ${input.productId} are available in warehouse ${input.warehouseId}; ${-input.quantity} asked`, [
      fieldIssue(input.issuePath ?? 'quantity', 'out_of_range', { min: 1, max: Math.max(0, free) }),
    ]);
  }
  const id = newId();
  writeMove(sqlite, id, input, unitCost, value);
  writeLevel(sqlite, input.productId, input.warehouseId, { onHand, reserved, stockValue, avgCost });
  const level = { ...before, onHand, reserved, available: onHand - reserved, stockValue, avgCost };
  raiseReplenishmentOnCrossing(sqlite, before, level, { type: input.document.type, id: input.document.id });
  return { id, unitCost, value, level };
}

/** Shrinks the open reservation of a document line by what a delivery takes; returns how much it held of that. */
function consumeReservation(sqlite: Sqlite, input: MoveInput, quantity: number): number {
  const row = statement(
    sqlite,
    "SELECT id, quantity FROM stock_reservations WHERE document_type = ? AND document_line_id = ? AND warehouse_id = ? AND status = 'open'",
  ).get(input.fromReservation!.documentType, input.fromReservation!.documentLineId, input.warehouseId) as { id: string; quantity: number } | undefined;
  if (!row) return 0;
  const taken = Math.min(row.quantity, quantity);
  const left = row.quantity - taken;
  statement(sqlite, 'UPDATE stock_reservations SET quantity = ?, status = ?, updated_at = ? WHERE id = ?').run(left, left === 0 ? 'fulfilled' : 'open', nowIso(), row.id);
  return taken;
}
