import {
  IconAddressBook,
  IconBox,
  IconBuildingWarehouse,
  IconCash,
  IconChartDots,
  IconCloudUpload,
  IconFileInvoice,
  IconFileText,
  IconGift,
  IconHistory,
  IconHome,
  IconListCheck,
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
import type { Permission } from '../src-main/api/permissions';
import { AuditLogPage } from './features/audit/AuditLog.page';
import { DashboardPage } from './features/home/Dashboard.page';
import { ComingSoonPage } from './features/placeholder/ComingSoon.page';
import { SettingsPage } from './features/settings/Settings.page';
import { UsersPage } from './features/users/Users.page';

export type NavGroup = 'customers' | 'sales' | 'stock' | 'finance' | 'service' | 'automation' | 'insights' | 'system';

export interface NavEntry {
  /** i18n key under `nav.` and the route's first path segment. */
  key: string;
  path: string;
  icon: Icon;
  group: NavGroup | null;
  permission?: Permission;
  element: ReactNode;
  /** Nested routes of the area (e.g. a customer's 360° view at /customers/:id). */
  children?: { path: string; element: ReactNode }[];
}

const comingSoon = (key: string) => <ComingSoonPage area={key} />;

/** Every area of the product; an area whose issue has not landed shows an honest empty state. */
export const NAV: NavEntry[] = [
  { key: 'dashboard', path: '/', icon: IconHome, group: null, element: <DashboardPage /> },
  { key: 'customers', path: '/customers', icon: IconAddressBook, group: 'customers', permission: 'customers.read', element: comingSoon('customers') },
  { key: 'leads', path: '/leads', icon: IconTargetArrow, group: 'customers', permission: 'leads.read', element: comingSoon('leads') },
  { key: 'quotes', path: '/quotes', icon: IconFileText, group: 'sales', element: comingSoon('quotes') },
  { key: 'orders', path: '/orders', icon: IconShoppingCart, group: 'sales', element: comingSoon('orders') },
  { key: 'deliveries', path: '/deliveries', icon: IconTruckDelivery, group: 'sales', element: comingSoon('deliveries') },
  { key: 'returns', path: '/returns', icon: IconReceiptRefund, group: 'sales', element: comingSoon('returns') },
  { key: 'catalog', path: '/catalog', icon: IconBox, group: 'stock', element: comingSoon('catalog') },
  { key: 'stock', path: '/stock', icon: IconBuildingWarehouse, group: 'stock', element: comingSoon('stock') },
  { key: 'purchasing', path: '/purchasing', icon: IconTruckLoading, group: 'stock', element: comingSoon('purchasing') },
  { key: 'invoices', path: '/invoices', icon: IconFileInvoice, group: 'finance', element: comingSoon('invoices') },
  { key: 'payments', path: '/payments', icon: IconCash, group: 'finance', element: comingSoon('payments') },
  { key: 'receivables', path: '/receivables', icon: IconReceipt, group: 'finance', element: comingSoon('receivables') },
  { key: 'vouchers', path: '/vouchers', icon: IconBook2, group: 'finance', element: comingSoon('vouchers') },
  { key: 'tickets', path: '/tickets', icon: IconTool, group: 'service', element: comingSoon('tickets') },
  { key: 'loyalty', path: '/loyalty', icon: IconGift, group: 'service', element: comingSoon('loyalty') },
  { key: 'coupons', path: '/coupons', icon: IconTicket, group: 'service', element: comingSoon('coupons') },
  { key: 'rules', path: '/rules', icon: IconRobot, group: 'automation', element: comingSoon('rules') },
  { key: 'tasks', path: '/tasks', icon: IconListCheck, group: 'automation', element: comingSoon('tasks') },
  { key: 'analytics', path: '/analytics', icon: IconChartDots, group: 'insights', element: comingSoon('analytics') },
  { key: 'reports', path: '/reports', icon: IconReportAnalytics, group: 'insights', element: comingSoon('reports') },
  { key: 'users', path: '/users', icon: IconUsers, group: 'system', permission: 'users.manage', element: <UsersPage /> },
  { key: 'audit', path: '/audit', icon: IconHistory, group: 'system', permission: 'audit.read', element: <AuditLogPage /> },
  { key: 'settings', path: '/settings', icon: IconSettings, group: 'system', element: <SettingsPage /> },
  { key: 'sync', path: '/sync', icon: IconCloudUpload, group: 'system', element: comingSoon('sync') },
];

export const NAV_GROUPS: NavGroup[] = ['customers', 'sales', 'stock', 'finance', 'service', 'automation', 'insights', 'system'];
