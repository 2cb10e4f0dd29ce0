/**
 * Transfers (调拨单) between warehouses: posted when saved, each line a transfer_out move from one
 * warehouse and a transfer_in move into the other at the same cost — the moving average it left
 * at — so the company's stock value does not change by moving goods.
 */
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { z } from 'zod';
import { notFound, validationError } from '../../api/errors';
import { fieldIssue } from '../../api/issues';
import type { Page } from '../../api/paging';
import type { Database } from '../../db/schema';
import { statement } from '../../db/statements';
import { nextNumber } from '../core/numbering';
import type { HandlerContext } from '../context';
import { newId, nowIso } from '../shared/ids';
import type { createTransferInput, stockContract } from './stock.contract';
import { TRANSFER_SERIES, activeWarehouse, businessToday, documentPage, productsOfLines } from './stock.documents';
import type { Transfer, TransferRow, TransferStatus } from './stock.dto';
import { postMove } from './stock.ledger';
import { transferSerials } from './stock.serials';

type Db = Kysely<Database>;
type ListInput = z.output<(typeof stockContract)['stock.listTransfers']['input']>;

export const TRANSFER_DOCUMENT = 'stock_transfer';

interface HeaderRecord {
  id: string;
  transfer_no: string;
  from_warehouse_id: string;
  from_warehouse_name: string;
  to_warehouse_id: string;
  to_warehouse_name: string;
  transfer_date: string;
  status: TransferStatus;
  notes: string | null;
  created_by_name: string | null;
  created_at: string;
  line_count: number;
  total_quantity: number;
}

const HEADER = sql`SELECT t.id, t.transfer_no, t.from_warehouse_id, f.name AS from_warehouse_name, t.to_warehouse_id, d.name AS to_warehouse_name,
    t.transfer_date, t.status, t.notes, u.display_name AS created_by_name, t.created_at,
    (SELECT count(*) FROM stock_transfer_lines l WHERE l.transfer_id = t.id) AS line_count,
    (SELECT coalesce(sum(l.quantity), 0) FROM stock_transfer_lines l WHERE l.transfer_id = t.id) AS total_quantity
  FROM stock_transfers t JOIN warehouses f ON f.id = t.from_warehouse_id JOIN warehouses d ON d.id = t.to_warehouse_id LEFT JOIN users u ON u.id = t.created_by`;

function toRow(r: HeaderRecord): TransferRow {
  return {
    id: r.id,
    transferNo: r.transfer_no,
    fromWarehouseId: r.from_warehouse_id,
    fromWarehouseName: r.from_warehouse_name,
    toWarehouseId: r.to_warehouse_id,
    toWarehouseName: r.to_warehouse_name,
    transferDate: r.transfer_date,
    status: r.status,
    lineCount: r.line_count,
    totalQuantity: r.total_quantity,
    notes: r.notes,
    createdByName: r.created_by_name,
    createdAt: r.created_at,
  };
}

export async function listTransfers(db: Db, input: ListInput): Promise<Page<TransferRow>> {
  const where: RawBuilder<unknown>[] = [];
  if (input.warehouseId) where.push(sql`(t.from_warehouse_id = ${input.warehouseId} OR t.to_warehouse_id = ${input.warehouseId})`);
  if (input.from) where.push(sql`t.transfer_date >= ${input.from}`);
  if (input.to) where.push(sql`t.transfer_date <= ${input.to}`);
  return documentPage(db, { header: HEADER, table: sql`stock_transfers t`, where, orderBy: sql`t.transfer_date DESC, t.id DESC`, page: input.page, pageSize: input.pageSize, map: toRow });
}

export async function getTransfer(db: Db, id: string): Promise<Transfer> {
  const { rows } = await sql<HeaderRecord>`${HEADER} WHERE t.id = ${id}`.execute(db);
  if (!rows[0]) throw notFound('Stock transfer', id);
  const lines = await db
    .selectFrom('stock_transfer_lines as l')
    .innerJoin('products as p', 'p.id', 'l.product_id')
    .leftJoin('stock_moves as m', (join) => join.onRef('m.document_line_id', '=', 'l.id').on('m.document_type', '=', TRANSFER_DOCUMENT).on('m.document_id', '=', id).on('m.kind', '=', 'transfer_out'))
    .select(['l.id', 'l.product_id', 'p.code', 'p.name', 'p.unit', 'l.quantity', 'm.unit_cost'])
    .where('l.transfer_id', '=', id)
    .orderBy(sql`l.rowid`)
    .execute();
  return {
    ...toRow(rows[0]),
    lines: lines.map((l) => ({ id: l.id, productId: l.product_id, productCode: l.code, productName: l.name, unit: l.unit, quantity: l.quantity, unitCost: l.unit_cost ?? 0 })),
  };
}

export async function createTransfer(ctx: HandlerContext, input: z.output<typeof createTransferInput>): Promise<Transfer> {
  const { sqlite } = ctx;
  const from = activeWarehouse(sqlite, input.fromWarehouseId, 'fromWarehouseId');
  const to = activeWarehouse(sqlite, input.toWarehouseId, 'toWarehouseId');
  if (from.id === to.id) throw validationError([fieldIssue('toWarehouseId', 'same_warehouse')]);
  productsOfLines(sqlite, input.lines, { allowArchived: true });
  const date = input.transferDate ?? (await businessToday(ctx.db));
  const id = newId();
  const no = nextNumber(sqlite, TRANSFER_SERIES, date);
  const userId = ctx.user?.id ?? null;
  await ctx.db
    .insertInto('stock_transfers')
    .values({ id, transfer_no: no, from_warehouse_id: from.id, to_warehouse_id: to.id, transfer_date: date, status: 'posted', notes: input.notes ?? null, created_by: userId, created_at: nowIso() })
    .execute();
  input.lines.forEach((line, i) => {
    const lineId = newId();
    const document = { type: TRANSFER_DOCUMENT, id, no, lineId };
    const out = postMove(sqlite, { productId: line.productId, warehouseId: from.id, kind: 'transfer_out', quantity: -line.quantity, moveDate: date, document, userId, issuePath: `lines.${i}.quantity` });
    postMove(sqlite, { productId: line.productId, warehouseId: to.id, kind: 'transfer_in', quantity: line.quantity, unitCost: out.unitCost, moveDate: date, document, userId });
    transferSerials(sqlite, { productId: line.productId, warehouseId: from.id, toWarehouseId: to.id, quantity: line.quantity, serials: line.serials, issuePath: `lines.${i}.serials` });
    statement(sqlite, 'INSERT INTO stock_transfer_lines (id, transfer_id, product_id, quantity) VALUES (?, ?, ?, ?)').run(lineId, id, line.productId, line.quantity);
  });
  const transfer = await getTransfer(ctx.db, id);
  ctx.audit({
    entityType: 'stockTransfer',
    entityId: id,
    fields: { posted: { before: null, after: { no, from: from.code, to: to.code, lines: transfer.lines.map((l) => ({ product: l.productCode, quantity: l.quantity })) } } },
  });
  return transfer;
}
