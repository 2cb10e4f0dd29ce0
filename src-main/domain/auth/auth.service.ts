import { HandlerContext } from '../context';
import { counted } from '../core/english';
import { AppError } from '../../api/errors';
import { fieldIssue } from '../../api/issues';
import type { SessionUser } from '../../api/session';
import { nowIso } from '../shared/ids';
import * as settingsRepo from '../settings/settings.repository';
import { isKnownTimeZone } from '../settings/settings.service';
import * as usersRepo from '../users/users.repository';
import { createUser, revokeOtherSessions, toSessionUser } from '../users/users.service';
import { startSession } from '../users/users.sessions';
import type { AuthStatus, Locale } from './auth.contract';
import type { LoginThrottle } from './login-throttle';
import { hashPassword, verifyPassword } from './passwords';

export async function authStatus(ctx: HandlerContext): Promise<AuthStatus> {
  const company = await settingsRepo.getCompany(ctx.db);
  const setupRequired = (await usersRepo.countUsers(ctx.db)) === 0;
  return { setupRequired, companyName: company?.name ?? null, user: ctx.session.user, permissions: ctx.permissions() };
}

/** The first-run wizard: company, currency, time zone and the owner's account, once. */
export async function setUpCompany(
  ctx: HandlerContext,
  input: { companyName: string; currency: string; timeZone: string; ownerUsername: string; ownerDisplayName: string; password: string; locale: Locale },
): Promise<SessionUser> {
  if ((await usersRepo.countUsers(ctx.db)) > 0) {
    throw new AppError('CONFLICT', 'This database is already set up; sign in instead.');
  }
  if (!isKnownTimeZone(input.timeZone)) {
    throw new AppError('VALIDATION', `Unknown time zone ${input.timeZone}`, [fieldIssue('timeZone', 'invalid_time_zone')]);
  }
  const existing = await settingsRepo.getCompany(ctx.db);
  if (existing) await settingsRepo.updateCompany(ctx.db, { name: input.companyName, currency: input.currency, time_zone: input.timeZone });
  else await settingsRepo.insertCompany(ctx.db, { name: input.companyName, currency: input.currency, time_zone: input.timeZone, created_at: nowIso() });
  const owner = await createUser(ctx.db, {
    username: input.ownerUsername,
    displayName: input.ownerDisplayName,
    role: 'owner',
    password: input.password,
    locale: input.locale,
  });
  ctx.session.user = toSessionUser(owner);
  startSession(ctx.session, owner);
  ctx.audit({
    entityType: 'company',
    entityId: '1',
    fields: { name: { before: null, after: input.companyName }, currency: { before: null, after: input.currency }, owner: { before: null, after: owner.username } },
  });
  return ctx.session.user;
}

/**
 * Every refusal is noted in the security log (dispatch writes it after this call's rollback); the
 * caller learns only "wrong username or password", whichever of the two was wrong.
 */
export async function logIn(ctx: HandlerContext, throttle: LoginThrottle, input: { username: string; password: string }): Promise<SessionUser> {
  const key = input.username.toLowerCase();
  const wait = throttle.retryAfter(key);
  if (wait > 0) {
    ctx.security({ event: 'sign_in_failed', username: input.username, userId: null, reason: 'locked' });
    throw new AppError('RATE_LIMITED', `Too many failed sign-ins for ${input.username}; try again in ${counted(Math.ceil(wait / 60), 'minute')}.`);
  }
  const user = await usersRepo.findUserByUsername(ctx.db, input.username);
  // Hash even for an unknown user so response time does not reveal which usernames exist.
  const valid = user ? await verifyPassword(input.password, user.password_hash) : (await hashPassword(input.password), false);
  if (!user || !valid) {
    const lockedOut = throttle.recordFailure(key);
    const who = { username: input.username, userId: user?.id ?? null };
    ctx.security({ event: 'sign_in_failed', ...who, reason: user ? 'wrong_password' : 'unknown_user' });
    if (lockedOut) ctx.security({ event: 'locked_out', ...who, reason: null });
    throw new AppError('UNAUTHENTICATED', 'Wrong username or password', [fieldIssue('password', 'wrong_password')]);
  }
  if (user.active !== 1) {
    ctx.security({ event: 'sign_in_failed', username: input.username, userId: user.id, reason: 'account_disabled' });
    throw new AppError('FORBIDDEN', 'This account is disabled; ask the owner to enable it.');
  }
  throttle.reset(key);
  await usersRepo.updateUser(ctx.db, user.id, { last_login_at: nowIso() });
  ctx.session.user = toSessionUser(user);
  startSession(ctx.session, user);
  ctx.audit({ entityType: 'user', entityId: user.id, fields: {} });
  return ctx.session.user;
}

export async function changePassword(ctx: HandlerContext, input: { currentPassword: string; newPassword: string }): Promise<null> {
  const user = await usersRepo.findUserById(ctx.db, ctx.user!.id);
  if (!user || !(await verifyPassword(input.currentPassword, user.password_hash))) {
    throw new AppError('VALIDATION', 'The current password is wrong', [fieldIssue('currentPassword', 'wrong_password')]);
  }
  await usersRepo.updateUser(ctx.db, user.id, { password_hash: await hashPassword(input.newPassword), updated_at: nowIso() });
  revokeOtherSessions(ctx, (await usersRepo.findUserById(ctx.db, user.id))!);
  ctx.audit({ entityType: 'user', entityId: user.id, fields: { password: { before: '***', after: '***' } } });
  return null;
}

export async function setLocale(ctx: HandlerContext, locale: Locale): Promise<null> {
  await usersRepo.updateUser(ctx.db, ctx.user!.id, { locale });
  ctx.session.user = { ...ctx.user!, locale };
  return null;
}
