/**
 * The product's own SQL for a call, as the baseline: every statement the connection ran (Kysely's
 * and our prepared ones alike), with its parameters, captured at better-sqlite3's Statement and
 * replayed as statements prepared once on the same file.
 */
import type { Statement } from 'better-sqlite3';
import type { Sqlite } from '../src-main/db/connection';
import { statementsRunBy, type CapturedStatement } from '../src-main/db/query-plans';

export type { CapturedStatement };
/** Runs `work` and returns, in order, the statements it ran on `sqlite`. */
export const captureStatements = statementsRunBy;

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
