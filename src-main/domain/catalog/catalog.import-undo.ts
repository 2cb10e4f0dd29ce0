/**
 * 撤销导入 of a finished product import, as imports.undo.ts does for customers: refused, changing
 * nothing, when a product the import created has since got documents (an order line, a stock move, a
 * price list entry: anything referring to it), or a product it wrote was edited after it. Undo is all
 * or nothing, never partial, so the user deals with those products first (the error names them).
 */
import type { z } from 'zod';
import { AppError } from '../../api/errors';
import type { Page } from '../../api/paging';
import type { Sqlite } from '../../db/connection';
import { referencesTo } from '../../db/references';
import { statement } from '../../db/statements';
import type { HandlerContext } from '../context';
import type { ProductImportRecord, ProductImportUndoResult, undoCustomerImportInput } from '../imports/imports.contract';
import { importHistory, recordUndo } from '../imports/imports.undo';
import { takeBackProductImport } from './catalog.import-publish';
import type { ProductImportsTable } from './catalog.tables';

const NAMED = 5;

function refuse(sqlite: Sqlite, reason: 'documents' | 'edited', ids: string[]): never {
  const codes = (statement(sqlite, 'SELECT code FROM products WHERE id IN (SELECT value FROM json_each(?)) ORDER BY code').all(JSON.stringify(ids.slice(0, NAMED))) as { code: string }[]).map(
    (c) => c.code,
  );
  const named = codes.join(', ') + (ids.length > NAMED ? ', …' : '');
  const why = reason === 'documents' ? 'have documents or records since the import' : 'were edited after the import';
  throw new AppError('CONFLICT', `${ids.length} products of this import ${why} (${named}); deal with them first, then undo the import.`, undefined, {
    blockingProducts: { reason, codes, count: ids.length },
  });
}

/** Refuses the undo when any product the import wrote has moved on since. */
function refuseWhenMovedOn(sqlite: Sqlite, run: ProductImportsTable): void {
  // The import stamped every product it wrote with its start time; anything else is a later edit.
  const edited = statement(sqlite, 'SELECT ch.product_id AS id FROM product_import_changes ch JOIN products p ON p.id = ch.product_id WHERE ch.import_id = ? AND p.updated_at <> ?').all(
    run.id,
    run.started_at,
  ) as { id: string }[];
  if (edited.length) refuse(sqlite, 'edited', edited.map((r) => r.id));
  const created = "SELECT product_id FROM product_import_changes WHERE import_id = ? AND kind = 'created'";
  const referred = new Set<string>();
  // A new product's own rows: its search text; the change record itself.
  const own = new Set(['products', 'product_search', 'product_import_changes']);
  for (const { table, column } of referencesTo(sqlite, 'products', 'product_id')) {
    if (own.has(table)) continue;
    const rows = statement(sqlite, `SELECT DISTINCT "${column}" AS id FROM "${table}" WHERE "${column}" IN (${created})`).all(run.id) as { id: string }[];
    for (const r of rows) referred.add(r.id);
  }
  if (referred.size) refuse(sqlite, 'documents', [...referred]);
}

export async function undoProductImport(input: z.output<typeof undoCustomerImportInput>, ctx: HandlerContext): Promise<ProductImportUndoResult> {
  const run = statement(ctx.sqlite, 'SELECT * FROM product_imports WHERE id = ?').get(input.importId) as ProductImportsTable | undefined;
  if (!run) throw new AppError('NOT_FOUND', `No product import ${input.importId}`);
  if (run.status !== 'published') throw new AppError('CONFLICT', `Only a finished import can be undone; this one is ${run.status}.`);
  refuseWhenMovedOn(ctx.sqlite, run);
  const taken = await takeBackProductImport(ctx, run.id, run.created_count + run.updated_count);
  const kept = taken.kept.length
    ? (statement(ctx.sqlite, 'SELECT code FROM products WHERE id IN (SELECT value FROM json_each(?)) ORDER BY code').all(JSON.stringify(taken.kept)) as { code: string }[]).map((c) => c.code)
    : [];
  await recordUndo(ctx, 'product', run.id, taken, kept);
  return { removed: taken.removed, restored: taken.restored, kept };
}

/** 导入记录 of product imports, newest first, a page at a time. */
export function productImportHistory(sqlite: Sqlite, input: { page: number; pageSize: number }): Page<ProductImportRecord> {
  return importHistory(sqlite, 'product_imports', input);
}
