import { defineArea } from '../area';
import { quotesContract } from './quotes.contract';
import { quotesHandlers } from './quotes.handlers';
import { QUOTE_SERIES } from './quotes.service';

/** 报价单: quotations priced from the customer's price list, converted into orders; expired ones marked daily. */
export const quotesArea = defineArea({
  name: 'quotes',
  contract: quotesContract,
  handlers: quotesHandlers,
  series: [QUOTE_SERIES],
  dailyJobs: ['quotes.markExpired'],
});
