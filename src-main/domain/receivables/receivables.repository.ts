/**
 * The receivables area's SQL: documents as DTOs, what is still open on each, and the customer's
 * balance kept in customer_stats.balance_due. Prepared statements on the call's connection (the
 * core ledger and numbering blocks work on it too).
 */
import { sql, type RawBuilder } from 'kysely';
import { AppError, notFound } from '../../api/errors';
import { fieldIssue } from '../../api/issues';
import type { Sqlite } from '../../db/connection';
import { statement } from '../../db/statements';
import { applyToSummary } from '../core/ledger';
import { followInvoices, ordersOfInvoice } from '../orders/orders.status';
import { escapeLike } from '../stock/stock.documents';
import type { Allocation, Invoice, InvoiceDetail, InvoiceLine, InvoiceSettlement, Receipt } from './receivables.dto';
import type { InvoiceLinesTable, InvoicesTable, ReceiptsTable, ReceivableAllocationsTable } from './receivables.tables';

type WithCustomer<T> = T & { customer_code: string; customer_name: string };

/** Still to pay on an invoice, or still to use of a credit note: its gross less every allocation row (reversals included). */
export const INVOICE_OPEN = `CASE WHEN i.status = 'reversed' THEN 0 ELSE i.total_gross - coalesce((
  SELECT sum(a.amount) FROM receivable_allocations a WHERE (i.kind = 'invoice' AND a.invoice_id = i.id) OR (i.kind = 'credit_note' AND a.credit_note_id = i.id)), 0) END`;

const RECEIPT_UNAPPLIED = `CASE WHEN r.status = 'reversed' THEN 0 ELSE r.amount - coalesce((SELECT sum(a.amount) FROM receivable_allocations a WHERE a.receipt_id = r.id), 0) END`;

export const INVOICE_SELECT = `SELECT i.*, c.code AS customer_code, c.name AS customer_name, ${INVOICE_OPEN} AS open_amount
  FROM invoices i JOIN customers c ON c.id = i.customer_id`;

export const RECEIPT_SELECT = `SELECT r.*, c.code AS customer_code, c.name AS customer_name, ${RECEIPT_UNAPPLIED} AS unapplied_amount
  FROM receipts r JOIN customers c ON c.id = r.customer_id`;

/**
 * The due date of the customer's oldest invoice still unpaid and past due on @today (the customers
 * merged into it included), or NULL. From the open invoices' own index of receivable_clearing
 * (migration 0026): an invoice there with no cleared_on is neither fully applied nor reversed, so
 * its first entry by customer is the answer. A zero invoice has nothing to pay and never counts.
 */
const OLDEST_OVERDUE_DUE_DATE = `SELECT min(k.aged_from) FROM receivable_clearing k INDEXED BY receivable_clearing_open_invoices
  WHERE k.customer_id IN (SELECT id FROM customers WHERE id = @customerId OR merged_into_id = @customerId)
    AND k.cleared_on IS NULL AND k.kind = 'invoice' AND k.aged_from < @today AND k.amount > 0`;

export function oldestOverdueDueDate(sqlite: Sqlite, customerId: string, today: string): string | null {
  return statement(sqlite, OLDEST_OVERDUE_DUE_DATE).pluck().get({ customerId, today }) as string | null;
}

/**
 * A list's search box: the typed text found literally anywhere in one of the document's number
 * columns or in its customer's code or name. As `?`-marked SQL with its parameters for the page's
 * prepared statement, and as a Kysely condition for the count.
 */
export function numberOrCustomerContains(numberColumns: string[], customerColumn: string, q: string): { text: string; params: string[]; condition: RawBuilder<unknown> } {
  const pattern = `%${escapeLike(q)}%`;
  const customers = `${customerColumn} IN (SELECT id FROM customers WHERE code LIKE ? ESCAPE '\\' OR name LIKE ? ESCAPE '\\')`;
  return {
    text: `(${[...numberColumns.map((c) => `${c} LIKE ? ESCAPE '\\'`), customers].join(' OR ')})`,
    params: Array<string>(numberColumns.length + 2).fill(pattern),
    condition: sql`(${sql.join(
      [
        ...numberColumns.map((c) => sql`${sql.ref(c)} LIKE ${pattern} ESCAPE '\\'`),
        sql`${sql.ref(customerColumn)} IN (SELECT id FROM customers WHERE code LIKE ${pattern} ESCAPE '\\' OR name LIKE ${pattern} ESCAPE '\\')`,
      ],
      sql` OR `,
    )})`,
  };
}

export type InvoiceRow = WithCustomer<InvoicesTable> & { open_amount: number };
export type ReceiptRow = WithCustomer<ReceiptsTable> & { unapplied_amount: number };

export function toInvoiceLine(row: InvoiceLinesTable): InvoiceLine {
  return {
    lineNo: row.line_no,
    deliveryLineId: row.delivery_line_id,
    salesOrderLineId: row.sales_order_line_id,
    productId: row.product_id,
    description: row.description,
    quantity: row.quantity,
    unit: row.unit,
    unitPrice: row.unit_price,
    discount: row.discount,
    vatRate: row.vat_rate,
    net: row.net,
    tax: row.tax,
    gross: row.gross,
  };
}

export function toInvoice(row: InvoiceRow, lines: InvoiceLinesTable[]): Invoice {
  return {
    id: row.id,
    invoiceNo: row.invoice_no,
    kind: row.kind,
    source: row.source,
    customerId: row.customer_id,
    customerCode: row.customer_code,
    customerName: row.customer_name,
    status: row.status,
    invoiceDate: row.invoice_date,
    dueDate: row.due_date,
    period: row.period,
    invoiceType: row.invoice_type,
    taxInvoiceNo: row.tax_invoice_no,
    taxInvoiceDate: row.tax_invoice_date,
    taxInclusive: row.tax_inclusive === 1,
    currency: row.currency,
    totalNet: row.total_net,
    totalTax: row.total_tax,
    totalGross: row.total_gross,
    openAmount: row.open_amount,
    salesOrderId: row.sales_order_id,
    creditNoteRequestId: row.credit_note_request_id,
    correctsInvoiceId: row.corrects_invoice_id,
    project: row.project,
    reason: row.reason,
    notes: row.notes,
    postedAt: row.posted_at,
    reversedOn: row.reversed_on,
    reversalReason: row.reversal_reason,
    lines: lines.map(toInvoiceLine),
  };
}

export function toReceipt(row: ReceiptRow): Receipt {
  return {
    id: row.id,
    receiptNo: row.receipt_no,
    customerId: row.customer_id,
    customerCode: row.customer_code,
    customerName: row.customer_name,
    status: row.status,
    receiptDate: row.receipt_date,
    period: row.period,
    method: row.method,
    amount: row.amount,
    bankAccount: row.bank_account,
    reference: row.reference,
    billMaturityDate: row.bill_maturity_date,
    notes: row.notes,
    unappliedAmount: row.unapplied_amount,
    postedAt: row.posted_at,
    reversedOn: row.reversed_on,
  };
}

export function toAllocation(row: ReceivableAllocationsTable): Allocation {
  return {
    id: row.id,
    customerId: row.customer_id,
    kind: row.kind,
    receiptId: row.receipt_id,
    creditNoteId: row.credit_note_id,
    invoiceId: row.invoice_id,
    amount: row.amount,
    allocationDate: row.allocation_date,
    reason: row.reason,
    reversesId: row.reverses_id,
  };
}

export function invoiceRow(sqlite: Sqlite, id: string, path = 'id'): InvoiceRow {
  const row = statement(sqlite, `${INVOICE_SELECT} WHERE i.id = ?`).get(id) as InvoiceRow | undefined;
  if (!row) throw new AppError('NOT_FOUND', `Invoice ${id} does not exist`, [fieldIssue(path, 'not_found', { entity: 'invoice', id })]);
  return row;
}

export function findInvoice(sqlite: Sqlite, id: string): Invoice {
  const lines = statement(sqlite, 'SELECT * FROM invoice_lines WHERE invoice_id = ? ORDER BY line_no').all(id) as InvoiceLinesTable[];
  return toInvoice(invoiceRow(sqlite, id), lines);
}

/** An invoice with the order it came from and every allocation, write-off or refund against it (or, for a credit note, made from it), oldest first. */
export function invoiceDetail(sqlite: Sqlite, invoice: Invoice): InvoiceDetail {
  const salesOrderNo = invoice.salesOrderId ? ((statement(sqlite, 'SELECT order_no FROM sales_orders WHERE id = ?').pluck().get(invoice.salesOrderId) as string | null | undefined) ?? null) : null;
  const asCredit = invoice.kind === 'credit_note';
  const rows = statement(
    sqlite,
    `SELECT a.id, a.kind, a.allocation_date AS date, a.amount, a.reason, a.reverses_id IS NOT NULL AS reversal,
            a.receipt_id, r.receipt_no, a.credit_note_id, cn.invoice_no AS credit_note_no, a.invoice_id, i.invoice_no
       FROM receivable_allocations a
       LEFT JOIN receipts r ON r.id = a.receipt_id
       LEFT JOIN invoices cn ON cn.id = a.credit_note_id
       LEFT JOIN invoices i ON i.id = a.invoice_id
      WHERE ${asCredit ? 'a.credit_note_id' : 'a.invoice_id'} = ?
      ORDER BY a.allocation_date, a.rowid`,
  ).all(invoice.id) as {
    id: string;
    kind: InvoiceSettlement['kind'];
    date: string;
    amount: number;
    reason: string | null;
    reversal: 0 | 1;
    receipt_id: string | null;
    receipt_no: string | null;
    credit_note_id: string | null;
    credit_note_no: string | null;
    invoice_id: string | null;
    invoice_no: string | null;
  }[];
  const settlements = rows.map((r): InvoiceSettlement => {
    const counterpart = asCredit
      ? r.invoice_id && r.invoice_no
        ? { kind: 'invoice' as const, id: r.invoice_id, number: r.invoice_no }
        : null
      : r.receipt_id && r.receipt_no
        ? { kind: 'receipt' as const, id: r.receipt_id, number: r.receipt_no }
        : r.credit_note_id && r.credit_note_no
          ? { kind: 'credit_note' as const, id: r.credit_note_id, number: r.credit_note_no }
          : null;
    return { id: r.id, kind: r.kind, date: r.date, amount: r.amount, reversal: r.reversal === 1, reason: r.reason, counterpart };
  });
  return { ...invoice, salesOrderNo, settlements };
}

export function receiptRow(sqlite: Sqlite, id: string, path = 'id'): ReceiptRow {
  const row = statement(sqlite, `${RECEIPT_SELECT} WHERE r.id = ?`).get(id) as ReceiptRow | undefined;
  if (!row) throw new AppError('NOT_FOUND', `Receipt ${id} does not exist`, [fieldIssue(path, 'not_found', { entity: 'receipt', id })]);
  return row;
}

export function allocationRow(sqlite: Sqlite, id: string): ReceivableAllocationsTable {
  const row = statement(sqlite, 'SELECT * FROM receivable_allocations WHERE id = ?').get(id) as ReceivableAllocationsTable | undefined;
  if (!row) throw new AppError('NOT_FOUND', `Allocation ${id} does not exist`, [fieldIssue('id', 'not_found', { entity: 'allocation', id })]);
  return row;
}

/** The latest date any allocation row touching a document carries: a reversal cannot come before it. */
export function lastAllocationDate(sqlite: Sqlite, documentId: string): string | null {
  return statement(sqlite, 'SELECT max(allocation_date) FROM receivable_allocations WHERE invoice_id = ? OR credit_note_id = ? OR receipt_id = ?')
    .pluck()
    .get(documentId, documentId, documentId) as string | null;
}

export interface CustomerTerms {
  id: string;
  code: string;
  payment_terms_days: number;
  merged_into_id: string | null;
}

export function customerTerms(sqlite: Sqlite, customerId: string, path = 'customerId'): CustomerTerms {
  const row = statement(sqlite, 'SELECT id, code, payment_terms_days, merged_into_id FROM customers WHERE id = ?').get(customerId) as CustomerTerms | undefined;
  if (!row) throw new AppError('NOT_FOUND', `Customer ${customerId} does not exist`, [fieldIssue(path, 'not_found', { entity: 'customer', id: customerId })]);
  if (row.merged_into_id) throw new AppError('CONFLICT', `Customer ${row.code} was merged into another customer`, [fieldIssue(path, 'merged_away')]);
  return row;
}

/** What the customer owes moves with every posting, in the posting's transaction. */
export function moveBalance(sqlite: Sqlite, customerId: string, delta: number, now: string): void {
  if (delta === 0) return;
  applyToSummary(sqlite, { table: 'customer_stats', key: { customer_id: customerId }, add: { balance_due: delta }, set: { updated_at: now } });
}

/** The orders billed on an invoice follow it, in the posting's transaction: to invoiced, paid, or back (orders.status.ts). */
export function ordersFollowInvoice(sqlite: Sqlite, invoiceId: string, move: { userId: string | null; now: string; comment: string }): void {
  const orderIds = ordersOfInvoice(sqlite, invoiceId);
  if (orderIds.length) followInvoices(sqlite, orderIds, move);
}

export function customerExists(sqlite: Sqlite, customerId: string): void {
  if (!statement(sqlite, 'SELECT 1 FROM customers WHERE id = ?').get(customerId)) throw notFound('Customer', customerId);
}
