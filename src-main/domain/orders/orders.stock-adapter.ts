/**
 * What sales needs from stock and purchasing beyond the ledger functions already on main:
 * warehouses, the earliest incoming date for a promised-date suggestion, and serial numbers on
 * delivery and return. The one place sales reads those tables; it gives way to the stock area's
 * functions (earliestIncoming, deliverSerials, returnSerials) when they land on main.
 */
import { AppError } from '../../api/errors';
import { fieldIssue } from '../../api/issues';
import type { Sqlite } from '../../db/connection';
import { statement } from '../../db/statements';
import { newId, nowIso } from '../shared/ids';

export interface SalesWarehouse {
  id: string;
  code: string;
  name: string;
}

/** The default warehouse, else the first active one by code; null when the company has none. */
export function defaultWarehouse(sqlite: Sqlite): SalesWarehouse | null {
  return (statement(sqlite, "SELECT id, code, name FROM warehouses WHERE status = 'active' ORDER BY is_default DESC, code LIMIT 1").get() as SalesWarehouse | undefined) ?? null;
}

export function activeWarehouse(sqlite: Sqlite, id: string): SalesWarehouse | null {
  return (statement(sqlite, "SELECT id, code, name FROM warehouses WHERE id = ? AND status = 'active'").get(id) as SalesWarehouse | undefined) ?? null;
}

/** The earliest date an open purchase order expects the product in the warehouse. */
export function earliestIncoming(sqlite: Sqlite, productId: string, warehouseId: string): string | null {
  return (
    (statement(
      sqlite,
      `SELECT min(coalesce(l.expected_date, po.expected_date)) FROM purchase_order_lines l JOIN purchase_orders po ON po.id = l.purchase_order_id
        WHERE l.product_id = ? AND po.warehouse_id = ? AND po.status IN ('confirmed', 'partly_received') AND l.received_quantity < l.quantity`,
    )
      .pluck()
      .get(productId, warehouseId) as string | null) ?? null
  );
}

/**
 * A shortage on an order asks purchasing for the shortfall (缺货补货) even when no safety stock is
 * set; an open request for the product and warehouse already covers it and is left as it is.
 */
export function requestReplenishmentForShortage(
  sqlite: Sqlite,
  input: { productId: string; warehouseId: string; available: number; shortBy: number; orderId: string },
): string | null {
  if (statement(sqlite, "SELECT 1 FROM replenishment_requests WHERE product_id = ? AND warehouse_id = ? AND status = 'open'").get(input.productId, input.warehouseId)) return null;
  const id = newId();
  statement(
    sqlite,
    `INSERT INTO replenishment_requests (id, product_id, warehouse_id, available_at_raise, suggested_quantity, status, source_type, source_id, raised_at)
     VALUES (?, ?, ?, ?, ?, 'open', 'sales_order', ?, ?)`,
  ).run(id, input.productId, input.warehouseId, input.available, input.shortBy, input.orderId, nowIso());
  return id;
}

/**
 * Marks serial-tracked units as delivered to the customer by a delivery move: each serial must be
 * in stock in the warehouse, and there must be exactly as many as the quantity.
 */
export function deliverSerials(sqlite: Sqlite, input: { productId: string; warehouseId: string; customerId: string; moveId: string; serials: string[]; quantity: number; issuePath: string }): void {
  checkCount(input.serials, input.quantity, input.issuePath);
  const now = nowIso();
  input.serials.forEach((serial, i) => {
    const changed = statement(
      sqlite,
      "UPDATE serial_numbers SET status = 'delivered', warehouse_id = NULL, customer_id = ?, delivered_move_id = ?, updated_at = ? WHERE product_id = ? AND serial = ? AND status IN ('in_stock', 'returned') AND warehouse_id = ?",
    ).run(input.customerId, input.moveId, now, input.productId, serial, input.warehouseId).changes;
    if (changed !== 1) throw new AppError('VALIDATION', `Serial ${serial} is not in stock in this warehouse`, [fieldIssue(`${input.issuePath}.${i}`, 'serial_not_in_stock', { serial })]);
  });
}

/** Serial numbers coming back from the customer: in stock again, or scrapped. */
export function returnSerials(sqlite: Sqlite, input: { productId: string; warehouseId: string; customerId: string; serials: string[]; quantity: number; restock: boolean; issuePath: string }): void {
  checkCount(input.serials, input.quantity, input.issuePath);
  const now = nowIso();
  input.serials.forEach((serial, i) => {
    const changed = statement(
      sqlite,
      "UPDATE serial_numbers SET status = ?, warehouse_id = ?, updated_at = ? WHERE product_id = ? AND serial = ? AND status = 'delivered' AND customer_id = ?",
    ).run(input.restock ? 'in_stock' : 'scrapped', input.restock ? input.warehouseId : null, now, input.productId, serial, input.customerId).changes;
    if (changed !== 1) throw new AppError('VALIDATION', `Serial ${serial} was not delivered to this customer`, [fieldIssue(`${input.issuePath}.${i}`, 'serial_not_in_stock', { serial })]);
  });
}

function checkCount(serials: string[], quantity: number, path: string): void {
  if (new Set(serials).size !== serials.length) throw new AppError('VALIDATION', 'A serial number is listed twice', [fieldIssue(path, 'listed_twice')]);
  if (serials.length !== quantity) {
    throw new AppError('VALIDATION', `${quantity} serial numbers are needed, ${serials.length} given`, [
      fieldIssue(path, serials.length < quantity ? 'too_few' : 'too_many', serials.length < quantity ? { min: quantity } : { max: quantity }),
    ]);
  }
}
