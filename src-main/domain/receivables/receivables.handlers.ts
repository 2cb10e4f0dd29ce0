import type { HandlersFor } from '../area';
import { assertCustomerVisible } from '../customers/customers.scope';
import { agingAsOf } from './aging';
import * as allocation from './allocation.service';
import { customerReceivables, customerReceivablesSummary, listInvoices } from './balances';
import { importBankStatement, previewBankStatement, suggestAllocation } from './bank-statement.service';
import * as sources from './invoice-sources';
import { businessToday, recordTaxInvoice, reverseInvoice } from './invoices.service';
import { createReceipt, findReceipt, listReceipts, reverseReceipt } from './receipts.service';
import { customerIdByCode, reconcile } from './reconciliation';
import type { receivablesContract } from './receivables.contract';
import { findInvoice } from './receivables.repository';

export const receivablesHandlers: HandlersFor<typeof receivablesContract> = {
  'receivables.invoiceDeliveries': (input, ctx) => sources.invoiceDeliveries(ctx, input),
  'receivables.invoiceOrder': (input, ctx) => sources.invoiceOrder(ctx, input),
  'receivables.invoiceServices': (input, ctx) => sources.invoiceServices(ctx, input),
  'receivables.creditReturn': (input, ctx) => sources.creditReturn(ctx, input),
  'receivables.creditPriceCorrection': (input, ctx) => sources.creditPriceCorrection(ctx, input),
  'receivables.recordTaxInvoice': async (input, ctx) => recordTaxInvoice(ctx, input),
  'receivables.reverseInvoice': (input, ctx) => reverseInvoice(ctx, input),
  'receivables.getInvoice': async (input, ctx) => findInvoice(ctx.sqlite, input.id),
  'receivables.listInvoices': (input, ctx) => listInvoices(ctx, { ...input.filters, page: input.page, pageSize: input.pageSize }),

  'receivables.createReceipt': async (input, ctx) => createReceipt(ctx, input),
  'receivables.reverseReceipt': (input, ctx) => reverseReceipt(ctx, input),
  'receivables.getReceipt': async (input, ctx) => findReceipt(ctx.sqlite, input.id),
  'receivables.listReceipts': (input, ctx) => listReceipts(ctx, { ...input.filters, page: input.page, pageSize: input.pageSize }),

  'receivables.allocate': async (input, ctx) =>
    allocation.allocateFrom(ctx, allocation.moneySource(ctx.sqlite, input), input.allocations, input.allocationDate ?? (await businessToday(ctx))),
  'receivables.autoAllocate': async (input, ctx) => allocation.autoAllocate(ctx, allocation.moneySource(ctx.sqlite, input), input.allocationDate ?? (await businessToday(ctx))),
  'receivables.writeOff': async (input, ctx) => allocation.writeOff(ctx, input, input.date ?? (await businessToday(ctx))),
  'receivables.refund': async (input, ctx) => allocation.refund(ctx, allocation.moneySource(ctx.sqlite, input), input, input.date ?? (await businessToday(ctx))),
  'receivables.reverseAllocation': async (input, ctx) => allocation.reverseAllocation(ctx, input, input.date ?? (await businessToday(ctx))),

  'receivables.previewBankStatement': (input, ctx) => previewBankStatement(ctx, input),
  'receivables.importBankStatement': async (input, ctx) => importBankStatement(ctx, input),
  'receivables.suggestAllocation': async (input, ctx) => suggestAllocation(ctx.sqlite, input),

  'receivables.balance': async (input, ctx) => customerReceivables(ctx.sqlite, input.customerId, await businessToday(ctx)),
  'receivables.customerSummary': async (input, ctx) => {
    await assertCustomerVisible(ctx, input.customerId);
    return customerReceivablesSummary(ctx.sqlite, input.customerId, await businessToday(ctx));
  },
  'receivables.reconciliation': async (input, ctx) => {
    const customerId = input.customerId ?? customerIdByCode(ctx.sqlite, input.customerCode!);
    await assertCustomerVisible(ctx, customerId);
    return reconcile(ctx.sqlite, { ...input, customerId }, await businessToday(ctx));
  },
  'receivables.aging': async (input, ctx) => agingAsOf(ctx.sqlite, input.asOf),
};
