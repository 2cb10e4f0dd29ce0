/**
 * Posting a delivery (发货过账): each stocked line leaves the warehouse through the stock ledger at
 * the moving average, which is its cost of goods sold; the order lines count what went out and
 * the order follows them (partly delivered → delivered). All in dispatch's one transaction.
 */
import type { z } from 'zod';
import type { Sqlite } from '../../db/connection';
import { statement } from '../../db/statements';
import type { HandlerContext } from '../context';
import { productsByIds } from '../catalog/catalog.service';
import { companyFacts } from '../orders/orders.editing';
import { ORDER_DOCUMENT_TYPE } from '../orders/orders.kind';
import * as orders from '../orders/orders.repository';
import { followDeliveries } from '../orders/orders.status';
import { refreshOrderFigures } from '../orders/orders.customer-stats';
import { nowIso } from '../shared/ids';
import { postMove } from '../stock/stock.ledger';
import { releaseReservations, reserveStock, reservedFor } from '../stock/stock.reservations';
import { deliverSerials } from '../stock/stock.serials';
import type { Delivery, postInput } from './deliveries.contract';
import { assertFullyPicked } from './deliveries.picking-rule';
import { getDelivery } from './deliveries.read';
import { assertPicking, DELIVERY_DOCUMENT_TYPE, deliveryOrFail } from './deliveries.service';
import { assertPeriodOpen } from '../core/periods';

interface LineToPost {
  id: string;
  sales_order_line_id: string;
  product_id: string;
  quantity: number;
  serials: string;
}

/**
 * An order line never holds more stock than it still owes: goods sent from another warehouse
 * leave the order's own reservation behind, so it shrinks to what is left.
 */
function trimReservation(sqlite: Sqlite, order: orders.OrderRecord, line: orders.OrderLineRecord): void {
  const owed = line.quantity - line.delivered_quantity;
  if (reservedFor(sqlite, ORDER_DOCUMENT_TYPE, line.id) <= owed) return;
  releaseReservations(sqlite, { type: ORDER_DOCUMENT_TYPE, id: order.id, lineId: line.id });
  if (owed > 0) reserveStock(sqlite, { productId: line.product_id, warehouseId: order.warehouse_id, quantity: owed, document: { type: ORDER_DOCUMENT_TYPE, id: order.id, lineId: line.id } });
}

export async function postDelivery(ctx: HandlerContext, input: z.output<typeof postInput>): Promise<Delivery> {
  const { sqlite } = ctx;
  const delivery = deliveryOrFail(sqlite, input.id);
  assertPicking(delivery, 'posted');
  assertFullyPicked(sqlite, delivery);
  const order = orders.findOrder(sqlite, delivery.sales_order_id)!;
  const deliveryDate = input.deliveryDate ?? companyFacts(sqlite).today;
  assertPeriodOpen(sqlite, deliveryDate, 'deliveryDate');
  const userId = ctx.user?.id ?? null;
  const lines = statement(sqlite, 'SELECT id, sales_order_line_id, product_id, quantity, serials FROM delivery_lines WHERE delivery_id = ? ORDER BY rowid').all(delivery.id) as LineToPost[];
  const products = productsByIds(ctx.sqlite, lines.map((l) => l.product_id));
  let costOfGoods = 0;
  lines.forEach((line, i) => {
    const product = products.get(line.product_id)!;
    let unitCost = 0;
    if (product.isStocked) {
      const move = postMove(sqlite, {
        productId: line.product_id,
        warehouseId: delivery.warehouse_id,
        kind: 'delivery',
        quantity: -line.quantity,
        moveDate: deliveryDate,
        document: { type: DELIVERY_DOCUMENT_TYPE, id: delivery.id, no: delivery.delivery_no, lineId: line.id },
        userId,
        fromReservation: { documentType: ORDER_DOCUMENT_TYPE, documentLineId: line.sales_order_line_id },
        issuePath: `lines.${i}.quantity`,
      });
      unitCost = move.unitCost;
      if (product.isSerialTracked) {
        deliverSerials(sqlite, {
          productId: product.id,
          warehouseId: delivery.warehouse_id,
          customerId: delivery.customer_id,
          moveId: move.id,
          serials: JSON.parse(line.serials) as string[],
          quantity: line.quantity,
          issuePath: `lines.${i}.serials`,
        });
      }
    }
    costOfGoods += unitCost * line.quantity;
    statement(sqlite, 'UPDATE delivery_lines SET unit_cost = ? WHERE id = ?').run(unitCost, line.id);
    statement(sqlite, 'UPDATE sales_order_lines SET delivered_quantity = delivered_quantity + ? WHERE id = ?').run(line.quantity, line.sales_order_line_id);
  });
  for (const line of orders.linesOf(sqlite, order.id)) trimReservation(sqlite, order, line);
  const now = nowIso();
  statement(sqlite, "UPDATE deliveries SET status = 'posted', delivery_date = ?, posted_at = ?, posted_by = ?, updated_at = ? WHERE id = ?").run(deliveryDate, now, userId, now, delivery.id);
  const status = followDeliveries(sqlite, order.id, userId, now, delivery.delivery_no);
  refreshOrderFigures(sqlite, order.customer_id);
  ctx.audit({
    entityType: 'delivery',
    entityId: delivery.id,
    fields: { status: { before: 'picking', after: 'posted' }, costOfGoods: { before: null, after: costOfGoods }, orderStatus: { before: order.status, after: status } },
  });
  return getDelivery(sqlite, delivery.id);
}

