/** The leads area's codes and the shapes its methods answer with (runtime-neutral). */
import type { DuplicateMatch, InteractionKind } from '../customers/customers.dto';

export const LEAD_STATUSES = ['new', 'contacted', 'qualified', 'converted', 'lost'] as const;
/** The statuses a person may set by hand; converted and lost have their own methods. */
export const OPEN_LEAD_STATUSES = ['new', 'contacted', 'qualified'] as const;
export const CAMPAIGN_STATUSES = ['planned', 'running', 'ended', 'cancelled'] as const;
/** 初步接洽 → 需求确认 → 方案报价 → 谈判 → 赢单 / 输单 */
export const OPPORTUNITY_STAGES = ['contact', 'needs', 'proposal', 'negotiation', 'won', 'lost'] as const;
export const OPEN_STAGES = ['contact', 'needs', 'proposal', 'negotiation'] as const;
export const LEAD_SORT_FIELDS = ['createdAt', 'code', 'name', 'status'] as const;

export type LeadStatus = (typeof LEAD_STATUSES)[number];
export type CampaignStatus = (typeof CAMPAIGN_STATUSES)[number];
export type OpportunityStage = (typeof OPPORTUNITY_STAGES)[number];

/** The probability a stage starts with (赢率); a person may override it on the opportunity. */
export const DEFAULT_PROBABILITY: Record<OpportunityStage, number> = {
  contact: 10,
  needs: 25,
  proposal: 50,
  negotiation: 75,
  won: 100,
  lost: 0,
};

export function isClosedStage(stage: OpportunityStage): boolean {
  return stage === 'won' || stage === 'lost';
}

// ---------------------------------------------------------------- DTOs

export interface LeadRow {
  id: string;
  code: string;
  name: string;
  company: string | null;
  title: string | null;
  mobile: string | null;
  email: string | null;
  source: string | null;
  campaignId: string | null;
  campaignName: string | null;
  status: LeadStatus;
  lostReason: string | null;
  ownerUserId: string | null;
  ownerName: string | null;
  customerId: string | null;
  customerCode: string | null;
  convertedAt: string | null;
  lastContactedAt: string | null;
  createdAt: string;
}

export interface LeadInteraction {
  id: string;
  leadId: string;
  kind: InteractionKind;
  occurredAt: string;
  subject: string | null;
  body: string | null;
  userName: string | null;
  /** The copy on the customer's timeline, once the lead is converted. */
  customerInteractionId: string | null;
}

export interface Lead extends LeadRow {
  notes: string | null;
  updatedAt: string;
  customerName: string | null;
  interactions: LeadInteraction[];
  opportunities: OpportunityCard[];
}

export interface Campaign {
  id: string;
  name: string;
  channel: string;
  startDate: string;
  endDate: string | null;
  /** Fen. */
  cost: number;
  notes: string | null;
  status: CampaignStatus;
  leadCount: number;
  convertedCount: number;
  createdAt: string;
  updatedAt: string;
}

export interface OpportunityCard {
  id: string;
  title: string;
  stage: OpportunityStage;
  customerId: string | null;
  leadId: string | null;
  /** The customer's name, else the lead's company or name. */
  partyName: string;
  expectedAmount: number;
  probability: number;
  /** expectedAmount × probability, rounded half-up to the fen. */
  weightedAmount: number;
  expectedCloseDate: string | null;
  ownerUserId: string | null;
  ownerName: string | null;
  closedAt: string | null;
  lostReason: string | null;
  updatedAt: string;
}

export interface OpportunityStageChange {
  id: string;
  fromStage: OpportunityStage | null;
  toStage: OpportunityStage;
  probability: number;
  expectedAmount: number;
  note: string | null;
  userName: string | null;
  changedAt: string;
}

export interface Opportunity extends OpportunityCard {
  notes: string | null;
  createdAt: string;
  history: OpportunityStageChange[];
}

export interface BoardColumn {
  stage: OpportunityStage;
  count: number;
  /** Sum of expected amounts (fen). */
  amount: number;
  /** Sum of expected amount × probability (fen, rounded half-up once per column). */
  weightedAmount: number;
  cards: OpportunityCard[];
}

export interface OpportunityBoard {
  columns: BoardColumn[];
  /** Won and lost columns show deals closed on or after this business date. */
  closedSince: string;
  /** Cards per column are capped; `count` is always the whole column. */
  cardLimit: number;
}

export interface ChannelReportRow {
  channel: string | null;
  leads: number;
  converted: number;
  /** converted / leads in basis points (2727 = 27.27 %), rounded half-up; null without leads. */
  conversionRate: number | null;
  campaigns: number;
  /** Fen. */
  cost: number;
  /** cost / converted, rounded half-up to the fen; null when nothing converted. */
  costPerConverted: number | null;
  /** Lifetime revenue of the converted customers from their orders (customer_stats), fen. */
  revenue: number;
  /** (revenue − cost) / cost in basis points, rounded half-up; null without cost. */
  roi: number | null;
  /**
   * Deals won with the converted customers and their value (fen): what the channel brought
   * before orders exist. Never added to revenue; its own ROI says which base it uses.
   */
  wonDeals: number;
  wonDealValue: number;
  /** (wonDealValue − cost) / cost in basis points, rounded half-up; null without cost. */
  wonDealRoi: number | null;
}

export interface ChannelReport {
  from: string;
  to: string;
  rows: ChannelReportRow[];
  totals: ChannelReportRow;
}

export interface ConvertResult {
  lead: Lead;
  customer: { id: string; code: string; name: string };
  duplicates: DuplicateMatch[];
  copiedInteractions: number;
  movedOpportunities: number;
}
