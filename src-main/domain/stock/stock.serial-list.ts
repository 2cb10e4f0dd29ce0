/** The serial number register (序列号台账): where each unit is, who has it, and the documents that moved it. */
import { sql, type Kysely } from 'kysely';
import type { z } from 'zod';
import type { Page } from '../../api/paging';
import type { Database } from '../../db/schema';
import type { stockContract } from './stock.contract';
import type { SerialRow, SerialStatus } from './stock.dto';
import { escapeLike } from './stock.documents';

type ListInput = z.output<(typeof stockContract)['stock.serials']['input']>;

interface SerialRecord {
  id: string;
  product_id: string;
  product_code: string;
  product_name: string;
  serial: string;
  status: SerialStatus;
  warehouse_id: string | null;
  warehouse_name: string | null;
  customer_id: string | null;
  customer_name: string | null;
  received_date: string | null;
  received_no: string | null;
  delivered_date: string | null;
  delivered_no: string | null;
}

export async function listSerials(db: Kysely<Database>, input: ListInput): Promise<Page<SerialRow>> {
  const where = [sql`1 = 1`];
  if (input.productId) where.push(sql`s.product_id = ${input.productId}`);
  if (input.warehouseId) where.push(sql`s.warehouse_id = ${input.warehouseId}`);
  if (input.status) where.push(sql`s.status = ${input.status}`);
  if (input.q) where.push(sql`s.serial LIKE ${`${escapeLike(input.q)}%`} ESCAPE '\\'`);
  const whereSql = sql.join(where, sql` AND `);
  const [{ rows }, counted] = await Promise.all([
    sql<SerialRecord>`SELECT s.id, s.product_id, p.code AS product_code, p.name AS product_name, s.serial, s.status, s.warehouse_id, w.name AS warehouse_name,
        s.customer_id, c.name AS customer_name, r.move_date AS received_date, r.document_no AS received_no, d.move_date AS delivered_date, d.document_no AS delivered_no
      FROM serial_numbers s JOIN products p ON p.id = s.product_id LEFT JOIN warehouses w ON w.id = s.warehouse_id LEFT JOIN customers c ON c.id = s.customer_id
        LEFT JOIN stock_moves r ON r.id = s.received_move_id LEFT JOIN stock_moves d ON d.id = s.delivered_move_id
      WHERE ${whereSql} ORDER BY p.code, s.serial LIMIT ${input.pageSize} OFFSET ${(input.page - 1) * input.pageSize}`.execute(db),
    sql<{ total: number }>`SELECT count(*) AS total FROM serial_numbers s WHERE ${whereSql}`.execute(db),
  ]);
  return {
    rows: rows.map((r) => ({
      id: r.id,
      productId: r.product_id,
      productCode: r.product_code,
      productName: r.product_name,
      serial: r.serial,
      status: r.status,
      warehouseId: r.warehouse_id,
      warehouseName: r.warehouse_name,
      customerId: r.customer_id,
      customerName: r.customer_name,
      receivedDate: r.received_date,
      receivedDocumentNo: r.received_no,
      deliveredDate: r.delivered_date,
      deliveredDocumentNo: r.delivered_no,
    })),
    total: counted.rows[0]?.total ?? 0,
    totalIsExact: true,
  };
}
