import type { HandlersFor } from '../area';
import type { exportsContract } from './exports.contract';
import { exportAllocations, exportAuditLog, exportInvoices, exportReceipts, exportCampaigns, exportCustomers, exportLeads, exportOrderLines, exportOrders, exportProducts, exportPurchaseOrders, exportStock, exportStockMoves, exportSuppliers } from './exports.service';

export const exportsHandlers: HandlersFor<typeof exportsContract> = {
  'exports.customers': (input, ctx) => exportCustomers(input, ctx),
  'exports.leads': (input, ctx) => exportLeads(input, ctx),
  'exports.campaigns': (input, ctx) => exportCampaigns(input, ctx),
  'exports.orders': (input, ctx) => exportOrders(input, ctx),
  'exports.orderLines': (input, ctx) => exportOrderLines(input, ctx),
  'exports.auditLog': (input, ctx) => exportAuditLog(input, ctx),
  'exports.products': (input, ctx) => exportProducts(input, ctx),
  'exports.stock': (input, ctx) => exportStock(input, ctx),
  'exports.stockMoves': (input, ctx) => exportStockMoves(input, ctx),
  'exports.purchaseOrders': (input, ctx) => exportPurchaseOrders(input, ctx),
  'exports.suppliers': (input, ctx) => exportSuppliers(input, ctx),
  'exports.invoices': (input, ctx) => exportInvoices(input, ctx),
  'exports.receipts': (input, ctx) => exportReceipts(input, ctx),
  'exports.allocations': (input, ctx) => exportAllocations(input, ctx),
};
