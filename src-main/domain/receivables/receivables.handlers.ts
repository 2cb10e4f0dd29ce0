import type { HandlersFor } from '../area';
import { assertCustomerVisible, assertDocumentVisible } from '../customers/customers.scope';
import type { HandlerContext } from '../context';
import { reviewCreditHold } from '../dunning/credit-hold';
import { agingAsOf } from './aging';
import * as allocation from './allocation.service';
import { customerReceivables, customerReceivablesSummary, listInvoices } from './balances';
import { importBankStatement, previewBankStatement, suggestAllocation } from './bank-statement.service';
import * as sources from './invoice-sources';
import { invoiceableDeliveries, invoiceableOrder, openCreditNoteRequests } from './invoiceable';
import { businessToday, recordTaxInvoice, reverseInvoice } from './invoices.service';
import { createReceipt, findReceipt, listReceipts, reverseReceipt } from './receipts.service';
import { customerIdByCode, reconcile } from './reconciliation';
import type { receivablesContract } from './receivables.contract';
import { findInvoice } from './receivables.repository';

/** Every posting may change what is overdue, so the customer's credit hold follows in the same transaction. */
async function reviewingHold<T extends { customerId: string } | { customerId: string }[]>(ctx: HandlerContext, posted: T): Promise<T> {
  const today = await businessToday(ctx);
  const documents: { customerId: string }[] = Array.isArray(posted) ? posted : [posted as { customerId: string }];
  const customers = documents.map((p) => p.customerId);
  for (const customerId of new Set(customers)) reviewCreditHold(ctx, customerId, today);
  return posted;
}

export const receivablesHandlers: HandlersFor<typeof receivablesContract> = {
  'receivables.invoiceDeliveries': async (input, ctx) => reviewingHold(ctx, await sources.invoiceDeliveries(ctx, input)),
  'receivables.invoiceOrder': async (input, ctx) => reviewingHold(ctx, await sources.invoiceOrder(ctx, input)),
  'receivables.invoiceServices': async (input, ctx) => reviewingHold(ctx, await sources.invoiceServices(ctx, input)),
  'receivables.creditReturn': async (input, ctx) => reviewingHold(ctx, await sources.creditReturn(ctx, input)),
  'receivables.creditPriceCorrection': async (input, ctx) => reviewingHold(ctx, await sources.creditPriceCorrection(ctx, input)),
  'receivables.recordTaxInvoice': async (input, ctx) => recordTaxInvoice(ctx, input),
  'receivables.reverseInvoice': async (input, ctx) => reviewingHold(ctx, await reverseInvoice(ctx, input)),
  'receivables.invoiceableDeliveries': async (input, ctx) => invoiceableDeliveries(ctx.sqlite, input.customerId),
  'receivables.invoiceableOrder': async (input, ctx) => invoiceableOrder(ctx.sqlite, input.salesOrderId),
  'receivables.openCreditNoteRequests': async (input, ctx) => openCreditNoteRequests(ctx.sqlite, input),
  'receivables.getInvoice': async (input, ctx) => {
    const invoice = findInvoice(ctx.sqlite, input.id);
    await assertDocumentVisible(ctx, 'Invoice', input.id, invoice.customerId);
    return invoice;
  },
  'receivables.listInvoices': (input, ctx) => listInvoices(ctx, { ...input.filters, page: input.page, pageSize: input.pageSize }),

  'receivables.createReceipt': async (input, ctx) => {
    const posted = createReceipt(ctx, input);
    await reviewingHold(ctx, posted.receipt);
    return posted;
  },
  'receivables.reverseReceipt': async (input, ctx) => reviewingHold(ctx, await reverseReceipt(ctx, input)),
  'receivables.getReceipt': async (input, ctx) => {
    const receipt = findReceipt(ctx.sqlite, input.id);
    await assertDocumentVisible(ctx, 'Receipt', input.id, receipt.customerId);
    return receipt;
  },
  'receivables.listReceipts': (input, ctx) => listReceipts(ctx, { ...input.filters, page: input.page, pageSize: input.pageSize }),

  'receivables.allocate': async (input, ctx) =>
    reviewingHold(ctx, allocation.allocateFrom(ctx, allocation.moneySource(ctx.sqlite, input), input.allocations, input.allocationDate ?? (await businessToday(ctx)))),
  'receivables.autoAllocate': async (input, ctx) =>
    reviewingHold(ctx, allocation.autoAllocate(ctx, allocation.moneySource(ctx.sqlite, input), input.allocationDate ?? (await businessToday(ctx)))),
  'receivables.writeOff': async (input, ctx) => reviewingHold(ctx, allocation.writeOff(ctx, input, input.date ?? (await businessToday(ctx)))),
  'receivables.refund': async (input, ctx) => reviewingHold(ctx, allocation.refund(ctx, allocation.moneySource(ctx.sqlite, input), input, input.date ?? (await businessToday(ctx)))),
  'receivables.reverseAllocation': async (input, ctx) => reviewingHold(ctx, allocation.reverseAllocation(ctx, input, input.date ?? (await businessToday(ctx)))),

  'receivables.previewBankStatement': (input, ctx) => previewBankStatement(ctx, input),
  'receivables.importBankStatement': async (input, ctx) => importBankStatement(ctx, input),
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
  'receivables.aging': async (input, ctx) => agingAsOf(ctx.sqlite, input.asOf, await ctx.dataScope()),
};
