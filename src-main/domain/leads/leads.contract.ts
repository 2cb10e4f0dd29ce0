/**
 * The leads area's API (线索、营销活动、商机、渠道分析): names, zod inputs and DTO types.
 * Runtime-neutral; the renderer imports it. Campaigns and opportunities live under `leads.`
 * because DESIGN's area list has `leads` and they only exist to turn leads into revenue.
 */
import { z } from 'zod';
import { method } from '../../api/method';
import { pageFields, type Page } from '../../api/paging';
import { CUSTOMER_KINDS, INTERACTION_KINDS, type DuplicateMatch } from '../customers/customers.dto';
import { dateField, emailField, isoDate, mobileField, optionalText } from '../customers/customers.rules';

export * from './leads.dto';
import { CAMPAIGN_STATUSES, LEAD_SORT_FIELDS, LEAD_STATUSES, OPEN_LEAD_STATUSES, OPEN_STAGES, OPPORTUNITY_STAGES, type Campaign, type ChannelReport, type ConvertResult, type Lead, type LeadInteraction, type LeadRow, type Opportunity, type OpportunityBoard, type OpportunityCard } from './leads.dto';

// ---------------------------------------------------------------- inputs

const id = z.string().uuid('Not a valid id');
const fen = z.number().int('Money is whole fen').min(0, 'Cannot be negative').max(1e13);
const channel = z.string().trim().min(1, 'The channel is required').max(30, 'At most 30 characters');

const leadFields = {
  name: z.string().trim().min(1, 'The contact name is required').max(50, 'At most 50 characters'),
  company: optionalText(100),
  title: optionalText(50),
  mobile: mobileField,
  email: emailField,
  source: optionalText(30),
  campaignId: id.nullable().optional(),
  ownerUserId: id.nullable().optional(),
  notes: optionalText(2000),
};

export const leadCreateInput = z.object(leadFields).strict();

export const leadPatch = z
  .object({ ...leadFields, status: z.enum(OPEN_LEAD_STATUSES) })
  .partial()
  .strict();

export const leadListFilters = z
  .object({
    status: z.array(z.enum(LEAD_STATUSES)).max(LEAD_STATUSES.length),
    source: z.string().max(30),
    campaignId: id,
    ownerUserId: id.nullable(),
    createdFrom: isoDate,
    createdTo: isoDate,
  })
  .partial()
  .strict();
export type LeadListFilters = z.output<typeof leadListFilters>;

export const leadListInput = z
  .object({
    q: z.string().trim().max(100).optional(),
    filters: leadListFilters.default({}),
    sort: z.object({ field: z.enum(LEAD_SORT_FIELDS), dir: z.enum(['asc', 'desc']).default('desc') }).strict().default({ field: 'createdAt', dir: 'desc' }),
    ...pageFields,
  })
  .strict();

export const campaignInput = z
  .object({
    id: id.optional(),
    name: z.string().trim().min(1, 'The campaign name is required').max(100, 'At most 100 characters'),
    channel,
    startDate: isoDate,
    endDate: dateField,
    cost: fen.default(0),
    notes: optionalText(2000),
    status: z.enum(CAMPAIGN_STATUSES).default('planned'),
  })
  .strict()
  .refine((c) => !c.endDate || c.endDate >= c.startDate, { path: ['endDate'], message: 'The end date is before the start date' });

const opportunityFields = {
  title: z.string().trim().min(1, 'The title is required').max(100, 'At most 100 characters'),
  customerId: id.nullable().optional(),
  leadId: id.nullable().optional(),
  expectedAmount: fen.default(0),
  probability: z.number().int('A whole percent').min(0, 'Between 0 and 100').max(100, 'Between 0 and 100').optional(),
  expectedCloseDate: dateField,
  ownerUserId: id.nullable().optional(),
  notes: optionalText(2000),
};

export const opportunityCreateInput = z
  .object({ ...opportunityFields, stage: z.enum(OPEN_STAGES).default('contact') })
  .strict()
  .refine((o) => !!o.customerId || !!o.leadId, { path: ['customerId'], message: 'Choose a customer or a lead' });

export const opportunityPatch = z
  .object({ ...opportunityFields, expectedAmount: fen })
  .omit({ customerId: true, leadId: true })
  .partial()
  .strict();

export const moveOpportunityInput = z
  .object({
    id,
    stage: z.enum(OPPORTUNITY_STAGES),
    /** Keeps a hand-set probability; without it the new stage's default applies (won 100, lost 0 always). */
    probability: z.number().int().min(0).max(100).optional(),
    lostReason: optionalText(200),
    note: optionalText(500),
  })
  .strict()
  .refine((m) => m.stage !== 'lost' || !!m.lostReason, { path: ['lostReason'], message: 'Say why the deal was lost' });

export const opportunityListInput = z
  .object({
    q: z.string().trim().max(100).optional(),
    filters: z
      .object({
        stage: z.array(z.enum(OPPORTUNITY_STAGES)).max(OPPORTUNITY_STAGES.length),
        ownerUserId: id.nullable(),
        customerId: id,
        leadId: id,
        /** Expected to close before this business date (overdue when it is today). */
        closeBefore: isoDate,
        /** Won and lost deals only if they closed on or after this business date, as the board shows them; open deals always. */
        closedSince: isoDate,
      })
      .partial()
      .strict()
      .default({}),
    ...pageFields,
  })
  .strict();

export type LeadCreateInput = z.input<typeof leadCreateInput>;
export type LeadPatch = z.input<typeof leadPatch>;
export type LeadListInput = z.input<typeof leadListInput>;
export type CampaignInput = z.input<typeof campaignInput>;
export type OpportunityCreateInput = z.input<typeof opportunityCreateInput>;
export type OpportunityPatch = z.input<typeof opportunityPatch>;

/** How many of each were handed over by leads.reassignOwner. */
export interface OwnerReassignment {
  leads: number;
  opportunities: number;
  customers: number;
}

const byId = z.object({ id }).strict();

export const leadsContract = {
  'leads.list': method<Page<LeadRow>>()({ input: leadListInput, permission: 'leads.read', mutates: false }),
  'leads.get': method<Lead>()({ input: byId, permission: 'leads.read', mutates: false }),
  /** `duplicates` lists existing customers with the same mobile or company name: a warning, not a refusal. */
  'leads.create': method<Lead & { duplicates: DuplicateMatch[] }>()({ input: leadCreateInput, permission: 'leads.write', mutates: true }),
  'leads.update': method<Lead>()({ input: leadPatch.extend({ id }).strict(), permission: 'leads.write', mutates: true }),
  'leads.logInteraction': method<LeadInteraction>()({
    input: z
      .object({
        leadId: id,
        kind: z.enum(INTERACTION_KINDS),
        occurredAt: z.string().datetime({ offset: true, message: 'A time such as 2026-11-23T09:30:00Z' }).optional(),
        subject: optionalText(200),
        body: optionalText(10000),
      })
      .strict()
      .refine((i) => !!i.subject || !!i.body, { path: ['subject'], message: 'Write a subject or a note' }),
    permission: 'leads.write',
    mutates: true,
  }),
  /**
   * Creates the customer through customers.create's rules (validation, duplicates, numbering,
   * search), links it both ways, copies the follow-ups onto its timeline and hands it the
   * lead's opportunities. Needs customers.write as well as leads.write.
   */
  'leads.convert': method<ConvertResult>()({
    input: z
      .object({
        id,
        kind: z.enum(CUSTOMER_KINDS).optional(),
        /** Defaults to the lead's company, else its contact name. */
        customerName: optionalText(100),
        /** The customer's owner (an active user); defaults to the lead's owner if active, else the converting user. */
        ownerUserId: id.optional(),
        allowDuplicate: z.boolean().default(false),
      })
      .strict(),
    permission: 'leads.write',
    mutates: true,
    changes: ['leads', 'customers'],
  }),
  /** Hands a leaving salesperson's open leads, open opportunities and active customers to an active colleague. */
  'leads.reassignOwner': method<OwnerReassignment>()({
    input: z.object({ fromUserId: id, toUserId: id }).strict(),
    permission: 'leads.reassign',
    mutates: true,
    changes: ['leads', 'customers'],
  }),
  'leads.markLost': method<Lead>()({
    input: z.object({ id, reason: z.string().trim().min(1, 'Say why the lead was lost').max(200, 'At most 200 characters') }).strict(),
    permission: 'leads.write',
    mutates: true,
  }),
  /** Channels in use (campaigns, leads, customers' sources) for pickers; data, not UI text. */
  'leads.listChannels': method<string[]>()({ input: z.object({}).strict(), permission: 'leads.read', mutates: false }),

  'leads.listCampaigns': method<Page<Campaign>>()({
    input: z
      .object({ q: z.string().trim().max(100).optional(), channel: z.string().max(30).optional(), status: z.enum(CAMPAIGN_STATUSES).optional(), ...pageFields })
      .strict(),
    permission: 'leads.read',
    mutates: false,
  }),
  'leads.saveCampaign': method<Campaign>()({ input: campaignInput, permission: 'campaigns.manage', mutates: true }),

  'leads.listOpportunities': method<Page<OpportunityCard>>()({ input: opportunityListInput, permission: 'leads.read', mutates: false }),
  'leads.getOpportunity': method<Opportunity>()({ input: byId, permission: 'leads.read', mutates: false }),
  'leads.createOpportunity': method<Opportunity>()({ input: opportunityCreateInput, permission: 'leads.write', mutates: true }),
  'leads.updateOpportunity': method<Opportunity>()({ input: opportunityPatch.extend({ id }).strict(), permission: 'leads.write', mutates: true }),
  'leads.moveOpportunity': method<Opportunity>()({ input: moveOpportunityInput, permission: 'leads.write', mutates: true }),
  'leads.opportunityBoard': method<OpportunityBoard>()({
    input: z
      .object({
        q: z.string().trim().max(100).optional(),
        ownerUserId: id.optional(),
        closedWithinDays: z.number().int().min(1).max(3650).default(90),
        cardLimit: z.number().int().min(1).max(200).default(50),
        /** Only open deals expected to close before this business date (the workbench's 已过预计成交日). */
        closeBefore: isoDate.optional(),
      })
      .strict(),
    permission: 'leads.read',
    mutates: false,
  }),

  /**
   * Per channel for leads created from..to (business dates): leads, converted, campaign cost of
   * campaigns starting in the range, cost per converted customer, their revenue and ROI.
   */
  'leads.channelReport': method<ChannelReport>()({
    input: z
      .object({ from: isoDate, to: isoDate })
      .strict()
      .refine((r) => r.from <= r.to, { path: ['to'], message: 'The end date is before the start date' }),
    permission: 'leads.read',
    mutates: false,
  }),
};
