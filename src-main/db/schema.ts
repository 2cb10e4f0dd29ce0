/**
 * The Kysely view of the migrated schema. `schema.test.ts` migrates a fresh database and
 * fails when a table or column here differs from the real one, or when a column's union
 * differs from the values its `CHECK (col IN (...))` allows.
 */
import type { Role } from '../api/permissions';
import type { CustomersTable, CustomerContactsTable, CustomerAddressesTable, TagsTable, CustomerTagsTable, CustomFieldDefsTable, InteractionsTable, CustomerStageHistoryTable, CustomerStatsTable, CustomerSearchTable, CustomerSharesTable, CustomerPoolEventsTable } from '../domain/customers/customers.tables';
import type { CampaignsTable, LeadInteractionsTable, LeadSearchTable, LeadsTable, OpportunitiesTable, OpportunityStageHistoryTable } from '../domain/leads/leads.tables';
import type {
  PriceListItemsTable,
  PriceListsTable,
  ProductCategoriesTable,
  ProductImportCategoriesTable,
  ProductImportChangesTable,
  ProductImportsTable,
  ProductSearchTable,
  ProductsTable,
  ProductSubstitutesTable,
} from '../domain/catalog/catalog.tables';
import type { DeliveriesTable, DeliveryLinesTable } from '../domain/deliveries/deliveries.tables';
import type { ApprovalRulesTable, SalesOrderApprovalsTable, SalesOrderEventsTable, SalesOrderLinesTable, SalesOrdersTable } from '../domain/orders/orders.tables';
import type {
  GoodsReceiptLinesTable,
  GoodsReceiptsTable,
  PurchaseOrderLinesTable,
  PurchaseOrdersTable,
  SuppliersTable,
} from '../domain/purchasing/purchasing.tables';
import type { QuoteLinesTable, QuotesTable } from '../domain/quotes/quotes.tables';
import type { ChartAccountsTable, PeriodLockEventsTable, VoucherAccountMappingTable, VoucherExportsTable } from '../domain/vouchers/vouchers.tables';
import type { InvoiceLinesTable, InvoicesTable, ReceiptsTable, ReceivableAllocationsTable, ReceivableClearingTable } from '../domain/receivables/receivables.tables';
import type { StatementsTable } from '../domain/statements/statements.tables';
import type { CustomerImportChangesTable, CustomerImportsTable, CustomerImportTagsTable } from '../domain/imports/imports.tables';
import type { TasksTable } from '../domain/tasks/tasks.tables';
import type { CreditHoldEventsTable, DunningEmailsTable, DunningLevelsTable, DunningReminderInvoicesTable, DunningRemindersTable } from '../domain/dunning/dunning.tables';
import type { CreditNoteRequestsTable, SalesReturnLinesTable, SalesReturnsTable } from '../domain/returns/returns.tables';
import type {
  ReplenishmentRequestsTable,
  ReplenishmentRulesTable,
  SerialNumbersTable,
  StockAdjustmentLinesTable,
  StockAdjustmentsTable,
  StockCountLinesTable,
  StockCountsTable,
  StockLevelsTable,
  StockMovesTable,
  StockReservationsTable,
  StockTransferLinesTable,
  StockTransfersTable,
  WarehousesTable,
} from '../domain/stock/stock.tables';

/** SQLite has no boolean: an INTEGER column with `CHECK (col IN (0,1))`. */
export type Flag = 0 | 1;

export interface CompanyTable {
  id: number;
  name: string;
  currency: string;
  time_zone: string;
  created_at: string;
}

export interface SettingsTable {
  key: string;
  value: string;
}

export interface UsersTable {
  id: string;
  username: string;
  display_name: string;
  role: Role;
  password_hash: string;
  active: Flag;
  locale: string | null;
  created_at: string;
  updated_at: string;
  last_login_at: string | null;
  /** Whose team the user is in (one level): a manager with team scope sees their customers. */
  manager_user_id: string | null;
}

export interface NumberingSeriesTable {
  code: string;
  prefix: string;
  per_year: Flag;
  padding: number;
  year: number | null;
  next_number: number;
  device_prefix: string;
}

export interface AuditLogTable {
  id: string;
  at: string;
  user_id: string | null;
  username: string;
  method: string;
  entity_type: string | null;
  entity_id: string | null;
  changes: string;
  /** How many records the call changed; changes_shown holds the first of them when there are more than the screen shows (migration 0022). */
  change_count: number;
  changes_shown: string | null;
  transport: string;
}

export interface SecurityLogTable {
  id: string;
  at: string;
  event: 'sign_in_failed' | 'locked_out';
  username: string;
  user_id: string | null;
  reason: 'unknown_user' | 'wrong_password' | 'account_disabled' | 'locked' | null;
  transport: string;
}

export interface SchemaMigrationsTable {
  version: number;
  name: string;
  applied_at: string;
}

export interface SavedViewsTable {
  id: string;
  user_id: string;
  area: string;
  name: string;
  query: string;
  created_at: string;
  updated_at: string;
}

/** Totals of unfiltered lists, kept by triggers ('customers:active', 'leads', 'audit_log'). */
export interface RowCountsTable {
  subject: string;
  n: number;
}

export type { CustomersTable, CustomerContactsTable, CustomerAddressesTable, TagsTable, CustomerTagsTable, CustomFieldDefsTable, InteractionsTable, CustomerStageHistoryTable, CustomerStatsTable, CustomerSearchTable, CustomerSharesTable, CustomerPoolEventsTable };
export type { CampaignsTable, LeadInteractionsTable, LeadSearchTable, LeadsTable, OpportunitiesTable, OpportunityStageHistoryTable };

export interface Database {
  company: CompanyTable;
  settings: SettingsTable;
  users: UsersTable;
  numbering_series: NumberingSeriesTable;
  audit_log: AuditLogTable;
  security_log: SecurityLogTable;
  schema_migrations: SchemaMigrationsTable;
  customers: CustomersTable;
  customer_contacts: CustomerContactsTable;
  customer_addresses: CustomerAddressesTable;
  tags: TagsTable;
  customer_tags: CustomerTagsTable;
  custom_field_defs: CustomFieldDefsTable;
  interactions: InteractionsTable;
  customer_stage_history: CustomerStageHistoryTable;
  saved_views: SavedViewsTable;
  customer_stats: CustomerStatsTable;
  customer_search: CustomerSearchTable;
  customer_shares: CustomerSharesTable;
  customer_pool_events: CustomerPoolEventsTable;
  campaigns: CampaignsTable;
  leads: LeadsTable;
  lead_interactions: LeadInteractionsTable;
  opportunities: OpportunitiesTable;
  opportunity_stage_history: OpportunityStageHistoryTable;
  lead_search: LeadSearchTable;
  row_counts: RowCountsTable;
  // Row types of later areas live in their <area>.tables.ts.
  product_categories: ProductCategoriesTable;
  products: ProductsTable;
  product_substitutes: ProductSubstitutesTable;
  price_lists: PriceListsTable;
  price_list_items: PriceListItemsTable;
  product_search: ProductSearchTable;
  product_imports: ProductImportsTable;
  product_import_changes: ProductImportChangesTable;
  product_import_categories: ProductImportCategoriesTable;
  warehouses: WarehousesTable;
  stock_moves: StockMovesTable;
  stock_levels: StockLevelsTable;
  stock_reservations: StockReservationsTable;
  serial_numbers: SerialNumbersTable;
  stock_counts: StockCountsTable;
  stock_count_lines: StockCountLinesTable;
  stock_transfers: StockTransfersTable;
  stock_transfer_lines: StockTransferLinesTable;
  stock_adjustments: StockAdjustmentsTable;
  stock_adjustment_lines: StockAdjustmentLinesTable;
  suppliers: SuppliersTable;
  replenishment_rules: ReplenishmentRulesTable;
  replenishment_requests: ReplenishmentRequestsTable;
  purchase_orders: PurchaseOrdersTable;
  purchase_order_lines: PurchaseOrderLinesTable;
  goods_receipts: GoodsReceiptsTable;
  goods_receipt_lines: GoodsReceiptLinesTable;
  quotes: QuotesTable;
  quote_lines: QuoteLinesTable;
  sales_orders: SalesOrdersTable;
  sales_order_lines: SalesOrderLinesTable;
  sales_order_events: SalesOrderEventsTable;
  approval_rules: ApprovalRulesTable;
  sales_order_approvals: SalesOrderApprovalsTable;
  deliveries: DeliveriesTable;
  delivery_lines: DeliveryLinesTable;
  sales_returns: SalesReturnsTable;
  sales_return_lines: SalesReturnLinesTable;
  credit_note_requests: CreditNoteRequestsTable;
  invoices: InvoicesTable;
  invoice_lines: InvoiceLinesTable;
  receipts: ReceiptsTable;
  receivable_allocations: ReceivableAllocationsTable;
  receivable_clearing: ReceivableClearingTable;
  chart_accounts: ChartAccountsTable;
  voucher_account_mapping: VoucherAccountMappingTable;
  period_lock_events: PeriodLockEventsTable;
  voucher_exports: VoucherExportsTable;
  statements: StatementsTable;
  tasks: TasksTable;
  credit_hold_events: CreditHoldEventsTable;
  dunning_levels: DunningLevelsTable;
  dunning_reminders: DunningRemindersTable;
  dunning_reminder_invoices: DunningReminderInvoicesTable;
  dunning_emails: DunningEmailsTable;
  customer_imports: CustomerImportsTable;
  customer_import_changes: CustomerImportChangesTable;
  customer_import_tags: CustomerImportTagsTable;
}
