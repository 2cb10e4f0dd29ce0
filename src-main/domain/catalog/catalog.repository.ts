/** The catalog's SQL for products, categories and substitutes (price lists: catalog.price-lists.repository.ts). */
import { sql, type Insertable, type Kysely, type Selectable, type Updateable } from 'kysely';
import type { Database } from '../../db/schema';
import type { ProductCategoriesTable, ProductsTable } from './catalog.tables';
import type { ProductSearchDoc } from './catalog.search-text';

type Db = Kysely<Database>;
export type ProductRecord = Selectable<ProductsTable>;
export type CategoryRecord = Selectable<ProductCategoriesTable>;

// ---------------------------------------------------------------- products

export function findProduct(db: Db, id: string) {
  return db.selectFrom('products').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertProduct(db: Db, row: Insertable<ProductsTable>): Promise<void> {
  await db.insertInto('products').values(row).execute();
}

export async function updateProduct(db: Db, id: string, patch: Updateable<ProductsTable>): Promise<void> {
  await db.updateTable('products').set(patch).where('id', '=', id).execute();
}

/** Another product with this code or barcode (archived ones too: both stay unique for good). */
export async function productWith(db: Db, column: 'code' | 'barcode', value: string, exceptId: string | null) {
  let query = db.selectFrom('products').select(['id', 'code', 'name']).where(column, '=', value);
  if (exceptId) query = query.where('id', '<>', exceptId);
  return query.executeTakeFirst();
}

export async function missingProductIds(db: Db, ids: string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const found = new Set((await db.selectFrom('products').select('id').where('id', 'in', ids).execute()).map((r) => r.id));
  return ids.filter((id) => !found.has(id));
}

/** Rewrites the product's search text; triggers keep products_fts in step. */
export async function saveSearchDoc(db: Db, productId: string, doc: ProductSearchDoc): Promise<void> {
  await db
    .insertInto('product_search')
    .values({ rowid: null, product_id: productId, ...doc })
    .onConflict((oc) => oc.column('product_id').doUpdateSet(doc))
    .execute();
}

/** The stock area's suppliers: checked here only for existence, so a product never names a missing one. */
export async function supplierExists(db: Db, id: string): Promise<boolean> {
  return !!(await db.selectFrom('suppliers').select('id').where('id', '=', id).executeTakeFirst());
}

// ---------------------------------------------------------------- substitutes

export function substitutesOf(db: Db, productId: string, activeOnly: boolean) {
  let query = db
    .selectFrom('product_substitutes as s')
    .innerJoin('products as p', 'p.id', 's.substitute_id')
    .select(['p.id', 'p.code', 'p.name', 'p.spec', 'p.unit', 'p.status'])
    .where('s.product_id', '=', productId);
  if (activeOnly) query = query.where('p.status', '=', 'active');
  return query.orderBy('s.rank').orderBy('p.code').execute();
}

export async function replaceSubstitutes(db: Db, productId: string, substituteIds: string[]): Promise<void> {
  await db.deleteFrom('product_substitutes').where('product_id', '=', productId).execute();
  if (substituteIds.length === 0) return;
  await db
    .insertInto('product_substitutes')
    .values(substituteIds.map((substitute_id, i) => ({ product_id: productId, substitute_id, rank: i + 1 })))
    .execute();
}

// ---------------------------------------------------------------- categories

export function listCategories(db: Db) {
  return db
    .selectFrom('product_categories as c')
    .selectAll('c')
    .select((eb) =>
      eb
        .selectFrom('products as p')
        .whereRef('p.category_id', '=', 'c.id')
        .where('p.status', '=', 'active')
        .select((e) => e.fn.countAll<number>().as('n'))
        .as('product_count'),
    )
    .orderBy('c.sort_order')
    .orderBy('c.name')
    .execute();
}

export function findCategory(db: Db, id: string) {
  return db.selectFrom('product_categories').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function siblingNamed(db: Db, parentId: string | null, name: string, exceptId: string | null) {
  let query = db.selectFrom('product_categories').select('id').where('name', '=', name);
  query = parentId === null ? query.where('parent_id', 'is', null) : query.where('parent_id', '=', parentId);
  if (exceptId) query = query.where('id', '<>', exceptId);
  return query.executeTakeFirst();
}

export async function saveCategory(db: Db, row: CategoryRecord): Promise<void> {
  await db
    .insertInto('product_categories')
    .values(row)
    .onConflict((oc) => oc.column('id').doUpdateSet({ name: row.name, parent_id: row.parent_id, sort_order: row.sort_order, updated_at: row.updated_at }))
    .execute();
}

export async function deleteCategory(db: Db, id: string): Promise<void> {
  await db.deleteFrom('product_categories').where('id', '=', id).execute();
}

export async function categoryInUse(db: Db, id: string): Promise<boolean> {
  const child = await db.selectFrom('product_categories').select('id').where('parent_id', '=', id).executeTakeFirst();
  if (child) return true;
  return !!(await db.selectFrom('products').select('id').where('category_id', '=', id).executeTakeFirst());
}

/** The category and all its ancestors, nearest first. */
export async function categoryAncestry(db: Db, id: string): Promise<{ id: string; name: string }[]> {
  const { rows } = await sql<{ id: string; name: string }>`
    WITH RECURSIVE up(id, name, parent_id, depth) AS (
      SELECT id, name, parent_id, 0 FROM product_categories WHERE id = ${id}
      UNION ALL
      SELECT c.id, c.name, c.parent_id, up.depth + 1 FROM product_categories c JOIN up ON c.id = up.parent_id WHERE up.depth < 50
    )
    SELECT id, name FROM up ORDER BY depth`.execute(db);
  return rows;
}

/** SQL for the ids of a category and every category under it (the list's category filter). */
export function categoryAndBelow(id: string) {
  return sql`WITH RECURSIVE down(id, depth) AS (
      SELECT id, 0 FROM product_categories WHERE id = ${id}
      UNION ALL
      SELECT c.id, down.depth + 1 FROM product_categories c JOIN down ON c.parent_id = down.id WHERE down.depth < 50
    ) SELECT id FROM down`;
}
