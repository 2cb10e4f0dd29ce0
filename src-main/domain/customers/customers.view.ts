import { notFound } from '../../api/errors';
import type { HandlerContext } from '../context';
import type { CustomerView } from './customers.dto';
import { overviewOf, timelinePage } from './customers.engagement';
import * as repo from './customers.repository';
import { toCustomer } from './customers.service';

/** The 360° view: the customer row is read once and feeds the record, the figures and the timeline. */
export async function customerView(ctx: Pick<HandlerContext, 'db' | 'sqlite' | 'areas'>, id: string, timelinePageSize: number): Promise<CustomerView> {
  const row = await repo.findCustomer(ctx.db, id);
  if (!row) throw notFound('Customer', id);
  const [customer, overview, timeline] = await Promise.all([
    toCustomer(ctx.db, row),
    overviewOf(ctx, row),
    timelinePage(ctx, { customerId: id, page: 1, pageSize: timelinePageSize }),
  ]);
  return { customer, overview, timeline };
}
