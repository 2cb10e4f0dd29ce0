/**
 * The customers area's API (客户档案): names, zod inputs and DTO types. Runtime-neutral; the
 * renderer imports it. Field rules live in customers.rules.ts (also runtime-neutral).
 */
import { z } from 'zod';
import { method } from '../../api/method';
import { jobIdField, pageFields, type Page } from '../../api/paging';
import { creditCodeField, dateField, emailField, isoDate, mobileField, optionalText, phoneField } from './customers.rules';

export const CUSTOMER_KINDS = ['company', 'individual'] as const;
export const CUSTOMER_SIZES = ['micro', 'small', 'medium', 'large'] as const;
export const CUSTOMER_STATUSES = ['active', 'archived'] as const;
export const LIFECYCLE_STAGES = ['lead', 'prospect', 'new', 'active', 'loyal', 'at_risk', 'churned', 'won_back'] as const;
export const ADDRESS_KINDS = ['billing', 'shipping'] as const;
export const INTERACTION_KINDS = ['call', 'visit', 'wechat', 'email', 'note'] as const;
export const CUSTOM_FIELD_TYPES = ['text', 'number', 'date', 'choice'] as const;
export const CUSTOMER_SORT_FIELDS = ['name', 'code', 'createdAt', 'lastOrderDate', 'balanceDue', 'lifetimeRevenue'] as const;

export type CustomerKind = (typeof CUSTOMER_KINDS)[number];
export type CustomerSize = (typeof CUSTOMER_SIZES)[number];
export type CustomerStatus = (typeof CUSTOMER_STATUSES)[number];
export type LifecycleStage = (typeof LIFECYCLE_STAGES)[number];
export type AddressKind = (typeof ADDRESS_KINDS)[number];
export type InteractionKind = (typeof INTERACTION_KINDS)[number];
export type CustomFieldType = (typeof CUSTOM_FIELD_TYPES)[number];
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
}

export type DuplicateReason = 'creditCode' | 'mobile' | 'name';

export interface DuplicateMatch {
  id: string;
  code: string;
  name: string;
  status: CustomerStatus;
  reason: DuplicateReason;
  /** The value both share (the credit code, the mobile, or the normalised name). */
  value: string;
}

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
  source: 'computed' | 'override' | 'override_cleared' | 'merge';
  reason: string | null;
  userId: string | null;
  changedAt: string;
}

/** The 360° header (客户全景). Figures come from customer_stats: honest zeros until orders etc. exist. */
export interface CustomerOverview {
  customerId: string;
  lifetimeRevenue: number;
  orderCount: number;
  averageOrderValue: number;
  firstOrderDate: string | null;
  lastOrderDate: string | null;
  balanceDue: number;
  overdue: number;
  creditLimit: number | null;
  /** Balance due as the credit used; `creditAvailable` is null when there is no limit. */
  creditUsed: number;
  creditAvailable: number | null;
  points: number;
  tier: string | null;
  openTickets: number;
  lifecycleStage: LifecycleStage;
  lifecycleOverride: LifecycleStage | null;
  stageHistory: StageChange[];
  /** Whole years since cooperationSince (合作年限), null when unknown. */
  yearsOfCooperation: number | null;
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

// ---------------------------------------------------------------- inputs

const id = z.string().uuid('Not a valid id');
const name50 = (label: string) => z.string().trim().min(1, `${label} is required`).max(50, 'At most 50 characters');
const fen = z.number().int('Money is whole fen').min(0, 'Cannot be negative').max(1e13);
const customFieldKey = z.string().regex(/^[a-z][a-zA-Z0-9_]{0,39}$/, 'A key starts with a lower-case letter: letters, digits, _');

export const contactInput = z
  .object({
    name: name50('Contact name'),
    title: optionalText(50),
    mobile: mobileField,
    phone: phoneField,
    email: emailField,
    wechat: optionalText(64),
    birthday: dateField,
    isPrimary: z.boolean().optional(),
  })
  .strict();

export const addressInput = z
  .object({
    kind: z.enum(ADDRESS_KINDS).default('shipping'),
    province: optionalText(20),
    city: optionalText(30),
    district: optionalText(30),
    detail: z.string().trim().min(1, 'Address detail is required').max(200, 'At most 200 characters'),
    postcode: z.preprocess((v) => (v === '' ? null : v), z.string().regex(/^\d{6}$/, 'A postcode has 6 digits').nullable()).optional(),
    recipient: optionalText(50),
    recipientPhone: phoneField,
    isDefault: z.boolean().optional(),
  })
  .strict();

/** The customer's own fields, shared by create and update (update takes any subset). */
const customerFields = {
  kind: z.enum(CUSTOMER_KINDS),
  name: z.string().trim().min(1, 'Customer name is required').max(100, 'At most 100 characters'),
  shortName: optionalText(30),
  creditCode: creditCodeField,
  industry: optionalText(30),
  size: z.enum(CUSTOMER_SIZES).nullable().optional(),
  source: optionalText(30),
  cooperationSince: dateField,
  ownerUserId: id.nullable().optional(),
  mobile: mobileField,
  phone: phoneField,
  email: emailField,
  province: optionalText(20),
  city: optionalText(30),
  district: optionalText(30),
  creditLimit: fen.nullable().optional(),
  paymentTermsDays: z.number().int().min(0, 'Cannot be negative').max(365, 'At most 365 days').optional(),
  tier: optionalText(30),
  birthday: dateField,
  invoiceTitle: optionalText(100),
  taxpayerId: optionalText(30),
  bankName: optionalText(60),
  bankAccount: optionalText(40),
  registeredAddress: optionalText(200),
  registeredPhone: phoneField,
  customFields: z.record(customFieldKey, z.union([z.string().max(500), z.number(), z.null()])).optional(),
  notes: optionalText(2000),
  leadId: z.string().max(64).nullable().optional(),
};

export const customerCreateInput = z
  .object({
    ...customerFields,
    kind: customerFields.kind.default('company'),
    contacts: z.array(contactInput).max(50).default([]),
    addresses: z.array(addressInput).max(50).default([]),
    tagIds: z.array(id).max(50).default([]),
    /** Without it a likely duplicate answers CONFLICT; with it the matches come back as warnings. */
    allowDuplicate: z.boolean().default(false),
  })
  .strict();

export const customerPatch = z
  .object({ ...customerFields, tagIds: z.array(id).max(50) })
  .partial()
  .strict();

/** An item of customers.update: with an id it changes that contact (only the fields given), without one it adds one. */
export const contactUpsert = contactInput.extend({ id: id.optional() }).strict();

/** Like contactUpsert; kind is optional so a change keeps the address's kind (a new one defaults to shipping). */
export const addressUpsert = addressInput.extend({ id: id.optional(), kind: z.enum(ADDRESS_KINDS).optional() }).strict();

const childEdits = <Item extends z.ZodTypeAny>(item: Item) =>
  z.object({ upsert: z.array(item).max(50).default([]), remove: z.array(id).max(50).default([]) }).strict();

/**
 * One edit of the customer form, applied as a whole or not at all: the customer's own fields
 * (patch), then the contacts and the addresses (upserts in order, then removals). Every id must
 * belong to this customer. Required fields are checked once, on the record as the edit leaves it.
 */
export const customerUpdateInput = z
  .object({
    id,
    patch: customerPatch.default({}),
    contacts: childEdits(contactUpsert).optional(),
    addresses: childEdits(addressUpsert).optional(),
  })
  .strict();

/**
 * customers.update names an upserted item by its index in `upsert`, as a form lists them:
 * contacts.upsert[1].mobile is reported at contacts.1.mobile. Removals keep their path
 * (contacts.remove.0); the customer's own fields keep theirs (patch.name).
 */
export const updateIssuePath = (path: string): string => path.replace(/^(contacts|addresses)\.upsert\.(?=\d)/, '$1.');

export const listFilters = z
  .object({
    tagIds: z.array(id).max(20),
    /** any: has at least one of the tags; all: has every one. */
    tagMode: z.enum(['any', 'all']),
    industry: z.string().max(30),
    size: z.enum(CUSTOMER_SIZES),
    province: z.string().max(20),
    city: z.string().max(30),
    lifecycleStage: z.array(z.enum(LIFECYCLE_STAGES)).max(LIFECYCLE_STAGES.length),
    ownerUserId: id.nullable(),
    tier: z.string().max(30),
    status: z.enum([...CUSTOMER_STATUSES, 'all']),
    /** within: has a limit and the balance is inside it; over: balance above the limit; none: no limit. */
    creditStatus: z.enum(['within', 'over', 'none']),
    lastOrderFrom: isoDate,
    lastOrderTo: isoDate,
    balanceDueMin: fen,
    balanceDueMax: fen,
    custom: z.record(customFieldKey, z.union([z.string().max(500), z.number()])),
  })
  .partial()
  .strict();

export const listSort = z.object({ field: z.enum(CUSTOMER_SORT_FIELDS), dir: z.enum(['asc', 'desc']).default('asc') }).strict();

export const customerListInput = z
  .object({
    q: z.string().trim().max(100).optional(),
    filters: listFilters.default({}),
    sort: listSort.default({ field: 'code', dir: 'asc' }),
    ...pageFields,
  })
  .strict();

export const duplicateCheckInput = z
  .object({
    name: z.string().max(100).optional(),
    creditCode: z.string().max(40).optional(),
    mobiles: z.array(z.string().max(32)).max(50).optional(),
    /** The customer being edited, so it does not match itself. */
    excludeId: id.optional(),
  })
  .strict();

export type ContactInput = z.input<typeof contactInput>;
export type AddressInput = z.input<typeof addressInput>;
export type CustomerCreateInput = z.input<typeof customerCreateInput>;
export type CustomerPatch = z.input<typeof customerPatch>;
export type ContactUpsert = z.input<typeof contactUpsert>;
export type AddressUpsert = z.input<typeof addressUpsert>;
export type CustomerUpdateInput = z.input<typeof customerUpdateInput>;
export type CustomerListInput = z.input<typeof customerListInput>;
export type CustomerListFilters = z.input<typeof listFilters>;

const byId = z.object({ id }).strict();

export const customersContract = {
  'customers.list': method<Page<CustomerListRow>>()({ input: customerListInput, permission: 'customers.read', mutates: false }),
  'customers.search': method<CustomerSearchHit[]>()({
    input: z.object({ q: z.string().trim().min(1).max(100), limit: z.number().int().min(1).max(50).default(10), includeArchived: z.boolean().default(false) }).strict(),
    permission: 'customers.read',
    mutates: false,
  }),
  'customers.get': method<Customer>()({ input: byId, permission: 'customers.read', mutates: false }),
  'customers.create': method<Customer & { duplicates: DuplicateMatch[] }>()({
    input: customerCreateInput,
    permission: 'customers.write',
    mutates: true,
  }),
  'customers.update': method<Customer>()({ input: customerUpdateInput, permission: 'customers.write', mutates: true, issuePath: updateIssuePath }),
  'customers.archive': method<Customer>()({ input: byId, permission: 'customers.write', mutates: true }),
  'customers.restore': method<Customer>()({ input: byId, permission: 'customers.write', mutates: true }),
  'customers.checkDuplicates': method<DuplicateMatch[]>()({ input: duplicateCheckInput, permission: 'customers.read', mutates: false }),
  /** Moves every reference from source to target and archives the source (merged_into_id). */
  'customers.merge': method<{ target: Customer; moved: Record<string, number> }>()({
    input: z.object({ sourceId: id, targetId: id }).strict(),
    permission: 'customers.merge',
    mutates: true,
  }),

  'customers.addContact': method<Contact>()({ input: z.object({ customerId: id, contact: contactInput }).strict(), permission: 'customers.write', mutates: true }),
  'customers.updateContact': method<Contact>()({
    input: z.object({ id, patch: contactInput.partial().strict() }).strict(),
    permission: 'customers.write',
    mutates: true,
  }),
  'customers.removeContact': method<null>()({ input: byId, permission: 'customers.write', mutates: true }),
  'customers.addAddress': method<Address>()({ input: z.object({ customerId: id, address: addressInput }).strict(), permission: 'customers.write', mutates: true }),
  'customers.updateAddress': method<Address>()({
    input: z.object({ id, patch: addressInput.partial().strict() }).strict(),
    permission: 'customers.write',
    mutates: true,
  }),
  'customers.removeAddress': method<null>()({ input: byId, permission: 'customers.write', mutates: true }),

  'customers.listTags': method<TagWithCount[]>()({ input: z.object({}).strict(), permission: 'customers.read', mutates: false }),
  'customers.saveTag': method<Tag>()({
    input: z.object({ id: id.optional(), name: name50('Tag name'), color: z.string().regex(/^[a-z]+$|^#[0-9a-fA-F]{6}$/, 'A colour name or #rrggbb').default('gray') }).strict(),
    permission: 'customers.write',
    mutates: true,
  }),
  'customers.bulkTag': method<{ updated: number }>()({
    input: z.object({ ids: z.array(id).min(1).max(5000), addTagIds: z.array(id).max(20).default([]), removeTagIds: z.array(id).max(20).default([]) }).strict(),
    permission: 'customers.write',
    mutates: true,
  }),
  'customers.bulkAssignOwner': method<{ updated: number }>()({
    input: z.object({ ids: z.array(id).min(1).max(5000), ownerUserId: id.nullable() }).strict(),
    permission: 'customers.write',
    mutates: true,
  }),

  'customers.listFieldDefs': method<CustomFieldDef[]>()({
    input: z.object({ includeInactive: z.boolean().default(false) }).strict(),
    permission: 'customers.read',
    mutates: false,
  }),
  /** The owner defines custom fields, so this needs settings.manage. A key never changes once saved. */
  'customers.saveFieldDef': method<CustomFieldDef>()({
    input: z
      .object({
        id: id.optional(),
        key: customFieldKey,
        label: name50('Label'),
        type: z.enum(CUSTOM_FIELD_TYPES),
        options: z.array(z.string().trim().min(1).max(50)).max(100).default([]),
        sortOrder: z.number().int().default(0),
        active: z.boolean().default(true),
      })
      .strict(),
    permission: 'settings.manage',
    mutates: true,
  }),

  'customers.listViews': method<SavedView[]>()({ input: z.object({ area: z.string().max(30).default('customers') }).strict(), permission: 'customers.read', mutates: false }),
  'customers.saveView': method<SavedView>()({
    input: z
      .object({ id: id.optional(), area: z.string().max(30).default('customers'), name: name50('View name'), query: z.record(z.unknown()) })
      .strict(),
    permission: 'customers.read',
    mutates: true,
  }),
  'customers.deleteView': method<null>()({ input: byId, permission: 'customers.read', mutates: true }),

  'customers.overview': method<CustomerOverview>()({ input: byId, permission: 'customers.read', mutates: false }),
  'customers.logInteraction': method<Interaction>()({
    input: z
      .object({
        customerId: id,
        contactId: id.nullable().optional(),
        kind: z.enum(INTERACTION_KINDS),
        occurredAt: z.string().datetime({ offset: true, message: 'A time such as 2026-11-23T09:30:00Z' }).optional(),
        subject: optionalText(200),
        body: optionalText(10000),
      })
      .strict(),
    permission: 'customers.interact',
    mutates: true,
  }),
  'customers.timeline': method<Page<TimelineEntry>>()({
    input: z.object({ customerId: id, ...pageFields }).strict(),
    permission: 'customers.read',
    mutates: false,
  }),
  /** A manual stage wins over the rules until cleared (stage: null). */
  'customers.setStage': method<Customer>()({
    input: z
      .object({ id, stage: z.enum(LIFECYCLE_STAGES).nullable(), reason: optionalText(200) })
      .strict()
      .refine((v) => v.stage === null || !!v.reason, { path: ['reason'], message: 'Say why the stage is set by hand' }),
    permission: 'customers.write',
    mutates: true,
  }),
  'customers.recomputeLifecycle': method<{ total: number; changed: number; asOf: string }>()({
    input: z.object({ asOf: isoDate.optional(), jobId: jobIdField }).strict(),
    permission: 'customers.write',
    mutates: true,
  }),
};
