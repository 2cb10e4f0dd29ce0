/**
 * Publishing a customer import in short transactions, and taking one back. Each batch holds the
 * write connection for at most ~100 ms, so a salesperson's save waits for one batch, not the whole
 * file; every change is noted (imports.changes.ts) in its batch's transaction, so a cancel, a
 * failure, a crash (undone by the next import) or the user's 撤销导入 takes the whole import back.
 */
import type { Kysely } from 'kysely';
import { AppError } from '../../api/errors';
import type { Database } from '../../db/schema';
import { statement } from '../../db/statements';
import type { HandlerContext } from '../context';
import { nowIso } from '../shared/ids';
import { finishTakeBack, takeBackFor, type TakeBackProgress } from './imports.changes';
import type { CustomerImportStatus } from './imports.tables';
import type { ImportPlan } from './imports.plan';
import { PlanWriter, type MetAtPublish, type PreparedCreate } from './imports.write';

/**
 * Rows written per batch are bounded by the clock: after 40 ms of writing, the batch inserts its
 * search rows and commits. At 50,000 rows on the loaded 2-core machine a batch took 65 ms at p50 and
 * 102 ms at p95 in all; a 60 ms budget made that 95 / 138 ms, and the whole import no faster.
 */
const BATCH_BUDGET_MS = 40;

/** Imports publishing in this process: any other import left 'publishing' was cut off by a crash. */
const publishingHere = new Set<string>();

type Batch = <T>(write: (db: Kysely<Database>) => Promise<T>) => Promise<T>;

function batchOf(ctx: HandlerContext): Batch {
  if (!ctx.writeBatch) throw new Error('A customer import publishes in batches: its method must publish at the end');
  return ctx.writeBatch;
}

/** Lets waiting calls (a salesperson's save, a cancel) in between two batches. */
async function between(ctx: HandlerContext, done: number, total: number, message: string, cancellable: boolean): Promise<void> {
  ctx.progress(done, total, message);
  await new Promise((resolve) => setImmediate(resolve));
  if (cancellable && ctx.signal.aborted) throw new AppError('CANCELLED', 'The import was cancelled; nothing was imported.');
}

interface TakenBack {
  removed: number;
  restored: number;
  /** Customers something else refers to now; they and their change rows are left. */
  kept: string[];
}

/** Takes an import's changes back in short batches and gives its tags and codes back when all are gone. */
export async function takeBack(ctx: HandlerContext, importId: string, total: number): Promise<TakenBack> {
  const batch = batchOf(ctx);
  const progress: TakeBackProgress = { removed: 0, restored: 0, kept: [], after: '' };
  for (;;) {
    const finished = await batch(async () => {
      const all = takeBackFor(ctx.sqlite, importId, progress, BATCH_BUDGET_MS);
      if (all && progress.kept.length === 0) finishTakeBack(ctx.sqlite, importId);
      return all;
    });
    if (finished) return progress;
    await between(ctx, progress.removed + progress.restored, total, 'undoing', false);
  }
}

async function endAs(ctx: HandlerContext, importId: string, status: CustomerImportStatus): Promise<void> {
  await batchOf(ctx)(async () => statement(ctx.sqlite, 'UPDATE customer_imports SET status = ?, finished_at = ? WHERE id = ?').run(status, nowIso(), importId));
}

/** The take-back under way, if any: the one at start-up and an import's own must not undo the same rows twice. */
let takingBack: Promise<string[]> | null = null;

/** Takes back every import a crash cut off while it published; run at start-up and before an import publishes. Returns their ids. */
export async function takeBackCutOffImports(ctx: HandlerContext): Promise<string[]> {
  while (takingBack) await takingBack.catch(() => undefined);
  const cutOff = (statement(ctx.sqlite, "SELECT id FROM customer_imports WHERE status = 'publishing'").all() as { id: string }[]).filter((r) => !publishingHere.has(r.id));
  if (cutOff.length === 0) return [];
  const work = (async () => {
    for (const { id } of cutOff) {
      await takeBack(ctx, id, 0);
      await endAs(ctx, id, 'failed');
    }
    return cutOff.map((r) => r.id);
  })();
  takingBack = work;
  try {
    return await work;
  } finally {
    takingBack = null;
  }
}

/** The start-up job (imports.takeBackCutOff): audited with each import it took back; nothing to take back leaves no trace. */
export async function recoverCutOffImports(ctx: HandlerContext): Promise<{ takenBack: number }> {
  const ids = await takeBackCutOffImports(ctx);
  for (const id of ids) ctx.audit({ entityType: 'customerImport', entityId: id, fields: { status: { before: 'publishing', after: 'failed' } } });
  return { takenBack: ids.length };
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
  const batch = batchOf(ctx);
  const { importId } = input;
  const now = nowIso();
  const seriesNext = () => (statement(ctx.sqlite, "SELECT next_number AS n FROM numbering_series WHERE code = 'customer'").get() as { n: number } | undefined)?.n ?? null;
  publishingHere.add(importId);
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
      while (!writer.finished) {
        await between(ctx, writer.done, writer.total, 'writing', true);
        await batch(async () => writer.writeFor(BATCH_BUDGET_MS));
      }
      await between(ctx, writer.total, writer.total, 'writing', true);
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
    publishingHere.delete(importId);
  }
}
