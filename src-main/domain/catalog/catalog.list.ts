/**
 * The product list (paged on the server, searched from the FTS index out) and the lookup order
 * entry calls for every scan or typed code.
 */
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { z } from 'zod';
import type { Page } from '../../api/paging';
import type { Database } from '../../db/schema';
import type { productListInput } from './catalog.contract';
import type { LookupProduct, LookupResult, ProductListRow, ProductStatus, VatRate } from './catalog.dto';
import { categoryAndBelow } from './catalog.repository';
import { normaliseBarcode, normaliseProductCode } from './catalog.rules';
import { toProductFtsQuery } from './catalog.search-text';
import { cappedCount } from '../../db/counts';
import type { Sqlite } from '../../db/connection';
import { statement } from '../../db/statements';

type Db = Kysely<Database>;
type ListInput = z.output<typeof productListInput>;
export type ProductListQuery = Pick<ListInput, 'q' | 'filters' | 'sort'>;

/** Each sort with its tie-breaker is an index (products_status_code, products_status_name), so a page is read in index order. */
const SORTS = { code: ['p.code'], name: ['p.name_pinyin', 'p.code'] } as const;

const FLAG_COLUMNS = {
  isStocked: 'is_stocked',
  isService: 'is_service',
  isSparePart: 'is_spare_part',
  isConsumable: 'is_consumable',
  isSerialTracked: 'is_serial_tracked',
} as const;

/**
 * FROM and WHERE of the list. A search starts from the FTS match and joins outwards (CROSS JOIN
 * keeps SQLite from walking every product and probing the matches, which it picks without ANALYZE).
 */
function fromWhereOf(input: ProductListQuery): { from: RawBuilder<unknown>; where: RawBuilder<unknown> } | null {
  const f = input.filters;
  const conditions: RawBuilder<unknown>[] = [];
  let from = sql`products p`;
  if (input.q) {
    const fts = toProductFtsQuery(input.q);
    if (!fts) return null;
    from = sql`products_fts CROSS JOIN product_search ps ON ps.rowid = products_fts.rowid CROSS JOIN products p ON p.id = ps.product_id`;
    conditions.push(sql`products_fts MATCH ${fts}`);
  }
  const status = f.status ?? 'active';
  if (status !== 'all') conditions.push(sql`p.status = ${status}`);
  if (f.categoryId) conditions.push(sql`p.category_id IN (${categoryAndBelow(f.categoryId)})`);
  for (const [field, column] of Object.entries(FLAG_COLUMNS)) {
    const value = f[field as keyof typeof FLAG_COLUMNS];
    if (value !== undefined) conditions.push(sql`${sql.ref(`p.${column}`)} = ${value ? 1 : 0}`);
  }
  if (f.hasSecondUnit !== undefined) conditions.push(f.hasSecondUnit ? sql`p.second_unit IS NOT NULL` : sql`p.second_unit IS NULL`);
  return { from, where: conditions.length ? sql`WHERE ${sql.join(conditions, sql` AND `)}` : sql`` };
}

function orderOf(input: ProductListQuery): RawBuilder<unknown> {
  const dir = input.sort.dir === 'desc' ? sql`DESC` : sql`ASC`;
  return sql.join(
    SORTS[input.sort.field].map((column) => sql`${sql.ref(column)} ${dir}`),
    sql`, `,
  );
}

interface ListRecord {
  id: string;
  code: string;
  name: string;
  spec: string | null;
  category_id: string | null;
  category_name: string | null;
  unit: string;
  second_unit: string | null;
  second_unit_factor: number | null;
  barcode: string | null;
  vat_rate: VatRate;
  list_price: number;
  standard_cost: number;
  is_stocked: number;
  is_service: number;
  is_spare_part: number;
  is_consumable: number;
  reorder_interval_days: number | null;
  is_serial_tracked: number;
  status: ProductStatus;
}

const flagsOf = (r: Pick<ListRecord, 'is_stocked' | 'is_service' | 'is_spare_part' | 'is_consumable' | 'is_serial_tracked'>) => ({
  isStocked: r.is_stocked === 1,
  isService: r.is_service === 1,
  isSparePart: r.is_spare_part === 1,
  isConsumable: r.is_consumable === 1,
  isSerialTracked: r.is_serial_tracked === 1,
});

export function toListRow(r: ListRecord): ProductListRow {
  return {
    id: r.id,
    code: r.code,
    name: r.name,
    spec: r.spec,
    categoryId: r.category_id,
    categoryName: r.category_name,
    unit: r.unit,
    secondUnit: r.second_unit,
    secondUnitFactor: r.second_unit_factor,
    barcode: r.barcode,
    vatRate: r.vat_rate,
    listPrice: r.list_price,
    standardCost: r.standard_cost,
    ...flagsOf(r),
    reorderIntervalDays: r.reorder_interval_days,
    status: r.status,
  };
}

const LIST_COLUMN_LIST = `p.id, p.code, p.name, p.spec, p.category_id, c.name AS category_name, p.unit, p.second_unit, p.second_unit_factor, p.barcode,
  p.vat_rate, p.list_price, p.standard_cost, p.is_stocked, p.is_service, p.is_spare_part, p.is_consumable, p.reorder_interval_days, p.is_serial_tracked, p.status`;
const LIST_COLUMNS = sql.raw(LIST_COLUMN_LIST);

export async function listProducts(db: Db, input: ListInput): Promise<Page<ProductListRow>> {
  const query = fromWhereOf(input);
  if (!query) return { rows: [], total: 0, totalIsExact: true };
  const { from, where } = query;
  // A search counts its matches in the same pass; otherwise the count stops at COUNT_CAP.
  const total = input.q ? sql`count(*) OVER ()` : sql`NULL`;
  const { rows } = await sql<ListRecord & { total: number | null }>`
    SELECT ${LIST_COLUMNS}, ${total} AS total
      FROM ${from} LEFT JOIN product_categories c ON c.id = p.category_id
     ${where}
     ORDER BY ${orderOf(input)}
     LIMIT ${input.pageSize} OFFSET ${(input.page - 1) * input.pageSize}`.execute(db);
  const counted = rows[0]?.total;
  const count = counted != null ? { total: counted, totalIsExact: true } : await cappedCount(db, sql`FROM ${from} ${where}`);
  return { ...count, rows: rows.map(toListRow) };
}

/**
 * The products a document's lines name, by id, archived ones included (the caller decides what an
 * archived product may still do): one query for all the lines.
 */
export function productsByIds(sqlite: Sqlite, ids: readonly string[]): Map<string, ProductListRow> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  // One statement prepared once for any number of lines (an IN list has SQL of its own per length); on every order confirmed.
  const rows = statement(sqlite, PRODUCTS_BY_IDS).all(JSON.stringify(unique)) as ListRecord[];
  return new Map(rows.map((r) => [r.id, toListRow(r)]));
}

const PRODUCTS_BY_IDS = `SELECT ${LIST_COLUMN_LIST} FROM products p LEFT JOIN product_categories c ON c.id = p.category_id
  WHERE p.id IN (SELECT value FROM json_each(?))`;

/** Every matching product in the list's order, in pages of `size`: what an export reads. */
export async function* productPages(db: Db, input: ProductListQuery, size = 1000): AsyncGenerator<{ rows: ProductListRow[]; total: number }> {
  for (let page = 1; ; page++) {
    const result = await listProducts(db, { ...input, page, pageSize: size });
    yield result;
    if (result.rows.length < size) return;
  }
}

const LOOKUP_COLUMNS = sql`p.id, p.code, p.name, p.spec, p.unit, p.second_unit, p.second_unit_factor, p.barcode, p.vat_rate, p.list_price,
  p.is_stocked, p.is_service, p.is_spare_part, p.is_consumable, p.is_serial_tracked`;

type LookupRecord = Omit<ListRecord, 'category_id' | 'category_name' | 'standard_cost' | 'reorder_interval_days' | 'status'>;

function toLookup(r: LookupRecord): LookupProduct {
  return {
    id: r.id,
    code: r.code,
    name: r.name,
    spec: r.spec,
    unit: r.unit,
    secondUnit: r.second_unit,
    secondUnitFactor: r.second_unit_factor,
    barcode: r.barcode,
    vatRate: r.vat_rate,
    listPrice: r.list_price,
    ...flagsOf(r),
  };
}

/**
 * What a scan or a typed code finds, active products only. A USB scanner types the barcode and
 * Enter, so the exact barcode is tried first (one probe of products_barcode), then the exact code
 * (one probe of the code index, as typed or in capitals), then the search index, best first.
 */
export async function lookupProducts(db: Db, input: { q: string; limit: number }): Promise<LookupResult> {
  const barcode = normaliseBarcode(input.q);
  if (/^[A-Za-z0-9-]{4,32}$/.test(barcode)) {
    const { rows } = await sql<LookupRecord>`SELECT ${LOOKUP_COLUMNS} FROM products p WHERE p.barcode = ${barcode} AND p.status = 'active'`.execute(db);
    if (rows[0]) return { match: 'barcode', products: [toLookup(rows[0])] };
  }
  const code = normaliseProductCode(input.q);
  if (code && !/\s/.test(code)) {
    const { rows } = await sql<LookupRecord>`SELECT ${LOOKUP_COLUMNS} FROM products p WHERE p.code IN (${code}, ${code.toUpperCase()}) AND p.status = 'active' LIMIT 1`.execute(db);
    if (rows[0]) return { match: 'code', products: [toLookup(rows[0])] };
  }
  const fts = toProductFtsQuery(input.q);
  if (!fts) return { match: 'none', products: [] };
  // Rank inside FTS first and join only the best few: a two-letter prefix can match thousands.
  const { rows } = await sql<LookupRecord>`
    WITH best AS MATERIALIZED (
      SELECT rowid, rank FROM products_fts WHERE products_fts MATCH ${fts} ORDER BY rank LIMIT ${input.limit * 4}
    )
    SELECT ${LOOKUP_COLUMNS}
      FROM best
      CROSS JOIN product_search ps ON ps.rowid = best.rowid
      CROSS JOIN products p ON p.id = ps.product_id
     WHERE p.status = 'active'
     ORDER BY best.rank, p.code
     LIMIT ${input.limit}`.execute(db);
  return { match: rows.length ? 'search' : 'none', products: rows.map(toLookup) };
}

/** A scanned barcode or a typed product code, exactly (never a search match): what adds a line or picks one. */
export async function scannedProduct(db: Db, code: string): Promise<LookupProduct | null> {
  const found = await lookupProducts(db, { q: code, limit: 1 });
  return found.match === 'barcode' || found.match === 'code' ? found.products[0]! : null;
}
