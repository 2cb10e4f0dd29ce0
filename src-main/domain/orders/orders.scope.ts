/** An order of a customer outside the caller's data scope answers as if it did not exist; so do the documents made from it. */
import type { HandlerContext } from '../context';
import { assertDocumentVisible } from '../customers/customers.scope';

export async function assertOrderVisible(ctx: Pick<HandlerContext, 'db' | 'dataScope'>, id: string): Promise<void> {
  const order = await ctx.db.selectFrom('sales_orders').select('customer_id').where('id', '=', id).executeTakeFirst();
  await assertDocumentVisible(ctx, 'Order', id, order?.customer_id);
}
