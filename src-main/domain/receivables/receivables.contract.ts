/**
 * The receivables area's API (应收): invoices and credit notes, receipts, allocation, write-offs,
 * refunds, balances and aging. Runtime-neutral; the renderer imports it. Amounts are integer fen.
 */
import { z } from 'zod';
import { method } from '../../api/method';
import { pageFields, type Page } from '../../api/paging';
import { dateField, isoDate, optionalText } from '../customers/customers.rules';
import {
  AGING_DEFAULT_SORT,
  AGING_SORT_FIELDS,
  type AgingReport,
  type Allocation,
  type BankStatementPreview,
  type BankStatementResult,
  type CustomerReceivables,
  type CustomerReceivablesSummary,
  type DeliveryInvoicing,
  DOCUMENT_STATUSES,
  INVOICE_KINDS,
  INVOICE_TYPES,
  type Invoice,
  type InvoiceDetail,
  type InvoiceableDeliveries,
  type InvoiceableOrder,
  type CreditableInvoices,
  type OpenCreditNoteRequest,
  RECEIPT_METHODS,
  REFUND_METHODS,
  type Receipt,
  type SuggestedAllocation,
  type Reconciliation,
} from './receivables.dto';
import { MAX_IMPORT_BYTES } from '../imports/imports.contract';

const id = z.string().uuid('Not a valid id');
const positiveFen = z.number().int('Money is whole fen').min(1, 'More than zero').max(99_999_999_999_999);
const vatRate = z.number().int().min(0).max(10_000);
const reason = z.string().trim().min(1, 'Say why').max(200);

/** What every way of making an invoice shares: its date (default today) and the tax invoice issued outside. */
const invoiceHeader = {
  invoiceDate: dateField,
  invoiceType: z.enum(INVOICE_TYPES).default('ordinary'),
  taxInvoiceNo: optionalText(40),
  taxInvoiceDate: dateField,
  project: optionalText(60),
  notes: optionalText(500),
};

/** ¥1,000,000,000 in fen: above any real service line, and far from where fen × basis points loses precision. */
export const MAX_LINE_AMOUNT = 100_000_000_000;

export const serviceLineInput = z
  .object({
    productId: id.nullable().optional(),
    description: z.string().trim().min(1).max(200),
    quantity: z.number().int().min(1).max(1_000_000_000),
    unit: z.string().trim().min(1).max(10).default('项'),
    unitPrice: z.number().int().min(0).max(99_999_999_999_999),
    discount: z.number().int().min(0).max(99_999_999_999_999).default(0),
    vatRate,
  })
  .strict()
  // quantity × price must stay an exact integer through the tax arithmetic (fen × basis points).
  .superRefine((line, ctx) => {
    if (line.quantity * line.unitPrice > MAX_LINE_AMOUNT) {
      ctx.addIssue({ code: z.ZodIssueCode.too_big, type: 'number', maximum: MAX_LINE_AMOUNT, inclusive: true, path: ['unitPrice'], message: 'The line comes to more than ¥1,000,000,000' });
    }
  });

/** Money comes from a receipt or from a credit note, never both. */
const moneySource = {
  receiptId: id.optional(),
  creditNoteId: id.optional(),
};

/** The invoice list's filters, as a workbench figure's link and the list's URL (`?f=`) carry them. */
export const invoiceListFilters = z
  .object({
    customerId: id.optional(),
    /** The aging's drill-down names the customer by its code. */
    customerCode: z.string().trim().min(1).max(40).optional(),
    kind: z.enum(INVOICE_KINDS).optional(),
    status: z.enum(DOCUMENT_STATUSES).optional(),
    openOnly: z.boolean().default(false),
    /** Due before this day: with openOnly, what is overdue on it. */
    dueBefore: isoDate.optional(),
    /** Typed text: part of the document's number, or of the customer's code or name. */
    q: z.string().trim().max(60).optional(),
  })
  .strict();
export type InvoiceListFilters = z.input<typeof invoiceListFilters>;

export const receiptListFilters = z
  .object({
    customerId: id.optional(),
    unappliedOnly: z.boolean().default(false),
    /** Typed text: part of the receipt's number or bank reference, or of the customer's code or name. */
    q: z.string().trim().max(60).optional(),
  })
  .strict();
export type ReceiptListFilters = z.input<typeof receiptListFilters>;

/** A bank statement as the customer import takes a file: inline (desktop, CLI) or uploaded first (browser). */
const statementFile = z
  .object({
    fileName: z.string().trim().min(1, 'The file name is required').max(255),
    contentBase64: z.string().min(1, 'The file is empty').max(Math.ceil(MAX_IMPORT_BYTES / 3) * 4).optional(),
    uploadId: z.string().regex(/^[A-Za-z0-9_-]{43}$/, 'Not an upload id').optional(),
  })
  .strict();

const statementLine = z
  .object({
    /** The file's line, to name it in errors. */
    line: z.number().int().min(1),
    date: isoDate,
    payer: z.string().trim().max(100).default(''),
    amount: positiveFen,
    reference: optionalText(60),
    memo: optionalText(500),
    customerId: id,
    /** Left out: allocate automatically; empty: keep it all as the customer's credit. */
    allocations: z.array(z.object({ invoiceId: id, amount: positiveFen }).strict()).max(500).optional(),
  })
  .strict();

const reversal = z.object({ id, reversedOn: dateField, reason }).strict();

/** Which customer's reconciliation (对账), over which days, for which project; the file takes it too. */
export const reconciliationQuery = z
  .object({
    customerId: id.optional(),
    /** The aging's drill-down names the customer by its code. */
    customerCode: z.string().trim().min(1).max(40).optional(),
    from: isoDate,
    to: isoDate,
    project: z.string().trim().min(1).max(60).nullable().optional(),
  })
  .strict();

/** A reconciliation names its customer one way or the other, and ends on or after it starts. */
export function oneCustomerOverASpan<S extends z.ZodType<{ customerId?: string | undefined; customerCode?: string | undefined; from: string; to: string }>>(schema: S): z.ZodEffects<z.ZodEffects<S>> {
  return schema
    .refine((input) => input.customerId !== undefined || input.customerCode !== undefined, { path: ['customerId'], message: 'Which customer' })
    .refine((span) => span.to >= span.from, { path: ['to'], message: 'The end comes before the start' }) as z.ZodEffects<z.ZodEffects<S>>;
}

/** The aging on a day (receivables.aging), its customers in the order asked for; the file takes it too. */
export const agingQuery = z
  .object({
    asOf: isoDate,
    sort: z.object({ field: z.enum(AGING_SORT_FIELDS), dir: z.enum(['asc', 'desc']).default('asc') }).strict().default(AGING_DEFAULT_SORT),
  })
  .strict();

export const receivablesContract = {
  'receivables.invoiceDeliveries': method<Invoice>()({
    input: z.object({ deliveryIds: z.array(id).min(1).max(100), ...invoiceHeader }).strict(),
    permission: 'receivables.write',
    mutates: true,
  }),
  'receivables.invoiceOrder': method<Invoice>()({
    input: z
      .object({
        salesOrderId: id,
        /** Left out: everything on the order not invoiced yet. */
        lines: z
          .array(z.object({ salesOrderLineId: id, quantity: z.number().int().min(1).max(1_000_000_000) }).strict())
          .min(1)
          .max(500)
          .optional(),
        ...invoiceHeader,
      })
      .strict(),
    permission: 'receivables.write',
    mutates: true,
  }),
  'receivables.invoiceServices': method<Invoice>()({
    input: z.object({ customerId: id, pricesIncludeTax: z.boolean().default(true), lines: z.array(serviceLineInput).min(1).max(500), ...invoiceHeader }).strict(),
    permission: 'receivables.write',
    mutates: true,
  }),
  'receivables.creditReturn': method<Invoice>()({
    input: z.object({ creditNoteRequestId: id, correctsInvoiceId: id.optional(), ...invoiceHeader }).strict(),
    permission: 'receivables.write',
    mutates: true,
  }),
  'receivables.creditPriceCorrection': method<Invoice>()({
    input: z.object({ correctsInvoiceId: id, amount: positiveFen, vatRate: vatRate.optional(), reason, ...invoiceHeader }).strict(),
    permission: 'receivables.write',
    mutates: true,
  }),
  'receivables.recordTaxInvoice': method<Invoice>()({
    input: z.object({ id, taxInvoiceNo: z.string().trim().min(1).max(40), taxInvoiceDate: isoDate }).strict(),
    permission: 'receivables.write',
    mutates: true,
  }),
  'receivables.reverseInvoice': method<Invoice>()({ input: reversal, permission: 'receivables.write', mutates: true }),
  /** 待开票: a customer's posted deliveries not invoiced yet, priced as posting them would. */
  'receivables.invoiceableDeliveries': method<InvoiceableDeliveries>()({ input: z.object({ customerId: id }).strict(), permission: 'receivables.write', mutates: false }),
  /** A delivery's page: whether anything of it is left to invoice, and the invoices it went on. */
  'receivables.deliveryInvoicing': method<DeliveryInvoicing>()({ input: z.object({ deliveryId: id }).strict(), permission: 'receivables.read', mutates: false }),
  /** An order's lines with what is still to invoice, for invoicing it whole or in part. */
  'receivables.invoiceableOrder': method<InvoiceableOrder>()({ input: z.object({ salesOrderId: id }).strict(), permission: 'receivables.write', mutates: false }),
  /** The invoices a return's credit note may be written against (开红字 against an invoice). */
  'receivables.creditableInvoices': method<CreditableInvoices>()({
    input: z.object({ creditNoteRequestId: id }).strict(),
    permission: 'receivables.write',
    mutates: false,
  }),
  /** 待开红字: returns whose credit-note request waits for its credit note. */
  'receivables.openCreditNoteRequests': method<Page<OpenCreditNoteRequest>>()({
    input: z.object({ customerId: id.optional(), ...pageFields }).strict(),
    permission: 'receivables.write',
    mutates: false,
  }),
  'receivables.getInvoice': method<InvoiceDetail>()({ input: z.object({ id }).strict(), permission: 'receivables.read', mutates: false }),
  'receivables.listInvoices': method<Page<Invoice>>()({
    input: z
      .object({ filters: invoiceListFilters.default({}), ...pageFields })
      .strict(),
    permission: 'receivables.read',
    mutates: false,
  }),

  'receivables.createReceipt': method<{ receipt: Receipt; allocations: Allocation[] }>()({
    input: z
      .object({
        customerId: id,
        receiptDate: isoDate,
        method: z.enum(RECEIPT_METHODS),
        amount: positiveFen,
        bankAccount: optionalText(60),
        reference: optionalText(60),
        billMaturityDate: dateField,
        notes: optionalText(500),
        /** Allocate at once: exact amount first, then oldest due first. */
        autoAllocate: z.boolean().default(true),
      })
      .strict(),
    permission: 'receivables.write',
    mutates: true,
  }),
  'receivables.reverseReceipt': method<Receipt>()({ input: reversal, permission: 'receivables.write', mutates: true }),
  'receivables.getReceipt': method<Receipt>()({ input: z.object({ id }).strict(), permission: 'receivables.read', mutates: false }),
  'receivables.listReceipts': method<Page<Receipt>>()({
    input: z.object({ filters: receiptListFilters.default({}), ...pageFields }).strict(),
    permission: 'receivables.read',
    mutates: false,
  }),

  'receivables.allocate': method<Allocation[]>()({
    input: z
      .object({
        ...moneySource,
        allocations: z.array(z.object({ invoiceId: id, amount: positiveFen }).strict()).min(1).max(500),
        allocationDate: dateField,
      })
      .strict(),
    permission: 'receivables.write',
    mutates: true,
  }),
  'receivables.autoAllocate': method<Allocation[]>()({
    input: z.object({ ...moneySource, allocationDate: dateField }).strict(),
    permission: 'receivables.write',
    mutates: true,
  }),
  'receivables.writeOff': method<Allocation>()({
    input: z.object({ invoiceId: id, amount: positiveFen, reason, date: dateField }).strict(),
    permission: 'receivables.writeOff',
    mutates: true,
  }),
  'receivables.refund': method<Allocation>()({
    input: z.object({ ...moneySource, amount: positiveFen, method: z.enum(REFUND_METHODS), reference: optionalText(60), date: dateField }).strict(),
    permission: 'receivables.write',
    mutates: true,
  }),
  'receivables.reverseAllocation': method<Allocation>()({
    input: z.object({ id, date: dateField, reason }).strict(),
    permission: 'receivables.write',
    mutates: true,
  }),

  /** On the writer: a browser's file waits in the uploads the writer's thread keeps (the customer import's preview does the same). */
  'receivables.previewBankStatement': method<BankStatementPreview>()({ input: statementFile, permission: 'receivables.write', mutates: false, runsOn: 'writer' }),
  'receivables.importBankStatement': method<BankStatementResult>()({
    input: z.object({ bankAccount: optionalText(60), lines: z.array(statementLine).min(1).max(5_000) }).strict(),
    permission: 'receivables.write',
    mutates: true,
  }),
  /** What automatic allocation would give `amount` of the customer's on `date`, for a line whose customer the user changed. */
  'receivables.suggestAllocation': method<SuggestedAllocation[]>()({
    input: z.object({ customerId: id, amount: positiveFen, date: isoDate }).strict(),
    permission: 'receivables.read',
    mutates: false,
  }),

  'receivables.balance': method<CustomerReceivables>()({ input: z.object({ customerId: id }).strict(), permission: 'receivables.read', mutates: false }),
  'receivables.customerSummary': method<CustomerReceivablesSummary>()({ input: z.object({ customerId: id }).strict(), permission: 'receivables.read', mutates: false }),
  'receivables.reconciliation': method<Reconciliation>()({ input: oneCustomerOverASpan(reconciliationQuery), permission: 'receivables.read', mutates: false }),
  'receivables.aging': method<AgingReport>()({ input: agingQuery, permission: 'receivables.read', mutates: false }),
};
