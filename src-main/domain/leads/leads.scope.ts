/**
 * Whose leads and deals a caller sees: the customers' data scope (customers.scope.ts) carried over
 * to the records that lead to a customer. A lead or deal outside it answers as if it did not exist.
 */
import { sql, type RawBuilder } from 'kysely';
import { notFound } from '../../api/errors';
import type { HandlerContext } from '../context';
import { ownedRecordVisible } from '../customers/customers.scope';
import type { DataScope } from '../users/data-scope';

/** On a `leads` row aliased `l`; null when the caller sees every lead. */
export const leadVisible = (scope: DataScope): RawBuilder<unknown> | null => ownedRecordVisible(scope, 'l.customer_id', 'l.owner_user_id');

/** On an `opportunities` row aliased `o`; null when the caller sees every deal. */
export const dealVisible = (scope: DataScope): RawBuilder<unknown> | null => ownedRecordVisible(scope, 'o.customer_id', 'o.owner_user_id');

export async function assertLeadVisible(ctx: Pick<HandlerContext, 'db' | 'dataScope'>, id: string): Promise<void> {
  const visible = leadVisible(await ctx.dataScope());
  if (!visible) return;
  const { rows } = await sql`SELECT 1 FROM leads l WHERE l.id = ${id} AND ${visible}`.execute(ctx.db);
  if (rows.length === 0) throw notFound('Lead', id);
}

export async function assertDealVisible(ctx: Pick<HandlerContext, 'db' | 'dataScope'>, id: string): Promise<void> {
  const visible = dealVisible(await ctx.dataScope());
  if (!visible) return;
  const { rows } = await sql`SELECT 1 FROM opportunities o WHERE o.id = ${id} AND ${visible}`.execute(ctx.db);
  if (rows.length === 0) throw notFound('Opportunity', id);
}
