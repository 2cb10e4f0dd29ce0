/**
 * Receiving (采购入库): a goods receipt against a confirmed purchase order, whole or in part. Each
 * line posts a receipt move at the order line's tax-exclusive unit cost, which moves the moving
 * average; serial-tracked goods record their serials; the order becomes partly received or
 * received, and the replenishment request of each product it brings in is closed.
 */
import type { z } from 'zod';
import { AppError, validationError } from '../../api/errors';
import { fieldIssue, type FieldIssue } from '../../api/issues';
import type { Sqlite } from '../../db/connection';
import { statement } from '../../db/statements';
import { assertTransition } from '../core/document';
import { roundHalfUp } from '../core/money';
import { nextNumber, type SeriesDefinition } from '../core/numbering';
import type { HandlerContext } from '../context';
import { newId, nowIso } from '../shared/ids';
import { activeWarehouse, businessToday } from '../stock/stock.documents';
import { postMove } from '../stock/stock.ledger';
import { receiveSerials } from '../stock/stock.serials';
import type { receiveInput } from './purchasing.contract';
import type { PurchaseOrder, PurchaseOrderStatus } from './purchasing.dto';
import { PURCHASE_ORDER, getOrder } from './purchasing.orders';

export const GOODS_RECEIPT_SERIES: SeriesDefinition = { code: 'goods_receipt', prefix: 'GR', perYear: true, padding: 6 };

/** What the moves of a goods receipt record as their document. */
export const GOODS_RECEIPT_DOCUMENT = 'goods_receipt';

interface OrderLine {
  id: string;
  product_id: string;
  quantity: number;
  received_quantity: number;
  net: number;
}

export async function receiveGoods(ctx: HandlerContext, input: z.output<typeof receiveInput>): Promise<PurchaseOrder> {
  const { sqlite } = ctx;
  const order = statement(sqlite, 'SELECT id, po_no, status, supplier_id, warehouse_id FROM purchase_orders WHERE id = ?').get(input.id) as
    | { id: string; po_no: string; status: PurchaseOrderStatus; supplier_id: string; warehouse_id: string }
    | undefined;
  if (!order) throw new AppError('NOT_FOUND', `Purchase order ${input.id} does not exist`, [fieldIssue('id', 'not_found', { entity: 'purchase_order' })]);
  if (order.status !== 'confirmed' && order.status !== 'partly_received') assertTransition(PURCHASE_ORDER, order.status, 'received');
  activeWarehouse(sqlite, order.warehouse_id, 'id');

  const lineOf = statement(sqlite, 'SELECT id, product_id, quantity, received_quantity, net FROM purchase_order_lines WHERE id = ? AND purchase_order_id = ?');
  const issues: FieldIssue[] = [];
  const taking = new Map<string, number>();
  const lines = input.lines.map((l, i) => {
    const line = lineOf.get(l.lineId, order.id) as OrderLine | undefined;
    if (!line) {
      issues.push(fieldIssue(`lines.${i}.lineId`, 'not_found', { entity: 'purchase_order_line' }));
      return null;
    }
    const open = line.quantity - line.received_quantity - (taking.get(line.id) ?? 0);
    if (l.quantity > open) issues.push(fieldIssue(`lines.${i}.quantity`, 'out_of_range', { min: 1, max: Math.max(0, open) }));
    taking.set(line.id, (taking.get(line.id) ?? 0) + l.quantity);
    return line;
  });
  if (issues.length) throw validationError(issues);

  const date = input.receiptDate ?? (await businessToday(ctx.db));
  const receiptId = newId();
  const no = nextNumber(sqlite, GOODS_RECEIPT_SERIES, date);
  const userId = ctx.user?.id ?? null;
  statement(sqlite, 'INSERT INTO goods_receipts (id, receipt_no, purchase_order_id, supplier_id, warehouse_id, receipt_date, notes, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)').run(
    receiptId, no, order.id, order.supplier_id, order.warehouse_id, date, input.notes ?? null, userId, nowIso());
  const insertLine = statement(sqlite, 'INSERT INTO goods_receipt_lines (id, goods_receipt_id, purchase_order_line_id, product_id, quantity, unit_cost) VALUES (?, ?, ?, ?, ?, ?)');
  const addReceived = statement(sqlite, 'UPDATE purchase_order_lines SET received_quantity = received_quantity + ? WHERE id = ?');
  input.lines.forEach((l, i) => {
    const line = lines[i]!;
    // The stock is valued tax-exclusive: the line's net amount spread over its units.
    const unitCost = roundHalfUp(line.net, line.quantity);
    const lineId = newId();
    const move = postMove(sqlite, {
      productId: line.product_id,
      warehouseId: order.warehouse_id,
      kind: 'receipt',
      quantity: l.quantity,
      unitCost,
      moveDate: date,
      document: { type: GOODS_RECEIPT_DOCUMENT, id: receiptId, no, lineId },
      userId,
      issuePath: `lines.${i}.quantity`,
    });
    receiveSerials(sqlite, { productId: line.product_id, warehouseId: order.warehouse_id, quantity: l.quantity, serials: l.serials, moveId: move.id, issuePath: `lines.${i}.serials` });
    insertLine.run(lineId, receiptId, line.id, line.product_id, l.quantity, unitCost);
    addReceived.run(l.quantity, line.id);
  });

  const outstanding = statement(sqlite, 'SELECT count(*) FROM purchase_order_lines WHERE purchase_order_id = ? AND received_quantity < quantity').pluck().get(order.id) as number;
  const status: PurchaseOrderStatus = outstanding === 0 ? 'received' : 'partly_received';
  if (status !== order.status) {
    assertTransition(PURCHASE_ORDER, order.status, status);
    statement(sqlite, 'UPDATE purchase_orders SET status = ?, updated_at = ? WHERE id = ?').run(status, nowIso(), order.id);
  }
  closeRequests(sqlite, order.id, order.warehouse_id, [...new Set(lines.map((l) => l!.product_id))]);
  const after = await getOrder(ctx.db, order.id);
  ctx.audit({
    entityType: PURCHASE_ORDER.kind,
    entityId: order.id,
    fields: {
      status: { before: order.status, after: status },
      received: { before: null, after: { receiptNo: no, lines: input.lines.map((l) => ({ lineId: l.lineId, quantity: l.quantity })) } },
    },
  });
  return after;
}

/** Goods have arrived: the requests they answer are done, whether ordered from the screen or by hand. */
function closeRequests(sqlite: Sqlite, purchaseOrderId: string, warehouseId: string, productIds: string[]): void {
  const now = nowIso();
  const close = statement(
    sqlite,
    `UPDATE replenishment_requests SET status = 'ordered', purchase_order_id = coalesce(purchase_order_id, ?), closed_at = ?
     WHERE product_id = ? AND warehouse_id = ? AND closed_at IS NULL AND (status = 'open' OR (status = 'ordered' AND purchase_order_id = ?))`,
  );
  for (const productId of productIds) close.run(purchaseOrderId, now, productId, warehouseId, purchaseOrderId);
}
