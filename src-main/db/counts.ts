import { sql, type Kysely, type RawBuilder } from 'kysely';
import { COUNT_CAP } from '../api/paging';
import type { Database } from './schema';

export interface Total {
  total: number;
  totalIsExact: boolean;
}

/**
 * How many rows `fromWhere` (a FROM … WHERE …) matches, reading at most COUNT_CAP + 1 of them:
 * a filtered list's total never costs more than a bounded walk of its index.
 */
export async function cappedCount(db: Kysely<Database>, fromWhere: RawBuilder<unknown>, cap = COUNT_CAP): Promise<Total> {
  const { rows } = await sql<{ n: number }>`SELECT count(*) AS n FROM (SELECT 1 ${fromWhere} LIMIT ${cap + 1})`.execute(db);
  const n = rows[0]?.n ?? 0;
  return n > cap ? { total: cap, totalIsExact: false } : { total: n, totalIsExact: true };
}

/** An unfiltered list's total from row_counts, which triggers keep in step (migration 0008_search). */
export async function maintainedCount(db: Kysely<Database>, subjects: readonly string[]): Promise<Total> {
  const row = await db
    .selectFrom('row_counts')
    .select((eb) => eb.fn.coalesce(eb.fn.sum<number>('n'), sql<number>`0`).as('n'))
    .where('subject', 'in', subjects)
    .executeTakeFirst();
  return { total: Number(row?.n ?? 0), totalIsExact: true };
}

export interface MatchesPage<K> {
  /** `matches`: a SELECT of at most `bound + 1` rows (one more tells there are more); `f` in `from`. */
  matches: RawBuilder<unknown>;
  bound: number;
  /** What joins the matches (`f`) to the rows and filters them: `CROSS JOIN customers c ON … WHERE …`. */
  from: RawBuilder<unknown>;
  key: RawBuilder<K>;
  orderBy: RawBuilder<unknown>;
  limit: number;
  offset: number;
}

/**
 * A page of a search's bounded matches, counted in the same pass: the matches are the outer loop,
 * so the cost follows the bound, never the table. Not exact when the index had more than `bound`.
 */
export async function pageOfMatches<K>(db: Kysely<Database>, page: MatchesPage<K>): Promise<Total & { keys: K[] }> {
  const body = sql`FROM (SELECT * FROM found LIMIT ${page.bound}) f ${page.from}`;
  const { rows } = await sql<{ key: K; total: number; found: number }>`
    WITH found AS MATERIALIZED (${page.matches})
    SELECT ${page.key} AS key, count(*) OVER () AS total, (SELECT count(*) FROM found) AS found ${body}
     ORDER BY ${page.orderBy}
     LIMIT ${page.limit} OFFSET ${page.offset}`.execute(db);
  // A page past the end has no row to carry the counts.
  const counts =
    rows[0] ??
    (await sql<{ total: number; found: number }>`WITH found AS MATERIALIZED (${page.matches}) SELECT count(*) AS total, (SELECT count(*) FROM found) AS found ${body}`.execute(db)).rows[0]!;
  return { keys: rows.map((r) => r.key), total: counts.total, totalIsExact: counts.found <= page.bound };
}
