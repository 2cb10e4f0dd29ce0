/**
 * The moves behind a figure (出入库明细), newest first. A page is read by keyset — moves before
 * (date, id) — so page 500 costs what page 1 does; the count stops at a cap instead of walking a
 * ledger of years. With one product in one warehouse each move shows the balance after it.
 */
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { z } from 'zod';
import { cappedCount } from '../../db/counts';
import type { Database } from '../../db/schema';
import { whereAll } from './stock.documents';
import type { stockMovesInput } from './stock.contract';
import type { MoveCursor, MovesPage, StockMoveKind } from './stock.dto';

type Db = Kysely<Database>;
type MovesInput = z.output<typeof stockMovesInput>;

interface MoveRecord {
  id: string;
  move_date: string;
  product_id: string;
  product_code: string;
  product_name: string;
  unit: string;
  warehouse_id: string;
  warehouse_code: string;
  warehouse_name: string;
  kind: StockMoveKind;
  quantity: number;
  unit_cost: number;
  value: number;
  document_type: string;
  document_id: string;
  document_no: string;
  note: string | null;
  user_name: string | null;
  created_at: string;
}

function conditions(input: Omit<MovesInput, 'page' | 'pageSize' | 'after'>): RawBuilder<unknown>[] {
  const where: RawBuilder<unknown>[] = [];
  if (input.productId) where.push(sql`m.product_id = ${input.productId}`);
  if (input.warehouseId) where.push(sql`m.warehouse_id = ${input.warehouseId}`);
  if (input.kind) where.push(sql`m.kind = ${input.kind}`);
  if (input.document) where.push(sql`m.document_type = ${input.document.type} AND m.document_id = ${input.document.id}`);
  if (input.from) where.push(sql`m.move_date >= ${input.from}`);
  if (input.to) where.push(sql`m.move_date <= ${input.to}`);
  return where;
}


export async function listMoves(db: Db, input: MovesInput): Promise<MovesPage> {
  const where = conditions(input);
  const after = input.after;
  // The row-value form (date, id) < (?, ?) picks a bad plan in SQLite (STYLE.md); spelled out it walks the index.
  const paged = after ? [...where, sql`(m.move_date < ${after.moveDate} OR (m.move_date = ${after.moveDate} AND m.id < ${after.id}))`] : where;
  const offset = after ? 0 : (input.page - 1) * input.pageSize;
  const [{ rows }, counted] = await Promise.all([
    sql<MoveRecord>`SELECT m.id, m.move_date, m.product_id, p.code AS product_code, p.name AS product_name, p.unit,
        m.warehouse_id, w.code AS warehouse_code, w.name AS warehouse_name, m.kind, m.quantity, m.unit_cost, m.value,
        m.document_type, m.document_id, m.document_no, m.note, u.display_name AS user_name, m.created_at
      FROM stock_moves m JOIN products p ON p.id = m.product_id JOIN warehouses w ON w.id = m.warehouse_id LEFT JOIN users u ON u.id = m.user_id
      ${whereAll(paged)} ORDER BY m.move_date DESC, m.id DESC LIMIT ${input.pageSize + 1} OFFSET ${offset}`.execute(db),
    cappedCount(db, sql`FROM stock_moves m ${whereAll(where)}`),
  ]);
  const more = rows.length > input.pageSize;
  const shown = rows.slice(0, input.pageSize);
  const balances = input.productId && input.warehouseId && shown[0] ? await balancesOf(db, input.productId, input.warehouseId, shown) : null;
  const last = shown[shown.length - 1];
  const next: MoveCursor | null = more && last ? { moveDate: last.move_date, id: last.id } : null;
  return {
    rows: shown.map((r, i) => ({
      id: r.id,
      moveDate: r.move_date,
      productId: r.product_id,
      productCode: r.product_code,
      productName: r.product_name,
      unit: r.unit,
      warehouseId: r.warehouse_id,
      warehouseCode: r.warehouse_code,
      warehouseName: r.warehouse_name,
      kind: r.kind,
      quantity: r.quantity,
      unitCost: r.unit_cost,
      value: r.value,
      documentType: r.document_type,
      documentId: r.document_id,
      documentNo: r.document_no,
      note: r.note,
      userName: r.user_name,
      createdAt: r.created_at,
      balance: balances ? balances[i]! : null,
    })),
    ...counted,
    next,
  };
}

/**
 * On hand after each move of the page: today's on hand less the moves newer than the page's
 * first, in one statement so both come from one snapshot; then back move by move.
 */
async function balancesOf(db: Db, productId: string, warehouseId: string, page: MoveRecord[]): Promise<number[]> {
  const first = page[0]!;
  const { rows } = await sql<{ balance: number }>`SELECT
      coalesce((SELECT on_hand FROM stock_levels WHERE product_id = ${productId} AND warehouse_id = ${warehouseId}), 0)
      - coalesce((SELECT sum(quantity) FROM stock_moves WHERE product_id = ${productId} AND warehouse_id = ${warehouseId}
          AND (move_date > ${first.move_date} OR (move_date = ${first.move_date} AND id > ${first.id}))), 0) AS balance`.execute(db);
  let balance = rows[0]?.balance ?? 0;
  return page.map((move) => {
    const after = balance;
    balance -= move.quantity;
    return after;
  });
}
