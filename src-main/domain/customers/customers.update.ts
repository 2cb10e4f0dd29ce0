import type { z } from 'zod';
import { changedFields, type AuditChange, type HandlerContext } from '../context';
import { AppError, validationError, type FieldIssue } from '../../api/errors';
import { fieldIssue } from '../../api/issues';
import type { customerUpdateInput } from './customers.contract';
import type { Address, AddressKind, Contact, Customer } from './customers.dto';
import { addAddress, addContact, removeAddress, removeContact, updateAddress, updateContact, type ChildWriteOptions } from './customers.contacts';
import { acceptedCreditCodeWarnings, auditView, checkPatch, editableCustomer, flagIssues, getCustomer, newRequiredIssues, refreshSearchDoc, writePatch } from './customers.service';

export type UpdateInput = z.output<typeof customerUpdateInput>;
type ContactItem = NonNullable<UpdateInput['contacts']>[number];
type AddressItem = NonNullable<UpdateInput['addresses']>[number];

const AS_PART_OF_EDIT: ChildWriteOptions = { checkRequired: false };

/**
 * customers.update: the customer's own fields, then its contacts and addresses, through the same
 * functions as the single-item methods so their rules hold. Anything refused undoes the lot
 * (dispatch's transaction); the audit row holds the customer first, then each contact/address.
 * Every issue is reported at its path in the input, which is the form's path.
 */
export async function updateCustomer(ctx: HandlerContext, input: UpdateInput): Promise<Customer & { warnings: FieldIssue[] }> {
  const { id, contacts, addresses, acceptCreditCodeWarning, ...patch } = input;
  const before = await editableCustomer(ctx.db, id);

  const checked = await checkPatch(ctx.db, before, patch);
  const storedKind = new Map(before.addresses.map((a) => [a.id, a.kind]));
  const kindOf = (a: AddressItem): AddressKind => a.kind ?? (a.id ? storedKind.get(a.id) : undefined) ?? 'shipping';
  const issues: FieldIssue[] = [
    ...checked.issues,
    ...ownershipIssues('contacts', contacts, new Set(before.contacts.map((c) => c.id))),
    ...ownershipIssues('addresses', addresses, new Set(storedKind.keys())),
    ...flagIssues(contacts ?? [], 'contacts', 'isPrimary'),
    ...flagIssues(
      (addresses ?? []).map((a) => ({ isDefault: a.isDefault, kind: kindOf(a) })),
      'addresses',
      'isDefault',
    ),
  ];
  if (issues.length) throw validationError(issues);
  // A stored code is not questioned again on every edit; only a changed one is.
  const warnings = patch.creditCode !== undefined && patch.creditCode !== before.creditCode ? acceptedCreditCodeWarnings(patch.creditCode, acceptCreditCodeWarning) : [];

  await writePatch(ctx.db, id, patch, checked);
  const childChanges: AuditChange[] = [];
  const childCtx: HandlerContext = { ...ctx, audit: (change) => childChanges.push(change) };
  const contactIds = contacts ? await applyContactList(childCtx, id, before.contacts, contacts) : null;
  if (addresses) await applyAddressList(childCtx, id, before.addresses, addresses, kindOf);

  const after = await getCustomer(ctx.db, id);
  const fresh = await newRequiredIssues(ctx.db, before, after);
  if (fresh.length) throw validationError(fresh.map((issue) => ({ ...issue, path: inputPathOf(issue.path, after, contactIds) })));
  await refreshSearchDoc(ctx.db, id);
  ctx.audit({ entityType: 'customer', entityId: id, fields: changedFields(auditView(before), auditView(after)) });
  for (const change of childChanges) if (Object.keys(change.fields).length) ctx.audit(change);
  return { ...after, warnings };
}

/** Every id must be one of this customer's, and listed once: nothing is written otherwise. */
function ownershipIssues(list: 'contacts' | 'addresses', items: { id?: string | undefined }[] | undefined, own: Set<string>): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const seen = new Set<string>();
  (items ?? []).forEach((item, i) => {
    if (!item.id) return;
    const path = `${list}.${i}.id`;
    if (!own.has(item.id)) issues.push(fieldIssue(path, 'not_found', { entity: list === 'contacts' ? 'contact' : 'address' }));
    else if (seen.has(item.id)) issues.push(fieldIssue(path, 'listed_twice'));
    seen.add(item.id);
  });
  return issues;
}

/** Whether an item of the list says anything its stored twin does not. */
function differs<T extends object>(item: T, stored: object): boolean {
  return Object.entries(item).some(([key, value]) => key !== 'id' && value !== undefined && JSON.stringify(value) !== JSON.stringify((stored as Record<string, unknown>)[key] ?? null));
}

/** Applies the contact list as the form leaves it; returns each item's contact id, by its index in the list. */
async function applyContactList(ctx: HandlerContext, customerId: string, stored: Contact[], list: ContactItem[]): Promise<string[]> {
  // When the list names a new primary, an old one's isPrimary: false is already implied; applying
  // it first would demote before the new one exists (and refuse if it is the only contact).
  const namesPrimary = list.some((c) => c.isPrimary);
  const byId = new Map(stored.map((c) => [c.id, c]));
  const ids: string[] = [];
  for (const [i, { id, isPrimary, ...fields }] of list.entries()) {
    const flag = namesPrimary && !isPrimary ? {} : { isPrimary };
    const was = id ? byId.get(id) : undefined;
    if (was && !differs({ ...fields, ...flag }, was)) {
      ids.push(was.id);
      continue;
    }
    const saved = await reportedAt(`contacts.${i}`, () => (id ? updateContact(ctx, id, { ...fields, ...flag }, AS_PART_OF_EDIT) : addContact(ctx, customerId, { ...fields, ...flag })));
    ids.push(saved.id);
  }
  const kept = new Set(list.map((c) => c.id));
  for (const contact of stored) if (!kept.has(contact.id)) await removeContact(ctx, contact.id, AS_PART_OF_EDIT);
  return ids;
}

async function applyAddressList(ctx: HandlerContext, customerId: string, stored: Address[], list: AddressItem[], kindOf: (a: AddressItem) => AddressKind): Promise<void> {
  // As with contacts: a new default of a kind implies the old one's isDefault: false.
  const defaultKinds = new Set(list.filter((a) => a.isDefault).map(kindOf));
  const byId = new Map(stored.map((a) => [a.id, a]));
  for (const [i, address] of list.entries()) {
    const { id, isDefault, ...fields } = address;
    const flag = !isDefault && defaultKinds.has(kindOf(address)) ? {} : { isDefault };
    const was = id ? byId.get(id) : undefined;
    if (was && !differs({ ...fields, ...flag }, was)) continue;
    await reportedAt(`addresses.${i}`, () => (id ? updateAddress(ctx, id, { ...fields, ...flag }) : addAddress(ctx, customerId, { ...fields, kind: kindOf(address), ...flag })));
  }
  const kept = new Set(list.map((a) => a.id));
  for (const address of stored) if (!kept.has(address.id)) await removeAddress(ctx, address.id, AS_PART_OF_EDIT);
}

/** A single-item function reports at its own input's paths (`mobile`); here that is the list item's field. */
async function reportedAt<T>(itemPath: string, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (!(error instanceof AppError) || !error.issues) throw error;
    const issues = error.issues.map((issue) => ({ ...issue, path: `${itemPath}.${issue.path}` }));
    throw error.code === 'VALIDATION' ? validationError(issues) : new AppError(error.code, error.message, issues, error.details);
  }
}

/**
 * Required-field issues name a contact by its place in the stored record (contacts.0.mobile);
 * the caller knows it by its place in the list it sent. Without a list, the customer's own field.
 */
function inputPathOf(path: string, after: Customer, contactIds: string[] | null): string {
  const match = /^contacts\.(\d+)\.(.+)$/.exec(path);
  if (!match) return path;
  const index = contactIds ? contactIds.indexOf(after.contacts[Number(match[1])]?.id ?? '') : -1;
  return index >= 0 ? `contacts.${index}.${match[2]}` : match[2]!;
}
