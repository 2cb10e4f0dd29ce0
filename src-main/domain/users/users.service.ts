import type { Kysely } from 'kysely';
import { HandlerContext } from '../context';
import { changedFields } from '../context';
import { AppError, notFound } from '../../api/errors';
import { fieldIssue } from '../../api/issues';
import type { Page } from '../../api/paging';
import type { Role } from '../../api/permissions';
import type { SessionUser } from '../../api/session';
import type { Database } from '../../db/schema';
import { hashPassword } from '../auth/passwords';
import { newId, nowIso } from '../shared/ids';
import type { UserRow } from './users.contract';
import * as repo from './users.repository';
import { startSession } from './users.sessions';

export function toUserRow(user: repo.UserRecord): UserRow {
  return {
    id: user.id,
    username: user.username,
    displayName: user.display_name,
    role: user.role,
    active: user.active === 1,
    createdAt: user.created_at,
    lastLoginAt: user.last_login_at,
    managerUserId: user.manager_user_id,
  };
}

export function toSessionUser(user: repo.UserRecord): SessionUser {
  return { id: user.id, username: user.username, displayName: user.display_name, role: user.role, locale: user.locale };
}

export async function createUser(
  db: Kysely<Database>,
  input: { username: string; displayName: string; role: Role; password: string; locale?: string | null },
): Promise<repo.UserRecord> {
  if (await repo.findUserByUsername(db, input.username)) {
    throw new AppError('CONFLICT', `Username ${input.username} is already taken`, [fieldIssue('username', 'taken')]);
  }
  const now = nowIso();
  const user: repo.UserRecord = {
    id: newId(),
    username: input.username,
    display_name: input.displayName,
    role: input.role,
    password_hash: await hashPassword(input.password),
    active: 1,
    locale: input.locale ?? null,
    created_at: now,
    updated_at: now,
    last_login_at: null,
    manager_user_id: null,
  };
  await repo.insertUser(db, user);
  return user;
}

export async function listUsers(db: Kysely<Database>, input: { q?: string; includeDisabled: boolean; page: number; pageSize: number }): Promise<Page<UserRow>> {
  const { rows, total } = await repo.listUsers(db, {
    ...(input.q ? { q: input.q } : {}),
    includeDisabled: input.includeDisabled,
    limit: input.pageSize,
    offset: (input.page - 1) * input.pageSize,
  });
  return { rows: rows.map(toUserRow), total, totalIsExact: true };
}

export async function updateUser(
  ctx: HandlerContext,
  id: string,
  patch: { displayName?: string; role?: Role; active?: boolean; managerUserId?: string | null },
): Promise<UserRow> {
  const before = await repo.findUserById(ctx.db, id);
  if (!before) throw notFound('User', id);
  if (patch.managerUserId) await assertCanLeadTeam(ctx.db, id, patch.managerUserId);
  const losesOwner = before.role === 'owner' && before.active === 1 && ((patch.role && patch.role !== 'owner') || patch.active === false);
  if (losesOwner && (await repo.countActiveOwners(ctx.db)) <= 1) {
    throw new AppError('CONFLICT', 'The company needs at least one active owner', [
      fieldIssue(patch.active === false ? 'active' : 'role', 'last_owner'),
    ]);
  }
  if (ctx.user?.id === id && patch.active === false) {
    throw new AppError('CONFLICT', 'You cannot disable your own account', [fieldIssue('active', 'not_yourself')]);
  }
  const changes: Partial<Omit<repo.UserRecord, 'id'>> = {
    ...(patch.displayName !== undefined ? { display_name: patch.displayName } : {}),
    ...(patch.role !== undefined ? { role: patch.role } : {}),
    ...(patch.active !== undefined ? { active: patch.active ? 1 : 0 } : {}),
    ...(patch.managerUserId !== undefined ? { manager_user_id: patch.managerUserId } : {}),
  };
  await repo.updateUser(ctx.db, id, { ...changes, updated_at: nowIso() });
  const after = (await repo.findUserById(ctx.db, id))!;
  if (after.role !== before.role || after.active !== before.active) revokeOtherSessions(ctx, after);
  ctx.audit({ entityType: 'user', entityId: id, fields: changedFields(toUserRow(before) as never, toUserRow(after) as never) });
  return toUserRow(after);
}

/** A team is one level deep: its manager is an active owner or manager who is not the user. */
async function assertCanLeadTeam(db: Kysely<Database>, userId: string, managerUserId: string): Promise<void> {
  if (managerUserId === userId) throw new AppError('VALIDATION', 'A user cannot be their own manager', [fieldIssue('managerUserId', 'not_yourself')]);
  const manager = await repo.findUserById(db, managerUserId);
  if (!manager || manager.active !== 1 || (manager.role !== 'manager' && manager.role !== 'owner')) {
    throw new AppError('VALIDATION', 'The manager must be an active owner or manager', [fieldIssue('managerUserId', 'not_allowed', { reason: 'not_a_manager' })]);
  }
}

export async function resetPassword(ctx: HandlerContext, id: string, newPassword: string): Promise<void> {
  const user = await repo.findUserById(ctx.db, id);
  if (!user) throw notFound('User', id);
  await repo.updateUser(ctx.db, id, { password_hash: await hashPassword(newPassword), updated_at: nowIso() });
  revokeOtherSessions(ctx, (await repo.findUserById(ctx.db, id))!);
  ctx.audit({ entityType: 'user', entityId: id, fields: { password: { before: '***', after: '***' } } });
}

/**
 * A change to what a user was granted ends their other sessions; the caller's own session (an
 * owner changing their own password or role) carries on with the new grant.
 */
export function revokeOtherSessions(ctx: HandlerContext, user: repo.UserRecord): void {
  if (ctx.user?.id === user.id && ctx.session.auth) startSession(ctx.session, user, ctx.session.auth.startedAt);
  ctx.revokeSessionsOf(user.id);
}
