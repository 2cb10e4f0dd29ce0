import type { InvariantCheck } from '../checks/invariants';
import { orderFiguresMatchOrders } from './orders.customer-stats';
import { ORDER_DOCUMENT_TYPE } from './orders.kind';

const rowsOf = (sqlite: Parameters<InvariantCheck['run']>[0], query: string, ...params: unknown[]) => sqlite.prepare(query).all(...params) as Record<string, unknown>[];

/** An order's totals are the sums of its rounded lines (DESIGN §3). The sums' aliases differ from the line columns, which HAVING would otherwise pick. */
export const orderTotalsAreLineSums: InvariantCheck = {
  name: 'sales order totals equal the sums of their lines',
  run: (sqlite) =>
    rowsOf(
      sqlite,
      `SELECT o.order_no, o.id, o.total_net, o.total_tax, o.total_gross, coalesce(sum(l.net), 0) AS line_net, coalesce(sum(l.tax), 0) AS line_tax, coalesce(sum(l.gross), 0) AS line_gross
         FROM sales_orders o LEFT JOIN sales_order_lines l ON l.sales_order_id = o.id
        GROUP BY o.id HAVING o.total_net <> line_net OR o.total_tax <> line_tax OR o.total_gross <> line_gross`,
    ).map((r) => `order ${String(r.order_no ?? r.id)}: totals ${String(r.total_net)}/${String(r.total_tax)}/${String(r.total_gross)}, lines ${String(r.line_net)}/${String(r.line_tax)}/${String(r.line_gross)}`),
};

/** What an order line says went out is what its posted deliveries sent; what came back, its received returns. */
export const deliveredMatchesDeliveries: InvariantCheck = {
  name: 'delivered and returned quantities equal the posted deliveries and received returns',
  run: (sqlite) =>
    rowsOf(
      sqlite,
      // Summed once per table and joined: a subquery per line read every return line for each of
      // 2,000,000 order lines at the large scale (return lines have no index by order line).
      `WITH sent AS (
              SELECT dl.sales_order_line_id AS line_id, sum(dl.quantity) AS quantity
                FROM delivery_lines dl JOIN deliveries d ON d.id = dl.delivery_id
               WHERE d.status = 'posted' GROUP BY dl.sales_order_line_id),
            back AS (
              SELECT rl.sales_order_line_id AS line_id, sum(rl.quantity) AS quantity
                FROM sales_return_lines rl JOIN sales_returns r ON r.id = rl.sales_return_id
               WHERE r.status = 'received' GROUP BY rl.sales_order_line_id)
       SELECT l.id, l.delivered_quantity, l.returned_quantity, coalesce(s.quantity, 0) AS sent, coalesce(b.quantity, 0) AS back
         FROM sales_order_lines l
         LEFT JOIN sent s ON s.line_id = l.id
         LEFT JOIN back b ON b.line_id = l.id
        WHERE l.delivered_quantity <> coalesce(s.quantity, 0) OR l.returned_quantity <> coalesce(b.quantity, 0) OR l.returned_quantity > l.delivered_quantity`,
    ).map((r) => `order line ${String(r.id)}: delivered ${String(r.delivered_quantity)} (deliveries ${String(r.sent)}), returned ${String(r.returned_quantity)} (returns ${String(r.back)})`),
};

/** Draft, waiting and confirmed orders have sent nothing; partly delivered some; delivered all. */
export const orderStatusMatchesLines: InvariantCheck = {
  name: 'each sales order’s status agrees with its delivered lines',
  run: (sqlite) =>
    rowsOf(
      sqlite,
      `SELECT o.order_no, o.id, o.status, count(l.id) AS lines, sum(l.delivered_quantity > 0) AS started, sum(l.delivered_quantity >= l.quantity) AS done
         FROM sales_orders o LEFT JOIN sales_order_lines l ON l.sales_order_id = o.id
        GROUP BY o.id
       HAVING (o.status IN ('draft', 'pending_approval', 'confirmed', 'cancelled') AND started > 0)
           OR (o.status = 'partly_delivered' AND (started = 0 OR done = lines))
           OR (o.status IN ('delivered', 'invoiced', 'paid') AND done < lines)
           OR (o.status <> 'draft' AND lines = 0)`,
    ).map((r) => `order ${String(r.order_no ?? r.id)} is ${String(r.status)} with ${String(r.started)} of ${String(r.lines)} lines started, ${String(r.done)} done`),
};

/** Delivered, invoiced and paid as its invoices say (the view sales_order_invoicing, migration 0021). */
export const orderStatusMatchesInvoices: InvariantCheck = {
  name: 'each delivered sales order is invoiced and paid as its invoices say',
  run: (sqlite) =>
    rowsOf(
      sqlite,
      `SELECT coalesce(o.order_no, o.id) AS order_no, v.status, v.due_status
         FROM sales_order_invoicing v JOIN sales_orders o ON o.id = v.sales_order_id
        WHERE v.status <> v.due_status ORDER BY 1`,
    ).map((r) => `order ${String(r.order_no)} is ${String(r.status)} but its invoices make it ${String(r.due_status)}`),
};

/** An order holds stock only while it is to be delivered, and never more than is still to go out. */
export const reservationsWithinUndelivered: InvariantCheck = {
  name: 'sales order reservations are within their undelivered quantities',
  run: (sqlite) =>
    rowsOf(
      sqlite,
      `SELECT o.order_no, o.status, l.line_no, l.quantity - l.delivered_quantity AS undelivered, sum(r.quantity) AS reserved
         FROM stock_reservations r
         JOIN sales_order_lines l ON l.id = r.document_line_id
         JOIN sales_orders o ON o.id = l.sales_order_id
        WHERE r.document_type = ? AND r.status = 'open'
        GROUP BY l.id
       HAVING sum(r.quantity) > l.quantity - l.delivered_quantity OR o.status NOT IN ('pending_approval', 'confirmed', 'partly_delivered') OR r.document_id <> o.id`,
      ORDER_DOCUMENT_TYPE,
    ).map((r) => `order ${String(r.order_no)} (${String(r.status)}) line ${String(r.line_no)}: ${String(r.reserved)} reserved, ${String(r.undelivered)} undelivered`),
};

export const ORDER_CHECKS: InvariantCheck[] = [orderTotalsAreLineSums, deliveredMatchesDeliveries, orderStatusMatchesLines, orderStatusMatchesInvoices, reservationsWithinUndelivered, orderFiguresMatchOrders];
