/**
 * One export path for every table: an area's table (its `<area>.export.ts`) and a source of its
 * rows (through the area's public service) become a CSV or XLSX file, with progress events and
 * cancellation between batches. Adding a table is declaring its columns and a row source here.
 */
import type { z } from 'zod';
import type { HandlerContext } from '../context';
import { AppError } from '../../api/errors';
import { fieldIssue } from '../../api/issues';
import type { Page } from '../../api/paging';
import { auditExportTable } from '../audit/audit.export';
import { listAudit } from '../audit/audit.service';
import { listSecurityLog } from '../audit/security-log';
import { securityLogExportTable } from '../audit/security-log.export';
import { backupExportTable } from '../backup/backup.export';
import { listBackups } from '../backup/backup.service';
import { priceListExportTable, priceSheetExportTable, productExportTable } from '../catalog/catalog.export';
import { getPriceList, listPriceLists, priceSheetRows } from '../catalog/catalog.prices';
import { listProducts } from '../catalog/catalog.service';
import { customerExportTable } from '../customers/customers.export';
import { deliveryExportTable } from '../deliveries/deliveries.export';
import { reminderExportTable } from '../dunning/dunning.export';
import { reminderQueue } from '../dunning/dunning.reminders';
import { listDeliveries } from '../deliveries/deliveries.read';
import { customerExportRows } from '../customers/customers.export-rows';
import { assertCustomersVisible, assertCustomerVisible } from '../customers/customers.scope';
import { toFieldDef } from '../customers/customers.fields';
import { listFieldDefs } from '../customers/customers.repository';
import { listCampaigns } from '../leads/campaigns.service';
import { campaignExportTable, leadExportTable, opportunityExportTable } from '../leads/leads.export';
import { listOpportunities } from '../leads/opportunities.service';
import { listLeads } from '../leads/leads.service';
import { purchaseOrderExportTable, supplierExportTable } from '../purchasing/purchasing.export';
import { listOrders } from '../purchasing/purchasing.orders';
import { listSuppliers } from '../purchasing/purchasing.suppliers';
import { companyFacts } from '../orders/orders.editing';
import { approvalInbox } from '../orders/orders.decisions';
import { approvalInboxExportTable, orderExportTable, orderLineExportTable } from '../orders/orders.export';
import { orderLineExportRows } from '../orders/orders.export-rows';
import { orderPages } from '../orders/orders.list';
import { assertOrderVisible } from '../orders/orders.scope';
import { quoteExportTable } from '../quotes/quotes.export';
import { listQuotes } from '../quotes/quotes.read';
import { returnExportTable } from '../returns/returns.export';
import { listReturns } from '../returns/returns.read';
import { listInvoices } from '../receivables/balances';
import { allocationExportTable, creditRequestExportTable, invoiceExportTable, postedInvoiceExportTable, receiptExportTable, receiptListExportTable } from '../receivables/receivables.export';
import { listReceipts } from '../receivables/receipts.service';
import { openCreditNoteRequests } from '../receivables/invoiceable';
import { agingAsOf } from '../receivables/aging';
import { agingExportRows, agingExportTable } from '../receivables/aging.export';
import { customerIdByCode, reconcile } from '../receivables/reconciliation';
import { reconciliationExportRows, reconciliationExportTable } from '../receivables/reconciliation.export';
import { businessToday } from '../receivables/invoices.service';
import { getSettings } from '../settings/settings.service';
import { statementExportTable } from '../statements/statements.export';
import { taskExportTable } from '../tasks/tasks.export';
import { userExportTable, type UserExportRow } from '../users/users.export';
import { listUsers } from '../users/users.service';
import { listTasks } from '../tasks/tasks.service';
import { listStatements } from '../statements/statements.service';
import { allocationExportRows, invoiceExportRows, receiptExportRows } from '../receivables/receivables.export-rows';
import { stockCountExportTable, stockMovesExportTable, stockExportTable, transferExportTable } from '../stock/stock.export';
import { listCounts } from '../stock/stock.counts';
import { listTransfers } from '../stock/stock.transfers';
import type { MoveCursor, MoveRow, StockCursor, StockRow } from '../stock/stock.dto';
import { listMoves } from '../stock/stock.history';
import { stockOverview } from '../stock/stock.overview';
import { businessDateIn } from '../core/dates';
import { exportHistory } from '../vouchers/voucher-files.service';
import { voucherExportHistoryTable } from '../vouchers/vouchers.export';
import { customerImportHistoryTable, productImportHistoryTable } from '../imports/imports.export';
import { productImportHistory } from '../catalog/catalog.import-undo';
import { customerImportHistory } from '../imports/imports.undo';
import type {
  ExportFile,
  ExportFormat,
  exportAgingInput,
  exportApprovalInboxInput,
  exportAuditLogInput,
  exportBackupsInput,
  exportCampaignsInput,
  exportCreditRequestsInput,
  exportCustomersInput,
  exportDeliveriesInput,
  exportInvoicesInput,
  exportLeadsInput,
  exportOpportunitiesInput,
  exportOrdersInput,
  exportPriceListsInput,
  exportPriceSheetInput,
  exportProductsInput,
  exportQuotesInput,
  exportReturnsInput,
  exportSecurityLogInput,
  exportPurchaseOrdersInput,
  exportReceiptListInput,
  exportReconciliationInput,
  exportReceivablesInput,
  exportRemindersInput,
  exportStockInput,
  exportStatementsInput,
  exportStockCountsInput,
  exportStockMovesInput,
  exportSuppliersInput,
  exportTasksInput,
  exportUsersInput,
  exportTransfersInput,
  exportVoucherHistoryInput,
  exportImportHistoryInput,
} from './exports.contract';
import { betweenExportBatches, writeExportFile } from './exports.file';
import type { ExportLanguage, ExportTable } from './exports.table';

/** Rows in the list's order, in batches, each saying how many there are in all. */
export type RowSource<Row> = AsyncIterable<{ rows: Row[]; total: number }>;

const PAGE = 1000;
/** Excel shows at most 1,048,576 rows, the header included. */
const MAX_ROWS = 1_048_575;

/** A paged list query read page by page. */
async function* pages<Row>(fetchPage: (page: number, pageSize: number) => Promise<Page<Row>>): RowSource<Row> {
  for (let page = 1; ; page++) {
    const result = await fetchPage(page, PAGE);
    yield result;
    if (result.rows.length < PAGE) return;
  }
}

export async function exportTable<Row>(
  table: ExportTable<Row>,
  source: RowSource<Row>,
  input: { format: ExportFormat; language?: ExportLanguage | undefined },
  ctx: HandlerContext,
): Promise<ExportFile> {
  const { timeZone } = await getSettings(ctx.db);
  async function* batches() {
    let done = 0;
    for await (const { rows, total } of source) {
      if (total > MAX_ROWS) {
        throw new AppError('VALIDATION', `${total} rows are more than one Excel sheet holds (${MAX_ROWS}); narrow the list first`, [
          fieldIssue('', 'too_many_rows', { max: MAX_ROWS }),
        ]);
      }
      yield rows;
      done += rows.length;
      await betweenExportBatches(ctx, done, total);
    }
  }
  const language = input.language ?? null;
  const file = await writeExportFile(input.format, table, batches(), { language, timeZone });
  const stem = language ? table.name[language] : table.name.machine;
  return { fileName: `${stem}-${businessDateIn(timeZone)}.${input.format}`, content: file.bytes, rows: file.rows };
}

export async function exportCustomers(input: z.output<typeof exportCustomersInput>, ctx: HandlerContext): Promise<ExportFile> {
  const table = customerExportTable((await listFieldDefs(ctx.db, false)).map(toFieldDef));
  if (input.ids) await assertCustomersVisible(ctx, input.ids);
  return exportTable(table, customerExportRows(ctx.db, ctx.sqlite, input, await ctx.dataScope()), input, ctx);
}

export async function exportLeads(input: z.output<typeof exportLeadsInput>, ctx: HandlerContext): Promise<ExportFile> {
  const scope = await ctx.dataScope();
  return exportTable(leadExportTable, pages((page, pageSize) => listLeads(ctx.db, { ...input, page, pageSize }, scope)), input, ctx);
}

/** Deals in the reader's scope, as the list pages them (a customer's deals tab passes its customer). */
export async function exportOpportunities(input: z.output<typeof exportOpportunitiesInput>, ctx: HandlerContext): Promise<ExportFile> {
  if (input.filters.customerId) await assertCustomerVisible(ctx, input.filters.customerId);
  const scope = await ctx.dataScope();
  return exportTable(opportunityExportTable, pages((page, pageSize) => listOpportunities(ctx.db, { ...input, page, pageSize }, scope)), input, ctx);
}

export function exportCampaigns(input: z.output<typeof exportCampaignsInput>, ctx: HandlerContext): Promise<ExportFile> {
  return exportTable(campaignExportTable, pages((page, pageSize) => listCampaigns(ctx.db, { ...input, page, pageSize })), input, ctx);
}

export async function exportAuditLog(input: z.output<typeof exportAuditLogInput>, ctx: HandlerContext): Promise<ExportFile> {
  const { timeZone } = await getSettings(ctx.db);
  return exportTable(auditExportTable(input.language ?? null, timeZone), pages((page, pageSize) => listAudit(ctx.db, { ...input, page, pageSize }, { everyChange: true })), input, ctx);
}

export function exportSecurityLog(input: z.output<typeof exportSecurityLogInput>, ctx: HandlerContext): Promise<ExportFile> {
  return exportTable(securityLogExportTable, pages((page, pageSize) => listSecurityLog(ctx.db, { ...input, page, pageSize })), input, ctx);
}

/** `dbFile` finds the backup folder: the one set in the app, or the default beside the database. */
export function exportBackups(input: z.output<typeof exportBackupsInput>, ctx: HandlerContext, dbFile: string): Promise<ExportFile> {
  return exportTable(backupExportTable, pages((page, pageSize) => listBackups(ctx, dbFile, { page, pageSize })), input, ctx);
}

export function exportProducts(input: z.output<typeof exportProductsInput>, ctx: HandlerContext): Promise<ExportFile> {
  return exportTable(productExportTable, pages((page, pageSize) => listProducts(ctx.db, { ...input, page, pageSize })), input, ctx);
}

/** A keyset-paged list read page by page: deep pages of stock and moves never use OFFSET. */
async function* keysetPages<Row, Cursor>(fetchPage: (after: Cursor | undefined, pageSize: number) => Promise<{ rows: Row[]; total: number; next: Cursor | null }>): RowSource<Row> {
  let after: Cursor | undefined;
  for (;;) {
    const result = await fetchPage(after, PAGE);
    yield result;
    if (!result.next || result.rows.length === 0) return;
    after = result.next;
  }
}

export function exportPriceLists(input: z.output<typeof exportPriceListsInput>, ctx: HandlerContext): Promise<ExportFile> {
  return exportTable(priceListExportTable, pages((page, pageSize) => listPriceLists(ctx.db, { ...input, page, pageSize })), input, ctx);
}

export async function exportPriceSheet(input: z.output<typeof exportPriceSheetInput>, ctx: HandlerContext): Promise<ExportFile> {
  const list = await getPriceList(ctx.db, input.priceListId);
  return exportTable(priceSheetExportTable(list), priceSheetRows(ctx.db, input, PAGE), input, ctx);
}

export function exportStock(input: z.output<typeof exportStockInput>, ctx: HandlerContext): Promise<ExportFile> {
  const source = keysetPages<StockRow, StockCursor>((after, pageSize) => stockOverview(ctx.db, { ...input, page: 1, pageSize, ...(after ? { after } : {}) }));
  return exportTable(stockExportTable, source, input, ctx);
}

export function exportStockMoves(input: z.output<typeof exportStockMovesInput>, ctx: HandlerContext): Promise<ExportFile> {
  const source = keysetPages<MoveRow, MoveCursor>((after, pageSize) => listMoves(ctx.db, { ...input, page: 1, pageSize, ...(after ? { after } : {}) }));
  return exportTable(stockMovesExportTable, source, input, ctx);
}

export function exportStockCounts(input: z.output<typeof exportStockCountsInput>, ctx: HandlerContext): Promise<ExportFile> {
  return exportTable(stockCountExportTable, pages((page, pageSize) => listCounts(ctx.db, { ...input, page, pageSize })), input, ctx);
}

export function exportTransfers(input: z.output<typeof exportTransfersInput>, ctx: HandlerContext): Promise<ExportFile> {
  return exportTable(transferExportTable, pages((page, pageSize) => listTransfers(ctx.db, { ...input, page, pageSize })), input, ctx);
}

export function exportPurchaseOrders(input: z.output<typeof exportPurchaseOrdersInput>, ctx: HandlerContext): Promise<ExportFile> {
  return exportTable(purchaseOrderExportTable, pages((page, pageSize) => listOrders(ctx.db, { ...input, page, pageSize })), input, ctx);
}

export function exportSuppliers(input: z.output<typeof exportSuppliersInput>, ctx: HandlerContext): Promise<ExportFile> {
  return exportTable(supplierExportTable, pages((page, pageSize) => listSuppliers(ctx.db, { ...input, page, pageSize })), input, ctx);
}

export async function exportOrders(input: z.output<typeof exportOrdersInput>, ctx: HandlerContext): Promise<ExportFile> {
  return exportTable(orderExportTable, orderPages(ctx.db, input, companyFacts(ctx.sqlite).today, await ctx.dataScope()), input, ctx);
}

export async function exportOrderLines(input: z.output<typeof exportOrdersInput>, ctx: HandlerContext): Promise<ExportFile> {
  return exportTable(orderLineExportTable, orderLineExportRows(ctx.db, input, companyFacts(ctx.sqlite).today, await ctx.dataScope()), input, ctx);
}

export async function exportQuotes(input: z.output<typeof exportQuotesInput>, ctx: HandlerContext): Promise<ExportFile> {
  const scope = await ctx.dataScope();
  return exportTable(quoteExportTable, pages(async (page, pageSize) => listQuotes(ctx.sqlite, { ...input, page, pageSize }, scope)), input, ctx);
}

/** As the list answers: the deliveries of one order only when the caller may see that order. */
export async function exportDeliveries(input: z.output<typeof exportDeliveriesInput>, ctx: HandlerContext): Promise<ExportFile> {
  if (input.salesOrderId) await assertOrderVisible(ctx, input.salesOrderId);
  const scope = await ctx.dataScope();
  return exportTable(deliveryExportTable, pages(async (page, pageSize) => listDeliveries(ctx.sqlite, { ...input, page, pageSize }, scope)), input, ctx);
}

export async function exportReturns(input: z.output<typeof exportReturnsInput>, ctx: HandlerContext): Promise<ExportFile> {
  if (input.salesOrderId) await assertOrderVisible(ctx, input.salesOrderId);
  const scope = await ctx.dataScope();
  return exportTable(returnExportTable, pages(async (page, pageSize) => listReturns(ctx.sqlite, { ...input, page, pageSize }, scope)), input, ctx);
}

/** The orders waiting for a manager, in the inbox's order, their reasons worded in the file's language. */
export function exportApprovalInbox(input: z.output<typeof exportApprovalInboxInput>, ctx: HandlerContext): Promise<ExportFile> {
  return exportTable(approvalInboxExportTable(input.language ?? null), pages((page, pageSize) => approvalInbox(ctx, { page, pageSize })), input, ctx);
}

export function exportInvoices(input: z.output<typeof exportInvoicesInput>, ctx: HandlerContext): Promise<ExportFile> {
  return exportTable(invoiceExportTable, pages((page, pageSize) => listInvoices(ctx, { ...input.filters, page, pageSize })), input, ctx);
}

export function exportReceiptList(input: z.output<typeof exportReceiptListInput>, ctx: HandlerContext): Promise<ExportFile> {
  return exportTable(receiptListExportTable, pages((page, pageSize) => listReceipts(ctx, { ...input.filters, page, pageSize })), input, ctx);
}

/** A report read whole (a row per customer, a line per posting): one batch. */
async function* whole<Row>(rows: Row[]): RowSource<Row> {
  yield { rows, total: rows.length };
}

/** The aging as the screen shows it, in the reader's scope and the screen's order, the totals closing a person's file. */
export async function exportAging(input: z.output<typeof exportAgingInput>, ctx: HandlerContext): Promise<ExportFile> {
  const report = agingAsOf(ctx.sqlite, input.asOf, await ctx.dataScope(), input.sort);
  return exportTable(agingExportTable, whole(agingExportRows(report, input.language ?? null)), input, ctx);
}

/** One customer's reconciliation, as the screen shows its ledger; a customer out of the reader's scope is not found. */
export async function exportReconciliation(input: z.output<typeof exportReconciliationInput>, ctx: HandlerContext): Promise<ExportFile> {
  const customerId = input.customerId ?? customerIdByCode(ctx.sqlite, input.customerCode!);
  await assertCustomerVisible(ctx, customerId);
  const report = reconcile(ctx.sqlite, { ...input, customerId }, await businessToday(ctx));
  return exportTable(reconciliationExportTable, whole(reconciliationExportRows(report)), input, ctx);
}

/** The returns waiting for a credit note, in the reader's scope, as the 待开红字 panel lists them. */
export async function exportCreditRequests(input: z.output<typeof exportCreditRequestsInput>, ctx: HandlerContext): Promise<ExportFile> {
  if (input.customerId) await assertCustomerVisible(ctx, input.customerId);
  const scope = await ctx.dataScope();
  return exportTable(creditRequestExportTable, pages(async (page, pageSize) => openCreditNoteRequests(ctx.sqlite, { ...input, page, pageSize }, scope)), input, ctx);
}

/** The queue as its reader sees it: everyone's reminders only for whoever manages collections. */
export function exportReminders(input: z.output<typeof exportRemindersInput>, ctx: HandlerContext): Promise<ExportFile> {
  return exportTable(reminderExportTable, pages(async (page, pageSize) => reminderQueue(ctx, input.filters, page, pageSize)), input, ctx);
}

export async function exportPostedInvoices(input: z.output<typeof exportReceivablesInput>, ctx: HandlerContext): Promise<ExportFile> {
  return exportTable(postedInvoiceExportTable, invoiceExportRows(ctx.sqlite, await ctx.dataScope()), input, ctx);
}

export async function exportReceipts(input: z.output<typeof exportReceivablesInput>, ctx: HandlerContext): Promise<ExportFile> {
  return exportTable(receiptExportTable, receiptExportRows(ctx.sqlite, await ctx.dataScope()), input, ctx);
}

export async function exportAllocations(input: z.output<typeof exportReceivablesInput>, ctx: HandlerContext): Promise<ExportFile> {
  return exportTable(allocationExportTable, allocationExportRows(ctx.sqlite, await ctx.dataScope()), input, ctx);
}

export function exportVoucherHistory(input: z.output<typeof exportVoucherHistoryInput>, ctx: HandlerContext): Promise<ExportFile> {
  return exportTable(voucherExportHistoryTable, pages(async (page, pageSize) => exportHistory(ctx.sqlite, { page, pageSize })), input, ctx);
}

export function exportCustomerImports(input: z.output<typeof exportImportHistoryInput>, ctx: HandlerContext): Promise<ExportFile> {
  return exportTable(customerImportHistoryTable, pages(async (page, pageSize) => customerImportHistory(ctx.sqlite, { page, pageSize })), input, ctx);
}

export function exportProductImports(input: z.output<typeof exportImportHistoryInput>, ctx: HandlerContext): Promise<ExportFile> {
  return exportTable(productImportHistoryTable, pages(async (page, pageSize) => productImportHistory(ctx.sqlite, { page, pageSize })), input, ctx);
}

/** The users as the list pages them, each manager by name (a handful of users: read once). */
export async function exportUsers(input: z.output<typeof exportUsersInput>, ctx: HandlerContext): Promise<ExportFile> {
  const names = new Map((await ctx.db.selectFrom('users').select(['id', 'display_name']).execute()).map((u) => [u.id, u.display_name]));
  return exportTable(
    userExportTable,
    pages(async (page, pageSize): Promise<Page<UserExportRow>> => {
      const found = await listUsers(ctx.db, { ...input, page, pageSize });
      return { ...found, rows: found.rows.map((u) => ({ ...u, managerName: u.managerUserId ? (names.get(u.managerUserId) ?? null) : null })) };
    }),
    input,
    ctx,
  );
}

/** The to-do list as its reader sees it, in its order: open first, by due date. */
export function exportTasks(input: z.output<typeof exportTasksInput>, ctx: HandlerContext): Promise<ExportFile> {
  return exportTable(taskExportTable, pages((page, pageSize) => listTasks(ctx, input.filters, { page, pageSize })), input, ctx);
}

export function exportStatements(input: z.output<typeof exportStatementsInput>, ctx: HandlerContext): Promise<ExportFile> {
  return exportTable(statementExportTable, pages((page, pageSize) => listStatements(ctx, input.filters, { page, pageSize })), input, ctx);
}
