/**
 * Data scope and the public pool (公海): who sees whose customers, customers shared with a
 * colleague, and the pool that idle customers return to and salespeople claim from. Runtime-neutral.
 */
import { z } from 'zod';
import { method } from '../../api/method';
import { pageFields, type Page } from '../../api/paging';
import { SCOPE_LEVELS, type RoleScopes } from '../users/data-scope';
import type { CustomerListRow } from './customers.dto';
import type { listFilters, listSort } from './customers.contract';
import { isoDate } from './customers.rules';

/**
 * The pool as a customer list query: active customers nobody owns, newest first. The pool screen
 * exports it through the customers export with this query (for whoever manages the pool).
 */
export const POOL_QUERY = {
  filters: { ownerUserId: null, status: 'active' },
  sort: { field: 'createdAt', dir: 'desc' },
} as const satisfies { filters: z.input<typeof listFilters>; sort: z.input<typeof listSort> };

export interface CustomerScopeSettings {
  /** Whose customers each role sees; the owner always sees all. */
  roleScopes: RoleScopes;
  /** An owned customer with no follow-up for this many days returns to the pool; null: never. */
  poolAfterDays: number | null;
  /** How many pool customers one person may claim per business day. */
  claimsPerDay: number;
}

export interface PoolReturn {
  asOf: string;
  returned: number;
}

const id = z.string().uuid('Not a valid id');
const level = z.enum(SCOPE_LEVELS);

export const customerPoolContract = {
  'customers.scopeSettings': method<CustomerScopeSettings & { claimedToday: number }>()({
    input: z.object({}).strict(),
    permission: 'customers.read',
    mutates: false,
  }),
  'customers.saveScopeSettings': method<CustomerScopeSettings>()({
    input: z
      .object({
        roleScopes: z.object({ manager: level, sales: level, warehouse: level, service: level, accountant: level }).strict(),
        poolAfterDays: z.number().int().min(1).max(3650).nullable(),
        claimsPerDay: z.number().int().min(0).max(1000),
      })
      .partial()
      .strict(),
    permission: 'settings.manage',
    mutates: true,
    changes: ['customers', 'settings'],
  }),
  /** The pool: active customers nobody owns, newest returns first. */
  'customers.pool': method<Page<CustomerListRow>>()({
    input: z.object({ q: z.string().trim().max(100).optional(), ...pageFields }).strict(),
    permission: 'customers.claim',
    mutates: false,
  }),
  /** Takes pool customers as the caller's own, within the day's claim limit; all or none. */
  'customers.claim': method<{ claimed: number; claimedToday: number; limit: number }>()({
    input: z.object({ ids: z.array(id).min(1).max(200) }).strict(),
    permission: 'customers.claim',
    mutates: true,
  }),
  /** Returns every owned customer idle for the pool setting's days (the daily job; also on demand). */
  'customers.returnIdleToPool': method<PoolReturn>()({
    input: z.object({ asOf: isoDate.optional() }).strict(),
    permission: 'customers.managePool',
    mutates: true,
  }),
  /** Shares a customer with a colleague, who then sees it as their own (协作人). */
  'customers.share': method<{ customerId: string; userIds: string[] }>()({
    input: z.object({ customerId: id, userIds: z.array(id).max(50) }).strict(),
    permission: 'customers.write',
    mutates: true,
  }),
};
