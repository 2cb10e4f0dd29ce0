/**
 * Roles are fixed sets of permissions (DESIGN §4). `dispatch` checks them on every call;
 * the UI reads the same table only to hide what a user could not use anyway.
 */
export const PERMISSIONS = [
  'customers.read',
  'customers.write',
  'customers.interact',
  'customers.merge',
  'customers.import',
  'customers.export',
  'leads.read',
  'leads.write',
  'campaigns.manage',
  'users.manage',
  'settings.manage',
  'audit.read',
  'backup.run',
] as const;

export type Permission = (typeof PERMISSIONS)[number];

export const ROLES = ['owner', 'manager', 'sales', 'warehouse', 'service', 'accountant'] as const;
export type Role = (typeof ROLES)[number];

const everything: readonly Permission[] = PERMISSIONS;

export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  owner: everything,
  manager: everything.filter((p) => p !== 'users.manage' && p !== 'settings.manage' && p !== 'backup.run'),
  sales: [
    'customers.read',
    'customers.write',
    'customers.interact',
    'customers.import',
    'customers.export',
    'leads.read',
    'leads.write',
  ],
  warehouse: ['customers.read'],
  service: ['customers.read', 'customers.interact'],
  accountant: ['customers.read', 'customers.export', 'audit.read'],
};

export function roleHas(role: Role, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].includes(permission);
}
