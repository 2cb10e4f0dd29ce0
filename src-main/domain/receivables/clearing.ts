/**
 * When each document was cleared (receivable_clearing, migration 0019), and its proof for `cli check`:
 * the dates the triggers kept equal the ones the documents and the allocation ledger give now
 * (the view receivable_clearing_due). A date kept too early would make the aging skip a document
 * that was still open on some day; a missing row would hide it from every aging.
 */
import type { InvariantCheck } from '../checks/invariants';

const DIFFERENCES_SQL = `
SELECT coalesce(d.document_id, k.document_id) AS document_id, coalesce(i.invoice_no, r.receipt_no) AS number,
       d.document_id IS NOT NULL AS exists_, k.document_id IS NOT NULL AS kept_, d.cleared_on AS due, k.cleared_on AS kept
  FROM receivable_clearing_due d
  FULL JOIN receivable_clearing k ON k.document_id = d.document_id
  LEFT JOIN invoices i ON i.id = coalesce(d.document_id, k.document_id)
  LEFT JOIN receipts r ON r.id = coalesce(d.document_id, k.document_id)
 WHERE d.document_id IS NULL OR k.document_id IS NULL
    OR k.cleared_on IS NOT d.cleared_on OR k.kind <> d.kind OR k.document_date <> d.document_date
 ORDER BY 1`;

interface Difference {
  document_id: string;
  number: string | null;
  exists_: 0 | 1;
  kept_: 0 | 1;
  due: string | null;
  kept: string | null;
}

const cleared = (date: string | null) => (date === null ? 'open' : `cleared on ${date}`);

export const clearingMatchesLedger: InvariantCheck = {
  name: 'each receivables document is cleared on the day its allocations and reversal say',
  run(sqlite) {
    return (sqlite.prepare(DIFFERENCES_SQL).all() as Difference[]).map((d) => {
      if (!d.exists_) return `receivable_clearing names ${d.document_id}, which is no invoice, credit note or receipt`;
      if (!d.kept_) return `${d.number}: missing from receivable_clearing (${cleared(d.due)} by its entries)`;
      return `${d.number}: ${cleared(d.kept)} in receivable_clearing but ${cleared(d.due)} by its entries`;
    });
  },
};
