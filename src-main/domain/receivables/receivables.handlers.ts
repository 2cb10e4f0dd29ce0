import type { HandlersFor } from '../area';
import { assertCustomersVisible, assertCustomerVisible, assertDocumentVisible } from '../customers/customers.scope';
import type { HandlerContext } from '../context';
import { reviewCreditHold } from '../dunning/credit-hold';
import { agingAsOf } from './aging';
import * as allocation from './allocation.service';
import { customerReceivables, customerReceivablesSummary, listInvoices } from './balances';
import { importBankStatement, previewBankStatement, suggestAllocation } from './bank-statement.service';
import * as sources from './invoice-sources';
import { creditableInvoices, deliveryInvoicing, invoiceableDeliveries, invoiceableOrder, openCreditNoteRequests } from './invoiceable';
import { businessToday, recordTaxInvoice, reverseInvoice } from './invoices.service';
import { createReceipt, findReceipt, listReceipts, reverseReceipt } from './receipts.service';
import { customerIdByCode, reconcile } from './reconciliation';
import type { receivablesContract } from './receivables.contract';
import { findInvoice, invoiceDetail } from './receivables.repository';

/** Every posting may change what is overdue, so the customer's credit hold follows in the same transaction. */
async function reviewingHold<T extends { customerId: string } | { customerId: string }[]>(ctx: HandlerContext, posted: T): Promise<T> {
  const today = await businessToday(ctx);
  const documents: { customerId: string }[] = Array.isArray(posted) ? posted : [posted as { customerId: string }];
  const customers = documents.map((p) => p.customerId);
  for (const customerId of new Set(customers)) reviewCreditHold(ctx, customerId, today);
  return posted;
}

/** The tables a receivables write names its customer through, and what NOT_FOUND calls them. */
const DOCUMENTS = {
  deliveries: 'Delivery',
  sales_orders: 'Order',
  credit_note_requests: 'Credit note request',
  invoices: 'Invoice',
  receipts: 'Receipt',
  receivable_allocations: 'Allocation',
} as const;

/**
 * A write on documents of a customer outside the caller's data scope answers NOT_FOUND, as reading
 * them does (a manager kept to a team cannot post, allocate or reverse for another team's customer).
 * A document that does not exist is left to the service, which names it.
 */
async function assertDocumentsVisible(ctx: HandlerContext, table: keyof typeof DOCUMENTS, ids: (string | undefined)[]): Promise<void> {
  const named = ids.filter((id): id is string => !!id);
  if (named.length === 0 || (await ctx.dataScope()).all) return;
  const rows = ctx.sqlite.prepare(`SELECT id, customer_id FROM ${table} WHERE id IN (${named.map(() => '?').join(', ')})`).all(...named) as { id: string; customer_id: string }[];
  for (const row of rows) await assertDocumentVisible(ctx, DOCUMENTS[table], row.id, row.customer_id);
}

const moneySourceVisible = (ctx: HandlerContext, input: { receiptId?: string | undefined; creditNoteId?: string | undefined }) =>
  Promise.all([assertDocumentsVisible(ctx, 'receipts', [input.receiptId]), assertDocumentsVisible(ctx, 'invoices', [input.creditNoteId])]);

export const receivablesHandlers: HandlersFor<typeof receivablesContract> = {
  'receivables.invoiceDeliveries': async (input, ctx) => {
    await assertDocumentsVisible(ctx, 'deliveries', input.deliveryIds);
    return reviewingHold(ctx, await sources.invoiceDeliveries(ctx, input));
  },
  'receivables.invoiceOrder': async (input, ctx) => {
    await assertDocumentsVisible(ctx, 'sales_orders', [input.salesOrderId]);
    return reviewingHold(ctx, await sources.invoiceOrder(ctx, input));
  },
  'receivables.invoiceServices': async (input, ctx) => {
    await assertCustomerVisible(ctx, input.customerId);
    return reviewingHold(ctx, await sources.invoiceServices(ctx, input));
  },
  'receivables.creditReturn': async (input, ctx) => {
    await assertDocumentsVisible(ctx, 'credit_note_requests', [input.creditNoteRequestId]);
    await assertDocumentsVisible(ctx, 'invoices', [input.correctsInvoiceId]);
    return reviewingHold(ctx, await sources.creditReturn(ctx, input));
  },
  'receivables.creditPriceCorrection': async (input, ctx) => {
    await assertDocumentsVisible(ctx, 'invoices', [input.correctsInvoiceId]);
    return reviewingHold(ctx, await sources.creditPriceCorrection(ctx, input));
  },
  'receivables.recordTaxInvoice': async (input, ctx) => (await assertDocumentsVisible(ctx, 'invoices', [input.id]), recordTaxInvoice(ctx, input)),
  'receivables.reverseInvoice': async (input, ctx) => {
    await assertDocumentsVisible(ctx, 'invoices', [input.id]);
    return reviewingHold(ctx, await reverseInvoice(ctx, input));
  },
  'receivables.invoiceableDeliveries': async (input, ctx) => (await assertCustomerVisible(ctx, input.customerId), invoiceableDeliveries(ctx.sqlite, input.customerId)),
  'receivables.deliveryInvoicing': async (input, ctx) => (await assertDocumentsVisible(ctx, 'deliveries', [input.deliveryId]), deliveryInvoicing(ctx.sqlite, input.deliveryId)),
  'receivables.invoiceableOrder': async (input, ctx) => (await assertDocumentsVisible(ctx, 'sales_orders', [input.salesOrderId]), invoiceableOrder(ctx.sqlite, input.salesOrderId)),
  'receivables.openCreditNoteRequests': async (input, ctx) => (input.customerId && (await assertCustomerVisible(ctx, input.customerId)), openCreditNoteRequests(ctx.sqlite, input, await ctx.dataScope())),
  'receivables.creditableInvoices': async (input, ctx) => (await assertDocumentsVisible(ctx, 'credit_note_requests', [input.creditNoteRequestId]), creditableInvoices(ctx.sqlite, input.creditNoteRequestId)),
  'receivables.getInvoice': async (input, ctx) => {
    const invoice = findInvoice(ctx.sqlite, input.id);
    await assertDocumentVisible(ctx, 'Invoice', input.id, invoice.customerId);
    return invoiceDetail(ctx.sqlite, invoice);
  },
  'receivables.listInvoices': (input, ctx) => listInvoices(ctx, { ...input.filters, page: input.page, pageSize: input.pageSize }),

  'receivables.createReceipt': async (input, ctx) => {
    await assertCustomerVisible(ctx, input.customerId);
    const posted = createReceipt(ctx, input);
    await reviewingHold(ctx, posted.receipt);
    return posted;
  },
  'receivables.reverseReceipt': async (input, ctx) => {
    await assertDocumentsVisible(ctx, 'receipts', [input.id]);
    return reviewingHold(ctx, await reverseReceipt(ctx, input));
  },
  'receivables.getReceipt': async (input, ctx) => {
    const receipt = findReceipt(ctx.sqlite, input.id);
    await assertDocumentVisible(ctx, 'Receipt', input.id, receipt.customerId);
    return receipt;
  },
  'receivables.listReceipts': (input, ctx) => listReceipts(ctx, { ...input.filters, page: input.page, pageSize: input.pageSize }),

  'receivables.allocate': async (input, ctx) => {
    await moneySourceVisible(ctx, input);
    await assertDocumentsVisible(ctx, 'invoices', input.allocations.map((a) => a.invoiceId));
    return reviewingHold(ctx, allocation.allocateFrom(ctx, allocation.moneySource(ctx.sqlite, input), input.allocations, input.allocationDate ?? (await businessToday(ctx))));
  },
  'receivables.autoAllocate': async (input, ctx) => {
    await moneySourceVisible(ctx, input);
    return reviewingHold(ctx, allocation.autoAllocate(ctx, allocation.moneySource(ctx.sqlite, input), input.allocationDate ?? (await businessToday(ctx))));
  },
  'receivables.writeOff': async (input, ctx) => {
    await assertDocumentsVisible(ctx, 'invoices', [input.invoiceId]);
    return reviewingHold(ctx, allocation.writeOff(ctx, input, input.date ?? (await businessToday(ctx))));
  },
  'receivables.refund': async (input, ctx) => {
    await moneySourceVisible(ctx, input);
    return reviewingHold(ctx, allocation.refund(ctx, allocation.moneySource(ctx.sqlite, input), input, input.date ?? (await businessToday(ctx))));
  },
  'receivables.reverseAllocation': async (input, ctx) => {
    await assertDocumentsVisible(ctx, 'receivable_allocations', [input.id]);
    return reviewingHold(ctx, allocation.reverseAllocation(ctx, input, input.date ?? (await businessToday(ctx))));
  },

  'receivables.previewBankStatement': (input, ctx) => previewBankStatement(ctx, input),
  'receivables.importBankStatement': async (input, ctx) => {
    await assertCustomersVisible(ctx, [...new Set(input.lines.map((l) => l.customerId))]);
    await assertDocumentsVisible(ctx, 'invoices', input.lines.flatMap((l) => (l.allocations ?? []).map((a) => a.invoiceId)));
    return importBankStatement(ctx, input);
  },
  'receivables.suggestAllocation': async (input, ctx) => suggestAllocation(ctx.sqlite, input),

  'receivables.balance': async (input, ctx) => (await assertCustomerVisible(ctx, input.customerId), customerReceivables(ctx.sqlite, input.customerId, await businessToday(ctx))),
  'receivables.customerSummary': async (input, ctx) => {
    await assertCustomerVisible(ctx, input.customerId);
    return customerReceivablesSummary(ctx.sqlite, input.customerId, await businessToday(ctx));
  },
  'receivables.reconciliation': async (input, ctx) => {
    const customerId = input.customerId ?? customerIdByCode(ctx.sqlite, input.customerCode!);
    await assertCustomerVisible(ctx, customerId);
    return reconcile(ctx.sqlite, { ...input, customerId }, await businessToday(ctx));
  },
  'receivables.aging': async (input, ctx) => agingAsOf(ctx.sqlite, input.asOf, await ctx.dataScope(), input.sort),
};
