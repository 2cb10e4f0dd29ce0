import { randomBytes } from 'node:crypto';
import type { Session } from '../api/session';

export const SESSION_COOKIE = 'desk_erp_session';

const IDLE_LIMIT_MS = 12 * 60 * 60_000;

interface Entry {
  session: Session;
  lastSeen: number;
  /** Run once when the session ends, e.g. to close its event streams. */
  endHooks: Set<() => void>;
}

/**
 * Browser sessions by cookie token; tokens are random, rotated at sign-in and ended at sign-out,
 * after 12 idle hours, or for every session of a user at once (`endForUser`).
 */
export class SessionStore {
  private sessions = new Map<string, Entry>();

  constructor(private readonly idleLimitMs = IDLE_LIMIT_MS) {}

  get(token: string | undefined): Session | null {
    const entry = token ? this.sessions.get(token) : undefined;
    if (!entry) return null;
    if (Date.now() - entry.lastSeen > this.idleLimitMs) {
      this.end(token);
      return null;
    }
    entry.lastSeen = Date.now();
    return entry.session;
  }

  issue(session: Session): string {
    const token = randomBytes(32).toString('base64url');
    this.sessions.set(token, { session, lastSeen: Date.now(), endHooks: new Set() });
    return token;
  }

  /**
   * Ends one session: it signs nobody in any more (the Session object is signed out too, so a
   * request or stream still holding it cannot act as the user) and its end hooks run.
   */
  end(token: string | undefined): void {
    const entry = token ? this.sessions.get(token) : undefined;
    if (!entry) return;
    this.sessions.delete(token!);
    entry.session.user = null;
    for (const hook of entry.endHooks) hook();
    entry.endHooks.clear();
  }

  /** Ends every session of one user but `except` (account disabled, role or rights changed); returns how many ended. */
  endForUser(userId: string, except: Session | null = null): number {
    const tokens = [...this.sessions].filter(([, entry]) => entry.session.user?.id === userId && entry.session !== except).map(([token]) => token);
    for (const token of tokens) this.end(token);
    return tokens.length;
  }

  /** Runs `hook` once when the session of `token` ends; returns a function that forgets the hook. */
  onEnd(token: string, hook: () => void): () => void {
    const hooks = this.sessions.get(token)?.endHooks;
    hooks?.add(hook);
    return () => hooks?.delete(hook);
  }

  /** Ends every session, e.g. when the server stops. */
  endAll(): void {
    for (const token of [...this.sessions.keys()]) this.end(token);
  }
}
