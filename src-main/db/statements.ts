import type { Statement } from 'better-sqlite3';
import type { Sqlite } from './connection';

const cache = new WeakMap<Sqlite, Map<string, Statement>>();

/** A prepared statement, prepared once per connection: preparing costs more than running a small one. */
export function statement(sqlite: Sqlite, sql: string): Statement {
  let statements = cache.get(sqlite);
  if (!statements) cache.set(sqlite, (statements = new Map()));
  let prepared = statements.get(sql);
  if (!prepared) statements.set(sql, (prepared = sqlite.prepare(sql)));
  return prepared;
}

const ALREADY_ROLLED_BACK = { reader: false, run: () => ({ changes: 0, lastInsertRowid: 0 }) } as unknown as Statement;

/**
 * What Kysely's SQLite dialect is given instead of the connection itself: the same connection whose
 * `prepare` keeps the last `capacity` statements by their SQL, so a screen's queries are prepared
 * once, not on every call. Bounded: queries with IN lists of varying length each have their own SQL.
 * Kysely only runs `all`/`run`/`iterate` on them and never changes their mode (pluck, raw).
 */
export function preparedOnce(sqlite: Sqlite, capacity = 500): { prepare(sql: string): Statement; close(): void } {
  const statements = new Map<string, Statement>();
  return {
    prepare(asked) {
      // SQLite rolls a transaction back itself when a write fails for want of disk (SQLITE_FULL, IOERR);
      // Kysely's own ROLLBACK would then fail with "no transaction is active" and hide why it failed.
      if (asked === 'rollback' && !sqlite.inTransaction) return ALREADY_ROLLED_BACK;
      // A deferred transaction whose read turns into a write fails at once with SQLITE_BUSY, without
      // waiting, while another connection holds the write lock (the checkpointer's RESTART, another
      // process); taking the lock at BEGIN waits for it (busy_timeout) like any other write.
      const sql = asked === 'begin' && !sqlite.readonly ? 'begin immediate' : asked;
      let prepared = statements.get(sql);
      if (prepared) {
        // Most recently used last, so the first entry is the one to drop.
        statements.delete(sql);
      } else {
        prepared = sqlite.prepare(sql);
        if (statements.size >= capacity) statements.delete(statements.keys().next().value!);
      }
      statements.set(sql, prepared);
      return prepared;
    },
    close: () => sqlite.close(),
  };
}
