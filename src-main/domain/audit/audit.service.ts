import { sql, type Kysely, type Selectable, type SelectQueryBuilder } from 'kysely';
import type { Page } from '../../api/paging';
import { cappedCount, maintainedCount, type Total } from '../../db/counts';
import type { Sqlite } from '../../db/connection';
import type { Database } from '../../db/schema';
import { statement } from '../../db/statements';
import type { SessionUser, Transport } from '../../api/session';
import type { AuditChange } from '../context';
import { addDays, businessDayStartUtc } from '../core/dates';
import { companyTimeZone } from '../settings/settings.service';
import { newId, nowIso } from '../shared/ids';
import type { AuditEntry } from './audit.contract';

export interface AuditFilter {
  username?: string;
  userId?: string;
  method?: string;
  entityType?: string;
  entityId?: string;
  changesOnly?: boolean;
  from?: string;
  to?: string;
  page: number;
  pageSize: number;
}

/**
 * One audit row: who, when, which method, the changed entities (DESIGN §3). Written in the caller's
 * write transaction, on its connection, as one statement prepared once: every save writes one.
 */
export function appendAudit(
  sqlite: Sqlite,
  entry: { user: Pick<SessionUser, 'id' | 'username'> | null; method: string; changes: AuditChange[]; transport: Transport },
): void {
  statement(
    sqlite,
    `INSERT INTO audit_log (id, at, user_id, username, method, entity_type, entity_id, changes, change_count, changes_shown, transport)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    newId(),
    nowIso(),
    entry.user?.id ?? null,
    entry.user?.username ?? 'anonymous',
    entry.method,
    entry.changes[0]?.entityType ?? null,
    entry.changes[0]?.entityId ?? null,
    JSON.stringify(entry.changes),
    entry.changes.length,
    entry.changes.length > SHOWN_CHANGES ? JSON.stringify(entry.changes.slice(0, SHOWN_CHANGES)) : null,
    entry.transport,
  );
}

/** Rows about a person's session rather than about the business's data. */
const SESSION_METHODS = ['auth.login', 'auth.setLocale'];

/** A call that changed more records than this is shown with its first ones and their count (migration 0022). */
export const SHOWN_CHANGES = 20;

export async function listAudit(db: Kysely<Database>, filter: AuditFilter, options: { everyChange?: boolean } = {}): Promise<Page<AuditEntry>> {
  let query = db.selectFrom('audit_log');
  if (filter.username) query = query.where('username', '=', filter.username);
  if (filter.userId) query = query.where('user_id', '=', filter.userId);
  // "customers" matches every customers.* method; "customers.create" matches just that one.
  if (filter.method) query = query.where((eb) => eb.or([eb('method', '=', filter.method!), eb('method', 'like', `${filter.method}.%`)]));
  if (filter.entityType) query = query.where('entity_type', '=', filter.entityType);
  if (filter.entityId) query = query.where('entity_id', '=', filter.entityId);
  if (filter.changesOnly) query = query.where('method', 'not in', SESSION_METHODS);
  // Days are the company's: 2026-11-28 in Shanghai starts at 16:00 UTC the day before.
  const timeZone = filter.from || filter.to ? await companyTimeZone(db) : '';
  if (filter.from) query = query.where('at', '>=', businessDayStartUtc(filter.from, timeZone));
  if (filter.to) query = query.where('at', '<', dayAfterStartUtc(filter.to, timeZone));
  // The log only grows: its full count is kept by a trigger, a filtered one stops at COUNT_CAP.
  const filtered = filter.username || filter.userId || filter.method || filter.entityType || filter.entityId || filter.changesOnly || filter.from || filter.to;
  const columns = options.everyChange
    ? query.selectAll()
    : query.select(['id', 'at', 'user_id', 'username', 'method', 'entity_type', 'entity_id', 'transport', 'change_count', sql<string>`coalesce(changes_shown, changes)`.as('changes')]);
  const { rows, count } = await pageNewestFirst(db, query, filter, filtered ? null : ['audit_log'], columns);
  // The operator as people know them (本机管理员 for the daily jobs), read once for the page.
  const userIds = [...new Set(rows.flatMap((row) => (row.user_id ? [row.user_id] : [])))];
  const names = new Map(
    userIds.length ? (await db.selectFrom('users').select(['id', 'display_name']).where('id', 'in', userIds).execute()).map((u) => [u.id, u.display_name] as const) : [],
  );
  return {
    ...count,
    rows: rows.map((row) => ({
      id: row.id,
      at: row.at,
      userId: row.user_id,
      username: row.username,
      userName: (row.user_id && names.get(row.user_id)) || null,
      method: row.method,
      entityType: row.entity_type,
      entityId: row.entity_id,
      changes: JSON.parse(row.changes) as AuditEntry['changes'],
      changeCount: row.change_count,
      transport: row.transport,
    })),
  };
}

/**
 * One page of a log table, newest first, and how many rows the filters match: from `maintained`'s
 * trigger-kept counts when given (an unfiltered log), else counted up to COUNT_CAP.
 */
export async function pageNewestFirst<T extends 'audit_log' | 'security_log'>(
  db: Kysely<Database>,
  query: SelectQueryBuilder<Database, T, object>,
  paging: { page: number; pageSize: number },
  maintained: readonly string[] | null = null,
  /** The columns of the page: every one unless given. */
  columns: SelectQueryBuilder<Database, T, object> = query.selectAll(),
): Promise<{ rows: Selectable<Database[T]>[]; count: Total }> {
  const [rows, count] = await Promise.all([
    columns
      .orderBy('at', 'desc')
      .orderBy('id', 'desc')
      .limit(paging.pageSize)
      .offset((paging.page - 1) * paging.pageSize)
      .execute(),
    maintained ? maintainedCount(db, maintained) : cappedCount(db, sql`FROM (${query.select('id')})`),
  ]);
  // selectAll() over a generic table loses the row type Kysely knows for each concrete one.
  return { rows: rows as unknown as Selectable<Database[T]>[], count };
}

/** The instant the company's business day after `date` begins: the end of a date filter. */
export function dayAfterStartUtc(date: string, timeZone: string): string {
  return businessDayStartUtc(addDays(date, 1), timeZone);
}
