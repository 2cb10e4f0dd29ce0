/**
 * The customers area's records as the API returns them (DTOs) and its closed lists of codes.
 * Runtime-neutral: the renderer imports it.
 */
import type { DuplicateDetail } from '../../api/errors';
export const CUSTOMER_KINDS = ['company', 'individual'] as const;
export const CUSTOMER_SIZES = ['micro', 'small', 'medium', 'large'] as const;
export const CUSTOMER_STATUSES = ['active', 'archived'] as const;
export const LIFECYCLE_STAGES = ['lead', 'prospect', 'new', 'active', 'loyal', 'at_risk', 'churned', 'won_back'] as const;
export const ADDRESS_KINDS = ['billing', 'shipping'] as const;
export const INTERACTION_KINDS = ['call', 'visit', 'wechat', 'email', 'note'] as const;
export const CUSTOM_FIELD_TYPES = ['text', 'number', 'date', 'choice'] as const;
/** Why a customer's stage changed: the daily rules, set by hand, back to the rules, or a merge. */
export const STAGE_CHANGE_SOURCES = ['computed', 'override', 'override_cleared', 'merge'] as const;
export const CUSTOMER_SORT_FIELDS = ['name', 'code', 'createdAt', 'lastOrderDate', 'balanceDue', 'lifetimeRevenue'] as const;

export type CustomerKind = (typeof CUSTOMER_KINDS)[number];
export type CustomerSize = (typeof CUSTOMER_SIZES)[number];
export type CustomerStatus = (typeof CUSTOMER_STATUSES)[number];
export type LifecycleStage = (typeof LIFECYCLE_STAGES)[number];
export type AddressKind = (typeof ADDRESS_KINDS)[number];
export type InteractionKind = (typeof INTERACTION_KINDS)[number];
export type CustomFieldType = (typeof CUSTOM_FIELD_TYPES)[number];
export type StageChangeSource = (typeof STAGE_CHANGE_SOURCES)[number];
export type CustomerSortField = (typeof CUSTOMER_SORT_FIELDS)[number];
export type CustomFieldValue = string | number | null;

// ---------------------------------------------------------------- DTOs

export interface Tag {
  id: string;
  name: string;
  color: string;
}

export interface TagWithCount extends Tag {
  customerCount: number;
}

export interface Contact {
  id: string;
  customerId: string;
  name: string;
  title: string | null;
  mobile: string | null;
  phone: string | null;
  email: string | null;
  wechat: string | null;
  birthday: string | null;
  isPrimary: boolean;
}

export interface Address {
  id: string;
  customerId: string;
  kind: AddressKind;
  province: string | null;
  city: string | null;
  district: string | null;
  detail: string;
  postcode: string | null;
  recipient: string | null;
  recipientPhone: string | null;
  isDefault: boolean;
}

/** The whole record (customers.get). Money is integer fen. */
export interface Customer {
  id: string;
  code: string;
  kind: CustomerKind;
  name: string;
  shortName: string | null;
  creditCode: string | null;
  industry: string | null;
  size: CustomerSize | null;
  source: string | null;
  cooperationSince: string | null;
  ownerUserId: string | null;
  ownerName: string | null;
  mobile: string | null;
  phone: string | null;
  email: string | null;
  province: string | null;
  city: string | null;
  district: string | null;
  creditLimit: number | null;
  paymentTermsDays: number;
  tier: string | null;
  birthday: string | null;
  invoiceTitle: string | null;
  taxpayerId: string | null;
  bankName: string | null;
  bankAccount: string | null;
  registeredAddress: string | null;
  registeredPhone: string | null;
  customFields: Record<string, CustomFieldValue>;
  notes: string | null;
  lifecycleStage: LifecycleStage;
  lifecycleComputed: LifecycleStage;
  lifecycleOverride: LifecycleStage | null;
  lifecycleOverrideReason: string | null;
  status: CustomerStatus;
  mergedIntoId: string | null;
  leadId: string | null;
  createdAt: string;
  updatedAt: string;
  createdBy: string | null;
  contacts: Contact[];
  addresses: Address[];
  tags: Tag[];
  /** 下次联系, as the latest follow-up planned it (null when it planned none). */
  nextContactOn: string | null;
}

/** A customer a draft collides with (also sent as a CONFLICT's details). */
export type DuplicateMatch = DuplicateDetail;
export type DuplicateReason = DuplicateDetail['matchedOn'];

export interface CustomerListRow {
  id: string;
  code: string;
  name: string;
  shortName: string | null;
  kind: CustomerKind;
  status: CustomerStatus;
  ownerUserId: string | null;
  ownerName: string | null;
  tags: Tag[];
  primaryContact: { name: string; mobile: string | null } | null;
  province: string | null;
  city: string | null;
  industry: string | null;
  lifecycleStage: LifecycleStage;
  tier: string | null;
  creditLimit: number | null;
  balanceDue: number;
  lifetimeRevenue: number;
  lastOrderDate: string | null;
  createdAt: string;
}

export interface CustomerSearchHit {
  id: string;
  code: string;
  name: string;
  shortName: string | null;
  status: CustomerStatus;
  /** Why it matched, for the command palette: 'code', 'name', 'pinyin', 'contact', 'phone', 'creditCode'. */
  matchHint: string;
}

export interface StageChange {
  id: string;
  fromStage: LifecycleStage | null;
  toStage: LifecycleStage;
  source: StageChangeSource;
  reason: string | null;
  userId: string | null;
  changedAt: string;
}

/**
 * What a person typically does next with a customer in each stage (seed document 004): the
 * 360° view and the workbench suggest it until the rule engine acts on stages itself.
 */
export const STAGE_NEXT_ACTIONS = {
  lead: ['firstContact'],
  prospect: ['needsAnalysis', 'quote'],
  new: ['onboardingCall'],
  active: ['satisfactionFollowUp'],
  loyal: ['referralAsk'],
  at_risk: ['winBack'],
  churned: ['winBack'],
  won_back: ['satisfactionFollowUp'],
} as const satisfies Record<LifecycleStage, readonly string[]>;
export type StageNextAction = (typeof STAGE_NEXT_ACTIONS)[LifecycleStage][number];

/** customers.stageSummary: one owner's customers per stage, with the moves of the last 30 days. */
export interface StageSummaryRow {
  stage: LifecycleStage;
  count: number;
  enteredLast30d: number;
  leftLast30d: number;
}

/** customers.recomputeLifecycle's answer; a dryRun says what a recompute for asOf would leave. */
export interface LifecycleRecompute {
  total: number;
  changed: number;
  asOf: string;
  dryRun: boolean;
  /** Active customers per effective stage after the recompute. */
  stages: Record<LifecycleStage, number>;
}

/** The 360° header (客户全景). Order figures come from customer_stats (proven by `check`); what is owed from the receivables area's documents as of today. */
export interface CustomerOverview {
  customerId: string;
  lifetimeRevenue: number;
  orderCount: number;
  averageOrderValue: number;
  firstOrderDate: string | null;
  lastOrderDate: string | null;
  /** What the customer owes (receivables.customerSummary's balance); null when no area supplies it. */
  balanceDue: number | null;
  /** The part of it past its due date today; null when no area supplies it. */
  overdue: number | null;
  creditLimit: number | null;
  /** What is owed as the credit used (an advance uses none); null without receivables. `creditAvailable` is also null when there is no limit. */
  creditUsed: number | null;
  creditAvailable: number | null;
  tier: string | null;
  lifecycleStage: LifecycleStage;
  lifecycleOverride: LifecycleStage | null;
  stageHistory: StageChange[];
  /** Whole years since cooperationSince (合作年限), null when unknown. */
  yearsOfCooperation: number | null;
}

/** The 360° view in one call: the record, its figures and the first page of its timeline. */
export interface CustomerView {
  customer: Customer;
  overview: CustomerOverview;
  timeline: { rows: TimelineEntry[]; total: number; totalIsExact: boolean };
}

export interface Interaction {
  id: string;
  customerId: string;
  contactId: string | null;
  contactName: string | null;
  kind: InteractionKind;
  occurredAt: string;
  subject: string | null;
  body: string | null;
  userId: string | null;
  userName: string | null;
  createdAt: string;
  /** 下次联系: the business date this follow-up planned for the next one. */
  nextContactOn: string | null;
}

/** One timeline entry; later areas add kinds ('order', 'payment', 'ticket'). */
export interface TimelineEntry {
  kind: 'interaction' | 'stage' | (string & {});
  id: string;
  at: string;
  title: string;
  detail: string | null;
  userName: string | null;
  /** Extra facts per kind: interaction kind and contact; stage from/to. */
  data: Record<string, unknown>;
}

export interface CustomFieldDef {
  id: string;
  key: string;
  label: string;
  type: CustomFieldType;
  options: string[];
  sortOrder: number;
  active: boolean;
}

export interface SavedView {
  id: string;
  area: string;
  name: string;
  query: Record<string, unknown>;
  updatedAt: string;
}
