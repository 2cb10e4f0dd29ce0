/** One order as its screen shows it: header, lines with what is reserved, timeline, approvals, deliveries and returns. */
import { sql, type Kysely } from 'kysely';
import { notFound } from '../../api/errors';
import type { Database } from '../../db/schema';
import type { ApprovalReason, CreditCheck, Order, OrderApproval, OrderDocumentRef, OrderEvent, OrderLine, OrderStatus } from './orders.dto';
import { ORDER_DOCUMENT_TYPE } from './orders.kind';

type Db = Kysely<Database>;

interface HeaderRecord {
  id: string;
  order_no: string | null;
  customer_id: string;
  customer_code: string;
  customer_name: string;
  quote_id: string | null;
  quote_no: string | null;
  status: OrderStatus;
  order_date: string;
  promised_date: string | null;
  warehouse_id: string;
  warehouse_name: string;
  price_list_id: string | null;
  tax_inclusive: number;
  currency: string;
  total_net: number;
  total_tax: number;
  total_gross: number;
  credit_check: string | null;
  decided_by_rule: string | null;
  shipping_address: string | null;
  owner_user_id: string | null;
  owner_name: string | null;
  notes: string | null;
  created_by_name: string | null;
  created_at: string;
  updated_at: string;
  confirmed_at: string | null;
  cancelled_at: string | null;
  cancelled_by_name: string | null;
  cancel_reason: string | null;
}

interface LineRecord {
  id: string;
  line_no: number;
  product_id: string;
  product_code: string;
  product_name: string;
  spec: string | null;
  description: string | null;
  quantity: number;
  delivered_quantity: number;
  returned_quantity: number;
  reserved: number;
  unit: string;
  unit_factor: number;
  list_price: number;
  unit_price: number;
  price_overridden: number;
  discount_bp: number;
  vat_rate: number;
  net: number;
  tax: number;
  gross: number;
  promised_date: string | null;
  substitutes_line_id: string | null;
  is_stocked: number;
  is_serial_tracked: number;
}

export async function getOrder(db: Db, id: string): Promise<Order> {
  const { rows } = await sql<HeaderRecord>`
    SELECT o.*, c.code AS customer_code, c.name AS customer_name, q.quote_no, w.name AS warehouse_name,
           ou.display_name AS owner_name, cu.display_name AS created_by_name, xu.display_name AS cancelled_by_name
      FROM sales_orders o
      JOIN customers c ON c.id = o.customer_id
      JOIN warehouses w ON w.id = o.warehouse_id
      LEFT JOIN quotes q ON q.id = o.quote_id
      LEFT JOIN users ou ON ou.id = o.owner_user_id
      LEFT JOIN users cu ON cu.id = o.created_by
      LEFT JOIN users xu ON xu.id = o.cancelled_by
     WHERE o.id = ${id}`.execute(db);
  const h = rows[0];
  if (!h) throw notFound('Sales order', id);
  const [lines, events, approvals, documents] = await Promise.all([linesOf(db, id), eventsOf(db, id), approvalsOf(db, id), documentsOf(db, id)]);
  return {
    id: h.id,
    orderNo: h.order_no,
    customerId: h.customer_id,
    customerCode: h.customer_code,
    customerName: h.customer_name,
    status: h.status,
    orderDate: h.order_date,
    promisedDate: h.promised_date,
    currency: h.currency,
    totalGross: h.total_gross,
    ownerUserId: h.owner_user_id,
    ownerName: h.owner_name,
    quoteId: h.quote_id,
    quoteNo: h.quote_no,
    warehouseId: h.warehouse_id,
    warehouseName: h.warehouse_name,
    priceListId: h.price_list_id,
    taxInclusive: h.tax_inclusive === 1,
    totalNet: h.total_net,
    totalTax: h.total_tax,
    creditCheck: h.credit_check ? (JSON.parse(h.credit_check) as CreditCheck) : null,
    decidedByRule: h.decided_by_rule,
    shippingAddress: h.shipping_address,
    notes: h.notes,
    createdByName: h.created_by_name,
    createdAt: h.created_at,
    updatedAt: h.updated_at,
    confirmedAt: h.confirmed_at,
    cancelledAt: h.cancelled_at,
    cancelledByName: h.cancelled_by_name,
    cancelReason: h.cancel_reason,
    lines,
    events,
    approvals,
    ...documents,
  };
}

async function linesOf(db: Db, orderId: string): Promise<OrderLine[]> {
  const { rows } = await sql<LineRecord>`
    SELECT l.*, p.code AS product_code, p.name AS product_name, p.spec, p.is_stocked, p.is_serial_tracked,
           (SELECT coalesce(sum(r.quantity), 0) FROM stock_reservations r
             WHERE r.document_type = ${ORDER_DOCUMENT_TYPE} AND r.document_id = l.sales_order_id AND r.document_line_id = l.id AND r.status = 'open') AS reserved
      FROM sales_order_lines l JOIN products p ON p.id = l.product_id
     WHERE l.sales_order_id = ${orderId}
     ORDER BY l.line_no`.execute(db);
  return rows.map((r) => ({
    id: r.id,
    lineNo: r.line_no,
    productId: r.product_id,
    productCode: r.product_code,
    productName: r.product_name,
    spec: r.spec,
    description: r.description,
    quantity: r.quantity,
    deliveredQuantity: r.delivered_quantity,
    returnedQuantity: r.returned_quantity,
    reservedQuantity: r.reserved,
    unit: r.unit,
    unitFactor: r.unit_factor,
    listPrice: r.list_price,
    unitPrice: r.unit_price,
    priceOverridden: r.price_overridden === 1,
    discountBp: r.discount_bp,
    vatRate: r.vat_rate,
    net: r.net,
    tax: r.tax,
    gross: r.gross,
    promisedDate: r.promised_date,
    substitutesLineId: r.substitutes_line_id,
    isStocked: r.is_stocked === 1,
    isSerialTracked: r.is_serial_tracked === 1,
  }));
}

async function eventsOf(db: Db, orderId: string): Promise<OrderEvent[]> {
  const rows = await db
    .selectFrom('sales_order_events as e')
    .leftJoin('users as u', 'u.id', 'e.user_id')
    .select(['e.id', 'e.from_status', 'e.to_status', 'e.comment', 'u.display_name', 'e.at'])
    .where('e.sales_order_id', '=', orderId)
    .orderBy('e.at')
    .orderBy('e.id')
    .execute();
  return rows.map((r) => ({ id: r.id, fromStatus: r.from_status, toStatus: r.to_status, comment: r.comment, userName: r.display_name, at: r.at }));
}

async function approvalsOf(db: Db, orderId: string): Promise<OrderApproval[]> {
  const rows = await db
    .selectFrom('sales_order_approvals as a')
    .leftJoin('users as r', 'r.id', 'a.requested_by')
    .leftJoin('users as d', 'd.id', 'a.decided_by')
    .select(['a.id', 'a.reasons', 'r.display_name as requested_by_name', 'a.requested_at', 'a.decision', 'd.display_name as decided_by_name', 'a.decided_at', 'a.comment'])
    .where('a.sales_order_id', '=', orderId)
    .orderBy('a.requested_at')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    reasons: JSON.parse(r.reasons) as ApprovalReason[],
    requestedByName: r.requested_by_name,
    requestedAt: r.requested_at,
    decision: r.decision,
    decidedByName: r.decided_by_name,
    decidedAt: r.decided_at,
    comment: r.comment,
  }));
}

async function documentsOf(db: Db, orderId: string): Promise<{ deliveries: OrderDocumentRef[]; returns: OrderDocumentRef[] }> {
  const deliveries = await db
    .selectFrom('deliveries')
    .select(['id', 'delivery_no as number', 'status', 'delivery_date as date'])
    .where('sales_order_id', '=', orderId)
    .orderBy('delivery_date')
    .orderBy('id')
    .execute();
  const returns = await db
    .selectFrom('sales_returns')
    .select(['id', 'return_no as number', 'status', 'return_date as date'])
    .where('sales_order_id', '=', orderId)
    .orderBy('return_date')
    .orderBy('id')
    .execute();
  return { deliveries, returns };
}
