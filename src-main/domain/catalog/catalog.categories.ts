/** The category tree (商品分类): one name per level under a parent, no loops, removed only when empty. */
import type { Kysely } from 'kysely';
import { AppError, notFound, validationError } from '../../api/errors';
import { fieldIssue } from '../../api/issues';
import type { Database } from '../../db/schema';
import { changedFields, type HandlerContext } from '../context';
import { newId, nowIso } from '../shared/ids';
import type { Category } from './catalog.dto';
import * as repo from './catalog.repository';

type Db = Kysely<Database>;

export async function listCategories(db: Db): Promise<Category[]> {
  return (await repo.listCategories(db)).map((c) => ({ id: c.id, parentId: c.parent_id, name: c.name, sortOrder: c.sort_order, productCount: Number(c.product_count ?? 0) }));
}

export async function saveCategory(ctx: HandlerContext, input: { id?: string | undefined; name: string; parentId: string | null; sortOrder: number }): Promise<Category> {
  const db = ctx.db;
  const before = input.id ? await repo.findCategory(db, input.id) : undefined;
  if (input.id && !before) throw notFound('Category', input.id);
  if (input.parentId) {
    if (!(await repo.findCategory(db, input.parentId))) throw validationError([fieldIssue('parentId', 'not_found', { entity: 'category' })]);
    if (input.id && (await repo.categoryAncestry(db, input.parentId)).some((c) => c.id === input.id)) {
      throw validationError([fieldIssue('parentId', 'not_allowed', { reason: 'category_cycle' })]);
    }
  }
  if (await repo.siblingNamed(db, input.parentId, input.name, input.id ?? null)) throw validationError([fieldIssue('name', 'taken')]);
  const now = nowIso();
  const row = { id: input.id ?? newId(), parent_id: input.parentId, name: input.name, sort_order: input.sortOrder, created_at: before?.created_at ?? now, updated_at: now };
  await repo.saveCategory(db, row);
  const view = (r: { name: string; parent_id: string | null; sort_order: number }) => ({ name: r.name, parentId: r.parent_id, sortOrder: r.sort_order });
  ctx.audit({ entityType: 'productCategory', entityId: row.id, fields: changedFields(before ? view(before) : null, view(row)) });
  return (await listCategories(db)).find((c) => c.id === row.id)!;
}

export async function removeCategory(ctx: HandlerContext, id: string): Promise<void> {
  const before = await repo.findCategory(ctx.db, id);
  if (!before) throw notFound('Category', id);
  if (await repo.categoryInUse(ctx.db, id)) {
    throw new AppError('CONFLICT', `Category ${before.name} still has products or sub-categories`, [fieldIssue('id', 'not_allowed', { reason: 'category_in_use' })]);
  }
  await repo.deleteCategory(ctx.db, id);
  ctx.audit({ entityType: 'productCategory', entityId: id, fields: { name: { before: before.name, after: null }, deleted: { before: false, after: true } } });
}
