/**
 * Stock adjustments (库存调整单): opening balances and manual receipts bring goods in at the cost
 * the line gives; scrap (报损) and service issues (维修领用) take them out at the moving average.
 * A document is posted when saved, one move per line; a mistake is corrected by another document.
 */
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { z } from 'zod';
import { notFound, validationError } from '../../api/errors';
import { fieldIssue, type FieldIssue } from '../../api/issues';
import type { Page } from '../../api/paging';
import type { Sqlite } from '../../db/connection';
import type { Database } from '../../db/schema';
import { statement } from '../../db/statements';
import { nextNumber } from '../core/numbering';
import type { HandlerContext } from '../context';
import { newId, nowIso } from '../shared/ids';
import type { createAdjustmentInput, stockContract } from './stock.contract';
import { ADJUSTMENT_SERIES, activeWarehouse, businessToday, documentPage, productsOfLines } from './stock.documents';
import type { Adjustment, AdjustmentKind, AdjustmentRow } from './stock.dto';
import { postMove } from './stock.ledger';
import { issueSerials, receiveSerials, serialsOfMove } from './stock.serials';

type Db = Kysely<Database>;
type ListInput = z.output<(typeof stockContract)['stock.listAdjustments']['input']>;

/** What the moves of an adjustment record as their document. */
export const ADJUSTMENT_DOCUMENT = 'stock_adjustment';

const COMES_IN: ReadonlySet<AdjustmentKind> = new Set(['opening', 'receipt']);

interface HeaderRecord {
  id: string;
  adjustment_no: string;
  kind: AdjustmentKind;
  warehouse_id: string;
  warehouse_name: string;
  adjustment_date: string;
  notes: string | null;
  created_by_name: string | null;
  created_at: string;
  line_count: number;
  total_quantity: number;
  total_value: number;
}

function toRow(r: HeaderRecord): AdjustmentRow {
  return {
    id: r.id,
    adjustmentNo: r.adjustment_no,
    kind: r.kind,
    warehouseId: r.warehouse_id,
    warehouseName: r.warehouse_name,
    adjustmentDate: r.adjustment_date,
    lineCount: r.line_count,
    totalQuantity: r.total_quantity,
    totalValue: r.total_value,
    notes: r.notes,
    createdByName: r.created_by_name,
    createdAt: r.created_at,
  };
}

const HEADER = sql`SELECT a.id, a.adjustment_no, a.kind, a.warehouse_id, w.name AS warehouse_name, a.adjustment_date, a.notes, u.display_name AS created_by_name, a.created_at,
    (SELECT count(*) FROM stock_adjustment_lines l WHERE l.adjustment_id = a.id) AS line_count,
    (SELECT coalesce(sum(l.quantity), 0) FROM stock_adjustment_lines l WHERE l.adjustment_id = a.id) AS total_quantity,
    (SELECT coalesce(sum(l.quantity * l.unit_cost), 0) FROM stock_adjustment_lines l WHERE l.adjustment_id = a.id) AS total_value
  FROM stock_adjustments a JOIN warehouses w ON w.id = a.warehouse_id LEFT JOIN users u ON u.id = a.created_by`;

export async function listAdjustments(db: Db, input: ListInput): Promise<Page<AdjustmentRow>> {
  const where: RawBuilder<unknown>[] = [];
  if (input.kind) where.push(sql`a.kind = ${input.kind}`);
  if (input.warehouseId) where.push(sql`a.warehouse_id = ${input.warehouseId}`);
  if (input.from) where.push(sql`a.adjustment_date >= ${input.from}`);
  if (input.to) where.push(sql`a.adjustment_date <= ${input.to}`);
  return documentPage(db, { header: HEADER, table: sql`stock_adjustments a`, where, orderBy: sql`a.adjustment_date DESC, a.id DESC`, page: input.page, pageSize: input.pageSize, map: toRow });
}

export async function getAdjustment(db: Db, sqlite: Sqlite, id: string): Promise<Adjustment> {
  const { rows } = await sql<HeaderRecord>`${HEADER} WHERE a.id = ${id}`.execute(db);
  if (!rows[0]) throw notFound('Stock adjustment', id);
  const lines = await db
    .selectFrom('stock_adjustment_lines as l')
    .innerJoin('products as p', 'p.id', 'l.product_id')
    .leftJoin('stock_moves as m', (join) => join.onRef('m.document_line_id', '=', 'l.id').on('m.document_type', '=', ADJUSTMENT_DOCUMENT).on('m.document_id', '=', id))
    .select(['l.id', 'l.line_no', 'l.product_id', 'p.code', 'p.name', 'p.unit', 'l.quantity', 'l.unit_cost', 'l.note', 'm.id as move_id'])
    .where('l.adjustment_id', '=', id)
    .orderBy('l.line_no')
    .execute();
  return {
    ...toRow(rows[0]),
    lines: lines.map((l) => ({
      id: l.id,
      lineNo: l.line_no,
      productId: l.product_id,
      productCode: l.code,
      productName: l.name,
      unit: l.unit,
      quantity: l.quantity,
      unitCost: l.unit_cost,
      value: l.quantity * l.unit_cost,
      note: l.note,
      serials: l.move_id ? serialsOfMove(sqlite, l.product_id, l.move_id) : [],
    })),
  };
}

export async function createAdjustment(ctx: HandlerContext, input: z.output<typeof createAdjustmentInput>): Promise<Adjustment> {
  const { sqlite } = ctx;
  const warehouse = activeWarehouse(sqlite, input.warehouseId, 'warehouseId');
  const comesIn = COMES_IN.has(input.kind);
  // Goods may leave even when their product was archived since.
  const products = productsOfLines(sqlite, input.lines, { allowArchived: !comesIn });
  if (comesIn) {
    const missing: FieldIssue[] = input.lines.flatMap((line, i) => (line.unitCost === undefined ? [fieldIssue(`lines.${i}.unitCost`, 'required')] : []));
    if (missing.length) throw validationError(missing);
  }
  const date = input.adjustmentDate ?? (await businessToday(ctx.db));
  const id = newId();
  const no = nextNumber(sqlite, ADJUSTMENT_SERIES, date);
  const userId = ctx.user?.id ?? null;
  await ctx.db
    .insertInto('stock_adjustments')
    .values({ id, adjustment_no: no, warehouse_id: warehouse.id, kind: input.kind, adjustment_date: date, notes: input.notes ?? null, created_by: userId, created_at: nowIso() })
    .execute();
  input.lines.forEach((line, i) => {
    const lineId = newId();
    const move = postMove(sqlite, {
      productId: line.productId,
      warehouseId: warehouse.id,
      kind: input.kind,
      quantity: comesIn ? line.quantity : -line.quantity,
      ...(comesIn ? { unitCost: line.unitCost! } : {}),
      moveDate: date,
      document: { type: ADJUSTMENT_DOCUMENT, id, no, lineId },
      note: line.note ?? null,
      userId,
      issuePath: `lines.${i}.quantity`,
    });
    const serials = { productId: line.productId, warehouseId: warehouse.id, quantity: line.quantity, serials: line.serials, moveId: move.id, issuePath: `lines.${i}.serials` };
    if (comesIn) receiveSerials(sqlite, serials);
    else if (products.get(line.productId)!.isSerialTracked || line.serials.length) issueSerials(sqlite, { ...serials, as: input.kind === 'scrap' ? 'scrapped' : 'delivered' });
    statement(sqlite, 'INSERT INTO stock_adjustment_lines (id, adjustment_id, line_no, product_id, quantity, unit_cost, note) VALUES (?, ?, ?, ?, ?, ?, ?)').run(
      lineId, id, i + 1, line.productId, line.quantity, move.unitCost, line.note ?? null);
  });
  const adjustment = await getAdjustment(ctx.db, sqlite, id);
  ctx.audit({
    entityType: 'stockAdjustment',
    entityId: id,
    fields: { posted: { before: null, after: { no, kind: input.kind, warehouse: warehouse.code, lines: adjustment.lines.map((l) => ({ product: l.productCode, quantity: l.quantity, unitCost: l.unitCost })) } } },
  });
  return adjustment;
}
