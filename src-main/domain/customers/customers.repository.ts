import { sql, type Insertable, type Kysely, type Selectable, type Updateable } from 'kysely';
import type {
  CustomerAddressesTable,
  CustomerContactsTable,
  CustomersTable,
  CustomFieldDefsTable,
  Database,
  TagsTable,
} from '../../db/schema';
import type { AddressKind, LifecycleStage, StageChangeSource } from './customers.dto';
import type { SearchDoc } from './customers.search-text';

export type CustomerRecord = Selectable<CustomersTable>;
export type ContactRecord = Selectable<CustomerContactsTable>;
export type AddressRecord = Selectable<CustomerAddressesTable>;
export type TagRecord = Selectable<TagsTable>;
export type FieldDefRecord = Selectable<CustomFieldDefsTable>;
type Db = Kysely<Database>;

// ---------------------------------------------------------------- customers

export type CustomerView = NonNullable<Awaited<ReturnType<typeof findCustomer>>>;

/**
 * 下次联系 of the customer row `c`: what its latest follow-up planned (a later follow-up that
 * planned nothing means nothing is planned). One index seek on interactions_customer.
 */
export const nextContactOf = sql<string | null>`(SELECT i.next_contact_on FROM interactions i WHERE i.customer_id = c.id ORDER BY i.occurred_at DESC, i.id DESC LIMIT 1)`;

export function findCustomer(db: Db, id: string) {
  return db
    .selectFrom('customers as c')
    .leftJoin('users as u', 'u.id', 'c.owner_user_id')
    .selectAll('c')
    .select('u.display_name as owner_name')
    .where('c.id', '=', id)
    .executeTakeFirst();
}

/** 下次联系 of one customer (as nextContactOf): read by the record, not by every existence check. */
export async function nextContactOn(db: Db, customerId: string): Promise<string | null> {
  const row = await db
    .selectFrom('interactions')
    .select('next_contact_on')
    .where('customer_id', '=', customerId)
    .orderBy('occurred_at', 'desc')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row?.next_contact_on ?? null;
}

export async function insertCustomer(db: Db, row: Insertable<CustomersTable>, now: string): Promise<void> {
  await db.insertInto('customers').values(row).execute();
  // Every customer has a stats row, so lists can inner-join it and sort on its indexes.
  await db
    .insertInto('customer_stats')
    .values({ customer_id: row.id, lifetime_revenue: 0, order_count: 0, orders_last_365d: 0, balance_due: 0, updated_at: now })
    .execute();
}

export async function updateCustomer(db: Db, id: string, patch: Updateable<CustomersTable>): Promise<void> {
  await db.updateTable('customers').set(patch).where('id', '=', id).execute();
}

export async function updateCustomers(db: Db, ids: string[], patch: Updateable<CustomersTable>): Promise<number> {
  const result = await db.updateTable('customers').set(patch).where('id', 'in', ids).executeTakeFirst();
  return Number(result.numUpdatedRows);
}

export async function existingCustomerIds(db: Db, ids: string[]): Promise<Set<string>> {
  const rows = await db.selectFrom('customers').select('id').where('id', 'in', ids).execute();
  return new Set(rows.map((r) => r.id));
}

export async function userExists(db: Db, id: string): Promise<boolean> {
  return !!(await db.selectFrom('users').select('id').where('id', '=', id).where('active', '=', 1).executeTakeFirst());
}

// ---------------------------------------------------------------- contacts

export function listContacts(db: Db, customerId: string) {
  return db.selectFrom('customer_contacts').selectAll().where('customer_id', '=', customerId).orderBy('is_primary', 'desc').orderBy('created_at').orderBy('id').execute();
}

export function findContact(db: Db, id: string) {
  return db.selectFrom('customer_contacts').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertContact(db: Db, row: Insertable<CustomerContactsTable>): Promise<void> {
  await db.insertInto('customer_contacts').values(row).execute();
}

export async function updateContact(db: Db, id: string, patch: Updateable<CustomerContactsTable>): Promise<void> {
  await db.updateTable('customer_contacts').set(patch).where('id', '=', id).execute();
}

/** Clears the primary flag first: the partial unique index allows one primary at a time. */
export async function makePrimaryContact(db: Db, customerId: string, contactId: string, now: string): Promise<void> {
  await db.updateTable('customer_contacts').set({ is_primary: 0, updated_at: now }).where('customer_id', '=', customerId).where('is_primary', '=', 1).execute();
  await db.updateTable('customer_contacts').set({ is_primary: 1, updated_at: now }).where('id', '=', contactId).execute();
}

export async function deleteContact(db: Db, id: string): Promise<void> {
  // An interaction keeps its text but forgets a removed contact.
  await db.updateTable('interactions').set({ contact_id: null }).where('contact_id', '=', id).execute();
  await db.deleteFrom('customer_contacts').where('id', '=', id).execute();
}

// ---------------------------------------------------------------- addresses

export function listAddresses(db: Db, customerId: string) {
  return db
    .selectFrom('customer_addresses')
    .selectAll()
    .where('customer_id', '=', customerId)
    .orderBy('kind')
    .orderBy('is_default', 'desc')
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

export function findAddress(db: Db, id: string) {
  return db.selectFrom('customer_addresses').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertAddress(db: Db, row: Insertable<CustomerAddressesTable>): Promise<void> {
  await db.insertInto('customer_addresses').values(row).execute();
}

export async function updateAddress(db: Db, id: string, patch: Updateable<CustomerAddressesTable>): Promise<void> {
  await db.updateTable('customer_addresses').set(patch).where('id', '=', id).execute();
}

export async function clearDefaultAddress(db: Db, customerId: string, kind: AddressKind, now: string): Promise<void> {
  await db
    .updateTable('customer_addresses')
    .set({ is_default: 0, updated_at: now })
    .where('customer_id', '=', customerId)
    .where('kind', '=', kind)
    .where('is_default', '=', 1)
    .execute();
}

export async function deleteAddress(db: Db, id: string): Promise<void> {
  await db.deleteFrom('customer_addresses').where('id', '=', id).execute();
}

// ---------------------------------------------------------------- tags

export function tagsOfCustomers(db: Db, customerIds: string[]) {
  if (customerIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('customer_tags as ct')
    .innerJoin('tags as t', 't.id', 'ct.tag_id')
    .select(['ct.customer_id', 't.id', 't.name', 't.color'])
    .where('ct.customer_id', 'in', customerIds)
    .orderBy('t.name')
    .execute();
}

export async function missingTagIds(db: Db, tagIds: string[]): Promise<string[]> {
  if (tagIds.length === 0) return [];
  const rows = await db.selectFrom('tags').select('id').where('id', 'in', tagIds).execute();
  const found = new Set(rows.map((r) => r.id));
  return tagIds.filter((id) => !found.has(id));
}

export async function addTags(db: Db, customerIds: string[], tagIds: string[]): Promise<void> {
  if (customerIds.length === 0 || tagIds.length === 0) return;
  const values = customerIds.flatMap((customer_id) => tagIds.map((tag_id) => ({ customer_id, tag_id })));
  for (let i = 0; i < values.length; i += 400) {
    await db.insertInto('customer_tags').values(values.slice(i, i + 400)).onConflict((oc) => oc.doNothing()).execute();
  }
}

export async function removeTags(db: Db, customerIds: string[], tagIds: string[]): Promise<void> {
  if (customerIds.length === 0 || tagIds.length === 0) return;
  await db.deleteFrom('customer_tags').where('customer_id', 'in', customerIds).where('tag_id', 'in', tagIds).execute();
}

export async function replaceTags(db: Db, customerId: string, tagIds: string[]): Promise<void> {
  await db.deleteFrom('customer_tags').where('customer_id', '=', customerId).execute();
  await addTags(db, [customerId], tagIds);
}

export function listTagsWithCounts(db: Db) {
  return db
    .selectFrom('tags as t')
    .select(['t.id', 't.name', 't.color', (eb) => eb.selectFrom('customer_tags as ct').whereRef('ct.tag_id', '=', 't.id').select((e) => e.fn.countAll<number>().as('n')).as('customer_count')])
    .orderBy('t.name')
    .execute();
}

export function findTagByName(db: Db, name: string) {
  return db.selectFrom('tags').selectAll().where('name', '=', name).executeTakeFirst();
}

export function findTag(db: Db, id: string) {
  return db.selectFrom('tags').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function saveTag(db: Db, tag: TagRecord): Promise<void> {
  await db
    .insertInto('tags')
    .values(tag)
    .onConflict((oc) => oc.column('id').doUpdateSet({ name: tag.name, color: tag.color }))
    .execute();
}

// ---------------------------------------------------------------- custom fields

export function listFieldDefs(db: Db, includeInactive: boolean) {
  let query = db.selectFrom('custom_field_defs').selectAll();
  if (!includeInactive) query = query.where('active', '=', 1);
  return query.orderBy('sort_order').orderBy('label').execute();
}

export function findFieldDef(db: Db, where: { id?: string; key?: string }) {
  let query = db.selectFrom('custom_field_defs').selectAll();
  if (where.id) query = query.where('id', '=', where.id);
  if (where.key) query = query.where('key', '=', where.key);
  return query.executeTakeFirst();
}

export async function saveFieldDef(db: Db, def: FieldDefRecord): Promise<void> {
  const { id: _id, created_at: _created, key: _key, ...changes } = def;
  await db
    .insertInto('custom_field_defs')
    .values(def)
    .onConflict((oc) => oc.column('id').doUpdateSet(changes))
    .execute();
}

// ---------------------------------------------------------------- search index

/** Rewrites the customer's search text; triggers keep customers_fts in step. */
export async function saveSearchDoc(db: Db, customerId: string, doc: SearchDoc): Promise<void> {
  await db
    .insertInto('customer_search')
    .values({ rowid: null, customer_id: customerId, ...doc })
    .onConflict((oc) => oc.column('customer_id').doUpdateSet(doc))
    .execute();
}

// ---------------------------------------------------------------- stats and history

export function findStats(db: Db, customerId: string) {
  return db.selectFrom('customer_stats').selectAll().where('customer_id', '=', customerId).executeTakeFirst();
}

export function stageHistory(db: Db, customerId: string) {
  return db.selectFrom('customer_stage_history').selectAll().where('customer_id', '=', customerId).orderBy('changed_at', 'desc').orderBy('id', 'desc').execute();
}

export async function appendStageChange(
  db: Db,
  change: { id: string; customer_id: string; from_stage: LifecycleStage | null; to_stage: LifecycleStage; source: StageChangeSource; reason: string | null; user_id: string | null; changed_at: string },
): Promise<void> {
  await db.insertInto('customer_stage_history').values(change).execute();
}

export async function hasInteractions(db: Db, customerId: string): Promise<boolean> {
  return !!(await db.selectFrom('interactions').select(sql<number>`1`.as('x')).where('customer_id', '=', customerId).limit(1).executeTakeFirst());
}

/**
 * Customers whose latest pause of more than 90 days between orders lasted more than 180 (they
 * churned and came back), read from the order documents up to asOf. Drafts, orders awaiting
 * approval and cancelled ones are no orders.
 */
export async function customersBackAfterChurn(db: Db, asOf: string, customerId?: string): Promise<Set<string>> {
  const onlyOne = customerId ? sql`AND customer_id = ${customerId}` : sql``;
  const rows = await sql<{ customer_id: string }>`
    WITH dated AS (
      SELECT customer_id, order_date,
             julianday(order_date) - julianday(lag(order_date) OVER (PARTITION BY customer_id ORDER BY order_date)) AS pause
        FROM sales_orders
       WHERE status NOT IN ('draft', 'pending_approval', 'cancelled') AND order_date <= ${asOf} ${onlyOne}
    ), pauses AS (
      SELECT customer_id, pause, row_number() OVER (PARTITION BY customer_id ORDER BY order_date DESC) AS latest
        FROM dated WHERE pause > 90
    )
    SELECT customer_id FROM pauses WHERE latest = 1 AND pause > 180`.execute(db);
  return new Set(rows.rows.map((r) => r.customer_id));
}
