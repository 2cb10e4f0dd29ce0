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
import { AGING_BUCKETS, type AgingReport, type AgingRow } from './receivables.dto';

/** Buckets by due date against boundary dates (as-of − 30, − 60 …): string comparisons, no date parsing per row. */
const BUCKET_CASE = (due: string) =>
  `CASE ${AGING_BUCKETS.map((b, i) => (b.maxDays === null ? `ELSE ${i}` : `WHEN ${due} >= @from${i} THEN ${i}`)).join(' ')} END`;

const APPLIED_TO = (column: string, id: string) => `(SELECT sum(a.amount) FROM receivable_allocations a WHERE a.${column} = ${id} AND a.allocation_date <= @asOf)`;

/**
 * Documents of a kind not yet cleared on the date (receivable_clearing): the only ones that can still
 * be open then. Two ranges of one index; written as one OR, SQLite merges them through a temporary
 * set of ids, ten times the cost of reading them.
 */
const UNCLEARED = (kinds: string) => `
  SELECT document_id FROM receivable_clearing WHERE cleared_on IS NULL AND document_date <= @asOf AND kind ${kinds}
  UNION ALL
  SELECT document_id FROM receivable_clearing WHERE cleared_on > @asOf AND document_date <= @asOf AND kind ${kinds}`;

/** One pass over the documents not cleared by the date; what was applied to each comes from its allocation index up to the date. */
export const AGING_SQL = `
WITH items AS (
  SELECT i.customer_id,
         CASE i.kind WHEN 'invoice' THEN i.total_gross - coalesce(${APPLIED_TO('invoice_id', 'i.id')}, 0)
                     ELSE coalesce(${APPLIED_TO('credit_note_id', 'i.id')}, 0) - i.total_gross END AS open,
         ${BUCKET_CASE("CASE i.kind WHEN 'invoice' THEN i.due_date ELSE i.invoice_date END")} AS bucket
    FROM (${UNCLEARED("IN ('invoice', 'credit_note')")}) o CROSS JOIN invoices i ON i.id = o.document_id
   WHERE i.reversed_on IS NULL OR i.reversed_on > @asOf
  UNION ALL
  SELECT r.customer_id, coalesce(${APPLIED_TO('receipt_id', 'r.id')}, 0) - r.amount, ${BUCKET_CASE('r.receipt_date')}
    FROM (${UNCLEARED("= 'receipt'")}) o CROSS JOIN receipts r ON r.id = o.document_id
   WHERE r.reversed_on IS NULL OR r.reversed_on > @asOf
)
SELECT coalesce(c.merged_into_id, c.id) AS customer_id, g.bucket, sum(g.amount) AS amount
  FROM (SELECT customer_id, bucket, sum(open) AS amount FROM items GROUP BY 1, 2 HAVING sum(open) <> 0) g
  -- Sums per customer first, then one lookup each: the planner otherwise indexes all the items per customer.
  CROSS JOIN customers c ON c.id = g.customer_id
 GROUP BY 1, 2`;

/** With the caller's data scope on the (surviving) customer: a salesperson's aging covers their own book. */
const agingWithNamesSql = (visible: string) =>
  `SELECT c.code, c.name, a.bucket, a.amount FROM (${AGING_SQL}) a CROSS JOIN customers c ON c.id = a.customer_id WHERE ${visible} ORDER BY c.code, a.bucket`;

/** The parameters of AGING_SQL for a date. */
export function agingParameters(asOf: string): Record<string, string> {
  return Object.fromEntries([['asOf', asOf], ...AGING_BUCKETS.flatMap((b, i) => (b.maxDays === null ? [] : [[`from${i}`, addDays(asOf, -b.maxDays)]]))]);
}

export function agingAsOf(sqlite: Sqlite, asOf: string, scope: DataScope = EVERYTHING): AgingReport {
  const names = AGING_BUCKETS.map((b) => b.name);
  const zeros = () => Object.fromEntries(names.map((n) => [n, 0])) as Record<string, number>;
  // Code and name joined once per cell: a lookup per customer was one statement per row of the report.
  const visible = customerIdVisibleText(scope, 'a.customer_id') ?? { text: '1 = 1', params: [] };
  const cells = statement(sqlite, agingWithNamesSql(visible.text)).all(...visible.params, agingParameters(asOf)) as { code: string; name: string; bucket: number; amount: number }[];
  const byCustomer = new Map<string, { name: string; by_bucket: Record<string, number> }>();
  for (const cell of cells) {
    if (cell.amount === 0) continue;
    const entry = byCustomer.get(cell.code) ?? { name: cell.name, by_bucket: zeros() };
    entry.by_bucket[names[cell.bucket]!] = cell.amount;
    byCustomer.set(cell.code, entry);
  }
  // Cells come in customer-code order, so the rows do too.
  const rows: AgingRow[] = [...byCustomer].map(([code, { name, by_bucket }]) => ({
    customer_code: code,
    customer_name: name,
    total: names.reduce((sum, n) => sum + by_bucket[n]!, 0),
    by_bucket,
  }));
  const totals = { total: 0, by_bucket: zeros() };
  for (const row of rows) {
    totals.total += row.total;
    for (const n of names) totals.by_bucket[n]! += row.by_bucket[n]!;
  }
  return { as_of: asOf, buckets: names, rows, totals };
}
