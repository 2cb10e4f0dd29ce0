/**
 * When each document was cleared (receivable_clearing, migrations 0019 and 0020), and its proof for
 * `cli check`: every column the triggers kept equals what the documents and the allocation ledger
 * give now (the view receivable_clearing_due). A date kept too early would make the aging skip a
 * document that was still open on some day; a missing row would hide it from every aging; a wrong
 * customer, amount or date would put it in the wrong row or bucket of the aging.
 */
import type { InvariantCheck } from '../checks/invariants';

/** The columns the aging reads besides cleared_on, compared one by one. */
const KEPT_COLUMNS = ['kind', 'document_date', 'customer_id', 'aged_from', 'amount', 'reversed_on', 'first_applied_on'] as const;

const DIFFERENCES_SQL = `
SELECT coalesce(d.document_id, k.document_id) AS document_id, coalesce(i.invoice_no, r.receipt_no) AS number,
       d.document_id IS NOT NULL AS exists_, k.document_id IS NOT NULL AS kept_, d.cleared_on AS due, k.cleared_on AS kept,
       json_array(${KEPT_COLUMNS.map((c) => `d.${c}`).join(', ')}) AS due_columns,
       json_array(${KEPT_COLUMNS.map((c) => `k.${c}`).join(', ')}) AS kept_columns
  FROM receivable_clearing_due d
  FULL JOIN receivable_clearing k ON k.document_id = d.document_id
  LEFT JOIN invoices i ON i.id = coalesce(d.document_id, k.document_id)
  LEFT JOIN receipts r ON r.id = coalesce(d.document_id, k.document_id)
 WHERE d.document_id IS NULL OR k.document_id IS NULL OR k.cleared_on IS NOT d.cleared_on
    OR ${KEPT_COLUMNS.map((c) => `k.${c} IS NOT d.${c}`).join(' OR ')}
 ORDER BY 1`;

interface Difference {
  document_id: string;
  number: string | null;
  exists_: 0 | 1;
  kept_: 0 | 1;
  due: string | null;
  kept: string | null;
  due_columns: string;
  kept_columns: string;
}

const cleared = (date: string | null) => (date === null ? 'open' : `cleared on ${date}`);

export const clearingMatchesLedger: InvariantCheck = {
  name: 'each receivables document is cleared on the day its allocations and reversal say',
  run(sqlite) {
    return (sqlite.prepare(DIFFERENCES_SQL).all() as Difference[]).flatMap((d) => {
      if (!d.exists_) return [`receivable_clearing names ${d.document_id}, which is no invoice, credit note or receipt`];
      if (!d.kept_) return [`${d.number}: missing from receivable_clearing (${cleared(d.due)} by its entries)`];
      const due = JSON.parse(d.due_columns) as unknown[];
      const kept = JSON.parse(d.kept_columns) as unknown[];
      return [
        ...(d.kept === d.due ? [] : [`${d.number}: ${cleared(d.kept)} in receivable_clearing but ${cleared(d.due)} by its entries`]),
        ...KEPT_COLUMNS.flatMap((c, i) => (kept[i] === due[i] ? [] : [`${d.number}: ${c} ${String(kept[i])} in receivable_clearing but ${String(due[i])} by the document and its entries`])),
      ];
    });
  },
};
