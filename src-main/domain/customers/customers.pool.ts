/**
 * The public pool (公海): a customer nobody owns. An owned customer with no follow-up for the
 * company's number of days returns to it (the daily job, or on demand), and a salesperson claims
 * from it up to a number per day. Every return and claim is a row of customer_pool_events, which
 * the customer's timeline shows and the claim limit counts.
 */
import { sql, type Kysely } from 'kysely';
import type { z } from 'zod';
import { AppError, validationError } from '../../api/errors';
import { fieldIssue } from '../../api/issues';
import type { Page } from '../../api/paging';
import type { Database } from '../../db/schema';
import type { TimelineSource } from '../area';
import type { HandlerContext } from '../context';
import { addDays, businessDateIn, businessDayStartUtc } from '../core/dates';
import { counted } from '../core/english';
import { newId, nowIso } from '../shared/ids';
import { companyTimeZone } from '../settings/settings.service';
import { readSetting, writeSetting } from '../settings/settings.repository';
import { readRoleScopes, writeRoleScopes } from '../users/data-scope';
import type { CustomerListRow } from './customers.dto';
import { listCustomers } from './customers.list';
import { POOL_QUERY, type customerPoolContract, type CustomerScopeSettings, type PoolReturn } from './customers.pool.contract';

type Db = Kysely<Database>;
type Input<M extends keyof typeof customerPoolContract> = z.output<(typeof customerPoolContract)[M]['input']>;

const POOL_AFTER_DAYS_SETTING = 'customers.poolAfterDays';
const CLAIMS_PER_DAY_SETTING = 'customers.poolClaimsPerDay';
/** Off until the owner sets it: returning customers nobody asked to return would surprise a book. */
const DEFAULT_POOL_AFTER_DAYS = null;
const DEFAULT_CLAIMS_PER_DAY = 10;

export async function scopeSettings(db: Db): Promise<CustomerScopeSettings> {
  return {
    roleScopes: await readRoleScopes(db),
    poolAfterDays: await readSetting<number | null>(db, POOL_AFTER_DAYS_SETTING, DEFAULT_POOL_AFTER_DAYS),
    claimsPerDay: await readSetting(db, CLAIMS_PER_DAY_SETTING, DEFAULT_CLAIMS_PER_DAY),
  };
}

export async function saveScopeSettings(ctx: HandlerContext, patch: Input<'customers.saveScopeSettings'>): Promise<CustomerScopeSettings> {
  const before = await scopeSettings(ctx.db);
  if (patch.roleScopes) await writeRoleScopes(ctx.db, patch.roleScopes);
  if (patch.poolAfterDays !== undefined) await writeSetting(ctx.db, POOL_AFTER_DAYS_SETTING, patch.poolAfterDays);
  if (patch.claimsPerDay !== undefined) await writeSetting(ctx.db, CLAIMS_PER_DAY_SETTING, patch.claimsPerDay);
  const after = await scopeSettings(ctx.db);
  ctx.audit({ entityType: 'settings', entityId: 'customers.scope', fields: { scope: { before, after } } });
  // Everyone's view of the book may have changed; their sessions read the new scope on the next call.
  return after;
}

async function claimedOn(db: Db, userId: string, date: string): Promise<number> {
  const row = await db
    .selectFrom('customer_pool_events')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('user_id', '=', userId)
    .where('kind', '=', 'claimed')
    .where('business_date', '=', date)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

export async function claimedToday(ctx: Pick<HandlerContext, 'db' | 'user'>): Promise<number> {
  if (!ctx.user) return 0;
  return claimedOn(ctx.db, ctx.user.id, businessDateIn(await companyTimeZone(ctx.db)));
}

/** The pool is everyone's to look at: its rows are not narrowed by the caller's scope. */
export function listPool(db: Db, input: Input<'customers.pool'>): Promise<Page<CustomerListRow>> {
  return listCustomers(db, { ...input, ...POOL_QUERY });
}

export async function claimCustomers(ctx: HandlerContext, ids: string[]): Promise<{ claimed: number; claimedToday: number; limit: number }> {
  const user = ctx.user;
  if (!user) throw new AppError('UNAUTHENTICATED', 'Please sign in first.');
  const unique = [...new Set(ids)];
  const rows = await ctx.db.selectFrom('customers').select(['id', 'code', 'owner_user_id', 'status']).where('id', 'in', unique).execute();
  const byId = new Map(rows.map((r) => [r.id, r]));
  const notInPool = unique
    .map((id, i) => ({ id, i, row: byId.get(id) }))
    .filter(({ row }) => !row || row.owner_user_id !== null || row.status !== 'active')
    .map(({ i }) => fieldIssue(`ids.${i}`, 'not_in_pool'));
  // Someone else claimed it a moment ago, or it was never in the pool: nothing is claimed.
  if (notInPool.length) throw new AppError('CONFLICT', `${notInPool.length} of the customers ${notInPool.length === 1 ? 'is' : 'are'} not in the pool (any more); nothing was claimed`, notInPool);
  const timeZone = await companyTimeZone(ctx.db);
  const today = businessDateIn(timeZone);
  const { claimsPerDay } = await scopeSettings(ctx.db);
  const already = await claimedOn(ctx.db, user.id, today);
  if (already + unique.length > claimsPerDay) {
    throw new AppError('CONFLICT', `At most ${counted(claimsPerDay, 'claim')} a day; ${already} claimed today`, [fieldIssue('ids', 'claim_limit', { limit: claimsPerDay, claimed: already })]);
  }
  const now = nowIso();
  await ctx.db.updateTable('customers').set({ owner_user_id: user.id, updated_at: now }).where('id', 'in', unique).execute();
  await ctx.db
    .insertInto('customer_pool_events')
    .values(unique.map((customerId) => ({ id: newId(), customer_id: customerId, kind: 'claimed' as const, user_id: user.id, idle_days: null, by_user_id: user.id, business_date: today, occurred_at: now })))
    .execute();
  for (const customerId of unique) ctx.audit({ entityType: 'customer', entityId: customerId, fields: { ownerUserId: { before: null, after: user.id }, pool: { before: 'pool', after: 'claimed' } } });
  return { claimed: unique.length, claimedToday: already + unique.length, limit: claimsPerDay };
}

/**
 * Idle since the later of the owner getting the customer and the last follow-up. An as-of date
 * other than today is for tests and for catching up a desktop that was off: the dates are the same.
 */
export async function returnIdleToPool(ctx: HandlerContext, input: Input<'customers.returnIdleToPool'>): Promise<PoolReturn> {
  const timeZone = await companyTimeZone(ctx.db);
  const asOf = input.asOf ?? businessDateIn(timeZone);
  const { poolAfterDays } = await scopeSettings(ctx.db);
  if (poolAfterDays === null) return { asOf, returned: 0 };
  const cutoff = businessDayStartUtc(addDays(asOf, -poolAfterDays), timeZone);
  const { rows } = await sql<{ id: string; owner_user_id: string; idle_since: string }>`
    SELECT c.id, c.owner_user_id, max(coalesce(c.owner_since, c.created_at), coalesce((SELECT max(i.occurred_at) FROM interactions i WHERE i.customer_id = c.id), '')) AS idle_since
      FROM customers c
     WHERE c.status = 'active' AND c.owner_user_id IS NOT NULL
       AND coalesce(c.owner_since, c.created_at) < ${cutoff}
       AND NOT EXISTS (SELECT 1 FROM interactions i WHERE i.customer_id = c.id AND i.occurred_at >= ${cutoff})`.execute(ctx.db);
  if (rows.length === 0) return { asOf, returned: 0 };
  const now = nowIso();
  const asOfStart = Date.parse(businessDayStartUtc(asOf, timeZone));
  for (let i = 0; i < rows.length; i += 500) {
    const batch = rows.slice(i, i + 500);
    await ctx.db.updateTable('customers').set({ owner_user_id: null, updated_at: now }).where('id', 'in', batch.map((r) => r.id)).execute();
    await ctx.db
      .insertInto('customer_pool_events')
      .values(
        batch.map((r) => ({
          id: newId(),
          customer_id: r.id,
          kind: 'returned' as const,
          user_id: r.owner_user_id,
          idle_days: Math.max(poolAfterDays, Math.floor((asOfStart - Date.parse(r.idle_since)) / 86_400_000)),
          by_user_id: ctx.user?.id ?? null,
          business_date: asOf,
          occurred_at: now,
        })),
      )
      .execute();
  }
  ctx.audit({ entityType: 'customer', entityId: 'pool', fields: { returnedToPool: { before: null, after: rows.map((r) => r.id) } } });
  return { asOf, returned: rows.length };
}

/** Sets who a customer is shared with (the complete list); each must be an active user. */
export async function shareCustomer(ctx: HandlerContext, customerId: string, userIds: string[]): Promise<{ customerId: string; userIds: string[] }> {
  const wanted = [...new Set(userIds)];
  const active = new Set((await ctx.db.selectFrom('users').select('id').where('active', '=', 1).execute()).map((u) => u.id));
  const unknown = wanted.map((userId, i) => ({ userId, i })).filter(({ userId }) => !active.has(userId));
  if (unknown.length) throw validationError(unknown.map(({ i }) => fieldIssue(`userIds.${i}`, 'not_found', { entity: 'user' })));
  const before = (await ctx.db.selectFrom('customer_shares').select('user_id').where('customer_id', '=', customerId).execute()).map((r) => r.user_id).sort();
  await ctx.db.deleteFrom('customer_shares').where('customer_id', '=', customerId).execute();
  if (wanted.length) {
    const now = nowIso();
    await ctx.db
      .insertInto('customer_shares')
      .values(wanted.map((userId) => ({ customer_id: customerId, user_id: userId, shared_by: ctx.user?.id ?? null, shared_at: now })))
      .execute();
  }
  ctx.audit({ entityType: 'customer', entityId: customerId, fields: { sharedWith: { before, after: [...wanted].sort() } } });
  return { customerId, userIds: wanted };
}

/** Returns and claims on the customer's timeline: title is the event, the user is whose it was. */
export const POOL_TIMELINE: TimelineSource = (customerId) => sql`
  SELECT 'pool' AS kind, e.id, e.occurred_at AS at, e.kind AS title, NULL AS detail,
         u.display_name AS user_name, json_object('event', e.kind, 'idleDays', e.idle_days, 'byName', b.display_name) AS data
    FROM customer_pool_events e
    LEFT JOIN users u ON u.id = e.user_id
    LEFT JOIN users b ON b.id = e.by_user_id
   WHERE e.customer_id = ${customerId}`;
