/**
 * Append-only ledgers (DESIGN §3): stock moves, receivable entries, points, vouchers, the audit
 * log. SQL refuses UPDATE and DELETE of posted rows; a mistake is corrected by a reversing entry;
 * summary rows (on hand, balance, points) move in the same transaction as their entries, and an
 * invariant check (`cli check`, summaryMatchesLedger in checks/invariants) recomputes them.
 *
 * Customer merge and ledgers: posted rows keep the customer id they were posted with, forever.
 * The merge leaves append-only tables alone (customers.merge skips every table appendOnlyTables
 * names); balances resolve the merged customer through customers.merged_into_id, which the merge
 * keeps flat (always the survivor): GROUP BY coalesce(c.merged_into_id, c.id). The summary rows
 * are folded into the survivor's by the merge, in its transaction. Why not transfer entries: they
 * would double every merged customer's history in statements, would have to be posted again for
 * entries that an offline desktop posts to the old id after the merge (sync merges ledgers by
 * union), and a printed invoice would no longer match the ledger row behind it.
 */
import { AppError } from '../../api/errors';
import type { Sqlite } from '../../db/connection';
import { statement } from '../../db/statements';
import { fieldIssue } from '../../api/issues';

const IDENTIFIER = /^[a-z_][a-z0-9_]*$/;

function identifier(name: string): string {
  if (!IDENTIFIER.test(name)) throw new Error(`${JSON.stringify(name)} is not a table or column name`);
  return name;
}

export interface AppendOnlyOptions {
  /** A condition on OLD for rows that are posted, e.g. "OLD.posted_at IS NOT NULL"; default: every row. */
  postedWhen?: string;
  /** The column a reversing entry names the entry it reverses in; adds "reversed once" and "no reversal of a reversal". */
  reversesColumn?: string;
}

export const appendOnlyTriggerNames = (table: string) => [`${table}_append_only_update`, `${table}_append_only_delete`];

/**
 * The SQL a migration pastes to make a table a ledger (migrations are plain SQL files, so this is
 * for writing them and for tests; ledger.test.ts checks the output works).
 */
export function appendOnlySql(table: string, options: AppendOnlyOptions = {}): string {
  const t = identifier(table);
  const when = options.postedWhen ? ` WHEN ${options.postedWhen}` : '';
  const refuse = `BEGIN SELECT RAISE(ABORT, '${t} is append-only: post a reversing entry instead'); END;`;
  const [onUpdate, onDelete] = appendOnlyTriggerNames(t);
  const sql = [`CREATE TRIGGER ${onUpdate} BEFORE UPDATE ON ${t}${when}\n${refuse}`, `CREATE TRIGGER ${onDelete} BEFORE DELETE ON ${t}${when}\n${refuse}`];
  if (options.reversesColumn) {
    const r = identifier(options.reversesColumn);
    sql.push(
      `CREATE UNIQUE INDEX ${t}_reversed_once ON ${t} (${r}) WHERE ${r} IS NOT NULL;`,
      `CREATE TRIGGER ${t}_no_reversal_of_reversal BEFORE INSERT ON ${t}\nWHEN NEW.${r} IS NOT NULL AND (SELECT ${r} FROM ${t} WHERE id = NEW.${r}) IS NOT NULL\nBEGIN SELECT RAISE(ABORT, '${t}: a reversing entry cannot itself be reversed'); END;`,
    );
  }
  return `${sql.join('\n')}\n`;
}

/** Tables protected by appendOnlySql's triggers: what a customer merge must not rewrite. */
export function appendOnlyTables(sqlite: Sqlite): Set<string> {
  const rows = sqlite.prepare("SELECT tbl_name FROM sqlite_master WHERE type = 'trigger' AND name = tbl_name || '_append_only_update'").pluck().all() as string[];
  return new Set(rows);
}

export interface LedgerDefinition {
  table: string;
  /** Default 'reverses_id'. */
  reversesColumn?: string;
  /** Columns a reversal negates: quantity, amount, points. */
  negate: readonly string[];
}

function columnsOf(sqlite: Sqlite, table: string): string[] {
  const columns = statement(sqlite, 'SELECT name FROM pragma_table_info(?)').pluck().all(identifier(table)) as string[];
  if (columns.length === 0) throw new Error(`No table ${table}`);
  return columns;
}

/**
 * Posts the entry that reverses another: a copy with the `negate` columns negated, naming the
 * original in its reverses column, with `values` (its own id, date, user, note) on top. An entry
 * is reversed once; a reversing entry is never reversed itself (post the entry again instead).
 */
export function reverseEntry(sqlite: Sqlite, ledger: LedgerDefinition, entryId: string, values: Record<string, unknown> & { id: string }): Record<string, unknown> {
  const t = identifier(ledger.table);
  const r = identifier(ledger.reversesColumn ?? 'reverses_id');
  const original = statement(sqlite, `SELECT * FROM ${t} WHERE id = ?`).get(entryId) as Record<string, unknown> | undefined;
  if (!original) throw new AppError('NOT_FOUND', `${t} entry ${entryId} does not exist`, [fieldIssue('entryId', 'not_found', { entity: 'ledgerEntry', id: entryId })]);
  if (!(r in original)) throw new Error(`${t} has no column ${r} to name the entry a reversal reverses`);
  if (original[r] !== null) {
    throw new AppError('CONFLICT', `${t} entry ${entryId} is itself a reversal of ${String(original[r])}`, [fieldIssue('entryId', 'reversal_of_reversal', { reverses: String(original[r]) })]);
  }
  const earlier = statement(sqlite, `SELECT id FROM ${t} WHERE ${r} = ?`).pluck().get(entryId) as string | undefined;
  if (earlier) throw new AppError('CONFLICT', `${t} entry ${entryId} was already reversed by ${earlier}`, [fieldIssue('entryId', 'already_reversed', { reversedBy: earlier })]);

  const reversal: Record<string, unknown> = { ...original, [r]: entryId };
  for (const column of ledger.negate) {
    if (typeof original[column] !== 'number') throw new Error(`${t}.${column} is not a number to negate`);
    reversal[column] = -(original[column] as number);
  }
  Object.assign(reversal, values);
  const columns = columnsOf(sqlite, t).filter((c) => c in reversal);
  return statement(sqlite, `INSERT INTO ${t} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')}) RETURNING *`)
    .get(...columns.map((c) => reversal[c])) as Record<string, unknown>;
}

export interface SummaryDelta {
  table: string;
  /** The summary row's key (its primary key or a unique index): { customer_id: 'c1' }. */
  key: Record<string, string | number>;
  /** What the entry adds: { balance_due: 12_300 }. */
  add: Record<string, number>;
  /** Plain values written on insert and update, e.g. { updated_at: now }. */
  set?: Record<string, string | number | null>;
}

/**
 * Moves a summary row by an entry's amounts, creating it at zero plus the amounts when missing.
 * Call it in the transaction that posts the entry, so the two can never disagree.
 */
export function applyToSummary(sqlite: Sqlite, delta: SummaryDelta): void {
  const t = identifier(delta.table);
  const keys = Object.keys(delta.key).map(identifier);
  const adds = Object.keys(delta.add).map(identifier);
  const sets = Object.keys(delta.set ?? {}).map(identifier);
  if (keys.length === 0 || adds.length === 0) throw new Error('A summary delta needs a key and something to add');
  for (const column of adds) if (!Number.isSafeInteger(delta.add[column])) throw new RangeError(`${t}.${column} moves by whole numbers only`);
  const columns = [...keys, ...adds, ...sets];
  const update = [...adds.map((c) => `${c} = ${c} + excluded.${c}`), ...sets.map((c) => `${c} = excluded.${c}`)];
  statement(sqlite, `INSERT INTO ${t} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')}) ON CONFLICT (${keys.join(', ')}) DO UPDATE SET ${update.join(', ')}`)
    .run(...keys.map((c) => delta.key[c]), ...adds.map((c) => delta.add[c]), ...sets.map((c) => delta.set![c]));
}
