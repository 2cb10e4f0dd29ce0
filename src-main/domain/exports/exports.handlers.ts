import type { BackendEnv, HandlersFor } from '../area';
import type { exportsContract } from './exports.contract';
import {
  exportAllocations,
  exportAuditLog,
  exportBackups,
  exportCampaigns,
  exportCustomers,
  exportInvoices,
  exportLeads,
  exportOrderLines,
  exportOrders,
  exportPostedInvoices,
  exportProducts,
  exportPurchaseOrders,
  exportReceipts,
  exportSecurityLog,
  exportStatements,
  exportStock,
  exportStockMoves,
  exportSuppliers,
  exportVoucherHistory,
  exportCustomerImports,
} from './exports.service';

export function exportsHandlers(env: BackendEnv): HandlersFor<typeof exportsContract> {
  return {
    'exports.customers': (input, ctx) => exportCustomers(input, ctx),
    'exports.leads': (input, ctx) => exportLeads(input, ctx),
    'exports.campaigns': (input, ctx) => exportCampaigns(input, ctx),
    'exports.orders': (input, ctx) => exportOrders(input, ctx),
    'exports.orderLines': (input, ctx) => exportOrderLines(input, ctx),
    'exports.auditLog': (input, ctx) => exportAuditLog(input, ctx),
    'exports.securityLog': (input, ctx) => exportSecurityLog(input, ctx),
    'exports.backups': (input, ctx) => exportBackups(input, ctx, env.file),
    'exports.products': (input, ctx) => exportProducts(input, ctx),
    'exports.stock': (input, ctx) => exportStock(input, ctx),
    'exports.stockMoves': (input, ctx) => exportStockMoves(input, ctx),
    'exports.purchaseOrders': (input, ctx) => exportPurchaseOrders(input, ctx),
    'exports.suppliers': (input, ctx) => exportSuppliers(input, ctx),
    'exports.invoices': (input, ctx) => exportInvoices(input, ctx),
    'exports.postedInvoices': (input, ctx) => exportPostedInvoices(input, ctx),
    'exports.receipts': (input, ctx) => exportReceipts(input, ctx),
    'exports.statements': (input, ctx) => exportStatements(input, ctx),
    'exports.allocations': (input, ctx) => exportAllocations(input, ctx),
    'exports.voucherHistory': (input, ctx) => exportVoucherHistory(input, ctx),
    'exports.customerImports': (input, ctx) => exportCustomerImports(input, ctx),
  };
}
