/**
 * The product's own SQL for a call, as the baseline: every statement the connection ran (Kysely's
 * and our prepared ones alike), with its parameters, captured at better-sqlite3's Statement and
 * replayed as statements prepared once on the same file.
 */
import type { Statement } from 'better-sqlite3';
import type { Sqlite } from '../src-main/db/connection';

export interface CapturedStatement {
  sql: string;
  args: unknown[];
  reader: boolean;
}

type Run = 'all' | 'get' | 'run' | 'iterate';
const RUNS: Run[] = ['all', 'get', 'run', 'iterate'];

/** Runs `work` and returns, in order, the statements it ran on `sqlite`. */
export async function captureStatements(sqlite: Sqlite, work: () => Promise<unknown>): Promise<CapturedStatement[]> {
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

/**
 * Replays captured calls: statements are prepared once (as the product's cache does), then run
 * with each call's own parameters. `calls[i % calls.length]` is what call i of the product ran.
 */
export function replayer(sqlite: Sqlite, calls: CapturedStatement[][]): (i: number) => void {
  const prepared = new Map<string, Statement>();
  for (const call of calls) for (const s of call) if (!prepared.has(s.sql)) prepared.set(s.sql, sqlite.prepare(s.sql));
  return (i) => {
    for (const s of calls[i % calls.length]!) {
      const statement = prepared.get(s.sql)!;
      if (s.reader) statement.all(...s.args);
      else statement.run(...s.args);
    }
  };
}

/** What a replay shows in the report: how many statements one call ran. */
export function statementCount(calls: CapturedStatement[][]): number {
  return Math.round(calls.reduce((n, call) => n + call.length, 0) / calls.length);
}
