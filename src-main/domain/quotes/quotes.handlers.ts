import type { HandlersFor } from '../area';
import type { HandlerContext } from '../context';
import { assertCustomerVisible, assertDocumentVisible } from '../customers/customers.scope';
import type { quotesContract } from './quotes.contract';
import { getQuote, listQuotes } from './quotes.read';
import { convertQuote, createQuote, markExpiredQuotes, moveQuote, updateQuote } from './quotes.service';

/** A quote to a customer outside the caller's data scope answers as if it did not exist. */
async function visibleQuote(ctx: HandlerContext, id: string) {
  const quote = getQuote(ctx.sqlite, id);
  await assertDocumentVisible(ctx, 'Quote', id, quote.customerId);
  return quote;
}

export const quotesHandlers: HandlersFor<typeof quotesContract> = {
  'quotes.list': async (input, ctx) => listQuotes(ctx.sqlite, input, await ctx.dataScope()),
  'quotes.get': (input, ctx) => visibleQuote(ctx, input.id),
  'quotes.create': async (input, ctx) => (await assertCustomerVisible(ctx, input.customerId), createQuote(ctx, input)),
  'quotes.update': async (input, ctx) => (await visibleQuote(ctx, input.id), updateQuote(ctx, input)),
  'quotes.send': async (input, ctx) => (await visibleQuote(ctx, input.id), moveQuote(ctx, input.id, 'sent')),
  'quotes.accept': async (input, ctx) => (await visibleQuote(ctx, input.id), moveQuote(ctx, input.id, 'accepted')),
  'quotes.reject': async (input, ctx) => (await visibleQuote(ctx, input.id), moveQuote(ctx, input.id, 'rejected')),
  'quotes.convert': async (input, ctx) => (await visibleQuote(ctx, input.id), convertQuote(ctx, input.id)),
  'quotes.markExpired': async (input, ctx) => markExpiredQuotes(ctx, input.asOf),
};
