import type { HandlersFor } from '../area';
import { assertOrderVisible } from '../orders/orders.scope';
import type { deliveriesContract } from './deliveries.contract';
import { postDelivery } from './deliveries.posting';
import { pickingRequired, savePickingRule } from './deliveries.picking-rule';
import { getDelivery, listDeliveries } from './deliveries.read';
import { assertDeliveryVisible } from './deliveries.scope';
import { cancelDelivery, createDelivery, pickItem } from './deliveries.service';

export const deliveriesHandlers: HandlersFor<typeof deliveriesContract> = {
  'deliveries.list': async (input, ctx) => {
    if (input.salesOrderId) await assertOrderVisible(ctx, input.salesOrderId);
    return listDeliveries(ctx.sqlite, input, await ctx.dataScope());
  },
  'deliveries.get': async (input, ctx) => (await assertDeliveryVisible(ctx, input.id), getDelivery(ctx.sqlite, input.id)),
  'deliveries.create': async (input, ctx) => (await assertOrderVisible(ctx, input.salesOrderId), createDelivery(ctx, input)),
  'deliveries.pick': async (input, ctx) => (await assertDeliveryVisible(ctx, input.id), pickItem(ctx, input)),
  'deliveries.post': async (input, ctx) => (await assertDeliveryVisible(ctx, input.id), postDelivery(ctx, input)),
  'deliveries.cancel': async (input, ctx) => (await assertDeliveryVisible(ctx, input.id), cancelDelivery(ctx, input.id)),
  'deliveries.pickingRule': async (_input, ctx) => ({ requirePicking: pickingRequired(ctx.sqlite) }),
  'deliveries.savePickingRule': async (input, ctx) => savePickingRule(ctx, input.requirePicking),
};
