/** One order as its screen shows it: header, lines with what is reserved, timeline, approvals, deliveries and returns. */
import { notFound } from '../../api/errors';
import type { Sqlite } from '../../db/connection';
import { statement } from '../../db/statements';
import type { ApprovalReason, CreditCheck, Order, OrderApproval, OrderDocumentRef, OrderEvent, OrderLine, OrderStatus } from './orders.dto';
import { ORDER_DOCUMENT_TYPE } from './orders.kind';

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

/** Prepared once per connection (statement()): confirming an order returns it, on the hot path of #11. */
export function getOrder(sqlite: Sqlite, id: string): Order {
  const h = statement(
    sqlite,
    `SELECT o.*, c.code AS customer_code, c.name AS customer_name, q.quote_no, w.name AS warehouse_name,
           ou.display_name AS owner_name, cu.display_name AS created_by_name, xu.display_name AS cancelled_by_name
      FROM sales_orders o
      JOIN customers c ON c.id = o.customer_id
      JOIN warehouses w ON w.id = o.warehouse_id
      LEFT JOIN quotes q ON q.id = o.quote_id
      LEFT JOIN users ou ON ou.id = o.owner_user_id
      LEFT JOIN users cu ON cu.id = o.created_by
      LEFT JOIN users xu ON xu.id = o.cancelled_by
     WHERE o.id = ?`,
  ).get(id) as HeaderRecord | undefined;
  if (!h) throw notFound('Sales order', id);
  const lines = linesOf(sqlite, id);
  const events = eventsOf(sqlite, id);
  const approvals = approvalsOf(sqlite, id);
  const documents = documentsOf(sqlite, id);
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

function linesOf(sqlite: Sqlite, orderId: string): OrderLine[] {
  const rows = statement(
    sqlite,
    `SELECT l.*, p.code AS product_code, p.name AS product_name, p.spec, p.is_stocked, p.is_serial_tracked,
           (SELECT coalesce(sum(r.quantity), 0) FROM stock_reservations r
             WHERE r.document_type = ? AND r.document_id = l.sales_order_id AND r.document_line_id = l.id AND r.status = 'open') AS reserved
      FROM sales_order_lines l JOIN products p ON p.id = l.product_id
     WHERE l.sales_order_id = ?
     ORDER BY l.line_no`,
  ).all(ORDER_DOCUMENT_TYPE, orderId) as LineRecord[];
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

function eventsOf(sqlite: Sqlite, orderId: string): OrderEvent[] {
  const rows = statement(
    sqlite,
    `SELECT e.id, e.from_status, e.to_status, e.comment, u.display_name, e.at
       FROM sales_order_events e LEFT JOIN users u ON u.id = e.user_id
      WHERE e.sales_order_id = ? ORDER BY e.at, e.id`,
  ).all(orderId) as { id: string; from_status: OrderStatus | null; to_status: OrderStatus; comment: string | null; display_name: string | null; at: string }[];
  return rows.map((r) => ({ id: r.id, fromStatus: r.from_status, toStatus: r.to_status, comment: r.comment, userName: r.display_name, at: r.at }));
}

interface ApprovalRecord {
  id: string;
  reasons: string;
  requested_by_name: string | null;
  requested_at: string;
  decision: OrderApproval['decision'];
  decided_by_name: string | null;
  decided_at: string | null;
  comment: string | null;
}

function approvalsOf(sqlite: Sqlite, orderId: string): OrderApproval[] {
  const rows = statement(
    sqlite,
    `SELECT a.id, a.reasons, r.display_name AS requested_by_name, a.requested_at, a.decision, d.display_name AS decided_by_name, a.decided_at, a.comment
       FROM sales_order_approvals a LEFT JOIN users r ON r.id = a.requested_by LEFT JOIN users d ON d.id = a.decided_by
      WHERE a.sales_order_id = ? ORDER BY a.requested_at`,
  ).all(orderId) as ApprovalRecord[];
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

function documentsOf(sqlite: Sqlite, orderId: string): { deliveries: OrderDocumentRef[]; returns: OrderDocumentRef[] } {
  const deliveries = statement(
    sqlite,
    'SELECT id, delivery_no AS number, status, delivery_date AS date FROM deliveries WHERE sales_order_id = ? ORDER BY delivery_date, id',
  ).all(orderId) as OrderDocumentRef[];
  const returns = statement(sqlite, 'SELECT id, return_no AS number, status, return_date AS date FROM sales_returns WHERE sales_order_id = ? ORDER BY return_date, id').all(
    orderId,
  ) as OrderDocumentRef[];
  return { deliveries, returns };
}
