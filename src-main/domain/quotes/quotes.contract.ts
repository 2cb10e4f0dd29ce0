/** The quotations area's API (报价单): names, zod inputs and DTO types. Runtime-neutral. */
import { z } from 'zod';
import { method } from '../../api/method';
import { pageFields, type Page } from '../../api/paging';
import { isoDate, optionalText } from '../customers/customers.rules';
import type { Order } from '../orders/orders.dto';
import { salesLineInput } from '../orders/orders.contract';
import { QUOTE_STATUSES, type QuoteStatus } from './quotes.dto';

const id = z.string().uuid('Not a valid id');

export interface QuoteLine {
  id: string;
  lineNo: number;
  productId: string;
  productCode: string;
  productName: string;
  spec: string | null;
  description: string | null;
  /** Base units. */
  quantity: number;
  unit: string;
  unitFactor: number;
  unitPrice: number;
  discountBp: number;
  vatRate: number;
  net: number;
  tax: number;
  gross: number;
}

export interface QuoteListRow {
  id: string;
  quoteNo: string;
  customerId: string;
  customerName: string;
  status: QuoteStatus;
  quoteDate: string;
  validUntil: string;
  totalGross: number;
  currency: string;
  salesOrderId: string | null;
  orderNo: string | null;
}

export interface Quote extends QuoteListRow {
  taxInclusive: boolean;
  totalNet: number;
  totalTax: number;
  notes: string | null;
  ownerUserId: string | null;
  lines: QuoteLine[];
}

const quoteFields = {
  customerId: id,
  quoteDate: isoDate.optional(),
  /** 30 days after the quote date when not given. */
  validUntil: isoDate.optional(),
  taxInclusive: z.boolean().optional(),
  notes: optionalText(2000),
  lines: z.array(salesLineInput).min(1).max(500),
};

export const quoteCreateInput = z.object(quoteFields).strict();
export const quoteUpdateInput = z.object(quoteFields).partial().extend({ id }).strict();
export const quoteListInput = z.object({ ...pageFields, status: z.enum(QUOTE_STATUSES).optional(), customerId: id.optional(), q: z.string().trim().max(60).optional() }).strict();

export type QuoteCreateInput = z.input<typeof quoteCreateInput>;

const byId = z.object({ id }).strict();

export const quotesContract = {
  'quotes.list': method<Page<QuoteListRow>>()({ input: quoteListInput, permission: 'sales.read', mutates: false }),
  'quotes.get': method<Quote>()({ input: byId, permission: 'sales.read', mutates: false }),
  /** Lines priced from the customer's price list, as on an order; a typed price needs sales.overridePrice. */
  'quotes.create': method<Quote>()({ input: quoteCreateInput, permission: 'sales.write', mutates: true }),
  /** A draft's price sent back with its product and unit stands, though the list has changed since; a newly typed one needs sales.overridePrice. */
  'quotes.update': method<Quote>()({ input: quoteUpdateInput, permission: 'sales.write', mutates: true }),
  'quotes.send': method<Quote>()({ input: byId, permission: 'sales.write', mutates: true }),
  'quotes.accept': method<Quote>()({ input: byId, permission: 'sales.write', mutates: true }),
  'quotes.reject': method<Quote>()({ input: byId, permission: 'sales.write', mutates: true }),
  /** A draft order at the quoted prices, linked both ways; an expired quote is refused. */
  'quotes.convert': method<Order>()({ input: byId, permission: 'sales.write', mutates: true, changes: ['quotes', 'orders'] }),
  /** Daily: quotes past their validity that nobody answered become expired. */
  'quotes.markExpired': method<{ expired: number; asOf: string }>()({ input: z.object({ asOf: isoDate.optional() }).strict(), permission: 'sales.write', mutates: true }),
};
