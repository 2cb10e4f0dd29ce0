/** Suppliers (供应商): a simple record, found by code, name, full pinyin or initials; archived, never deleted. */
import { sql, type Kysely } from 'kysely';
import type { z } from 'zod';
import { notFound, validationError } from '../../api/errors';
import { fieldIssue } from '../../api/issues';
import type { Page } from '../../api/paging';
import type { Sqlite } from '../../db/connection';
import type { Database } from '../../db/schema';
import { statement } from '../../db/statements';
import { changedFields, type HandlerContext } from '../context';
import { spell } from '../customers/customers.search-text';
import { newId, nowIso } from '../shared/ids';
import { escapeLike } from '../stock/stock.documents';
import type { purchasingContract } from './purchasing.contract';
import type { Supplier } from './purchasing.dto';
import type { SuppliersTable } from './purchasing.tables';

type Db = Kysely<Database>;
type ListInput = z.output<(typeof purchasingContract)['purchasing.listSuppliers']['input']>;
type CreateInput = z.output<(typeof purchasingContract)['purchasing.createSupplier']['input']>;
type UpdateInput = z.output<(typeof purchasingContract)['purchasing.updateSupplier']['input']>;

function toSupplier(row: SuppliersTable): Supplier {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    contactName: row.contact_name,
    mobile: row.mobile,
    phone: row.phone,
    email: row.email,
    address: row.address,
    paymentTermsDays: row.payment_terms_days,
    leadTimeDays: row.lead_time_days,
    notes: row.notes,
    status: row.status,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function nameKeys(name: string): { name_pinyin: string; name_initials: string } {
  const { full, initials } = spell(name);
  return { name_pinyin: full.join(''), name_initials: initials.join('') };
}

export async function listSuppliers(db: Db, input: ListInput): Promise<Page<Supplier>> {
  let query = db.selectFrom('suppliers');
  if (!input.includeArchived) query = query.where('status', '=', 'active');
  if (input.q) {
    const prefix = `${escapeLike(input.q.toLowerCase())}%`;
    const anywhere = `%${escapeLike(input.q)}%`;
    query = query.where(
      sql<boolean>`(lower(code) LIKE ${prefix} ESCAPE '\\' OR name LIKE ${anywhere} ESCAPE '\\' OR name_pinyin LIKE ${prefix} ESCAPE '\\' OR name_initials LIKE ${prefix} ESCAPE '\\')`,
    );
  }
  const [rows, counted] = await Promise.all([
    query
      .selectAll()
      .orderBy('name_pinyin')
      .orderBy('id')
      .limit(input.pageSize)
      .offset((input.page - 1) * input.pageSize)
      .execute(),
    query.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow(),
  ]);
  return { rows: rows.map(toSupplier), total: counted.total, totalIsExact: true };
}

export async function getSupplier(db: Db, id: string): Promise<Supplier> {
  const row = await db.selectFrom('suppliers').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('Supplier', id);
  return toSupplier(row);
}

/** An active supplier, or a refusal at `path`. */
export function activeSupplier(sqlite: Sqlite, id: string, path: string): { id: string; code: string; name: string; leadTimeDays: number } {
  const row = statement(sqlite, 'SELECT id, code, name, lead_time_days AS leadTimeDays, status FROM suppliers WHERE id = ?').get(id) as
    | { id: string; code: string; name: string; leadTimeDays: number; status: string }
    | undefined;
  if (!row) throw validationError([fieldIssue(path, 'not_found', { entity: 'supplier' })]);
  if (row.status !== 'active') throw validationError([fieldIssue(path, 'archived', { entity: 'supplier' })]);
  return row;
}

async function assertCodeFree(db: Db, code: string, exceptId: string | null): Promise<void> {
  const taken = await db.selectFrom('suppliers').select('id').where('code', '=', code).executeTakeFirst();
  if (taken && taken.id !== exceptId) throw validationError([fieldIssue('code', 'taken')]);
}

function auditable(s: Supplier) {
  return { ...s, createdAt: undefined, updatedAt: undefined };
}

export async function createSupplier(ctx: HandlerContext, input: CreateInput): Promise<Supplier> {
  await assertCodeFree(ctx.db, input.code, null);
  const now = nowIso();
  const id = newId();
  await ctx.db
    .insertInto('suppliers')
    .values({
      id,
      code: input.code,
      name: input.name,
      ...nameKeys(input.name),
      contact_name: input.contactName ?? null,
      mobile: input.mobile ?? null,
      phone: input.phone ?? null,
      email: input.email ?? null,
      address: input.address ?? null,
      payment_terms_days: input.paymentTermsDays ?? 0,
      lead_time_days: input.leadTimeDays ?? 7,
      notes: input.notes ?? null,
      status: 'active',
      created_at: now,
      updated_at: now,
    })
    .execute();
  const after = await getSupplier(ctx.db, id);
  ctx.audit({ entityType: 'supplier', entityId: id, fields: changedFields(null, auditable(after)) });
  return after;
}

export async function updateSupplier(ctx: HandlerContext, { id, ...patch }: UpdateInput): Promise<Supplier> {
  const before = await getSupplier(ctx.db, id);
  if (patch.code !== undefined) await assertCodeFree(ctx.db, patch.code, id);
  const set: Partial<SuppliersTable> = { updated_at: nowIso() };
  if (patch.code !== undefined) set.code = patch.code;
  if (patch.name !== undefined) Object.assign(set, { name: patch.name }, nameKeys(patch.name));
  if (patch.contactName !== undefined) set.contact_name = patch.contactName;
  if (patch.mobile !== undefined) set.mobile = patch.mobile;
  if (patch.phone !== undefined) set.phone = patch.phone;
  if (patch.email !== undefined) set.email = patch.email;
  if (patch.address !== undefined) set.address = patch.address;
  if (patch.paymentTermsDays !== undefined) set.payment_terms_days = patch.paymentTermsDays;
  if (patch.leadTimeDays !== undefined) set.lead_time_days = patch.leadTimeDays;
  if (patch.notes !== undefined) set.notes = patch.notes;
  await ctx.db.updateTable('suppliers').set(set).where('id', '=', id).execute();
  const after = await getSupplier(ctx.db, id);
  ctx.audit({ entityType: 'supplier', entityId: id, fields: changedFields(auditable(before), auditable(after)) });
  return after;
}

export async function setSupplierStatus(ctx: HandlerContext, id: string, status: 'active' | 'archived'): Promise<Supplier> {
  const before = await getSupplier(ctx.db, id);
  await ctx.db.updateTable('suppliers').set({ status, updated_at: nowIso() }).where('id', '=', id).execute();
  ctx.audit({ entityType: 'supplier', entityId: id, fields: { status: { before: before.status, after: status } } });
  return getSupplier(ctx.db, id);
}
