import {
  IconAddressBook,
  IconBox,
  IconBuildingWarehouse,
  IconCash,
  IconChartDots,
  IconCloudUpload,
  IconDatabaseExport,
  IconFileCheck,
  IconFileInvoice,
  IconFileText,
  IconGift,
  IconHistory,
  IconHome,
  IconListCheck,
  IconBellRinging,
  IconReceipt,
  IconReceiptRefund,
  IconReportAnalytics,
  IconRobot,
  IconSettings,
  IconShoppingCart,
  IconTargetArrow,
  IconTicket,
  IconTool,
  IconTruckDelivery,
  IconTruckLoading,
  IconUsers,
  IconBook2,
  type Icon,
} from '@tabler/icons-react';
import type { ReactNode } from 'react';
import type { Permission } from '../src-main/api/contract';
import { NAV_ENTRIES, NAV_GROUPS, type NavGroup, type NavKey } from './nav-entries';
import { AuditLogPage } from './features/audit/AuditLog.page';
import { BackupPage } from './features/backup/Backup.page';
import { CatalogPage } from './features/catalog/Catalog.page';
import { PriceListPage } from './features/catalog/PriceList.page';
import { ProductEditPage, ProductNewPage } from './features/catalog/ProductForm.page';
import { CustomerEditPage, CustomerNewPage } from './features/customers/CustomerForm.page';
import { CustomersListPage } from './features/customers/CustomersList.page';
import { CustomerPoolPage } from './features/customers/CustomerPool.page';
import { CustomerViewPage } from './features/customers/CustomerView.page';
import { DashboardPage } from './features/home/Dashboard.page';
import { CustomerImportPage } from './features/imports/CustomerImport.page';
import { LeadsPage } from './features/leads/Leads.page';
import { ComingSoonPage } from './features/placeholder/ComingSoon.page';
import { DunningQueuePage } from './features/dunning/DunningQueue.page';
import { DunningSettingsPage } from './features/dunning/DunningSettings.page';
import { AgingPage } from './features/receivables/Aging.page';
import { InvoicesPage } from './features/receivables/Invoices.page';
import { PaymentsPage } from './features/receivables/Payments.page';
import { ReconciliationPage } from './features/receivables/Reconciliation.page';
import { StatementPage } from './features/statements/Statement.page';
import { StatementsPage } from './features/statements/Statements.page';
import { TasksPage } from './features/tasks/Tasks.page';
import { PurchasingPage } from './features/purchasing/Purchasing.page';
import { ApprovalInboxPage } from './features/sales/ApprovalInbox.page';
import { DeliveryPickPage } from './features/sales/DeliveryPick.page';
import { OrderFormPage } from './features/sales/OrderForm.page';
import { OrdersListPage } from './features/sales/OrdersList.page';
import { OrderViewPage } from './features/sales/OrderView.page';
import { QuoteEditPage, QuoteNewPage } from './features/sales/QuoteForm.page';
import { ReturnFormPage } from './features/sales/ReturnForm.page';
import { SalesRulesPage } from './features/sales/SalesRules.page';
import { DeliveriesListPage, QuotesListPage, ReturnsListPage } from './features/sales/SalesLists.page';
import { SettingsPage } from './features/settings/Settings.page';
import { StockPage } from './features/stock/Stock.page';
import { UsersPage } from './features/users/Users.page';
import { AccountingPage } from './features/vouchers/Accounting.page';

export interface NavEntry {
  /** i18n key under `nav.` and the route's first path segment. */
  key: NavKey;
  path: string;
  icon: Icon;
  group: NavGroup | null;
  permission?: Permission;
  element: ReactNode;
  /** Nested routes of the area (e.g. a customer's 360° view at /customers/:id). */
  children?: { path: string; element: ReactNode }[];
  /** The area has no screen yet: its page says what it will do, the menu lists it under 即将推出. */
  comingSoon: boolean;
}

const ICONS: Record<NavKey, Icon> = {
  dashboard: IconHome,
  customers: IconAddressBook,
  leads: IconTargetArrow,
  quotes: IconFileText,
  orders: IconShoppingCart,
  deliveries: IconTruckDelivery,
  returns: IconReceiptRefund,
  catalog: IconBox,
  stock: IconBuildingWarehouse,
  purchasing: IconTruckLoading,
  invoices: IconFileInvoice,
  payments: IconCash,
  receivables: IconReceipt,
  statements: IconFileCheck,
  dunning: IconBellRinging,
  vouchers: IconBook2,
  tickets: IconTool,
  loyalty: IconGift,
  coupons: IconTicket,
  rules: IconRobot,
  tasks: IconListCheck,
  analytics: IconChartDots,
  reports: IconReportAnalytics,
  users: IconUsers,
  audit: IconHistory,
  settings: IconSettings,
  backup: IconDatabaseExport,
  sync: IconCloudUpload,
};

/** Screens of the areas that have landed; every other area shows an honest empty state. */
const SCREENS: Partial<Record<NavKey, Pick<NavEntry, 'element' | 'children'>>> = {
  dashboard: { element: <DashboardPage /> },
  customers: {
    element: <CustomersListPage />,
    children: [
      { path: 'new', element: <CustomerNewPage /> },
      { path: 'import', element: <CustomerImportPage /> },
      { path: 'pool', element: <CustomerPoolPage /> },
      { path: ':id', element: <CustomerViewPage /> },
      { path: ':id/edit', element: <CustomerEditPage /> },
    ],
  },
  leads: {
    element: <LeadsPage />,
    children: [
      { path: 'board', element: <LeadsPage tab="board" /> },
      { path: 'campaigns', element: <LeadsPage tab="campaigns" /> },
      { path: 'channels', element: <LeadsPage tab="channels" /> },
    ],
  },
  catalog: {
    element: <CatalogPage />,
    children: [
      { path: 'categories', element: <CatalogPage tab="categories" /> },
      { path: 'price-lists', element: <CatalogPage tab="priceLists" /> },
      { path: 'price-lists/:id', element: <PriceListPage /> },
      { path: 'new', element: <ProductNewPage /> },
      { path: ':id', element: <ProductEditPage /> },
    ],
  },
  stock: {
    element: <StockPage />,
    children: [
      { path: 'moves', element: <StockPage tab="moves" /> },
      { path: 'counts', element: <StockPage tab="counts" /> },
      { path: 'transfers', element: <StockPage tab="transfers" /> },
      { path: 'warehouses', element: <StockPage tab="warehouses" /> },
    ],
  },
  purchasing: {
    element: <PurchasingPage />,
    children: [
      { path: 'replenishment', element: <PurchasingPage tab="replenishment" /> },
      { path: 'suppliers', element: <PurchasingPage tab="suppliers" /> },
    ],
  },
  quotes: {
    element: <QuotesListPage />,
    children: [
      { path: 'new', element: <QuoteNewPage /> },
      { path: ':id', element: <QuoteEditPage /> },
    ],
  },
  orders: {
    element: <OrdersListPage />,
    children: [
      { path: 'approvals', element: <ApprovalInboxPage /> },
      { path: 'rules', element: <SalesRulesPage /> },
      { path: 'new', element: <OrderFormPage /> },
      { path: ':id', element: <OrderViewPage /> },
    ],
  },
  deliveries: { element: <DeliveriesListPage />, children: [{ path: ':id', element: <DeliveryPickPage /> }] },
  returns: { element: <ReturnsListPage />, children: [{ path: 'new', element: <ReturnFormPage /> }] },
  users: { element: <UsersPage /> },
  audit: { element: <AuditLogPage /> },
  settings: { element: <SettingsPage /> },
  backup: { element: <BackupPage /> },
  invoices: { element: <InvoicesPage /> },
  payments: { element: <PaymentsPage /> },
  vouchers: {
    element: <AccountingPage />,
    children: [
      { path: 'exports', element: <AccountingPage tab="history" /> },
      { path: 'accounts', element: <AccountingPage tab="accounts" /> },
      { path: 'periods', element: <AccountingPage tab="periods" /> },
    ],
  },
  receivables: { element: <AgingPage />, children: [{ path: 'reconciliation', element: <ReconciliationPage /> }] },
  statements: { element: <StatementsPage />, children: [{ path: ':id', element: <StatementPage /> }] },
  tasks: { element: <TasksPage /> },
  dunning: { element: <DunningQueuePage />, children: [{ path: 'settings', element: <DunningSettingsPage /> }] },
};

export const NAV: NavEntry[] = NAV_ENTRIES.map((entry) => {
  const screen = SCREENS[entry.key];
  return { ...entry, icon: ICONS[entry.key], ...(screen ? { ...screen, comingSoon: false } : { element: <ComingSoonPage area={entry.key} />, comingSoon: true }) };
});

export { NAV_GROUPS };
