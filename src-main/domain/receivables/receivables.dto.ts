/**
 * The receivables area's closed lists of codes and the records its methods return (runtime-neutral:
 * the renderer imports them). Amounts are integer fen.
 */
import type { FieldIssue } from '../../api/issues';

export const INVOICE_KINDS = ['invoice', 'credit_note'] as const;
export type InvoiceKind = (typeof INVOICE_KINDS)[number];

/** Where an invoice's lines came from: posted deliveries, an order, services, a return, a price correction. */
export const INVOICE_SOURCES = ['deliveries', 'order', 'service', 'return', 'price_correction'] as const;
export type InvoiceSource = (typeof INVOICE_SOURCES)[number];

export const DOCUMENT_STATUSES = ['posted', 'reversed'] as const;
export type PostedStatus = (typeof DOCUMENT_STATUSES)[number];

/** 普通发票 / 增值税专用发票. */
export const INVOICE_TYPES = ['ordinary', 'special'] as const;
export type InvoiceType = (typeof INVOICE_TYPES)[number];

/** 银行转账, 现金, 微信, 支付宝, 银行承兑汇票. */
export const RECEIPT_METHODS = ['bank_transfer', 'cash', 'wechat', 'alipay', 'acceptance_bill'] as const;
export type ReceiptMethod = (typeof RECEIPT_METHODS)[number];

/** A refund goes back by money, never by a bill. */
export const REFUND_METHODS = ['bank_transfer', 'cash', 'wechat', 'alipay'] as const;
export type RefundMethod = (typeof REFUND_METHODS)[number];

export const ALLOCATION_KINDS = ['allocation', 'writeoff', 'refund'] as const;
export type AllocationKind = (typeof ALLOCATION_KINDS)[number];

/** Days overdue as of the aging date; the last bucket has no upper bound. */
export const AGING_BUCKETS = [
  { name: 'not_due', maxDays: 0 },
  { name: '1-30', maxDays: 30 },
  { name: '31-60', maxDays: 60 },
  { name: '61-90', maxDays: 90 },
  { name: '91-180', maxDays: 180 },
  { name: 'over_180', maxDays: null },
] as const;
export type AgingBucketName = (typeof AGING_BUCKETS)[number]['name'];

/** What the aging's customers sort by: what each owes in all (`total`) or in one bucket, its code or its name. */
export const AGING_SORT_FIELDS = ['total', 'not_due', '1-30', '31-60', '61-90', '91-180', 'over_180', 'code', 'name'] as const satisfies readonly ('total' | AgingBucketName | 'code' | 'name')[];
export type AgingSortField = (typeof AGING_SORT_FIELDS)[number];
export type AgingSort = { field: AgingSortField; dir: 'asc' | 'desc' };
/** The biggest debtors first: what an owner opening the aging looks for. */
export const AGING_DEFAULT_SORT: AgingSort = { field: 'total', dir: 'desc' };

export interface InvoiceLine {
  lineNo: number;
  deliveryLineId: string | null;
  salesOrderLineId: string | null;
  productId: string | null;
  description: string;
  quantity: number;
  unit: string;
  unitPrice: number;
  discount: number;
  vatRate: number;
  net: number;
  tax: number;
  gross: number;
}

export interface Invoice {
  id: string;
  invoiceNo: string;
  kind: InvoiceKind;
  source: InvoiceSource;
  customerId: string;
  customerCode: string;
  customerName: string;
  status: PostedStatus;
  invoiceDate: string;
  dueDate: string;
  period: string;
  invoiceType: InvoiceType;
  taxInvoiceNo: string | null;
  taxInvoiceDate: string | null;
  taxInclusive: boolean;
  currency: string;
  totalNet: number;
  totalTax: number;
  totalGross: number;
  /** What is still to be paid (an invoice) or still to be used (a credit note), today. */
  openAmount: number;
  salesOrderId: string | null;
  creditNoteRequestId: string | null;
  correctsInvoiceId: string | null;
  project: string | null;
  reason: string | null;
  notes: string | null;
  postedAt: string;
  reversedOn: string | null;
  reversalReason: string | null;
  lines: InvoiceLine[];
}

/**
 * What settled part of an invoice, or what a credit note settled: a receipt's or a credit note's
 * allocation, a write-off, a refund of a credit note, or the reversal of one of those.
 */
export interface InvoiceSettlement {
  id: string;
  kind: AllocationKind;
  date: string;
  /** Positive; a reversal's is negative. */
  amount: number;
  reversal: boolean;
  reason: string | null;
  /** The other document: the receipt or credit note that paid an invoice, or the invoice a credit note paid. */
  counterpart: { kind: 'receipt' | 'credit_note' | 'invoice'; id: string; number: string } | null;
}

/** One invoice or credit note as its drawer shows it: the order it came from and what settled it. */
export interface InvoiceDetail extends Invoice {
  salesOrderNo: string | null;
  settlements: InvoiceSettlement[];
}

export interface Receipt {
  id: string;
  receiptNo: string;
  customerId: string;
  customerCode: string;
  customerName: string;
  status: PostedStatus;
  receiptDate: string;
  period: string;
  method: ReceiptMethod;
  amount: number;
  bankAccount: string | null;
  reference: string | null;
  billMaturityDate: string | null;
  notes: string | null;
  /** Not yet allocated nor refunded: the customer's credit from this receipt. */
  unappliedAmount: number;
  postedAt: string;
  reversedOn: string | null;
}

export interface Allocation {
  id: string;
  customerId: string;
  kind: AllocationKind;
  receiptId: string | null;
  creditNoteId: string | null;
  invoiceId: string | null;
  amount: number;
  allocationDate: string;
  reason: string | null;
  reversesId: string | null;
}

export interface CustomerReceivables {
  customerId: string;
  /** invoices − credit notes − receipts − write-offs + refunds. */
  balance: number;
  /** Still to be paid on invoices. */
  openInvoices: number;
  /** The part of openInvoices past its due date, today. */
  overdue: number;
  /** Receipts and credit notes not yet allocated nor refunded: what the customer can use or get back. */
  credit: number;
}

export interface AgingRow {
  customer_code: string;
  customer_name: string;
  total: number;
  by_bucket: Record<string, number>;
}

/** The shape `report aging --json` prints (snake_case: it is a file format, not a DTO). */
export interface AgingReport {
  as_of: string;
  buckets: string[];
  rows: AgingRow[];
  totals: { total: number; by_bucket: Record<string, number> };
}

/** How a bank statement's payer was recognised as a customer, surest first. */
export const PAYER_MATCHES = ['bank_account', 'name', 'name_key', 'pinyin'] as const;
export type PayerMatch = (typeof PAYER_MATCHES)[number];

export interface SuggestedAllocation {
  invoiceId: string;
  invoiceNo: string;
  dueDate: string;
  openAmount: number;
  amount: number;
}

/** One incoming payment as a bank statement has it. */
export interface BankStatementRow {
  /** The file's line, as the user sees it in Excel. */
  line: number;
  date: string | null;
  payer: string;
  account: string | null;
  amount: number | null;
  /** The bank's transaction number, else the memo: with date and amount it says whether a line was imported before. */
  reference: string | null;
  memo: string | null;
  /** Why the line cannot be imported as it is: path is the column (date, amount, payer). */
  problems: FieldIssue[];
}

/** A statement's incoming payment with what the import would do with it. */
export interface BankStatementLine extends BankStatementRow {
  /** Imported before (same date, amount and reference): the receipt's number, or the earlier line of this file. */
  duplicateOf: { receiptNo: string | null; line: number | null } | null;
  customer: { id: string; code: string; name: string; matchedOn: PayerMatch } | null;
  /** Exact-amount open invoice first, then the oldest due; empty when no customer. */
  allocations: SuggestedAllocation[];
}

export interface BankStatementPreview {
  encoding: string;
  /** The file's header for each column it was read from. */
  columns: Record<string, string>;
  lines: BankStatementLine[];
  /** Payments out (借方), left out. */
  outgoing: number;
}

export interface BankStatementResult {
  posted: { line: number; receiptId: string; receiptNo: string; allocated: number }[];
  /** Already imported: not posted twice. */
  skipped: { line: number; receiptNo: string | null }[];
}

export type ReconciliationEntryKind = 'invoice' | 'credit_note' | 'receipt' | AllocationKind;

/** One line of the reconciliation (对账): a document posted or reversed, or an allocation-ledger row. */
export interface ReconciliationEntry {
  /** The document's id, or the allocation row's id. */
  id: string;
  kind: ReconciliationEntryKind;
  date: string;
  /** A document's reversal (dated its reversal day) or a reversing allocation row. */
  reversal: boolean;
  /** The document's number; for an allocation or refund, the receipt's or credit note's. */
  number: string | null;
  /** The invoice an allocation or write-off applies to. */
  invoiceNo: string | null;
  /** The document's total or the row's amount, as posted. */
  amount: number;
  /** What it adds to what is owed: an allocation only moves money between documents and adds nothing. */
  change: number;
  /** What is owed after this line. */
  balance: number;
  /** An allocation, write-off or refund not reversed yet: it can be undone. */
  undoable: boolean;
  reason: string | null;
}

/** Money of the customer's not yet applied: a receipt's unapplied part or a credit note's open part. */
export interface MoneyToMatch {
  kind: 'receipt' | 'credit_note';
  id: string;
  number: string;
  date: string;
  amount: number;
  unapplied: number;
}

export interface InvoiceToMatch {
  id: string;
  invoiceNo: string;
  invoiceDate: string;
  dueDate: string;
  totalGross: number;
  openAmount: number;
  project: string | null;
  /** Days past due today; 0 when not yet due. */
  daysOverdue: number;
}

export interface Reconciliation {
  customerId: string;
  customerCode: string;
  customerName: string;
  /** Only the invoices and credit notes of this project, and what was applied to them. */
  project: string | null;
  from: string;
  to: string;
  /** What was owed at the end of the day before `from`. */
  openingBalance: number;
  entries: ReconciliationEntry[];
  /** What was owed at the end of `to`. */
  closingBalance: number;
  /** Today's unapplied money and open invoices, side by side for matching. */
  unmatched: MoneyToMatch[];
  openInvoices: InvoiceToMatch[];
  /** The projects the customer's invoices carry, for the filter. */
  projects: string[];
}

/** The receivables part of the customer's 360° view, from the documents behind it. */
export interface CustomerReceivablesSummary extends CustomerReceivables {
  /** Days the oldest overdue invoice is past due, null when nothing is overdue. */
  oldestOverdueDays: number | null;
  creditLimit: number | null;
  /** What is owed, counted against the limit. */
  creditUsed: number;
  /** Null where this version keeps no credit hold. */
  creditHold: boolean;
}

/** A posted delivery with quantities not invoiced yet, priced as 开票 would price them. */
export interface InvoiceableDelivery {
  deliveryId: string;
  deliveryNo: string;
  deliveryDate: string;
  orderNo: string | null;
  net: number;
  tax: number;
  gross: number;
}

/** What 开票 needs to show before posting: the customer's payment terms give the due date. */
export interface InvoiceableDeliveries {
  customerId: string;
  paymentTermsDays: number;
  deliveries: InvoiceableDelivery[];
}

/** What became of one delivery's goods in receivables: what is still to invoice, and the invoices they went on. */
export interface DeliveryInvoicing {
  deliveryId: string;
  /** Gross, priced as 开票 would price it; 0 once everything delivered is invoiced (or the delivery is not posted). */
  toInvoice: number;
  /** Posted invoices with its lines, or with its order's lines when the order was invoiced whole. */
  invoices: { id: string; invoiceNo: string; invoiceDate: string }[];
}

export interface InvoiceableOrderLine {
  salesOrderLineId: string;
  lineNo: number;
  description: string;
  unit: string;
  ordered: number;
  invoiced: number;
  /** Still to invoice; one order may go into several invoices. */
  open: number;
  unitPrice: number;
  discountBp: number;
  vatRate: number;
}

export interface InvoiceableOrder {
  salesOrderId: string;
  orderNo: string | null;
  orderStatus: string;
  customerId: string;
  customerName: string;
  paymentTermsDays: number;
  taxInclusive: boolean;
  lines: InvoiceableOrderLine[];
}

/** A return's credit-note request still waiting for its 红字 credit note. */
/** An invoice a return's credit note may be written against, with what is left to credit on it. */
export interface CreditableInvoice {
  id: string;
  invoiceNo: string;
  invoiceDate: string;
  totalGross: number;
  openAmount: number;
  /** Its amount less the credit notes already against it. */
  creditable: number;
  /** Of the return's order; otherwise another invoice of the customer's. */
  ofOrder: boolean;
}

/** 开红字 against an invoice: the candidates, and the one the returned goods were invoiced on when known. */
export interface CreditableInvoices {
  invoices: CreditableInvoice[];
  invoicedOnId: string | null;
}

export interface OpenCreditNoteRequest {
  id: string;
  salesReturnId: string;
  returnNo: string;
  returnDate: string;
  returnReason: string;
  orderNo: string | null;
  customerId: string;
  customerName: string;
  totalNet: number;
  totalTax: number;
  totalGross: number;
  createdAt: string;
}
