/**
 * Searches start from the index and join outwards (DESIGN §3), reading a bounded number of
 * matches: a two-letter prefix can match half the customers, and every match joined costs a few
 * microseconds. A search that matches more than its bound shows the first matches and says the
 * count is not exact ("约 500+ 条"); typing more narrows it.
 */
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Database } from '../../db/schema';
import { toHalfWidth } from '../shared/text';
import type { CustomerSearchHit, CustomerStatus } from './customers.dto';
import { toFtsQuery } from './customers.search-text';
import type { DataScope } from '../users/data-scope';
import { customerRowVisible } from './customers.scope';

/** Matches a list search reads at most (the list then filters, sorts and pages them). */
export const LIST_SEARCH_BOUND = 500;
/**
 * One or two letters match a large share of the customers (zh: 张, 郑, 浙江, 中华…): the list reads
 * fewer of them ("约 200+ 条"), so the screen answers as fast as for a longer query; typing more narrows.
 */
export const SHORT_SEARCH_BOUND = 200;

/** How many matches a list search reads: fewer for one or two letters. */
export function listSearchBound(q: string): number {
  return /^[a-z]{1,2}$/.test(toHalfWidth(q).trim().toLowerCase()) ? SHORT_SEARCH_BOUND : LIST_SEARCH_BOUND;
}

/** Matches the palette ranks at most before joining the best few to their customers. */
export const PALETTE_SEARCH_BOUND = 200;
/** For exports, which want every match of a search however long that takes. */
export const EVERY_MATCH = 2 ** 40;

/**
 * One Latin letter has no prefix index (prefix = '2 3') and would merge every token starting with
 * it; it finds the customers whose name starts with it in pinyin (z → 张…, 浙江…), in name order.
 */
function initialLetter(q: string): string | null {
  const typed = toHalfWidth(q).trim().toLowerCase();
  return /^[a-z]$/.test(typed) ? typed : null;
}

/**
 * The rowids of at most `bound + 1` customers matching `q` (one more than the bound tells that
 * there are more), or null when `q` has nothing searchable. `status` limits the one-letter form,
 * which reads customers by their name index.
 */
export function searchMatches(q: string, bound: number, status: 'active' | 'archived' | 'all'): RawBuilder<{ rid: number }> | null {
  const letter = initialLetter(q);
  if (letter) {
    const statuses = status === 'all' ? ['active', 'archived'] : [status];
    return sql`SELECT rowid AS rid FROM customers
                WHERE status IN (${sql.join(statuses)}) AND name_pinyin >= ${letter} AND name_pinyin < ${`${letter}\u{10ffff}`}
                LIMIT ${bound + 1}`;
  }
  const fts = toFtsQuery(q);
  if (!fts) return null;
  // CROSS JOIN keeps the matches as the outer loop: without statistics SQLite would rather walk
  // customers by status and probe each one.
  return sql`SELECT c.rowid AS rid
               FROM (SELECT rowid FROM customers_fts WHERE customers_fts MATCH ${fts} LIMIT ${bound + 1}) hit
              CROSS JOIN customer_search cs ON cs.rowid = hit.rowid
              CROSS JOIN customers c ON c.id = cs.customer_id`;
}

interface SearchRecord {
  id: string;
  code: string;
  name: string;
  short_name: string | null;
  status: string;
  credit_code: string | null;
}

/** The command palette: the best matches first (FTS rank among the bounded matches), with why each matched. */
export async function searchCustomers(db: Kysely<Database>, input: { q: string; limit: number; includeArchived: boolean }, scope?: DataScope): Promise<CustomerSearchHit[]> {
  const visible = scope && customerRowVisible(scope);
  const shown = input.includeArchived ? sql`c.merged_into_id IS NULL` : sql`c.status = 'active'`;
  const status = visible ? sql`${shown} AND ${visible}` : shown;
  // A narrow scope filters after ranking, so it ranks every bounded match rather than the best few.
  const best = visible ? PALETTE_SEARCH_BOUND : input.limit * 4;
  const letter = initialLetter(input.q);
  let rows: SearchRecord[];
  if (letter) {
    ({ rows } = await sql<SearchRecord>`
      SELECT c.id, c.code, c.name, c.short_name, c.status, c.credit_code FROM customers c
       WHERE c.status IN (${sql.join(input.includeArchived ? ['active', 'archived'] : ['active'])})
         AND c.name_pinyin >= ${letter} AND c.name_pinyin < ${`${letter}\u{10ffff}`} AND ${status}
       ORDER BY c.name_pinyin, c.code
       LIMIT ${input.limit}`.execute(db));
  } else {
    const fts = toFtsQuery(input.q);
    if (!fts) return [];
    const typed = toHalfWidth(input.q).trim();
    // Ranked: the customer whose code was typed, then names that start with the typed pinyin
    // (zh → 张…, 浙江…, in name order: a bounded read of the name index), then the best few of
    // the bounded FTS matches by rank. `rank` is computed for the bounded matches only.
    const latin = /^[a-z]+$/i.test(typed) ? typed.toLowerCase() : null;
    const nameStarts = latin
      ? sql`SELECT * FROM (SELECT rowid AS rid, 1 AS tier, 0 AS rank FROM customers
             WHERE status IN (${sql.join(input.includeArchived ? ['active', 'archived'] : ['active'])})
               AND name_pinyin >= ${latin} AND name_pinyin < ${`${latin}\u{10ffff}`}
             LIMIT ${best})`
      : sql`SELECT NULL AS rid, 1 AS tier, 0 AS rank WHERE 0`;
    ({ rows } = await sql<SearchRecord>`
      WITH hit AS MATERIALIZED (
        SELECT rowid, rank FROM customers_fts WHERE customers_fts MATCH ${fts} LIMIT ${PALETTE_SEARCH_BOUND}
      ), best AS MATERIALIZED (
        SELECT rowid, rank FROM hit ORDER BY rank LIMIT ${best}
      ), ranked AS MATERIALIZED (
        SELECT rowid AS rid, 0 AS tier, 0 AS rank FROM customers WHERE code = ${typed.toUpperCase()}
        UNION ALL ${nameStarts}
        UNION ALL SELECT c.rowid, 2, best.rank FROM best
         CROSS JOIN customer_search cs ON cs.rowid = best.rowid
         CROSS JOIN customers c ON c.id = cs.customer_id
      )
      SELECT c.id, c.code, c.name, c.short_name, c.status, c.credit_code
        FROM (SELECT rid, min(tier) AS tier, iif(min(tier) < 2, 0, min(rank)) AS rank FROM ranked GROUP BY rid) r
       CROSS JOIN customers c ON c.rowid = r.rid
       WHERE ${status}
       ORDER BY r.tier, r.rank, c.name_pinyin, c.code
       LIMIT ${input.limit}`.execute(db));
  }
  return rows.map((r) => ({ id: r.id, code: r.code, name: r.name, shortName: r.short_name, status: r.status as CustomerStatus, matchHint: matchHint(input.q, r) }));
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
