/**
 * What an import would do, row by row: the values each row carries, whether it creates a customer
 * or updates one (matched by code, then credit code), its errors and its likely duplicates. The
 * preview reports a plan; the import writes one. Everything the checks need is read once into
 * Maps, so 50,000 rows cost 50,000 Map lookups, not 50,000 queries.
 */
import type { Sqlite } from '../../db/connection';
import type { CustomFieldDef, CustomFieldValue } from '../customers/customers.contract';
import { fieldValueProblem } from '../customers/customers.fields';
import { customerNameKey, requiredFieldIssues } from '../customers/customers.rules';
import { COLUMN_OF } from '../customers/customers.service';
import { toHalfWidth } from '../shared/text';
import type { DuplicateHit, ImportDuplicate, ImportField, ImportTarget, RowError } from './imports.contract';
import type { FileRecord } from './imports.file';
import { statement } from './imports.statements';
import * as values from './imports.values';

/** Customer columns a row can set, by import field: the customer record's own columns, the salesperson as `owner`. */
const { ownerUserId, leadId: _leadIsNeverImported, ...sameAsRecord } = COLUMN_OF;
export const CUSTOMER_COLUMNS = { ...sameAsRecord, owner: ownerUserId } as const satisfies Partial<Record<ImportField, string>>;

export type CustomerColumn = (typeof CUSTOMER_COLUMNS)[keyof typeof CUSTOMER_COLUMNS];
type ColumnValues = Partial<Record<CustomerColumn, string | number>>;

export interface ContactDraft {
  name: string | null;
  title?: string;
  mobile?: string;
  phone?: string;
  email?: string;
  wechat?: string;
  birthday?: string;
}

export interface AddressDraft {
  province?: string;
  city?: string;
  district?: string;
  detail: string;
  postcode?: string;
}

/** An existing customer as the import needs it. */
export interface ExistingCustomer {
  id: string;
  code: string;
  name: string;
  creditCode: string | null;
  mergedIntoId: string | null;
}

export interface ExistingRecord {
  row: Record<CustomerColumn | 'custom_fields' | 'code' | 'id', string | number | null>;
  contacts: { id: string; name: string; title: string | null; mobile: string | null; phone: string | null; email: string | null; wechat: string | null; birthday: string | null; is_primary: number }[];
  addresses: { detail: string }[];
  tagNames: Set<string>;
}

export interface PlannedRow {
  line: number;
  code: string | null;
  columns: ColumnValues;
  custom: Record<string, CustomFieldValue>;
  tags: string[];
  contact: ContactDraft | null;
  address: AddressDraft | null;
  /** Set for an update. */
  match: ExistingCustomer | null;
  /** For an update: the columns, custom fields, contact, address and tags that differ. */
  changes: UpdateChanges | null;
}

export interface UpdateChanges {
  columns: ColumnValues;
  customFields: Record<string, CustomFieldValue> | null;
  /** Contact fields to set on an existing contact (by id) or a new primary contact. */
  contact: { id: string | null; fields: Omit<ContactDraft, 'name'> & { name?: string }; makePrimary: boolean } | null;
  address: AddressDraft | null;
  newTags: string[];
}

export interface ImportPlan {
  rows: PlannedRow[];
  errors: RowError[];
  duplicates: ImportDuplicate[];
  /** Lines with at least one error. */
  badLines: Set<number>;
  creates: PlannedRow[];
  updates: PlannedRow[];
  unchanged: number;
  dataRows: number;
}

export interface PlanContext {
  sqlite: Sqlite;
  requiredFields: readonly string[];
  customFields: CustomFieldDef[];
  signal: AbortSignal;
  progress(done: number, total: number): Promise<void>;
}

interface Prefetched {
  byCode: Map<string, ExistingCustomer>;
  byCreditCode: Map<string, ExistingCustomer>;
  byNameKey: Map<string, ExistingCustomer>;
  byMobile: Map<string, ExistingCustomer>;
  owners: Map<string, string | null>;
}

function prefetch(sqlite: Sqlite): Prefetched {
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

const CONTACT_FIELDS = {
  contactTitle: 'title',
  contactMobile: 'mobile',
  contactPhone: 'phone',
  contactEmail: 'email',
  contactWechat: 'wechat',
  contactBirthday: 'birthday',
} as const;

type Cells = Map<ImportTarget, { value: string; column: string }>;

export async function planImport(records: FileRecord[], headers: string[], mapping: (ImportTarget | null)[], ctx: PlanContext): Promise<ImportPlan> {
  const existing = prefetch(ctx.sqlite);
  const defsByKey = new Map(ctx.customFields.map((d) => [d.key, d]));
  const plan: ImportPlan = { rows: [], errors: [], duplicates: [], badLines: new Set(), creates: [], updates: [], unchanged: 0, dataRows: records.length };
  const seenCodes = new Map<string, number>();
  const seenCreditCodes = new Map<string, number>();
  const seenCustomers = new Map<string, number>();
  const seenMobiles = new Map<string, number>();
  const seenNameKeys = new Map<string, number>();

  for (let index = 0; index < records.length; index++) {
    if (index % 500 === 0) await ctx.progress(index, records.length);
    const record = records[index]!;
    const line = record.line;
    const errors: RowError[] = [];
    const fail = failFor.bind(null, errors, line);

    const cells: Cells = new Map();
    mapping.forEach((target, column) => {
      if (!target || cells.has(target)) return;
      const raw = record.cells[column];
      if (raw !== undefined && raw.trim() !== '') cells.set(target, { value: withoutFormulaGuard(raw.trim()), column: headers[column] ?? '' });
    });

    const columns: ColumnValues = {};
    const custom: Record<string, CustomFieldValue> = {};
    let tags: string[] = [];
    const contact: ContactDraft = { name: null };
    let hasContact = false;
    let code: string | null = null;
    let addressDetail: string | null = null;
    let postcode: string | undefined;

    for (const [target, cell] of cells) {
      const take = takeFor.bind(null, errors, line, target, cell) as <T>(parsed: values.Parsed<T>, set: (value: T) => void) => void;
      if (target.startsWith('custom.')) {
        const def = defsByKey.get(target.slice(7));
        if (!def) continue;
        const problem = fieldValueProblem(def, cell.value);
        if (problem) fail(target, { code: 'customField', message: problem, params: { label: def.label } }, cell);
        else custom[def.key] = def.type === 'number' ? Number(cell.value) : cell.value;
        continue;
      }
      const field = target as ImportField;
      switch (field) {
        case 'code':
          take(values.text(toHalfWidth(cell.value), 'code'), (v) => (code = v));
          break;
        case 'kind':
          take(values.kind(cell.value), (v) => (columns.kind = v));
          break;
        case 'creditCode':
          take(values.creditCode(cell.value), (v) => (columns.credit_code = v));
          break;
        case 'mobile':
          take(values.mobile(cell.value), (v) => (columns.mobile = v));
          break;
        case 'email':
          take(values.email(cell.value), (v) => (columns.email = v));
          break;
        case 'phone':
        case 'registeredPhone':
          take(values.phone(cell.value, field), (v) => (columns[CUSTOMER_COLUMNS[field]] = v));
          break;
        case 'size':
          take(values.size(cell.value), (v) => (columns.size = v));
          break;
        case 'cooperationSince':
        case 'birthday':
          take(values.date(cell.value), (v) => (columns[CUSTOMER_COLUMNS[field]] = v));
          break;
        case 'creditLimit':
          take(values.money(cell.value), (v) => (columns.credit_limit = v));
          break;
        case 'paymentTermsDays':
          take(values.days(cell.value), (v) => (columns.payment_terms_days = v));
          break;
        case 'owner': {
          const id = existing.owners.get(cell.value);
          if (id) columns.owner_user_id = id;
          else fail(field, { code: 'owner', message: id === null ? `Several users are called ${cell.value}; use the username` : `No active user is called ${cell.value}`, params: { value: cell.value } }, cell);
          break;
        }
        case 'tags':
          tags = values.tagNames(cell.value);
          if (tags.some((t) => t.length > 50)) fail(field, { code: 'tag', message: 'A tag has at most 50 characters' }, cell);
          break;
        case 'contactName':
          hasContact = true;
          take(values.text(cell.value, field), (v) => (contact.name = v));
          break;
        case 'contactMobile':
          hasContact = true;
          take(values.mobile(cell.value), (v) => (contact.mobile = v));
          break;
        case 'contactEmail':
          hasContact = true;
          take(values.email(cell.value), (v) => (contact.email = v));
          break;
        case 'contactBirthday':
          hasContact = true;
          take(values.date(cell.value), (v) => (contact.birthday = v));
          break;
        case 'contactPhone':
          hasContact = true;
          take(values.phone(cell.value, field), (v) => (contact.phone = v));
          break;
        case 'contactTitle':
        case 'contactWechat':
          hasContact = true;
          take(values.text(cell.value, field), (v) => (contact[CONTACT_FIELDS[field]] = v));
          break;
        case 'addressDetail':
          take(values.text(cell.value, field), (v) => (addressDetail = v));
          break;
        case 'postcode':
          take(values.postcode(cell.value), (v) => (postcode = v));
          break;
        default:
          take(values.text(cell.value, field), (v) => (columns[CUSTOMER_COLUMNS[field]] = v));
      }
    }

    // Which customer the row is: its code, else its credit code; both must agree.
    const codeText: string | null = code;
    let match: ExistingCustomer | null = codeText ? (existing.byCode.get(codeText) ?? null) : null;
    const creditCode = typeof columns.credit_code === 'string' ? columns.credit_code : null;
    const byCredit = creditCode ? existing.byCreditCode.get(creditCode) : undefined;
    if (match?.mergedIntoId) {
      fail('code', { code: 'merged', message: `Customer ${match.code} was merged into another customer; use that one's code`, params: { code: match.code } }, cells.get('code'));
    } else if (match && byCredit && byCredit.id !== match.id) {
      fail('creditCode', { code: 'creditCodeTaken', message: `This credit code belongs to customer ${byCredit.code} ${byCredit.name}`, params: { code: byCredit.code, name: byCredit.name } }, cells.get('creditCode'));
    } else if (!match && byCredit) {
      if (codeText) {
        fail('code', { code: 'codeCreditMismatch', message: `The credit code belongs to customer ${byCredit.code}, whose code is not ${codeText}`, params: { code: byCredit.code, name: byCredit.name } }, cells.get('code'));
      }
      match = byCredit;
    }

    if (!match && !columns.name && !cells.has('name')) fail('name', { code: 'required', message: 'Customer name is required' });
    if (codeText) {
      const earlier = seenCodes.get(codeText);
      if (earlier) fail('code', { code: 'duplicateCode', message: `Line ${earlier} has the same customer code`, params: { otherRow: earlier } }, cells.get('code'));
      else seenCodes.set(codeText, line);
    }
    if (creditCode) {
      const earlier = seenCreditCodes.get(creditCode);
      if (earlier) fail('creditCode', { code: 'duplicateCreditCode', message: `Line ${earlier} has the same credit code`, params: { otherRow: earlier } }, cells.get('creditCode'));
      else seenCreditCodes.set(creditCode, line);
    }
    if (match && !match.mergedIntoId) {
      const earlier = seenCustomers.get(match.id);
      if (earlier && !errors.some((e) => e.code === 'duplicateCode' || e.code === 'duplicateCreditCode')) {
        fail('', { code: 'sameCustomerTwice', message: `Line ${earlier} already updates customer ${match.code}`, params: { otherRow: earlier, code: match.code } });
      } else if (!earlier) seenCustomers.set(match.id, line);
    }

    const kind = (columns.kind as 'company' | 'individual' | undefined) ?? 'company';
    const existingRecord = match && !match.mergedIntoId ? readExisting(ctx.sqlite, match.id) : null;
    // A contact without a name is the customer's own person for an individual, or the contact already on file.
    if (hasContact && !contact.name) {
      const primary = existingRecord?.contacts[0];
      if (primary) contact.name = primary.name;
      else if ((existingRecord?.row.kind ?? kind) === 'individual' && (columns.name || existingRecord)) contact.name = String(columns.name ?? existingRecord!.row.name);
      else fail('contactName', { code: 'contactName', message: 'The contact details need the contact’s name' });
    }
    const address: AddressDraft | null = addressDetail
      ? {
          detail: addressDetail,
          ...(postcode ? { postcode } : {}),
          ...(typeof columns.province === 'string' ? { province: columns.province } : {}),
          ...(typeof columns.city === 'string' ? { city: columns.city } : {}),
          ...(typeof columns.district === 'string' ? { district: columns.district } : {}),
        }
      : null;
    const contactDraft = hasContact && contact.name ? contact : null;

    if (!match && errors.length === 0) {
      const issues = requiredFieldIssues(
        {
          kind,
          mobile: (columns.mobile as string | undefined) ?? null,
          email: (columns.email as string | undefined) ?? null,
          industry: (columns.industry as string | undefined) ?? null,
          source: (columns.source as string | undefined) ?? null,
          ownerUserId: (columns.owner_user_id as string | undefined) ?? null,
          creditCode,
          contacts: contactDraft ? [{ ...contactDraft, isPrimary: true }] : [],
          addresses: address ? [address] : [],
        },
        ctx.requiredFields,
      );
      for (const issue of issues) fail(REQUIRED_FIELD_OF[issue.path.replace(/^contacts\.\d+\./, 'contact.')] ?? '', { code: 'required', message: issue.message });
    }

    const planned: PlannedRow = { line, code: codeText, columns, custom, tags, contact: contactDraft, address, match: existingRecord ? match : null, changes: null };
    if (errors.length) {
      plan.errors.push(...errors);
      plan.badLines.add(line);
      continue;
    }
    plan.rows.push(planned);
    if (existingRecord) {
      planned.changes = diffUpdate(planned, existingRecord);
      if (planned.changes) plan.updates.push(planned);
      else plan.unchanged++;
    } else {
      plan.creates.push(planned);
    }

    const hits = duplicateHits(planned, existing, seenMobiles, seenNameKeys);
    if (hits.length) plan.duplicates.push({ row: line, matches: hits });
  }
  await ctx.progress(records.length, records.length);
  return plan;
}

// Module-level so the per-row loop does not create (and name) closures: 50,000 rows notice.
function failFor(errors: RowError[], line: number, field: ImportTarget | '', problem: values.ValueProblem, cell?: { value: string; column: string }): void {
  errors.push({ row: line, field, message: problem.message, code: problem.code, ...(cell ? { column: cell.column, value: cell.value } : {}), ...(problem.params ? { params: problem.params } : {}) });
}

function takeFor<T>(errors: RowError[], line: number, target: ImportTarget, cell: { value: string; column: string }, parsed: values.Parsed<T>, set: (value: T) => void): void {
  if ('problem' in parsed) failFor(errors, line, target, parsed.problem, cell);
  else set(parsed.value);
}

/** Our export writes '=… for a cell that would run as a formula; reading it back drops the guard. */
function withoutFormulaGuard(value: string): string {
  return /^'[=+\-@]/.test(value) ? value.slice(1) : value;
}

const REQUIRED_FIELD_OF: Record<string, ImportField> = {
  mobile: 'mobile',
  'contact.mobile': 'contactMobile',
  email: 'email',
  'contact.email': 'contactEmail',
  addresses: 'addressDetail',
  creditCode: 'creditCode',
  industry: 'industry',
  source: 'source',
  ownerUserId: 'owner',
};

/** Likely duplicates (same mobile or normalised name) among other customers and earlier lines. */
function duplicateHits(row: PlannedRow, existing: Prefetched, seenMobiles: Map<string, number>, seenNameKeys: Map<string, number>): DuplicateHit[] {
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
function diffUpdate(row: PlannedRow, current: ExistingRecord): UpdateChanges | null {
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
