/**
 * Posting invoices and credit notes (发票 / 红字发票): numbered, totals summed from rounded lines,
 * the customer's balance moved in the same transaction. Posted documents are never edited; a
 * mistake is reversed on a date, which leaves every earlier as-of date as it was.
 */
import { AppError } from '../../api/errors';
import { fieldIssue } from '../../api/issues';
import type { Sqlite } from '../../db/connection';
import { statement } from '../../db/statements';
import { addDays } from '../core/dates';
import { sumTaxLines, type TaxedAmount } from '../core/money';
import { nextNumber, type SeriesDefinition } from '../core/numbering';
import { assertPeriodOpen } from '../core/periods';
import type { HandlerContext } from '../context';
import { newId, nowIso } from '../shared/ids';
import { getSettings } from '../settings/settings.service';
import { businessDateIn } from '../core/dates';
import type { Invoice, InvoiceKind, InvoiceLine, InvoiceSource, InvoiceType } from './receivables.dto';
import { customerTerms, findInvoice, invoiceRow, lastAllocationDate, moveBalance, ordersFollowInvoice } from './receivables.repository';

export const INVOICE_SERIES: SeriesDefinition = { code: 'invoice', prefix: 'INV', perYear: true, padding: 6 };
export const CREDIT_NOTE_SERIES: SeriesDefinition = { code: 'credit_note', prefix: 'CN', perYear: true, padding: 6 };

/** Today in the company's time zone: the date a document takes when none is given. */
export async function businessToday(ctx: Pick<HandlerContext, 'db'>): Promise<string> {
  return businessDateIn((await getSettings(ctx.db)).timeZone);
}

/** A line as typed for services: the invoice's line without the links to deliveries and orders. */
export type ServiceLine = Pick<InvoiceLine, 'description' | 'quantity' | 'unit' | 'unitPrice' | 'discount' | 'vatRate'> & { productId?: string | null };

export type LineDraft = ServiceLine & TaxedAmount & Partial<Pick<InvoiceLine, 'deliveryLineId' | 'salesOrderLineId'>>;

export interface InvoiceHeaderInput {
  invoiceDate?: string | null;
  invoiceType?: InvoiceType;
  taxInvoiceNo?: string | null;
  taxInvoiceDate?: string | null;
  project?: string | null;
  notes?: string | null;
}

export interface InvoiceDraft {
  kind: InvoiceKind;
  source: InvoiceSource;
  customerId: string;
  header: InvoiceHeaderInput;
  taxInclusive: boolean;
  lines: LineDraft[];
  salesOrderId?: string | null;
  creditNoteRequestId?: string | null;
  correctsInvoiceId?: string | null;
  reason?: string | null;
}

export const INSERT_INVOICE = `INSERT INTO invoices (id, invoice_no, kind, source, customer_id, invoice_date, due_date, period, invoice_type, tax_invoice_no, tax_invoice_date,
  tax_inclusive, total_net, total_tax, total_gross, sales_order_id, credit_note_request_id, corrects_invoice_id, project, reason, notes, posted_at, posted_by)
  VALUES (@id, @invoice_no, @kind, @source, @customer_id, @invoice_date, @due_date, @period, @invoice_type, @tax_invoice_no, @tax_invoice_date,
  @tax_inclusive, @total_net, @total_tax, @total_gross, @sales_order_id, @credit_note_request_id, @corrects_invoice_id, @project, @reason, @notes, @posted_at, @posted_by)`;

export const INSERT_INVOICE_LINE = `INSERT INTO invoice_lines (id, invoice_id, line_no, delivery_line_id, sales_order_line_id, product_id, description, quantity, unit, unit_price, discount, vat_rate, net, tax, gross)
  VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`;

/** Posts an invoice or a credit note: due date from the customer's payment terms (a credit note is due at once). */
export async function postInvoice(ctx: HandlerContext, draft: InvoiceDraft): Promise<Invoice> {
  const sqlite = ctx.sqlite;
  const customer = customerTerms(sqlite, draft.customerId);
  const invoiceDate = draft.header.invoiceDate ?? (await businessToday(ctx));
  if (draft.header.taxInvoiceDate && draft.header.taxInvoiceDate < invoiceDate) {
    throw new AppError('VALIDATION', 'The tax invoice cannot be dated before the invoice', [fieldIssue('taxInvoiceDate', 'before_document_date', { date: invoiceDate })]);
  }
  assertPeriodOpen(sqlite, invoiceDate, 'invoiceDate');
  const totals = sumTaxLines(draft.lines);
  if (totals.gross <= 0) throw new AppError('CONFLICT', 'Nothing to invoice: the lines add up to zero', [fieldIssue('lines', 'nothing_to_invoice')]);
  const id = newId();
  const now = nowIso();
  const invoiceNo = nextNumber(sqlite, draft.kind === 'invoice' ? INVOICE_SERIES : CREDIT_NOTE_SERIES, invoiceDate);
  statement(sqlite, INSERT_INVOICE).run({
    id,
    invoice_no: invoiceNo,
    kind: draft.kind,
    source: draft.source,
    customer_id: customer.id,
    invoice_date: invoiceDate,
    due_date: draft.kind === 'invoice' ? addDays(invoiceDate, customer.payment_terms_days) : invoiceDate,
    period: invoiceDate.slice(0, 7),
    invoice_type: draft.header.invoiceType ?? 'ordinary',
    tax_invoice_no: draft.header.taxInvoiceNo ?? null,
    tax_invoice_date: draft.header.taxInvoiceDate ?? null,
    tax_inclusive: draft.taxInclusive ? 1 : 0,
    total_net: totals.net,
    total_tax: totals.tax,
    total_gross: totals.gross,
    sales_order_id: draft.salesOrderId ?? null,
    credit_note_request_id: draft.creditNoteRequestId ?? null,
    corrects_invoice_id: draft.correctsInvoiceId ?? null,
    project: draft.header.project ?? null,
    reason: draft.reason ?? null,
    notes: draft.header.notes ?? null,
    posted_at: now,
    posted_by: ctx.user?.id ?? null,
  });
  const insertLine = statement(sqlite, INSERT_INVOICE_LINE);
  draft.lines.forEach((l, i) =>
    insertLine.run(newId(), id, i + 1, l.deliveryLineId ?? null, l.salesOrderLineId ?? null, l.productId ?? null, l.description, l.quantity, l.unit, l.unitPrice, l.discount, l.vatRate, l.net, l.tax, l.gross),
  );
  moveBalance(sqlite, customer.id, draft.kind === 'invoice' ? totals.gross : -totals.gross, now);
  if (draft.kind === 'invoice') ordersFollowInvoice(sqlite, id, { userId: ctx.user?.id ?? null, now, comment: invoiceNo });
  ctx.audit({
    entityType: draft.kind,
    entityId: id,
    fields: { invoiceNo: { before: null, after: invoiceNo }, totalGross: { before: null, after: totals.gross }, customerId: { before: null, after: customer.id } },
  });
  return findInvoice(sqlite, id);
}

function liveAllocations(sqlite: Sqlite, documentId: string): number {
  return statement(sqlite, 'SELECT coalesce(sum(amount), 0) FROM receivable_allocations WHERE invoice_id = ? OR credit_note_id = ? OR receipt_id = ?')
    .pluck()
    .get(documentId, documentId, documentId) as number;
}

/**
 * Marks a posted invoice or receipt reversed on a date: refused when already reversed, dated before
 * the document or anything applied to it, or while money is still applied to it (undo that first).
 */
export async function markReversed(
  ctx: HandlerContext,
  document: { table: 'invoices' | 'receipts'; id: string; number: string; date: string; status: string },
  input: { reversedOn?: string | null; reason: string },
): Promise<{ reversedOn: string; now: string }> {
  const sqlite = ctx.sqlite;
  if (document.status === 'reversed') throw new AppError('CONFLICT', `${document.number} was already reversed`, [fieldIssue('id', 'already_reversed')]);
  const reversedOn = input.reversedOn ?? (await businessToday(ctx));
  const notBefore = [document.date, lastAllocationDate(sqlite, document.id)].filter((d): d is string => d !== null).sort().at(-1)!;
  if (reversedOn < notBefore) throw new AppError('VALIDATION', `A reversal cannot be dated before ${notBefore}`, [fieldIssue('reversedOn', 'before_document_date', { date: notBefore })]);
  assertPeriodOpen(sqlite, reversedOn, 'reversedOn');
  const applied = liveAllocations(sqlite, document.id);
  if (applied !== 0) {
    throw new AppError('CONFLICT', `${document.number} has ${applied} fen allocated to it; reverse those allocations first`, [fieldIssue('id', 'has_allocations', { amount: applied })]);
  }
  const now = nowIso();
  statement(sqlite, `UPDATE ${document.table} SET status = 'reversed', reversed_on = ?, reversed_at = ?, reversed_by = ?, reversal_reason = ? WHERE id = ?`)
    .run(reversedOn, now, ctx.user?.id ?? null, input.reason, document.id);
  ctx.audit({ entityType: document.table === 'invoices' ? 'invoice' : 'receipt', entityId: document.id, fields: { status: { before: 'posted', after: 'reversed' }, reversedOn: { before: null, after: reversedOn } } });
  return { reversedOn, now };
}

export async function reverseInvoice(ctx: HandlerContext, input: { id: string; reversedOn?: string | null; reason: string }): Promise<Invoice> {
  const sqlite = ctx.sqlite;
  const row = invoiceRow(sqlite, input.id);
  const { now } = await markReversed(ctx, { table: 'invoices', id: row.id, number: row.invoice_no, date: row.invoice_date, status: row.status }, input);
  if (row.credit_note_request_id) {
    // The return can be credited again, by a corrected credit note.
    statement(sqlite, "UPDATE credit_note_requests SET status = 'open', credit_note_id = NULL, updated_at = ? WHERE id = ?").run(now, row.credit_note_request_id);
  }
  moveBalance(sqlite, row.customer_id, row.kind === 'invoice' ? -row.total_gross : row.total_gross, now);
  if (row.kind === 'invoice') ordersFollowInvoice(sqlite, row.id, { userId: ctx.user?.id ?? null, now, comment: row.invoice_no });
  return findInvoice(sqlite, row.id);
}

/** The 金税 invoice's number and date, known once it is issued outside the program: not a change of amounts. */
export function recordTaxInvoice(ctx: HandlerContext, input: { id: string; taxInvoiceNo: string; taxInvoiceDate: string }): Invoice {
  const row = invoiceRow(ctx.sqlite, input.id);
  if (input.taxInvoiceDate < row.invoice_date) {
    throw new AppError('VALIDATION', 'The tax invoice cannot be dated before the invoice', [fieldIssue('taxInvoiceDate', 'before_document_date', { date: row.invoice_date })]);
  }
  statement(ctx.sqlite, 'UPDATE invoices SET tax_invoice_no = ?, tax_invoice_date = ? WHERE id = ?').run(input.taxInvoiceNo, input.taxInvoiceDate, row.id);
  ctx.audit({
    entityType: row.kind,
    entityId: row.id,
    fields: {
      taxInvoiceNo: { before: row.tax_invoice_no, after: input.taxInvoiceNo },
      taxInvoiceDate: { before: row.tax_invoice_date, after: input.taxInvoiceDate },
    },
  });
  return findInvoice(ctx.sqlite, row.id);
}
