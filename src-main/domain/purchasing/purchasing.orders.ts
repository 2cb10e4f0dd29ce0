/**
 * Purchase orders (采购订单): numbered PO-year-n when drafted, confirmed to the supplier,
 * received in one or several goods receipts, cancelled while nothing has arrived. Amounts are
 * taxed per line with the product's VAT rate (core/money) and the totals are the sums of lines.
 */
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { z } from 'zod';
import { notFound, validationError } from '../../api/errors';
import { fieldIssue } from '../../api/issues';
import type { Page } from '../../api/paging';
import type { Sqlite } from '../../db/connection';
import type { Database } from '../../db/schema';
import { statement } from '../../db/statements';
import { documentKind, assertTransition } from '../core/document';
import { sumTaxLines, taxLine } from '../core/money';
import { nextNumber, type SeriesDefinition } from '../core/numbering';
import type { HandlerContext } from '../context';
import { newId, nowIso } from '../shared/ids';
import { activeWarehouse, businessToday, documentPage, escapeLike, productsOfLines, whereAll } from '../stock/stock.documents';
import type { createPurchaseOrderInput, purchasingContract } from './purchasing.contract';
import type { PurchaseOrder, PurchaseOrderRow, PurchaseOrderStatus } from './purchasing.dto';
import { activeSupplier } from './purchasing.suppliers';

type Db = Kysely<Database>;
type ListInput = z.output<(typeof purchasingContract)['purchasing.listOrders']['input']>;

export const PURCHASE_ORDER_SERIES: SeriesDefinition = { code: 'purchase_order', prefix: 'PO', perYear: true, padding: 6 };

export const PURCHASE_ORDER = documentKind<PurchaseOrderStatus>({
  kind: 'purchase_order',
  table: 'purchase_orders',
  series: PURCHASE_ORDER_SERIES,
  transitions: {
    draft: ['confirmed', 'cancelled'],
    confirmed: ['partly_received', 'received', 'cancelled'],
    partly_received: ['received'],
    received: [],
    cancelled: [],
  },
  frozenIn: ['confirmed', 'partly_received', 'received', 'cancelled'],
  numberedIn: 'draft',
});

/** Statuses in which goods are still to arrive. */
export const OPEN_PURCHASE_STATUSES: readonly PurchaseOrderStatus[] = ['confirmed', 'partly_received'];

interface HeaderRecord {
  id: string;
  po_no: string;
  supplier_id: string;
  supplier_name: string;
  warehouse_id: string;
  warehouse_name: string;
  status: PurchaseOrderStatus;
  order_date: string;
  expected_date: string | null;
  tax_inclusive: number;
  total_net: number;
  total_tax: number;
  total_gross: number;
  ordered_quantity: number;
  received_quantity: number;
  notes: string | null;
  created_at: string;
}

const HEADER = sql`SELECT o.id, o.po_no, o.supplier_id, s.name AS supplier_name, o.warehouse_id, w.name AS warehouse_name, o.status, o.order_date, o.expected_date,
    o.tax_inclusive, o.total_net, o.total_tax, o.total_gross, o.notes, o.created_at,
    (SELECT coalesce(sum(l.quantity), 0) FROM purchase_order_lines l WHERE l.purchase_order_id = o.id) AS ordered_quantity,
    (SELECT coalesce(sum(l.received_quantity), 0) FROM purchase_order_lines l WHERE l.purchase_order_id = o.id) AS received_quantity
  FROM purchase_orders o JOIN suppliers s ON s.id = o.supplier_id JOIN warehouses w ON w.id = o.warehouse_id`;

function toRow(r: HeaderRecord): PurchaseOrderRow {
  return {
    id: r.id,
    poNo: r.po_no,
    supplierId: r.supplier_id,
    supplierName: r.supplier_name,
    warehouseId: r.warehouse_id,
    warehouseName: r.warehouse_name,
    status: r.status,
    orderDate: r.order_date,
    expectedDate: r.expected_date,
    taxInclusive: r.tax_inclusive === 1,
    totalNet: r.total_net,
    totalTax: r.total_tax,
    totalGross: r.total_gross,
    orderedQuantity: r.ordered_quantity,
    receivedQuantity: r.received_quantity,
    notes: r.notes,
    createdAt: r.created_at,
  };
}

type ListFilters = Omit<ListInput, 'page' | 'pageSize'>;

function conditions(input: ListFilters): RawBuilder<unknown>[] {
  const where: RawBuilder<unknown>[] = [];
  if (input.status) where.push(sql`o.status = ${input.status}`);
  if (input.openOnly) where.push(sql`o.status IN ('confirmed', 'partly_received')`);
  if (input.supplierId) where.push(sql`o.supplier_id = ${input.supplierId}`);
  if (input.warehouseId) where.push(sql`o.warehouse_id = ${input.warehouseId}`);
  if (input.q) where.push(sql`o.po_no LIKE ${`%${escapeLike(input.q)}%`} ESCAPE '\\'`);
  if (input.from) where.push(sql`o.order_date >= ${input.from}`);
  if (input.to) where.push(sql`o.order_date <= ${input.to}`);
  if (input.expectedBefore) where.push(sql`o.expected_date < ${input.expectedBefore}`);
  return where;
}

export async function listOrders(db: Db, input: ListInput): Promise<Page<PurchaseOrderRow>> {
  return documentPage(db, { header: HEADER, table: sql`purchase_orders o`, where: conditions(input), orderBy: sql`o.order_date DESC, o.id DESC`, page: input.page, pageSize: input.pageSize, map: toRow });
}

/** How many purchase orders the list would show, and what they come to (fen): the workbench's figures. */
export async function purchaseOrderTotals(db: Db, input: ListFilters): Promise<{ count: number; amount: number }> {
  const { rows } = await sql<{ count: number; amount: number }>`
    SELECT count(*) AS count, coalesce(sum(o.total_gross), 0) AS amount FROM purchase_orders o ${whereAll(conditions(input))}`.execute(db);
  return { count: rows[0]?.count ?? 0, amount: rows[0]?.amount ?? 0 };
}

export async function getOrder(db: Db, id: string): Promise<PurchaseOrder> {
  const { rows } = await sql<HeaderRecord>`${HEADER} WHERE o.id = ${id}`.execute(db);
  if (!rows[0]) throw notFound('Purchase order', id);
  const [lines, receipts] = await Promise.all([
    db
      .selectFrom('purchase_order_lines as l')
      .innerJoin('products as p', 'p.id', 'l.product_id')
      .select(['l.id', 'l.line_no', 'l.product_id', 'p.code', 'p.name', 'p.spec', 'p.unit', 'p.is_serial_tracked', 'l.quantity', 'l.received_quantity', 'l.unit_price', 'l.vat_rate', 'l.net', 'l.tax', 'l.gross', 'l.expected_date'])
      .where('l.purchase_order_id', '=', id)
      .orderBy('l.line_no')
      .execute(),
    sql<{ id: string; receipt_no: string; receipt_date: string; quantity: number; value: number }>`
      SELECT r.id, r.receipt_no, r.receipt_date, coalesce(sum(l.quantity), 0) AS quantity, coalesce(sum(l.quantity * l.unit_cost), 0) AS value
      FROM goods_receipts r LEFT JOIN goods_receipt_lines l ON l.goods_receipt_id = r.id
      WHERE r.purchase_order_id = ${id} GROUP BY r.id ORDER BY r.receipt_date, r.receipt_no`.execute(db),
  ]);
  return {
    ...toRow(rows[0]),
    lines: lines.map((l) => ({
      id: l.id,
      lineNo: l.line_no,
      productId: l.product_id,
      productCode: l.code,
      productName: l.name,
      spec: l.spec,
      unit: l.unit,
      isSerialTracked: l.is_serial_tracked === 1,
      quantity: l.quantity,
      receivedQuantity: l.received_quantity,
      unitPrice: l.unit_price,
      vatRate: l.vat_rate,
      net: l.net,
      tax: l.tax,
      gross: l.gross,
      expectedDate: l.expected_date,
    })),
    receipts: receipts.rows.map((r) => ({ id: r.id, receiptNo: r.receipt_no, receiptDate: r.receipt_date, quantity: r.quantity, value: r.value })),
  };
}

/** Writes a draft order and its lines; returns its id and number. Used by the buyer's form and by replenishment. */
export async function insertOrder(ctx: HandlerContext, input: z.output<typeof createPurchaseOrderInput>): Promise<{ id: string; no: string }> {
  const { sqlite } = ctx;
  activeSupplier(sqlite, input.supplierId, 'supplierId');
  activeWarehouse(sqlite, input.warehouseId, 'warehouseId');
  const products = productsOfLines(sqlite, input.lines);
  const orderDate = input.orderDate ?? (await businessToday(ctx.db));
  if (input.expectedDate && input.expectedDate < orderDate) throw validationError([fieldIssue('expectedDate', 'out_of_range', { min: orderDate })]);
  const id = newId();
  const no = nextNumber(sqlite, PURCHASE_ORDER_SERIES, orderDate);
  const taxed = input.lines.map((line) => taxLine({ quantity: line.quantity, unitPrice: line.unitPrice, taxRate: products.get(line.productId)!.vatRate, pricesIncludeTax: input.taxInclusive }));
  const totals = sumTaxLines(taxed);
  const now = nowIso();
  await ctx.db
    .insertInto('purchase_orders')
    .values({
      id,
      po_no: no,
      supplier_id: input.supplierId,
      warehouse_id: input.warehouseId,
      status: 'draft',
      order_date: orderDate,
      expected_date: input.expectedDate ?? null,
      currency: 'CNY',
      tax_inclusive: input.taxInclusive ? 1 : 0,
      total_net: totals.net,
      total_tax: totals.tax,
      total_gross: totals.gross,
      notes: input.notes ?? null,
      created_by: ctx.user?.id ?? null,
      confirmed_at: null,
      created_at: now,
      updated_at: now,
    })
    .execute();
  const insertLine = statement(
    sqlite,
    `INSERT INTO purchase_order_lines (id, purchase_order_id, line_no, product_id, quantity, received_quantity, unit_price, vat_rate, net, tax, gross, expected_date)
     VALUES (?, ?, ?, ?, ?, 0, ?, ?, ?, ?, ?, ?)`,
  );
  input.lines.forEach((line, i) => {
    const t = taxed[i]!;
    insertLine.run(newId(), id, i + 1, line.productId, line.quantity, line.unitPrice, products.get(line.productId)!.vatRate, t.net, t.tax, t.gross, line.expectedDate ?? null);
  });
  return { id, no };
}

export async function createOrder(ctx: HandlerContext, input: z.output<typeof createPurchaseOrderInput>): Promise<PurchaseOrder> {
  const { id } = await insertOrder(ctx, input);
  const order = await getOrder(ctx.db, id);
  ctx.audit({
    entityType: PURCHASE_ORDER.kind,
    entityId: id,
    fields: { created: { before: null, after: { no: order.poNo, supplier: order.supplierName, totalGross: order.totalGross, lines: order.lines.map((l) => ({ product: l.productCode, quantity: l.quantity, unitPrice: l.unitPrice })) } } },
  });
  return order;
}

function statusOf(sqlite: Sqlite, id: string): PurchaseOrderStatus {
  const status = statement(sqlite, 'SELECT status FROM purchase_orders WHERE id = ?').pluck().get(id) as PurchaseOrderStatus | undefined;
  if (!status) throw notFound('Purchase order', id);
  return status;
}

export async function setOrderStatus(ctx: HandlerContext, id: string, to: 'confirmed' | 'cancelled'): Promise<PurchaseOrder> {
  const from = statusOf(ctx.sqlite, id);
  assertTransition(PURCHASE_ORDER, from, to);
  const now = nowIso();
  statement(ctx.sqlite, `UPDATE purchase_orders SET status = ?, updated_at = ?${to === 'confirmed' ? ', confirmed_at = ?' : ''} WHERE id = ?`).run(
    ...(to === 'confirmed' ? [to, now, now, id] : [to, now, id]),
  );
  if (to === 'cancelled') reopenRequestsOf(ctx.sqlite, id);
  ctx.audit({ entityType: PURCHASE_ORDER.kind, entityId: id, fields: { status: { before: from, after: to } } });
  return getOrder(ctx.db, id);
}

/**
 * A cancelled order no longer answers the requests it was made from: each opens again, unless
 * stock crossed again meanwhile and a newer request is already open for the product.
 */
function reopenRequestsOf(sqlite: Sqlite, purchaseOrderId: string): void {
  statement(
    sqlite,
    `UPDATE replenishment_requests SET status = 'open', purchase_order_id = NULL, closed_at = NULL
     WHERE purchase_order_id = ? AND status = 'ordered' AND closed_at IS NULL
       AND NOT EXISTS (SELECT 1 FROM replenishment_requests o WHERE o.product_id = replenishment_requests.product_id
                       AND o.warehouse_id = replenishment_requests.warehouse_id AND o.status = 'open')`,
  ).run(purchaseOrderId);
}

/**
 * The earliest date goods of a product are due on confirmed purchase orders not yet fully
 * received, optionally into one warehouse: the line's expected date, else the order's, else the
 * order date plus the supplier's lead time. Null when nothing is on order. The sales area offers
 * it as the promised date of a line it cannot fill from stock.
 */
export async function earliestIncomingDate(db: Db, productId: string, warehouseId?: string): Promise<string | null> {
  const { rows } = await sql<{ date: string | null }>`
    SELECT min(coalesce(l.expected_date, o.expected_date, date(o.order_date, '+' || s.lead_time_days || ' days'))) AS date
    FROM purchase_order_lines l
    JOIN purchase_orders o ON o.id = l.purchase_order_id
    JOIN suppliers s ON s.id = o.supplier_id
    WHERE l.product_id = ${productId} AND l.received_quantity < l.quantity AND o.status IN ('confirmed', 'partly_received')
      ${warehouseId ? sql`AND o.warehouse_id = ${warehouseId}` : sql``}`.execute(db);
  return rows[0]?.date ?? null;
}
