/**
 * 销售退货: goods back against delivered order lines. Restocked goods re-enter the warehouse at
 * the cost they left at (so the stock value is exact); scrapped ones do not. Each line's money is
 * its share of the order line, shares of successive returns adding up to the line exactly, and
 * the return leaves a credit-note request for receivables. One transaction (dispatch's).
 */
import type { z } from 'zod';
import { AppError, validationError } from '../../api/errors';
import { fieldIssue } from '../../api/issues';
import type { Sqlite } from '../../db/connection';
import { statement } from '../../db/statements';
import type { HandlerContext } from '../context';
import { nextNumber, type SeriesDefinition } from '../core/numbering';
import { roundHalfUp, sumTaxLines } from '../core/money';
import { productsByIds } from '../catalog/catalog.service';
import { companyFacts } from '../orders/orders.editing';
import * as orders from '../orders/orders.repository';
import { returnedShare } from '../orders/orders.rules';
import { newId, nowIso } from '../shared/ids';
import { activeWarehouse } from '../stock/stock.documents';
import { postMove } from '../stock/stock.ledger';
import { returnSerials, scrapReturnedSerials } from '../stock/stock.serials';
import type { returnCreateInput, SalesReturn } from './returns.contract';
import { refreshOrderFigures } from '../orders/orders.customer-stats';
import { followInvoices } from '../orders/orders.status';
import { getReturn } from './returns.read';

/** TH-2026-000123 (退货). */
export const RETURN_SERIES: SeriesDefinition = { code: 'sales_return', prefix: 'TH', perYear: true, padding: 6 };

const RETURNABLE = new Set(['partly_delivered', 'delivered', 'invoiced', 'paid', 'closed']);

/** What the order line's goods left the warehouse at, on average over its posted deliveries. */
function deliveredUnitCost(sqlite: Sqlite, orderLineId: string): number {
  const row = statement(
    sqlite,
    `SELECT sum(dl.quantity * dl.unit_cost) AS value, sum(dl.quantity) AS quantity FROM delivery_lines dl JOIN deliveries d ON d.id = dl.delivery_id
      WHERE dl.sales_order_line_id = ? AND d.status = 'posted'`,
  ).get(orderLineId) as { value: number | null; quantity: number | null };
  return row.quantity ? roundHalfUp(BigInt(row.value ?? 0), BigInt(row.quantity)) : 0;
}

export async function createReturn(ctx: HandlerContext, input: z.output<typeof returnCreateInput>): Promise<SalesReturn> {
  const { sqlite } = ctx;
  const order = orders.findOrder(sqlite, input.salesOrderId);
  if (!order) throw validationError([fieldIssue('salesOrderId', 'not_found', { entity: 'sales_order' })]);
  if (!RETURNABLE.has(order.status)) {
    throw new AppError('CONFLICT', `Order ${order.order_no ?? order.id} has delivered nothing to return`, [fieldIssue('salesOrderId', 'not_allowed', { reason: 'nothing_delivered' })]);
  }
  const warehouseId = input.warehouseId ?? order.warehouse_id;
  activeWarehouse(sqlite, warehouseId, 'warehouseId');
  const orderLines = new Map(orders.linesOf(sqlite, order.id).map((l) => [l.id, l]));
  const returning = new Map<string, number>();
  const lines = input.lines.map((wanted, i) => {
    const line = orderLines.get(wanted.orderLineId);
    if (!line) throw validationError([fieldIssue(`lines.${i}.orderLineId`, 'not_found', { entity: 'sales_order_line' })]);
    const before = line.returned_quantity + (returning.get(line.id) ?? 0);
    const max = line.delivered_quantity - before;
    if (wanted.quantity > max) throw validationError([fieldIssue(`lines.${i}.quantity`, 'out_of_range', { min: 1, max: Math.max(0, max) })]);
    returning.set(line.id, (returning.get(line.id) ?? 0) + wanted.quantity);
    return { wanted, line, amounts: returnedShare(line, before, wanted.quantity, line.quantity) };
  });

  const { today } = companyFacts(sqlite);
  const returnDate = input.returnDate ?? today;
  const now = nowIso();
  const userId = ctx.user?.id ?? null;
  const id = newId();
  const returnNo = nextNumber(sqlite, RETURN_SERIES, today);
  statement(
    sqlite,
    `INSERT INTO sales_returns (id, return_no, sales_order_id, customer_id, warehouse_id, status, return_date, reason, notes, created_by, created_at)
     VALUES (?, ?, ?, ?, ?, 'received', ?, ?, ?, ?, ?)`,
  ).run(id, returnNo, order.id, order.customer_id, warehouseId, returnDate, input.reason, input.notes ?? null, userId, now);
  const products = productsByIds(ctx.sqlite, lines.map((l) => l.line.product_id));
  const insertLine = statement(
    sqlite,
    'INSERT INTO sales_return_lines (id, sales_return_id, sales_order_line_id, product_id, quantity, disposition, net, tax, gross, serials) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  lines.forEach(({ wanted, line, amounts }, i) => {
    const product = products.get(line.product_id)!;
    const lineId = newId();
    const restock = wanted.disposition === 'restock';
    let moveId: string | null = null;
    if (product.isStocked && restock) {
      moveId = postMove(sqlite, {
        productId: product.id,
        warehouseId,
        kind: 'return',
        quantity: wanted.quantity,
        unitCost: deliveredUnitCost(sqlite, line.id),
        moveDate: returnDate,
        document: { type: 'sales_return', id, no: returnNo, lineId },
        note: input.reason,
        userId,
      }).id;
    }
    if (product.isSerialTracked) {
      const serials = { productId: product.id, customerId: order.customer_id, serials: wanted.serials, quantity: wanted.quantity, issuePath: `lines.${i}.serials` };
      if (moveId) returnSerials(sqlite, { ...serials, warehouseId, moveId });
      else scrapReturnedSerials(sqlite, serials);
    }
    insertLine.run(lineId, id, line.id, product.id, wanted.quantity, wanted.disposition, amounts.net, amounts.tax, amounts.gross, JSON.stringify(wanted.serials));
    statement(sqlite, 'UPDATE sales_order_lines SET returned_quantity = returned_quantity + ? WHERE id = ?').run(wanted.quantity, line.id);
  });
  refreshOrderFigures(sqlite, order.customer_id);
  // What came back needs no invoice: an order invoiced for all it kept is invoiced.
  followInvoices(sqlite, [order.id], { userId, now, comment: returnNo });
  const totals = sumTaxLines(lines.map((l) => l.amounts));
  statement(
    sqlite,
    `INSERT INTO credit_note_requests (id, sales_return_id, customer_id, sales_order_id, total_net, total_tax, total_gross, status, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, 'open', ?, ?)`,
  ).run(newId(), id, order.customer_id, order.id, totals.net, totals.tax, totals.gross, now, now);
  ctx.audit({
    entityType: 'salesReturn',
    entityId: id,
    fields: {
      returnNo: { before: null, after: returnNo },
      orderNo: { before: null, after: order.order_no },
      reason: { before: null, after: input.reason },
      lines: { before: null, after: lines.map((l) => `${l.line.line_no}:${l.wanted.quantity} ${l.wanted.disposition}`).join(' ') },
      totalGross: { before: null, after: totals.gross },
    },
  });
  return getReturn(sqlite, id);
}
