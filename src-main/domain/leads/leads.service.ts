/** Leads (线索): records, follow-ups, loss and conversion into a customer. */
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import { changedFields, type HandlerContext } from '../context';
import { AppError, notFound, validationError, type FieldIssue } from '../../api/errors';
import { fieldIssue, issuesFromZod } from '../../api/issues';
import type { Page } from '../../api/paging';
import type { Database } from '../../db/schema';
import { customerCreateInput } from '../customers/customers.contract';
import { type CustomerKind, type DuplicateMatch, type InteractionKind } from '../customers/customers.dto';
import { findDuplicates } from '../customers/customers.duplicates';
import { refreshStage } from '../customers/customers.lifecycle';
import { createCustomer } from '../customers/customers.service';
import { getSettings } from '../settings/settings.service';
import { addDays, businessDateIn, businessDayStartUtc } from '../core/dates';
import { nextNumber, type SeriesDefinition } from '../core/numbering';
import { newId, nowIso } from '../shared/ids';
import type { ConvertResult, Lead, LeadInteraction, LeadRow, leadCreateInput, leadListInput, leadPatch } from './leads.contract';
import { toCard } from './opportunities.service';
import * as repo from './leads.repository';
import { leadSearchDoc } from './leads.search';
import { leadVisible } from './leads.scope';
import { EVERYTHING, type DataScope } from '../users/data-scope';

type Db = Kysely<Database>;

export const LEAD_SERIES: SeriesDefinition = { code: 'lead', prefix: 'L', perYear: false, padding: 6 };

// ---------------------------------------------------------------- mapping

function toLeadRow(row: repo.LeadView): LeadRow {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    company: row.company,
    title: row.title,
    mobile: row.mobile,
    email: row.email,
    source: row.source,
    campaignId: row.campaign_id,
    campaignName: row.campaign_name,
    status: row.status,
    lostReason: row.lost_reason,
    ownerUserId: row.owner_user_id,
    ownerName: row.owner_name,
    customerId: row.customer_id,
    customerCode: row.customer_code,
    convertedAt: row.converted_at,
    lastContactedAt: row.last_contacted_at,
    createdAt: row.created_at,
  };
}

function toInteraction(row: Awaited<ReturnType<typeof repo.listLeadInteractions>>[number]): LeadInteraction {
  return {
    id: row.id,
    leadId: row.lead_id,
    kind: row.kind,
    occurredAt: row.occurred_at,
    subject: row.subject,
    body: row.body,
    userName: row.user_name,
    customerInteractionId: row.customer_interaction_id,
  };
}

export async function getLead(db: Db, id: string): Promise<Lead> {
  const row = await repo.findLead(db, id);
  if (!row) throw notFound('Lead', id);
  const [interactions, opportunities] = await Promise.all([repo.listLeadInteractions(db, id), repo.opportunitiesOfLead(db, id)]);
  return {
    ...toLeadRow(row),
    notes: row.notes,
    updatedAt: row.updated_at,
    customerName: row.customer_name,
    interactions: interactions.map(toInteraction),
    opportunities: opportunities.map(toCard),
  };
}

/** What the audit log compares. */
function auditView(lead: Lead): Record<string, unknown> {
  const { interactions: _i, opportunities: _o, updatedAt: _u, ownerName: _n, campaignName: _c, customerCode: _cc, customerName: _cn, ...rest } = lead;
  return rest;
}

export async function listLeads(db: Db, input: z.output<typeof leadListInput>, scope: DataScope = EVERYTHING): Promise<Page<LeadRow>> {
  const timeZone = (await getSettings(db)).timeZone;
  const { rows, ...total } = await repo.listLeads(db, input, {
    ...(input.filters.createdFrom ? { createdFrom: businessDayStartUtc(input.filters.createdFrom, timeZone) } : {}),
    ...(input.filters.createdTo ? { createdBefore: businessDayStartUtc(addDays(input.filters.createdTo, 1), timeZone) } : {}),
  }, leadVisible(scope));
  return { rows: rows.map(toLeadRow), ...total };
}

// ---------------------------------------------------------------- create / update

async function isActiveUser(db: Db, id: string): Promise<boolean> {
  return !!(await db.selectFrom('users').select('id').where('id', '=', id).where('active', '=', 1).executeTakeFirst());
}

async function referenceIssues(db: Db, input: { campaignId?: string | null; ownerUserId?: string | null }, prefix = ''): Promise<FieldIssue[]> {
  const issues: FieldIssue[] = [];
  if (input.campaignId && !(await repo.findCampaign(db, input.campaignId))) issues.push(fieldIssue(`${prefix}campaignId`, 'not_found', { entity: 'campaign' }));
  if (input.ownerUserId) {
    if (!(await isActiveUser(db, input.ownerUserId))) issues.push(fieldIssue(`${prefix}ownerUserId`, 'not_found', { entity: 'user' }));
  }
  return issues;
}

export async function createLead(ctx: HandlerContext, input: z.output<typeof leadCreateInput>): Promise<Lead & { duplicates: DuplicateMatch[] }> {
  const db = ctx.db;
  const issues = await referenceIssues(db, input);
  if (issues.length) throw validationError(issues);
  const campaign = input.campaignId ? await repo.findCampaign(db, input.campaignId) : undefined;
  const now = nowIso();
  const id = newId();
  await repo.insertLead(db, {
    id,
    code: nextNumber(ctx.sqlite, LEAD_SERIES, businessDateIn((await getSettings(db)).timeZone)),
    name: input.name,
    company: input.company ?? null,
    title: input.title ?? null,
    mobile: input.mobile ?? null,
    email: input.email ?? null,
    // A lead from a campaign came through the campaign's channel unless told otherwise.
    source: input.source ?? campaign?.channel ?? null,
    campaign_id: input.campaignId ?? null,
    status: 'new',
    owner_user_id: input.ownerUserId === undefined ? (ctx.user?.id ?? null) : input.ownerUserId,
    notes: input.notes ?? null,
    created_at: now,
    updated_at: now,
    created_by: ctx.user?.id ?? null,
  });
  const lead = await getLead(db, id);
  await repo.saveLeadSearchDoc(db, id, leadSearchDoc(lead));
  ctx.audit({ entityType: 'lead', entityId: id, fields: changedFields(null, auditView(lead)) });
  // Someone already a customer is worth knowing about before anyone calls them as a stranger.
  const duplicates = await findDuplicates(db, { name: input.company ?? null, mobiles: [input.mobile] });
  return { ...lead, duplicates };
}

const LEAD_COLUMNS = {
  name: 'name',
  company: 'company',
  title: 'title',
  mobile: 'mobile',
  email: 'email',
  source: 'source',
  campaignId: 'campaign_id',
  ownerUserId: 'owner_user_id',
  notes: 'notes',
  status: 'status',
} as const;

export async function updateLead(ctx: HandlerContext, id: string, patch: z.output<typeof leadPatch>): Promise<Lead> {
  const before = await getLead(ctx.db, id);
  if (before.status === 'converted') throw new AppError('CONFLICT', `Lead ${before.code} became customer ${before.customerCode}; edit the customer instead`);
  const issues = await referenceIssues(ctx.db, patch);
  if (issues.length) throw validationError(issues);
  const row: Record<string, unknown> = { updated_at: nowIso() };
  for (const [field, column] of Object.entries(LEAD_COLUMNS)) {
    const value = patch[field as keyof typeof patch];
    if (value !== undefined) row[column] = value;
  }
  // Setting an open status on a lost lead reopens it.
  if (patch.status && before.status === 'lost') row.lost_reason = null;
  await repo.updateLead(ctx.db, id, row);
  const after = await getLead(ctx.db, id);
  await repo.saveLeadSearchDoc(ctx.db, id, leadSearchDoc(after));
  ctx.audit({ entityType: 'lead', entityId: id, fields: changedFields(auditView(before), auditView(after)) });
  return after;
}

export async function markLost(ctx: HandlerContext, id: string, reason: string): Promise<Lead> {
  const before = await getLead(ctx.db, id);
  if (before.status === 'converted') throw new AppError('CONFLICT', `Lead ${before.code} was already converted to customer ${before.customerCode}`);
  await repo.updateLead(ctx.db, id, { status: 'lost', lost_reason: reason, updated_at: nowIso() });
  const after = await getLead(ctx.db, id);
  ctx.audit({ entityType: 'lead', entityId: id, fields: changedFields(auditView(before), auditView(after)) });
  return after;
}

// ---------------------------------------------------------------- follow-ups

export async function logInteraction(
  ctx: HandlerContext,
  input: { leadId: string; kind: InteractionKind; occurredAt?: string | undefined; subject?: string | null | undefined; body?: string | null | undefined },
): Promise<LeadInteraction> {
  const lead = await repo.findLead(ctx.db, input.leadId);
  if (!lead) throw notFound('Lead', input.leadId);
  if (lead.status === 'converted') throw new AppError('CONFLICT', `Lead ${lead.code} is now customer ${lead.customer_code}; log the follow-up on the customer`);
  const now = nowIso();
  const occurredAt = input.occurredAt ? new Date(input.occurredAt).toISOString() : now;
  const id = newId();
  await repo.insertLeadInteraction(ctx.db, {
    id,
    lead_id: lead.id,
    kind: input.kind,
    occurred_at: occurredAt,
    subject: input.subject ?? null,
    body: input.body ?? null,
    user_id: ctx.user?.id ?? null,
    customer_interaction_id: null,
    created_at: now,
  });
  // The first follow-up moves a new lead to contacted; later statuses are a person's call.
  await repo.updateLead(ctx.db, lead.id, {
    status: lead.status === 'new' ? 'contacted' : lead.status,
    last_contacted_at: lead.last_contacted_at && lead.last_contacted_at > occurredAt ? lead.last_contacted_at : occurredAt,
    updated_at: now,
  });
  ctx.audit({ entityType: 'leadInteraction', entityId: id, fields: changedFields(null, { leadId: lead.id, kind: input.kind, subject: input.subject ?? null }) });
  const saved = (await repo.listLeadInteractions(ctx.db, lead.id)).find((i) => i.id === id)!;
  return toInteraction(saved);
}

// ---------------------------------------------------------------- conversion

async function firstActiveUser(db: Db, candidates: (string | null)[]): Promise<string | null> {
  for (const id of candidates) if (id && (await isActiveUser(db, id))) return id;
  return null;
}

/**
 * Turns a lead into a customer in the caller's transaction. The customer is created by the
 * customers service from a customers.create input, so every customer rule applies (required
 * fields, mobile and email rules, duplicates, numbering, search text); any refusal rolls back.
 */
export async function convertLead(
  ctx: HandlerContext,
  input: { id: string; kind?: CustomerKind | undefined; customerName?: string | null | undefined; ownerUserId?: string | undefined; allowDuplicate: boolean },
): Promise<ConvertResult> {
  if (ctx.user && !ctx.can('customers.write')) throw new AppError('FORBIDDEN', `Your role (${ctx.user.role}) may not create customers, so it cannot convert leads.`);
  const db = ctx.db;
  const lead = await repo.findLead(db, input.id);
  if (!lead) throw notFound('Lead', input.id);
  if (lead.status === 'converted') throw new AppError('CONFLICT', `Lead ${lead.code} was already converted to customer ${lead.customer_code}`);
  if (lead.status === 'lost') throw new AppError('CONFLICT', `Lead ${lead.code} is marked lost (${lead.lost_reason}); reopen it before converting`);

  const kind: CustomerKind = input.kind ?? (lead.company ? 'company' : 'individual');
  // The customer gets an active owner: the one chosen, else the lead's, else whoever converts it.
  const ownerUserId = input.ownerUserId ?? (await firstActiveUser(db, [lead.owner_user_id, ctx.user?.id ?? null]));
  const draft = {
    kind,
    name: input.customerName ?? lead.company ?? lead.name,
    source: lead.source,
    ownerUserId,
    notes: lead.notes,
    allowDuplicate: input.allowDuplicate,
    // A company keeps the lead's person as its primary contact; an individual is the person.
    ...(kind === 'company'
      ? { contacts: [{ name: lead.name, title: lead.title, mobile: lead.mobile, email: lead.email, isPrimary: true }] }
      : { mobile: lead.mobile, email: lead.email }),
  };
  const parsed = customerCreateInput.safeParse(draft);
  if (!parsed.success) throw validationError(issuesFromZod(parsed.error));
  const customer = await createCustomer(ctx, parsed.data, { leadId: lead.id });

  const now = nowIso();
  await repo.updateLead(db, lead.id, { status: 'converted', customer_id: customer.id, owner_user_id: customer.ownerUserId, converted_at: now, updated_at: now });

  // The follow-ups move onto the customer's timeline as copies linked back to the lead's rows.
  const contactId = customer.contacts.find((c) => c.isPrimary)?.id ?? null;
  const interactions = await repo.listLeadInteractions(db, lead.id);
  for (const interaction of interactions) {
    const copyId = newId();
    await db
      .insertInto('interactions')
      .values({
        id: copyId,
        customer_id: customer.id,
        contact_id: contactId,
        kind: interaction.kind,
        occurred_at: interaction.occurred_at,
        subject: interaction.subject,
        body: interaction.body,
        user_id: interaction.user_id,
        created_at: interaction.created_at,
      })
      .execute();
    await repo.linkLeadInteraction(db, interaction.id, copyId);
  }
  if (interactions.length) await refreshStage(db, customer.id, ctx.user?.id ?? null);
  const movedOpportunities = await repo.giveLeadOpportunitiesToCustomer(db, lead.id, customer.id, now);

  const after = await getLead(db, lead.id);
  ctx.audit({
    entityType: 'lead',
    entityId: lead.id,
    fields: {
      status: { before: lead.status, after: 'converted' },
      customerId: { before: null, after: customer.id },
      ownerUserId: { before: lead.owner_user_id, after: customer.ownerUserId },
    },
  });
  return {
    lead: after,
    customer: { id: customer.id, code: customer.code, name: customer.name },
    duplicates: customer.duplicates,
    copiedInteractions: interactions.length,
    movedOpportunities,
  };
}
