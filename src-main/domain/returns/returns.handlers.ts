import type { HandlersFor } from '../area';
import type { returnsContract } from './returns.contract';
import { getReturn, listReturns } from './returns.read';
import { createReturn } from './returns.service';

export const returnsHandlers: HandlersFor<typeof returnsContract> = {
  'returns.list': async (input, ctx) => listReturns(ctx.sqlite, input),
  'returns.get': async (input, ctx) => getReturn(ctx.sqlite, input.id),
  'returns.create': async (input, ctx) => createReturn(ctx, input),
};
