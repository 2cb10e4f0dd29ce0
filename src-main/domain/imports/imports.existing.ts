/**
 * The customers an import meets: read once into Maps (by code, credit code, name key, mobile) so
 * 50,000 rows cost 50,000 lookups, and compared with each row for duplicates and updates.
 */
import type { Sqlite } from '../../db/connection';
import type { CustomFieldValue } from '../customers/customers.dto';
import { customerNameKey } from '../customers/customers.rules';
import type { DuplicateHit } from './imports.contract';
import type { ColumnValues, ContactDraft, CustomerColumn, ExistingCustomer, ExistingRecord, PlannedRow, UpdateChanges } from './imports.plan';
import { statement } from '../../db/statements';

export interface Prefetched {
  byCode: Map<string, ExistingCustomer>;
  byCreditCode: Map<string, ExistingCustomer>;
  byNameKey: Map<string, ExistingCustomer>;
  byMobile: Map<string, ExistingCustomer>;
  owners: Map<string, string | null>;
}

export function prefetch(sqlite: Sqlite): Prefetched {
  const byId = new Map<string, ExistingCustomer>();
  const byCode = new Map<string, ExistingCustomer>();
  const byCreditCode = new Map<string, ExistingCustomer>();
  const byNameKey = new Map<string, ExistingCustomer>();
  const byMobile = new Map<string, ExistingCustomer>();
  const rows = sqlite.prepare('SELECT id, code, name, credit_code, name_key, mobile, merged_into_id FROM customers ORDER BY code').raw().iterate() as IterableIterator<
    [string, string, string, string | null, string, string | null, string | null]
  >;
  for (const [id, code, name, creditCode, nameKey, mobile, mergedIntoId] of rows) {
    const customer: ExistingCustomer = { id, code, name, creditCode, mergedIntoId };
    byId.set(id, customer);
    byCode.set(code, customer);
    // Merged-away customers keep their code (it may be on old paper) but never match otherwise.
    if (mergedIntoId) continue;
    if (creditCode && !byCreditCode.has(creditCode)) byCreditCode.set(creditCode, customer);
    if (!byNameKey.has(nameKey)) byNameKey.set(nameKey, customer);
    if (mobile && !byMobile.has(mobile)) byMobile.set(mobile, customer);
  }
  const contactMobiles = sqlite.prepare('SELECT customer_id, mobile FROM customer_contacts WHERE mobile IS NOT NULL').raw().iterate() as IterableIterator<[string, string]>;
  for (const [customerId, mobile] of contactMobiles) {
    const customer = byId.get(customerId);
    if (customer && !customer.mergedIntoId && !byMobile.has(mobile)) byMobile.set(mobile, customer);
  }
  // A salesperson by username or display name; a display name two people share is ambiguous (null).
  const owners = new Map<string, string | null>();
  const users = sqlite.prepare('SELECT id, username, display_name FROM users WHERE active = 1').raw().all() as [string, string, string][];
  for (const [id, , displayName] of users) owners.set(displayName, owners.has(displayName) && owners.get(displayName) !== id ? null : id);
  for (const [id, username] of users) owners.set(username, id);
  return { byCode, byCreditCode, byNameKey, byMobile, owners };
}

/** Reads one existing customer with what an update compares against. */
export function readExisting(sqlite: Sqlite, id: string): ExistingRecord {
  return {
    row: statement(sqlite, 'SELECT * FROM customers WHERE id = ?').get(id) as ExistingRecord['row'],
    contacts: statement(
      sqlite,'SELECT id, name, title, mobile, phone, email, wechat, birthday, is_primary FROM customer_contacts WHERE customer_id = ? ORDER BY is_primary DESC, created_at, id',
    ).all(id) as ExistingRecord['contacts'],
    addresses: statement(sqlite, 'SELECT detail FROM customer_addresses WHERE customer_id = ?').all(id) as ExistingRecord['addresses'],
    tagNames: new Set(
      (statement(sqlite, 'SELECT t.name FROM customer_tags ct JOIN tags t ON t.id = ct.tag_id WHERE ct.customer_id = ?').pluck().all(id) as string[]).map((n) => n.toLowerCase()),
    ),
  };
}

/** Likely duplicates (same mobile or normalised name) among other customers and earlier lines. */
export function duplicateHits(row: PlannedRow, existing: Prefetched, seenMobiles: Map<string, number>, seenNameKeys: Map<string, number>): DuplicateHit[] {
  const hits: DuplicateHit[] = [];
  const self = row.match?.id;
  const customerHit = (reason: DuplicateHit['reason'], value: string, customer: ExistingCustomer | undefined) => {
    if (customer && customer.id !== self && !hits.some((h) => h.customer?.id === customer.id && h.reason === reason)) {
      hits.push({ reason, value, customer: { id: customer.id, code: customer.code, name: customer.name } });
    }
  };
  const mobiles = new Set([row.columns.mobile, row.contact?.mobile].filter((m): m is string => typeof m === 'string'));
  for (const mobile of mobiles) {
    customerHit('mobile', mobile, existing.byMobile.get(mobile));
    const earlier = seenMobiles.get(mobile);
    if (earlier) hits.push({ reason: 'mobile', value: mobile, row: earlier });
    else seenMobiles.set(mobile, row.line);
  }
  if (typeof row.columns.name === 'string') {
    const key = customerNameKey(row.columns.name);
    customerHit('name', key, existing.byNameKey.get(key));
    const earlier = seenNameKeys.get(key);
    if (earlier) hits.push({ reason: 'name', value: key, row: earlier });
    else seenNameKeys.set(key, row.line);
  }
  return hits.slice(0, 5);
}

/** Only values the file has and that differ: an empty cell never clears what is on file. */
export function diffUpdate(row: PlannedRow, current: ExistingRecord): UpdateChanges | null {
  const columns: ColumnValues = {};
  for (const [column, value] of Object.entries(row.columns) as [CustomerColumn, string | number][]) {
    if (current.row[column] !== value) columns[column] = value;
  }
  let customFields: Record<string, CustomFieldValue> | null = null;
  const existingCustom = JSON.parse(String(current.row.custom_fields ?? '{}')) as Record<string, CustomFieldValue>;
  for (const [key, value] of Object.entries(row.custom)) {
    if (existingCustom[key] !== value) customFields = { ...(customFields ?? existingCustom), [key]: value };
  }
  let contact: UpdateChanges['contact'] = null;
  if (row.contact?.name) {
    const same = current.contacts.find((c) => c.name === row.contact!.name);
    const fields: Omit<ContactDraft, 'name'> & { name?: string } = {};
    for (const key of ['title', 'mobile', 'phone', 'email', 'wechat', 'birthday'] as const) {
      const value = row.contact[key];
      if (value !== undefined && (!same || same[key] !== value)) fields[key] = value;
    }
    const makePrimary = !same || same.is_primary !== 1;
    if (!same) contact = { id: null, fields: { ...fields, name: row.contact.name }, makePrimary };
    else if (Object.keys(fields).length || makePrimary) contact = { id: same.id, fields, makePrimary };
  }
  const address = row.address && !current.addresses.some((a) => a.detail === row.address!.detail) ? row.address : null;
  const newTags = row.tags.filter((t) => !current.tagNames.has(t.toLowerCase()));
  if (!Object.keys(columns).length && !customFields && !contact && !address && !newTags.length) return null;
  return { columns, customFields, contact, address, newTags };
}
