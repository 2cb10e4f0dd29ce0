import type { Flag } from '../../db/schema';
import type { AllocationKind, InvoiceKind, InvoiceSource, InvoiceType, PostedStatus, ReceiptMethod, RefundMethod } from './receivables.dto';

/** Posted when created, reversed on a date: never edited. */
interface PostedColumns {
  status: PostedStatus;
  posted_at: string;
  posted_by: string | null;
  reversed_on: string | null;
  reversed_at: string | null;
  reversed_by: string | null;
  reversal_reason: string | null;
}

export interface InvoicesTable extends PostedColumns {
  id: string;
  invoice_no: string;
  kind: InvoiceKind;
  source: InvoiceSource;
  customer_id: string;
  invoice_date: string;
  due_date: string;
  period: string;
  invoice_type: InvoiceType;
  tax_invoice_no: string | null;
  tax_invoice_date: string | null;
  tax_inclusive: Flag;
  currency: string;
  total_net: number;
  total_tax: number;
  total_gross: number;
  sales_order_id: string | null;
  credit_note_request_id: string | null;
  corrects_invoice_id: string | null;
  project: string | null;
  reason: string | null;
  notes: string | null;
}

export interface InvoiceLinesTable {
  id: string;
  invoice_id: string;
  line_no: number;
  delivery_line_id: string | null;
  sales_order_line_id: string | null;
  product_id: string | null;
  description: string;
  quantity: number;
  unit: string;
  unit_price: number;
  discount: number;
  vat_rate: number;
  net: number;
  tax: number;
  gross: number;
}

export interface ReceiptsTable extends PostedColumns {
  id: string;
  receipt_no: string;
  customer_id: string;
  receipt_date: string;
  period: string;
  method: ReceiptMethod;
  amount: number;
  bank_account: string | null;
  reference: string | null;
  bill_maturity_date: string | null;
  notes: string | null;
}

export interface ReceivableAllocationsTable {
  id: string;
  customer_id: string;
  kind: AllocationKind;
  receipt_id: string | null;
  credit_note_id: string | null;
  invoice_id: string | null;
  amount: number;
  allocation_date: string;
  period: string;
  reason: string | null;
  method: RefundMethod | null;
  reference: string | null;
  reverses_id: string | null;
  created_by: string | null;
  created_at: string;
}

/**
 * When a document was cleared (fully applied or reversed), with what the aging reads of it; kept by
 * triggers from the documents and the allocation ledger.
 */
export interface ReceivableClearingTable {
  document_id: string;
  kind: InvoiceKind | 'receipt';
  document_date: string;
  cleared_on: string | null;
  customer_id: string;
  /** An invoice's due date; a credit note's or receipt's own date. */
  aged_from: string;
  /** What it adds to the customer's debt before anything is applied: negative for credit notes and receipts. */
  amount: number;
  reversed_on: string | null;
  first_applied_on: string | null;
}
