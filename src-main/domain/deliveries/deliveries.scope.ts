/** A delivery of a customer outside the caller's data scope answers as if it did not exist, as its order does. */
import type { HandlerContext } from '../context';
import { assertDocumentVisible } from '../customers/customers.scope';

export async function assertDeliveryVisible(ctx: Pick<HandlerContext, 'db' | 'dataScope'>, id: string): Promise<void> {
  const delivery = await ctx.db.selectFrom('deliveries').select('customer_id').where('id', '=', id).executeTakeFirst();
  await assertDocumentVisible(ctx, 'Delivery', id, delivery?.customer_id);
}
