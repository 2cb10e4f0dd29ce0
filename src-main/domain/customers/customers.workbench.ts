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

/** 今日待跟进: active customers with no follow-up in the last N days (the company's setting). */
const followUp: WorkbenchCardSource = {
  key: 'followUp',
  permission: 'customers.read',
  async load(ctx, scope) {
    const { followUpDays } = await getSettings(ctx.db);
    const since = addDays(scope.today, -followUpDays);
    const sinceUtc = businessDayStartUtc(since, scope.timeZone);
    const count = await countActive(ctx.db, scope, sql`AND NOT EXISTS (SELECT 1 FROM interactions i WHERE i.customer_id = c.id AND i.occurred_at >= ${sinceUtc})`);
    return { key: 'followUp', figures: [{ key: 'due', count, date: since, link: listLink(scope, { noContactSince: since }) }] };
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

const stages: WorkbenchCardSource = {
  key: 'stages',
  permission: 'customers.read',
  async load(ctx, scope) {
    const { rows } = await sql<{ stage: string; n: number }>`
      SELECT c.lifecycle_stage AS stage, count(*) AS n FROM customers c
       WHERE c.status = 'active' ${ownerCondition(scope)} GROUP BY c.lifecycle_stage ORDER BY n DESC`.execute(ctx.db);
    if (!rows.length) return null;
    return { key: 'stages', figures: rows.map((r) => ({ key: r.stage, count: Number(r.n), link: listLink(scope, { lifecycleStage: [r.stage] }) })) };
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
