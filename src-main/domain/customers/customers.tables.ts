/**
 * The customers area's tables as Kysely sees them (db/schema.ts gathers every area's into Database;
 * `schema.test.ts` checks them against the migrated schema).
 */
import type { Flag } from '../../db/schema';
import type { AddressKind, CustomerKind, CustomerSize, CustomerStatus, CustomFieldType, InteractionKind, LifecycleStage, StageChangeSource } from './customers.dto';

export interface CustomersTable {
  id: string;
  code: string;
  kind: CustomerKind;
  name: string;
  short_name: string | null;
  name_key: string;
  name_pinyin: string;
  credit_code: string | null;
  industry: string | null;
  size: CustomerSize | null;
  source: string | null;
  cooperation_since: string | null;
  owner_user_id: string | null;
  /** When the current owner got the customer (kept by triggers); the pool counts idle days from it. */
  owner_since: string | null;
  mobile: string | null;
  phone: string | null;
  email: string | null;
  province: string | null;
  city: string | null;
  district: string | null;
  credit_limit: number | null;
  payment_terms_days: number;
  tier: string | null;
  birthday: string | null;
  invoice_title: string | null;
  taxpayer_id: string | null;
  bank_name: string | null;
  bank_account: string | null;
  registered_address: string | null;
  registered_phone: string | null;
  custom_fields: string;
  notes: string | null;
  lifecycle_stage: LifecycleStage;
  lifecycle_computed: LifecycleStage;
  lifecycle_override: LifecycleStage | null;
  lifecycle_override_reason: string | null;
  status: CustomerStatus;
  merged_into_id: string | null;
  lead_id: string | null;
  created_at: string;
  updated_at: string;
  created_by: string | null;
}

export interface CustomerContactsTable {
  id: string;
  customer_id: string;
  name: string;
  title: string | null;
  mobile: string | null;
  phone: string | null;
  email: string | null;
  wechat: string | null;
  birthday: string | null;
  is_primary: Flag;
  created_at: string;
  updated_at: string;
}

export interface CustomerAddressesTable {
  id: string;
  customer_id: string;
  kind: AddressKind;
  province: string | null;
  city: string | null;
  district: string | null;
  detail: string;
  postcode: string | null;
  recipient: string | null;
  recipient_phone: string | null;
  is_default: Flag;
  created_at: string;
  updated_at: string;
}

export interface TagsTable {
  id: string;
  name: string;
  color: string;
  created_at: string;
}

export interface CustomerTagsTable {
  customer_id: string;
  tag_id: string;
}

export interface CustomFieldDefsTable {
  id: string;
  key: string;
  label: string;
  type: CustomFieldType;
  options: string;
  sort_order: number;
  active: Flag;
  created_at: string;
  updated_at: string;
}

export interface InteractionsTable {
  id: string;
  customer_id: string;
  contact_id: string | null;
  kind: InteractionKind;
  occurred_at: string;
  subject: string | null;
  body: string | null;
  user_id: string | null;
  created_at: string;
  /** 下次联系, a business date the follow-up planned. */
  next_contact_on: string | null;
}

export interface CustomerStageHistoryTable {
  id: string;
  customer_id: string;
  from_stage: LifecycleStage | null;
  to_stage: LifecycleStage;
  source: StageChangeSource;
  reason: string | null;
  user_id: string | null;
  changed_at: string;
}

export interface CustomerStatsTable {
  customer_id: string;
  lifetime_revenue: number;
  order_count: number;
  orders_last_365d: number;
  first_order_date: string | null;
  last_order_date: string | null;
  balance_due: number;
  updated_at: string;
}

/** Search text behind the FTS5 table customers_fts (queried with raw SQL). */
export interface CustomerSearchTable {
  /** INTEGER PRIMARY KEY: null on insert picks the next one. */
  rowid: number | null;
  customer_id: string;
  names: string;
  people: string;
  tokens: string;
}

export interface CustomerSharesTable {
  customer_id: string;
  user_id: string;
  shared_by: string | null;
  shared_at: string;
}

export interface CustomerPoolEventsTable {
  id: string;
  customer_id: string;
  kind: 'returned' | 'claimed';
  user_id: string | null;
  idle_days: number | null;
  by_user_id: string | null;
  business_date: string;
  occurred_at: string;
}
