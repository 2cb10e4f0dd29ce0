import type { HandlersFor } from '../area';
import type { HandlerContext } from '../context';
import { assertDocumentVisible } from '../customers/customers.scope';
import { assertOrderVisible } from '../orders/orders.scope';
import type { returnsContract } from './returns.contract';
import { getReturn, listReturns } from './returns.read';
import { createReturn } from './returns.service';

/** A return of a customer outside the caller's data scope answers as if it did not exist, as its order does. */
async function assertReturnVisible(ctx: HandlerContext, id: string): Promise<void> {
  const sale = await ctx.db.selectFrom('sales_returns').select('customer_id').where('id', '=', id).executeTakeFirst();
  await assertDocumentVisible(ctx, 'Sales return', id, sale?.customer_id);
}

export const returnsHandlers: HandlersFor<typeof returnsContract> = {
  'returns.list': async (input, ctx) => {
    if (input.salesOrderId) await assertOrderVisible(ctx, input.salesOrderId);
    return listReturns(ctx.sqlite, input, await ctx.dataScope());
  },
  'returns.get': async (input, ctx) => (await assertReturnVisible(ctx, input.id), getReturn(ctx.sqlite, input.id)),
  'returns.create': async (input, ctx) => (await assertOrderVisible(ctx, input.salesOrderId), createReturn(ctx, input)),
};
