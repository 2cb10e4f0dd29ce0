import type { InteractionKind } from '../customers/customers.dto';
import type { CampaignStatus, LeadStatus, OpportunityStage } from './leads.contract';

/** Search text behind the FTS5 table leads_fts, the same columns as customer_search. */
export interface LeadSearchTable {
  rowid: number | null;
  lead_id: string;
  names: string;
  people: string;
  tokens: string;
}

export interface CampaignsTable {
  id: string;
  name: string;
  channel: string;
  start_date: string;
  end_date: string | null;
  cost: number;
  notes: string | null;
  status: CampaignStatus;
  created_at: string;
  updated_at: string;
}

export interface LeadsTable {
  id: string;
  code: string;
  name: string;
  company: string | null;
  title: string | null;
  mobile: string | null;
  email: string | null;
  source: string | null;
  campaign_id: string | null;
  status: LeadStatus;
  lost_reason: string | null;
  owner_user_id: string | null;
  customer_id: string | null;
  converted_at: string | null;
  notes: string | null;
  last_contacted_at: string | null;
  created_at: string;
  updated_at: string;
  created_by: string | null;
}

export interface LeadInteractionsTable {
  id: string;
  lead_id: string;
  kind: InteractionKind;
  occurred_at: string;
  subject: string | null;
  body: string | null;
  user_id: string | null;
  customer_interaction_id: string | null;
  created_at: string;
}

export interface OpportunitiesTable {
  id: string;
  title: string;
  customer_id: string | null;
  lead_id: string | null;
  stage: OpportunityStage;
  expected_amount: number;
  probability: number;
  expected_close_date: string | null;
  owner_user_id: string | null;
  notes: string | null;
  closed_at: string | null;
  lost_reason: string | null;
  created_at: string;
  updated_at: string;
  created_by: string | null;
}

export interface OpportunityStageHistoryTable {
  id: string;
  opportunity_id: string;
  from_stage: OpportunityStage | null;
  to_stage: OpportunityStage;
  probability: number;
  expected_amount: number;
  note: string | null;
  user_id: string | null;
  changed_at: string;
}
