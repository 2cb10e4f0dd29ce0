/**
 * The customer area's workbench cards (工作台). Each figure is its own SQL aggregate, and its link
 * carries the customers.list filters that select the same rows, so the list's total matches it.
 */
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import type { WorkbenchCardSource, WorkbenchScope } from '../area';
import type { WorkbenchFigure } from '../workbench/workbench.contract';
import { addDays, businessDayStartUtc, daysBetween, monthStart } from '../core/dates';
import { getSettings } from '../settings/settings.service';
import { LIFECYCLE_STAGES, type LifecycleStage } from './customers.dto';
import { nextContactOf } from './customers.repository';

type Db = Kysely<Database>;

function ownerCondition(scope: WorkbenchScope) {
  return scope.ownerUserId ? sql`AND c.owner_user_id = ${scope.ownerUserId}` : sql``;
}

function listLink(scope: WorkbenchScope, filters: Record<string, unknown>) {
  return { path: '/customers', method: 'customers.list', filters: { ...filters, ...(scope.ownerUserId ? { ownerUserId: scope.ownerUserId } : {}) } };
}

async function countActive(db: Db, scope: WorkbenchScope, condition = sql``): Promise<number> {
  const { rows } = await sql<{ n: number }>`SELECT count(*) AS n FROM customers c WHERE c.status = 'active' ${ownerCondition(scope)} ${condition}`.execute(db);
  return Number(rows[0]?.n ?? 0);
}

/**
 * 今日待跟进: active customers with no follow-up in the last N days (the company's setting), and
 * those whose latest follow-up planned the next contact for today or earlier.
 */
const followUp: WorkbenchCardSource = {
  key: 'followUp',
  permission: 'customers.read',
  async load(ctx, scope) {
    const { followUpDays } = await getSettings(ctx.db);
    const since = addDays(scope.today, -followUpDays);
    const sinceUtc = businessDayStartUtc(since, scope.timeZone);
    const count = await countActive(ctx.db, scope, sql`AND NOT EXISTS (SELECT 1 FROM interactions i WHERE i.customer_id = c.id AND i.occurred_at >= ${sinceUtc})`);
    const planned = await countActive(ctx.db, scope, sql`AND ${nextContactOf} <= ${scope.today}`);
    return {
      key: 'followUp',
      figures: [
        { key: 'due', count, date: since, link: listLink(scope, { noContactSince: since }) },
        { key: 'nextContactDue', count: planned, link: listLink(scope, { nextContactBy: scope.today }) },
      ],
    };
  },
};

const customerCount: WorkbenchCardSource = {
  key: 'customers',
  permission: 'customers.read',
  async load(ctx, scope) {
    const from = monthStart(scope.today);
    const total = await countActive(ctx.db, scope);
    const fresh = await countActive(ctx.db, scope, sql`AND c.created_at >= ${businessDayStartUtc(from, scope.timeZone)}`);
    return {
      key: 'customers',
      figures: [
        { key: 'total', count: total, link: listLink(scope, {}) },
        { key: 'newThisMonth', count: fresh, link: listLink(scope, { createdFrom: from }) },
      ],
    };
  },
};

/**
 * 客户阶段: active customers per stage; for the owner and managers also how many customers moved
 * into and out of each stage in the last 30 days, each a link to those customers.
 */
const stages: WorkbenchCardSource = {
  key: 'stages',
  permission: 'customers.read',
  async load(ctx, scope) {
    const since = addDays(scope.today, -30);
    const sinceUtc = businessDayStartUtc(since, scope.timeZone);
    const { rows } = await sql<{ stage: LifecycleStage; n: number }>`
      SELECT c.lifecycle_stage AS stage, count(*) AS n FROM customers c
       WHERE c.status = 'active' ${ownerCondition(scope)} GROUP BY c.lifecycle_stage`.execute(ctx.db);
    const counts = new Map(rows.map((r) => [r.stage, Number(r.n)]));
    // A customer who moved twice counts once, as the list it links to shows each customer once.
    const moved = scope.ownerUserId
      ? []
      : (
          await sql<{ stage: LifecycleStage; direction: 'entered' | 'left'; n: number }>`
            SELECT stage, direction, count(DISTINCT customer_id) AS n FROM (
              SELECT h.to_stage AS stage, 'entered' AS direction, h.customer_id FROM customer_stage_history h
               WHERE h.changed_at >= ${sinceUtc} AND h.from_stage IS NOT h.to_stage
              UNION ALL
              SELECT h.from_stage, 'left', h.customer_id FROM customer_stage_history h
               WHERE h.changed_at >= ${sinceUtc} AND h.from_stage IS NOT NULL AND h.from_stage IS NOT h.to_stage
            ) m JOIN customers c ON c.id = m.customer_id WHERE c.status = 'active' GROUP BY stage, direction`.execute(ctx.db)
        ).rows;
    const movedCount = (stage: LifecycleStage, direction: 'entered' | 'left') => Number(moved.find((m) => m.stage === stage && m.direction === direction)?.n ?? 0);
    const figures: WorkbenchFigure[] = [];
    for (const stage of LIFECYCLE_STAGES) {
      const count = counts.get(stage) ?? 0;
      const parts = scope.ownerUserId
        ? undefined
        : (['entered', 'left'] as const).map((direction) => ({
            key: direction,
            count: movedCount(stage, direction),
            date: since,
            link: listLink(scope, { stageMove: { stage, direction, since } }),
          }));
      if (count === 0 && !parts?.some((p) => p.count > 0)) continue;
      figures.push({ key: stage, count, link: listLink(scope, { lifecycleStage: [stage] }), ...(parts ? { parts } : {}) });
    }
    return figures.length ? { key: 'stages', figures } : null;
  },
};

/** Birthdays and anniversaries of cooperation in the coming seven days, soonest first. */
const dates: WorkbenchCardSource = {
  key: 'dates',
  permission: 'customers.read',
  async load(ctx, scope) {
    const days = Array.from({ length: 7 }, (_, i) => addDays(scope.today, i));
    const monthDays = days.map((d) => d.slice(5));
    const { rows } = await sql<{ id: string; name: string; birthday: string | null; cooperation_since: string | null }>`
      SELECT c.id, c.name, c.birthday, c.cooperation_since FROM customers c
       WHERE c.status = 'active' ${ownerCondition(scope)}
         AND (substr(c.birthday, 6, 5) IN (${sql.join(monthDays)}) OR substr(c.cooperation_since, 6, 5) IN (${sql.join(monthDays)}))`.execute(ctx.db);
    const figures: WorkbenchFigure[] = [];
    for (const r of rows) {
      for (const [key, value] of [['birthday', r.birthday], ['anniversary', r.cooperation_since]] as const) {
        const day = value ? days.find((d) => d.slice(5) === value.slice(5)) : undefined;
        // A customer who started cooperating today has no anniversary yet.
        if (!day || (key === 'anniversary' && daysBetween(value!, day) < 365)) continue;
        figures.push({ key, label: r.name, count: key === 'anniversary' ? Math.round(daysBetween(value!, day) / 365.25) : 1, date: day, link: { path: `/customers/${r.id}` } });
      }
    }
    figures.sort((a, b) => (a.date! < b.date! ? -1 : a.date! > b.date! ? 1 : (a.label ?? '').localeCompare(b.label ?? '')));
    return { key: 'dates', figures: figures.slice(0, 20) };
  },
};

/** The team's follow-ups since Monday, per salesperson: for the owner and managers. */
const teamActivity: WorkbenchCardSource = {
  key: 'teamActivity',
  permission: 'customers.read',
  team: true,
  async load(ctx, scope) {
    const weekday = (new Date(`${scope.today}T00:00:00Z`).getUTCDay() + 6) % 7;
    const monday = addDays(scope.today, -weekday);
    const { rows } = await sql<{ name: string; n: number }>`
      SELECT coalesce(u.display_name, '') AS name, count(*) AS n FROM interactions i JOIN users u ON u.id = i.user_id
       WHERE i.occurred_at >= ${businessDayStartUtc(monday, scope.timeZone)} GROUP BY u.id ORDER BY n DESC, name`.execute(ctx.db);
    return { key: 'teamActivity', figures: rows.map((r) => ({ key: 'interactions', label: r.name, count: Number(r.n), date: monday, link: null })) };
  },
};

export const CUSTOMER_WORKBENCH_CARDS = [followUp, customerCount, stages, dates, teamActivity] as const;
