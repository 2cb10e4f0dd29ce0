/**
 * The deliveries card on the workbench (发货): deliveries still being picked, what the warehouse has
 * in hand. The figure is the deliveries list's own total for the status, in the caller's data
 * scope; the link opens that list on the same status.
 */
import type { WorkbenchCardSource } from '../area';
import { listDeliveries } from './deliveries.read';

const deliveries: WorkbenchCardSource = {
  key: 'deliveries',
  permission: 'deliveries.read',
  async load(ctx) {
    const picking = { status: 'picking' as const };
    // The deliveries list takes its status as a field of its own, not under `filters`: no `method` for the generic check.
    const { total } = listDeliveries(ctx.sqlite, { ...picking, page: 1, pageSize: 1 }, await ctx.dataScope());
    return { key: 'deliveries', figures: [{ key: 'deliveriesPicking', count: total, link: { path: '/deliveries', filters: picking } }] };
  },
};

export const DELIVERY_WORKBENCH_CARDS: WorkbenchCardSource[] = [deliveries];
