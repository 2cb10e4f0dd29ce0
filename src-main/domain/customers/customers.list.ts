import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { z } from 'zod';
import type { Page } from '../../api/paging';
import { cappedCount, maintainedCount, pageOfMatches, type Total } from '../../db/counts';
import type { Database } from '../../db/schema';
import type { customerListInput } from './customers.contract';
import type { CustomerKind, CustomerListRow, CustomerStatus, LifecycleStage } from './customers.dto';
import { businessDayStartUtc } from '../core/dates';
import { companyTimeZone } from '../settings/settings.service';
import * as repo from './customers.repository';
import { EVERY_MATCH, listSearchBound, searchMatches } from './customers.search';
import type { DataScope } from '../users/data-scope';
import { customerRowVisible } from './customers.scope';

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

interface Where {
  conditions: RawBuilder<unknown>[];
  usesStats: boolean;
}

/** Business-date filters as the UTC instants the timestamps are stored in. */
interface Instants {
  createdFrom?: string;
  noContactSince?: string;
  stageMoveSince?: string;
}

async function instantsOf(db: Kysely<Database>, input: ListQuery): Promise<Instants> {
  const f = input.filters;
  if (!f.createdFrom && !f.noContactSince && !f.stageMove) return {};
  const timeZone = await companyTimeZone(db);
  return {
    ...(f.createdFrom ? { createdFrom: businessDayStartUtc(f.createdFrom, timeZone) } : {}),
    ...(f.noContactSince ? { noContactSince: businessDayStartUtc(f.noContactSince, timeZone) } : {}),
    ...(f.stageMove ? { stageMoveSince: businessDayStartUtc(f.stageMove.since, timeZone) } : {}),
  };
}

/** The conditions besides the status and the search; the caller's scope is one of them. */
function filtersOf(input: ListQuery, instants: Instants = {}, scope?: DataScope): Where {
  const f = input.filters;
  const conditions: RawBuilder<unknown>[] = [];
  const visible = scope && customerRowVisible(scope);
  if (visible) conditions.push(visible);
  if (instants.createdFrom) conditions.push(sql`c.created_at >= ${instants.createdFrom}`);
  if (f.nextContactBy) conditions.push(sql`${repo.nextContactOf} <= ${f.nextContactBy}`);
  if (instants.noContactSince) {
    conditions.push(sql`NOT EXISTS (SELECT 1 FROM interactions i WHERE i.customer_id = c.id AND i.occurred_at >= ${instants.noContactSince})`);
  }
  if (f.stageMove && instants.stageMoveSince) {
    const side = f.stageMove.direction === 'entered' ? sql`h.to_stage` : sql`h.from_stage`;
    conditions.push(
      sql`EXISTS (SELECT 1 FROM customer_stage_history h WHERE h.customer_id = c.id AND h.changed_at >= ${instants.stageMoveSince} AND h.from_stage IS NOT h.to_stage AND ${side} = ${f.stageMove.stage})`,
    );
  }
  let usesStats = false;
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

function statusOf(input: ListQuery): 'active' | 'archived' | 'all' {
  return input.filters.status ?? 'active';
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

export interface ListOptions {
  /** Tests read a search with another bound than listSearchBound's. */
  searchBound?: number;
  /** Whose customers the caller sees (absent: every customer, for trusted callers). */
  scope?: DataScope;
}

function orderOf(input: ListQuery): { orderBy: RawBuilder<unknown>; sortsOnStats: boolean } {
  const dir = input.sort.dir === 'desc' ? sql`DESC` : sql`ASC`;
  const orderBy = sql.join(
    SORTS[input.sort.field].map((column) => sql`${sql.raw(column)} ${dir}`),
    sql`, `,
  );
  return { orderBy, sortsOnStats: SORTS[input.sort.field][0].startsWith('s.') };
}

export async function listCustomers(db: Kysely<Database>, input: ListInput, options: ListOptions = {}): Promise<Page<CustomerListRow>> {
  const filters = filtersOf(input, await instantsOf(db, input), options.scope);
  const status = statusOf(input);
  const { orderBy, sortsOnStats } = orderOf(input);
  const page = { limit: input.pageSize, offset: (input.page - 1) * input.pageSize };
  const found = input.q
    ? await searchPage(db, input.q, status, filters, { orderBy, sortsOnStats, ...page, bound: options.searchBound ?? listSearchBound(input.q) })
    : await browsePage(db, status, filters, { orderBy, sortsOnStats, ...page });
  const byRowid = new Map((await pageRows(db, found.rowids)).map((r) => [r.rid, r]));
  const rows = found.rowids.map((rid) => byRowid.get(rid)!).filter(Boolean);
  const tags = await repo.tagsOfCustomers(
    db,
    rows.map((r) => r.id),
  );
  return {
    total: found.total,
    totalIsExact: found.totalIsExact,
    rows: rows.map((r) => ({
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

interface PageShape {
  orderBy: RawBuilder<unknown>;
  sortsOnStats: boolean;
  limit: number;
  offset: number;
}

interface FoundPage extends Total {
  rowids: number[];
}

function whereSql(conditions: RawBuilder<unknown>[]): RawBuilder<unknown> {
  return conditions.length ? sql`WHERE ${sql.join(conditions, sql` AND `)}` : sql``;
}

function withStatus(status: 'active' | 'archived' | 'all', filters: Where): RawBuilder<unknown>[] {
  return status === 'all' ? filters.conditions : [sql`c.status = ${status}`, ...filters.conditions];
}

/** A stats sort walks its stats index (CROSS JOIN keeps SQLite from sorting the table). */
function browseFrom(filters: Where, sortsOnStats: boolean): RawBuilder<unknown> {
  if (sortsOnStats) return sql`FROM customer_stats s CROSS JOIN customers c ON c.id = s.customer_id`;
  return filters.usesStats ? sql`FROM customers c JOIN customer_stats s ON s.customer_id = c.id` : sql`FROM customers c`;
}

/**
 * Every matching customer's id in the list's order: what an export reads, with no page and no
 * count, and every match of a search however many (an export is a long job, not a screen).
 */
export async function listCustomerIds(db: Kysely<Database>, input: ListQuery, scope?: DataScope): Promise<string[]> {
  const filters = filtersOf(input, await instantsOf(db, input), scope);
  const status = statusOf(input);
  const conditions = withStatus(status, filters);
  const { orderBy, sortsOnStats } = orderOf(input);
  if (!input.q) {
    const { rows } = await sql<{ id: string }>`SELECT c.id ${browseFrom(filters, sortsOnStats)} ${whereSql(conditions)} ORDER BY ${orderBy}`.execute(db);
    return rows.map((r) => r.id);
  }
  const matches = searchMatches(input.q, EVERY_MATCH, status);
  if (!matches) return [];
  const stats = filters.usesStats || sortsOnStats ? sql`CROSS JOIN customer_stats s ON s.customer_id = c.id` : sql``;
  const { rows } = await sql<{ id: string }>`
    WITH found AS MATERIALIZED (${matches})
    SELECT c.id FROM found f CROSS JOIN customers c ON c.rowid = f.rid ${stats} ${whereSql(conditions)}
     ORDER BY ${orderBy}`.execute(db);
  return rows.map((r) => r.id);
}

/**
 * No search: the page's keys come from an index walk alone (OFFSET skips index entries, not joined
 * rows). A stats sort walks its stats index (CROSS JOIN keeps SQLite from sorting the table). The
 * total of an unfiltered list is kept by triggers; a filtered one is counted up to COUNT_CAP.
 */
async function browsePage(db: Kysely<Database>, status: 'active' | 'archived' | 'all', filters: Where, shape: PageShape): Promise<FoundPage> {
  const conditions = withStatus(status, filters);
  const from = browseFrom(filters, shape.sortsOnStats);
  const keys = await sql<{ rid: number }>`
    SELECT c.rowid AS rid ${from} ${whereSql(conditions)}
     ORDER BY ${shape.orderBy}
     LIMIT ${shape.limit} OFFSET ${shape.offset}`.execute(db);
  const total = filters.conditions.length
    ? await cappedCount(db, sql`FROM customers c ${filters.usesStats ? sql`JOIN customer_stats s ON s.customer_id = c.id` : sql``} ${whereSql(conditions)}`)
    : await maintainedCount(db, status === 'all' ? ['customers:active', 'customers:archived'] : [`customers:${status}`]);
  return { rowids: keys.rows.map((k) => k.rid), ...total };
}

/** A search: its bounded matches (customers.search.ts) are filtered, sorted and paged. */
async function searchPage(db: Kysely<Database>, q: string, status: 'active' | 'archived' | 'all', filters: Where, shape: PageShape & { bound: number }): Promise<FoundPage> {
  const matches = searchMatches(q, shape.bound, status);
  if (!matches) return { rowids: [], total: 0, totalIsExact: true };
  const conditions = withStatus(status, filters);
  const stats = filters.usesStats || shape.sortsOnStats ? sql`CROSS JOIN customer_stats s ON s.customer_id = c.id` : sql``;
  const { keys, ...total } = await pageOfMatches(db, {
    matches,
    bound: shape.bound,
    from: sql`CROSS JOIN customers c ON c.rowid = f.rid ${stats} ${whereSql(conditions)}`,
    key: sql<number>`c.rowid`,
    orderBy: shape.orderBy,
    limit: shape.limit,
    offset: shape.offset,
  });
  return { rowids: keys, ...total };
}

/** The 50 rows of a page, joined once their keys are known. */
async function pageRows(db: Kysely<Database>, rowids: number[]) {
  if (!rowids.length) return [];
  const { rows } = await sql<ListRowRecord & { rid: number }>`
    SELECT c.rowid AS rid, c.id, c.code, c.name, c.short_name, c.kind, c.status, c.owner_user_id, u.display_name AS owner_name,
           c.province, c.city, c.industry, c.lifecycle_stage, c.tier, c.credit_limit, c.created_at,
           s.balance_due, s.lifetime_revenue, s.last_order_date,
           pc.name AS contact_name, pc.mobile AS contact_mobile
      FROM customers c
      JOIN customer_stats s ON s.customer_id = c.id
      LEFT JOIN users u ON u.id = c.owner_user_id
      LEFT JOIN customer_contacts pc ON pc.customer_id = c.id AND pc.is_primary = 1
     WHERE c.rowid IN (${sql.join(rowids)})`.execute(db);
  return rows;
}
