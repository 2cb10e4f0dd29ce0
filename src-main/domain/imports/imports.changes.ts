/**
 * The customer import's record of what it wrote (customer_import_changes, migration 0023) and how
 * it is taken back: a customer the import created is removed with everything the import wrote
 * beside it; an updated customer gets back its row, contacts, addresses and tags as they were.
 * Everything here runs on the caller's transaction.
 */
import type { Sqlite } from '../../db/connection';
import { statement } from '../../db/statements';
import type { HandlerContext } from '../context';
import { BATCH_BUDGET_MS, inBatches } from '../core/batches';
import { refreshSearch } from './imports.search-row';

/** An updated customer as it was before the import: its row, contacts, addresses and tag ids. */
interface BeforeImage {
  customer: Record<string, unknown>;
  contacts: Record<string, unknown>[];
  addresses: Record<string, unknown>[];
  tagIds: string[];
}

/** The columns of a table that can be written back (generated columns are left out). */
function writableColumns(sqlite: Sqlite, table: string): string[] {
  return (statement(sqlite, `SELECT name FROM pragma_table_xinfo('${table}') WHERE hidden = 0`).all() as { name: string }[]).map((c) => c.name);
}

/** Notes an existing customer's before-image the first time the import touches it. */
export function noteBeforeImage(sqlite: Sqlite, importId: string, customerId: string): void {
  if (statement(sqlite, 'SELECT 1 AS noted FROM customer_import_changes WHERE import_id = ? AND customer_id = ?').get(importId, customerId)) return;
  const image: BeforeImage = {
    customer: statement(sqlite, 'SELECT * FROM customers WHERE id = ?').get(customerId) as Record<string, unknown>,
    contacts: statement(sqlite, 'SELECT * FROM customer_contacts WHERE customer_id = ?').all(customerId) as Record<string, unknown>[],
    addresses: statement(sqlite, 'SELECT * FROM customer_addresses WHERE customer_id = ?').all(customerId) as Record<string, unknown>[],
    tagIds: (statement(sqlite, 'SELECT tag_id FROM customer_tags WHERE customer_id = ?').all(customerId) as { tag_id: string }[]).map((t) => t.tag_id),
  };
  statement(sqlite, "INSERT INTO customer_import_changes (import_id, customer_id, kind, before) VALUES (?, ?, 'updated', ?)").run(importId, customerId, JSON.stringify(image));
}

function writeBack(sqlite: Sqlite, table: string, row: Record<string, unknown>): void {
  const columns = writableColumns(sqlite, table).filter((c) => c !== 'id' && c in row);
  statement(sqlite, `UPDATE ${table} SET ${columns.map((c) => `${c} = ?`).join(', ')} WHERE id = ?`).run(...columns.map((c) => row[c]), row.id);
}

function restoreRows(sqlite: Sqlite, table: 'customer_contacts' | 'customer_addresses', customerId: string, rows: Record<string, unknown>[]): void {
  statement(sqlite, `DELETE FROM ${table} WHERE customer_id = ? AND id NOT IN (SELECT value FROM json_each(?))`).run(customerId, JSON.stringify(rows.map((r) => r.id)));
  for (const row of rows) writeBack(sqlite, table, row);
}

function restoreUpdated(sqlite: Sqlite, customerId: string, image: BeforeImage): void {
  writeBack(sqlite, 'customers', image.customer);
  // An owner put back restarts owner_since by trigger (0013); the owner's clock is put back too.
  statement(sqlite, 'UPDATE customers SET owner_since = ? WHERE id = ?').run(image.customer.owner_since ?? null, customerId);
  restoreRows(sqlite, 'customer_contacts', customerId, image.contacts);
  restoreRows(sqlite, 'customer_addresses', customerId, image.addresses);
  statement(sqlite, 'DELETE FROM customer_tags WHERE customer_id = ? AND tag_id NOT IN (SELECT value FROM json_each(?))').run(customerId, JSON.stringify(image.tagIds));
  refreshSearch(sqlite, customerId);
}

/** The rows the import wrote beside a new customer, children first (foreign keys). */
export const CREATED_ALONGSIDE = ['customer_search', 'customer_tags', 'customer_addresses', 'customer_contacts', 'customer_stage_history', 'customer_stats'] as const;

function removeCreated(sqlite: Sqlite, customerId: string): void {
  for (const table of CREATED_ALONGSIDE) statement(sqlite, `DELETE FROM ${table} WHERE customer_id = ?`).run(customerId);
  statement(sqlite, 'DELETE FROM customers WHERE id = ?').run(customerId);
}

export interface TakeBackProgress {
  removed: number;
  restored: number;
  /** Rows that could not be taken back (something else refers to them now); their change rows stay. */
  kept: string[];
  /** Keyset position: the last id looked at. */
  after: string;
}

/**
 * Takes an import's changes back in short batches (a customer import's or a product import's):
 * `step` takes back what one batch's time allows and says whether all are back; `finish` gives the
 * import's codes and the like back, once all are gone and nothing had to be kept.
 */
export async function takeBackInBatches(
  ctx: HandlerContext,
  total: number,
  step: (progress: TakeBackProgress, budgetMs: number) => boolean,
  finish: () => void,
): Promise<TakeBackProgress> {
  const progress: TakeBackProgress = { removed: 0, restored: 0, kept: [], after: '' };
  await inBatches(
    ctx,
    async () => {
      const all = step(progress, BATCH_BUDGET_MS);
      if (all && progress.kept.length === 0) finish();
      return all;
    },
    () => ({ done: progress.removed + progress.restored, total, message: 'undoing' }),
    false,
  );
  return progress;
}

/** One noted change of an import: the row it is about (its id), what the import did, and the before-image of an update. */
export interface NotedChange {
  id: string;
  kind: 'created' | 'updated';
  before: string | null;
}

/**
 * Takes back an import's noted changes (`next(after)` pages them by id) for about `budgetMs`, one by
 * one, each in a savepoint so one that something else now refers to (an order, a stock move) is kept
 * and the rest go. `undo` removes the change's row and its note. Returns true when every change has been looked at.
 */
export function takeBackEachFor(sqlite: Sqlite, next: (after: string) => NotedChange[], undo: (change: NotedChange) => void, progress: TakeBackProgress, budgetMs: number): boolean {
  const started = performance.now();
  const one = sqlite.transaction(undo);
  for (;;) {
    const changes = next(progress.after);
    if (changes.length === 0) return true;
    for (const change of changes) {
      if (performance.now() - started >= budgetMs) return false;
      progress.after = change.id;
      try {
        one(change);
        if (change.kind === 'created') progress.removed++;
        else progress.restored++;
      } catch (error) {
        if (!(error instanceof Error && 'code' in error && String(error.code).startsWith('SQLITE_CONSTRAINT'))) throw error;
        progress.kept.push(change.id);
      }
    }
  }
}

/** Takes back a customer import's changes for about `budgetMs` (takeBackEachFor). */
export function takeBackFor(sqlite: Sqlite, importId: string, progress: TakeBackProgress, budgetMs: number): boolean {
  const next = statement(sqlite, 'SELECT customer_id AS id, kind, before FROM customer_import_changes WHERE import_id = ? AND customer_id > ? ORDER BY customer_id LIMIT 200');
  return takeBackEachFor(
    sqlite,
    (after) => next.all(importId, after) as NotedChange[],
    (change) => {
      statement(sqlite, 'DELETE FROM customer_import_changes WHERE import_id = ? AND customer_id = ?').run(importId, change.id);
      if (change.kind === 'created') removeCreated(sqlite, change.id);
      else restoreUpdated(sqlite, change.id, JSON.parse(change.before!) as BeforeImage);
    },
    progress,
    budgetMs,
  );
}

/** Removes the tags the import created that no customer carries now, and gives its customer codes back if nobody took one since. */
export function finishTakeBack(sqlite: Sqlite, importId: string): void {
  const unused = statement(
    sqlite,
    'SELECT json_group_array(tag_id) AS ids FROM customer_import_tags i WHERE import_id = ? AND NOT EXISTS (SELECT 1 FROM customer_tags t WHERE t.tag_id = i.tag_id)',
  ).get(importId) as { ids: string };
  statement(sqlite, 'DELETE FROM customer_import_tags WHERE import_id = ?').run(importId);
  statement(sqlite, 'DELETE FROM tags WHERE id IN (SELECT value FROM json_each(?))').run(unused.ids);
  const run = statement(sqlite, 'SELECT series_before, series_after FROM customer_imports WHERE id = ?').get(importId) as { series_before: number | null; series_after: number | null };
  if (run.series_before !== null && run.series_after !== null) {
    statement(sqlite, "UPDATE numbering_series SET next_number = ? WHERE code = 'customer' AND next_number = ?").run(run.series_before, run.series_after);
  }
}
