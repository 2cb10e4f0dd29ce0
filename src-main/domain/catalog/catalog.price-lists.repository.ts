/** The SQL of price lists, their quantity breaks, and the one query behind every price (priceFor). */
import { sql, type Insertable, type Kysely, type Updateable } from 'kysely';
import type { Database } from '../../db/schema';
import type { PriceListKind } from './catalog.dto';
import type { PriceListsTable } from './catalog.tables';

type Db = Kysely<Database>;

function priceListsQuery(db: Db) {
  return db
    .selectFrom('price_lists as pl')
    .leftJoin('customers as c', 'c.id', 'pl.customer_id')
    .selectAll('pl')
    .select('c.name as customer_name')
    .select((eb) =>
      eb
        .selectFrom('price_list_items as i')
        .whereRef('i.price_list_id', '=', 'pl.id')
        .select(sql<number>`count(DISTINCT i.product_id)`.as('n'))
        .as('product_count'),
    );
}

export function findPriceList(db: Db, id: string) {
  return priceListsQuery(db).where('pl.id', '=', id).executeTakeFirst();
}

export type PriceListRecord = NonNullable<Awaited<ReturnType<typeof findPriceList>>>;

export async function listPriceLists(db: Db, input: { kind?: PriceListKind | undefined; status: 'active' | 'archived' | 'all'; page: number; pageSize: number }) {
  let query = priceListsQuery(db);
  let count = db.selectFrom('price_lists as pl').select((eb) => eb.fn.countAll<number>().as('n'));
  if (input.kind) {
    query = query.where('pl.kind', '=', input.kind);
    count = count.where('pl.kind', '=', input.kind);
  }
  if (input.status !== 'all') {
    query = query.where('pl.status', '=', input.status);
    count = count.where('pl.status', '=', input.status);
  }
  // Standard first, then tiers, then customers' own lists: the order prices are looked up in reverse.
  const rows = await query
    .orderBy(sql`CASE pl.kind WHEN 'standard' THEN 0 WHEN 'tier' THEN 1 ELSE 2 END`)
    .orderBy('pl.code')
    .limit(input.pageSize)
    .offset((input.page - 1) * input.pageSize)
    .execute();
  return { rows, total: Number((await count.executeTakeFirst())?.n ?? 0) };
}

export async function priceListWithCode(db: Db, code: string, exceptId: string | null) {
  let query = db.selectFrom('price_lists').select('id').where('code', '=', code);
  if (exceptId) query = query.where('id', '<>', exceptId);
  return query.executeTakeFirst();
}

export async function insertPriceList(db: Db, row: Insertable<PriceListsTable>): Promise<void> {
  await db.insertInto('price_lists').values(row).execute();
}

export async function updatePriceList(db: Db, id: string, patch: Updateable<PriceListsTable>): Promise<void> {
  await db.updateTable('price_lists').set(patch).where('id', '=', id).execute();
}

export async function customerExists(db: Db, id: string): Promise<boolean> {
  return !!(await db.selectFrom('customers').select('id').where('id', '=', id).executeTakeFirst());
}

// ---------------------------------------------------------------- items

/** One page of the products a list prices, by code; `productFilter` narrows them (a search). */
export async function priceListProducts(db: Db, priceListId: string, productFilter: ReturnType<typeof sql> | null, page: number, pageSize: number) {
  const filter = productFilter ? sql`AND ${productFilter}` : sql``;
  const { rows } = await sql<{ id: string; code: string; name: string; spec: string | null; unit: string; second_unit: string | null; second_unit_factor: number | null; list_price: number }>`
    SELECT p.id, p.code, p.name, p.spec, p.unit, p.second_unit, p.second_unit_factor, p.list_price
      FROM products p
     WHERE p.id IN (SELECT i.product_id FROM price_list_items i WHERE i.price_list_id = ${priceListId}) ${filter}
     ORDER BY p.code
     LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize}`.execute(db);
  const { rows: counted } = await sql<{ n: number }>`
    SELECT count(*) AS n FROM products p
     WHERE p.id IN (SELECT i.product_id FROM price_list_items i WHERE i.price_list_id = ${priceListId}) ${filter}`.execute(db);
  return { rows, total: counted[0]?.n ?? 0 };
}

/** How many prices (a product at a break) the list holds for the products `productFilter` keeps. */
export async function priceListBreakCount(db: Db, priceListId: string, productFilter: ReturnType<typeof sql> | null): Promise<number> {
  const filter = productFilter ? sql`AND ${productFilter}` : sql``;
  const { rows } = await sql<{ n: number }>`
    SELECT count(*) AS n FROM price_list_items i JOIN products p ON p.id = i.product_id WHERE i.price_list_id = ${priceListId} ${filter}`.execute(db);
  return rows[0]?.n ?? 0;
}

export function breaksOf(db: Db, priceListId: string, productIds: string[]) {
  if (productIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('price_list_items')
    .select(['product_id', 'min_quantity', 'unit_price'])
    .where('price_list_id', '=', priceListId)
    .where('product_id', 'in', productIds)
    .orderBy('product_id')
    .orderBy('min_quantity')
    .execute();
}

export async function replaceBreaks(db: Db, priceListId: string, productId: string, breaks: { id: string; min_quantity: number; unit_price: number }[]): Promise<void> {
  await db.deleteFrom('price_list_items').where('price_list_id', '=', priceListId).where('product_id', '=', productId).execute();
  if (breaks.length === 0) return;
  await db
    .insertInto('price_list_items')
    .values(breaks.map((b) => ({ ...b, price_list_id: priceListId, product_id: productId })))
    .execute();
}

// ---------------------------------------------------------------- the price

export interface ResolvedPrice {
  price_list_id: string;
  kind: PriceListKind;
  tax_inclusive: number;
  currency: string;
  min_quantity: number;
  unit_price: number;
}

/**
 * The price a customer pays, from the product's breaks (price_list_items_product): among the
 * active lists valid on the date that apply to the customer and price this quantity, the most
 * specific kind wins (the customer's own, its tier, standard); between two lists of one kind the
 * later valid_from (a dated offer over the open-ended list), then the lower code; within the list
 * the largest break not above the quantity.
 */
export async function resolvePrice(db: Db, q: { productId: string; customerId: string | null; tier: string | null; quantity: number; date: string }): Promise<ResolvedPrice | undefined> {
  const { rows } = await sql<ResolvedPrice>`
    SELECT pl.id AS price_list_id, pl.kind, pl.tax_inclusive, pl.currency, i.min_quantity, i.unit_price
      FROM price_list_items i
      JOIN price_lists pl ON pl.id = i.price_list_id
     WHERE i.product_id = ${q.productId}
       AND i.min_quantity <= ${q.quantity}
       AND pl.status = 'active'
       AND (pl.valid_from IS NULL OR pl.valid_from <= ${q.date})
       AND (pl.valid_to IS NULL OR pl.valid_to >= ${q.date})
       AND (pl.kind = 'standard'
            OR (pl.kind = 'tier' AND pl.tier = ${q.tier})
            OR (pl.kind = 'customer' AND pl.customer_id = ${q.customerId}))
     ORDER BY CASE pl.kind WHEN 'customer' THEN 0 WHEN 'tier' THEN 1 ELSE 2 END,
              pl.valid_from DESC NULLS LAST, pl.code, i.min_quantity DESC
     LIMIT 1`.execute(db);
  return rows[0];
}

/** The customer's tier (客户等级) as the customers area keeps it; undefined when there is no such customer. */
export async function tierOfCustomer(db: Db, customerId: string): Promise<{ tier: string | null } | undefined> {
  return db.selectFrom('customers').select('tier').where('id', '=', customerId).executeTakeFirst();
}
