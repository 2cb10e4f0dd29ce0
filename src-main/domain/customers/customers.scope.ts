/**
 * The customers a caller may see, as SQL the queries add to their WHERE (users/data-scope.ts says
 * whose). Other areas whose rows hang off a customer (deals, orders) filter with `customerIdVisible`.
 */
import { sql, type RawBuilder } from 'kysely';
import { notFound } from '../../api/errors';
import type { HandlerContext } from '../context';
import type { DataScope } from '../users/data-scope';

/** The condition on a `customers` row aliased `alias`; null when the caller sees every customer. */
export function customerRowVisible(scope: DataScope, alias = 'c'): RawBuilder<unknown> | null {
  if (scope.all) return null;
  const row = sql.raw(alias);
  return sql`(${row}.owner_user_id IN (${sql.join(scope.ownerIds)})
              OR EXISTS (SELECT 1 FROM customer_shares sh WHERE sh.customer_id = ${row}.id AND sh.user_id = ${scope.viewerId}))`;
}

/** The condition on a column holding a customer id (`o.customer_id`); null when everything is visible. */
export function customerIdVisible(scope: DataScope, column: string): RawBuilder<unknown> | null {
  if (scope.all) return null;
  const ref = sql.ref(column);
  return sql`(${ref} IN (SELECT sc.id FROM customers sc WHERE sc.owner_user_id IN (${sql.join(scope.ownerIds)}))
              OR ${ref} IN (SELECT sh.customer_id FROM customer_shares sh WHERE sh.user_id = ${scope.viewerId}))`;
}

/** `customerIdVisible` for the areas that prepare plain SQL (statements.ts): the text and its parameters. */
export function customerIdVisibleText(scope: DataScope, column: string): { text: string; params: string[] } | null {
  if (scope.all) return null;
  const marks = scope.ownerIds.map(() => '?').join(', ');
  return {
    text: `(${column} IN (SELECT sc.id FROM customers sc WHERE sc.owner_user_id IN (${marks}))
            OR ${column} IN (SELECT sh.customer_id FROM customer_shares sh WHERE sh.user_id = ?))`,
    params: [...scope.ownerIds, scope.viewerId],
  };
}

/**
 * A record that may hang off a customer (a lead, a deal): with a customer it follows the customer;
 * before it has one it follows its own owner, and one nobody owns is everyone's, as in the pool.
 */
export function ownedRecordVisible(scope: DataScope, customerColumn: string, ownerColumn: string): RawBuilder<unknown> | null {
  if (scope.all) return null;
  const owner = sql.ref(ownerColumn);
  return sql`(CASE WHEN ${sql.ref(customerColumn)} IS NULL THEN (${owner} IS NULL OR ${owner} IN (${sql.join(scope.ownerIds)}))
                   ELSE ${customerIdVisible(scope, customerColumn)!} END)`;
}

/** The ids among `ids` the caller may see. */
export async function visibleCustomerIds(ctx: Pick<HandlerContext, 'db' | 'dataScope'>, ids: readonly string[]): Promise<Set<string>> {
  const scope = await ctx.dataScope();
  if (scope.all || ids.length === 0) return new Set(ids);
  const { rows } = await sql<{ id: string }>`SELECT c.id FROM customers c WHERE c.id IN (${sql.join([...ids])}) AND ${customerRowVisible(scope)!}`.execute(ctx.db);
  return new Set(rows.map((r) => r.id));
}

/**
 * A customer outside the caller's scope answers as if it did not exist: NOT_FOUND tells nothing
 * about someone else's book. Every method that names customers by id calls this first.
 */
export async function assertCustomersVisible(ctx: Pick<HandlerContext, 'db' | 'dataScope'>, ids: readonly string[]): Promise<void> {
  const visible = await visibleCustomerIds(ctx, ids);
  const hidden = ids.find((id) => !visible.has(id));
  if (hidden) throw notFound('Customer', hidden);
}

/** A document (order, quote) of a customer outside the caller's scope is as unknown as the customer. */
export async function assertDocumentVisible(ctx: Pick<HandlerContext, 'db' | 'dataScope'>, entity: string, id: string, customerId: string | null | undefined): Promise<void> {
  if (!customerId) return;
  const visible = await visibleCustomerIds(ctx, [customerId]);
  if (!visible.has(customerId)) throw notFound(entity, id);
}

export function assertCustomerVisible(ctx: Pick<HandlerContext, 'db' | 'dataScope'>, id: string): Promise<void> {
  return assertCustomersVisible(ctx, [id]);
}
