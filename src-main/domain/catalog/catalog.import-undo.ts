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
import { importHistory, recordUndo, refuseWhenMovedOn } from '../imports/imports.undo';
import { takeBackProductImport } from './catalog.import-publish';
import type { ProductImportsTable } from './catalog.tables';

/** A created product's own rows: its search text, its change row. */
const PRODUCT_OWN = new Set(['products', 'product_search', 'product_import_changes']);

export async function undoProductImport(input: z.output<typeof undoCustomerImportInput>, ctx: HandlerContext): Promise<ProductImportUndoResult> {
  const run = statement(ctx.sqlite, 'SELECT * FROM product_imports WHERE id = ?').get(input.importId) as ProductImportsTable | undefined;
  if (!run) throw new AppError('NOT_FOUND', `No product import ${input.importId}`);
  if (run.status !== 'published') throw new AppError('CONFLICT', `Only a finished import can be undone; this one is ${run.status}.`);
  refuseWhenMovedOn(ctx.sqlite, run, {
    table: 'products',
    changes: 'product_import_changes',
    column: 'product_id',
    detail: 'blockingProducts',
    references: referencesTo(ctx.sqlite, 'products', 'product_id'),
    own: ({ table }) => PRODUCT_OWN.has(table),
  });
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
