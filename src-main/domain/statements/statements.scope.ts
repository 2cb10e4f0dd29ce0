/** A statement of a customer outside the caller's data scope answers as if it did not exist. */
import type { HandlerContext } from '../context';
import { assertDocumentVisible } from '../customers/customers.scope';

export async function assertStatementVisible(ctx: Pick<HandlerContext, 'db' | 'dataScope'>, id: string): Promise<void> {
  const saved = await ctx.db.selectFrom('statements').select('customer_id').where('id', '=', id).executeTakeFirst();
  await assertDocumentVisible(ctx, 'Statement', id, saved?.customer_id);
}
