/** Returns as their screens show them. */
import type { Page } from '../../api/paging';
import { notFound } from '../../api/errors';
import type { Sqlite } from '../../db/connection';
import { statement } from '../../db/statements';
import { customerIdVisibleText } from '../customers/customers.scope';
import type { DataScope } from '../users/data-scope';
import type { ReturnLine, ReturnListRow, SalesReturn } from './returns.contract';
import type { CreditNoteRequestStatus, ReturnDisposition, ReturnStatus } from './returns.dto';

interface HeaderRecord {
  id: string;
  return_no: string;
  sales_order_id: string;
  order_no: string;
  customer_id: string;
  customer_name: string;
  warehouse_id: string;
  warehouse_name: string;
  status: ReturnStatus;
  return_date: string;
  reason: string;
  notes: string | null;
  total_net: number;
  total_tax: number;
  total_gross: number;
}

const HEADER = `SELECT r.id, r.return_no, r.sales_order_id, o.order_no, r.customer_id, c.name AS customer_name, r.warehouse_id, w.name AS warehouse_name,
       r.status, r.return_date, r.reason, r.notes,
       (SELECT coalesce(sum(net), 0) FROM sales_return_lines WHERE sales_return_id = r.id) AS total_net,
       (SELECT coalesce(sum(tax), 0) FROM sales_return_lines WHERE sales_return_id = r.id) AS total_tax,
       (SELECT coalesce(sum(gross), 0) FROM sales_return_lines WHERE sales_return_id = r.id) AS total_gross
  FROM sales_returns r JOIN sales_orders o ON o.id = r.sales_order_id JOIN customers c ON c.id = r.customer_id JOIN warehouses w ON w.id = r.warehouse_id`;

function toRow(r: HeaderRecord): ReturnListRow {
  return {
    id: r.id,
    returnNo: r.return_no,
    salesOrderId: r.sales_order_id,
    orderNo: r.order_no,
    customerId: r.customer_id,
    customerName: r.customer_name,
    status: r.status,
    returnDate: r.return_date,
    reason: r.reason,
    totalGross: r.total_gross,
  };
}

interface LineRecord {
  id: string;
  sales_order_line_id: string;
  order_line_no: number;
  product_id: string;
  code: string;
  name: string;
  quantity: number;
  disposition: ReturnDisposition;
  net: number;
  tax: number;
  gross: number;
  serials: string;
}

export function getReturn(sqlite: Sqlite, id: string): SalesReturn {
  const header = statement(sqlite, `${HEADER} WHERE r.id = ?`).get(id) as HeaderRecord | undefined;
  if (!header) throw notFound('Sales return', id);
  const lines = statement(
    sqlite,
    `SELECT rl.id, rl.sales_order_line_id, ol.line_no AS order_line_no, rl.product_id, p.code, p.name, rl.quantity, rl.disposition, rl.net, rl.tax, rl.gross, rl.serials
       FROM sales_return_lines rl JOIN sales_order_lines ol ON ol.id = rl.sales_order_line_id JOIN products p ON p.id = rl.product_id
      WHERE rl.sales_return_id = ? ORDER BY ol.line_no, rl.rowid`,
  ).all(id) as LineRecord[];
  const request = statement(sqlite, 'SELECT id, status, total_gross FROM credit_note_requests WHERE sales_return_id = ?').get(id) as
    | { id: string; status: CreditNoteRequestStatus; total_gross: number }
    | undefined;
  return {
    ...toRow(header),
    warehouseId: header.warehouse_id,
    warehouseName: header.warehouse_name,
    notes: header.notes,
    totalNet: header.total_net,
    totalTax: header.total_tax,
    lines: lines.map(
      (l): ReturnLine => ({
        id: l.id,
        orderLineId: l.sales_order_line_id,
        orderLineNo: l.order_line_no,
        productId: l.product_id,
        productCode: l.code,
        productName: l.name,
        quantity: l.quantity,
        disposition: l.disposition,
        net: l.net,
        tax: l.tax,
        gross: l.gross,
        serials: JSON.parse(l.serials) as string[],
      }),
    ),
    creditNoteRequest: request ? { id: request.id, status: request.status, totalGross: request.total_gross } : null,
  };
}

export function listReturns(
  sqlite: Sqlite,
  input: { page: number; pageSize: number; salesOrderId?: string | undefined; q?: string | undefined },
  scope: DataScope,
): Page<ReturnListRow> {
  const where: string[] = [];
  const params: unknown[] = [];
  if (input.salesOrderId) {
    where.push('r.sales_order_id = ?');
    params.push(input.salesOrderId);
  }
  if (input.q) {
    where.push('(r.return_no LIKE ? OR o.order_no LIKE ? OR c.name LIKE ?)');
    params.push(...Array<string>(3).fill(`%${input.q}%`));
  }
  const inScope = customerIdVisibleText(scope, 'r.customer_id');
  if (inScope) {
    where.push(inScope.text);
    params.push(...inScope.params);
  }
  const filter = where.length ? ` WHERE ${where.join(' AND ')}` : '';
  const total = statement(sqlite, `SELECT count(*) FROM sales_returns r JOIN sales_orders o ON o.id = r.sales_order_id JOIN customers c ON c.id = r.customer_id${filter}`)
    .pluck()
    .get(...params) as number;
  const rows = statement(sqlite, `${HEADER}${filter} ORDER BY r.return_date DESC, r.id DESC LIMIT ? OFFSET ?`).all(...params, input.pageSize, (input.page - 1) * input.pageSize) as HeaderRecord[];
  return { rows: rows.map(toRow), total, totalIsExact: true };
}
