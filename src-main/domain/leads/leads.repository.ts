/** All SQL of the leads area: leads, their follow-ups, campaigns, opportunities and the channel report. */
import { sql, type Insertable, type Kysely, type RawBuilder, type Selectable, type Updateable } from 'kysely';
import { cappedCount, maintainedCount, pageOfMatches, type Total } from '../../db/counts';
import type { CampaignsTable, Database, LeadInteractionsTable, LeadsTable, OpportunitiesTable, OpportunityStageHistoryTable } from '../../db/schema';
import type { SearchDoc } from '../customers/customers.search-text';
import type { CampaignStatus, LeadListFilters, OpportunityStage } from './leads.contract';
import { LEAD_SEARCH_BOUND, leadMatches } from './leads.search';

type Db = Kysely<Database>;
export type LeadRecord = Selectable<LeadsTable>;
export type CampaignRecord = Selectable<CampaignsTable>;
export type OpportunityRecord = Selectable<OpportunitiesTable>;

/** `%q%` for LIKE with the wildcards in q taken literally. */
export function likeAny(q: string): string {
  return `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

// ---------------------------------------------------------------- leads

function leadRows(db: Db) {
  return db
    .selectFrom('leads as l')
    .leftJoin('campaigns as cp', 'cp.id', 'l.campaign_id')
    .leftJoin('users as u', 'u.id', 'l.owner_user_id')
    .leftJoin('customers as c', 'c.id', 'l.customer_id')
    .selectAll('l')
    .select(['cp.name as campaign_name', 'u.display_name as owner_name', 'c.code as customer_code', 'c.name as customer_name']);
}

export type LeadView = Awaited<ReturnType<typeof findLead>> & object;

export function findLead(db: Db, id: string) {
  return leadRows(db).where('l.id', '=', id).executeTakeFirst();
}

export async function insertLead(db: Db, row: Insertable<LeadsTable>): Promise<void> {
  await db.insertInto('leads').values(row).execute();
}

export async function updateLead(db: Db, id: string, patch: Updateable<LeadsTable>): Promise<void> {
  await db.updateTable('leads').set(patch).where('id', '=', id).execute();
}

/** Rewrites the lead's search text; triggers keep leads_fts in step. */
export async function saveLeadSearchDoc(db: Db, leadId: string, doc: SearchDoc): Promise<void> {
  await db
    .insertInto('lead_search')
    .values({ rowid: null, lead_id: leadId, ...doc })
    .onConflict((oc) => oc.column('lead_id').doUpdateSet(doc))
    .execute();
}

const LEAD_SORT_COLUMN = { createdAt: 'l.created_at', code: 'l.code', name: 'l.name', status: 'l.status' } as const;

/**
 * A page of leads: its keys first (an index walk, or a search's bounded matches from leads_fts),
 * then the page's rows. Unfiltered, the total is kept by a trigger; filtered, it stops at COUNT_CAP.
 */
export async function listLeads(
  db: Db,
  input: { q?: string | undefined; filters: LeadListFilters; sort: { field: keyof typeof LEAD_SORT_COLUMN; dir: 'asc' | 'desc' }; page: number; pageSize: number },
  bounds: { createdFrom?: string; createdBefore?: string },
  /** The caller's data scope on the lead (customers.scope's ownedRecordVisible); null sees every lead. */
  visible: RawBuilder<unknown> | null = null,
): Promise<Total & { rows: LeadView[] }> {
  const f = input.filters;
  const conditions: RawBuilder<unknown>[] = visible ? [visible] : [];
  if (f.status?.length) conditions.push(sql`l.status IN (${sql.join(f.status)})`);
  if (f.source) conditions.push(sql`l.source = ${f.source}`);
  if (f.campaignId) conditions.push(sql`l.campaign_id = ${f.campaignId}`);
  if (f.ownerUserId !== undefined) conditions.push(f.ownerUserId === null ? sql`l.owner_user_id IS NULL` : sql`l.owner_user_id = ${f.ownerUserId}`);
  if (bounds.createdFrom) conditions.push(sql`l.created_at >= ${bounds.createdFrom}`);
  if (bounds.createdBefore) conditions.push(sql`l.created_at < ${bounds.createdBefore}`);
  const where = conditions.length ? sql`WHERE ${sql.join(conditions, sql` AND `)}` : sql``;
  const dir = input.sort.dir === 'desc' ? sql`DESC` : sql`ASC`;
  const orderBy = sql`${sql.raw(LEAD_SORT_COLUMN[input.sort.field])} ${dir}, l.id ${dir}`;
  const page = { limit: input.pageSize, offset: (input.page - 1) * input.pageSize };
  let found: Total & { keys: string[] };
  if (input.q) {
    const matches = leadMatches(input.q, LEAD_SEARCH_BOUND);
    if (!matches) return { rows: [], total: 0, totalIsExact: true };
    found = await pageOfMatches(db, { matches, bound: LEAD_SEARCH_BOUND, from: sql`CROSS JOIN leads l ON l.id = f.id ${where}`, key: sql<string>`l.id`, orderBy, ...page });
  } else {
    const keys = await sql<{ id: string }>`SELECT l.id FROM leads l ${where} ORDER BY ${orderBy} LIMIT ${page.limit} OFFSET ${page.offset}`.execute(db);
    const total = conditions.length ? await cappedCount(db, sql`FROM leads l ${where}`) : await maintainedCount(db, ['leads']);
    found = { keys: keys.rows.map((k) => k.id), ...total };
  }
  const rows = found.keys.length ? await leadRows(db).where('l.id', 'in', found.keys).execute() : [];
  const byId = new Map(rows.map((r) => [r.id, r]));
  return { rows: found.keys.map((id) => byId.get(id)!).filter(Boolean), total: found.total, totalIsExact: found.totalIsExact };
}

export function listLeadInteractions(db: Db, leadId: string) {
  return db
    .selectFrom('lead_interactions as li')
    .leftJoin('users as u', 'u.id', 'li.user_id')
    .selectAll('li')
    .select('u.display_name as user_name')
    .where('li.lead_id', '=', leadId)
    .orderBy('li.occurred_at', 'desc')
    .orderBy('li.id', 'desc')
    .execute();
}

export async function insertLeadInteraction(db: Db, row: Insertable<LeadInteractionsTable>): Promise<void> {
  await db.insertInto('lead_interactions').values(row).execute();
}

export async function linkLeadInteraction(db: Db, id: string, customerInteractionId: string): Promise<void> {
  await db.updateTable('lead_interactions').set({ customer_interaction_id: customerInteractionId }).where('id', '=', id).execute();
}

/** Channels in use anywhere, most used first. */
export async function listChannels(db: Db): Promise<string[]> {
  const { rows } = await sql<{ channel: string }>`
    SELECT channel FROM (
      SELECT channel FROM campaigns
      UNION ALL SELECT source FROM leads WHERE source IS NOT NULL
      UNION ALL SELECT source FROM customers WHERE source IS NOT NULL
    ) GROUP BY channel ORDER BY count(*) DESC, channel LIMIT 200`.execute(db);
  return rows.map((r) => r.channel);
}

// ---------------------------------------------------------------- campaigns

function campaignRows(db: Db) {
  return db
    .selectFrom('campaigns as cp')
    .selectAll('cp')
    .select((eb) => [
      eb.selectFrom('leads').select(eb.fn.countAll<number>().as('n')).whereRef('leads.campaign_id', '=', 'cp.id').as('lead_count'),
      eb
        .selectFrom('leads')
        .select(eb.fn.countAll<number>().as('n'))
        .whereRef('leads.campaign_id', '=', 'cp.id')
        .where('leads.status', '=', 'converted')
        .as('converted_count'),
    ]);
}

export function findCampaign(db: Db, id: string) {
  return campaignRows(db).where('cp.id', '=', id).executeTakeFirst();
}

export async function listCampaigns(db: Db, input: { q?: string | undefined; channel?: string | undefined; status?: CampaignStatus | undefined; page: number; pageSize: number }) {
  let query = campaignRows(db);
  if (input.channel) query = query.where('cp.channel', '=', input.channel);
  if (input.status) query = query.where('cp.status', '=', input.status);
  if (input.q) query = query.where(sql<boolean>`(cp.name LIKE ${likeAny(input.q)} ESCAPE '\\' OR cp.channel LIKE ${likeAny(input.q)} ESCAPE '\\')`);
  const { total } = await query
    .clearSelect()
    .select((eb) => eb.fn.countAll<number>().as('total'))
    .executeTakeFirstOrThrow();
  const rows = await query
    .orderBy('cp.start_date', 'desc')
    .orderBy('cp.id', 'desc')
    .limit(input.pageSize)
    .offset((input.page - 1) * input.pageSize)
    .execute();
  return { rows, total: Number(total) };
}

export async function saveCampaign(db: Db, row: Insertable<CampaignsTable>): Promise<void> {
  const { id: _id, created_at: _c, ...update } = row;
  await db
    .insertInto('campaigns')
    .values(row)
    .onConflict((oc) => oc.column('id').doUpdateSet(update))
    .execute();
}

// ---------------------------------------------------------------- opportunities

/** Weighted amount of one deal: amount × probability / 100, rounded half-up to the fen. */
const weighted = sql<number>`(o.expected_amount * o.probability + 50) / 100`;

function opportunityRows(db: Db) {
  return db
    .selectFrom('opportunities as o')
    .leftJoin('customers as c', 'c.id', 'o.customer_id')
    .leftJoin('leads as l', 'l.id', 'o.lead_id')
    .leftJoin('users as u', 'u.id', 'o.owner_user_id')
    .selectAll('o')
    .select([
      sql<string>`coalesce(c.name, l.company, l.name, '')`.as('party_name'),
      weighted.as('weighted_amount'),
      'u.display_name as owner_name',
    ]);
}

export type OpportunityView = Awaited<ReturnType<typeof findOpportunity>> & object;

export function findOpportunity(db: Db, id: string) {
  return opportunityRows(db).where('o.id', '=', id).executeTakeFirst();
}

export async function insertOpportunity(db: Db, row: Insertable<OpportunitiesTable>): Promise<void> {
  await db.insertInto('opportunities').values(row).execute();
}

export async function updateOpportunity(db: Db, id: string, patch: Updateable<OpportunitiesTable>): Promise<void> {
  await db.updateTable('opportunities').set(patch).where('id', '=', id).execute();
}

export function opportunitiesOfLead(db: Db, leadId: string) {
  return opportunityRows(db).where('o.lead_id', '=', leadId).orderBy('o.created_at').execute();
}

/** A converted lead's deals now belong to its customer (lead_id stays, as history). */
export async function giveLeadOpportunitiesToCustomer(db: Db, leadId: string, customerId: string, now: string): Promise<number> {
  const result = await db.updateTable('opportunities').set({ customer_id: customerId, updated_at: now }).where('lead_id', '=', leadId).where('customer_id', 'is', null).executeTakeFirst();
  return Number(result.numUpdatedRows);
}

export async function appendOpportunityStage(db: Db, row: Insertable<OpportunityStageHistoryTable>): Promise<void> {
  await db.insertInto('opportunity_stage_history').values(row).execute();
}

export function opportunityHistory(db: Db, opportunityId: string) {
  return db
    .selectFrom('opportunity_stage_history as h')
    .leftJoin('users as u', 'u.id', 'h.user_id')
    .selectAll('h')
    .select('u.display_name as user_name')
    .where('h.opportunity_id', '=', opportunityId)
    .orderBy('h.changed_at', 'desc')
    .orderBy('h.id', 'desc')
    .execute();
}

function partyMatches(q: string) {
  const like = likeAny(q);
  return sql<boolean>`(o.title LIKE ${like} ESCAPE '\\' OR c.name LIKE ${like} ESCAPE '\\' OR l.company LIKE ${like} ESCAPE '\\' OR l.name LIKE ${like} ESCAPE '\\')`;
}

export async function listOpportunities(
  db: Db,
  input: {
    q?: string | undefined;
    filters: { stage?: OpportunityStage[]; ownerUserId?: string | null; customerId?: string; leadId?: string; closeBefore?: string; closedSinceUtc?: string };
    page: number;
    pageSize: number;
  },
  /** The caller's data scope on the deal (customers.scope's ownedRecordVisible); null sees every deal. */
  visible: RawBuilder<unknown> | null = null,
) {
  const f = input.filters;
  let query = opportunityRows(db);
  if (visible) query = query.where(sql<boolean>`${visible}`);
  if (f.stage?.length) query = query.where('o.stage', 'in', f.stage);
  if (f.ownerUserId !== undefined) query = f.ownerUserId === null ? query.where('o.owner_user_id', 'is', null) : query.where('o.owner_user_id', '=', f.ownerUserId);
  if (f.customerId) query = query.where('o.customer_id', '=', f.customerId);
  if (f.leadId) query = query.where('o.lead_id', '=', f.leadId);
  if (f.closeBefore) query = query.where('o.expected_close_date', '<', f.closeBefore);
  if (f.closedSinceUtc) {
    const since = f.closedSinceUtc;
    query = query.where((eb) => eb.or([eb('o.closed_at', 'is', null), eb('o.closed_at', '>=', since)]));
  }
  if (input.q) query = query.where(partyMatches(input.q));
  const { total } = await query
    .clearSelect()
    .select((eb) => eb.fn.countAll<number>().as('total'))
    .executeTakeFirstOrThrow();
  const rows = await query
    .orderBy(sql`o.expected_close_date IS NULL`)
    .orderBy('o.expected_close_date')
    .orderBy('o.id')
    .limit(input.pageSize)
    .offset((input.page - 1) * input.pageSize)
    .execute();
  return { rows, total: Number(total) };
}

/**
 * The kanban: per stage the count, amount and weighted amount (one GROUP BY), and the first
 * `cardLimit` cards of each stage by close date (one window query). Closed stages only count
 * deals closed since `closedSinceUtc`, or the board would grow forever.
 */
export async function opportunityBoard(
  db: Db,
  input: { q?: string | undefined; ownerUserId?: string | undefined; closedSinceUtc: string; cardLimit: number; closeBefore?: string | undefined },
  visible: RawBuilder<unknown> | null = null,
) {
  const scope = sql.join(
    [
      input.closeBefore
        ? sql`o.stage NOT IN ('won', 'lost') AND o.expected_close_date < ${input.closeBefore}`
        : sql`(o.closed_at IS NULL OR o.closed_at >= ${input.closedSinceUtc})`,
      ...(visible ? [visible] : []),
      ...(input.ownerUserId ? [sql`o.owner_user_id = ${input.ownerUserId}`] : []),
      ...(input.q ? [partyMatches(input.q)] : []),
    ],
    sql` AND `,
  );
  const from = sql`opportunities o LEFT JOIN customers c ON c.id = o.customer_id LEFT JOIN leads l ON l.id = o.lead_id`;
  const sums = await sql<{ stage: string; count: number; amount: number; weighted_amount: number }>`
    SELECT o.stage, count(*) AS count, sum(o.expected_amount) AS amount,
           (sum(o.expected_amount * o.probability) + 50) / 100 AS weighted_amount
      FROM ${from}
     WHERE ${scope}
     GROUP BY o.stage`.execute(db);
  const cards = await sql<{ id: string }>`
    SELECT id FROM (
      SELECT o.id, row_number() OVER (PARTITION BY o.stage ORDER BY o.expected_close_date IS NULL, o.expected_close_date, o.id) AS n
        FROM ${from}
       WHERE ${scope})
     WHERE n <= ${input.cardLimit}`.execute(db);
  const ids = cards.rows.map((r) => r.id);
  const cardRows = ids.length
    ? await opportunityRows(db)
        .where('o.id', 'in', ids)
        .orderBy(sql`o.expected_close_date IS NULL`)
        .orderBy('o.expected_close_date')
        .orderBy('o.id')
        .execute()
    : [];
  return { sums: sums.rows, cards: cardRows };
}

// ---------------------------------------------------------------- channel report

export interface ChannelReportRecord {
  channel: string | null;
  leads: number;
  converted: number;
  campaigns: number;
  cost: number;
  revenue: number;
  won_deals: number;
  won_value: number;
  /** 1 on the last row: the totals over every channel. */
  is_total: number;
}

/**
 * One aggregate per channel (a lead's `source`, a campaign's `channel`): the leads created in
 * [fromUtc, beforeUtc), how many of them converted (whenever that happened: a cohort view), the
 * cost of the campaigns that started between the business dates from..to (each campaign counts in
 * exactly one period), and the lifetime revenue of the distinct customers the leads became.
 * Ratios are left to the service, which rounds them with core/money's one half-up rule.
 */
export async function channelReport(db: Db, range: { from: string; to: string; fromUtc: string; beforeUtc: string }): Promise<ChannelReportRecord[]> {
  const { rows } = await sql<ChannelReportRecord>`
    WITH period_leads AS MATERIALIZED (
      SELECT source AS channel, status, customer_id FROM leads
       WHERE created_at >= ${range.fromUtc} AND created_at < ${range.beforeUtc}
    ), lead_counts AS (
      SELECT channel, count(*) AS leads, sum(status = 'converted') AS converted FROM period_leads GROUP BY channel
    ), revenue AS (
      SELECT x.channel, sum(cs.lifetime_revenue) AS revenue
        FROM (SELECT DISTINCT channel, customer_id FROM period_leads WHERE status = 'converted') x
        -- CROSS JOIN keeps the period's few customers as the outer loop (not a scan of every stats row).
        CROSS JOIN customer_stats cs ON cs.customer_id = x.customer_id
       GROUP BY x.channel
    ), won AS (
      SELECT x.channel, count(*) AS won_deals, sum(o.expected_amount) AS won_value
        FROM (SELECT DISTINCT channel, customer_id FROM period_leads WHERE status = 'converted') x
        JOIN opportunities o ON o.customer_id = x.customer_id AND o.stage = 'won'
       GROUP BY x.channel
    ), costs AS (
      SELECT channel, count(*) AS campaigns, sum(cost) AS cost FROM campaigns
       WHERE start_date BETWEEN ${range.from} AND ${range.to} AND status <> 'cancelled'
       GROUP BY channel
    ), channels AS (
      SELECT channel FROM lead_counts UNION SELECT channel FROM costs
    ), figures AS (
      SELECT ch.channel, coalesce(lc.leads, 0) AS leads, coalesce(lc.converted, 0) AS converted,
             coalesce(co.campaigns, 0) AS campaigns, coalesce(co.cost, 0) AS cost, coalesce(r.revenue, 0) AS revenue,
             coalesce(w.won_deals, 0) AS won_deals, coalesce(w.won_value, 0) AS won_value, 0 AS is_total
        FROM channels ch
        LEFT JOIN lead_counts lc ON lc.channel IS ch.channel
        LEFT JOIN costs co ON co.channel IS ch.channel
        LEFT JOIN revenue r ON r.channel IS ch.channel
        LEFT JOIN won w ON w.channel IS ch.channel
      UNION ALL
      -- The totals row counts each customer once even when leads from two channels became it.
      SELECT NULL, (SELECT count(*) FROM period_leads), (SELECT count(*) FROM period_leads WHERE status = 'converted'),
             (SELECT coalesce(sum(campaigns), 0) FROM costs), (SELECT coalesce(sum(cost), 0) FROM costs),
             (SELECT coalesce(sum(lifetime_revenue), 0) FROM customer_stats
               WHERE customer_id IN (SELECT customer_id FROM period_leads WHERE status = 'converted')),
             (SELECT count(*) FROM opportunities WHERE stage = 'won' AND customer_id IN (SELECT customer_id FROM period_leads WHERE status = 'converted')),
             (SELECT coalesce(sum(expected_amount), 0) FROM opportunities
               WHERE stage = 'won' AND customer_id IN (SELECT customer_id FROM period_leads WHERE status = 'converted')),
             1
    )
    SELECT channel, leads, converted, is_total, campaigns, cost, revenue, won_deals, won_value
      FROM figures
     ORDER BY is_total, channel IS NULL, revenue DESC, converted DESC, leads DESC, channel`.execute(db);
  return rows;
}
