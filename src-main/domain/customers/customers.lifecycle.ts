import type { Kysely } from 'kysely';
import { HandlerContext } from '../context';
import { AppError, notFound, validationError } from '../../api/errors';
import { fieldIssue } from '../../api/issues';
import type { Database } from '../../db/schema';
import { newId, nowIso } from '../shared/ids';
import { getSettings } from '../settings/settings.service';
import { LIFECYCLE_STAGES, type LifecycleRecompute, type LifecycleStage, type StageSummaryRow } from './customers.dto';
import * as repo from './customers.repository';
import { businessDateIn, daysBetween } from '../core/dates';

/**
 * Lifecycle rules (客户生命周期), evaluated for one customer as of a business date D in the
 * company's time zone, first match wins:
 *
 *   no order yet
 *     lead      – created from a lead and no interaction logged yet
 *     prospect  – otherwise (interactions logged, or entered by hand)
 *   last order more than 180 days before D          → churned
 *   last order 91–180 days before D                 → at_risk
 *   last order within 90 days of D:
 *     won_back  – the pause that ended the current run of orders (orders less than 91 days apart)
 *                 lasted more than 180 days, and the customer is not loyal yet
 *     loyal     – 5 or more orders in the 365 days up to D
 *     new       – first order within 90 days of D
 *     active    – otherwise (2 or more orders, the latest within 90 days)
 *
 * The stage is a function of the order history up to D (plus a manual override), never of what
 * an earlier run stored: any sequence of recomputes ends where one recompute for the last date
 * would. A manual override (customers.setStage) is the effective stage until it is cleared; the
 * rules keep computing underneath it. Every change of the effective stage appends to the history.
 * Order figures come from customer_stats (order_count, orders_last_365d, first/last_order_date),
 * which the orders area keeps in step with its documents; whether the customer came back after
 * churning is read from the order documents themselves (demo figures without documents never are).
 */
export interface LifecycleFacts {
  orderCount: number;
  ordersLast365d: number;
  firstOrderDate: string | null;
  lastOrderDate: string | null;
  hasInteractions: boolean;
  fromLead: boolean;
  /** The latest order after more than 90 days without one came after more than 180 (a churned customer came back). */
  returnedAfterChurn: boolean;
}

const COUNTED_PAUSE = 90;
const CHURN_PAUSE = 180;

/** The facts of an order history (business dates, any order) as of D; later orders do not exist yet. */
export function orderHistoryFacts(orderDates: readonly string[], asOf: string): Pick<LifecycleFacts, 'orderCount' | 'ordersLast365d' | 'firstOrderDate' | 'lastOrderDate' | 'returnedAfterChurn'> {
  const dates = orderDates.filter((d) => d <= asOf).sort();
  let returnedAfterChurn = false;
  for (let i = 1; i < dates.length; i++) {
    const pause = daysBetween(dates[i - 1]!, dates[i]!);
    if (pause > COUNTED_PAUSE) returnedAfterChurn = pause > CHURN_PAUSE;
  }
  return {
    orderCount: dates.length,
    ordersLast365d: dates.filter((d) => daysBetween(d, asOf) < 365).length,
    firstOrderDate: dates[0] ?? null,
    lastOrderDate: dates.at(-1) ?? null,
    returnedAfterChurn,
  };
}

export function computeStage(facts: LifecycleFacts, asOf: string): LifecycleStage {
  if (facts.orderCount === 0 || !facts.lastOrderDate) return facts.fromLead && !facts.hasInteractions ? 'lead' : 'prospect';
  const sinceLast = daysBetween(facts.lastOrderDate, asOf);
  if (sinceLast > CHURN_PAUSE) return 'churned';
  if (sinceLast > COUNTED_PAUSE) return 'at_risk';
  const loyal = facts.ordersLast365d >= 5;
  if (facts.returnedAfterChurn && !loyal) return 'won_back';
  if (loyal) return 'loyal';
  if (facts.firstOrderDate && daysBetween(facts.firstOrderDate, asOf) <= 90) return 'new';
  return 'active';
}


async function today(db: Kysely<Database>): Promise<string> {
  return businessDateIn((await getSettings(db)).timeZone);
}

/**
 * Re-evaluates one customer (after create, an interaction, a merge). A merge is always recorded,
 * naming the customer merged in, even when the stage stays the same.
 */
export async function refreshStage(db: Kysely<Database>, customerId: string, userId: string | null, mergedFrom?: string): Promise<void> {
  const customer = await repo.findCustomer(db, customerId);
  if (!customer) return;
  const stats = await repo.findStats(db, customerId);
  const asOf = await today(db);
  const computed = computeStage(
    {
      orderCount: stats?.order_count ?? 0,
      ordersLast365d: stats?.orders_last_365d ?? 0,
      firstOrderDate: stats?.first_order_date ?? null,
      lastOrderDate: stats?.last_order_date ?? null,
      hasInteractions: await repo.hasInteractions(db, customerId),
      fromLead: customer.lead_id !== null,
      returnedAfterChurn: (await repo.customersBackAfterChurn(db, asOf, customerId)).has(customerId),
    },
    asOf,
  );
  if (computed === customer.lifecycle_computed && mergedFrom === undefined) return;
  const effective = customer.lifecycle_override ?? computed;
  const now = nowIso();
  if (computed !== customer.lifecycle_computed) await repo.updateCustomer(db, customerId, { lifecycle_computed: computed, lifecycle_stage: effective, updated_at: now });
  if (effective !== customer.lifecycle_stage || mergedFrom !== undefined) {
    await repo.appendStageChange(db, {
      id: newId(),
      customer_id: customerId,
      from_stage: customer.lifecycle_stage,
      to_stage: effective,
      source: mergedFrom === undefined ? 'computed' : 'merge',
      reason: mergedFrom ?? null,
      user_id: userId,
      changed_at: now,
    });
  }
}

/** Sets (or, with null, clears) the manual stage. */
export async function setStage(ctx: HandlerContext, id: string, stage: LifecycleStage | null, reason: string | null | undefined): Promise<void> {
  const customer = await repo.findCustomer(ctx.db, id);
  if (!customer) throw notFound('Customer', id);
  if (customer.merged_into_id) throw new AppError('CONFLICT', `Customer ${customer.code} was merged into another customer`);
  const effective = stage ?? customer.lifecycle_computed;
  const now = nowIso();
  await repo.updateCustomer(ctx.db, id, { lifecycle_override: stage, lifecycle_override_reason: stage ? (reason ?? null) : null, lifecycle_stage: effective, updated_at: now });
  if (effective !== customer.lifecycle_stage || stage !== customer.lifecycle_override) {
    await repo.appendStageChange(ctx.db, {
      id: newId(),
      customer_id: id,
      from_stage: customer.lifecycle_stage,
      to_stage: effective,
      source: stage ? 'override' : 'override_cleared',
      reason: reason ?? null,
      user_id: ctx.user?.id ?? null,
      changed_at: now,
    });
  }
  ctx.audit({
    entityType: 'customer',
    entityId: id,
    fields: {
      lifecycleOverride: { before: customer.lifecycle_override, after: stage },
      lifecycleStage: { before: customer.lifecycle_stage, after: effective },
    },
  });
}

interface FactsRow {
  id: string;
  lead_id: string | null;
  lifecycle_stage: LifecycleStage;
  lifecycle_computed: LifecycleStage;
  lifecycle_override: LifecycleStage | null;
  order_count: number;
  orders_last_365d: number;
  first_order_date: string | null;
  last_order_date: string | null;
  has_interactions: number;
}

interface StageChange {
  row: FactsRow;
  computed: LifecycleStage;
  effective: LifecycleStage;
}

/** Every active customer through the rules as of asOf: what would change, nothing written. */
async function stageChangesAsOf(ctx: HandlerContext, asOf: string): Promise<{ rows: FactsRow[]; changes: StageChange[] }> {
  const rows = ctx.sqlite
    .prepare(
      `SELECT c.id, c.lead_id, c.lifecycle_stage, c.lifecycle_computed, c.lifecycle_override,
              s.order_count, s.orders_last_365d, s.first_order_date, s.last_order_date,
              EXISTS (SELECT 1 FROM interactions i WHERE i.customer_id = c.id) AS has_interactions
         FROM customers c JOIN customer_stats s ON s.customer_id = c.id
        WHERE c.status = 'active'`,
    )
    .all() as FactsRow[];
  const backAfterChurn = await repo.customersBackAfterChurn(ctx.db, asOf);
  const changes: StageChange[] = [];
  rows.forEach((row, index) => {
    if (index % 5000 === 0) {
      if (ctx.signal.aborted) throw new AppError('CANCELLED', 'Lifecycle recompute was cancelled; nothing changed');
      ctx.progress(index, rows.length, 'Recomputing lifecycle stages');
    }
    const computed = computeStage(
      {
        orderCount: row.order_count,
        ordersLast365d: row.orders_last_365d,
        firstOrderDate: row.first_order_date,
        lastOrderDate: row.last_order_date,
        hasInteractions: row.has_interactions === 1,
        fromLead: row.lead_id !== null,
        returnedAfterChurn: backAfterChurn.has(row.id),
      },
      asOf,
    );
    if (computed !== row.lifecycle_computed) changes.push({ row, computed, effective: row.lifecycle_override ?? computed });
  });
  return { rows, changes };
}

/**
 * Every active customer through the rules (the daily job). One read, then prepared updates on
 * the dispatch transaction's connection: 50,000 customers in well under a second. The order
 * figures are today's, so only a recompute for today is written; any other date is a what-if
 * (dryRun) that writes nothing, and a past date cannot be answered at all.
 */
export async function recomputeLifecycle(ctx: HandlerContext, input: { asOf?: string | undefined; dryRun?: boolean | undefined }): Promise<LifecycleRecompute> {
  const current = await today(ctx.db);
  const asOf = input.asOf ?? current;
  const dryRun = input.dryRun ?? false;
  if (asOf < current) throw validationError([fieldIssue('asOf', 'too_small', { min: current })]);
  if (asOf !== current && !dryRun) throw validationError([fieldIssue('dryRun', 'required', { asOf, today: current })]);
  const { rows, changes } = await stageChangesAsOf(ctx, asOf);
  const stages = Object.fromEntries(LIFECYCLE_STAGES.map((s) => [s, 0])) as Record<LifecycleStage, number>;
  const after = new Map(changes.map((c) => [c.row.id, c.effective]));
  for (const row of rows) stages[after.get(row.id) ?? row.lifecycle_stage]++;
  const changed = changes.filter((c) => c.effective !== c.row.lifecycle_stage).length;
  if (dryRun) return { total: rows.length, changed, asOf, dryRun, stages };

  const update = ctx.sqlite.prepare('UPDATE customers SET lifecycle_computed = ?, lifecycle_stage = ?, updated_at = ? WHERE id = ?');
  const history = ctx.sqlite.prepare(
    `INSERT INTO customer_stage_history (id, customer_id, from_stage, to_stage, source, reason, user_id, changed_at)
     VALUES (?, ?, ?, ?, 'computed', NULL, ?, ?)`,
  );
  const now = nowIso();
  for (const { row, computed, effective } of changes) {
    update.run(computed, effective, now, row.id);
    if (effective !== row.lifecycle_stage) history.run(newId(), row.id, row.lifecycle_stage, effective, ctx.user?.id ?? null, now);
  }
  ctx.progress(rows.length, rows.length, 'Lifecycle stages recomputed');
  ctx.audit({ entityType: 'customer', entityId: '*', fields: { lifecycleRecompute: { before: null, after: { asOf, total: rows.length, changed } } } });
  return { total: rows.length, changed, asOf, dryRun, stages };
}

/** customers.stageSummary: counts per effective stage and the stage changes of the last 30 days. */
export async function stageSummary(ctx: HandlerContext, ownerUserId: string | null): Promise<StageSummaryRow[]> {
  const since = new Date(Date.now() - 30 * 86_400_000).toISOString();
  const counts = new Map(
    (
      ctx.sqlite
        .prepare(`SELECT lifecycle_stage AS stage, count(*) AS n FROM customers WHERE status = 'active' AND owner_user_id IS ? GROUP BY lifecycle_stage`)
        .all(ownerUserId) as { stage: LifecycleStage; n: number }[]
    ).map((r) => [r.stage, r.n]),
  );
  const moves = ctx.sqlite
    .prepare(
      `SELECT h.from_stage, h.to_stage FROM customer_stage_history h JOIN customers c ON c.id = h.customer_id
        WHERE h.changed_at >= ? AND c.status = 'active' AND c.owner_user_id IS ? AND h.from_stage IS NOT h.to_stage`,
    )
    .all(since, ownerUserId) as { from_stage: LifecycleStage | null; to_stage: LifecycleStage }[];
  return LIFECYCLE_STAGES.map((stage) => ({
    stage,
    count: counts.get(stage) ?? 0,
    enteredLast30d: moves.filter((m) => m.to_stage === stage).length,
    leftLast30d: moves.filter((m) => m.from_stage === stage).length,
  }));
}
