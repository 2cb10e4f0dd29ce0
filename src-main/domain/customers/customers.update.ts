import type { z } from 'zod';
import { changedFields, type AuditChange, type HandlerContext } from '../../api/dispatch';
import { AppError, validationError, type FieldIssue } from '../../api/errors';
import type { AddressKind, Customer, customerUpdateInput } from './customers.contract';
import { addAddress, addContact, removeAddress, removeContact, updateAddress, updateContact, type ChildWriteOptions } from './customers.contacts';
import { auditView, checkPatch, editableCustomer, flagIssues, getCustomer, newRequiredIssues, refreshSearchDoc, writePatch } from './customers.service';

export type UpdateInput = z.output<typeof customerUpdateInput>;
type ContactEdits = NonNullable<UpdateInput['contacts']>;
type AddressEdits = NonNullable<UpdateInput['addresses']>;

const AS_PART_OF_EDIT: ChildWriteOptions = { checkRequired: false };
const NO_EDITS = { upsert: [], remove: [] };

/**
 * customers.update: the customer's own fields, then its contacts and addresses, through the same
 * functions as the single-item methods so their rules hold. Anything refused undoes the lot
 * (dispatch's transaction); the audit row holds the customer first, then each contact/address.
 */
export async function updateCustomer(ctx: HandlerContext, input: UpdateInput): Promise<Customer> {
  const { id, patch } = input;
  const contacts: ContactEdits = input.contacts ?? NO_EDITS;
  const addresses: AddressEdits = input.addresses ?? NO_EDITS;
  const before = await editableCustomer(ctx.db, id);

  const checked = await checkPatch(ctx.db, before, patch);
  const storedKind = new Map(before.addresses.map((a) => [a.id, a.kind]));
  const kindOf = (a: AddressEdits['upsert'][number]): AddressKind => a.kind ?? (a.id ? storedKind.get(a.id) : undefined) ?? 'shipping';
  const issues: FieldIssue[] = [
    ...checked.issues,
    ...ownershipIssues('contacts', contacts, new Set(before.contacts.map((c) => c.id))),
    ...ownershipIssues('addresses', addresses, new Set(storedKind.keys())),
    ...flagIssues(contacts.upsert, 'contacts.upsert', 'isPrimary'),
    ...flagIssues(
      addresses.upsert.map((a) => ({ isDefault: a.isDefault, kind: kindOf(a) })),
      'addresses.upsert',
      'isDefault',
    ),
  ];
  if (issues.length) throw validationError(issues);

  await writePatch(ctx.db, id, patch, checked);
  const childChanges: AuditChange[] = [];
  const childCtx: HandlerContext = { ...ctx, audit: (change) => childChanges.push(change) };
  const contactIds = await applyContactEdits(childCtx, id, contacts);
  await applyAddressEdits(childCtx, id, addresses, kindOf);

  const after = await getCustomer(ctx.db, id);
  const fresh = await newRequiredIssues(ctx.db, before, after);
  if (fresh.length) throw validationError(input.contacts ? fresh.map((issue) => ({ ...issue, path: upsertPathOf(issue.path, after, contactIds) })) : fresh);
  await refreshSearchDoc(ctx.db, id);
  ctx.audit({ entityType: 'customer', entityId: id, fields: changedFields(auditView(before), auditView(after)) });
  for (const change of childChanges) if (Object.keys(change.fields).length) ctx.audit(change);
  return after;
}

/** Every id must be one of this customer's, and named once: nothing is written otherwise. */
function ownershipIssues(list: 'contacts' | 'addresses', edits: { upsert: { id?: string | undefined }[]; remove: string[] }, own: Set<string>): FieldIssue[] {
  const noun = list === 'contacts' ? 'contact' : 'address';
  const issues: FieldIssue[] = [];
  const seen = new Set<string>();
  const check = (itemId: string, path: string) => {
    if (!own.has(itemId)) issues.push({ path, message: `Not a ${noun} of this customer` });
    else if (seen.has(itemId)) issues.push({ path, message: `This ${noun} appears twice in the edit` });
    seen.add(itemId);
  };
  edits.upsert.forEach((item, i) => {
    if (item.id) check(item.id, `${list}.upsert.${i}.id`);
  });
  edits.remove.forEach((itemId, i) => check(itemId, `${list}.remove.${i}`));
  return issues;
}

/** Returns the id each upserted contact ended up with, by its index in upsert. */
async function applyContactEdits(ctx: HandlerContext, customerId: string, edits: ContactEdits): Promise<string[]> {
  // When the edit names a new primary, an old one's isPrimary: false is already implied; applying
  // it first would demote before the new one exists (and refuse if it is the only contact).
  const namesPrimary = edits.upsert.some((c) => c.isPrimary);
  const ids: string[] = [];
  for (const [i, { id, isPrimary, ...fields }] of edits.upsert.entries()) {
    const flag = namesPrimary && !isPrimary ? {} : { isPrimary };
    const saved = await reportedAtItem(`contacts.upsert.${i}`, () =>
      id ? updateContact(ctx, id, { ...fields, ...flag }, AS_PART_OF_EDIT) : addContact(ctx, customerId, { ...fields, ...flag }),
    );
    ids.push(saved.id);
  }
  for (const id of edits.remove) await removeContact(ctx, id, AS_PART_OF_EDIT);
  return ids;
}

async function applyAddressEdits(ctx: HandlerContext, customerId: string, edits: AddressEdits, kindOf: (a: AddressEdits['upsert'][number]) => AddressKind): Promise<void> {
  // As with contacts: a new default of a kind implies the old one's isDefault: false.
  const defaultKinds = new Set(edits.upsert.filter((a) => a.isDefault).map(kindOf));
  for (const [i, address] of edits.upsert.entries()) {
    const { id, isDefault, ...fields } = address;
    const flag = !isDefault && defaultKinds.has(kindOf(address)) ? {} : { isDefault };
    await reportedAtItem(`addresses.upsert.${i}`, () =>
      id ? updateAddress(ctx, id, { ...fields, ...flag }) : addAddress(ctx, customerId, { ...fields, kind: kindOf(address), ...flag }),
    );
  }
  for (const id of edits.remove) await removeAddress(ctx, id, AS_PART_OF_EDIT);
}

/** A single-item function reports at patch.x or x; here that is the upserted item's field. */
async function reportedAtItem<T>(itemPath: string, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (!(error instanceof AppError) || !error.issues) throw error;
    const issues = error.issues.map((issue) => ({ ...issue, path: `${itemPath}.${issue.path.replace(/^patch\./, '')}` }));
    throw error.code === 'VALIDATION' ? validationError(issues) : new AppError(error.code, error.message, issues);
  }
}

/**
 * Required-field issues name a contact by its place in the stored record (contacts.0.mobile);
 * the caller knows it by its place in upsert. A contact the edit did not send is reported at the
 * customer's own field, which also satisfies the rule.
 */
function upsertPathOf(path: string, after: Customer, contactIds: string[]): string {
  const match = /^contacts\.(\d+)\.(.+)$/.exec(path);
  if (!match) return path;
  const index = contactIds.indexOf(after.contacts[Number(match[1])]?.id ?? '');
  return index >= 0 ? `contacts.upsert.${index}.${match[2]}` : match[2]!;
}
