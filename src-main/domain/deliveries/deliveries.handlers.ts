import type { HandlersFor } from '../area';
import type { deliveriesContract } from './deliveries.contract';
import { postDelivery } from './deliveries.posting';
import { pickingRequired, savePickingRule } from './deliveries.picking-rule';
import { getDelivery, listDeliveries } from './deliveries.read';
import { cancelDelivery, createDelivery, pickItem } from './deliveries.service';

export const deliveriesHandlers: HandlersFor<typeof deliveriesContract> = {
  'deliveries.list': async (input, ctx) => listDeliveries(ctx.sqlite, input),
  'deliveries.get': async (input, ctx) => getDelivery(ctx.sqlite, input.id),
  'deliveries.create': async (input, ctx) => createDelivery(ctx, input),
  'deliveries.pick': async (input, ctx) => pickItem(ctx, input),
  'deliveries.post': async (input, ctx) => postDelivery(ctx, input),
  'deliveries.cancel': async (input, ctx) => cancelDelivery(ctx, input.id),
  'deliveries.pickingRule': async (_input, ctx) => ({ requirePicking: pickingRequired(ctx.sqlite) }),
  'deliveries.savePickingRule': async (input, ctx) => savePickingRule(ctx, input.requirePicking),
};
