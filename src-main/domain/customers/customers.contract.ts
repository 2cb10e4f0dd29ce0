/**
 * The customers area's API (客户档案): method names and zod inputs; the records it returns are in
 * customers.dto.ts. Runtime-neutral; the renderer imports it. Field rules live in customers.rules.ts.
 */
import { z } from 'zod';
import { issue, type FieldIssue } from '../../api/issues';
import { method } from '../../api/method';
import { jobIdField, MAX_PAGE_SIZE, pageFields, type Page } from '../../api/paging';
import { creditCodeField, dateField, emailField, isoDate, mobileField, optionalText, phoneField } from './customers.rules';
import {
  ADDRESS_KINDS,
  type Address,
  CUSTOMER_KINDS,
  CUSTOMER_SIZES,
  CUSTOMER_SORT_FIELDS,
  CUSTOMER_STATUSES,
  CUSTOM_FIELD_TYPES,
  type Contact,
  type CustomFieldDef,
  type Customer,
  type CustomerListRow,
  type CustomerOverview,
  type CustomerSearchHit,
  type CustomerView,
  type DuplicateMatch,
  INTERACTION_KINDS,
  type Interaction,
  LIFECYCLE_STAGES,
  type LifecycleRecompute,
  type StageSummaryRow,
  type SavedView,
  type Tag,
  type TagWithCount,
  type TimelineEntry,
} from './customers.dto';

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

/**
 * A contact card the user left entirely blank (the form opens with one): no id and nothing typed
 * but the primary flag. A customer needs no contact, so such a card is dropped, not refused.
 */
function isBlankCard(value: unknown): boolean {
  if (typeof value !== 'object' || value === null || 'id' in value) return false;
  return Object.entries(value).every(([key, field]) => key === 'isPrimary' || field === undefined || field === null || (typeof field === 'string' && field.trim() === ''));
}

/**
 * A customer's list of contacts without its blank cards. Each card is checked in its own place,
 * so an issue keeps the form's path (contacts.2.mobile) even when an earlier card is dropped.
 */
function contactCards<T extends z.ZodTypeAny>(card: T) {
  // zod types a preprocess input as unknown; the card's own input type is what callers send.
  const kept = z.preprocess((value) => (isBlankCard(value) ? undefined : value), card.optional()) as unknown as z.ZodType<z.output<T> | undefined, z.ZodTypeDef, z.input<T>>;
  return z
    .array(kept)
    .max(50)
    .transform((cards) => cards.filter((c): c is z.output<T> => c !== undefined));
}

export const addressInput = z
  .object({
    kind: z.enum(ADDRESS_KINDS).default('shipping'),
    province: optionalText(20),
    city: optionalText(30),
    district: optionalText(30),
    detail: z.string().trim().min(1, 'Address detail is required').max(200, 'At most 200 characters'),
    postcode: z.preprocess((v) => (v === '' ? null : v), z.string().refine((v) => /^\d{6}$/.test(v), issue('invalid_postcode')).nullable()).optional(),
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
};

export const customerCreateInput = z
  .object({
    ...customerFields,
    kind: customerFields.kind.default('company'),
    contacts: contactCards(contactInput).default([]),
    addresses: z.array(addressInput).max(50).default([]),
    tagIds: z.array(id).max(50).default([]),
    /** Without it a likely duplicate answers CONFLICT; with it the matches come back as warnings. */
    allowDuplicate: z.boolean().default(false),
    /** Without it a credit code whose organisation code fails its own check answers CONFLICT; with it, a warning. */
    acceptCreditCodeWarning: z.boolean().default(false),
  })
  .strict();

export const customerPatch = z
  .object({ ...customerFields, tagIds: z.array(id).max(50) })
  .partial()
  .strict();

/** A contact in customers.update's list: with an id it is that contact as edited, without one a new contact. */
export const contactUpsert = contactInput.extend({ id: id.optional() }).strict();

/** Like contactUpsert; kind is optional so a change keeps the address's kind (a new one defaults to shipping). */
export const addressUpsert = addressInput.extend({ id: id.optional(), kind: z.enum(ADDRESS_KINDS).optional() }).strict();

/**
 * One edit of the customer form, applied as a whole or not at all: the customer's own fields
 * (any subset), and when given, the complete list of contacts and of addresses as the form
 * leaves them (an item without an id is new; a stored one left out is removed). The input has
 * the form's shape, so every issue's path is the form field's path (contacts.2.mobile).
 */
export const customerUpdateInput = customerPatch
  .extend({
    id,
    contacts: contactCards(contactUpsert).optional(),
    addresses: z.array(addressUpsert).max(50).optional(),
    acceptCreditCodeWarning: z.boolean().default(false),
  })
  .strict();

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
    /** Created on or after this business date (the workbench's 本月新增). */
    createdFrom: isoDate,
    /** No follow-up logged on or after this business date (the workbench's 待跟进). */
    noContactSince: isoDate,
    /** The latest follow-up planned the next contact for this business date or earlier (the workbench's 到期的下次联系). */
    nextContactBy: isoDate,
    /** Moved into (entered) or out of (left) a stage on or after a business date (the workbench's 30-day moves). */
    stageMove: z.object({ stage: z.enum(LIFECYCLE_STAGES), direction: z.enum(['entered', 'left']), since: isoDate }).strict(),
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
  'customers.create': method<Customer & { duplicates: DuplicateMatch[]; warnings: FieldIssue[] }>()({
    input: customerCreateInput,
    permission: 'customers.write',
    mutates: true,
  }),
  'customers.update': method<Customer & { warnings: FieldIssue[] }>()({ input: customerUpdateInput, permission: 'customers.write', mutates: true }),
  /** What a form shows beside a typed credit code: refusals (issues) and what the user may accept (warnings). */
  'customers.checkCreditCode': method<{ creditCode: string; issues: FieldIssue[]; warnings: FieldIssue[] }>()({
    input: z.object({ creditCode: z.string().max(60) }).strict(),
    permission: 'customers.read',
    mutates: false,
  }),
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
    input: contactInput.partial().extend({ id }).strict(),
    permission: 'customers.write',
    mutates: true,
  }),
  'customers.removeContact': method<null>()({ input: byId, permission: 'customers.write', mutates: true }),
  'customers.addAddress': method<Address>()({ input: z.object({ customerId: id, address: addressInput }).strict(), permission: 'customers.write', mutates: true }),
  'customers.updateAddress': method<Address>()({
    input: addressInput.partial().extend({ id }).strict(),
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
        // SQLite stores whole numbers up to 2^63; a position needs far fewer.
        sortOrder: z.number().int().min(-1_000_000).max(1_000_000).default(0),
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
  /** The 360° screen in one round trip: customers.get + customers.overview + the first customers.timeline page. */
  'customers.view': method<CustomerView>()({
    input: z.object({ id, timelinePageSize: z.number().int().min(1).max(MAX_PAGE_SIZE).default(20) }).strict(),
    permission: 'customers.read',
    mutates: false,
  }),
  'customers.logInteraction': method<Interaction>()({
    input: z
      .object({
        customerId: id,
        contactId: id.nullable().optional(),
        kind: z.enum(INTERACTION_KINDS),
        occurredAt: z.string().datetime({ offset: true, message: 'A time such as 2026-11-23T09:30:00Z' }).optional(),
        subject: optionalText(200),
        body: optionalText(10000),
        /** 下次联系: not before the day of this follow-up. */
        nextContactOn: isoDate.nullable().optional(),
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
  /** The owner's (by default the caller's) active customers per stage, with how many entered and left each in 30 days. */
  'customers.stageSummary': method<StageSummaryRow[]>()({
    input: z.object({ ownerUserId: id.optional() }).strict(),
    permission: 'customers.read',
    mutates: false,
  }),
  /** Written for today only; another (later) date is a what-if that needs dryRun and writes nothing. */
  'customers.recomputeLifecycle': method<LifecycleRecompute>()({
    input: z.object({ asOf: isoDate.optional(), dryRun: z.boolean().default(false), jobId: jobIdField }).strict(),
    permission: 'customers.write',
    mutates: true,
  }),
};
