import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { Connection, Sqlite } from '../db/connection';
import type { Database } from '../db/schema';
import { newId, nowIso } from '../domain/shared/ids';
import { contract, type MethodName, type ParsedInputOf, type OutputOf } from './contract';
import { AppError, validationError, type ApiError, type FieldIssue } from './errors';
import { roleHas, type Permission } from './permissions';
import type { ApiEvent, Result } from './result';
import type { Session, SessionUser, Transport } from './session';

/** One changed entity, with the fields that changed (before/after), for the audit log. */
export interface AuditChange {
  entityType: string;
  entityId: string;
  fields: Record<string, { before: unknown; after: unknown }>;
}

/** What a handler gets besides its validated input. */
export interface HandlerContext {
  /** Inside a mutation this is the transaction. */
  db: Kysely<Database>;
  /** Same connection, for prepared statements on hot paths (bulk import, search). */
  sqlite: Sqlite;
  user: SessionUser | null;
  session: Session;
  transport: Transport;
  signal: AbortSignal;
  audit(change: AuditChange): void;
  progress(done: number, total: number, message?: string): void;
  emit(event: ApiEvent): void;
}

export type Handler<M extends MethodName> = (input: ParsedInputOf<M>, ctx: HandlerContext) => Promise<OutputOf<M>>;
export type Handlers = { [M in MethodName]: Handler<M> };

export interface Backend {
  conn: Connection;
  handlers: Handlers;
  emit(event: ApiEvent): void;
  logError(method: string, error: unknown): void;
  /** Jobs that can be cancelled, by the jobId the caller chose. */
  jobs: Map<string, AbortController>;
}

export interface CallContext {
  session: Session;
  transport: Transport;
}

/** zod issues as field paths; an unknown key is reported at its own path, not at the object's. */
export function zodIssues(error: z.ZodError): FieldIssue[] {
  return error.issues.flatMap((issue) => {
    const base = issue.path.join('.');
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => {
        const name = key === '' ? '""' : key;
        return { path: base ? `${base}.${name}` : name, message: 'Unknown field' };
      });
    }
    return [{ path: base, message: issue.message }];
  });
}

/**
 * The single entry for every transport (DESIGN §2): check permission → validate → run
 * (mutations in one transaction, with one audit row) → result envelope.
 */
export async function dispatch(backend: Backend, call: CallContext, method: string, rawInput: unknown): Promise<Result<unknown>> {
  if (!Object.hasOwn(contract, method)) {
    return { ok: false, error: { code: 'NOT_FOUND', message: `Unknown method ${method}` } };
  }
  const name = method as MethodName;
  const spec = contract[name];
  try {
    // Permission before validation: a role that may not call a method learns nothing about its input.
    const user = call.session.user;
    if (spec.permission !== 'public') {
      if (!user) throw new AppError('UNAUTHENTICATED', 'Please sign in first.');
      if (spec.permission !== 'signedIn' && !roleHas(user.role, spec.permission as Permission)) {
        throw new AppError('FORBIDDEN', `Your role (${user.role}) does not allow ${method}.`);
      }
    }
    const parsed = spec.input.safeParse(rawInput === undefined ? {} : rawInput);
    if (!parsed.success) throw validationError(zodIssues(parsed.error));
    const data = await run(backend, call, name, parsed.data, spec.mutates);
    if (spec.mutates) backend.emit({ kind: 'data.changed', areas: spec.changes ?? [name.split('.')[0]!] });
    return { ok: true, data };
  } catch (error) {
    if (error instanceof AppError) return { ok: false, error: reportedError(error, spec.issuePath) };
    backend.logError(method, error);
    return { ok: false, error: { code: 'INTERNAL', message: 'Something went wrong inside Desk ERP; the details are in the log file.' } };
  }
}

/** The error as the caller sees it: issue paths (and the summary naming them) through the method's issuePath. */
function reportedError(error: AppError, issuePath: ((path: string) => string) | undefined): ApiError {
  const reported = error.toApiError();
  if (!issuePath || !reported.issues) return reported;
  const issues = reported.issues.map((issue) => ({ ...issue, path: issuePath(issue.path) }));
  const summarised = reported.message === validationError(reported.issues).message;
  return { ...reported, issues, message: summarised ? validationError(issues).message : reported.message };
}

async function run(backend: Backend, call: CallContext, name: MethodName, input: unknown, mutates: boolean): Promise<unknown> {
  // jobs.cancel names someone else's job; only the long job itself registers its jobId.
  const jobId =
    name !== 'jobs.cancel' && typeof input === 'object' && input !== null && 'jobId' in input ? String((input as { jobId?: unknown }).jobId ?? '') : '';
  const controller = new AbortController();
  if (jobId) backend.jobs.set(jobId, controller);
  const changes: AuditChange[] = [];
  const handler = backend.handlers[name] as (input: unknown, ctx: HandlerContext) => Promise<unknown>;
  const contextFor = (db: Kysely<Database>): HandlerContext => ({
    db,
    sqlite: backend.conn.sqlite,
    user: call.session.user,
    session: call.session,
    transport: call.transport,
    signal: controller.signal,
    audit: (change) => changes.push(change),
    progress: (done, total, message) => {
      if (jobId) backend.emit({ kind: 'progress', jobId, done, total, ...(message ? { message } : {}) });
    },
    emit: backend.emit,
  });
  try {
    if (!mutates) return await handler(input, contextFor(backend.conn.db));
    return await backend.conn.db.transaction().execute(async (trx) => {
      const before = call.session.user;
      const data = await handler(input, contextFor(trx));
      const actor = call.session.user ?? before;
      await trx
        .insertInto('audit_log')
        .values({
          id: newId(),
          at: nowIso(),
          user_id: actor?.id ?? null,
          username: actor?.username ?? 'anonymous',
          method: name,
          entity_type: changes[0]?.entityType ?? null,
          entity_id: changes[0]?.entityId ?? null,
          changes: JSON.stringify(changes),
          transport: call.transport,
        })
        .execute();
      return data;
    });
  } finally {
    if (jobId) backend.jobs.delete(jobId);
  }
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
