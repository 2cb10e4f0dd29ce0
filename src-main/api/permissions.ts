/**
 * Roles are fixed (DESIGN §4); each area declares the permissions it introduces and the roles that
 * hold them (`<area>.area.ts`). `dispatch` checks them on every call; the UI gets the signed-in
 * user's permissions from `auth.status` only to hide what the user could not use anyway.
 */
export const ROLES = ['owner', 'manager', 'sales', 'warehouse', 'service', 'accountant'] as const;
export type Role = (typeof ROLES)[number];

/** Every role but those named: most permissions are "everyone except …". */
export function rolesExcept(...excluded: Role[]): Role[] {
  return ROLES.filter((role) => !excluded.includes(role));
}
