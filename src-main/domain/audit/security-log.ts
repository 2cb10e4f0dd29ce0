import type { Kysely } from 'kysely';
import type { Page } from '../../api/paging';
import type { Transport } from '../../api/session';
import type { Sqlite } from '../../db/connection';
import type { Database } from '../../db/schema';
import { statement } from '../../db/statements';
import type { SecurityEvent } from '../context';
import { newId, nowIso } from '../shared/ids';
import type { SecurityEntry } from './audit.contract';
import { businessDayStartUtc } from '../core/dates';
import { companyTimeZone } from '../settings/settings.service';
import { dayAfterStartUtc, pageNewestFirst } from './audit.service';

/** Written by dispatch in autocommit, outside the call's transaction (see `HandlerContext.security`). */
export function appendSecurityEvents(sqlite: Sqlite, events: SecurityEvent[], transport: Transport): void {
  const insert = statement(sqlite, 'INSERT INTO security_log (id, at, event, username, user_id, reason, transport) VALUES (?, ?, ?, ?, ?, ?, ?)');
  for (const e of events) insert.run(newId(), nowIso(), e.event, e.username.slice(0, 64), e.userId, e.reason, transport);
}

export interface SecurityFilter {
  event?: SecurityEntry['event'];
  username?: string;
  from?: string;
  to?: string;
  page: number;
  pageSize: number;
}

export async function listSecurityLog(db: Kysely<Database>, filter: SecurityFilter): Promise<Page<SecurityEntry>> {
  let query = db.selectFrom('security_log');
  if (filter.event) query = query.where('event', '=', filter.event);
  if (filter.username) query = query.where('username', '=', filter.username);
  const timeZone = filter.from || filter.to ? await companyTimeZone(db) : '';
  if (filter.from) query = query.where('at', '>=', businessDayStartUtc(filter.from, timeZone));
  if (filter.to) query = query.where('at', '<', dayAfterStartUtc(filter.to, timeZone));
  const { rows, count } = await pageNewestFirst(db, query, filter);
  return {
    ...count,
    rows: rows.map((row) => ({ id: row.id, at: row.at, event: row.event, username: row.username, userId: row.user_id, reason: row.reason, transport: row.transport })),
  };
}
