/**
 * The stock overview (库存查询): every stocked product in every active warehouse, with its figures
 * from stock_levels and its replenishment rule, in product code order. The products' code index
 * drives the walk, so a keyset page (after a product and warehouse code) starts where it should
 * instead of skipping rows.
 */
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { z } from 'zod';
import type { Database } from '../../db/schema';
import { toHalfWidth } from '../shared/text';
import type { stockOverviewInput } from './stock.contract';
import type { ProductLookup, ProductPick, ProductStock, StockCursor, StockPage, StockRow } from './stock.dto';

type Db = Kysely<Database>;
type OverviewInput = z.output<typeof stockOverviewInput>;

interface StockRecord {
  product_id: string;
  product_code: string;
  product_name: string;
  spec: string | null;
  unit: string;
  is_serial_tracked: number;
  warehouse_id: string;
  warehouse_code: string;
  warehouse_name: string;
  on_hand: number;
  reserved: number;
  avg_cost: number;
  stock_value: number;
  safety_stock: number;
  reorder_point: number;
  reorder_quantity: number;
  count_id: string | null;
  count_no: string | null;
}

function toStockRow(r: StockRecord): StockRow {
  const available = r.on_hand - r.reserved;
  return {
    productId: r.product_id,
    productCode: r.product_code,
    productName: r.product_name,
    spec: r.spec,
    unit: r.unit,
    isSerialTracked: r.is_serial_tracked === 1,
    warehouseId: r.warehouse_id,
    warehouseCode: r.warehouse_code,
    warehouseName: r.warehouse_name,
    onHand: r.on_hand,
    reserved: r.reserved,
    available,
    avgCost: r.avg_cost,
    stockValue: r.stock_value,
    safetyStock: r.safety_stock,
    reorderPoint: r.reorder_point,
    reorderQuantity: r.reorder_quantity,
    belowSafety: r.safety_stock > 0 && available < r.safety_stock,
    countId: r.count_id,
    countNo: r.count_no,
  };
}

// CROSS JOIN keeps products the outer loop, walked in code order; the open count of the warehouse
// is found through its partial unique index (stock_counts_one_open).
const COLUMNS = sql`p.id AS product_id, p.code AS product_code, p.name AS product_name, p.spec, p.unit, p.is_serial_tracked,
  w.id AS warehouse_id, w.code AS warehouse_code, w.name AS warehouse_name,
  coalesce(l.on_hand, 0) AS on_hand, coalesce(l.reserved, 0) AS reserved, coalesce(l.avg_cost, 0) AS avg_cost, coalesce(l.stock_value, 0) AS stock_value,
  coalesce(r.safety_stock, 0) AS safety_stock, coalesce(r.reorder_point, 0) AS reorder_point, coalesce(r.reorder_quantity, 0) AS reorder_quantity,
  c.id AS count_id, c.count_no`;
const FROM = sql`products p CROSS JOIN warehouses w
  LEFT JOIN stock_levels l ON l.product_id = p.id AND l.warehouse_id = w.id
  LEFT JOIN replenishment_rules r ON r.product_id = p.id AND r.warehouse_id = w.id
  LEFT JOIN stock_counts c ON c.warehouse_id = w.id AND c.status = 'counting'
    AND EXISTS (SELECT 1 FROM stock_count_lines cl WHERE cl.count_id = c.id AND cl.product_id = p.id)`;

function conditions(input: Omit<OverviewInput, 'page' | 'pageSize' | 'after'> & { productId?: string }): RawBuilder<unknown>[] {
  // An archived product still shows where it has stock left. `+w.status`: an index on the status of a
  // few warehouses is no use, and without planner statistics the planner built one and sorted every
  // product × warehouse (52 ms at 2,000 products) instead of walking the code indexes to the page.
  const where: RawBuilder<unknown>[] = [sql`p.is_stocked = 1`, sql`+w.status = 'active'`, sql`(p.status = 'active' OR coalesce(l.on_hand, 0) <> 0)`];
  if (input.productId) where.push(sql`p.id = ${input.productId}`);
  if (input.warehouseId) where.push(sql`w.id = ${input.warehouseId}`);
  if (input.categoryId) where.push(sql`p.category_id = ${input.categoryId}`);
  if (input.q) {
    const q = toHalfWidth(input.q);
    where.push(sql`(instr(upper(p.code), upper(${q})) = 1 OR p.barcode = ${q} OR instr(p.name, ${q}) > 0 OR instr(p.name_pinyin, lower(${q})) = 1)`);
  }
  if (input.belowSafety) where.push(sql`r.safety_stock > 0 AND coalesce(l.on_hand, 0) - coalesce(l.reserved, 0) < r.safety_stock`);
  if (input.inStockOnly) where.push(sql`(l.on_hand <> 0 OR l.reserved <> 0)`);
  return where;
}

export async function stockOverview(db: Db, input: OverviewInput): Promise<StockPage> {
  const where = conditions(input);
  const page = input.after ? [...where, sql`(p.code > ${input.after.productCode} OR (p.code = ${input.after.productCode} AND w.code > ${input.after.warehouseCode}))`] : where;
  const offset = input.after ? 0 : (input.page - 1) * input.pageSize;
  const [{ rows }, counted] = await Promise.all([
    sql<StockRecord>`SELECT ${COLUMNS} FROM ${FROM} WHERE ${sql.join(page, sql` AND `)} ORDER BY p.code, w.code LIMIT ${input.pageSize + 1} OFFSET ${offset}`.execute(db),
    sql<{ total: number }>`SELECT count(*) AS total FROM ${FROM} WHERE ${sql.join(where, sql` AND `)}`.execute(db),
  ]);
  const more = rows.length > input.pageSize;
  const shown = rows.slice(0, input.pageSize).map(toStockRow);
  const last = shown[shown.length - 1];
  const next: StockCursor | null = more && last ? { productCode: last.productCode, warehouseCode: last.warehouseCode } : null;
  return { rows: shown, total: counted.rows[0]?.total ?? 0, totalIsExact: true, next };
}

/** A product's stock tab: each active warehouse with its figures and rule, and the totals. */
export async function productStock(db: Db, productId: string): Promise<ProductStock> {
  const where = conditions({ productId, belowSafety: false, inStockOnly: false });
  const { rows } = await sql<StockRecord>`SELECT ${COLUMNS} FROM ${FROM} WHERE ${sql.join(where, sql` AND `)} ORDER BY w.is_default DESC, w.code`.execute(db);
  const warehouses = rows.map(toStockRow);
  return {
    productId,
    warehouses,
    onHand: warehouses.reduce((sum, w) => sum + w.onHand, 0),
    available: warehouses.reduce((sum, w) => sum + w.available, 0),
    stockValue: warehouses.reduce((sum, w) => sum + w.stockValue, 0),
  };
}

interface PickRecord {
  id: string;
  code: string;
  name: string;
  spec: string | null;
  unit: string;
  barcode: string | null;
  vat_rate: number;
  standard_cost: number;
  is_stocked: number;
  is_serial_tracked: number;
}

const PICK_COLUMNS = ['id', 'code', 'name', 'spec', 'unit', 'barcode', 'vat_rate', 'standard_cost', 'is_stocked', 'is_serial_tracked'] as const;

function toPick(r: PickRecord): ProductPick {
  return {
    id: r.id,
    code: r.code,
    name: r.name,
    spec: r.spec,
    unit: r.unit,
    barcode: r.barcode,
    vatRate: r.vat_rate,
    standardCost: r.standard_cost,
    isStocked: r.is_stocked === 1,
    isSerialTracked: r.is_serial_tracked === 1,
  };
}

/** A scanned barcode or a typed code adds its product at once; anything else is a search of active stocked products. */
export async function findProducts(db: Db, q: string, limit: number): Promise<ProductLookup> {
  const text = toHalfWidth(q).trim();
  const active = db.selectFrom('products').select(PICK_COLUMNS).where('status', '=', 'active').where('is_stocked', '=', 1);
  const byBarcode = await active.where('barcode', '=', text).executeTakeFirst();
  if (byBarcode) return { match: 'barcode', products: [toPick(byBarcode)] };
  const byCode = await active.where('code', 'in', [text, text.toUpperCase()]).executeTakeFirst();
  if (byCode) return { match: 'code', products: [toPick(byCode)] };
  const found = await active
    .where(sql<boolean>`(instr(upper(code), upper(${text})) = 1 OR instr(name, ${text}) > 0 OR instr(name_pinyin, lower(${text})) = 1 OR instr(coalesce(spec, ''), ${text}) > 0)`)
    .orderBy('code')
    .limit(limit)
    .execute();
  return { match: found.length ? 'search' : 'none', products: found.map(toPick) };
}
