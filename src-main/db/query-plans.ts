import type { Statement } from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import type { Connection, Sqlite } from './connection';
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

/**
 * The steps of a plan that read every row of a table (named by any of `names`, its alias too): a
 * SCAN, or a SEARCH whose only constraints are `=` on columns with a handful of values (`status`),
 * which walks every active customer as surely as a SCAN does. A walk that LIMIT stops early looks
 * the same, so assert this where nothing stops it: searches and counts.
 */
export function wholeTableWalks(plan: string, names: readonly string[], fewValued: readonly string[] = ['status']): string[] {
  return plan.split('\n').filter((line) => {
    const step = /^\s*(SCAN|SEARCH) (\S+)(?: USING .*?)?(?: \(([^()]*)\))?(?: LEFT-JOIN)?$/.exec(line);
    if (!step || !names.includes(step[2]!)) return false;
    if (step[1] === 'SCAN') return true;
    const constraints = (step[3] ?? '').split(' AND ').filter(Boolean);
    return constraints.every((c) => fewValued.some((column) => c === `${column}=?`));
  });
}

export interface CapturedStatement {
  sql: string;
  args: unknown[];
  reader: boolean;
}

type Run = 'all' | 'get' | 'run' | 'iterate';
const RUNS: Run[] = ['all', 'get', 'run', 'iterate'];

/**
 * Runs `work` and returns, in order, every statement it ran on `sqlite` with its parameters:
 * Kysely's and our prepared ones alike (captured at better-sqlite3's Statement), so a plan test
 * sees a whole call and the bench can replay it.
 */
export async function statementsRunBy(sqlite: Sqlite, work: () => Promise<unknown>): Promise<CapturedStatement[]> {
  const proto = Object.getPrototypeOf(sqlite.prepare('SELECT 1')) as Record<Run, (...args: unknown[]) => unknown>;
  const originals = Object.fromEntries(RUNS.map((name) => [name, proto[name]])) as Record<Run, (...args: unknown[]) => unknown>;
  const captured: CapturedStatement[] = [];
  for (const name of RUNS) {
    proto[name] = function (this: Statement, ...args: unknown[]) {
      if (this.database === sqlite) captured.push({ sql: this.source, args, reader: this.reader });
      return originals[name].apply(this, args);
    };
  }
  try {
    await work();
  } finally {
    for (const name of RUNS) proto[name] = originals[name];
  }
  return captured;
}

/** EXPLAIN QUERY PLAN of a captured statement, one step a line (empty for BEGIN, COMMIT and the like). */
export function planOf(sqlite: Sqlite, statement: CapturedStatement): string {
  if (/^\s*(begin|commit|rollback|savepoint|release)\b/i.test(statement.sql)) return '';
  return (sqlite.prepare(`EXPLAIN QUERY PLAN ${statement.sql}`).all(...statement.args) as { detail: string }[]).map((r) => r.detail).join('\n');
}
