/** Warehouses (仓库): several, exactly one the default, archived rather than deleted once used. */
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import { AppError, notFound, validationError } from '../../api/errors';
import { fieldIssue } from '../../api/issues';
import type { Sqlite } from '../../db/connection';
import type { Database } from '../../db/schema';
import { statement } from '../../db/statements';
import { changedFields, type HandlerContext } from '../context';
import { newId, nowIso } from '../shared/ids';
import type { stockContract } from './stock.contract';
import type { Warehouse } from './stock.dto';
import type { WarehousesTable } from './stock.tables';

type Db = Kysely<Database>;
type CreateInput = z.output<(typeof stockContract)['stock.createWarehouse']['input']>;
type UpdateInput = z.output<(typeof stockContract)['stock.updateWarehouse']['input']>;

function toWarehouse(row: WarehousesTable): Warehouse {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    address: row.address,
    isDefault: row.is_default === 1,
    status: row.status,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export async function listWarehouses(db: Db, includeArchived: boolean): Promise<Warehouse[]> {
  let query = db.selectFrom('warehouses').selectAll().orderBy('is_default', 'desc').orderBy('code');
  if (!includeArchived) query = query.where('status', '=', 'active');
  return (await query.execute()).map(toWarehouse);
}

export async function getWarehouse(db: Db, id: string): Promise<Warehouse> {
  const row = await db.selectFrom('warehouses').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('Warehouse', id);
  return toWarehouse(row);
}

/** The default warehouse's id: where a sales order ships from unless told otherwise. */
export function defaultWarehouseId(sqlite: Sqlite): string | null {
  return (statement(sqlite, "SELECT id FROM warehouses WHERE is_default = 1 AND status = 'active'").pluck().get() as string | undefined) ?? null;
}

async function assertCodeFree(db: Db, code: string, exceptId: string | null): Promise<void> {
  const taken = await db.selectFrom('warehouses').select('id').where('code', '=', code).executeTakeFirst();
  if (taken && taken.id !== exceptId) throw validationError([fieldIssue('code', 'taken')]);
}

async function makeDefault(db: Db, id: string, now: string): Promise<void> {
  // The partial unique index allows one default at a time: clear the old one first.
  await db.updateTable('warehouses').set({ is_default: 0, updated_at: now }).where('is_default', '=', 1).where('id', '<>', id).execute();
  await db.updateTable('warehouses').set({ is_default: 1, updated_at: now }).where('id', '=', id).execute();
}

export async function createWarehouse(ctx: HandlerContext, input: CreateInput): Promise<Warehouse> {
  await assertCodeFree(ctx.db, input.code, null);
  const now = nowIso();
  const id = newId();
  const first = !(await ctx.db.selectFrom('warehouses').select('id').where('is_default', '=', 1).executeTakeFirst());
  await ctx.db
    .insertInto('warehouses')
    .values({ id, code: input.code, name: input.name, address: input.address ?? null, is_default: 0, status: 'active', created_at: now, updated_at: now })
    .execute();
  if (first || input.isDefault) await makeDefault(ctx.db, id, now);
  const after = await getWarehouse(ctx.db, id);
  ctx.audit({ entityType: 'warehouse', entityId: id, fields: changedFields(null, { ...after, createdAt: undefined, updatedAt: undefined }) });
  return after;
}

export async function updateWarehouse(ctx: HandlerContext, { id, ...patch }: UpdateInput): Promise<Warehouse> {
  const before = await getWarehouse(ctx.db, id);
  if (patch.code !== undefined) await assertCodeFree(ctx.db, patch.code, id);
  if (patch.isDefault === false && before.isDefault) throw validationError([fieldIssue('isDefault', 'default_warehouse')]);
  if (patch.isDefault && before.status !== 'active') throw validationError([fieldIssue('isDefault', 'archived', { entity: 'warehouse' })]);
  const now = nowIso();
  await ctx.db
    .updateTable('warehouses')
    .set({
      ...(patch.code !== undefined ? { code: patch.code } : {}),
      ...(patch.name !== undefined ? { name: patch.name } : {}),
      ...(patch.address !== undefined ? { address: patch.address } : {}),
      updated_at: now,
    })
    .where('id', '=', id)
    .execute();
  if (patch.isDefault && !before.isDefault) await makeDefault(ctx.db, id, now);
  const after = await getWarehouse(ctx.db, id);
  ctx.audit({ entityType: 'warehouse', entityId: id, fields: changedFields({ ...before, updatedAt: undefined }, { ...after, updatedAt: undefined }) });
  return after;
}

export async function setWarehouseStatus(ctx: HandlerContext, id: string, status: 'active' | 'archived'): Promise<Warehouse> {
  const before = await getWarehouse(ctx.db, id);
  if (status === 'archived' && before.isDefault) throw new AppError('CONFLICT', `Warehouse ${before.code} is the default`, [fieldIssue('id', 'default_warehouse')]);
  if (status === 'archived') {
    const held = await ctx.db
      .selectFrom('stock_levels')
      .select((eb) => [eb.fn.sum<number>('on_hand').as('onHand'), eb.fn.sum<number>('reserved').as('reserved')])
      .where('warehouse_id', '=', id)
      .where((eb) => eb.or([eb('on_hand', '<>', 0), eb('reserved', '<>', 0)]))
      .executeTakeFirst();
    if (held && (held.onHand || held.reserved)) {
      throw new AppError('CONFLICT', `Warehouse ${before.code} still holds stock`, [fieldIssue('id', 'has_stock', { onHand: held.onHand ?? 0, reserved: held.reserved ?? 0 })]);
    }
  }
  await ctx.db.updateTable('warehouses').set({ status, updated_at: nowIso() }).where('id', '=', id).execute();
  ctx.audit({ entityType: 'warehouse', entityId: id, fields: { status: { before: before.status, after: status } } });
  return getWarehouse(ctx.db, id);
}
