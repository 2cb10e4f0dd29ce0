import type { Kysely } from 'kysely';
import type { Sqlite } from '../db/connection';
import type { Database } from '../db/schema';
import type { Session, Transport } from '../api/session';
import type { AuditChange, HandlerContext, PdfMaker, SecurityEvent } from '../domain/context';
import type { AreaRegistry } from './registry';
import { resolveDataScope, type DataScope } from '../domain/users/data-scope';

export interface ContextParts {
  db: Kysely<Database>;
  sqlite: Sqlite;
  registry: AreaRegistry;
  session: Session;
  transport: Transport;
  signal: AbortSignal;
  audit(change: AuditChange): void;
  security(event: SecurityEvent): void;
  progress(done: number, total: number, message?: string): void;
  publish?: HandlerContext['publish'];
  writeBatch?: HandlerContext['writeBatch'];
  offThread?: HandlerContext['offThread'];
  revokeSessionsOf(userId: string): void;
  layOutPdf: PdfMaker;
}

/** The context a handler runs in, the same whether dispatch runs it or a reader thread does. */
export function handlerContext(parts: ContextParts): HandlerContext {
  const { registry, session } = parts;
  let scope: Promise<DataScope> | undefined;
  return {
    db: parts.db,
    sqlite: parts.sqlite,
    user: session.user,
    session,
    transport: parts.transport,
    signal: parts.signal,
    audit: parts.audit,
    security: parts.security,
    progress: parts.progress,
    ...(parts.publish ? { publish: parts.publish } : {}),
    ...(parts.writeBatch ? { writeBatch: parts.writeBatch } : {}),
    ...(parts.offThread ? { offThread: parts.offThread } : {}),
    revokeSessionsOf: parts.revokeSessionsOf,
    layOutPdf: parts.layOutPdf,
    areas: registry.extensions,
    dataScope: () => (scope ??= resolveDataScope(parts.db, session.user)),
    can: (permission) => !!session.user && registry.roleHas(session.user.role, permission),
    permissions: () => (session.user ? registry.permissionsOf(session.user.role) : []),
  };
}
