import type { HandlersFor } from '../area';
import type { quotesContract } from './quotes.contract';
import { getQuote, listQuotes } from './quotes.read';
import { convertQuote, createQuote, markExpiredQuotes, moveQuote, updateQuote } from './quotes.service';

export const quotesHandlers: HandlersFor<typeof quotesContract> = {
  'quotes.list': async (input, ctx) => listQuotes(ctx.sqlite, input),
  'quotes.get': async (input, ctx) => getQuote(ctx.sqlite, input.id),
  'quotes.create': (input, ctx) => createQuote(ctx, input),
  'quotes.update': (input, ctx) => updateQuote(ctx, input),
  'quotes.send': async (input, ctx) => moveQuote(ctx, input.id, 'sent'),
  'quotes.accept': async (input, ctx) => moveQuote(ctx, input.id, 'accepted'),
  'quotes.reject': async (input, ctx) => moveQuote(ctx, input.id, 'rejected'),
  'quotes.convert': (input, ctx) => convertQuote(ctx, input.id),
  'quotes.markExpired': async (input, ctx) => markExpiredQuotes(ctx, input.asOf),
};
