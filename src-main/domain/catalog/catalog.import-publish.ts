/**
 * Publishing a product import in short transactions (core/batches.ts), as the customer import does:
 * each batch holds the write connection for ~40 ms of rows, so a salesperson's save waits for one
 * batch, not the file. Every product and category the import writes is noted in its batch's
 * transaction (catalog.import-changes.ts), so a cancel, a failure, a crash (taken back at the next
 * start) or the user's 撤销导入 takes the whole import back.
 */
import type { Kysely } from 'kysely';
import { AppError } from '../../api/errors';
import type { Database } from '../../db/schema';
import { statement } from '../../db/statements';
import type { HandlerContext } from '../context';
import { BATCH_BUDGET_MS, between, inBatches, PublishingJobs, writeBatchOf } from '../core/batches';
import { nowIso } from '../shared/ids';
import { saveCategory } from './catalog.categories';
import { productCreateInput, productUpdateInput } from './catalog.contract';
import {
  finishProductTakeBack,
  noteCreatedCategory,
  noteCreatedProduct,
  noteProductBefore,
  removeUnusedImportCategories,
  takeBackProductsFor,
} from './catalog.import-changes';
import { takeBackInBatches, type TakeBackProgress } from '../imports/imports.changes';
import { createProduct, updateProduct } from './catalog.products';
import type { ProductImportsTable } from './catalog.tables';

/** Product imports publishing in this process: any other left 'publishing' was cut off by a crash. */
const publishing = new PublishingJobs();

/** A row of the plan as the publish writes it. */
export interface RowToWrite {
  line: number;
  existing: { id: string } | null;
  fields: Record<string, unknown>;
  categoryPath: string[] | null;
}

export interface ProductPublishInput<R extends RowToWrite> {
  importId: string;
  fileName: string;
  /** Creates, then updates. */
  rows: R[];
  /** The categories on file by path (饮料/咖啡), read in the first batch. */
  categoryPaths(db: Kysely<Database>): Promise<Map<string, string>>;
  /** A row the catalog refused when written: nothing of it stays. */
  refused(row: R, error: AppError): void;
  /** Told before the import is marked published; may throw to take the whole import back (strict mode). */
  settle(written: { created: number; updated: number }): void;
}

/** Takes a product import's changes back in short batches, then its categories and codes when all are gone. */
export function takeBackProductImport(ctx: HandlerContext, importId: string, total: number): Promise<TakeBackProgress> {
  return takeBackInBatches(ctx, total, (progress, budgetMs) => takeBackProductsFor(ctx.sqlite, importId, progress, budgetMs), () => finishProductTakeBack(ctx.sqlite, importId));
}

async function endAs(ctx: HandlerContext, importId: string, status: ProductImportsTable['status']): Promise<void> {
  await writeBatchOf(ctx)(async () => statement(ctx.sqlite, 'UPDATE product_imports SET status = ?, finished_at = ? WHERE id = ?').run(status, nowIso(), importId));
}

/** Takes back every product import a crash cut off while it published; run at start-up and before a product import publishes. */
export async function takeBackCutOffProductImports(ctx: HandlerContext): Promise<string[]> {
  return publishing.takeBackCutOff(
    () => (statement(ctx.sqlite, "SELECT id FROM product_imports WHERE status = 'publishing'").all() as { id: string }[]).map((r) => r.id),
    async (id) => {
      await takeBackProductImport(ctx, id, 0);
      await endAs(ctx, id, 'failed');
    },
  );
}

const seriesNext = (ctx: HandlerContext) => (statement(ctx.sqlite, "SELECT next_number AS n FROM numbering_series WHERE code = 'product'").get() as { n: number } | undefined)?.n ?? 1;

/** Creates the missing categories of a path, top down, noting each; returns the leaf's id. */
async function categoryFor(ctx: HandlerContext, importId: string, path: string[], known: Map<string, string>): Promise<string> {
  let parentId: string | null = null;
  for (let depth = 1; depth <= path.length; depth++) {
    const key = path.slice(0, depth).join('/');
    let id = known.get(key);
    if (!id) {
      id = (await saveCategory(ctx, { name: path[depth - 1]!, parentId, sortOrder: 0 })).id;
      noteCreatedCategory(ctx.sqlite, importId, id);
      known.set(key, id);
    }
    parentId = id;
  }
  return parentId!;
}

/**
 * Writes the rows in batches through the catalog's own create and update, each row in a savepoint,
 * then marks the import published with the call's audit row (ctx.publish). A cancel or a failure
 * takes back what the batches wrote before the error reaches the caller.
 */
export async function publishProductsInBatches<R extends RowToWrite>(ctx: HandlerContext, input: ProductPublishInput<R>): Promise<void> {
  const { importId, rows } = input;
  const startedAt = nowIso();
  const written = { created: 0, updated: 0 };
  let done = 0;
  const categoryOf = new Map<string, string>();
  let seriesAfter = 0;
  // Inside a batch, its transaction is the db; the file gets one audit row, not one per product.
  const within = (db: Kysely<Database>): HandlerContext => Object.assign(Object.create(ctx) as HandlerContext, { db, audit: () => undefined });
  publishing.start(importId);
  try {
    await writeBatchOf(ctx)(async (db) => {
      seriesAfter = seriesNext(ctx);
      statement(ctx.sqlite, "INSERT INTO product_imports (id, file_name, status, user_id, started_at, series_before, series_after) VALUES (?, ?, 'publishing', ?, ?, ?, ?)").run(
        importId,
        input.fileName,
        ctx.user?.id ?? null,
        startedAt,
        seriesAfter,
        seriesAfter,
      );
      const known = await input.categoryPaths(db);
      const paths = new Map(rows.filter((r) => r.categoryPath && !r.fields.categoryId).map((r) => [r.categoryPath!.join('/'), r.categoryPath!]));
      for (const [key, path] of paths) categoryOf.set(key, await categoryFor(within(db), importId, path, known));
    });
    await between(ctx, 0, rows.length, 'writing', true);
    await inBatches(
      ctx,
      async (db) => {
        const started = performance.now();
        const here = within(db);
        // A product saved between two batches took a number: the import's codes are no longer one run to give back.
        if (seriesNext(ctx) !== seriesAfter) statement(ctx.sqlite, 'UPDATE product_imports SET series_before = NULL WHERE id = ?').run(importId);
        while (done < rows.length && performance.now() - started < BATCH_BUDGET_MS) await writeRow(here, rows[done++]!);
        seriesAfter = seriesNext(ctx);
        statement(ctx.sqlite, 'UPDATE product_imports SET series_after = ? WHERE id = ?').run(seriesAfter, importId);
        // The categories only refused rows needed go with them.
        if (done === rows.length) removeUnusedImportCategories(ctx.sqlite, importId, false);
        return done === rows.length;
      },
      () => ({ done, total: rows.length, message: 'writing' }),
      true,
    );
    input.settle(written);
  } catch (error) {
    await takeBackProductImport(ctx, importId, done);
    await endAs(ctx, importId, error instanceof AppError && error.code === 'CANCELLED' ? 'cancelled' : 'failed');
    throw error;
  } finally {
    publishing.end(importId);
  }
  await ctx.publish!(async () =>
    statement(ctx.sqlite, "UPDATE product_imports SET status = 'published', finished_at = ?, created_count = ?, updated_count = ? WHERE id = ?").run(
      nowIso(),
      written.created,
      written.updated,
      importId,
    ),
  );

  async function writeRow(here: HandlerContext, row: R): Promise<void> {
    const { sqlite } = here;
    sqlite.exec('SAVEPOINT product_row');
    try {
      const fields = { ...row.fields };
      if (row.categoryPath && !fields.categoryId) fields.categoryId = categoryOf.get(row.categoryPath.join('/'));
      let id: string;
      if (row.existing) {
        noteProductBefore(sqlite, importId, row.existing.id);
        id = (await updateProduct(here, productUpdateInput.parse({ id: row.existing.id, ...fields }))).id;
      } else {
        id = (await createProduct(here, productCreateInput.parse(fields))).id;
        noteCreatedProduct(sqlite, importId, id);
      }
      // Every product the import wrote carries its start time: anything else is a later edit (undo refuses).
      statement(sqlite, 'UPDATE products SET updated_at = ? WHERE id = ?').run(startedAt, id);
      sqlite.exec('RELEASE product_row');
      if (row.existing) written.updated++;
      else written.created++;
    } catch (error) {
      sqlite.exec('ROLLBACK TO product_row');
      sqlite.exec('RELEASE product_row');
      if (!(error instanceof AppError) || !error.issues?.length) throw error;
      input.refused(row, error);
    }
  }
}
