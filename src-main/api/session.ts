import type { Role } from './permissions';

/** The signed-in user as every layer sees it (runtime-neutral: the UI shows it too). */
export interface SessionUser {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  locale: string | null;
}

/**
 * What a sign-in remembers so that every later call can check the person is still who signed in:
 * `stamp` changes when their password, role or active flag does (which ends the session).
 */
export interface SessionAuth {
  stamp: string;
  startedAt: number;
  lastSeenAt: number;
}

/**
 * One per window (IPC), per cookie (HTTP) or per command (CLI); auth handlers sign it in and out.
 * A session signed in through auth.login or auth.setup carries `auth`; one made by trusted
 * in-process code (the CLI's local administrator, tests) has none and is honoured only there.
 */
export interface Session {
  user: SessionUser | null;
  auth?: SessionAuth;
}

export type Transport = 'ipc' | 'http' | 'cli' | 'test';

/** How long a signed-in session lasts (DESIGN §4): idle time is a company setting, the absolute limit is not. */
export const SESSION_ABSOLUTE_LIMIT_MS = 24 * 60 * 60_000;
export const DEFAULT_SESSION_IDLE_MINUTES = 8 * 60;
/** The settings row that holds the idle limit (minutes). */
export const SESSION_IDLE_SETTING = 'sessions.idleMinutes';
