import type { Kysely } from 'kysely';
import type { Connection } from '../db/connection';
import type { Database } from '../db/schema';
import type { AreaRegistry } from '../backend/registry';
import type { AuditChange, HandlerContext, PdfMaker, SecurityEvent } from '../domain/context';
import { handlerContext } from '../backend/read-context';
import { appendAudit } from '../domain/audit/audit.service';
import { appendSecurityEvents } from '../domain/audit/security-log';
import { storageFailure } from '../db/storage-errors';
import { AppError, validationError } from './errors';
import { issuesFromZod } from './issues';
import type { ApiEvent, Result } from './result';
import type { Session, SessionUser, Transport } from './session';

export interface Backend {
  conn: Connection;
  registry: AreaRegistry;
  /** Sends an event to every connected UI, or only to `audience` (the session that started a job). */
  emit(event: ApiEvent, audience?: Session): void;
  /** The caller's user as stored now, or why their session has ended (it is signed out in place). */
  currentUser(call: CallContext): SessionUser | 'signed_out' | 'expired' | 'revoked';
  /** Ends every other session of a user whose rights just changed (their event streams close at once). */
  revokeSessions(userId: string, except: Session | null): void;
  /** Writes an unexpected error to the log file; returns the reference the caller is shown. */
  logError(method: string, error: unknown, context?: { userId?: string | null }): string;
  /** After bulk writes and daily: lets SQLite re-analyze what grew (DESIGN §3, planner statistics). */
  refreshPlannerStatistics(): void;
  /** Jobs that can be cancelled, by the jobId the caller chose. */
  jobs: Map<string, AbortController>;
  /** How this process lays out PDFs (Electron's printToPDF in the desktop app, headless Chromium elsewhere). */
  layOutPdf: PdfMaker;
  /** Reader threads with their own read-only connections; absent for in-memory databases and one-shot commands. */
  readers?: Readers;
}

/** Reads served off the writer's thread (DESIGN §1); resolves with the handler's data or throws its AppError. */
export interface Readers {
  /** False while the threads start (a few seconds): reads then run on the writer's connection. */
  readonly ready: boolean;
  read(request: { method: string; input: unknown; user: SessionUser | null; transport: Transport }, progress: (done: number, total: number, message?: string) => void, signal: AbortSignal): Promise<unknown>;
  /** An area's task (`ctx.offThread`), `method` naming the task. */
  task(request: { method: string; input: unknown; user: SessionUser | null; transport: Transport }, progress: (done: number, total: number, message?: string) => void, signal: AbortSignal, transfer?: ArrayBuffer[]): Promise<unknown>;
}

export interface CallContext {
  session: Session;
  transport: Transport;
}

/**
 * The single entry for every transport (DESIGN §2): check permission → validate → run
 * (mutations in one transaction, with one audit row) → result envelope.
 */
export async function dispatch(backend: Backend, call: CallContext, method: string, rawInput: unknown): Promise<Result<unknown>> {
  const { contract, handlers, roleHas } = backend.registry;
  if (!Object.hasOwn(contract, method)) {
    return { ok: false, error: { code: 'NOT_FOUND', message: `Unknown method ${method}` } };
  }
  const spec = contract[method]!;
  try {
    // The user as stored now: a disabled, demoted or re-passworded user's old session cannot act.
    const current = backend.currentUser(call);
    const user = typeof current === 'string' ? null : current;
    // Permission before validation: a role that may not call a method learns nothing about its input.
    if (spec.permission !== 'public') {
      if (current === 'expired') throw new AppError('UNAUTHENTICATED', 'Your session has expired; please sign in again.');
      if (current === 'revoked') throw new AppError('UNAUTHENTICATED', 'Your account or its rights changed; please sign in again.');
      if (!user) throw new AppError('UNAUTHENTICATED', 'Please sign in first.');
      if (spec.permission !== 'signedIn' && !roleHas(user.role, spec.permission)) {
        throw new AppError('FORBIDDEN', `Your role (${user.role}) does not allow ${method}.`);
      }
    }
    const parsed = spec.input.safeParse(rawInput === undefined ? {} : rawInput);
    if (!parsed.success) throw validationError(issuesFromZod(parsed.error));
    const revoked = new Set<string>();
    const data = await run(backend, call, method, handlers[method]!, parsed.data, spec.publishesAtEnd ? 'publishesAtEnd' : spec.mutates, revoked, spec.runsOn !== 'writer');
    // Only after the commit: a refused change ends nobody's session.
    for (const userId of revoked) backend.revokeSessions(userId, call.session);
    if (spec.bulkWrite) backend.refreshPlannerStatistics();
    if (spec.mutates) backend.emit({ kind: 'data.changed', areas: spec.changes ?? [method.split('.')[0]!] });
    return { ok: true, data };
  } catch (error) {
    if (error instanceof AppError) return { ok: false, error: error.toApiError() };
    const reference = backend.logError(method, error, { userId: call.session.user?.id ?? null });
    // Logged as well: a failing disk is worth finding in the log, but the caller is told plainly.
    const refusedWrite = storageFailure(error, backend.conn.file);
    if (refusedWrite) return { ok: false, error: refusedWrite.toApiError() };
    return {
      ok: false,
      error: { code: 'INTERNAL', message: `Something went wrong inside Desk ERP; the details are in the log file (reference ${reference}).`, details: { reference } },
    };
  }
}

async function run(
  backend: Backend,
  call: CallContext,
  name: string,
  handler: (input: unknown, ctx: HandlerContext) => Promise<unknown>,
  input: unknown,
  mutates: boolean | 'publishesAtEnd',
  revoked: Set<string>,
  onReader = false,
): Promise<unknown> {
  // jobs.cancel names someone else's job; only the long job itself registers its jobId.
  const jobId =
    name !== 'jobs.cancel' && typeof input === 'object' && input !== null && 'jobId' in input ? String((input as { jobId?: unknown }).jobId ?? '') : '';
  const controller = new AbortController();
  if (jobId) backend.jobs.set(jobId, controller);
  const changes: AuditChange[] = [];
  const securityEvents: SecurityEvent[] = [];
  const progress = (done: number, total: number, message?: string) => {
    if (jobId) backend.emit({ kind: 'progress', jobId, done, total, ...(message ? { message } : {}) }, call.session);
  };
  // On the write connection, inside the call's transaction (the caller holds Kysely's connection lock).
  const appendCallAudit = () => appendAudit(backend.conn.sqlite, { user: call.session.user, method: name, changes, transport: call.transport });
  let published = false;
  // The write connection is held only while the call publishes; before, waiting writes run between its steps.
  const publish: NonNullable<HandlerContext['publish']> = (write) => {
    if (published) throw new Error(`${name} publishes twice: its writes would not be all-or-nothing`);
    published = true;
    return backend.conn.db.transaction().execute(async (trx) => {
      const data = await write(trx);
      appendCallAudit();
      return data;
    });
  };
  const writeBatch: NonNullable<HandlerContext['writeBatch']> = (write) => {
    if (published) throw new Error(`${name} writes a batch after publishing`);
    return backend.conn.db.transaction().execute(write);
  };
  // Tasks go to a reader only once one has opened its connection; until then the handler works in place.
  const readers = backend.readers?.ready ? backend.readers : undefined;
  const offThread: HandlerContext['offThread'] = readers
    ? <T>(task: string, taskInput: unknown, transfer?: ArrayBuffer[]) =>
        readers.task({ method: task, input: taskInput, user: call.session.user, transport: call.transport }, progress, controller.signal, transfer) as Promise<T>
    : undefined;
  const contextFor = (db: Kysely<Database>, publishesAtEnd = false): HandlerContext =>
    handlerContext({
      db,
      sqlite: backend.conn.sqlite,
      registry: backend.registry,
      session: call.session,
      transport: call.transport,
      signal: controller.signal,
      audit: (change) => changes.push(change),
      security: (event) => securityEvents.push(event),
      progress,
      ...(publishesAtEnd ? { publish, writeBatch } : {}),
      ...(offThread ? { offThread } : {}),
      revokeSessionsOf: (userId) => revoked.add(userId),
      layOutPdf: backend.layOutPdf,
    });
  try {
    // A read runs on a reader thread when the backend has them, so it never waits for a long write.
    if (!mutates && onReader && backend.readers?.ready) return await backend.readers.read({ method: name, input, user: call.session.user, transport: call.transport }, progress, controller.signal);
    if (!mutates) return await handler(input, contextFor(backend.conn.db));
    if (mutates === 'publishesAtEnd') {
      const data = await handler(input, contextFor(backend.conn.db, true));
      // A call that found nothing to write but noted what it did (a strict import with errors) is audited
      // all the same; one that noted nothing (a start-up recovery with nothing to recover) leaves no row.
      if (!published && changes.length > 0) await backend.conn.db.transaction().execute(async () => appendCallAudit());
      return data;
    }
    return await backend.conn.db.transaction().execute(async (trx) => {
      const before = call.session.user;
      const data = await handler(input, contextFor(trx));
      appendAudit(backend.conn.sqlite, { user: call.session.user ?? before, method: name, changes, transport: call.transport });
      return data;
    });
  } finally {
    if (jobId) backend.jobs.delete(jobId);
    // After the transaction has committed or rolled back: a refused sign-in must leave its trace.
    if (securityEvents.length > 0) writeSecurityEvents(backend, securityEvents, call);
  }
}

function writeSecurityEvents(backend: Backend, events: SecurityEvent[], call: CallContext): void {
  try {
    appendSecurityEvents(backend.conn.sqlite, events, call.transport);
  } catch (error) {
    // The call's own answer stands; the log file keeps what the security log could not.
    backend.logError('security log', error, { userId: call.session.user?.id ?? null });
  }
}
