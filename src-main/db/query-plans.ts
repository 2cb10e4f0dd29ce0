import { Kysely, SqliteDialect } from 'kysely';
import type { Connection } from './connection';
import type { Database } from './schema';

/**
 * For query-plan tests (STYLE: a hot query's index is asserted): runs `work` on a Kysely that
 * records its SQL, and returns SQLite's EXPLAIN QUERY PLAN of each statement.
 */
export async function plansOf(conn: Connection, work: (db: Kysely<Database>) => Promise<unknown>): Promise<string[]> {
  const statements: { sql: string; parameters: readonly unknown[] }[] = [];
  const db = new Kysely<Database>({
    dialect: new SqliteDialect({ database: conn.sqlite }),
    log: (event) => {
      if (event.level === 'query') statements.push({ sql: event.query.sql, parameters: event.query.parameters });
    },
  });
  await work(db);
  return statements.map(({ sql, parameters }) =>
    (conn.sqlite.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...(parameters as unknown[])) as { detail: string }[]).map((r) => r.detail).join('\n'),
  );
}
