/**
 * Writes an import plan with prepared statements (STYLE: bulk work bypasses Kysely), a short batch
 * at a time on the caller's transaction: new customers with their stats row, primary contact,
 * default address, tags, first stage and search text; updates of only the changed columns. The
 * search text is rebuilt for every written customer, so imported rows are found by name, pinyin and
 * phone as soon as their batch commits. Every customer written is noted in customer_import_changes
 * (with an updated one's before-image) in the same transaction, so the import can be taken back.
 * New customers' pinyin and search text are worked out beforehand (`prepareCreates`), outside any
 * transaction.
 */
import type { Sqlite } from '../../db/connection';
import type { CustomerKind } from '../customers/customers.dto';
import { customerNameKey } from '../customers/customers.rules';
import { buildSearchDoc, pinyinSortKey, withCodeToken, type SearchDoc } from '../customers/customers.search-text';
import { newId } from '../shared/ids';
import { CUSTOMER_COLUMNS, type CustomerColumn, type ExistingCustomer, type ImportPlan, type PlannedRow } from './imports.plan';
import type { SameAsOnFile } from './imports.contract';
import { diffUpdate, readExisting } from './imports.existing';
import { statement } from '../../db/statements';
import { paced } from '../core/pace';
import { noteBeforeImage } from './imports.changes';
import { refreshSearch } from './imports.search-row';

export interface WriteContext {
  sqlite: Sqlite;
  /** What the import does with a row that is a customer on file (imports.plan), also one entered while it prepared. */
  onDuplicate: 'update' | 'skip';
  /** The customer_imports row every change is noted under. */
  importId: string;
  userId: string | null;
  now: string;
  /** Codes for new customers without one, in order. */
  codes: string[];
}

const ALL_COLUMNS = [...new Set(Object.values(CUSTOMER_COLUMNS))] as CustomerColumn[];

const INSERT_CUSTOMER = `INSERT INTO customers (id, code, name_key, name_pinyin, custom_fields, lifecycle_stage, lifecycle_computed, status, created_at, updated_at, created_by, ${ALL_COLUMNS.join(', ')})
  VALUES (?, ?, ?, ?, ?, 'prospect', 'prospect', 'active', ?, ?, ?, ${ALL_COLUMNS.map(() => '?').join(', ')})`;

function tagIdFor(sqlite: Sqlite, tagIds: Map<string, string>, name: string, ctx: WriteContext): string {
  const key = name.toLowerCase();
  let id = tagIds.get(key);
  if (!id) {
    id = newId();
    statement(sqlite, "INSERT INTO tags (id, name, color, created_at) VALUES (?, ?, 'gray', ?)").run(id, name, ctx.now);
    statement(sqlite, 'INSERT INTO customer_import_tags (import_id, tag_id) VALUES (?, ?)').run(ctx.importId, id);
    tagIds.set(key, id);
  }
  return id;
}

function insertContact(sqlite: Sqlite, customerId: string, contact: NonNullable<PlannedRow['contact']>, isPrimary: boolean, now: string): void {
  statement(
    sqlite,
    'INSERT INTO customer_contacts (id, customer_id, name, title, mobile, phone, email, wechat, birthday, is_primary, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
  ).run(
    newId(),
    customerId,
    contact.name,
    contact.title ?? null,
    contact.mobile ?? null,
    contact.phone ?? null,
    contact.email ?? null,
    contact.wechat ?? null,
    contact.birthday ?? null,
    isPrimary ? 1 : 0,
    now,
    now,
  );
}

function insertAddress(sqlite: Sqlite, customerId: string, address: NonNullable<PlannedRow['address']>, now: string, existingCustomer: boolean): void {
  // The imported address becomes the default shipping address, as the form's first address does.
  if (existingCustomer) {
    statement(sqlite, "UPDATE customer_addresses SET is_default = 0, updated_at = ? WHERE customer_id = ? AND kind = 'shipping' AND is_default = 1").run(now, customerId);
  }
  statement(
    sqlite,
    "INSERT INTO customer_addresses (id, customer_id, kind, province, city, district, detail, postcode, recipient, recipient_phone, is_default, created_at, updated_at) VALUES (?, ?, 'shipping', ?, ?, ?, ?, ?, NULL, NULL, 1, ?, ?)",
  ).run(newId(), customerId, address.province ?? null, address.city ?? null, address.district ?? null, address.detail, address.postcode ?? null, now, now);
}

function textOf(row: PlannedRow, column: CustomerColumn): string | null {
  return (row.columns[column] as string | undefined) ?? null;
}

/** What a new customer's rows need that costs CPU (its pinyin and search text), worked out before publishing. */
export interface PreparedCreate {
  nameKey: string;
  namePinyin: string;
  /** Without the code: codes from the series are taken only when the import publishes. */
  doc: SearchDoc;
}

function prepareCreate(row: PlannedRow): PreparedCreate {
  const name = String(row.columns.name);
  const doc = buildSearchDoc({
    // The planner's kind cell only ever holds a CustomerKind (values.kind).
    kind: (textOf(row, 'kind') as CustomerKind | null) ?? 'company',
    code: '',
    name,
    shortName: textOf(row, 'short_name'),
    creditCode: textOf(row, 'credit_code'),
    taxpayerId: textOf(row, 'taxpayer_id'),
    mobile: textOf(row, 'mobile'),
    phone: textOf(row, 'phone'),
    contacts: row.contact ? [{ name: row.contact.name!, mobile: row.contact.mobile ?? null, phone: row.contact.phone ?? null }] : [],
  });
  return { nameKey: customerNameKey(name), namePinyin: pinyinSortKey(name), doc };
}

/** Works out every new customer's pinyin and search text, letting waiting calls (and other writes) in as it goes. */
export async function prepareCreates(plan: ImportPlan, progress: (done: number, total: number) => Promise<void>): Promise<PreparedCreate[]> {
  const due = paced();
  const prepared: PreparedCreate[] = [];
  for (const row of plan.creates) {
    if (due()) await progress(prepared.length, plan.creates.length);
    prepared.push(prepareCreate(row));
  }
  await progress(plan.creates.length, plan.creates.length);
  return prepared;
}

/** Writes a new customer and what comes with it; returns its search row, which the batch inserts with the others (see PlanWriter). */
function createCustomer(sqlite: Sqlite, row: PlannedRow, prepared: PreparedCreate, code: string, tagIds: Map<string, string>, ctx: WriteContext): [string, string, string, string] {
  const id = newId();
  const values = ALL_COLUMNS.map((column) => {
    const value = row.columns[column];
    if (value !== undefined) return value;
    if (column === 'kind') return 'company';
    if (column === 'payment_terms_days') return 0;
    return null;
  });
  statement(sqlite, INSERT_CUSTOMER).run(id, code, prepared.nameKey, prepared.namePinyin, JSON.stringify(row.custom), ctx.now, ctx.now, ctx.userId, ...values);
  statement(sqlite, "INSERT INTO customer_import_changes (import_id, customer_id, kind) VALUES (?, ?, 'created')").run(ctx.importId, id);
  statement(sqlite, 'INSERT INTO customer_stats (customer_id, updated_at) VALUES (?, ?)').run(id, ctx.now);
  statement(
    sqlite,
    "INSERT INTO customer_stage_history (id, customer_id, from_stage, to_stage, source, reason, user_id, changed_at) VALUES (?, ?, NULL, 'prospect', 'computed', NULL, ?, ?)",
  ).run(newId(), id, ctx.userId, ctx.now);
  if (row.contact) insertContact(sqlite, id, row.contact, true, ctx.now);
  if (row.address) insertAddress(sqlite, id, row.address, ctx.now, false);
  for (const tag of row.tags) statement(sqlite, 'INSERT OR IGNORE INTO customer_tags (customer_id, tag_id) VALUES (?, ?)').run(id, tagIdFor(sqlite, tagIds, tag, ctx));
  // A new customer's search text comes from the row itself: no need to read back what was just written.
  const doc = withCodeToken(prepared.doc, code);
  return [id, doc.names, doc.people, doc.tokens];
}

function updateCustomer(sqlite: Sqlite, row: PlannedRow, tagIds: Map<string, string>, ctx: WriteContext): void {
  const id = row.match!.id;
  const changes = row.changes!;
  noteBeforeImage(sqlite, ctx.importId, id);
  const set: Record<string, unknown> = { ...changes.columns };
  if (typeof changes.columns.name === 'string') {
    set.name_key = customerNameKey(changes.columns.name);
    set.name_pinyin = pinyinSortKey(changes.columns.name);
  }
  if (changes.customFields) set.custom_fields = JSON.stringify(changes.customFields);
  // Always stamped, also when only a contact, an address or tags change: an undo tells a later edit by it.
  set.updated_at = ctx.now;
  const keys = Object.keys(set);
  // Statements are cached per column set; a file touches only a few different sets.
  statement(sqlite, `UPDATE customers SET ${keys.map((k) => `${k} = ?`).join(', ')} WHERE id = ?`).run(...keys.map((k) => set[k]), id);
  const contact = changes.contact;
  if (contact) {
    if (contact.makePrimary) statement(sqlite, 'UPDATE customer_contacts SET is_primary = 0, updated_at = ? WHERE customer_id = ? AND is_primary = 1').run(ctx.now, id);
    if (contact.id === null) {
      insertContact(sqlite, id, { name: contact.fields.name!, ...contact.fields }, true, ctx.now);
    } else {
      const fields: Record<string, unknown> = { ...contact.fields, ...(contact.makePrimary ? { is_primary: 1 } : {}) };
      const columns = Object.keys(fields);
      statement(sqlite, `UPDATE customer_contacts SET ${columns.map((k) => `${k} = ?`).join(', ')}, updated_at = ? WHERE id = ?`).run(...columns.map((k) => fields[k]), ctx.now, contact.id);
    }
  }
  if (changes.address) insertAddress(sqlite, id, changes.address, ctx.now, true);
  for (const tag of changes.newTags) statement(sqlite, 'INSERT OR IGNORE INTO customer_tags (customer_id, tag_id) VALUES (?, ?)').run(id, tagIdFor(sqlite, tagIds, tag, ctx));
  refreshSearch(sqlite, id);
}

/**
 * Writes the plan a batch at a time: `writeFor` writes rows on the caller's transaction until its
 * budget is spent, by the clock (a loaded machine writes fewer rows per batch, not longer batches).
 */
/**
 * A customer on file that a new row turns out to be, committed after the plan was made (a
 * salesperson's save while the import prepared or between two batches): same credit code or name key.
 */
function enteredMeanwhile(sqlite: Sqlite, row: PlannedRow, importId: string): { customer: ExistingCustomer; reason: SameAsOnFile['reason']; value: string } | null {
  const notThisImport = 'merged_into_id IS NULL AND NOT EXISTS (SELECT 1 FROM customer_import_changes ch WHERE ch.import_id = ? AND ch.customer_id = customers.id)';
  const columns = 'id, code, name, credit_code AS creditCode, merged_into_id AS mergedIntoId';
  const creditCode = textOf(row, 'credit_code');
  if (creditCode) {
    const customer = statement(sqlite, `SELECT ${columns} FROM customers WHERE credit_code = ? AND ${notThisImport} LIMIT 1`).get(creditCode, importId) as ExistingCustomer | undefined;
    if (customer) return { customer, reason: 'creditCode', value: creditCode };
  }
  const name = String(row.columns.name);
  const customer = statement(sqlite, `SELECT ${columns} FROM customers WHERE name_key = ? AND ${notThisImport} LIMIT 1`).get(customerNameKey(name), importId) as ExistingCustomer | undefined;
  return customer ? { customer, reason: 'name', value: name } : null;
}

/** What the re-check at publish changed against the plan, for the import's result. */
export interface MetAtPublish {
  sameAsOnFile: SameAsOnFile[];
  created: number;
  updated: number;
  unchanged: number;
}

export class PlanWriter {
  done = 0;
  readonly met: MetAtPublish = { sameAsOnFile: [], created: 0, updated: 0, unchanged: 0 };
  readonly total: number;
  private nextCode = 0;
  private readonly tagIds: Map<string, string>;

  constructor(
    private readonly plan: ImportPlan,
    private readonly prepared: PreparedCreate[],
    private readonly ctx: WriteContext,
  ) {
    this.total = plan.creates.length + plan.updates.length;
    this.tagIds = new Map((ctx.sqlite.prepare('SELECT id, name FROM tags').all() as { id: string; name: string }[]).map((t) => [t.name.toLowerCase(), t.id]));
  }

  get finished(): boolean {
    return this.done >= this.total;
  }

  writeFor(budgetMs: number): void {
    const { sqlite } = this.ctx;
    const started = performance.now();
    const { creates, updates } = this.plan;
    if (this.done < creates.length) {
      // The batch's search rows go in as one statement: FTS5 flushes its pending terms at the end of
      // every statement, so a row at a time (its trigger firing per INSERT) measured 3.5x slower.
      const searchRows: [string, string, string, string][] = [];
      while (this.done < creates.length && performance.now() - started < budgetMs) {
        const row = creates[this.done]!;
        const code = row.code ?? this.ctx.codes[this.nextCode++]!;
        const meanwhile = enteredMeanwhile(sqlite, row, this.ctx.importId);
        if (meanwhile) this.meet(row, meanwhile);
        else {
          searchRows.push(createCustomer(sqlite, row, this.prepared[this.done]!, code, this.tagIds, this.ctx));
          this.met.created++;
        }
        this.done++;
      }
      statement(
        sqlite,
        "INSERT INTO customer_search (customer_id, names, people, tokens) SELECT value ->> 0, value ->> 1, value ->> 2, value ->> 3 FROM json_each(?)",
      ).run(JSON.stringify(searchRows));
      return;
    }
    while (this.done < this.total && performance.now() - started < budgetMs) {
      updateCustomer(sqlite, updates[this.done - creates.length]!, this.tagIds, this.ctx);
      this.met.updated++;
      this.done++;
    }
  }

  /** A new row that is a customer entered meanwhile: skipped or updated, as the plan treats any customer on file. */
  private meet(row: PlannedRow, { customer, reason, value }: NonNullable<ReturnType<typeof enteredMeanwhile>>): void {
    this.met.sameAsOnFile.push({ row: row.line, reason, value, customer: { id: customer.id, code: customer.code, name: customer.name }, action: this.ctx.onDuplicate });
    if (this.ctx.onDuplicate === 'skip') return;
    const matched: PlannedRow = { ...row, match: customer };
    matched.changes = diffUpdate(matched, readExisting(this.ctx.sqlite, customer.id));
    if (!matched.changes) {
      this.met.unchanged++;
      return;
    }
    updateCustomer(this.ctx.sqlite, matched, this.tagIds, this.ctx);
    this.met.updated++;
  }
}
