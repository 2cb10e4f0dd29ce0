/**
 * Whose customers a user sees (DESIGN §2: data scope lives in dispatch's context and the queries,
 * never in the UI alone). The owner sees everything; every other role sees what the company's
 * setting for that role says: only their own customers (and those shared with them), their team's
 * (the users who report to them, one level), or all.
 */
import type { Kysely } from 'kysely';
import type { Role } from '../../api/permissions';
import type { SessionUser } from '../../api/session';
import type { Database } from '../../db/schema';
import { readSetting, writeSetting } from '../settings/settings.repository';

export const SCOPE_LEVELS = ['own', 'team', 'all'] as const;
export type ScopeLevel = (typeof SCOPE_LEVELS)[number];
export type ScopedRole = Exclude<Role, 'owner'>;
export type RoleScopes = Record<ScopedRole, ScopeLevel>;

/**
 * Sales keep to their own book. Managers default to all: an existing book has no teams until the
 * owner assigns them, and a manager who saw nothing the morning after an upgrade could not work.
 * Warehouse, service and accounts serve every customer.
 */
export const DEFAULT_ROLE_SCOPES: RoleScopes = { manager: 'all', sales: 'own', warehouse: 'all', service: 'all', accountant: 'all' };
const ROLE_SCOPES_SETTING = 'customers.roleScopes';

/** `all`, or the owners whose customers the viewer sees, plus what is shared with the viewer. */
export type DataScope = { all: true } | { all: false; viewerId: string; ownerIds: string[] };

export const EVERYTHING: DataScope = { all: true };

export async function readRoleScopes(db: Kysely<Database>): Promise<RoleScopes> {
  return { ...DEFAULT_ROLE_SCOPES, ...(await readSetting<Partial<RoleScopes>>(db, ROLE_SCOPES_SETTING, {})) };
}

export async function writeRoleScopes(db: Kysely<Database>, scopes: RoleScopes): Promise<void> {
  await writeSetting(db, ROLE_SCOPES_SETTING, scopes);
}

/** Nobody signed in is trusted in-process code (daily jobs); permissions already refused everyone else. */
export async function resolveDataScope(db: Kysely<Database>, user: SessionUser | null): Promise<DataScope> {
  if (!user || user.role === 'owner') return EVERYTHING;
  const level = (await readRoleScopes(db))[user.role];
  if (level === 'all') return EVERYTHING;
  if (level === 'own') return { all: false, viewerId: user.id, ownerIds: [user.id] };
  const team = await db.selectFrom('users').select('id').where('manager_user_id', '=', user.id).execute();
  return { all: false, viewerId: user.id, ownerIds: [user.id, ...team.map((u) => u.id)] };
}
