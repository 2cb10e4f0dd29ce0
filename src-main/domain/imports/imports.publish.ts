/**
 * Publishing a customer import in short transactions, and taking one back. Each batch holds the
 * write connection for at most ~100 ms, so a salesperson's save waits for one batch, not the whole
 * file; every change is noted (imports.changes.ts) in its batch's transaction, so a cancel, a
 * failure, a crash (undone by the next import) or the user's 撤销导入 takes the whole import back.
 */
import { AppError } from '../../api/errors';
import { statement } from '../../db/statements';
import type { HandlerContext } from '../context';
import { BATCH_BUDGET_MS, between, inBatches, PublishingJobs, writeBatchOf } from '../core/batches';
import { nowIso } from '../shared/ids';
import { takeBackCutOffProductImports } from '../catalog/catalog.import-publish';
import { finishTakeBack, takeBackFor, takeBackInBatches, type TakeBackProgress } from './imports.changes';
import type { CustomerImportStatus } from './imports.tables';
import type { ImportPlan } from './imports.plan';
import { PlanWriter, type MetAtPublish, type PreparedCreate } from './imports.write';

/** Customer imports publishing in this process: any other import left 'publishing' was cut off by a crash. */
const publishing = new PublishingJobs();

/** Takes an import's changes back in short batches and gives its tags and codes back when all are gone. */
export function takeBack(ctx: HandlerContext, importId: string, total: number): Promise<TakeBackProgress> {
  return takeBackInBatches(ctx, total, (progress, budgetMs) => takeBackFor(ctx.sqlite, importId, progress, budgetMs), () => finishTakeBack(ctx.sqlite, importId));
}

async function endAs(ctx: HandlerContext, importId: string, status: CustomerImportStatus): Promise<void> {
  await writeBatchOf(ctx)(async () => statement(ctx.sqlite, 'UPDATE customer_imports SET status = ?, finished_at = ? WHERE id = ?').run(status, nowIso(), importId));
}

/** Takes back every import a crash cut off while it published; run at start-up and before an import publishes. Returns their ids. */
export async function takeBackCutOffImports(ctx: HandlerContext): Promise<string[]> {
  return publishing.takeBackCutOff(
    () => (statement(ctx.sqlite, "SELECT id FROM customer_imports WHERE status = 'publishing'").all() as { id: string }[]).map((r) => r.id),
    async (id) => {
      await takeBack(ctx, id, 0);
      await endAs(ctx, id, 'failed');
    },
  );
}

/**
 * The start-up job (imports.takeBackCutOff), for customer and product imports alike: audited with each
 * import it took back; nothing to take back leaves no trace.
 */
export async function recoverCutOffImports(ctx: HandlerContext): Promise<{ takenBack: number }> {
  const customers = await takeBackCutOffImports(ctx);
  const products = await takeBackCutOffProductImports(ctx);
  const failed = { status: { before: 'publishing', after: 'failed' } };
  for (const id of customers) ctx.audit({ entityType: 'customerImport', entityId: id, fields: failed });
  for (const id of products) ctx.audit({ entityType: 'productImport', entityId: id, fields: failed });
  return { takenBack: customers.length + products.length };
}

export interface PublishInput {
  importId: string;
  fileName: string;
  plan: ImportPlan;
  prepared: PreparedCreate[];
  onDuplicate: 'update' | 'skip';
  /** Takes the customer codes in the first batch: returns the codes for new customers without one. */
  allocateCodes(): Promise<string[]>;
  /** Told, before the import is marked published with its audit row, what the re-check at publish found. */
  settle(met: MetAtPublish): void;
}

/**
 * Writes the plan in batches, then marks the import published with the call's audit row (ctx.publish).
 * A cancel or a failure takes back what the batches wrote before the error reaches the caller.
 */
export async function publishInBatches(ctx: HandlerContext, input: PublishInput): Promise<void> {
  const batch = writeBatchOf(ctx);
  const { importId } = input;
  const now = nowIso();
  const seriesNext = () => (statement(ctx.sqlite, "SELECT next_number AS n FROM numbering_series WHERE code = 'customer'").get() as { n: number } | undefined)?.n ?? null;
  publishing.start(importId);
  try {
    const writer = await batch(async () => {
      // A series not started yet starts at 1 (numbering.ts ensureSeries).
      const before = seriesNext() ?? 1;
      statement(ctx.sqlite, "INSERT INTO customer_imports (id, file_name, status, user_id, started_at, series_before) VALUES (?, ?, 'publishing', ?, ?, ?)").run(
        importId,
        input.fileName,
        ctx.user?.id ?? null,
        now,
        before,
      );
      const codes = await input.allocateCodes();
      statement(ctx.sqlite, 'UPDATE customer_imports SET series_after = ? WHERE id = ?').run(seriesNext(), importId);
      return new PlanWriter(input.plan, input.prepared, { sqlite: ctx.sqlite, onDuplicate: input.onDuplicate, importId, userId: ctx.user?.id ?? null, now, codes });
    });
    try {
      await between(ctx, writer.done, writer.total, 'writing', true);
      await inBatches(
        ctx,
        async () => {
          writer.writeFor(BATCH_BUDGET_MS);
          return writer.finished;
        },
        () => ({ done: writer.done, total: writer.total, message: 'writing' }),
        true,
      );
    } catch (error) {
      await takeBack(ctx, importId, writer.done);
      await endAs(ctx, importId, error instanceof AppError && error.code === 'CANCELLED' ? 'cancelled' : 'failed');
      throw error;
    }
    input.settle(writer.met);
    await ctx.publish!(async () =>
      statement(ctx.sqlite, "UPDATE customer_imports SET status = 'published', finished_at = ?, created_count = ?, updated_count = ? WHERE id = ?").run(
        nowIso(),
        writer.met.created,
        writer.met.updated,
        importId,
      ),
    );
  } finally {
    publishing.end(importId);
  }
}
