/** Opportunities (商机): deals with a stage, expected amount, probability and close date; the kanban. */
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import { changedFields, type HandlerContext } from '../context';
import { notFound, validationError, type FieldIssue } from '../../api/errors';
import { fieldIssue } from '../../api/issues';
import type { Page } from '../../api/paging';
import type { Database } from '../../db/schema';
import { addDays, businessDateIn, businessDayStartUtc } from '../core/dates';
import { getSettings } from '../settings/settings.service';
import { newId, nowIso } from '../shared/ids';
import {
  DEFAULT_PROBABILITY,
  isClosedStage,
  OPPORTUNITY_STAGES,
  type BoardColumn,
  type moveOpportunityInput,
  type Opportunity,
  type OpportunityBoard,
  type OpportunityCard,
  type opportunityCreateInput,
  type opportunityListInput,
  type opportunityPatch,
} from './leads.contract';
import * as repo from './leads.repository';
import { dealVisible } from './leads.scope';
import { EVERYTHING, type DataScope } from '../users/data-scope';

type Db = Kysely<Database>;

export function toCard(row: repo.OpportunityView): OpportunityCard {
  return {
    id: row.id,
    title: row.title,
    stage: row.stage,
    customerId: row.customer_id,
    leadId: row.lead_id,
    partyName: row.party_name,
    expectedAmount: row.expected_amount,
    probability: row.probability,
    weightedAmount: row.weighted_amount,
    expectedCloseDate: row.expected_close_date,
    ownerUserId: row.owner_user_id,
    ownerName: row.owner_name,
    closedAt: row.closed_at,
    lostReason: row.lost_reason,
    updatedAt: row.updated_at,
  };
}

export async function getOpportunity(db: Db, id: string): Promise<Opportunity> {
  const row = await repo.findOpportunity(db, id);
  if (!row) throw notFound('Opportunity', id);
  const history = await repo.opportunityHistory(db, id);
  return {
    ...toCard(row),
    notes: row.notes,
    createdAt: row.created_at,
    history: history.map((h) => ({
      id: h.id,
      fromStage: h.from_stage,
      toStage: h.to_stage,
      probability: h.probability,
      expectedAmount: h.expected_amount,
      note: h.note,
      userName: h.user_name,
      changedAt: h.changed_at,
    })),
  };
}

function auditView(o: Opportunity): Record<string, unknown> {
  const { history: _h, updatedAt: _u, ownerName: _o, partyName: _p, weightedAmount: _w, ...rest } = o;
  return rest;
}

export async function listOpportunities(db: Db, input: z.output<typeof opportunityListInput>, scope: DataScope = EVERYTHING): Promise<Page<OpportunityCard>> {
  const { closedSince, ...filters } = input.filters;
  const closedSinceUtc = closedSince ? businessDayStartUtc(closedSince, (await getSettings(db)).timeZone) : undefined;
  const { rows, total } = await repo.listOpportunities(db, { ...input, filters: { ...filters, ...(closedSinceUtc ? { closedSinceUtc } : {}) } }, dealVisible(scope));
  return { rows: rows.map(toCard), total, totalIsExact: true };
}

async function ownerIssues(db: Db, ownerUserId: string | null | undefined, path: string): Promise<FieldIssue[]> {
  if (!ownerUserId) return [];
  const user = await db.selectFrom('users').select('id').where('id', '=', ownerUserId).where('active', '=', 1).executeTakeFirst();
  return user ? [] : [fieldIssue(path, 'not_found', { entity: 'user' })];
}

export async function createOpportunity(ctx: HandlerContext, input: z.output<typeof opportunityCreateInput>): Promise<Opportunity> {
  const db = ctx.db;
  const issues = await ownerIssues(db, input.ownerUserId, 'ownerUserId');
  let customerId = input.customerId ?? null;
  if (input.leadId) {
    const lead = await repo.findLead(db, input.leadId);
    if (!lead) issues.push(fieldIssue('leadId', 'not_found', { entity: 'lead' }));
    else if (lead.status === 'lost') issues.push(fieldIssue('leadId', 'not_allowed', { reason: 'lead_lost' }));
    // A converted lead's deal belongs to the customer it became.
    else customerId ??= lead.customer_id;
  }
  if (input.customerId) {
    const customer = await db.selectFrom('customers').select(['id', 'merged_into_id', 'status']).where('id', '=', input.customerId).executeTakeFirst();
    if (!customer) issues.push(fieldIssue('customerId', 'not_found', { entity: 'customer' }));
    else if (customer.merged_into_id || customer.status !== 'active') issues.push(fieldIssue('customerId', 'not_allowed', { reason: 'customer_inactive' }));
  }
  if (issues.length) throw validationError(issues);
  const now = nowIso();
  const id = newId();
  const probability = input.probability ?? DEFAULT_PROBABILITY[input.stage];
  await repo.insertOpportunity(db, {
    id,
    title: input.title,
    customer_id: customerId,
    lead_id: input.leadId ?? null,
    stage: input.stage,
    expected_amount: input.expectedAmount,
    probability,
    expected_close_date: input.expectedCloseDate ?? null,
    owner_user_id: input.ownerUserId === undefined ? (ctx.user?.id ?? null) : input.ownerUserId,
    notes: input.notes ?? null,
    closed_at: null,
    lost_reason: null,
    created_at: now,
    updated_at: now,
    created_by: ctx.user?.id ?? null,
  });
  await repo.appendOpportunityStage(db, {
    id: newId(),
    opportunity_id: id,
    from_stage: null,
    to_stage: input.stage,
    probability,
    expected_amount: input.expectedAmount,
    note: null,
    user_id: ctx.user?.id ?? null,
    changed_at: now,
  });
  const saved = await getOpportunity(db, id);
  ctx.audit({ entityType: 'opportunity', entityId: id, fields: changedFields(null, auditView(saved)) });
  return saved;
}

export async function updateOpportunity(ctx: HandlerContext, id: string, patch: z.output<typeof opportunityPatch>): Promise<Opportunity> {
  const before = await getOpportunity(ctx.db, id);
  const issues = await ownerIssues(ctx.db, patch.ownerUserId, 'ownerUserId');
  if (issues.length) throw validationError(issues);
  if (patch.probability !== undefined && isClosedStage(before.stage) && patch.probability !== DEFAULT_PROBABILITY[before.stage]) {
    throw validationError([fieldIssue('probability', 'out_of_range', { min: DEFAULT_PROBABILITY[before.stage], max: DEFAULT_PROBABILITY[before.stage] })]);
  }
  await repo.updateOpportunity(ctx.db, id, {
    ...(patch.title !== undefined ? { title: patch.title } : {}),
    ...(patch.expectedAmount !== undefined ? { expected_amount: patch.expectedAmount } : {}),
    ...(patch.probability !== undefined ? { probability: patch.probability } : {}),
    ...(patch.expectedCloseDate !== undefined ? { expected_close_date: patch.expectedCloseDate } : {}),
    ...(patch.ownerUserId !== undefined ? { owner_user_id: patch.ownerUserId } : {}),
    ...(patch.notes !== undefined ? { notes: patch.notes } : {}),
    updated_at: nowIso(),
  });
  const after = await getOpportunity(ctx.db, id);
  ctx.audit({ entityType: 'opportunity', entityId: id, fields: changedFields(auditView(before), auditView(after)) });
  return after;
}

/**
 * Moves a deal to a stage and records it in the stage history. The probability becomes the new
 * stage's default unless the caller gives one; won is 100% and lost 0% whatever is asked.
 * Won and lost close the deal; moving it back to an open stage reopens it.
 */
export async function moveOpportunity(ctx: HandlerContext, input: z.output<typeof moveOpportunityInput>): Promise<Opportunity> {
  const before = await getOpportunity(ctx.db, input.id);
  const stage = input.stage;
  if (stage === before.stage && input.probability === undefined) return before;
  const probability = isClosedStage(stage) ? DEFAULT_PROBABILITY[stage] : (input.probability ?? DEFAULT_PROBABILITY[stage]);
  const now = nowIso();
  await repo.updateOpportunity(ctx.db, input.id, {
    stage,
    probability,
    closed_at: isClosedStage(stage) ? (isClosedStage(before.stage) && stage === before.stage ? before.closedAt : now) : null,
    lost_reason: stage === 'lost' ? (input.lostReason ?? null) : null,
    updated_at: now,
  });
  if (stage !== before.stage) {
    await repo.appendOpportunityStage(ctx.db, {
      id: newId(),
      opportunity_id: input.id,
      from_stage: before.stage,
      to_stage: stage,
      probability,
      expected_amount: before.expectedAmount,
      note: stage === 'lost' ? (input.lostReason ?? null) : (input.note ?? null),
      user_id: ctx.user?.id ?? null,
      changed_at: now,
    });
  }
  const after = await getOpportunity(ctx.db, input.id);
  ctx.audit({ entityType: 'opportunity', entityId: input.id, fields: changedFields(auditView(before), auditView(after)) });
  return after;
}

export async function opportunityBoard(
  db: Db,
  input: { q?: string | undefined; ownerUserId?: string | undefined; closedWithinDays: number; cardLimit: number; closeBefore?: string | undefined },
  scope: DataScope = EVERYTHING,
): Promise<OpportunityBoard> {
  const timeZone = (await getSettings(db)).timeZone;
  const closedSince = addDays(businessDateIn(timeZone), -input.closedWithinDays);
  const { sums, cards } = await repo.opportunityBoard(db, {
    q: input.q,
    ownerUserId: input.ownerUserId,
    closedSinceUtc: businessDayStartUtc(closedSince, timeZone),
    cardLimit: input.cardLimit,
    closeBefore: input.closeBefore,
  }, dealVisible(scope));
  const columns: BoardColumn[] = OPPORTUNITY_STAGES.map((stage) => {
    const sum = sums.find((s) => s.stage === stage);
    return {
      stage,
      count: sum?.count ?? 0,
      amount: sum?.amount ?? 0,
      weightedAmount: sum?.weighted_amount ?? 0,
      cards: cards.filter((c) => c.stage === stage).map(toCard),
    };
  });
  return { columns, closedSince, cardLimit: input.cardLimit };
}

