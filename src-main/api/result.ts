import type { ApiError } from './errors';

/** Errors cross every transport as data: Electron keeps only `message` from a thrown error. */
export type Result<T> = { ok: true; data: T } | { ok: false; error: ApiError };

/** Events pushed from the backend to every connected UI. */
export type ApiEvent =
  | { kind: 'progress'; jobId: string; done: number; total: number; message?: string }
  | { kind: 'data.changed'; areas: string[] }
  /** The receiving session has ended (its user was disabled, demoted or re-passworded, or it expired). */
  | { kind: 'session.ended'; reason: 'expired' | 'revoked' };
