/**
 * Stock counts (盘点): a count sheet snapshots, per product kept in the warehouse, what the books
 * expect; counted quantities are entered as the shelves are walked; posting adjusts each counted
 * line by counted − expected with a count_adjustment move at the moving average. The difference
 * is taken against the snapshot, not today's books, so deliveries made while counting still stand.
 */
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { z } from 'zod';
import { AppError, notFound, validationError } from '../../api/errors';
import { fieldIssue, type FieldIssue } from '../../api/issues';
import type { Page } from '../../api/paging';
import type { Database } from '../../db/schema';
import { statement } from '../../db/statements';
import { assertEditable, assertTransition, documentKind } from '../core/document';
import { nextNumber } from '../core/numbering';
import type { HandlerContext } from '../context';
import { newId, nowIso } from '../shared/ids';
import type { enterCountsInput, stockContract } from './stock.contract';
import { COUNT_SERIES, activeWarehouse, businessToday, documentPage, productsOfLines } from './stock.documents';
import type { CountRow, StockCount, StockCountStatus } from './stock.dto';
import { postMove, readLevel } from './stock.ledger';
import { issueSerials, receiveSerials } from './stock.serials';

type Db = Kysely<Database>;
type ListInput = z.output<(typeof stockContract)['stock.listCounts']['input']>;
type OpenInput = z.output<(typeof stockContract)['stock.openCount']['input']>;

export const COUNT_DOCUMENT = 'stock_count';

export const STOCK_COUNT_KIND = documentKind<StockCountStatus>({
  kind: 'stock_count',
  table: 'stock_counts',
  series: COUNT_SERIES,
  transitions: { counting: ['posted', 'cancelled'], posted: [], cancelled: [] },
  frozenIn: ['posted', 'cancelled'],
  numberedIn: 'counting',
});

interface HeaderRecord {
  id: string;
  count_no: string;
  warehouse_id: string;
  warehouse_name: string;
  status: StockCountStatus;
  count_date: string;
  notes: string | null;
  posted_at: string | null;
  created_at: string;
  line_count: number;
  counted_lines: number;
  difference_lines: number;
}

const HEADER = sql`SELECT c.id, c.count_no, c.warehouse_id, w.name AS warehouse_name, c.status, c.count_date, c.notes, c.posted_at, c.created_at,
    (SELECT count(*) FROM stock_count_lines l WHERE l.count_id = c.id) AS line_count,
    (SELECT count(*) FROM stock_count_lines l WHERE l.count_id = c.id AND l.counted_quantity IS NOT NULL) AS counted_lines,
    (SELECT count(*) FROM stock_count_lines l WHERE l.count_id = c.id AND l.counted_quantity <> l.expected_quantity) AS difference_lines
  FROM stock_counts c JOIN warehouses w ON w.id = c.warehouse_id`;

function toRow(r: HeaderRecord): CountRow {
  return {
    id: r.id,
    countNo: r.count_no,
    warehouseId: r.warehouse_id,
    warehouseName: r.warehouse_name,
    status: r.status,
    countDate: r.count_date,
    lineCount: r.line_count,
    countedLines: r.counted_lines,
    differenceLines: r.difference_lines,
    notes: r.notes,
    postedAt: r.posted_at,
    createdAt: r.created_at,
  };
}

export async function listCounts(db: Db, input: ListInput): Promise<Page<CountRow>> {
  const where: RawBuilder<unknown>[] = [];
  if (input.status) where.push(sql`c.status = ${input.status}`);
  if (input.warehouseId) where.push(sql`c.warehouse_id = ${input.warehouseId}`);
  if (input.from) where.push(sql`c.count_date >= ${input.from}`);
  if (input.to) where.push(sql`c.count_date <= ${input.to}`);
  return documentPage(db, { header: HEADER, table: sql`stock_counts c`, where, orderBy: sql`c.count_date DESC, c.id DESC`, page: input.page, pageSize: input.pageSize, map: toRow });
}

export async function getCount(db: Db, id: string): Promise<StockCount> {
  const { rows } = await sql<HeaderRecord>`${HEADER} WHERE c.id = ${id}`.execute(db);
  const header = rows[0];
  if (!header) throw notFound('Stock count', id);
  const lines = await db
    .selectFrom('stock_count_lines as l')
    .innerJoin('products as p', 'p.id', 'l.product_id')
    .leftJoin('stock_levels as s', (join) => join.onRef('s.product_id', '=', 'l.product_id').on('s.warehouse_id', '=', header.warehouse_id))
    .select(['l.id', 'l.product_id', 'p.code', 'p.name', 'p.spec', 'p.unit', 'p.is_serial_tracked', 'l.expected_quantity', 'l.counted_quantity', 's.avg_cost'])
    .where('l.count_id', '=', id)
    .orderBy('p.code')
    .execute();
  return {
    ...toRow(header),
    lines: lines.map((l) => ({
      id: l.id,
      productId: l.product_id,
      productCode: l.code,
      productName: l.name,
      spec: l.spec,
      unit: l.unit,
      isSerialTracked: l.is_serial_tracked === 1,
      expectedQuantity: l.expected_quantity,
      countedQuantity: l.counted_quantity,
      difference: l.counted_quantity === null ? null : l.counted_quantity - l.expected_quantity,
      avgCost: l.avg_cost ?? 0,
    })),
  };
}

/** Opens a count sheet listing every product the warehouse has kept (of a category, if given) with what the books say it holds now. */
export async function openCount(ctx: HandlerContext, input: OpenInput): Promise<StockCount> {
  const { sqlite } = ctx;
  const warehouse = activeWarehouse(sqlite, input.warehouseId, 'warehouseId');
  const open = await ctx.db.selectFrom('stock_counts').select('count_no').where('warehouse_id', '=', warehouse.id).where('status', '=', 'counting').executeTakeFirst();
  if (open) throw new AppError('CONFLICT', `Count ${open.count_no} is still open for warehouse ${warehouse.code}`, [fieldIssue('warehouseId', 'count_open', { countNo: open.count_no })]);
  const date = input.countDate ?? (await businessToday(ctx.db));
  const id = newId();
  const no = nextNumber(sqlite, COUNT_SERIES, date);
  const now = nowIso();
  await ctx.db
    .insertInto('stock_counts')
    .values({ id, count_no: no, warehouse_id: warehouse.id, status: 'counting', count_date: date, notes: input.notes ?? null, created_by: ctx.user?.id ?? null, created_at: now, updated_at: now })
    .execute();
  const snapshot = statement(
    sqlite,
    `SELECT l.product_id, l.on_hand FROM stock_levels l JOIN products p ON p.id = l.product_id
      WHERE l.warehouse_id = ? AND p.is_stocked = 1 AND (p.status = 'active' OR l.on_hand <> 0) AND (? IS NULL OR p.category_id = ?)`,
  ).all(warehouse.id, input.categoryId ?? null, input.categoryId ?? null) as { product_id: string; on_hand: number }[];
  const insert = statement(sqlite, 'INSERT INTO stock_count_lines (id, count_id, product_id, expected_quantity) VALUES (?, ?, ?, ?)');
  for (const row of snapshot) insert.run(newId(), id, row.product_id, row.on_hand);
  ctx.audit({ entityType: 'stockCount', entityId: id, fields: { opened: { before: null, after: { no, warehouse: warehouse.code, lines: snapshot.length } } } });
  return getCount(ctx.db, id);
}

async function countForChange(db: Db, id: string) {
  const row = await db.selectFrom('stock_counts').select(['id', 'count_no', 'warehouse_id', 'status']).where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('Stock count', id);
  return row;
}

/** Saves counted quantities; a product the sheet does not list joins it with what the books expect of it now. */
export async function enterCounts(ctx: HandlerContext, input: z.output<typeof enterCountsInput>): Promise<StockCount> {
  const { sqlite } = ctx;
  const count = await countForChange(ctx.db, input.id);
  assertEditable(STOCK_COUNT_KIND, { id: count.id, number: count.count_no, status: count.status });
  const issues: FieldIssue[] = [];
  const seen = new Set<string>();
  const lineOf = statement(sqlite, 'SELECT id, product_id, counted_quantity FROM stock_count_lines WHERE id = ? AND count_id = ?');
  const lineOfProduct = statement(sqlite, 'SELECT id, product_id, counted_quantity FROM stock_count_lines WHERE count_id = ? AND product_id = ?');
  const newProducts = input.lines.map((line, i) => ({ productId: line.productId ?? '', i })).filter((l) => l.productId);
  const known = newProducts.filter((l) => !lineOfProduct.get(count.id, l.productId));
  try {
    productsOfLines(sqlite, known.map((l) => ({ productId: l.productId })));
  } catch (error) {
    // Point each refusal at the line of the input it came from.
    if (error instanceof AppError && error.issues) {
      throw validationError(error.issues.map((issue) => ({ ...issue, path: issue.path.replace(/^lines\.(\d+)/, (_m, n: string) => `lines.${known[Number(n)]!.i}`) })));
    }
    throw error;
  }
  const changes: { product: string; counted: number | null }[] = [];
  const update = statement(sqlite, 'UPDATE stock_count_lines SET counted_quantity = ? WHERE id = ?');
  const insert = statement(sqlite, 'INSERT INTO stock_count_lines (id, count_id, product_id, expected_quantity, counted_quantity) VALUES (?, ?, ?, ?, ?)');
  input.lines.forEach((line, i) => {
    let row = (line.lineId ? lineOf.get(line.lineId, count.id) : lineOfProduct.get(count.id, line.productId)) as { id: string; product_id: string } | undefined;
    if (line.lineId && !row) return issues.push(fieldIssue(`lines.${i}.lineId`, 'not_found', { entity: 'countLine' }));
    if (!row) {
      const id = newId();
      insert.run(id, count.id, line.productId, readLevel(sqlite, line.productId!, count.warehouse_id).onHand, line.countedQuantity);
      row = { id, product_id: line.productId! };
    } else {
      if (seen.has(row.id)) return issues.push(fieldIssue(`lines.${i}`, 'listed_twice'));
      update.run(line.countedQuantity, row.id);
    }
    seen.add(row.id);
    changes.push({ product: row.product_id, counted: line.countedQuantity });
  });
  if (issues.length) throw validationError(issues);
  await ctx.db.updateTable('stock_counts').set({ updated_at: nowIso() }).where('id', '=', count.id).execute();
  ctx.audit({ entityType: 'stockCount', entityId: count.id, fields: { counted: { before: null, after: changes } } });
  return getCount(ctx.db, count.id);
}

/** Posts the differences once; a second post is refused (the sheet is no longer counting). */
export async function postCount(ctx: HandlerContext, input: { id: string; serials: Record<string, string[]> }): Promise<StockCount> {
  const { sqlite } = ctx;
  const before = await getCount(ctx.db, input.id);
  assertTransition(STOCK_COUNT_KIND, before.status, 'posted');
  const userId = ctx.user?.id ?? null;
  const document = { type: COUNT_DOCUMENT, id: before.id, no: before.countNo };
  const adjusted: { product: string; difference: number }[] = [];
  before.lines.forEach((line, i) => {
    if (line.difference === null || line.difference === 0) return;
    const move = postMove(sqlite, {
      productId: line.productId,
      warehouseId: before.warehouseId,
      kind: 'count_adjustment',
      quantity: line.difference,
      moveDate: before.countDate,
      document: { ...document, lineId: line.id },
      userId,
      issuePath: `lines.${i}.countedQuantity`,
    });
    const serials = { productId: line.productId, warehouseId: before.warehouseId, quantity: Math.abs(line.difference), serials: input.serials[line.id] ?? [], moveId: move.id, issuePath: `serials.${line.id}` };
    if (line.difference > 0) receiveSerials(sqlite, serials);
    else if (line.isSerialTracked) issueSerials(sqlite, { ...serials, as: 'scrapped' });
    adjusted.push({ product: line.productCode, difference: line.difference });
  });
  const now = nowIso();
  await ctx.db.updateTable('stock_counts').set({ status: 'posted', posted_at: now, posted_by: userId, updated_at: now }).where('id', '=', before.id).execute();
  ctx.audit({ entityType: 'stockCount', entityId: before.id, fields: { status: { before: 'counting', after: 'posted' }, adjusted: { before: null, after: adjusted } } });
  return getCount(ctx.db, before.id);
}

export async function cancelCount(ctx: HandlerContext, id: string): Promise<StockCount> {
  const count = await countForChange(ctx.db, id);
  assertTransition(STOCK_COUNT_KIND, count.status, 'cancelled');
  await ctx.db.updateTable('stock_counts').set({ status: 'cancelled', updated_at: nowIso() }).where('id', '=', id).execute();
  ctx.audit({ entityType: 'stockCount', entityId: id, fields: { status: { before: count.status, after: 'cancelled' } } });
  return getCount(ctx.db, id);
}
