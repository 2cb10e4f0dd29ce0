import { AppError } from '../../api/errors';
import { fieldIssue } from '../../api/issues';
import type { Sqlite } from '../../db/connection';
import { statement } from '../../db/statements';
import { printable, type PrintableDocument, type PrintableLineInput } from '../core/document';
import { ORDER_KIND } from './orders.kind';
import type { OrderLine } from './orders.dto';
import { getOrder } from './orders.read';
import { discountFen } from './orders.rules';

/** A sales line as printed: in the unit it was entered in, with its discount in fen. */
export function printableLine(line: Pick<OrderLine, 'productCode' | 'productName' | 'spec' | 'description' | 'quantity' | 'unit' | 'unitFactor' | 'unitPrice' | 'discountBp' | 'vatRate'>): PrintableLineInput {
  return {
    code: line.productCode,
    description: line.description ?? line.productName,
    specification: line.spec,
    quantity: line.quantity / line.unitFactor,
    unit: line.unit,
    unitPrice: line.unitPrice * line.unitFactor,
    discount: discountFen(line),
    taxRate: line.vatRate,
  };
}

/** What the print template of a sales order (销售订单) needs; the amounts equal the stored ones. */
export function printableOrder(sqlite: Sqlite, id: string): PrintableDocument {
  const order = getOrder(sqlite, id);
  return printable({
    kind: ORDER_KIND,
    header: { id: order.id, number: order.orderNo, status: order.status },
    fields: [
      { label: 'print.fields.customer', value: `${order.customerName}（${order.customerCode}）` },
      { label: 'print.fields.orderDate', value: order.orderDate },
      { label: 'print.fields.promisedDate', value: order.promisedDate ?? '' },
      { label: 'print.fields.warehouse', value: order.warehouseName },
      { label: 'print.fields.shippingAddress', value: order.shippingAddress ?? '' },
      { label: 'print.fields.salesperson', value: order.ownerName ?? '' },
    ],
    currency: order.currency,
    pricesIncludeTax: order.taxInclusive,
    lines: order.lines.map(printableLine),
  });
}

/** An order by its id or its number (SO-2026-000123), as the print route and the CLI name it. */
export function printableOrderByRef(sqlite: Sqlite, ref: string): PrintableDocument {
  const id = statement(sqlite, 'SELECT id FROM sales_orders WHERE id = ? OR order_no = ?').pluck().get(ref, ref.trim().toUpperCase()) as string | undefined;
  if (!id) throw new AppError('NOT_FOUND', `Sales order ${ref} does not exist`, [fieldIssue('ref', 'not_found', { entity: 'sales_order' })]);
  return printableOrder(sqlite, id);
}
