/**
 * The SQL of sales orders. Writes on the confirmation and delivery paths use prepared statements
 * (db/statements): they run per line inside dispatch's transaction on the hot path.
 */
import type { Selectable } from 'kysely';
import type { Sqlite } from '../../db/connection';
import { statement } from '../../db/statements';
import { newId } from '../shared/ids';
import type { OrderStatus } from './orders.dto';
import type { PricedLine } from './orders.lines';
import type { SalesOrderLinesTable, SalesOrdersTable } from './orders.tables';

export type OrderRecord = Selectable<SalesOrdersTable>;
export type OrderLineRecord = Selectable<SalesOrderLinesTable>;

export function findOrder(sqlite: Sqlite, id: string): OrderRecord | undefined {
  return statement(sqlite, 'SELECT * FROM sales_orders WHERE id = ?').get(id) as OrderRecord | undefined;
}

export function linesOf(sqlite: Sqlite, orderId: string): OrderLineRecord[] {
  return statement(sqlite, 'SELECT * FROM sales_order_lines WHERE sales_order_id = ? ORDER BY line_no').all(orderId) as OrderLineRecord[];
}

const ORDER_COLUMNS = [
  'id', 'order_no', 'customer_id', 'quote_id', 'status', 'order_date', 'promised_date', 'warehouse_id', 'price_list_id', 'tax_inclusive', 'currency',
  'total_net', 'total_tax', 'total_gross', 'credit_check', 'decided_by_rule', 'shipping_address', 'owner_user_id', 'notes', 'created_by',
  'created_at', 'updated_at', 'confirmed_at', 'cancelled_at', 'cancelled_by', 'cancel_reason',
] as const;

export function insertOrder(sqlite: Sqlite, row: OrderRecord): void {
  statement(sqlite, `INSERT INTO sales_orders (${ORDER_COLUMNS.join(', ')}) VALUES (${ORDER_COLUMNS.map((c) => `@${c}`).join(', ')})`).run(row);
}

/** Writes the header fields a draft edit may change. */
export function updateDraftHeader(sqlite: Sqlite, row: OrderRecord): void {
  statement(
    sqlite,
    `UPDATE sales_orders SET customer_id = @customer_id, order_date = @order_date, promised_date = @promised_date, warehouse_id = @warehouse_id,
       price_list_id = @price_list_id, tax_inclusive = @tax_inclusive, currency = @currency, total_net = @total_net, total_tax = @total_tax,
       total_gross = @total_gross, shipping_address = @shipping_address, owner_user_id = @owner_user_id, notes = @notes, updated_at = @updated_at
     WHERE id = @id`,
  ).run(row);
}

export function setTotals(sqlite: Sqlite, id: string, totals: { net: number; tax: number; gross: number }, now: string): void {
  statement(sqlite, 'UPDATE sales_orders SET total_net = ?, total_tax = ?, total_gross = ?, updated_at = ? WHERE id = ?').run(totals.net, totals.tax, totals.gross, now, id);
}

export interface LineToWrite extends Pick<PricedLine, 'lineNo' | 'description' | 'quantity' | 'unit' | 'unitFactor' | 'listPrice' | 'unitPrice' | 'priceOverridden' | 'discountBp' | 'vatRate' | 'net' | 'tax' | 'gross'> {
  id?: string;
  productId: string;
  promisedDate: string | null;
  substitutesLineId?: string | null;
}

export function insertLine(sqlite: Sqlite, orderId: string, line: LineToWrite): string {
  const id = line.id ?? newId();
  statement(
    sqlite,
    `INSERT INTO sales_order_lines (id, sales_order_id, line_no, product_id, description, quantity, unit, unit_factor, list_price, unit_price, price_overridden,
       discount_bp, vat_rate, net, tax, gross, promised_date, substitutes_line_id)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    id,
    orderId,
    line.lineNo,
    line.productId,
    line.description,
    line.quantity,
    line.unit,
    line.unitFactor,
    line.listPrice,
    line.unitPrice,
    line.priceOverridden ? 1 : 0,
    line.discountBp,
    line.vatRate,
    line.net,
    line.tax,
    line.gross,
    line.promisedDate,
    line.substitutesLineId ?? null,
  );
  return id;
}

/** A draft's lines are replaced whole; nothing refers to a draft's lines yet. */
export function deleteLines(sqlite: Sqlite, orderId: string): void {
  statement(sqlite, 'UPDATE sales_order_lines SET substitutes_line_id = NULL WHERE sales_order_id = ?').run(orderId);
  statement(sqlite, 'DELETE FROM sales_order_lines WHERE sales_order_id = ?').run(orderId);
}

/** A line changed at confirmation (its quantity cut to what is there, or its product substituted). */
export function rewriteLine(sqlite: Sqlite, id: string, line: Pick<LineToWrite, 'productId' | 'quantity' | 'listPrice' | 'unitPrice' | 'vatRate' | 'net' | 'tax' | 'gross' | 'unit' | 'unitFactor'>): void {
  statement(
    sqlite,
    'UPDATE sales_order_lines SET product_id = ?, quantity = ?, list_price = ?, unit_price = ?, vat_rate = ?, net = ?, tax = ?, gross = ?, unit = ?, unit_factor = ? WHERE id = ?',
  ).run(line.productId, line.quantity, line.listPrice, line.unitPrice, line.vatRate, line.net, line.tax, line.gross, line.unit, line.unitFactor, id);
}

export function setLinePromisedDate(sqlite: Sqlite, id: string, date: string): void {
  statement(sqlite, 'UPDATE sales_order_lines SET promised_date = ? WHERE id = ?').run(date, id);
}

export function insertEvent(sqlite: Sqlite, event: { orderId: string; from: OrderStatus | null; to: OrderStatus; comment: string | null; userId: string | null; at: string }): void {
  statement(sqlite, 'INSERT INTO sales_order_events (id, sales_order_id, from_status, to_status, comment, user_id, at) VALUES (?, ?, ?, ?, ?, ?, ?)').run(
    newId(),
    event.orderId,
    event.from,
    event.to,
    event.comment,
    event.userId,
    event.at,
  );
}

/** The customer as an order needs it: its credit limit and tier, and where it was merged to. */
export interface OrderCustomer {
  id: string;
  code: string;
  name: string;
  status: string;
  tier: string | null;
  credit_limit: number | null;
  merged_into_id: string | null;
}

export function findCustomer(sqlite: Sqlite, id: string): OrderCustomer | undefined {
  return statement(sqlite, 'SELECT id, code, name, status, tier, credit_limit, merged_into_id FROM customers WHERE id = ?').get(id) as OrderCustomer | undefined;
}

export function userExists(sqlite: Sqlite, id: string): boolean {
  return statement(sqlite, "SELECT 1 FROM users WHERE id = ? AND active = 1").get(id) !== undefined;
}
