import type { Kysely, Updateable } from 'kysely';
import type { z } from 'zod';
import { changedFields, type HandlerContext } from '../../api/dispatch';
import { AppError, notFound, validationError, type FieldIssue } from '../../api/errors';
import type { CustomersTable, Database } from '../../db/schema';
import { newId, nowIso } from '../shared/ids';
import { nextNumber } from '../shared/numbering';
import { getSettings } from '../settings/settings.service';
import type {
  Address,
  Contact,
  Customer,
  CustomerKind,
  CustomerSize,
  CustomerStatus,
  customerCreateInput,
  customerPatch,
  CustomFieldValue,
  DuplicateMatch,
  LifecycleStage,
  AddressKind,
} from './customers.contract';
import { duplicateIssues, findDuplicates } from './customers.duplicates';
import { validateCustomFields } from './customers.fields';
import * as repo from './customers.repository';
import { customerNameKey, requiredFieldIssues } from './customers.rules';
import { buildSearchDoc, pinyinSortKey } from './customers.search-text';

type Db = Kysely<Database>;
export type CreateInput = z.output<typeof customerCreateInput>;
export type PatchInput = z.output<typeof customerPatch>;

// ---------------------------------------------------------------- mapping (rows never leave this area)

export function toContact(row: repo.ContactRecord): Contact {
  return {
    id: row.id,
    customerId: row.customer_id,
    name: row.name,
    title: row.title,
    mobile: row.mobile,
    phone: row.phone,
    email: row.email,
    wechat: row.wechat,
    birthday: row.birthday,
    isPrimary: row.is_primary === 1,
  };
}

export function toAddress(row: repo.AddressRecord): Address {
  return {
    id: row.id,
    customerId: row.customer_id,
    kind: row.kind as AddressKind,
    province: row.province,
    city: row.city,
    district: row.district,
    detail: row.detail,
    postcode: row.postcode,
    recipient: row.recipient,
    recipientPhone: row.recipient_phone,
    isDefault: row.is_default === 1,
  };
}

export async function getCustomer(db: Db, id: string): Promise<Customer> {
  const row = await repo.findCustomer(db, id);
  if (!row) throw notFound('Customer', id);
  const [contacts, addresses, tags] = await Promise.all([repo.listContacts(db, id), repo.listAddresses(db, id), repo.tagsOfCustomers(db, [id])]);
  return {
    id: row.id,
    code: row.code,
    kind: row.kind as CustomerKind,
    name: row.name,
    shortName: row.short_name,
    creditCode: row.credit_code,
    industry: row.industry,
    size: row.size as CustomerSize | null,
    source: row.source,
    cooperationSince: row.cooperation_since,
    ownerUserId: row.owner_user_id,
    ownerName: row.owner_name,
    mobile: row.mobile,
    phone: row.phone,
    email: row.email,
    province: row.province,
    city: row.city,
    district: row.district,
    creditLimit: row.credit_limit,
    paymentTermsDays: row.payment_terms_days,
    tier: row.tier,
    birthday: row.birthday,
    invoiceTitle: row.invoice_title,
    taxpayerId: row.taxpayer_id,
    bankName: row.bank_name,
    bankAccount: row.bank_account,
    registeredAddress: row.registered_address,
    registeredPhone: row.registered_phone,
    customFields: JSON.parse(row.custom_fields) as Record<string, CustomFieldValue>,
    notes: row.notes,
    lifecycleStage: row.lifecycle_stage as LifecycleStage,
    lifecycleComputed: row.lifecycle_computed as LifecycleStage,
    lifecycleOverride: row.lifecycle_override as LifecycleStage | null,
    lifecycleOverrideReason: row.lifecycle_override_reason,
    status: row.status as CustomerStatus,
    mergedIntoId: row.merged_into_id,
    leadId: row.lead_id,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    createdBy: row.created_by,
    contacts: contacts.map(toContact),
    addresses: addresses.map(toAddress),
    tags: tags.map((t) => ({ id: t.id, name: t.name, color: t.color })),
  };
}

/** What the audit log compares: the record without bookkeeping, contacts/addresses by value. */
function auditView(customer: Customer): Record<string, unknown> {
  const { updatedAt: _u, ownerName: _o, tags, ...rest } = customer;
  return { ...rest, tags: tags.map((t) => t.name) };
}

// ---------------------------------------------------------------- column mapping

const COLUMN_OF = {
  kind: 'kind',
  name: 'name',
  shortName: 'short_name',
  creditCode: 'credit_code',
  industry: 'industry',
  size: 'size',
  source: 'source',
  cooperationSince: 'cooperation_since',
  ownerUserId: 'owner_user_id',
  mobile: 'mobile',
  phone: 'phone',
  email: 'email',
  province: 'province',
  city: 'city',
  district: 'district',
  creditLimit: 'credit_limit',
  paymentTermsDays: 'payment_terms_days',
  tier: 'tier',
  birthday: 'birthday',
  invoiceTitle: 'invoice_title',
  taxpayerId: 'taxpayer_id',
  bankName: 'bank_name',
  bankAccount: 'bank_account',
  registeredAddress: 'registered_address',
  registeredPhone: 'registered_phone',
  notes: 'notes',
  leadId: 'lead_id',
} as const satisfies Record<string, keyof CustomersTable>;

function toColumns(fields: Partial<Record<keyof typeof COLUMN_OF, unknown>>): Updateable<CustomersTable> {
  const row: Record<string, unknown> = {};
  for (const [field, column] of Object.entries(COLUMN_OF)) {
    const value = fields[field as keyof typeof COLUMN_OF];
    if (value !== undefined) row[column] = value;
  }
  return row as Updateable<CustomersTable>;
}

// ---------------------------------------------------------------- shared checks

async function referenceIssues(db: Db, input: { ownerUserId?: string | null; tagIds?: string[] }): Promise<FieldIssue[]> {
  const issues: FieldIssue[] = [];
  if (input.ownerUserId && !(await repo.userExists(db, input.ownerUserId))) issues.push({ path: 'ownerUserId', message: 'No active user with this id' });
  const missing = await repo.missingTagIds(db, input.tagIds ?? []);
  for (const tagId of missing) issues.push({ path: `tagIds.${input.tagIds!.indexOf(tagId)}`, message: 'No such tag' });
  return issues;
}

function flagIssues(items: { isPrimary?: boolean; isDefault?: boolean; kind?: string }[], prefix: string, flag: 'isPrimary' | 'isDefault'): FieldIssue[] {
  const seen = new Set<string>();
  const issues: FieldIssue[] = [];
  items.forEach((item, i) => {
    if (!item[flag]) return;
    const group = flag === 'isDefault' ? (item.kind ?? '') : '';
    if (seen.has(group)) issues.push({ path: `${prefix}.${i}.${flag}`, message: flag === 'isPrimary' ? 'Only one contact can be the primary contact' : `Only one default ${group} address` });
    seen.add(group);
  });
  return issues;
}

export async function refreshSearchDoc(db: Db, customerId: string): Promise<void> {
  const customer = await repo.findCustomer(db, customerId);
  if (!customer) return;
  const contacts = await repo.listContacts(db, customerId);
  await repo.saveSearchDoc(
    db,
    customerId,
    buildSearchDoc({
      kind: customer.kind as CustomerKind,
      code: customer.code,
      name: customer.name,
      shortName: customer.short_name,
      creditCode: customer.credit_code,
      taxpayerId: customer.taxpayer_id,
      mobile: customer.mobile,
      phone: customer.phone,
      contacts,
    }),
  );
}

async function requiredIssuesFor(db: Db, customer: Customer): Promise<FieldIssue[]> {
  return requiredFieldIssues(customer, (await getSettings(db)).customerRequiredFields);
}

// ---------------------------------------------------------------- create / update / archive

export async function createCustomer(ctx: HandlerContext, input: CreateInput): Promise<Customer & { duplicates: DuplicateMatch[] }> {
  const db = ctx.db;
  const settings = await getSettings(db);
  const { values: customFields, issues: customIssues } = await validateCustomFields(db, {}, input.customFields ?? {});
  const issues: FieldIssue[] = [
    ...requiredFieldIssues(input, settings.customerRequiredFields),
    ...customIssues,
    ...(await referenceIssues(db, input)),
    ...flagIssues(input.contacts, 'contacts', 'isPrimary'),
    ...flagIssues(input.addresses, 'addresses', 'isDefault'),
  ];
  if (issues.length) throw validationError(issues);

  const duplicates = await findDuplicates(db, { name: input.name, creditCode: input.creditCode ?? null, mobiles: [input.mobile, ...input.contacts.map((c) => c.mobile)] });
  if (duplicates.length && !input.allowDuplicate) {
    const codes = [...new Set(duplicates.map((d) => d.code))].join(', ');
    throw new AppError('CONFLICT', `This looks like an existing customer (${codes}); save anyway with allowDuplicate, or merge`, duplicateIssues(duplicates, input));
  }

  const now = nowIso();
  const id = newId();
  const firstAddress = input.addresses.find((a) => a.kind === 'billing') ?? input.addresses[0];
  const stage: LifecycleStage = input.leadId ? 'lead' : 'prospect';
  await repo.insertCustomer(
    db,
    {
      ...toColumns(input),
      id,
      code: await nextNumber(db, 'customer'),
      kind: input.kind,
      name: input.name,
      name_key: customerNameKey(input.name),
      name_pinyin: pinyinSortKey(input.name),
      province: input.province ?? firstAddress?.province ?? null,
      city: input.city ?? firstAddress?.city ?? null,
      district: input.district ?? firstAddress?.district ?? null,
      payment_terms_days: input.paymentTermsDays ?? 0,
      custom_fields: JSON.stringify(customFields),
      lifecycle_stage: stage,
      lifecycle_computed: stage,
      status: 'active',
      created_at: now,
      updated_at: now,
      created_by: ctx.user?.id ?? null,
    },
    now,
  );
  const primaryIndex = Math.max(0, input.contacts.findIndex((c) => c.isPrimary));
  for (const [i, contact] of input.contacts.entries()) {
    await repo.insertContact(db, { ...contactColumns(contact), id: newId(), customer_id: id, name: contact.name, is_primary: i === primaryIndex ? 1 : 0, created_at: now, updated_at: now });
  }
  const defaultKinds = new Set<string>();
  const explicitDefaults = new Set(input.addresses.filter((a) => a.isDefault).map((a) => a.kind));
  for (const address of input.addresses) {
    const isDefault = explicitDefaults.has(address.kind) ? !!address.isDefault : !defaultKinds.has(address.kind);
    if (isDefault) defaultKinds.add(address.kind);
    await repo.insertAddress(db, { ...addressColumns(address), id: newId(), customer_id: id, kind: address.kind, detail: address.detail, is_default: isDefault ? 1 : 0, created_at: now, updated_at: now });
  }
  await repo.addTags(db, [id], input.tagIds);
  await repo.appendStageChange(db, { id: newId(), customer_id: id, from_stage: null, to_stage: stage, source: 'computed', reason: null, user_id: ctx.user?.id ?? null, changed_at: now });
  await refreshSearchDoc(db, id);
  const customer = await getCustomer(db, id);
  ctx.audit({ entityType: 'customer', entityId: id, fields: changedFields(null, auditView(customer)) });
  return { ...customer, duplicates };
}

async function editableCustomer(db: Db, id: string): Promise<Customer> {
  const customer = await getCustomer(db, id);
  if (customer.mergedIntoId) throw new AppError('CONFLICT', `Customer ${customer.code} was merged into another customer; edit that one instead`);
  return customer;
}

/** Fails only on required fields this change empties, so old records stay editable. */
async function assertNoNewRequiredIssues(db: Db, before: Customer, after: Customer): Promise<void> {
  const had = new Set((await requiredIssuesFor(db, before)).map((i) => i.message));
  const fresh = (await requiredIssuesFor(db, after)).filter((i) => !had.has(i.message));
  if (fresh.length) throw validationError(fresh);
}

export async function updateCustomer(ctx: HandlerContext, id: string, patch: PatchInput): Promise<Customer> {
  const db = ctx.db;
  const before = await editableCustomer(db, id);
  const { values: customFields, issues: customIssues } = await validateCustomFields(db, before.customFields, patch.customFields);
  const issues = [...customIssues, ...(await referenceIssues(db, patch))];
  if (issues.length) throw validationError(issues.map((i) => ({ ...i, path: `patch.${i.path}` })));
  const now = nowIso();
  await repo.updateCustomer(db, id, {
    ...toColumns(patch),
    ...(patch.name !== undefined ? { name_key: customerNameKey(patch.name), name_pinyin: pinyinSortKey(patch.name) } : {}),
    ...(patch.customFields !== undefined ? { custom_fields: JSON.stringify(customFields) } : {}),
    updated_at: now,
  });
  if (patch.tagIds) await repo.replaceTags(db, id, patch.tagIds);
  const after = await getCustomer(db, id);
  await assertNoNewRequiredIssues(db, before, after);
  await refreshSearchDoc(db, id);
  ctx.audit({ entityType: 'customer', entityId: id, fields: changedFields(auditView(before), auditView(after)) });
  return after;
}

export async function setCustomerStatus(ctx: HandlerContext, id: string, status: CustomerStatus): Promise<Customer> {
  const before = await editableCustomer(ctx.db, id);
  if (before.status === status) return before;
  await repo.updateCustomer(ctx.db, id, { status, updated_at: nowIso() });
  ctx.audit({ entityType: 'customer', entityId: id, fields: { status: { before: before.status, after: status } } });
  return getCustomer(ctx.db, id);
}

// ---------------------------------------------------------------- contacts

type ContactFields = Partial<Omit<Contact, 'id' | 'customerId' | 'isPrimary'>>;
type AddressFields = Partial<Omit<Address, 'id' | 'customerId' | 'isDefault'>>;

function contactColumns(c: ContactFields) {
  const row: Partial<repo.ContactRecord> = {};
  for (const key of ['name', 'title', 'mobile', 'phone', 'email', 'wechat', 'birthday'] as const) if (c[key] !== undefined) row[key] = c[key]!;
  return row;
}

function addressColumns(a: AddressFields) {
  const row: Partial<repo.AddressRecord> = {};
  for (const key of ['kind', 'province', 'city', 'district', 'detail', 'postcode', 'recipient'] as const) if (a[key] !== undefined) row[key] = a[key]!;
  if (a.recipientPhone !== undefined) row.recipient_phone = a.recipientPhone;
  return row;
}

/** The first contact is the primary one; choosing another primary demotes the old one. */
export async function addContact(ctx: HandlerContext, customerId: string, contact: ContactFields & { name: string; isPrimary?: boolean }): Promise<Contact> {
  await editableCustomer(ctx.db, customerId);
  const existing = await repo.listContacts(ctx.db, customerId);
  const id = newId();
  const now = nowIso();
  await repo.insertContact(ctx.db, { ...contactColumns(contact), id, customer_id: customerId, name: contact.name, is_primary: 0, created_at: now, updated_at: now });
  if (contact.isPrimary || existing.length === 0) await repo.makePrimaryContact(ctx.db, customerId, id, now);
  await refreshSearchDoc(ctx.db, customerId);
  const saved = toContact((await repo.findContact(ctx.db, id))!);
  ctx.audit({ entityType: 'customerContact', entityId: id, fields: changedFields(null, saved as never) });
  return saved;
}

export async function updateContact(ctx: HandlerContext, id: string, patch: ContactFields & { isPrimary?: boolean }): Promise<Contact> {
  const row = await repo.findContact(ctx.db, id);
  if (!row) throw notFound('Contact', id);
  const customerBefore = await editableCustomer(ctx.db, row.customer_id);
  const now = nowIso();
  await repo.updateContact(ctx.db, id, { ...contactColumns(patch), updated_at: now });
  if (patch.isPrimary === true && row.is_primary === 0) await repo.makePrimaryContact(ctx.db, row.customer_id, id, now);
  if (patch.isPrimary === false && row.is_primary === 1) {
    const other = (await repo.listContacts(ctx.db, row.customer_id)).find((c) => c.id !== id);
    if (!other) throw validationError([{ path: 'patch.isPrimary', message: 'The only contact has to stay the primary contact' }]);
    await repo.makePrimaryContact(ctx.db, row.customer_id, other.id, now);
  }
  await assertNoNewRequiredIssues(ctx.db, customerBefore, await getCustomer(ctx.db, row.customer_id));
  await refreshSearchDoc(ctx.db, row.customer_id);
  const saved = toContact((await repo.findContact(ctx.db, id))!);
  ctx.audit({ entityType: 'customerContact', entityId: id, fields: changedFields(toContact(row) as never, saved as never) });
  return saved;
}

export async function removeContact(ctx: HandlerContext, id: string): Promise<void> {
  const row = await repo.findContact(ctx.db, id);
  if (!row) throw notFound('Contact', id);
  const customerBefore = await editableCustomer(ctx.db, row.customer_id);
  await repo.deleteContact(ctx.db, id);
  const next = (await repo.listContacts(ctx.db, row.customer_id))[0];
  if (row.is_primary === 1 && next) await repo.makePrimaryContact(ctx.db, row.customer_id, next.id, nowIso());
  await assertNoNewRequiredIssues(ctx.db, customerBefore, await getCustomer(ctx.db, row.customer_id));
  await refreshSearchDoc(ctx.db, row.customer_id);
  ctx.audit({ entityType: 'customerContact', entityId: id, fields: changedFields(toContact(row) as never, null) });
}

// ---------------------------------------------------------------- addresses

/** One default address per kind: the first of a kind becomes it; choosing another moves it. */
export async function addAddress(ctx: HandlerContext, customerId: string, address: AddressFields & { kind: AddressKind; detail: string; isDefault?: boolean }): Promise<Address> {
  await editableCustomer(ctx.db, customerId);
  const existing = (await repo.listAddresses(ctx.db, customerId)).filter((a) => a.kind === address.kind);
  const id = newId();
  const now = nowIso();
  const isDefault = address.isDefault || existing.length === 0;
  if (isDefault) await repo.clearDefaultAddress(ctx.db, customerId, address.kind, now);
  await repo.insertAddress(ctx.db, { ...addressColumns(address), id, customer_id: customerId, kind: address.kind, detail: address.detail, is_default: isDefault ? 1 : 0, created_at: now, updated_at: now });
  const saved = toAddress((await repo.findAddress(ctx.db, id))!);
  ctx.audit({ entityType: 'customerAddress', entityId: id, fields: changedFields(null, saved as never) });
  return saved;
}

async function promoteDefaultAddress(db: Db, customerId: string, kind: string, now: string): Promise<void> {
  const same = (await repo.listAddresses(db, customerId)).filter((a) => a.kind === kind);
  if (same.length && !same.some((a) => a.is_default === 1)) await repo.updateAddress(db, same[0]!.id, { is_default: 1, updated_at: now });
}

export async function updateAddress(ctx: HandlerContext, id: string, patch: AddressFields & { isDefault?: boolean }): Promise<Address> {
  const row = await repo.findAddress(ctx.db, id);
  if (!row) throw notFound('Address', id);
  await editableCustomer(ctx.db, row.customer_id);
  const now = nowIso();
  const kind = patch.kind ?? row.kind;
  const wantsDefault = patch.isDefault ?? (kind === row.kind ? row.is_default === 1 : false);
  if (patch.isDefault === false && row.is_default === 1 && kind === row.kind) {
    const others = (await repo.listAddresses(ctx.db, row.customer_id)).filter((a) => a.kind === kind && a.id !== id);
    if (others.length === 0) throw validationError([{ path: 'patch.isDefault', message: `The only ${kind} address has to stay the default one` }]);
  }
  await repo.updateAddress(ctx.db, id, { is_default: 0, updated_at: now });
  if (wantsDefault) await repo.clearDefaultAddress(ctx.db, row.customer_id, kind, now);
  await repo.updateAddress(ctx.db, id, { ...addressColumns(patch), is_default: wantsDefault ? 1 : 0, updated_at: now });
  await promoteDefaultAddress(ctx.db, row.customer_id, row.kind, now);
  await promoteDefaultAddress(ctx.db, row.customer_id, kind, now);
  const saved = toAddress((await repo.findAddress(ctx.db, id))!);
  ctx.audit({ entityType: 'customerAddress', entityId: id, fields: changedFields(toAddress(row) as never, saved as never) });
  return saved;
}

export async function removeAddress(ctx: HandlerContext, id: string): Promise<void> {
  const row = await repo.findAddress(ctx.db, id);
  if (!row) throw notFound('Address', id);
  const before = await editableCustomer(ctx.db, row.customer_id);
  await repo.deleteAddress(ctx.db, id);
  await promoteDefaultAddress(ctx.db, row.customer_id, row.kind, nowIso());
  await assertNoNewRequiredIssues(ctx.db, before, await getCustomer(ctx.db, row.customer_id));
  ctx.audit({ entityType: 'customerAddress', entityId: id, fields: changedFields(toAddress(row) as never, null) });
}
