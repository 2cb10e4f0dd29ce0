import type { Kysely, Updateable } from 'kysely';
import type { z } from 'zod';
import { changedFields, type HandlerContext } from '../context';
import { AppError, notFound, validationError, type FieldIssue } from '../../api/errors';
import { fieldIssue } from '../../api/issues';
import type { CustomersTable, Database } from '../../db/schema';
import { businessDateIn } from '../core/dates';
import { nextNumber, type SeriesDefinition } from '../core/numbering';
import { newId, nowIso } from '../shared/ids';
import { getSettings } from '../settings/settings.service';
import type { customerCreateInput, customerPatch } from './customers.contract';
import type { Customer, CustomerStatus, CustomFieldValue, DuplicateMatch, LifecycleStage } from './customers.dto';
import { duplicateConflict, findDuplicates } from './customers.duplicates';
import { validateCustomFields } from './customers.fields';
import * as repo from './customers.repository';
import { creditCodeProblem, creditCodeWarning, customerNameKey, normaliseCreditCode, requiredFieldIssues } from './customers.rules';
import { buildSearchDoc, pinyinSortKey } from './customers.search-text';
import { addressColumns, contactColumns, toAddress, toContact } from './customers.mapping';

type Db = Kysely<Database>;

/** Customer codes C000123: one running sequence, not restarted each year. */
export const CUSTOMER_SERIES: SeriesDefinition = { code: 'customer', prefix: 'C', perYear: false, padding: 6 };

export type CreateInput = z.output<typeof customerCreateInput>;
export type PatchInput = z.output<typeof customerPatch>;

export async function getCustomer(db: Db, id: string): Promise<Customer> {
  const row = await repo.findCustomer(db, id);
  if (!row) throw notFound('Customer', id);
  return toCustomer(db, row);
}

/** The record with its contacts, addresses and tags, from a row already read. */
export async function toCustomer(db: Db, row: repo.CustomerView): Promise<Customer> {
  const id = row.id;
  const [contacts, addresses, tags, nextContactOn] = await Promise.all([repo.listContacts(db, id), repo.listAddresses(db, id), repo.tagsOfCustomers(db, [id]), repo.nextContactOn(db, id)]);
  return {
    id: row.id,
    code: row.code,
    kind: row.kind,
    name: row.name,
    shortName: row.short_name,
    creditCode: row.credit_code,
    industry: row.industry,
    size: row.size,
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
    lifecycleStage: row.lifecycle_stage,
    lifecycleComputed: row.lifecycle_computed,
    lifecycleOverride: row.lifecycle_override,
    lifecycleOverrideReason: row.lifecycle_override_reason,
    status: row.status,
    mergedIntoId: row.merged_into_id,
    leadId: row.lead_id,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    createdBy: row.created_by,
    contacts: contacts.map(toContact),
    addresses: addresses.map(toAddress),
    tags: tags.map((t) => ({ id: t.id, name: t.name, color: t.color })),
    nextContactOn,
  };
}

/** What the audit log compares: the record without bookkeeping, contacts/addresses by value. */
export function auditView(customer: Customer): Record<string, unknown> {
  const { updatedAt: _u, ownerName: _o, nextContactOn: _n, tags, ...rest } = customer;
  return { ...rest, tags: tags.map((t) => t.name) };
}

// ---------------------------------------------------------------- column mapping

/** The customers column behind each DTO field (imports reuse it for the columns a row may set). */
export const COLUMN_OF = {
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
  if (input.ownerUserId && !(await repo.userExists(db, input.ownerUserId))) issues.push(fieldIssue('ownerUserId', 'not_found', { entity: 'user' }));
  const missing = await repo.missingTagIds(db, input.tagIds ?? []);
  for (const tagId of missing) issues.push(fieldIssue(`tagIds.${input.tagIds!.indexOf(tagId)}`, 'not_found', { entity: 'tag' }));
  return issues;
}

export function flagIssues(items: { isPrimary?: boolean; isDefault?: boolean; kind?: string }[], prefix: string, flag: 'isPrimary' | 'isDefault'): FieldIssue[] {
  const seen = new Set<string>();
  const issues: FieldIssue[] = [];
  items.forEach((item, i) => {
    if (!item[flag]) return;
    const group = flag === 'isDefault' ? (item.kind ?? '') : '';
    if (seen.has(group)) issues.push(flag === 'isPrimary' ? fieldIssue(`${prefix}.${i}.${flag}`, 'one_primary_only') : fieldIssue(`${prefix}.${i}.${flag}`, 'one_default_only', { kind: group }));
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
      kind: customer.kind,
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

/**
 * The credit-code warning for a code being saved: a CONFLICT unless the user accepted it (some
 * older codes were issued with an organisation code that fails GB 11714's check), else returned.
 */
export function acceptedCreditCodeWarnings(creditCode: string | null | undefined, accepted: boolean): FieldIssue[] {
  const warning = creditCode ? creditCodeWarning(creditCode) : null;
  if (!warning) return [];
  const issues = [fieldIssue('creditCode', 'invalid_credit_code', { ...warning, warning: true })];
  if (!accepted) throw new AppError('CONFLICT', `The organisation code inside ${creditCode} fails its check character; save anyway with acceptCreditCodeWarning`, issues);
  return issues;
}

/** customers.checkCreditCode: the same checks as saving, for a form to show while the user types. */
export function checkCreditCode(typed: string): { creditCode: string; issues: FieldIssue[]; warnings: FieldIssue[] } {
  const creditCode = normaliseCreditCode(typed);
  const problem = creditCodeProblem(creditCode);
  const warning = creditCodeWarning(creditCode);
  return {
    creditCode,
    issues: problem ? [fieldIssue('creditCode', 'invalid_credit_code', problem)] : [],
    warnings: warning ? [fieldIssue('creditCode', 'invalid_credit_code', { ...warning, warning: true })] : [],
  };
}

async function requiredIssuesFor(db: Db, customer: Customer): Promise<FieldIssue[]> {
  return requiredFieldIssues(customer, (await getSettings(db)).customerRequiredFields);
}

// ---------------------------------------------------------------- create / update / archive

/**
 * The link to a lead is made only by converting the lead (leads.convert), which has checked the
 * lead and links it back; nobody sets it through customers.create or customers.update.
 */
export interface CustomerOrigin {
  leadId: string;
}

export async function createCustomer(ctx: HandlerContext, input: CreateInput, origin?: CustomerOrigin): Promise<Customer & { duplicates: DuplicateMatch[]; warnings: FieldIssue[] }> {
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
  const warnings = acceptedCreditCodeWarnings(input.creditCode, input.acceptCreditCodeWarning);

  const duplicates = await findDuplicates(db, { name: input.name, creditCode: input.creditCode ?? null, mobiles: [input.mobile, ...input.contacts.map((c) => c.mobile)] });
  if (duplicates.length && !input.allowDuplicate) throw duplicateConflict(duplicates, input);

  // Saved without an owner, a customer is in the pool, outside the book of a caller who sees only
  // their own: the salesperson who just entered it would lose it. Theirs, unless they name someone.
  const scope = await ctx.dataScope();
  const ownerUserId = input.ownerUserId ?? (scope.all ? null : (ctx.user?.id ?? null));
  const now = nowIso();
  const id = newId();
  const firstAddress = input.addresses.find((a) => a.kind === 'billing') ?? input.addresses[0];
  const stage: LifecycleStage = origin ? 'lead' : 'prospect';
  await repo.insertCustomer(
    db,
    {
      ...toColumns(input),
      owner_user_id: ownerUserId,
      id,
      code: nextNumber(ctx.sqlite, CUSTOMER_SERIES, businessDateIn(settings.timeZone)),
      kind: input.kind,
      name: input.name,
      name_key: customerNameKey(input.name),
      name_pinyin: pinyinSortKey(input.name),
      province: input.province ?? firstAddress?.province ?? null,
      city: input.city ?? firstAddress?.city ?? null,
      district: input.district ?? firstAddress?.district ?? null,
      payment_terms_days: input.paymentTermsDays ?? 0,
      custom_fields: JSON.stringify(customFields),
      lead_id: origin?.leadId ?? null,
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
  return { ...customer, duplicates, warnings };
}

/** Hands a user's active customers to another (leads.reassignOwner); one audit row per customer. */
export async function reassignCustomers(ctx: HandlerContext, fromUserId: string, toUserId: string): Promise<number> {
  const ids = ctx.sqlite.prepare(`SELECT id FROM customers WHERE owner_user_id = ? AND status = 'active'`).pluck().all(fromUserId) as string[];
  const update = ctx.sqlite.prepare('UPDATE customers SET owner_user_id = ?, updated_at = ? WHERE id = ?');
  const now = nowIso();
  for (const id of ids) {
    update.run(toUserId, now, id);
    ctx.audit({ entityType: 'customer', entityId: id, fields: { ownerUserId: { before: fromUserId, after: toUserId } } });
  }
  return ids.length;
}

export async function editableCustomer(db: Db, id: string): Promise<Customer> {
  const customer = await getCustomer(db, id);
  if (customer.mergedIntoId) throw new AppError('CONFLICT', `Customer ${customer.code} was merged into another customer; edit that one instead`);
  return customer;
}

/** Required fields this change empties (checking only those keeps old records editable). */
export async function newRequiredIssues(db: Db, before: Customer, after: Customer): Promise<FieldIssue[]> {
  const fieldOf = (issue: FieldIssue) => String(issue.params?.field ?? issue.path);
  const had = new Set((await requiredIssuesFor(db, before)).map(fieldOf));
  return (await requiredIssuesFor(db, after)).filter((issue) => !had.has(fieldOf(issue)));
}

export async function assertNoNewRequiredIssues(db: Db, before: Customer, after: Customer): Promise<void> {
  const fresh = await newRequiredIssues(db, before, after);
  if (fresh.length) throw validationError(fresh);
}

export interface CheckedPatch {
  issues: FieldIssue[];
  customFields: Record<string, CustomFieldValue>;
}

/** Checks a patch of the customer's own fields against the stored record; writes nothing. */
export async function checkPatch(db: Db, before: Customer, patch: PatchInput): Promise<CheckedPatch> {
  const { values: customFields, issues: customIssues } = await validateCustomFields(db, before.customFields, patch.customFields);
  const issues = [...customIssues, ...(await referenceIssues(db, patch))];
  return { issues, customFields };
}

export async function writePatch(db: Db, id: string, patch: PatchInput, checked: CheckedPatch): Promise<void> {
  await repo.updateCustomer(db, id, {
    ...toColumns(patch),
    ...(patch.name !== undefined ? { name_key: customerNameKey(patch.name), name_pinyin: pinyinSortKey(patch.name) } : {}),
    ...(patch.customFields !== undefined ? { custom_fields: JSON.stringify(checked.customFields) } : {}),
    updated_at: nowIso(),
  });
  if (patch.tagIds) await repo.replaceTags(db, id, patch.tagIds);
}

export async function setCustomerStatus(ctx: HandlerContext, id: string, status: CustomerStatus): Promise<Customer> {
  const before = await editableCustomer(ctx.db, id);
  if (before.status === status) return before;
  await repo.updateCustomer(ctx.db, id, { status, updated_at: nowIso() });
  ctx.audit({ entityType: 'customer', entityId: id, fields: { status: { before: before.status, after: status } } });
  return getCustomer(ctx.db, id);
}

