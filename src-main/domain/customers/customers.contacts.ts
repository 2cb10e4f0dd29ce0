import { changedFields, type HandlerContext } from '../context';
import { notFound, validationError } from '../../api/errors';
import { fieldIssue } from '../../api/issues';
import { newId, nowIso } from '../shared/ids';
import type { Address, AddressKind, Contact } from './customers.dto';
import { addressColumns, contactColumns, toAddress, toContact, type AddressFields, type ContactFields } from './customers.mapping';
import * as repo from './customers.repository';
import { assertNoNewRequiredIssues, editableCustomer, getCustomer, refreshSearchDoc } from './customers.service';

type Db = HandlerContext['db'];

/** customers.update checks required fields once, on the record its whole edit leaves, not after each step. */
export interface ChildWriteOptions {
  checkRequired: boolean;
}
const ON_ITS_OWN: ChildWriteOptions = { checkRequired: true };

// ---------------------------------------------------------------- contacts

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

export async function updateContact(ctx: HandlerContext, id: string, patch: ContactFields & { isPrimary?: boolean }, options = ON_ITS_OWN): Promise<Contact> {
  const row = await repo.findContact(ctx.db, id);
  if (!row) throw notFound('Contact', id);
  const customerBefore = await editableCustomer(ctx.db, row.customer_id);
  const now = nowIso();
  await repo.updateContact(ctx.db, id, { ...contactColumns(patch), updated_at: now });
  if (patch.isPrimary === true && row.is_primary === 0) await repo.makePrimaryContact(ctx.db, row.customer_id, id, now);
  if (patch.isPrimary === false && row.is_primary === 1) {
    const other = (await repo.listContacts(ctx.db, row.customer_id)).find((c) => c.id !== id);
    if (!other) throw validationError([fieldIssue('isPrimary', 'not_allowed', { reason: 'only_contact_is_primary' })]);
    await repo.makePrimaryContact(ctx.db, row.customer_id, other.id, now);
  }
  if (options.checkRequired) await assertNoNewRequiredIssues(ctx.db, customerBefore, await getCustomer(ctx.db, row.customer_id));
  await refreshSearchDoc(ctx.db, row.customer_id);
  const saved = toContact((await repo.findContact(ctx.db, id))!);
  ctx.audit({ entityType: 'customerContact', entityId: id, fields: changedFields(toContact(row) as never, saved as never) });
  return saved;
}

export async function removeContact(ctx: HandlerContext, id: string, options = ON_ITS_OWN): Promise<void> {
  const row = await repo.findContact(ctx.db, id);
  if (!row) throw notFound('Contact', id);
  const customerBefore = await editableCustomer(ctx.db, row.customer_id);
  await repo.deleteContact(ctx.db, id);
  const next = (await repo.listContacts(ctx.db, row.customer_id))[0];
  if (row.is_primary === 1 && next) await repo.makePrimaryContact(ctx.db, row.customer_id, next.id, nowIso());
  if (options.checkRequired) await assertNoNewRequiredIssues(ctx.db, customerBefore, await getCustomer(ctx.db, row.customer_id));
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
    if (others.length === 0) throw validationError([fieldIssue('isDefault', 'not_allowed', { reason: 'only_address_is_default', kind })]);
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

export async function removeAddress(ctx: HandlerContext, id: string, options = ON_ITS_OWN): Promise<void> {
  const row = await repo.findAddress(ctx.db, id);
  if (!row) throw notFound('Address', id);
  const before = await editableCustomer(ctx.db, row.customer_id);
  await repo.deleteAddress(ctx.db, id);
  await promoteDefaultAddress(ctx.db, row.customer_id, row.kind, nowIso());
  if (options.checkRequired) await assertNoNewRequiredIssues(ctx.db, before, await getCustomer(ctx.db, row.customer_id));
  ctx.audit({ entityType: 'customerAddress', entityId: id, fields: changedFields(toAddress(row) as never, null) });
}
