/**
 * The leads area's workbench cards: the open pipeline by stage with the overdue deals, leads
 * waiting for a first call, leads by channel. Each figure links to the list filters that
 * select the same rows.
 */
import { sql } from 'kysely';
import type { WorkbenchCardSource, WorkbenchScope } from '../area';
import { dealVisible, leadVisible } from './leads.scope';
import { OPEN_STAGES } from './leads.contract';

function owner(scope: WorkbenchScope, column: 'o' | 'l') {
  return scope.ownerUserId ? sql`AND ${sql.ref(`${column}.owner_user_id`)} = ${scope.ownerUserId}` : sql``;
}

function scoped(scope: WorkbenchScope, filters: Record<string, unknown>) {
  return { ...filters, ...(scope.ownerUserId ? { ownerUserId: scope.ownerUserId } : {}) };
}

/** The leads list shows only the leads in the caller's data scope: so do the cards that link to it. */
async function leadsInScope(ctx: Parameters<WorkbenchCardSource['load']>[0]) {
  const visible = leadVisible(await ctx.dataScope());
  return visible ? sql`AND ${visible}` : sql``;
}

const pipeline: WorkbenchCardSource = {
  key: 'pipeline',
  permission: 'leads.read',
  async load(ctx, scope) {
    const open = sql.join([...OPEN_STAGES]);
    // The deals board shows only the deals in the caller's data scope: so do its figures.
    const inScope = dealVisible(await ctx.dataScope());
    const visible = inScope ? sql`AND ${inScope}` : sql``;
    const { rows } = await sql<{ stage: string; n: number; amount: number }>`
      SELECT o.stage, count(*) AS n, coalesce(sum(o.expected_amount), 0) AS amount FROM opportunities o
       WHERE o.stage IN (${open}) ${owner(scope, 'o')} ${visible} GROUP BY o.stage`.execute(ctx.db);
    const { rows: overdue } = await sql<{ n: number; amount: number }>`
      SELECT count(*) AS n, coalesce(sum(o.expected_amount), 0) AS amount FROM opportunities o
       WHERE o.stage IN (${open}) AND o.expected_close_date < ${scope.today} ${owner(scope, 'o')} ${visible}`.execute(ctx.db);
    const byStage = new Map(rows.map((r) => [r.stage, r]));
    const link = (filters: Record<string, unknown>) => ({ path: '/leads/board', method: 'leads.listOpportunities', filters: scoped(scope, filters) });
    return {
      key: 'pipeline',
      figures: [
        // The board and the deals list both take closeBefore: the board shows these deals alone.
        { key: 'overdue', count: Number(overdue[0]?.n ?? 0), amount: Number(overdue[0]?.amount ?? 0), link: link({ stage: [...OPEN_STAGES], closeBefore: scope.today }) },
        ...OPEN_STAGES.map((stage) => ({ key: stage, count: Number(byStage.get(stage)?.n ?? 0), amount: Number(byStage.get(stage)?.amount ?? 0), link: link({ stage: [stage] }) })),
      ],
    };
  },
};

/** New leads nobody has called yet. */
const leadsWaiting: WorkbenchCardSource = {
  key: 'leadsWaiting',
  permission: 'leads.read',
  async load(ctx, scope) {
    const { rows } = await sql<{ n: number }>`SELECT count(*) AS n FROM leads l WHERE l.status = 'new' ${owner(scope, 'l')} ${await leadsInScope(ctx)}`.execute(ctx.db);
    return { key: 'leadsWaiting', figures: [{ key: 'new', count: Number(rows[0]?.n ?? 0), link: { path: '/leads', method: 'leads.list', filters: scoped(scope, { status: ['new'] }) } }] };
  },
};

/** Leads per channel (渠道), whatever became of them; leads with no channel are left out, as no filter selects them. */
const leadsByChannel: WorkbenchCardSource = {
  key: 'leadsByChannel',
  permission: 'leads.read',
  async load(ctx, scope) {
    const { rows } = await sql<{ source: string; n: number }>`
      SELECT l.source, count(*) AS n FROM leads l
       WHERE l.source IS NOT NULL ${owner(scope, 'l')} ${await leadsInScope(ctx)}
       GROUP BY l.source ORDER BY n DESC, l.source LIMIT 8`.execute(ctx.db);
    if (!rows.length) return null;
    return {
      key: 'leadsByChannel',
      figures: rows.map((r) => ({ key: 'channel', label: r.source, count: Number(r.n), link: { path: '/leads', method: 'leads.list', filters: scoped(scope, { source: r.source }) } })),
    };
  },
};

export const LEAD_WORKBENCH_CARDS = [pipeline, leadsWaiting, leadsByChannel] as const;
