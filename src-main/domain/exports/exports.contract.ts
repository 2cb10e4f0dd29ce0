/**
 * The exports area's API: a list as CSV (UTF-8 with BOM, so Excel opens it) or XLSX, every row its
 * query matches, not just the page on screen. Runtime-neutral.
 */
import { z } from 'zod';
import { method } from '../../api/method';
import { jobIdField } from '../../api/paging';
import type { FileAnswer } from '../../api/result';
import { auditContract } from '../audit/audit.contract';
import { LOCALES } from '../auth/auth.contract';
import { priceListItemsQuery, priceListQuery, productListQuery } from '../catalog/catalog.contract';
import { deliveryListInput } from '../deliveries/deliveries.contract';
import { queueFilters } from '../dunning/dunning.contract';
import { quoteListInput } from '../quotes/quotes.contract';
import { returnListInput } from '../returns/returns.contract';
import { listFilters, listSort } from '../customers/customers.contract';
import { leadListInput, leadsContract } from '../leads/leads.contract';
import { purchasingContract } from '../purchasing/purchasing.contract';
import { countListInput, stockMovesInput, stockOverviewInput, transferListInput } from '../stock/stock.contract';
import { orderListQuery } from '../orders/orders.contract';
import { invoiceListFilters, oneCustomerOverASpan, receiptListFilters, receivablesContract, reconciliationQuery } from '../receivables/receivables.contract';
import { statementListFilters } from '../statements/statements.contract';
import { tasksContract } from '../tasks/tasks.contract';
import { usersContract } from '../users/users.contract';

export const EXPORT_FORMATS = ['csv', 'xlsx'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

const fileFields = {
  format: z.enum(EXPORT_FORMATS).default('csv'),
  /**
   * The caller's UI language: headers, labels, dates and times (in the company's zone) as a person
   * reads them on screen. Without it the file is for tools: snake_case headers, codes, UTC
   * timestamps, which is also what the import reads back.
   */
  language: z.enum(LOCALES).optional(),
  jobId: jobIdField,
};

export const exportCustomersInput = z
  .object({
    q: z.string().trim().max(100).optional(),
    filters: listFilters.default({}),
    sort: listSort.default({ field: 'code', dir: 'asc' }),
    /** Exactly these customers (a bulk selection) instead of the query. */
    ids: z.array(z.string().uuid('Not a valid id')).min(1).max(50_000).optional(),
    ...fileFields,
  })
  .strict();

/** The leads list's query (leads.list) without its paging. */
export const exportLeadsInput = leadListInput.omit({ page: true, pageSize: true }).extend(fileFields).strict();

/** The campaigns list's query (leads.listCampaigns) without its paging. */
export const exportCampaignsInput = leadsContract['leads.listCampaigns'].input.omit({ page: true, pageSize: true }).extend(fileFields).strict();

/** The deals list's query (leads.listOpportunities) without its paging. */
export const exportOpportunitiesInput = leadsContract['leads.listOpportunities'].input.omit({ page: true, pageSize: true }).extend(fileFields).strict();

/** The activity log's query (audit.list) without its paging. */
export const exportAuditLogInput = auditContract['audit.list'].input.omit({ page: true, pageSize: true }).extend(fileFields).strict();

/** The security log's query (audit.security) without its paging. */
export const exportSecurityLogInput = auditContract['audit.security'].input.omit({ page: true, pageSize: true }).extend(fileFields).strict();

/** Every backup in the backup folder, newest first. */
export const exportBackupsInput = z.object(fileFields).strict();

/** The product list's query (catalog.list) without its paging. */
export const exportProductsInput = z.object({ ...productListQuery, ...fileFields }).strict();
/** The price lists list's query (catalog.listPriceLists) without its paging. */
export const exportPriceListsInput = z.object({ ...priceListQuery, ...fileFields }).strict();
/** One price list's prices, a quantity break a row, searched as its screen is (catalog.priceListItems). */
export const exportPriceSheetInput = z.object({ ...priceListItemsQuery, ...fileFields }).strict();
/** The sales order list's query (orders.list) without its paging; the lines export takes the lines of those orders. */
export const exportOrdersInput = z.object({ ...orderListQuery, ...fileFields }).strict();

/** The quotations list's query (quotes.list) without its paging. */
export const exportQuotesInput = quoteListInput.omit({ page: true, pageSize: true }).extend(fileFields).strict();
/** The deliveries list's query (deliveries.list) without its paging. */
export const exportDeliveriesInput = deliveryListInput.omit({ page: true, pageSize: true }).extend(fileFields).strict();
/** The sales returns list's query (returns.list) without its paging. */
export const exportReturnsInput = returnListInput.omit({ page: true, pageSize: true }).extend(fileFields).strict();

/** The stock overview's query (stock.overview) without its paging. */
export const exportStockInput = stockOverviewInput.omit({ page: true, pageSize: true, after: true }).extend(fileFields).strict();

/** The stock moves' query (stock.moves) without its paging. */
export const exportStockMovesInput = stockMovesInput.omit({ page: true, pageSize: true, after: true }).extend(fileFields).strict();

/** The count sheets list's query (stock.listCounts) without its paging. */
export const exportStockCountsInput = countListInput.omit({ page: true, pageSize: true }).extend(fileFields).strict();
/** The transfers list's query (stock.listTransfers) without its paging. */
export const exportTransfersInput = transferListInput.omit({ page: true, pageSize: true }).extend(fileFields).strict();

/** The purchase orders list's query (purchasing.listOrders) without its paging. */
export const exportPurchaseOrdersInput = purchasingContract['purchasing.listOrders'].input.omit({ page: true, pageSize: true }).extend(fileFields).strict();

/** The suppliers list's query (purchasing.listSuppliers) without its paging. */
export const exportSuppliersInput = purchasingContract['purchasing.listSuppliers'].input.omit({ page: true, pageSize: true }).extend(fileFields).strict();

/** The invoice list's query (receivables.listInvoices) without its paging. */
export const exportInvoicesInput = z.object({ filters: invoiceListFilters.default({}), ...fileFields }).strict();
/** The receipts list's query (receivables.listReceipts) without its paging. */
export const exportReceiptListInput = z.object({ filters: receiptListFilters.default({}), ...fileFields }).strict();
/** The aging on a day (receivables.aging), a row per customer in the screen's order, and the totals. */
export const exportAgingInput = receivablesContract['receivables.aging'].input.extend(fileFields).strict();
/** One customer's reconciliation (receivables.reconciliation): its ledger between the opening and closing balances. */
export const exportReconciliationInput = oneCustomerOverASpan(reconciliationQuery.extend(fileFields).strict());
/** The reminder queue's query (dunning.queue) without its paging. */
export const exportRemindersInput = z.object({ filters: queueFilters.default({}), ...fileFields }).strict();
/** The credit notes still to post (receivables.openCreditNoteRequests) without its paging. */
export const exportCreditRequestsInput = receivablesContract['receivables.openCreditNoteRequests'].input.omit({ page: true, pageSize: true }).extend(fileFields).strict();
/** The users list's query (users.list) without its paging. */
export const exportUsersInput = usersContract['users.list'].input.omit({ page: true, pageSize: true }).extend(fileFields).strict();
/** The to-do list's query (tasks.list) without its paging. */
export const exportTasksInput = tasksContract['tasks.list'].input.omit({ page: true, pageSize: true }).extend(fileFields).strict();
/** The approval inbox (orders.approvalInbox) has no query of its own: every order waiting for a manager. */
export const exportApprovalInboxInput = z.object({ ...fileFields }).strict();
/** The statements list's query (statements.list) without its paging. */
export const exportStatementsInput = z.object({ filters: statementListFilters.default({}), ...fileFields }).strict();
/** Every posted invoice, receipt or allocation entry: the files the balances and aging are recomputed from. */
export const exportReceivablesInput = z.object({ ...fileFields }).strict();

/** Every voucher export logged (vouchers.exportHistory), newest first. */
export const exportVoucherHistoryInput = z.object({ ...fileFields }).strict();
/** The history of customer imports or of product imports: the file's format and language alone. */
export const exportImportHistoryInput = z.object({ ...fileFields }).strict();

export interface ExportFile extends FileAnswer {
  /** In the UI language when one was given: 客户档案-2026-11-28.xlsx. */
  fileName: string;
  /** Rows written (the header row not counted). */
  rows: number;
}

export const exportsContract = {
  'exports.customers': method<ExportFile>()({ input: exportCustomersInput, permission: 'customers.export', mutates: false }),
  /** Whoever may page through every lead may take them as a file. */
  'exports.leads': method<ExportFile>()({ input: exportLeadsInput, permission: 'leads.read', mutates: false }),
  'exports.opportunities': method<ExportFile>()({ input: exportOpportunitiesInput, permission: 'leads.read', mutates: false }),
  'exports.campaigns': method<ExportFile>()({ input: exportCampaignsInput, permission: 'leads.read', mutates: false }),
  'exports.orders': method<ExportFile>()({ input: exportOrdersInput, permission: 'sales.read', mutates: false }),
  'exports.orderLines': method<ExportFile>()({ input: exportOrdersInput, permission: 'sales.read', mutates: false }),
  'exports.quotes': method<ExportFile>()({ input: exportQuotesInput, permission: 'sales.read', mutates: false }),
  'exports.deliveries': method<ExportFile>()({ input: exportDeliveriesInput, permission: 'deliveries.read', mutates: false }),
  'exports.returns': method<ExportFile>()({ input: exportReturnsInput, permission: 'returns.read', mutates: false }),
  /** Whoever may approve orders may take the orders waiting for it as a file. */
  'exports.approvalInbox': method<ExportFile>()({ input: exportApprovalInboxInput, permission: 'sales.approve', mutates: false }),
  'exports.auditLog': method<ExportFile>()({ input: exportAuditLogInput, permission: 'audit.read', mutates: false }),
  'exports.securityLog': method<ExportFile>()({ input: exportSecurityLogInput, permission: 'audit.security', mutates: false }),
  'exports.users': method<ExportFile>()({ input: exportUsersInput, permission: 'users.manage', mutates: false }),
  'exports.backups': method<ExportFile>()({ input: exportBackupsInput, permission: 'backup.run', mutates: false }),
  /** Whoever may page through the catalog may take it as a file (商品档案). */
  'exports.products': method<ExportFile>()({ input: exportProductsInput, permission: 'catalog.read', mutates: false }),
  'exports.priceLists': method<ExportFile>()({ input: exportPriceListsInput, permission: 'catalog.read', mutates: false }),
  'exports.priceSheet': method<ExportFile>()({ input: exportPriceSheetInput, permission: 'catalog.read', mutates: false }),
  'exports.stock': method<ExportFile>()({ input: exportStockInput, permission: 'stock.read', mutates: false }),
  'exports.stockMoves': method<ExportFile>()({ input: exportStockMovesInput, permission: 'stock.read', mutates: false }),
  'exports.stockCounts': method<ExportFile>()({ input: exportStockCountsInput, permission: 'stock.read', mutates: false }),
  'exports.transfers': method<ExportFile>()({ input: exportTransfersInput, permission: 'stock.read', mutates: false }),
  'exports.purchaseOrders': method<ExportFile>()({ input: exportPurchaseOrdersInput, permission: 'purchasing.read', mutates: false }),
  'exports.suppliers': method<ExportFile>()({ input: exportSuppliersInput, permission: 'purchasing.read', mutates: false }),
  'exports.invoices': method<ExportFile>()({ input: exportInvoicesInput, permission: 'receivables.read', mutates: false }),
  /** The receipts list as it is filtered on screen (收款与核销); `exports.receipts` is every posted receipt for tools. */
  'exports.receiptList': method<ExportFile>()({ input: exportReceiptListInput, permission: 'receivables.read', mutates: false }),
  'exports.aging': method<ExportFile>()({ input: exportAgingInput, permission: 'receivables.read', mutates: false }),
  'exports.reconciliation': method<ExportFile>()({ input: exportReconciliationInput, permission: 'receivables.read', mutates: false }),
  /** As the panel it is taken from: whoever posts credit notes. */
  'exports.creditRequests': method<ExportFile>()({ input: exportCreditRequestsInput, permission: 'receivables.write', mutates: false }),
  'exports.reminders': method<ExportFile>()({ input: exportRemindersInput, permission: 'dunning.read', mutates: false }),
  'exports.postedInvoices': method<ExportFile>()({ input: exportReceivablesInput, permission: 'receivables.read', mutates: false }),
  'exports.receipts': method<ExportFile>()({ input: exportReceivablesInput, permission: 'receivables.read', mutates: false }),
  'exports.allocations': method<ExportFile>()({ input: exportReceivablesInput, permission: 'receivables.read', mutates: false }),
  'exports.voucherHistory': method<ExportFile>()({ input: exportVoucherHistoryInput, permission: 'vouchers.read', mutates: false }),
  'exports.customerImports': method<ExportFile>()({ input: exportImportHistoryInput, permission: 'customers.import', mutates: false }),
  'exports.productImports': method<ExportFile>()({ input: exportImportHistoryInput, permission: 'catalog.write', mutates: false }),
  /** Everyone's to-dos only for whoever manages tasks (FORBIDDEN otherwise, as the list). */
  'exports.tasks': method<ExportFile>()({ input: exportTasksInput, permission: 'tasks.read', mutates: false }),
  'exports.statements': method<ExportFile>()({ input: exportStatementsInput, permission: 'statements.read', mutates: false }),
};
