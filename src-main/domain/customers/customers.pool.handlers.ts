import type { HandlersFor } from '../area';
import * as pool from './customers.pool';
import type { customerPoolContract } from './customers.pool.contract';
import { assertCustomerVisible } from './customers.scope';

export const customerPoolHandlers: HandlersFor<typeof customerPoolContract> = {
  'customers.scopeSettings': async (_input, ctx) => ({ ...(await pool.scopeSettings(ctx.db)), claimedToday: await pool.claimedToday(ctx) }),
  'customers.saveScopeSettings': (input, ctx) => pool.saveScopeSettings(ctx, input),
  'customers.pool': (input, ctx) => pool.listPool(ctx.db, input),
  'customers.claim': (input, ctx) => pool.claimCustomers(ctx, input.ids),
  'customers.returnIdleToPool': (input, ctx) => pool.returnIdleToPool(ctx, input),
  'customers.share': async (input, ctx) => {
    await assertCustomerVisible(ctx, input.customerId);
    return pool.shareCustomer(ctx, input.customerId, input.userIds);
  },
};
