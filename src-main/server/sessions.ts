import { randomBytes } from 'node:crypto';
import type { Session } from '../api/session';

const IDLE_LIMIT_MS = 12 * 60 * 60_000;

/** Browser sessions by cookie token; tokens are random, rotated at sign-in and dropped at sign-out. */
export class SessionStore {
  private sessions = new Map<string, { session: Session; lastSeen: number }>();

  get(token: string | undefined): Session | null {
    if (!token) return null;
    const entry = this.sessions.get(token);
    if (!entry) return null;
    if (Date.now() - entry.lastSeen > IDLE_LIMIT_MS) {
      this.sessions.delete(token);
      return null;
    }
    entry.lastSeen = Date.now();
    return entry.session;
  }

  issue(session: Session): string {
    const token = randomBytes(32).toString('base64url');
    this.sessions.set(token, { session, lastSeen: Date.now() });
    return token;
  }

  drop(token: string | undefined): void {
    if (token) this.sessions.delete(token);
  }

  /** Every open session of one user, e.g. to sign them out when their account is disabled. */
  all(): Session[] {
    return [...this.sessions.values()].map((e) => e.session);
  }
}

export function readCookie(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return decodeURIComponent(rest.join('='));
  }
  return undefined;
}
