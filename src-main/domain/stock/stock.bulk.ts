/**
 * The stock ledger for bulk writers (the demo seed at scale): levels are kept in memory while
 * moves and reservations are written row by row with prepared statements, and each level is
 * written once at the end. Moves are costed by the ledger's own rule (costMove), so `cli check`
 * finds every level equal to its moves. No replenishment alerts: a seed is not a day's trading.
 */
import { AppError } from '../../api/errors';
import type { Sqlite } from '../../db/connection';
import { newId, nowIso } from '../shared/ids';
import { costMove, negativeStockAllowed, readLevel, writeLevel, writeMove, type MoveInput, type StockLevel } from './stock.ledger';
import { writeReservation, type ReservationInput } from './stock.reservations';

export interface StockBook {
  /** Posts a move (not from a reservation) and returns its cost. */
  post(input: Omit<MoveInput, 'fromReservation'>): { unitCost: number; value: number };
  reserve(input: ReservationInput): void;
  /** Writes every level touched; call once, inside the writer's transaction. */
  flush(): void;
}

export function openStockBook(sqlite: Sqlite): StockBook {
  const levels = new Map<string, StockLevel>();
  const negativeAllowed = negativeStockAllowed(sqlite);
  const levelOf = (productId: string, warehouseId: string) => {
    const key = `${productId}|${warehouseId}`;
    let level = levels.get(key);
    if (!level) levels.set(key, (level = readLevel(sqlite, productId, warehouseId)));
    return level;
  };
  const refuseShortage = (level: StockLevel, asked: number) => {
    if (level.onHand - level.reserved >= 0 || negativeAllowed) return;
    throw new AppError('INSUFFICIENT_STOCK', `Product ${level.productId} in warehouse ${level.warehouseId} would go short by ${level.reserved - level.onHand} (${asked} asked)`);
  };
  return {
    post(input) {
      if (!Number.isSafeInteger(input.quantity) || input.quantity === 0) throw new RangeError(`A stock move moves a whole, non-zero quantity, not ${input.quantity}`);
      const level = levelOf(input.productId, input.warehouseId);
      const costed = costMove(level, input.kind, input.quantity, input.unitCost);
      writeMove(sqlite, newId(), input, costed.unitCost, costed.value);
      Object.assign(level, { onHand: costed.onHand, stockValue: costed.stockValue, avgCost: costed.avgCost, available: costed.onHand - level.reserved });
      if (input.quantity < 0) refuseShortage(level, -input.quantity);
      return { unitCost: costed.unitCost, value: costed.value };
    },
    reserve(input) {
      if (!Number.isSafeInteger(input.quantity) || input.quantity <= 0) throw new RangeError(`Reserve a whole, positive quantity, not ${input.quantity}`);
      const level = levelOf(input.productId, input.warehouseId);
      writeReservation(sqlite, input, nowIso());
      level.reserved += input.quantity;
      level.available = level.onHand - level.reserved;
      refuseShortage(level, input.quantity);
    },
    flush() {
      for (const level of levels.values()) writeLevel(sqlite, level.productId, level.warehouseId, level);
    },
  };
}
