import type { Role } from './permissions';

/** The signed-in user as every layer sees it (runtime-neutral: the UI shows it too). */
export interface SessionUser {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  locale: string | null;
}

/** One per window (IPC), per cookie (HTTP) or per command (CLI); auth handlers sign it in and out. */
export interface Session {
  user: SessionUser | null;
}

export type Transport = 'ipc' | 'http' | 'cli' | 'test';
