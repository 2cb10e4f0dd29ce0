/** Deliveries as their screens show them: one with its lines (the pick list), and the paged list. */
import type { Page } from '../../api/paging';
import { notFound } from '../../api/errors';
import type { Sqlite } from '../../db/connection';
import { statement } from '../../db/statements';
import { customerIdVisibleText } from '../customers/customers.scope';
import type { DataScope } from '../users/data-scope';
import type { Delivery, DeliveryLine, DeliveryListRow } from './deliveries.contract';
import type { DeliveryStatus } from './deliveries.dto';
import { pickingRequired } from './deliveries.picking-rule';

interface HeaderRecord {
  id: string;
  delivery_no: string;
  sales_order_id: string;
  order_no: string;
  customer_id: string;
  customer_name: string;
  warehouse_id: string;
  warehouse_name: string;
  status: DeliveryStatus;
  delivery_date: string;
  promised_date: string | null;
  shipping_address: string | null;
  notes: string | null;
  posted_at: string | null;
}

const HEADER = `SELECT d.id, d.delivery_no, d.sales_order_id, o.order_no, d.customer_id, c.name AS customer_name, d.warehouse_id, w.name AS warehouse_name,
       d.status, d.delivery_date, d.promised_date, d.shipping_address, d.notes, d.posted_at
  FROM deliveries d JOIN sales_orders o ON o.id = d.sales_order_id JOIN customers c ON c.id = d.customer_id JOIN warehouses w ON w.id = d.warehouse_id`;

function toRow(r: HeaderRecord): DeliveryListRow {
  return {
    id: r.id,
    deliveryNo: r.delivery_no,
    salesOrderId: r.sales_order_id,
    orderNo: r.order_no,
    customerId: r.customer_id,
    customerName: r.customer_name,
    warehouseName: r.warehouse_name,
    status: r.status,
    deliveryDate: r.delivery_date,
    promisedDate: r.promised_date,
  };
}

interface LineRecord {
  id: string;
  sales_order_line_id: string;
  order_line_no: number;
  product_id: string;
  code: string;
  name: string;
  spec: string | null;
  barcode: string | null;
  unit: string;
  quantity: number;
  picked_quantity: number;
  unit_cost: number | null;
  serials: string;
  is_serial_tracked: number;
}

/** The lines in product-code order: the order a picker walks the shelves in. */
export function deliveryLines(sqlite: Sqlite, deliveryId: string): DeliveryLine[] {
  const rows = statement(
    sqlite,
    `SELECT dl.id, dl.sales_order_line_id, ol.line_no AS order_line_no, dl.product_id, p.code, p.name, p.spec, p.barcode, p.unit, dl.quantity, dl.picked_quantity,
            dl.unit_cost, dl.serials, p.is_serial_tracked
       FROM delivery_lines dl JOIN sales_order_lines ol ON ol.id = dl.sales_order_line_id JOIN products p ON p.id = dl.product_id
      WHERE dl.delivery_id = ? ORDER BY p.code, ol.line_no`,
  ).all(deliveryId) as LineRecord[];
  return rows.map((r) => ({
    id: r.id,
    orderLineId: r.sales_order_line_id,
    orderLineNo: r.order_line_no,
    productId: r.product_id,
    productCode: r.code,
    productName: r.name,
    spec: r.spec,
    barcode: r.barcode,
    unit: r.unit,
    quantity: r.quantity,
    pickedQuantity: r.picked_quantity,
    unitCost: r.unit_cost,
    serials: JSON.parse(r.serials) as string[],
    isSerialTracked: r.is_serial_tracked === 1,
  }));
}

export function getDelivery(sqlite: Sqlite, id: string): Delivery {
  const header = statement(sqlite, `${HEADER} WHERE d.id = ?`).get(id) as HeaderRecord | undefined;
  if (!header) throw notFound('Delivery', id);
  const lines = deliveryLines(sqlite, id);
  const costOfGoods = header.status === 'posted' ? lines.reduce((sum, l) => sum + l.quantity * (l.unitCost ?? 0), 0) : null;
  return { ...toRow(header), warehouseId: header.warehouse_id, shippingAddress: header.shipping_address, notes: header.notes, postedAt: header.posted_at, costOfGoods, pickingRequired: pickingRequired(sqlite), lines };
}

export function listDeliveries(
  sqlite: Sqlite,
  input: { page: number; pageSize: number; status?: DeliveryStatus | undefined; salesOrderId?: string | undefined; q?: string | undefined },
  scope: DataScope,
): Page<DeliveryListRow> {
  const where: string[] = [];
  const params: unknown[] = [];
  const add = (condition: string, ...values: unknown[]) => {
    where.push(condition);
    params.push(...values);
  };
  if (input.status) add('d.status = ?', input.status);
  if (input.salesOrderId) add('d.sales_order_id = ?', input.salesOrderId);
  if (input.q) add('(d.delivery_no LIKE ? OR o.order_no LIKE ? OR c.name LIKE ?)', ...Array<string>(3).fill(`%${input.q}%`));
  const inScope = customerIdVisibleText(scope, 'd.customer_id');
  if (inScope) add(inScope.text, ...inScope.params);
  const filter = where.length ? ` WHERE ${where.join(' AND ')}` : '';
  const total = statement(
    sqlite,
    `SELECT count(*) FROM deliveries d JOIN sales_orders o ON o.id = d.sales_order_id JOIN customers c ON c.id = d.customer_id${filter}`,
  )
    .pluck()
    .get(...params) as number;
  const rows = statement(sqlite, `${HEADER}${filter} ORDER BY d.delivery_date DESC, d.id DESC LIMIT ? OFFSET ?`).all(
    ...params,
    input.pageSize,
    (input.page - 1) * input.pageSize,
  ) as HeaderRecord[];
  return { rows: rows.map(toRow), total, totalIsExact: true };
}
