/**
 * Aging (账龄) as of any date: what each customer owed on that day, by days overdue. Documents,
 * reversals and allocations dated after the day are left out, so a receipt dated later never
 * lowers an earlier aging. Unapplied credit (receipts, credit notes) counts negative, aged from
 * its own date, so a customer's row always sums to what the customer owed that day.
 */
import type { Sqlite } from '../../db/connection';
import { statement } from '../../db/statements';
import { addDays } from '../core/dates';
import { customerIdVisibleText } from '../customers/customers.scope';
import { EVERYTHING, type DataScope } from '../users/data-scope';
import { AGING_BUCKETS, AGING_DEFAULT_SORT, type AgingBucketName, type AgingReport, type AgingRow, type AgingSort, type AgingSortField } from './receivables.dto';

/** Buckets by due date against boundary dates (as-of − 30, − 60 …): string comparisons, no date parsing per row. */
const BUCKET_CASE = (due: string) =>
  `CASE ${AGING_BUCKETS.map((b, i) => (b.maxDays === null ? `ELSE ${i}` : `WHEN ${due} >= @from${i} THEN ${i}`)).join(' ')} END`;

const APPLIED_TO = (column: string) => `(SELECT sum(a.amount) FROM receivable_allocations a WHERE a.${column} = o.document_id AND a.allocation_date <= @asOf)`;

/**
 * What a document still added to the customer's debt on the date: its amount less what was applied
 * to an invoice, plus what was applied of a credit note or receipt. The allocation index is read only
 * for the documents with an entry by the date; most open documents have none.
 */
const OPEN_ON_DATE = `o.amount + CASE WHEN o.first_applied_on <= @asOf THEN CASE o.kind
    WHEN 'invoice' THEN -${APPLIED_TO('invoice_id')} WHEN 'credit_note' THEN ${APPLIED_TO('credit_note_id')} ELSE ${APPLIED_TO('receipt_id')} END ELSE 0 END`;

/**
 * The days after the date on which documents were cleared, each found by one seek of
 * receivable_clearing's index (a year holds a few hundred such days).
 */
const CLEARED_AFTER = `cleared_after(day) AS (
  SELECT min(cleared_on) FROM receivable_clearing WHERE cleared_on > @asOf
  UNION ALL
  SELECT (SELECT min(c.cleared_on) FROM receivable_clearing c WHERE c.cleared_on > cleared_after.day) FROM cleared_after WHERE day IS NOT NULL
)`;

/**
 * The documents not cleared by the date, issued by then and not reversed by then, from
 * receivable_clearing's index alone (migration 0020 keeps customer, amount and dates there): the
 * wide invoice and receipt rows are never read. Two parts of one index: those never cleared, and
 * those cleared after the date, read day by day. A plain range `cleared_on > @asOf` reads every
 * document cleared since, most of them issued after the date too (four months back at the large
 * scale, five rows read for each one kept); by day, the index seeks to the ones issued by the date.
 * Written as one OR, SQLite merges the parts through a temporary set of ids, ten times the cost.
 */
const OPEN_ITEM = (notClearedYet: string) => `
  SELECT o.customer_id, ${OPEN_ON_DATE} AS open, ${BUCKET_CASE('o.aged_from')} AS bucket
    FROM receivable_clearing o
   WHERE ${notClearedYet} AND o.document_date <= @asOf AND (o.reversed_on IS NULL OR o.reversed_on > @asOf)`;

const OPEN_ITEMS = [
  OPEN_ITEM('o.cleared_on IS NULL'),
  // IN, not a join on the day: joined, SQLite reads the table's rows, not only the index's.
  OPEN_ITEM('o.cleared_on IN (SELECT day FROM cleared_after)'),
].join('\n  UNION ALL');

/** The surviving customer of a merge (one level: a merge re-points the earlier ones at the survivor). */
const SURVIVOR = 'coalesce(c.merged_into_id, c.id)';

const PER_BUCKET = (sum: (bucket: number) => string) => AGING_BUCKETS.map((_, i) => `${sum(i)} AS b${i}`).join(', ');

/** What each sort orders the summed rows by; a name by its pinyin, as the customer list sorts it. */
const SORT_KEY: Record<AgingSortField, string> = {
  total: AGING_BUCKETS.map((_, i) => `sum(owed.b${i})`).join(' + '),
  ...(Object.fromEntries(AGING_BUCKETS.map((b, i) => [b.name, `sum(owed.b${i})`])) as Record<AgingBucketName, string>),
  code: '1',
  name: 'coalesce(s.name_pinyin, c.name_pinyin)',
};

/** Equal amounts or names then go by code, whichever the direction, so a page holds the same customers each time it is read. */
const ORDER_BY = (sort: AgingSort) => `${SORT_KEY[sort.field]} ${sort.dir === 'desc' ? 'DESC' : 'ASC'}${sort.field === 'code' ? '' : ', 1'}`;

/**
 * One pass over the documents not cleared by the date, summed per customer into one column per
 * bucket (materialized: summed first, so each customer is looked up once, not once per document);
 * then the survivor of a merge, its code and name. A row per customer, not per bucket: a third fewer
 * rows to look up, sort and hand to JavaScript. `visible` is a condition on SURVIVOR (the data scope).
 */
const agingSql = (visible: string, sort: AgingSort) => `
WITH RECURSIVE ${CLEARED_AFTER},
owed AS MATERIALIZED (
  SELECT customer_id, ${PER_BUCKET((i) => `sum(CASE bucket WHEN ${i} THEN open ELSE 0 END)`)}
    FROM (${OPEN_ITEMS}
  ) GROUP BY customer_id
)
SELECT coalesce(s.code, c.code) AS code, coalesce(s.name, c.name) AS name, ${PER_BUCKET((i) => `sum(owed.b${i})`)}
  FROM owed
  CROSS JOIN customers c ON c.id = owed.customer_id
  LEFT JOIN customers s ON s.id = c.merged_into_id
 WHERE ${visible}
 GROUP BY 1
HAVING ${AGING_BUCKETS.map((_, i) => `sum(owed.b${i}) <> 0`).join(' OR ')}
 ORDER BY ${ORDER_BY(sort)}`;

/** The aging of every customer: the statement `receivables.aging` runs for a caller who sees them all, in its default order. */
export const AGING_SQL = agingSql('1 = 1', AGING_DEFAULT_SORT);

/** The parameters of AGING_SQL for a date. */
export function agingParameters(asOf: string): Record<string, string> {
  return Object.fromEntries([['asOf', asOf], ...AGING_BUCKETS.flatMap((b, i) => (b.maxDays === null ? [] : [[`from${i}`, addDays(asOf, -b.maxDays)]]))]);
}

export function agingAsOf(sqlite: Sqlite, asOf: string, scope: DataScope = EVERYTHING, sort: AgingSort = AGING_DEFAULT_SORT): AgingReport {
  const names = AGING_BUCKETS.map((b) => b.name);
  const zeros = () => Object.fromEntries(names.map((n) => [n, 0])) as Record<string, number>;
  const visible = customerIdVisibleText(scope, SURVIVOR) ?? { text: '1 = 1', params: [] };
  const found = statement(sqlite, agingSql(visible.text, sort)).raw().all(...visible.params, agingParameters(asOf)) as [string, string, ...number[]][];
  const totals = { total: 0, by_bucket: zeros() };
  // Rows come in the order asked for. Plain loops: at 20,000 customers the shaping showed in the timing.
  const rows: AgingRow[] = found.map((row) => {
    const by_bucket: Record<string, number> = {};
    let total = 0;
    for (let i = 0; i < names.length; i++) {
      const amount = row[i + 2] as number;
      by_bucket[names[i]!] = amount;
      totals.by_bucket[names[i]!]! += amount;
      total += amount;
    }
    totals.total += total;
    return { customer_code: row[0], customer_name: row[1], total, by_bucket };
  });
  return { as_of: asOf, buckets: names, rows, totals };
}
