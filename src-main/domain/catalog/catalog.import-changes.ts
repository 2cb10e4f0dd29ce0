/**
 * The product import's record of what it wrote (product_import_changes and
 * product_import_categories, migration 0024) and how it is taken back: a product the import created
 * is removed with its search row; an updated product gets its row back as it was; the categories it
 * created go once no product or category uses them. Everything here runs on the caller's transaction.
 */
import type { Sqlite } from '../../db/connection';
import { statement } from '../../db/statements';
import { takeBackEachFor, type NotedChange, type TakeBackProgress } from '../imports/imports.changes';
import { buildProductSearchDoc } from './catalog.search-text';

/** Notes a product the import created. */
export function noteCreatedProduct(sqlite: Sqlite, importId: string, productId: string): void {
  statement(sqlite, "INSERT INTO product_import_changes (import_id, product_id, kind, before) VALUES (?, ?, 'created', NULL)").run(importId, productId);
}

/** Notes an existing product's row as it is, before the import changes it. */
export function noteProductBefore(sqlite: Sqlite, importId: string, productId: string): void {
  const before = statement(sqlite, 'SELECT * FROM products WHERE id = ?').get(productId);
  statement(sqlite, "INSERT OR IGNORE INTO product_import_changes (import_id, product_id, kind, before) VALUES (?, ?, 'updated', ?)").run(importId, productId, JSON.stringify(before));
}

export function noteCreatedCategory(sqlite: Sqlite, importId: string, categoryId: string): void {
  statement(sqlite, 'INSERT INTO product_import_categories (import_id, category_id) VALUES (?, ?)').run(importId, categoryId);
}

function restoreUpdated(sqlite: Sqlite, before: Record<string, unknown>): void {
  const columns = (statement(sqlite, "SELECT name FROM pragma_table_xinfo('products') WHERE hidden = 0").all() as { name: string }[])
    .map((c) => c.name)
    .filter((c) => c !== 'id' && c in before);
  statement(sqlite, `UPDATE products SET ${columns.map((c) => `${c} = ?`).join(', ')} WHERE id = ?`).run(...columns.map((c) => before[c]), before.id);
  const doc = buildProductSearchDoc({ code: before.code as string, name: before.name as string, spec: before.spec as string | null, barcode: before.barcode as string | null });
  statement(sqlite, 'UPDATE product_search SET names = ?, tokens = ? WHERE product_id = ?').run(doc.names, doc.tokens, before.id);
}

function removeCreated(sqlite: Sqlite, productId: string): void {
  statement(sqlite, 'DELETE FROM product_search WHERE product_id = ?').run(productId);
  statement(sqlite, 'DELETE FROM product_substitutes WHERE product_id = ?').run(productId);
  statement(sqlite, 'DELETE FROM products WHERE id = ?').run(productId);
}

/** Takes back a product import's changes for about `budgetMs`, as a customer import's (takeBackEachFor). */
export function takeBackProductsFor(sqlite: Sqlite, importId: string, progress: TakeBackProgress, budgetMs: number): boolean {
  const next = statement(sqlite, 'SELECT product_id AS id, kind, before FROM product_import_changes WHERE import_id = ? AND product_id > ? ORDER BY product_id LIMIT 200');
  return takeBackEachFor(
    sqlite,
    (after) => next.all(importId, after) as NotedChange[],
    (change) => {
      statement(sqlite, 'DELETE FROM product_import_changes WHERE import_id = ? AND product_id = ?').run(importId, change.id);
      if (change.kind === 'created') removeCreated(sqlite, change.id);
      else restoreUpdated(sqlite, JSON.parse(change.before!) as Record<string, unknown>);
    },
    progress,
    budgetMs,
  );
}

/**
 * Removes the categories the import created that no product or category uses now, leaves first.
 * `all`: the import is being taken back, so its record of them goes too; otherwise (a publish whose
 * rows were refused) the ones still in use stay noted.
 */
export function removeUnusedImportCategories(sqlite: Sqlite, importId: string, all: boolean): void {
  const unused = statement(
    sqlite,
    `SELECT json_group_array(c.id) AS ids FROM product_import_categories i JOIN product_categories c ON c.id = i.category_id
      WHERE i.import_id = ?
        AND NOT EXISTS (SELECT 1 FROM products p WHERE p.category_id = c.id)
        AND NOT EXISTS (SELECT 1 FROM product_categories child WHERE child.parent_id = c.id)`,
  );
  // Each pass removes one level of leaves; a path is at most a few levels deep.
  for (;;) {
    const { ids } = unused.get(importId) as { ids: string };
    if (ids === '[]') break;
    statement(sqlite, 'DELETE FROM product_import_categories WHERE import_id = ? AND category_id IN (SELECT value FROM json_each(?))').run(importId, ids);
    statement(sqlite, 'DELETE FROM product_categories WHERE id IN (SELECT value FROM json_each(?))').run(ids);
  }
  if (all) statement(sqlite, 'DELETE FROM product_import_categories WHERE import_id = ?').run(importId);
}

/** After every product is taken back: its categories go, and its product codes are given back if nobody took one since. */
export function finishProductTakeBack(sqlite: Sqlite, importId: string): void {
  removeUnusedImportCategories(sqlite, importId, true);
  const run = statement(sqlite, 'SELECT series_before, series_after FROM product_imports WHERE id = ?').get(importId) as { series_before: number | null; series_after: number | null };
  if (run.series_before !== null && run.series_after !== null) {
    statement(sqlite, "UPDATE numbering_series SET next_number = ? WHERE code = 'product' AND next_number = ?").run(run.series_before, run.series_after);
  }
}
