/**
 * What the stock documents (adjustments, transfers, counts) and the purchasing documents share:
 * their number series, today's business date, and the checks on the warehouse and the products
 * their lines name, each refusal pointing at the field of the caller's input.
 */
import { sql, type Kysely, type RawBuilder } from 'kysely';
import { validationError } from '../../api/errors';
import { fieldIssue, type FieldIssue } from '../../api/issues';
import type { Sqlite } from '../../db/connection';
import type { Page } from '../../api/paging';
import type { Database } from '../../db/schema';
import { statement } from '../../db/statements';
import { businessDateIn } from '../core/dates';
import type { SeriesDefinition } from '../core/numbering';
import { getSettings } from '../settings/settings.service';

export const ADJUSTMENT_SERIES: SeriesDefinition = { code: 'stock_adjustment', prefix: 'ADJ', perYear: true, padding: 6 };
export const TRANSFER_SERIES: SeriesDefinition = { code: 'stock_transfer', prefix: 'TR', perYear: true, padding: 6 };
export const COUNT_SERIES: SeriesDefinition = { code: 'stock_count', prefix: 'PD', perYear: true, padding: 6 };

/** Today's business date in the company's time zone. */
export async function businessToday(db: Kysely<Database>): Promise<string> {
  return businessDateIn((await getSettings(db)).timeZone);
}

export interface WarehouseRef {
  id: string;
  code: string;
  name: string;
  status: 'active' | 'archived';
}

/** An active warehouse, or a refusal at `path`. */
export function activeWarehouse(sqlite: Sqlite, id: string, path: string): WarehouseRef {
  const row = statement(sqlite, 'SELECT id, code, name, status FROM warehouses WHERE id = ?').get(id) as WarehouseRef | undefined;
  if (!row) throw validationError([fieldIssue(path, 'not_found', { entity: 'warehouse' })]);
  if (row.status !== 'active') throw validationError([fieldIssue(path, 'archived', { entity: 'warehouse' })]);
  return row;
}

export interface LineProduct {
  id: string;
  code: string;
  name: string;
  unit: string;
  vatRate: number;
  standardCost: number;
  isSerialTracked: boolean;
}

interface ProductRow {
  id: string;
  code: string;
  name: string;
  unit: string;
  vat_rate: number;
  standard_cost: number;
  is_stocked: number;
  is_serial_tracked: number;
  status: string;
}

/**
 * The products a document's lines name, each checked: it exists, is kept in stock, and (unless
 * the document only takes goods out) is not archived. Every refusal is collected so a form shows
 * them all at once.
 */
export function productsOfLines(
  sqlite: Sqlite,
  lines: readonly { productId: string }[],
  options: { allowArchived?: boolean; listPath?: string } = {},
): Map<string, LineProduct> {
  const found = new Map<string, LineProduct>();
  const issues: FieldIssue[] = [];
  const select = statement(sqlite, 'SELECT id, code, name, unit, vat_rate, standard_cost, is_stocked, is_serial_tracked, status FROM products WHERE id = ?');
  lines.forEach((line, i) => {
    const path = `${options.listPath ?? 'lines'}.${i}.productId`;
    const row = select.get(line.productId) as ProductRow | undefined;
    if (!row) return issues.push(fieldIssue(path, 'not_found', { entity: 'product' }));
    if (row.is_stocked !== 1) return issues.push(fieldIssue(path, 'not_stocked', { code: row.code }));
    if (row.status !== 'active' && !options.allowArchived) return issues.push(fieldIssue(path, 'archived', { entity: 'product' }));
    found.set(row.id, {
      id: row.id,
      code: row.code,
      name: row.name,
      unit: row.unit,
      vatRate: row.vat_rate,
      standardCost: row.standard_cost,
      isSerialTracked: row.is_serial_tracked === 1,
    });
  });
  if (issues.length) throw validationError(issues);
  return found;
}

export interface DocumentPageQuery<R> {
  /** SELECT … FROM … of one document per row. */
  header: RawBuilder<unknown>;
  /** The header table with its alias, for the count. */
  table: RawBuilder<unknown>;
  where: RawBuilder<unknown>[];
  orderBy: RawBuilder<unknown>;
  page: number;
  pageSize: number;
  map: (record: R) => unknown;
}

/** `WHERE` with every condition, or nothing when there are none. */
export function whereAll(conditions: readonly RawBuilder<unknown>[]): RawBuilder<unknown> {
  return conditions.length ? sql`WHERE ${sql.join(conditions, sql` AND `)}` : sql``;
}

/** A page of a document list, newest first, with its total. */
export async function documentPage<R, T>(db: Kysely<Database>, query: DocumentPageQuery<R> & { map: (record: R) => T }): Promise<Page<T>> {
  const whereSql = whereAll(query.where);
  const [{ rows }, counted] = await Promise.all([
    sql<R>`${query.header} ${whereSql} ORDER BY ${query.orderBy} LIMIT ${query.pageSize} OFFSET ${(query.page - 1) * query.pageSize}`.execute(db),
    sql<{ total: number }>`SELECT count(*) AS total FROM ${query.table} ${whereSql}`.execute(db),
  ]);
  return { rows: rows.map(query.map), total: counted.rows[0]?.total ?? 0, totalIsExact: true };
}

/** Typed text as a LIKE pattern matched literally (with ESCAPE '\'). */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}
