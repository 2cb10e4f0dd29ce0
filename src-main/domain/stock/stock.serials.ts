/**
 * Serial numbers (序列号) of serial-tracked products: one row per unit, recorded when it comes in
 * and when it goes out, so the service area's device registry knows which customer has which unit.
 * A serial is "in stock" in a warehouse while its status is in_stock or returned (a returned unit
 * is back on the shelf). Every function runs in the caller's transaction, after the move it
 * belongs to is posted, and refuses with the path of the offending serial in the caller's input.
 */
import { validationError } from '../../api/errors';
import { fieldIssue, type FieldIssue } from '../../api/issues';
import type { Sqlite } from '../../db/connection';
import { statement } from '../../db/statements';
import { newId, nowIso } from '../shared/ids';

export interface SerialsInput {
  productId: string;
  warehouseId: string;
  /** How many units the move carries (positive): exactly this many serials are needed. */
  quantity: number;
  serials: readonly string[];
  /** The stock move the units travel with. */
  moveId: string;
  /** Where the serials are in the caller's input (`lines.2.serials`); issues point at `lines.2.serials.3`. */
  issuePath: string;
}

const IN_STOCK = "status IN ('in_stock', 'returned')";

export function isSerialTracked(sqlite: Sqlite, productId: string): boolean {
  return statement(sqlite, 'SELECT is_serial_tracked FROM products WHERE id = ?').pluck().get(productId) === 1;
}

/**
 * The serials a line gives, trimmed, checked for count and repeats. A product without serial
 * tracking takes none; one with it needs exactly one per unit.
 */
export function checkSerialList(tracked: boolean, quantity: number, serials: readonly string[], issuePath: string): string[] {
  const list = serials.map((s) => s.trim());
  if (!tracked) {
    if (list.length) throw validationError([fieldIssue(issuePath, 'not_serial_tracked')]);
    return [];
  }
  if (list.length !== quantity) throw validationError([fieldIssue(issuePath, 'serial_count', { expected: quantity, given: list.length })]);
  const issues: FieldIssue[] = [];
  const seen = new Set<string>();
  list.forEach((serial, i) => {
    if (!serial) issues.push(fieldIssue(`${issuePath}.${i}`, 'required'));
    else if (seen.has(serial)) issues.push(fieldIssue(`${issuePath}.${i}`, 'listed_twice'));
    seen.add(serial);
  });
  if (issues.length) throw validationError(issues);
  return list;
}

interface SerialState {
  id: string;
  status: string;
  warehouse_id: string | null;
  customer_id: string | null;
}

function stateOf(sqlite: Sqlite, productId: string, serial: string): SerialState | undefined {
  return statement(sqlite, 'SELECT id, status, warehouse_id, customer_id FROM serial_numbers WHERE product_id = ? AND serial = ?').get(productId, serial) as SerialState | undefined;
}

/** Records the serials of units coming in (a receipt, an opening balance, a count that found more); a serial already known is refused. */
export function receiveSerials(sqlite: Sqlite, input: SerialsInput): void {
  const list = checkSerialList(isSerialTracked(sqlite, input.productId), input.quantity, input.serials, input.issuePath);
  const issues: FieldIssue[] = [];
  list.forEach((serial, i) => {
    if (stateOf(sqlite, input.productId, serial)) issues.push(fieldIssue(`${input.issuePath}.${i}`, 'taken', { serial }));
  });
  if (issues.length) throw validationError(issues);
  const now = nowIso();
  const insert = statement(
    sqlite,
    "INSERT INTO serial_numbers (id, product_id, serial, status, warehouse_id, received_move_id, created_at, updated_at) VALUES (?, ?, ?, 'in_stock', ?, ?, ?, ?)",
  );
  for (const serial of list) insert.run(newId(), input.productId, serial, input.warehouseId, input.moveId, now, now);
}

/** The serials' rows, each in stock in the warehouse, or a refusal naming the ones that are not. */
function inStock(sqlite: Sqlite, input: Omit<SerialsInput, 'moveId'>): { id: string; serial: string }[] {
  const list = checkSerialList(isSerialTracked(sqlite, input.productId), input.quantity, input.serials, input.issuePath);
  const issues: FieldIssue[] = [];
  const rows = list.map((serial, i) => {
    const state = stateOf(sqlite, input.productId, serial);
    const here = state && (state.status === 'in_stock' || state.status === 'returned') && state.warehouse_id === input.warehouseId;
    if (!here) issues.push(fieldIssue(`${input.issuePath}.${i}`, 'serial_not_in_stock', { serial }));
    return { id: state?.id ?? '', serial };
  });
  if (issues.length) throw validationError(issues);
  return rows;
}

/** Units delivered to a customer: each must be in stock in the warehouse the delivery ships from. */
export function deliverSerials(sqlite: Sqlite, input: SerialsInput & { customerId: string | null }): void {
  const update = statement(sqlite, "UPDATE serial_numbers SET status = 'delivered', warehouse_id = NULL, customer_id = ?, delivered_move_id = ?, updated_at = ? WHERE id = ?");
  const now = nowIso();
  for (const row of inStock(sqlite, input)) update.run(input.customerId, input.moveId, now, row.id);
}

/**
 * Units a customer sends back, into the warehouse that takes the return: each must have been
 * delivered (to this customer, when one is given). They stay linked to the customer who had them.
 */
export function returnSerials(sqlite: Sqlite, input: SerialsInput & { customerId?: string | null }): void {
  const update = statement(sqlite, "UPDATE serial_numbers SET status = 'returned', warehouse_id = ?, received_move_id = ?, updated_at = ? WHERE id = ?");
  const now = nowIso();
  for (const id of deliveredSerials(sqlite, input)) update.run(input.warehouseId, input.moveId, now, id);
}

/** Units a customer sends back that are scrapped on arrival: never back on the shelf, so no move carries them. */
export function scrapReturnedSerials(sqlite: Sqlite, input: Omit<SerialsInput, 'moveId' | 'warehouseId'> & { customerId?: string | null }): void {
  const update = statement(sqlite, "UPDATE serial_numbers SET status = 'scrapped', warehouse_id = NULL, updated_at = ? WHERE id = ?");
  const now = nowIso();
  for (const id of deliveredSerials(sqlite, input)) update.run(now, id);
}

/** The serials' row ids, each delivered (to this customer, when one is given), or a refusal naming the ones that were not. */
function deliveredSerials(sqlite: Sqlite, input: Omit<SerialsInput, 'moveId' | 'warehouseId'> & { customerId?: string | null }): string[] {
  const list = checkSerialList(isSerialTracked(sqlite, input.productId), input.quantity, input.serials, input.issuePath);
  const issues: FieldIssue[] = [];
  const ids = list.map((serial, i) => {
    const state = stateOf(sqlite, input.productId, serial);
    const delivered = state?.status === 'delivered' && (!input.customerId || state.customer_id === input.customerId);
    if (!delivered) issues.push(fieldIssue(`${input.issuePath}.${i}`, 'serial_not_delivered', { serial, customer: !!input.customerId }));
    return state?.id ?? '';
  });
  if (issues.length) throw validationError(issues);
  return ids;
}

/** Units moved to another warehouse (a transfer). */
export function transferSerials(sqlite: Sqlite, input: Omit<SerialsInput, 'moveId'> & { toWarehouseId: string }): void {
  const update = statement(sqlite, 'UPDATE serial_numbers SET warehouse_id = ?, updated_at = ? WHERE id = ?');
  const now = nowIso();
  for (const row of inStock(sqlite, input)) update.run(input.toWarehouseId, now, row.id);
}

/** Units that left without a customer: scrapped, lost in a count, or issued to a service job. */
export function issueSerials(sqlite: Sqlite, input: SerialsInput & { as: 'scrapped' | 'delivered' }): void {
  const update = statement(sqlite, 'UPDATE serial_numbers SET status = ?, warehouse_id = NULL, delivered_move_id = ?, updated_at = ? WHERE id = ?');
  const now = nowIso();
  for (const row of inStock(sqlite, input)) update.run(input.as, input.moveId, now, row.id);
}

/** Serials in stock in a warehouse, oldest first: what a picker offers (and the demo seeder picks). */
export function serialsInStock(sqlite: Sqlite, productId: string, warehouseId: string, limit = 1000): string[] {
  return statement(sqlite, `SELECT serial FROM serial_numbers WHERE product_id = ? AND warehouse_id = ? AND ${IN_STOCK} ORDER BY created_at, serial LIMIT ?`)
    .pluck()
    .all(productId, warehouseId, limit) as string[];
}

/** The serials a move carried, for showing a document's lines. */
export function serialsOfMove(sqlite: Sqlite, productId: string, moveId: string): string[] {
  return statement(sqlite, 'SELECT serial FROM serial_numbers WHERE product_id = ? AND (received_move_id = ? OR delivered_move_id = ?) ORDER BY serial')
    .pluck()
    .all(productId, moveId, moveId) as string[];
}
