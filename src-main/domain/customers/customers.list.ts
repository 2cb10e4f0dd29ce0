import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { z } from 'zod';
import type { Page } from '../../api/paging';
import type { Database } from '../../db/schema';
import { toHalfWidth } from '../shared/text';
import type { customerListInput } from './customers.contract';
import type { CustomerKind, CustomerListRow, CustomerSearchHit, CustomerStatus, LifecycleStage } from './customers.dto';
import * as repo from './customers.repository';
import { toFtsQuery } from './customers.search-text';

type ListInput = z.output<typeof customerListInput>;
type ListQuery = Pick<ListInput, 'q' | 'filters' | 'sort'>;

/**
 * Sort columns with a tie-breaker; each pair is an index (customers_status_* or customer_stats_*)
 * so a page is read in index order instead of sorting the table.
 */
const SORTS = {
  code: ['c.code'],
  name: ['c.name_pinyin', 'c.code'],
  createdAt: ['c.created_at', 'c.id'],
  lastOrderDate: ['s.last_order_date', 's.customer_id'],
  balanceDue: ['s.balance_due', 's.customer_id'],
  lifetimeRevenue: ['s.lifetime_revenue', 's.customer_id'],
} as const;

/** The matching customer ids of a search, driven from the FTS index (never a table scan). */
function matchingIds(ftsQuery: string): RawBuilder<unknown> {
  return sql`c.id IN (SELECT cs.customer_id FROM customers_fts JOIN customer_search cs ON cs.rowid = customers_fts.rowid WHERE customers_fts MATCH ${ftsQuery})`;
}

interface Where {
  conditions: RawBuilder<unknown>[];
  usesStats: boolean;
}

function whereOf(input: ListQuery): Where | null {
  const f = input.filters;
  const conditions: RawBuilder<unknown>[] = [];
  let usesStats = false;
  const status = f.status ?? 'active';
  if (status !== 'all') conditions.push(sql`c.status = ${status}`);
  if (input.q) {
    const fts = toFtsQuery(input.q);
    if (!fts) return null;
    conditions.push(matchingIds(fts));
  }
  if (f.industry) conditions.push(sql`c.industry = ${f.industry}`);
  if (f.size) conditions.push(sql`c.size = ${f.size}`);
  if (f.tier) conditions.push(sql`c.tier = ${f.tier}`);
  if (f.province) conditions.push(sql`c.province = ${f.province}`);
  if (f.city) conditions.push(sql`c.city = ${f.city}`);
  if (f.ownerUserId !== undefined) conditions.push(f.ownerUserId === null ? sql`c.owner_user_id IS NULL` : sql`c.owner_user_id = ${f.ownerUserId}`);
  if (f.lifecycleStage?.length) conditions.push(sql`c.lifecycle_stage IN (${sql.join(f.lifecycleStage)})`);
  if (f.tagIds?.length) {
    const tags = sql.join(f.tagIds);
    conditions.push(
      f.tagMode === 'all'
        ? sql`(SELECT count(*) FROM customer_tags ct WHERE ct.customer_id = c.id AND ct.tag_id IN (${tags})) = ${new Set(f.tagIds).size}`
        : sql`EXISTS (SELECT 1 FROM customer_tags ct WHERE ct.customer_id = c.id AND ct.tag_id IN (${tags}))`,
    );
  }
  if (f.creditStatus) {
    if (f.creditStatus === 'none') conditions.push(sql`c.credit_limit IS NULL`);
    else {
      usesStats = true;
      conditions.push(f.creditStatus === 'over' ? sql`c.credit_limit IS NOT NULL AND s.balance_due > c.credit_limit` : sql`c.credit_limit IS NOT NULL AND s.balance_due <= c.credit_limit`);
    }
  }
  const stats: [unknown, RawBuilder<unknown>][] = [
    [f.lastOrderFrom, sql`s.last_order_date >= ${f.lastOrderFrom}`],
    [f.lastOrderTo, sql`s.last_order_date <= ${f.lastOrderTo}`],
    [f.balanceDueMin, sql`s.balance_due >= ${f.balanceDueMin}`],
    [f.balanceDueMax, sql`s.balance_due <= ${f.balanceDueMax}`],
  ];
  for (const [value, condition] of stats) {
    if (value === undefined) continue;
    usesStats = true;
    conditions.push(condition);
  }
  for (const [key, value] of Object.entries(f.custom ?? {})) {
    // The key is checked by the contract (letters, digits, _), so the JSON path is safe to build.
    conditions.push(sql`json_extract(c.custom_fields, ${`$.${key}`}) = ${value}`);
  }
  return { conditions, usesStats };
}

interface ListRowRecord {
  id: string;
  code: string;
  name: string;
  short_name: string | null;
  kind: CustomerKind;
  status: CustomerStatus;
  owner_user_id: string | null;
  owner_name: string | null;
  province: string | null;
  city: string | null;
  industry: string | null;
  lifecycle_stage: LifecycleStage;
  tier: string | null;
  credit_limit: number | null;
  created_at: string;
  balance_due: number;
  lifetime_revenue: number;
  last_order_date: string | null;
  contact_name: string | null;
  contact_mobile: string | null;
}

/** FROM, WHERE and ORDER BY of the list: an index walk in the list's order. */
function listQuery(input: ListQuery) {
  const where = whereOf(input);
  if (!where) return null;
  const whereSql = where.conditions.length ? sql`WHERE ${sql.join(where.conditions, sql` AND `)}` : sql``;
  const dir = input.sort.dir === 'desc' ? sql`DESC` : sql`ASC`;
  const orderBy = sql.join(
    SORTS[input.sort.field].map((column) => sql`${sql.raw(column)} ${dir}`),
    sql`, `,
  );
  // A search visits every match anyway (FTS first); without one, a stats sort walks its stats
  // index (CROSS JOIN keeps SQLite from sorting the table).
  const sortsOnStats = SORTS[input.sort.field][0].startsWith('s.');
  const from =
    sortsOnStats && !input.q
      ? sql`customer_stats s CROSS JOIN customers c ON c.id = s.customer_id`
      : where.usesStats || sortsOnStats
        ? sql`customers c JOIN customer_stats s ON s.customer_id = c.id`
        : sql`customers c`;
  return { where, whereSql, orderBy, from };
}

/** Every matching customer's id in the list's order: what an export reads, with no page and no count. */
export async function listCustomerIds(db: Kysely<Database>, input: ListQuery): Promise<string[]> {
  const query = listQuery(input);
  if (!query) return [];
  const { rows } = await sql<{ id: string }>`SELECT c.id FROM ${query.from} ${query.whereSql} ORDER BY ${query.orderBy}`.execute(db);
  return rows.map((r) => r.id);
}

export async function listCustomers(db: Kysely<Database>, input: ListInput): Promise<Page<CustomerListRow>> {
  const query = listQuery(input);
  if (!query) return { rows: [], total: 0 };
  const { where, whereSql, orderBy, from } = query;
  // Two steps: the page's keys come from an index walk alone (OFFSET skips index entries, not
  // joined rows); only the 50 rows of the page are then joined. rowid is stable within a call.
  // A search counts its matches in the same pass.
  const total = input.q ? sql`count(*) OVER ()` : sql`NULL`;
  const keys = await sql<{ rid: number; total: number | null }>`
    SELECT c.rowid AS rid, ${total} AS total FROM ${from} ${whereSql}
     ORDER BY ${orderBy}
     LIMIT ${input.pageSize} OFFSET ${(input.page - 1) * input.pageSize}`.execute(db);
  const rowids = keys.rows.map((k) => k.rid);
  const fetched = rowids.length
    ? await sql<ListRowRecord & { rid: number }>`
    SELECT c.rowid AS rid, c.id, c.code, c.name, c.short_name, c.kind, c.status, c.owner_user_id, u.display_name AS owner_name,
           c.province, c.city, c.industry, c.lifecycle_stage, c.tier, c.credit_limit, c.created_at,
           s.balance_due, s.lifetime_revenue, s.last_order_date,
           pc.name AS contact_name, pc.mobile AS contact_mobile
      FROM customers c
      JOIN customer_stats s ON s.customer_id = c.id
      LEFT JOIN users u ON u.id = c.owner_user_id
      LEFT JOIN customer_contacts pc ON pc.customer_id = c.id AND pc.is_primary = 1
     WHERE c.rowid IN (${sql.join(rowids)})`.execute(db)
    : { rows: [] };
  const byRowid = new Map(fetched.rows.map((r) => [r.rid, r]));
  const page = { rows: rowids.map((rid) => byRowid.get(rid)!).filter(Boolean) };
  const statsJoin = where.usesStats ? sql`JOIN customer_stats s ON s.customer_id = c.id` : sql``;
  const counted = keys.rows[0]?.total;
  const count = counted != null ? { rows: [{ n: counted }] } : await sql<{ n: number }>`SELECT count(*) AS n FROM customers c ${statsJoin} ${whereSql}`.execute(db);
  const tags = await repo.tagsOfCustomers(
    db,
    page.rows.map((r) => r.id),
  );
  return {
    total: count.rows[0]?.n ?? 0,
    rows: page.rows.map((r) => ({
      id: r.id,
      code: r.code,
      name: r.name,
      shortName: r.short_name,
      kind: r.kind,
      status: r.status,
      ownerUserId: r.owner_user_id,
      ownerName: r.owner_name,
      tags: tags.filter((t) => t.customer_id === r.id).map((t) => ({ id: t.id, name: t.name, color: t.color })),
      primaryContact: r.contact_name ? { name: r.contact_name, mobile: r.contact_mobile } : null,
      province: r.province,
      city: r.city,
      industry: r.industry,
      lifecycleStage: r.lifecycle_stage,
      tier: r.tier,
      creditLimit: r.credit_limit,
      balanceDue: r.balance_due,
      lifetimeRevenue: r.lifetime_revenue,
      lastOrderDate: r.last_order_date,
      createdAt: r.created_at,
    })),
  };
}

interface SearchRecord {
  id: string;
  code: string;
  name: string;
  short_name: string | null;
  status: CustomerStatus;
  credit_code: string | null;
}

/** The command palette: best matches first (FTS rank), with why each matched. */
export async function searchCustomers(db: Kysely<Database>, input: { q: string; limit: number; includeArchived: boolean }): Promise<CustomerSearchHit[]> {
  const fts = toFtsQuery(input.q);
  if (!fts) return [];
  const status = input.includeArchived ? sql`c.merged_into_id IS NULL` : sql`c.status = 'active'`;
  // Rank inside FTS first and join only the best few: a two-letter prefix can match thousands.
  const { rows } = await sql<SearchRecord>`
    WITH best AS MATERIALIZED (
      SELECT rowid, rank FROM customers_fts WHERE customers_fts MATCH ${fts} ORDER BY rank LIMIT ${input.limit * 4}
    )
    SELECT c.id, c.code, c.name, c.short_name, c.status, c.credit_code
      FROM best
      JOIN customer_search cs ON cs.rowid = best.rowid
      JOIN customers c ON c.id = cs.customer_id
     WHERE ${status}
     ORDER BY best.rank, c.code
     LIMIT ${input.limit}`.execute(db);
  return rows.map((r) => ({ id: r.id, code: r.code, name: r.name, shortName: r.short_name, status: r.status, matchHint: matchHint(input.q, r) }));
}

function matchHint(q: string, row: SearchRecord): string {
  const typed = toHalfWidth(q).trim().toLowerCase();
  if (row.code.toLowerCase().startsWith(typed)) return 'code';
  if (row.name.toLowerCase().includes(typed) || row.short_name?.toLowerCase().includes(typed)) return 'name';
  if (row.credit_code?.toLowerCase().startsWith(typed)) return 'creditCode';
  if (/^\d+$/.test(typed)) return 'phone';
  if (/[\u3400-\u9fff]/.test(typed)) return 'contact';
  return 'pinyin';
}
