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

export function assertCustomerVisible(ctx: Pick<HandlerContext, 'db' | 'dataScope'>, id: string): Promise<void> {
  return assertCustomersVisible(ctx, [id]);
}
