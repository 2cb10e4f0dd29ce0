/**
 * Applying money to invoices (核销): a receipt or a credit note allocated to invoices, automatically
 * (exact amount first, then oldest due first) or by hand; a small difference written off; unapplied
 * credit refunded. Every row is a ledger entry; a mistake is undone by a reversing entry.
 */
import { AppError, validationError } from '../../api/errors';
import { fieldIssue, type FieldIssue } from '../../api/issues';
import type { Sqlite } from '../../db/connection';
import { statement } from '../../db/statements';
import { reverseEntry } from '../core/ledger';
import { formatFen } from '../core/money';
import type { HandlerContext } from '../context';
import { newId, nowIso } from '../shared/ids';
import type { Allocation, AllocationKind, RefundMethod } from './receivables.dto';
import { allocationRow, INVOICE_SELECT, invoiceRow, lastAllocationDate, moveBalance, ordersFollowInvoice, receiptRow, toAllocation, type InvoiceRow } from './receivables.repository';
import type { ReceivableAllocationsTable } from './receivables.tables';
import { assertPeriodOpen } from '../core/periods';

/** Write-offs above this need a credit note instead; a company setting, 100 元 unless set. */
export const WRITE_OFF_LIMIT_SETTING = 'receivables.writeOffLimit';
const DEFAULT_WRITE_OFF_LIMIT = 10_000;

/** Where allocated money comes from: a receipt or a credit note of one customer. */
export interface MoneySource {
  column: 'receipt_id' | 'credit_note_id';
  path: 'receiptId' | 'creditNoteId';
  id: string;
  number: string;
  customerId: string;
  date: string;
  unapplied: number;
}

export function receiptSource(sqlite: Sqlite, id: string): MoneySource {
  const row = receiptRow(sqlite, id, 'receiptId');
  if (row.status !== 'posted') throw new AppError('CONFLICT', `${row.receipt_no} was reversed`, [fieldIssue('receiptId', 'document_not_posted', { number: row.receipt_no, status: row.status })]);
  return { column: 'receipt_id', path: 'receiptId', id, number: row.receipt_no, customerId: row.customer_id, date: row.receipt_date, unapplied: row.unapplied_amount };
}

export function creditNoteSource(sqlite: Sqlite, id: string): MoneySource {
  const row = invoiceRow(sqlite, id, 'creditNoteId');
  if (row.kind !== 'credit_note' || row.status !== 'posted') {
    throw new AppError('CONFLICT', `${row.invoice_no} is not a posted credit note`, [fieldIssue('creditNoteId', 'document_not_posted', { number: row.invoice_no, status: row.status })]);
  }
  return { column: 'credit_note_id', path: 'creditNoteId', id, number: row.invoice_no, customerId: row.customer_id, date: row.invoice_date, unapplied: row.open_amount };
}

/** Exactly one of receiptId and creditNoteId. */
export function moneySource(sqlite: Sqlite, input: { receiptId?: string; creditNoteId?: string }): MoneySource {
  if (input.receiptId && input.creditNoteId) throw validationError([fieldIssue('creditNoteId', 'one_source_required')]);
  if (input.receiptId) return receiptSource(sqlite, input.receiptId);
  if (input.creditNoteId) return creditNoteSource(sqlite, input.creditNoteId);
  throw validationError([fieldIssue('receiptId', 'one_source_required')]);
}

const INSERT_ALLOCATION = `INSERT INTO receivable_allocations (id, customer_id, kind, receipt_id, credit_note_id, invoice_id, amount, allocation_date, period, reason, method, reference, created_by, created_at)
  VALUES (@id, @customer_id, @kind, @receipt_id, @credit_note_id, @invoice_id, @amount, @allocation_date, @period, @reason, @method, @reference, @created_by, @created_at)
  RETURNING *`;

interface EntryDraft {
  kind: AllocationKind;
  customerId: string;
  source: MoneySource | null;
  invoiceId: string | null;
  amount: number;
  date: string;
  reason?: string | null;
  method?: RefundMethod | null;
  reference?: string | null;
}

/** The entry's ledger row; the caller moves the customer's balance for a write-off or a refund. */
export function writeEntry(sqlite: Sqlite, entry: Omit<EntryDraft, 'source'> & { source: Pick<MoneySource, 'column' | 'id'> | null }, createdBy: string | null, now: string): ReceivableAllocationsTable {
  return statement(sqlite, INSERT_ALLOCATION).get({
    id: newId(),
    customer_id: entry.customerId,
    kind: entry.kind,
    receipt_id: entry.source?.column === 'receipt_id' ? entry.source.id : null,
    credit_note_id: entry.source?.column === 'credit_note_id' ? entry.source.id : null,
    invoice_id: entry.invoiceId,
    amount: entry.amount,
    allocation_date: entry.date,
    period: entry.date.slice(0, 7),
    reason: entry.reason ?? null,
    method: entry.method ?? null,
    reference: entry.reference ?? null,
    created_by: createdBy,
    created_at: now,
  }) as ReceivableAllocationsTable;
}

const invoiceNumber = (sqlite: Sqlite, id: string) => statement(sqlite, 'SELECT invoice_no FROM invoices WHERE id = ?').pluck().get(id) as string;

function postEntry(ctx: HandlerContext, entry: EntryDraft): ReceivableAllocationsTable {
  assertPeriodOpen(ctx.sqlite, entry.date, entry.kind === 'allocation' ? 'allocationDate' : 'date');
  const now = nowIso();
  const row = writeEntry(ctx.sqlite, entry, ctx.user?.id ?? null, now);
  // An allocation moves money between documents; a write-off lowers what is owed, a refund raises it.
  if (entry.kind === 'writeoff') moveBalance(ctx.sqlite, entry.customerId, -entry.amount, now);
  if (entry.kind === 'refund') moveBalance(ctx.sqlite, entry.customerId, entry.amount, now);
  // Paid in full (or written off the last fen): its orders are paid.
  if (entry.invoiceId) ordersFollowInvoice(ctx.sqlite, entry.invoiceId, { userId: ctx.user?.id ?? null, now, comment: entry.source?.number ?? invoiceNumber(ctx.sqlite, entry.invoiceId) });
  ctx.audit({ entityType: `receivable_${entry.kind}`, entityId: row.id, fields: { amount: { before: null, after: entry.amount }, invoiceId: { before: null, after: entry.invoiceId } } });
  return row;
}

/**
 * Entries on a document go forward in date: an allocation dated before one already posted would
 * make an earlier as-of date see more paid than was ever open.
 */
function latestOf(sqlite: Sqlite, date: string, documentIds: string[]): string | null {
  const latest = documentIds.map((id) => lastAllocationDate(sqlite, id)).filter((d): d is string => d !== null && d > date).sort().at(-1);
  return latest ?? null;
}

/** The date an allocation from `source` to these invoices may not precede, when `date` does. */
function entryNotBefore(sqlite: Sqlite, date: string, source: MoneySource, invoiceIds: string[]): string | undefined {
  return [source.date, latestOf(sqlite, date, [source.id, ...invoiceIds])].filter((d): d is string => d !== null && d > date).sort().at(-1);
}

function openInvoiceFor(sqlite: Sqlite, invoiceId: string, customerId: string, date: string, path: string): InvoiceRow {
  const invoice = invoiceRow(sqlite, invoiceId, path);
  if (invoice.kind !== 'invoice' || invoice.status !== 'posted') {
    throw validationError([fieldIssue(path, 'document_not_posted', { number: invoice.invoice_no, status: invoice.status })]);
  }
  if (invoice.customer_id !== customerId) throw validationError([fieldIssue(path, 'different_customer', { number: invoice.invoice_no })]);
  if (date < invoice.invoice_date) throw validationError([fieldIssue(path, 'before_document_date', { date: invoice.invoice_date })]);
  return invoice;
}

/** Allocates a source's money to the given invoices on a date; each amount at most what the invoice has open. */
export function allocateFrom(ctx: HandlerContext, source: MoneySource, allocations: { invoiceId: string; amount: number }[], date: string): Allocation[] {
  const sqlite = ctx.sqlite;
  const issues: FieldIssue[] = [];
  const notBefore = entryNotBefore(sqlite, date, source, allocations.map((a) => a.invoiceId));
  if (notBefore) issues.push(fieldIssue('allocationDate', 'before_document_date', { date: notBefore }));
  const total = allocations.reduce((sum, a) => sum + a.amount, 0);
  if (total > source.unapplied) issues.push(fieldIssue('allocations', 'more_than_open', { open: source.unapplied }));
  const seen = new Set<string>();
  allocations.forEach((a, i) => {
    const path = `allocations.${i}.invoiceId`;
    if (seen.has(a.invoiceId)) return issues.push(fieldIssue(path, 'listed_twice'));
    seen.add(a.invoiceId);
    try {
      const invoice = openInvoiceFor(sqlite, a.invoiceId, source.customerId, date, path);
      if (a.amount > invoice.open_amount) issues.push(fieldIssue(`allocations.${i}.amount`, 'more_than_open', { open: invoice.open_amount }));
    } catch (error) {
      if (!(error instanceof AppError) || !error.issues) throw error;
      issues.push(...error.issues);
    }
  });
  if (issues.length) throw validationError(issues);
  return allocations.map((a) => toAllocation(postEntry(ctx, { kind: 'allocation', customerId: source.customerId, source, invoiceId: a.invoiceId, amount: a.amount, date })));
}

/**
 * What automatic allocation would do with `amount` on `date`: an invoice open for exactly that
 * amount takes it all (the customer paid that invoice); otherwise the oldest due first. An invoice
 * with an entry dated after `date` cannot take one dated `date` (entries go forward in date): a
 * receipt dated back leaves it to a later allocation instead of refusing to be recorded.
 */
export function planAutoAllocation(
  sqlite: Sqlite,
  customerId: string,
  amount: number,
  date: string,
  /** Already promised to earlier lines of the same plan (a bank statement), by invoice id. */
  planned: ReadonlyMap<string, number> = new Map(),
): { invoiceId: string; amount: number }[] {
  const open = (
    statement(sqlite, `SELECT * FROM (${INVOICE_SELECT} WHERE i.customer_id = ? AND i.kind = 'invoice' AND i.status = 'posted' AND i.invoice_date <= ?
         AND NOT EXISTS (SELECT 1 FROM receivable_allocations later WHERE later.invoice_id = i.id AND later.allocation_date > ?)) WHERE open_amount > 0 ORDER BY due_date, invoice_date, invoice_no`).all(customerId, date, date) as InvoiceRow[]
  )
    .map((invoice) => ({ ...invoice, open_amount: invoice.open_amount - (planned.get(invoice.id) ?? 0) }))
    .filter((invoice) => invoice.open_amount > 0);
  const exact = open.find((invoice) => invoice.open_amount === amount);
  if (exact) return [{ invoiceId: exact.id, amount }];
  const plan: { invoiceId: string; amount: number }[] = [];
  let left = amount;
  for (const invoice of open) {
    if (left === 0) break;
    const share = Math.min(left, invoice.open_amount);
    plan.push({ invoiceId: invoice.id, amount: share });
    left -= share;
  }
  return plan;
}

export function autoAllocate(ctx: HandlerContext, source: MoneySource, date: string): Allocation[] {
  if (source.unapplied <= 0) return [];
  // The source's own entries go forward in date too; invoices that cannot take the date are left out of the plan.
  const notBefore = entryNotBefore(ctx.sqlite, date, source, []);
  if (notBefore) throw validationError([fieldIssue('allocationDate', 'before_document_date', { date: notBefore })]);
  const plan = planAutoAllocation(ctx.sqlite, source.customerId, source.unapplied, date);
  return plan.length ? allocateFrom(ctx, source, plan, date) : [];
}

function writeOffLimit(sqlite: Sqlite): number {
  const raw = statement(sqlite, 'SELECT value FROM settings WHERE key = ?').pluck().get(WRITE_OFF_LIMIT_SETTING) as string | undefined;
  return raw === undefined ? DEFAULT_WRITE_OFF_LIMIT : Number(JSON.parse(raw));
}

/** Closes a small difference on an invoice (抹零, bank charges) with a reason; larger ones need a credit note. */
export function writeOff(ctx: HandlerContext, input: { invoiceId: string; amount: number; reason: string }, date: string): Allocation {
  const invoice = invoiceRow(ctx.sqlite, input.invoiceId, 'invoiceId');
  openInvoiceFor(ctx.sqlite, invoice.id, invoice.customer_id, date, 'invoiceId');
  const limit = writeOffLimit(ctx.sqlite);
  if (input.amount > limit) {
    throw new AppError('VALIDATION', `A write-off is at most ${formatFen(limit)}; issue a credit note for more`, [fieldIssue('amount', 'over_write_off_limit', { limit })]);
  }
  if (input.amount > invoice.open_amount) throw validationError([fieldIssue('amount', 'more_than_open', { open: invoice.open_amount })]);
  const later = latestOf(ctx.sqlite, date, [invoice.id]);
  if (later) throw validationError([fieldIssue('date', 'before_document_date', { date: later })]);
  return toAllocation(postEntry(ctx, { kind: 'writeoff', customerId: invoice.customer_id, source: null, invoiceId: invoice.id, amount: input.amount, date, reason: input.reason }));
}

/** Pays back a customer's unapplied credit (an over-payment or a credit note), by money. */
export function refund(ctx: HandlerContext, source: MoneySource, input: { amount: number; method: RefundMethod; reference?: string | null }, date: string): Allocation {
  const notBefore = [source.date, latestOf(ctx.sqlite, date, [source.id])].filter((d): d is string => d !== null && d > date).sort().at(-1);
  if (notBefore) throw validationError([fieldIssue('date', 'before_document_date', { date: notBefore })]);
  if (input.amount > source.unapplied) throw validationError([fieldIssue('amount', 'more_than_open', { open: source.unapplied })]);
  return toAllocation(
    postEntry(ctx, { kind: 'refund', customerId: source.customerId, source, invoiceId: null, amount: input.amount, date, method: input.method, reference: input.reference ?? null }),
  );
}

/** Undoes an allocation, write-off or refund by a reversing entry dated no earlier than it. */
export function reverseAllocation(ctx: HandlerContext, input: { id: string; reason: string }, date: string): Allocation {
  const original = allocationRow(ctx.sqlite, input.id);
  if (original.reverses_id) throw new AppError('CONFLICT', `Allocation ${original.id} is itself a reversal`, [fieldIssue('id', 'reversal_of_reversal', { reverses: original.reverses_id })]);
  const reversedBy = statement(ctx.sqlite, 'SELECT id FROM receivable_allocations WHERE reverses_id = ?').pluck().get(original.id) as string | undefined;
  if (reversedBy) throw new AppError('CONFLICT', `Allocation ${original.id} was already reversed`, [fieldIssue('id', 'already_reversed', { reversedBy })]);
  if (date < original.allocation_date) throw validationError([fieldIssue('date', 'before_document_date', { date: original.allocation_date })]);
  const now = nowIso();
  const reversal = reverseEntry(ctx.sqlite, { table: 'receivable_allocations', negate: ['amount'] }, original.id, {
    id: newId(),
    allocation_date: date,
    period: date.slice(0, 7),
    reason: input.reason,
    created_by: ctx.user?.id ?? null,
    created_at: now,
  }) as unknown as ReceivableAllocationsTable;
  if (original.kind === 'writeoff') moveBalance(ctx.sqlite, original.customer_id, original.amount, now);
  if (original.kind === 'refund') moveBalance(ctx.sqlite, original.customer_id, -original.amount, now);
  // Open again: its orders go back to invoiced.
  if (original.invoice_id) ordersFollowInvoice(ctx.sqlite, original.invoice_id, { userId: ctx.user?.id ?? null, now, comment: invoiceNumber(ctx.sqlite, original.invoice_id) });
  ctx.audit({ entityType: `receivable_${original.kind}`, entityId: original.id, fields: { reversedBy: { before: null, after: reversal.id } } });
  return toAllocation(reversal);
}
