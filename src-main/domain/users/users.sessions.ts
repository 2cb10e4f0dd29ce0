/**
 * A signed-in session is checked against the user as stored now on every call (DESIGN §2): a
 * disabled, demoted or re-passworded user's other sessions end at once, and sessions expire after
 * the company's idle limit and at an absolute one.
 */
import { createHash } from 'node:crypto';
import type { Sqlite } from '../../db/connection';
import { statement } from '../../db/statements';
import { DEFAULT_SESSION_IDLE_MINUTES, SESSION_ABSOLUTE_LIMIT_MS, SESSION_IDLE_SETTING, type Session, type SessionUser, type Transport } from '../../api/session';
import type { Role } from '../../api/permissions';

interface StoredUser {
  id: string;
  username: string;
  display_name: string;
  role: Role;
  active: number;
  locale: string | null;
  password_hash: string;
}

/** What a sign-in was granted on. */
type Credentials = { id: string; role: string; active: number; password_hash: string };

/** The last stamp worked out per user: every call checks it, and hashing each time cost more than the rest of the check. */
const stamps = new Map<string, { granted: string; stamp: string }>();

/** Changes whenever what a session was granted on changes: password, role, active. */
export function credentialStamp(user: Credentials): string {
  const granted = `${user.id}\n${user.role}\n${user.active}\n${user.password_hash}`;
  const known = stamps.get(user.id);
  if (known?.granted === granted) return known.stamp;
  const stamp = createHash('sha256').update(granted).digest('base64url').slice(0, 22);
  stamps.set(user.id, { granted, stamp });
  return stamp;
}

/** Marks a session as signed in for the user as stored (since `startedAt`, by default now). */
export function startSession(session: Session, user: Credentials, startedAt = Date.now()): void {
  session.auth = { stamp: credentialStamp(user), startedAt, lastSeenAt: Date.now() };
}

export type SessionEnd = 'signed_out' | 'expired' | 'revoked';

/**
 * The session's user as stored now, or why the session has ended (it is then signed out in
 * place). Sessions without `auth` are trusted only from the CLI and tests.
 */
export function currentSessionUser(sqlite: Sqlite, session: Session, transport: Transport, now = Date.now()): SessionUser | SessionEnd {
  if (!session.user) return 'signed_out';
  if (!session.auth) return transport === 'cli' || transport === 'test' ? session.user : endSession(session, 'revoked');
  const stored = statement(sqlite, 'SELECT id, username, display_name, role, active, locale, password_hash FROM users WHERE id = ?').get(session.user.id) as StoredUser | undefined;
  if (!stored || stored.active !== 1 || credentialStamp(stored) !== session.auth.stamp) return endSession(session, 'revoked');
  const idleMs = idleLimitMinutes(sqlite) * 60_000;
  if (now - session.auth.lastSeenAt > idleMs || now - session.auth.startedAt > SESSION_ABSOLUTE_LIMIT_MS) return endSession(session, 'expired');
  session.auth.lastSeenAt = now;
  session.user = { id: stored.id, username: stored.username, displayName: stored.display_name, role: stored.role, locale: stored.locale };
  return session.user;
}

function endSession(session: Session, why: SessionEnd): SessionEnd {
  session.user = null;
  delete session.auth;
  return why;
}

export function idleLimitMinutes(sqlite: Sqlite): number {
  const raw = statement(sqlite, 'SELECT value FROM settings WHERE key = ?').pluck().get(SESSION_IDLE_SETTING) as string | undefined;
  return raw === undefined ? DEFAULT_SESSION_IDLE_MINUTES : Number(JSON.parse(raw));
}
