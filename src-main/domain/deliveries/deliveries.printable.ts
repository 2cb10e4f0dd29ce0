import { AppError } from '../../api/errors';
import { fieldIssue } from '../../api/issues';
import type { HandlerContext } from '../context';
import { printable, type PrintableDocument } from '../core/document';
import { getOrder } from '../orders/orders.read';
import { printableLine } from '../orders/orders.printable';
import { statement } from '../../db/statements';
import { assertDeliveryVisible } from './deliveries.scope';
import { getDelivery } from './deliveries.read';

/**
 * 送货单: the delivery's lines at the order's prices, so the customer signs for what this shipment
 * is worth (a part delivery prints the part); amounts are computed per line as the order's are.
 */
export async function printableDelivery(ctx: Pick<HandlerContext, 'db' | 'sqlite' | 'dataScope'>, ref: string): Promise<PrintableDocument> {
  const id = statement(ctx.sqlite, 'SELECT id FROM deliveries WHERE id = ? OR delivery_no = ?').pluck().get(ref, ref.trim().toUpperCase()) as string | undefined;
  if (!id) throw new AppError('NOT_FOUND', `Delivery ${ref} does not exist`, [fieldIssue('ref', 'not_found', { entity: 'delivery' })]);
  await assertDeliveryVisible(ctx, id);
  const delivery = getDelivery(ctx.sqlite, id);
  const order = getOrder(ctx.sqlite, delivery.salesOrderId);
  const byId = new Map(order.lines.map((l) => [l.id, l]));
  const orderLine = (lineId: string) => byId.get(lineId)!;
  const lines = [...delivery.lines]
    .sort((a, b) => a.orderLineNo - b.orderLineNo)
    .map((l) => printableLine({ ...orderLine(l.orderLineId), quantity: l.quantity }));
  return printable({
    kind: { kind: 'delivery' },
    header: { id: delivery.id, number: delivery.deliveryNo, status: delivery.status },
    fields: [
      { label: 'print.fields.customer', value: `${order.customerName}（${order.customerCode}）` },
      { label: 'print.fields.deliveryDate', value: delivery.deliveryDate },
      { label: 'print.fields.orderNumber', value: order.orderNo ?? '' },
      { label: 'print.fields.shippingAddress', value: delivery.shippingAddress ?? order.shippingAddress ?? '' },
      { label: 'print.fields.warehouse', value: delivery.warehouseName },
      { label: 'print.fields.salesperson', value: order.ownerName ?? '' },
    ],
    currency: order.currency,
    pricesIncludeTax: order.taxInclusive,
    lines,
  });
}
