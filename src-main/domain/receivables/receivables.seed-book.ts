/**
 * The receivables ledger for the demo seed at scale: invoices, receipts and their allocations
 * written with prepared statements as the services write them (same rows, same line rule,
 * numbers in blocks), what is open on each document kept in memory instead of summed back from
 * the allocations per call, and each customer's balance moved once at the end. The rare
 * corrections (a reversal, a credit note) go through the services themselves, which read the
 * rows already written; `forget` makes the book read such a document back. The services must not
 * take invoice or receipt numbers meanwhile (the blocks hold them); credit notes have their own.
 */
import type { Sqlite } from '../../db/connection';
import { statement } from '../../db/statements';
import { addDays } from '../core/dates';
import { sumTaxLines } from '../core/money';
import { numbersInBlocks } from '../core/numbering';
import { newId, nowIso } from '../shared/ids';
import { writeEntry } from './allocation.service';
import { INSERT_INVOICE, INSERT_INVOICE_LINE, INVOICE_SERIES, type LineDraft } from './invoices.service';
import { RECEIPT_SERIES, writeReceipt, type ReceiptInput } from './receipts.service';
import type { AllocationKind, InvoiceSource, InvoiceType, RefundMethod } from './receivables.dto';
import { invoiceRow, moveBalance, receiptRow } from './receivables.repository';

export interface BookInvoice {
  id: string;
  invoiceDate: string;
  dueDate: string;
  gross: number;
}

export interface InvoiceInput {
  customerId: string;
  source: InvoiceSource;
  invoiceDate: string;
  invoiceType?: InvoiceType;
  taxInvoiceNo?: string | null;
  taxInvoiceDate?: string | null;
  taxInclusive: boolean;
  lines: LineDraft[];
}

interface Entry {
  kind: AllocationKind;
  customerId: string;
  receiptId?: string | null;
  invoiceId?: string | null;
  amount: number;
  date: string;
  reason?: string | null;
  method?: RefundMethod | null;
  reference?: string | null;
}

/**
 * When a seeded document was entered: on its own date, in office hours (10:00 in Shanghai), never
 * later than now. The timeline and the voucher order read it, so the demo reads as a year of work
 * rather than everything entered at the moment of seeding.
 */
function enteredOn(date: string): string {
  const stamped = `${date}T02:00:00.000Z`;
  const now = nowIso();
  return stamped < now ? stamped : now;
}

export function openReceivablesBook(sqlite: Sqlite) {
  const numbers = { invoice: numbersInBlocks(sqlite, INVOICE_SERIES), receipt: numbersInBlocks(sqlite, RECEIPT_SERIES) };
  const terms = new Map(
    (sqlite.prepare('SELECT id, payment_terms_days FROM customers').all() as { id: string; payment_terms_days: number }[]).map((c) => [c.id, c.payment_terms_days]),
  );
  /** Still open on an invoice, still unapplied on a receipt; absent: read it from the rows. */
  const open = new Map<string, number>();
  const balances = new Map<string, number>();
  const moveBalanceLater = (customerId: string, delta: number) => balances.set(customerId, (balances.get(customerId) ?? 0) + delta);

  const post = (entry: Entry) =>
    writeEntry(sqlite, { ...entry, invoiceId: entry.invoiceId ?? null, source: entry.receiptId ? { column: 'receipt_id', id: entry.receiptId } : null }, null, enteredOn(entry.date));
  const take = (id: string, amount: number) => {
    const left = book.openOf(id) - amount;
    if (left < 0) throw new RangeError(`Document ${id} has ${left + amount} fen open; ${amount} asked`);
    open.set(id, left);
  };

  const book = {
    /** What is open on an invoice or unapplied on a receipt now. */
    openOf(id: string): number {
      let amount = open.get(id);
      if (amount === undefined) {
        const invoice = statement(sqlite, 'SELECT 1 FROM invoices WHERE id = ?').get(id);
        amount = invoice ? invoiceRow(sqlite, id).open_amount : receiptRow(sqlite, id).unapplied_amount;
        open.set(id, amount);
      }
      return amount;
    },
    /** After a service changed the document (a reversal, a credit note applied). */
    forget(id: string): void {
      open.delete(id);
    },
    /** Posts an invoice as postInvoice does: due by the customer's terms, totals the sums of rounded lines. */
    invoice(input: InvoiceInput): BookInvoice {
      const days = terms.get(input.customerId);
      if (days === undefined) throw new RangeError(`No customer ${input.customerId}`);
      const totals = sumTaxLines(input.lines);
      if (totals.gross <= 0) throw new RangeError('An invoice adds up to more than zero');
      const id = newId();
      const dueDate = addDays(input.invoiceDate, days);
      statement(sqlite, INSERT_INVOICE).run({
        id,
        invoice_no: numbers.invoice.next(input.invoiceDate),
        kind: 'invoice',
        source: input.source,
        customer_id: input.customerId,
        invoice_date: input.invoiceDate,
        due_date: dueDate,
        period: input.invoiceDate.slice(0, 7),
        invoice_type: input.invoiceType ?? 'ordinary',
        tax_invoice_no: input.taxInvoiceNo ?? null,
        tax_invoice_date: input.taxInvoiceDate ?? null,
        tax_inclusive: input.taxInclusive ? 1 : 0,
        total_net: totals.net,
        total_tax: totals.tax,
        total_gross: totals.gross,
        sales_order_id: null,
        credit_note_request_id: null,
        corrects_invoice_id: null,
        project: null,
        reason: null,
        notes: null,
        posted_at: enteredOn(input.invoiceDate),
        posted_by: null,
      });
      const insertLine = statement(sqlite, INSERT_INVOICE_LINE);
      input.lines.forEach((l, i) =>
        insertLine.run(newId(), id, i + 1, l.deliveryLineId ?? null, l.salesOrderLineId ?? null, l.productId ?? null, l.description, l.quantity, l.unit, l.unitPrice, l.discount, l.vatRate, l.net, l.tax, l.gross),
      );
      open.set(id, totals.gross);
      moveBalanceLater(input.customerId, totals.gross);
      return { id, invoiceDate: input.invoiceDate, dueDate, gross: totals.gross };
    },
    /** A receipt, not allocated: what the customer owes drops at once. */
    receipt(input: Omit<ReceiptInput, 'autoAllocate'>): string {
      const id = newId();
      writeReceipt(sqlite, { id, receiptNo: numbers.receipt.next(input.receiptDate), customerId: input.customerId, postedAt: enteredOn(input.receiptDate), postedBy: null }, input);
      open.set(id, input.amount);
      moveBalanceLater(input.customerId, -input.amount);
      return id;
    },
    allocate(input: { customerId: string; receiptId: string; invoiceId: string; amount: number; date: string }): void {
      take(input.receiptId, input.amount);
      take(input.invoiceId, input.amount);
      post({ kind: 'allocation', ...input });
    },
    writeOff(input: { customerId: string; invoiceId: string; amount: number; reason: string; date: string }): void {
      take(input.invoiceId, input.amount);
      post({ kind: 'writeoff', ...input });
      moveBalanceLater(input.customerId, -input.amount);
    },
    refund(input: { customerId: string; receiptId: string; amount: number; method: RefundMethod; reference: string; date: string }): void {
      take(input.receiptId, input.amount);
      post({ kind: 'refund', ...input });
      moveBalanceLater(input.customerId, input.amount);
    },
    /** Moves the balances and hands back unused numbers; once, inside the seed's transaction. */
    finish(): void {
      const now = nowIso();
      for (const [customerId, delta] of balances) moveBalance(sqlite, customerId, delta, now);
      numbers.invoice.finish();
      numbers.receipt.finish();
    },
  };
  return book;
}

export type ReceivablesBook = ReturnType<typeof openReceivablesBook>;
