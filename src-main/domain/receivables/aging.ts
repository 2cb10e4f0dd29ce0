/**
 * Aging (账龄) as of any date: what each customer owed on that day, by days overdue. Documents,
 * reversals and allocations dated after the day are left out, so a receipt dated later never
 * lowers an earlier aging. Unapplied credit (receipts, credit notes) counts negative, aged from
 * its own date, so a customer's row always sums to what the customer owed that day.
 */
import type { Sqlite } from '../../db/connection';
import { AGING_BUCKETS, type AgingReport, type AgingRow } from './receivables.dto';

const BUCKET_CASE = `CASE ${AGING_BUCKETS.map((b, i) => (b.maxDays === null ? `ELSE ${i}` : `WHEN days <= ${b.maxDays} THEN ${i}`)).join(' ')} END`;

/** One aggregate over the open items; the MATERIALIZED CTE is read once per branch of the UNION. */
export const AGING_SQL = `
WITH used AS MATERIALIZED (
  SELECT document_id, sum(amount) AS amount FROM (
    SELECT invoice_id AS document_id, amount FROM receivable_allocations WHERE invoice_id IS NOT NULL AND allocation_date <= @asOf
    UNION ALL SELECT credit_note_id, amount FROM receivable_allocations WHERE credit_note_id IS NOT NULL AND allocation_date <= @asOf
    UNION ALL SELECT receipt_id, amount FROM receivable_allocations WHERE receipt_id IS NOT NULL AND allocation_date <= @asOf
  ) GROUP BY document_id
),
items AS (
  SELECT i.customer_id,
         CASE i.kind WHEN 'invoice' THEN 1 ELSE -1 END * (i.total_gross - coalesce(u.amount, 0)) AS open,
         julianday(@asOf) - julianday(CASE i.kind WHEN 'invoice' THEN i.due_date ELSE i.invoice_date END) AS days
    FROM invoices i LEFT JOIN used u ON u.document_id = i.id
   WHERE i.invoice_date <= @asOf AND (i.reversed_on IS NULL OR i.reversed_on > @asOf)
  UNION ALL
  SELECT r.customer_id, -(r.amount - coalesce(u.amount, 0)), julianday(@asOf) - julianday(r.receipt_date)
    FROM receipts r LEFT JOIN used u ON u.document_id = r.id
   WHERE r.receipt_date <= @asOf AND (r.reversed_on IS NULL OR r.reversed_on > @asOf)
)
SELECT coalesce(c.merged_into_id, c.id) AS customer_id, ${BUCKET_CASE} AS bucket, sum(open) AS amount
  FROM items JOIN customers c ON c.id = items.customer_id
 WHERE open <> 0
 GROUP BY 1, 2`;

export function agingAsOf(sqlite: Sqlite, asOf: string): AgingReport {
  const names = AGING_BUCKETS.map((b) => b.name);
  const zeros = () => Object.fromEntries(names.map((n) => [n, 0])) as Record<string, number>;
  const cells = sqlite.prepare(AGING_SQL).all({ asOf }) as { customer_id: string; bucket: number; amount: number }[];
  const byCustomer = new Map<string, Record<string, number>>();
  for (const cell of cells) {
    if (cell.amount === 0) continue;
    const buckets = byCustomer.get(cell.customer_id) ?? zeros();
    buckets[names[cell.bucket]!] = cell.amount;
    byCustomer.set(cell.customer_id, buckets);
  }
  const customer = sqlite.prepare('SELECT code, name FROM customers WHERE id = ?');
  const rows: AgingRow[] = [...byCustomer].map(([id, by_bucket]) => {
    const { code, name } = customer.get(id) as { code: string; name: string };
    return { customer_code: code, customer_name: name, total: names.reduce((sum, n) => sum + by_bucket[n]!, 0), by_bucket };
  });
  rows.sort((a, b) => (a.customer_code < b.customer_code ? -1 : a.customer_code > b.customer_code ? 1 : 0));
  const totals = { total: 0, by_bucket: zeros() };
  for (const row of rows) {
    totals.total += row.total;
    for (const n of names) totals.by_bucket[n]! += row.by_bucket[n]!;
  }
  return { as_of: asOf, buckets: names, rows, totals };
}
