/** What the order-lines export reads: the lines of each page of the orders list (orders.list.ts orderPages). */
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import type { OrderLineExportRow } from './orders.export';
import { orderPages, type OrderQuery } from './orders.list';
import { discountFen } from './orders.rules';
import type { DataScope } from '../users/data-scope';

/** The lines of the orders the list query matches, in the list's order and each order's line order. */
export async function* orderLineExportRows(db: Kysely<Database>, query: OrderQuery, today: string, scope: DataScope): AsyncGenerator<{ rows: OrderLineExportRow[]; total: number }> {
  let done = 0;
  for await (const page of orderPages(db, query, today, scope)) {
    if (page.rows.length === 0) continue;
    const ids = page.rows.map((o) => o.id);
    const { rows } = await sql<{ sales_order_id: string; order_no: string | null; code: string; quantity: number; unit_price: number; discount_bp: number; vat_rate: number; gross: number }>`
      SELECT l.sales_order_id, o.order_no, p.code, l.quantity, l.unit_price, l.discount_bp, l.vat_rate, l.gross
        FROM sales_order_lines l JOIN sales_orders o ON o.id = l.sales_order_id JOIN products p ON p.id = l.product_id
       WHERE l.sales_order_id IN (${sql.join(ids)}) ORDER BY l.sales_order_id, l.line_no`.execute(db);
    const byOrder = new Map<string, OrderLineExportRow[]>();
    for (const r of rows) {
      const line: OrderLineExportRow = {
        orderNo: r.order_no,
        productCode: r.code,
        quantity: r.quantity,
        unitPrice: r.unit_price,
        discount: discountFen({ quantity: r.quantity, unitPrice: r.unit_price, discountBp: r.discount_bp }),
        vatRate: r.vat_rate,
        gross: r.gross,
      };
      byOrder.set(r.sales_order_id, [...(byOrder.get(r.sales_order_id) ?? []), line]);
    }
    const lines = ids.flatMap((id) => byOrder.get(id) ?? []);
    done += lines.length;
    // The number of lines is known only as they are read: the total grows with each page.
    yield { rows: lines, total: done };
  }
}
