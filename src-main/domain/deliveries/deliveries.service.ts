/**
 * 发货单: a delivery is made for what a confirmed order still owes, from its warehouse or another,
 * picked by scanning (a product not on it is refused at once), then posted (deliveries.posting).
 */
import type { z } from 'zod';
import { AppError, validationError } from '../../api/errors';
import { fieldIssue } from '../../api/issues';
import type { Sqlite } from '../../db/connection';
import { statement } from '../../db/statements';
import type { HandlerContext } from '../context';
import { nextNumber, type SeriesDefinition } from '../core/numbering';
import { productsByIds, scannedProduct } from '../catalog/catalog.service';
import { companyFacts } from '../orders/orders.editing';
import { ORDER_DOCUMENT_TYPE } from '../orders/orders.kind';
import * as orders from '../orders/orders.repository';
import { activeWarehouse } from '../stock/stock.documents';
import { newId, nowIso } from '../shared/ids';
import { negativeStockAllowed, readLevel } from '../stock/stock.ledger';
import { reservedFor } from '../stock/stock.reservations';
import type { Delivery, deliveryCreateInput, pickInput } from './deliveries.contract';
import type { DeliveriesTable } from './deliveries.tables';
import { getDelivery } from './deliveries.read';

/** FH-2026-000123 (发货). */
export const DELIVERY_SERIES: SeriesDefinition = { code: 'delivery', prefix: 'FH', perYear: true, padding: 6 };

/** Reservations and moves name a delivery line under this document type. */
export const DELIVERY_DOCUMENT_TYPE = 'delivery';

export function deliveryOrFail(sqlite: Sqlite, id: string): DeliveriesTable {
  const row = statement(sqlite, 'SELECT * FROM deliveries WHERE id = ?').get(id) as DeliveriesTable | undefined;
  if (!row) throw new AppError('NOT_FOUND', `Delivery ${id} does not exist`, [fieldIssue('id', 'not_found', { entity: 'delivery', id })]);
  return row;
}

/** Only a delivery still being picked can change; a posted one is in the stock ledger. */
export function assertPicking(delivery: DeliveriesTable, to: 'posted' | 'cancelled' | 'picking'): void {
  if (delivery.status !== 'picking') {
    throw new AppError('CONFLICT', `Delivery ${delivery.delivery_no} is ${delivery.status}`, [fieldIssue('id', 'invalid_transition', { from: delivery.status, to })]);
  }
}

/** Per order line: what is still to go out, less what deliveries being picked already take. */
function stillToDeliver(sqlite: Sqlite, orderId: string, lines: orders.OrderLineRecord[]): Map<string, number> {
  const picking = new Map(
    (
      statement(
        sqlite,
        `SELECT dl.sales_order_line_id AS line_id, sum(dl.quantity) AS quantity FROM delivery_lines dl JOIN deliveries d ON d.id = dl.delivery_id
          WHERE d.sales_order_id = ? AND d.status = 'picking' GROUP BY dl.sales_order_line_id`,
      ).all(orderId) as { line_id: string; quantity: number }[]
    ).map((r) => [r.line_id, r.quantity]),
  );
  return new Map(lines.map((l) => [l.id, l.quantity - l.delivered_quantity - (picking.get(l.id) ?? 0)]));
}

/**
 * Without lines, a delivery proposes what can go out now: per line, what it still owes, up to its
 * reservation in this warehouse plus the free stock there (lines of one product share it).
 */
async function whatCanGo(ctx: HandlerContext, order: orders.OrderRecord, warehouseId: string, lines: orders.OrderLineRecord[], left: Map<string, number>) {
  const { sqlite } = ctx;
  const products = productsByIds(ctx.sqlite, lines.map((l) => l.product_id));
  const free = new Map<string, number>();
  const unlimited = negativeStockAllowed(sqlite);
  const wanted: { line: orders.OrderLineRecord; quantity: number }[] = [];
  for (const line of lines) {
    const owed = left.get(line.id)!;
    if (owed <= 0) continue;
    if (!products.get(line.product_id)!.isStocked || unlimited) {
      wanted.push({ line, quantity: owed });
      continue;
    }
    if (!free.has(line.product_id)) free.set(line.product_id, Math.max(0, readLevel(sqlite, line.product_id, warehouseId).available));
    const held = warehouseId === order.warehouse_id ? reservedFor(sqlite, ORDER_DOCUMENT_TYPE, line.id) : 0;
    const quantity = Math.min(owed, held + free.get(line.product_id)!);
    free.set(line.product_id, free.get(line.product_id)! - Math.max(0, quantity - held));
    if (quantity > 0) wanted.push({ line, quantity });
  }
  return wanted;
}

export async function createDelivery(ctx: HandlerContext, input: z.output<typeof deliveryCreateInput>): Promise<Delivery> {
  const { sqlite } = ctx;
  const order = orders.findOrder(sqlite, input.salesOrderId);
  if (!order) throw validationError([fieldIssue('salesOrderId', 'not_found', { entity: 'sales_order' })]);
  if (order.status !== 'confirmed' && order.status !== 'partly_delivered') {
    throw new AppError('CONFLICT', `Order ${order.order_no ?? order.id} is ${order.status}; only a confirmed order is delivered`, [
      fieldIssue('salesOrderId', 'invalid_transition', { from: order.status, to: 'partly_delivered' }),
    ]);
  }
  const warehouseId = input.warehouseId ?? order.warehouse_id;
  activeWarehouse(sqlite, warehouseId, 'warehouseId');
  const lines = orders.linesOf(sqlite, order.id);
  const left = stillToDeliver(sqlite, order.id, lines);
  const byId = new Map(lines.map((l) => [l.id, l]));
  const wanted = input.lines
    ? input.lines.map((w, i) => {
        const line = byId.get(w.orderLineId);
        if (!line) throw validationError([fieldIssue(`lines.${i}.orderLineId`, 'not_found', { entity: 'sales_order_line' })]);
        const max = left.get(line.id)!;
        if (w.quantity > max) throw validationError([fieldIssue(`lines.${i}.quantity`, 'out_of_range', { min: 1, max: Math.max(0, max) })]);
        left.set(line.id, max - w.quantity);
        return { line, quantity: w.quantity };
      })
    : await whatCanGo(ctx, order, warehouseId, lines, left);
  if (wanted.length === 0) throw new AppError('CONFLICT', `Order ${order.order_no} has nothing left to deliver`, [fieldIssue('salesOrderId', 'not_allowed', { reason: 'nothing_to_deliver' })]);

  const { today } = companyFacts(sqlite);
  const now = nowIso();
  const id = newId();
  const deliveryNo = nextNumber(sqlite, DELIVERY_SERIES, today);
  const promised = wanted.map((w) => w.line.promised_date).filter((d): d is string => !!d).sort()[0] ?? order.promised_date;
  statement(
    sqlite,
    `INSERT INTO deliveries (id, delivery_no, sales_order_id, customer_id, warehouse_id, status, delivery_date, promised_date, shipping_address, notes, created_by, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, 'picking', ?, ?, ?, ?, ?, ?, ?)`,
  ).run(id, deliveryNo, order.id, order.customer_id, warehouseId, input.deliveryDate ?? today, promised, order.shipping_address, input.notes ?? null, ctx.user?.id ?? null, now, now);
  const insertLine = statement(sqlite, 'INSERT INTO delivery_lines (id, delivery_id, sales_order_line_id, product_id, quantity) VALUES (?, ?, ?, ?, ?)');
  for (const w of wanted) insertLine.run(newId(), id, w.line.id, w.line.product_id, w.quantity);
  ctx.audit({
    entityType: 'delivery',
    entityId: id,
    fields: { deliveryNo: { before: null, after: deliveryNo }, orderNo: { before: null, after: order.order_no }, lines: { before: null, after: wanted.map((w) => `${w.line.line_no}:${w.quantity}`).join(' ') } },
  });
  return getDelivery(sqlite, id);
}

interface PickLine {
  id: string;
  quantity: number;
  picked_quantity: number;
  serials: string;
}

/** One scan: the product must be on the delivery with some still to pick; a serial must be in this warehouse. */
export async function pickItem(ctx: HandlerContext, input: z.output<typeof pickInput>): Promise<Delivery> {
  const { sqlite } = ctx;
  const delivery = deliveryOrFail(sqlite, input.id);
  assertPicking(delivery, 'picking');
  const product = await scannedProduct(ctx.db, input.code);
  const lines = product
    ? (statement(sqlite, 'SELECT id, quantity, picked_quantity, serials FROM delivery_lines WHERE delivery_id = ? AND product_id = ? ORDER BY rowid').all(delivery.id, product.id) as PickLine[])
    : [];
  if (!product || lines.length === 0) {
    throw new AppError('VALIDATION', `${input.code} is not on delivery ${delivery.delivery_no}`, [fieldIssue('code', 'wrong_product', { code: input.code, productCode: product?.code ?? input.code })]);
  }
  const line = lines.find((l) => l.picked_quantity < l.quantity);
  if (!line) {
    const total = lines.reduce((s, l) => s + l.quantity, 0);
    throw new AppError('VALIDATION', `All ${total} of ${product.code} are already picked`, [fieldIssue('code', 'already_picked', { productCode: product.code, quantity: total })]);
  }
  const left = line.quantity - line.picked_quantity;
  if (input.quantity > left) throw validationError([fieldIssue('quantity', 'out_of_range', { min: 1, max: left })]);
  const serials = JSON.parse(line.serials) as string[];
  if (product.isSerialTracked) {
    if (!input.serial) throw validationError([fieldIssue('serial', 'required')]);
    if (input.quantity !== 1) throw validationError([fieldIssue('quantity', 'out_of_range', { min: 1, max: 1 })]);
    const onDelivery = statement(sqlite, 'SELECT 1 FROM delivery_lines WHERE delivery_id = ? AND EXISTS (SELECT 1 FROM json_each(serials) WHERE value = ?)').get(delivery.id, input.serial);
    if (onDelivery) throw validationError([fieldIssue('serial', 'listed_twice')]);
    const inStock = statement(sqlite, "SELECT 1 FROM serial_numbers WHERE product_id = ? AND serial = ? AND warehouse_id = ? AND status IN ('in_stock', 'returned')").get(
      product.id,
      input.serial,
      delivery.warehouse_id,
    );
    if (!inStock) throw new AppError('VALIDATION', `Serial ${input.serial} is not in stock here`, [fieldIssue('serial', 'serial_not_in_stock', { serial: input.serial })]);
    serials.push(input.serial);
  }
  statement(sqlite, 'UPDATE delivery_lines SET picked_quantity = picked_quantity + ?, serials = ? WHERE id = ?').run(input.quantity, JSON.stringify(serials), line.id);
  statement(sqlite, 'UPDATE deliveries SET updated_at = ? WHERE id = ?').run(nowIso(), delivery.id);
  ctx.audit({ entityType: 'delivery', entityId: delivery.id, fields: { picked: { before: null, after: `${product.code}×${input.quantity}${input.serial ? ` ${input.serial}` : ''}` } } });
  return getDelivery(sqlite, delivery.id);
}

export function cancelDelivery(ctx: HandlerContext, id: string): Delivery {
  const delivery = deliveryOrFail(ctx.sqlite, id);
  assertPicking(delivery, 'cancelled');
  statement(ctx.sqlite, "UPDATE deliveries SET status = 'cancelled', updated_at = ? WHERE id = ?").run(nowIso(), id);
  ctx.audit({ entityType: 'delivery', entityId: id, fields: { status: { before: 'picking', after: 'cancelled' } } });
  return getDelivery(ctx.sqlite, id);
}
