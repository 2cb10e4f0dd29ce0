/**
 * The rows of the invoices, receipts and allocations files, read in keyset pages by date. Reversed
 * documents are left out (they never count); a reversed allocation, write-off or refund stays, with
 * its reversing row of the opposite sign, so every sum comes out as the ledger's.
 */
import type { Sqlite } from '../../db/connection';
import { customerIdVisibleText } from '../customers/customers.scope';
import type { DataScope } from '../users/data-scope';
import type { AllocationExportRow, InvoiceExportRow, ReceiptExportRow } from './receivables.export';

const PAGE = 1000;

/** `inScope` is the caller's data scope on the rows' customer column: its `?` marks are the only positional ones. */
async function* keyset<Row>(sqlite: Sqlite, countSql: string, pageSql: string, scopeParams: string[]): AsyncIterable<{ rows: Row[]; total: number }> {
  const total = sqlite.prepare(countSql).pluck().get(...scopeParams) as number;
  const page = sqlite.prepare(pageSql);
  let after = { d: '', id: '' };
  for (;;) {
    const rows = page.all(...scopeParams, { ...after, limit: PAGE }) as (Row & { sort_date: string; sort_id: string })[];
    yield { rows, total };
    const last = rows.at(-1);
    if (!last || rows.length < PAGE) return;
    after = { d: last.sort_date, id: last.sort_id };
  }
}

const AFTER = (date: string, id: string) => `(${date} > @d OR (${date} = @d AND ${id} > @id))`;

/** The caller's data scope on `column`, as SQL to AND in (`1 = 1` when everything is visible) and its parameters. */
function inScope(scope: DataScope, column: string): { text: string; params: string[] } {
  return customerIdVisibleText(scope, column) ?? { text: '1 = 1', params: [] };
}

export function invoiceExportRows(sqlite: Sqlite, scope: DataScope): AsyncIterable<{ rows: InvoiceExportRow[]; total: number }> {
  const visible = inScope(scope, 'i.customer_id');
  return keyset(
    sqlite,
    `SELECT count(*) FROM invoices i WHERE i.status = 'posted' AND ${visible.text}`,
    `SELECT i.invoice_no, c.code AS customer_code, i.invoice_date, i.due_date, i.total_gross AS total, i.kind, i.invoice_date AS sort_date, i.id AS sort_id
       FROM invoices i JOIN customers c ON c.id = i.customer_id
      WHERE i.status = 'posted' AND ${visible.text} AND ${AFTER('i.invoice_date', 'i.id')} ORDER BY i.invoice_date, i.id LIMIT @limit`,
    visible.params,
  );
}

export function receiptExportRows(sqlite: Sqlite, scope: DataScope): AsyncIterable<{ rows: ReceiptExportRow[]; total: number }> {
  const visible = inScope(scope, 'r.customer_id');
  return keyset(
    sqlite,
    `SELECT count(*) FROM receipts r WHERE r.status = 'posted' AND ${visible.text}`,
    `SELECT r.receipt_no, c.code AS customer_code, r.receipt_date AS date, r.amount, r.method, r.receipt_date AS sort_date, r.id AS sort_id
       FROM receipts r JOIN customers c ON c.id = r.customer_id
      WHERE r.status = 'posted' AND ${visible.text} AND ${AFTER('r.receipt_date', 'r.id')} ORDER BY r.receipt_date, r.id LIMIT @limit`,
    visible.params,
  );
}

export function allocationExportRows(sqlite: Sqlite, scope: DataScope): AsyncIterable<{ rows: AllocationExportRow[]; total: number }> {
  const visible = inScope(scope, 'a.customer_id');
  return keyset(
    sqlite,
    `SELECT count(*) FROM receivable_allocations a WHERE ${visible.text}`,
    `SELECT coalesce(r.receipt_no, cn.invoice_no) AS receipt_no, i.invoice_no, a.allocation_date AS date, a.amount,
            CASE WHEN a.reverses_id IS NOT NULL THEN 'reversal' ELSE a.kind END AS kind, a.allocation_date AS sort_date, a.id AS sort_id
       FROM receivable_allocations a
       LEFT JOIN receipts r ON r.id = a.receipt_id
       LEFT JOIN invoices cn ON cn.id = a.credit_note_id
       LEFT JOIN invoices i ON i.id = a.invoice_id
      WHERE ${visible.text} AND ${AFTER('a.allocation_date', 'a.id')} ORDER BY a.allocation_date, a.id LIMIT @limit`,
    visible.params,
  );
}
