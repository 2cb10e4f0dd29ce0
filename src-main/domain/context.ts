import type { Kysely } from 'kysely';
import type { Sqlite } from '../db/connection';
import type { Database } from '../db/schema';
import type { Session, SessionUser, Transport } from '../api/session';
import type { AreaExtensions } from './area';
import type { DataScope } from './users/data-scope';

/** One changed entity, with the fields that changed (before/after), for the audit log. */
export interface AuditChange {
  entityType: string;
  entityId: string;
  fields: Record<string, { before: unknown; after: unknown }>;
}

/** A failed sign-in or a lockout, for the owner's security log. */
export interface SecurityEvent {
  event: 'sign_in_failed' | 'locked_out';
  /** As typed. */
  username: string;
  userId: string | null;
  reason: 'unknown_user' | 'wrong_password' | 'account_disabled' | 'locked' | null;
}

/**
 * Lays a self-contained HTML page out as a PDF, print.css's @page deciding size and margins. The
 * process hosting the backend provides it: Electron's own printToPDF in the desktop app (there is
 * no system Chromium on a shop's Windows PC), headless Chromium under the CLI and the server.
 */
export type PdfMaker = (html: string) => Promise<Buffer>;

/**
 * What a handler and the services it calls get besides the validated input. It lives here, not
 * beside the dispatcher, so domain code depends on the context and not on how calls arrive.
 */
export interface HandlerContext {
  /** Inside a mutation this is the transaction; for a method that publishes at the end, the connection (it writes through `publish`). */
  db: Kysely<Database>;
  /** Same connection, for prepared statements on hot paths (bulk import, search). */
  sqlite: Sqlite;
  user: SessionUser | null;
  session: Session;
  transport: Transport;
  signal: AbortSignal;
  audit(change: AuditChange): void;
  /** Notes a security event; it is written when the call ends, also when the call fails and its writes roll back. */
  security(event: SecurityEvent): void;
  progress(done: number, total: number, message?: string): void;
  /**
   * For a method that publishes at the end: runs its writes in a transaction of its own, opened now,
   * that also holds the audit row. Inside `write`, use its `db`: `ctx.db` waits for this transaction.
   * Absent elsewhere: a mutation's `db` is already its transaction.
   */
  publish?<T>(write: (db: Kysely<Database>) => Promise<T>): Promise<T>;
  /**
   * For a method that publishes at the end: one short transaction of a long write (≤ ~100 ms), before
   * `publish`; waiting writes get the connection between two batches. The method owns undoing what
   * its batches wrote if it fails later (an import records every change it makes for that).
   */
  writeBatch?<T>(write: (db: Kysely<Database>) => Promise<T>): Promise<T>;
  /**
   * Runs an area's CPU-heavy, read-only task (its `tasks`) on a reader thread with that thread's own
   * read-only connection, so the thread serving calls stays free (DESIGN §1). Progress and cancel
   * (this call's signal) go through; an AppError comes back as thrown. Absent when the backend has no
   * reader threads (tests, the CLI) or on a reader itself: the caller then does the work in place.
   * `transfer` moves buffers named in `input` to the thread instead of copying them.
   */
  offThread?<T>(task: string, input: unknown, transfer?: ArrayBuffer[]): Promise<T>;
  /** Ends the user's other sessions once this call commits (their rights or password changed). */
  revokeSessionsOf(userId: string): void;
  /** Whether the signed-in user's role holds a permission (false when nobody is signed in). */
  can(permission: string): boolean;
  /** Every permission the signed-in user holds, for the UI to hide what it could not use. */
  permissions(): string[];
  /** Whose customers the signed-in user may see (read once per call from the role's setting and the team). */
  dataScope(): Promise<DataScope>;
  /** A statement or document as a PDF (to attach to an e-mail), by whatever lays out PDFs where the backend runs. */
  layOutPdf: PdfMaker;
  /** What the registered areas plug into one another (timeline branches, 360° figures, finders). */
  areas: AreaExtensions;
}

/** Before/after of the fields that differ; secrets never reach the audit log. */
export function changedFields(before: Record<string, unknown> | null, after: Record<string, unknown> | null): AuditChange['fields'] {
  const fields: AuditChange['fields'] = {};
  const keys = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
  for (const key of keys) {
    if (/password|secret|token/i.test(key)) continue;
    const b = before?.[key] ?? null;
    const a = after?.[key] ?? null;
    if (JSON.stringify(b) !== JSON.stringify(a)) fields[key] = { before: b, after: a };
  }
  return fields;
}
