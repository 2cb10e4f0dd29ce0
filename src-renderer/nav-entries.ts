import type { Permission } from '../src-main/api/contract';
import type { Role } from '../src-main/api/permissions';

export type NavGroup = 'customers' | 'sales' | 'stock' | 'finance' | 'service' | 'automation' | 'insights' | 'system';

export const NAV_GROUPS: NavGroup[] = ['customers', 'sales', 'stock', 'finance', 'service', 'automation', 'insights', 'system'];

/** Every area of the product, in menu order (plain data: E2E tests walk the same list). */
export const NAV_ENTRIES = [
  { key: 'dashboard', path: '/', group: null },
  { key: 'customers', path: '/customers', group: 'customers', permission: 'customers.read' },
  { key: 'leads', path: '/leads', group: 'customers', permission: 'leads.read' },
  { key: 'quotes', path: '/quotes', group: 'sales', permission: 'sales.read' },
  { key: 'orders', path: '/orders', group: 'sales', permission: 'sales.read' },
  { key: 'deliveries', path: '/deliveries', group: 'sales', permission: 'deliveries.read' },
  { key: 'returns', path: '/returns', group: 'sales', permission: 'returns.read' },
  { key: 'catalog', path: '/catalog', group: 'stock', permission: 'catalog.read' },
  { key: 'stock', path: '/stock', group: 'stock', permission: 'stock.read' },
  { key: 'purchasing', path: '/purchasing', group: 'stock', permission: 'purchasing.read' },
  { key: 'invoices', path: '/invoices', group: 'finance', permission: 'receivables.read' },
  { key: 'payments', path: '/payments', group: 'finance', permission: 'receivables.read' },
  { key: 'receivables', path: '/receivables', group: 'finance', permission: 'receivables.read' },
  { key: 'dunning', path: '/dunning', group: 'finance', permission: 'dunning.read' },
  { key: 'vouchers', path: '/vouchers', group: 'finance', permission: 'vouchers.read' },
  { key: 'statements', path: '/statements', group: 'finance', permission: 'statements.read' },
  { key: 'tickets', path: '/tickets', group: 'service' },
  { key: 'loyalty', path: '/loyalty', group: 'service' },
  { key: 'coupons', path: '/coupons', group: 'service' },
  { key: 'rules', path: '/rules', group: 'automation' },
  { key: 'tasks', path: '/tasks', group: 'automation', permission: 'tasks.read' },
  { key: 'analytics', path: '/analytics', group: 'insights' },
  { key: 'reports', path: '/reports', group: 'insights' },
  { key: 'users', path: '/users', group: 'system', permission: 'users.manage' },
  { key: 'audit', path: '/audit', group: 'system', permission: 'audit.read' },
  { key: 'settings', path: '/settings', group: 'system' },
  { key: 'backup', path: '/backup', group: 'system', permission: 'backup.run' },
  { key: 'sync', path: '/sync', group: 'system' },
] as const satisfies readonly { key: string; path: string; group: NavGroup | null; permission?: Permission }[];

export type NavKey = (typeof NAV_ENTRIES)[number]['key'];

/**
 * Who will work in each area still to come. Until an area has a screen it sits in a small, hideable
 * 即将推出 group, shown only to these roles (a warehouse clerk is not told about vouchers). An area
 * leaves the group by itself when its screen lands.
 */
export const COMING_SOON_FOR: Partial<Record<NavKey, readonly Role[]>> = {
  invoices: ['owner', 'manager', 'accountant'],
  payments: ['owner', 'manager', 'accountant'],
  receivables: ['owner', 'manager', 'accountant', 'sales'],
  tickets: ['owner', 'manager', 'service', 'sales'],
  loyalty: ['owner', 'manager', 'sales', 'service'],
  coupons: ['owner', 'manager', 'sales'],
  rules: ['owner', 'manager'],
  tasks: ['owner', 'manager', 'sales', 'service', 'warehouse', 'accountant'],
  analytics: ['owner', 'manager'],
  reports: ['owner', 'manager', 'accountant'],
  sync: ['owner'],
};
