/** The returns area's API (销售退货): names, zod inputs and DTO types. Runtime-neutral. */
import { z } from 'zod';
import { method } from '../../api/method';
import { pageFields, type Page } from '../../api/paging';
import { isoDate, optionalText } from '../customers/customers.rules';
import { RETURN_DISPOSITIONS, type CreditNoteRequestStatus, type ReturnDisposition, type ReturnStatus } from './returns.dto';

const id = z.string().uuid('Not a valid id');

export interface ReturnLine {
  id: string;
  orderLineId: string;
  orderLineNo: number;
  productId: string;
  productCode: string;
  productName: string;
  quantity: number;
  disposition: ReturnDisposition;
  net: number;
  tax: number;
  gross: number;
  serials: string[];
}

export interface ReturnListRow {
  id: string;
  returnNo: string;
  salesOrderId: string;
  orderNo: string;
  customerId: string;
  customerName: string;
  status: ReturnStatus;
  returnDate: string;
  reason: string;
  totalGross: number;
}

export interface SalesReturn extends ReturnListRow {
  warehouseId: string;
  warehouseName: string;
  notes: string | null;
  totalNet: number;
  totalTax: number;
  lines: ReturnLine[];
  /** What receivables turns into a credit note (红字发票 / 退款). */
  creditNoteRequest: { id: string; status: CreditNoteRequestStatus; totalGross: number } | null;
}

export const returnCreateInput = z
  .object({
    salesOrderId: id,
    /** Where restocked goods go: the order's warehouse when not given. */
    warehouseId: id.optional(),
    returnDate: isoDate.optional(),
    reason: z.string().trim().min(1, 'Say why the goods came back').max(300, 'At most 300 characters'),
    notes: optionalText(500),
    lines: z
      .array(
        z
          .object({
            orderLineId: id,
            quantity: z.number().int('A whole quantity').min(1).max(1_000_000_000),
            disposition: z.enum(RETURN_DISPOSITIONS),
            serials: z.array(z.string().trim().min(1).max(64)).max(10_000).default([]),
          })
          .strict(),
      )
      .min(1)
      .max(500),
  })
  .strict();

export const returnListInput = z.object({ ...pageFields, salesOrderId: id.optional(), q: z.string().trim().max(60).optional() }).strict();

export type ReturnCreateInput = z.input<typeof returnCreateInput>;

export const returnsContract = {
  'returns.list': method<Page<ReturnListRow>>()({ input: returnListInput, permission: 'returns.read', mutates: false }),
  'returns.get': method<SalesReturn>()({ input: z.object({ id }).strict(), permission: 'returns.read', mutates: false }),
  /** Goods back against delivered order lines: into stock or scrapped, and a credit-note request for receivables. */
  'returns.create': method<SalesReturn>()({ input: returnCreateInput, permission: 'returns.write', mutates: true, changes: ['returns', 'orders', 'stock'] }),
};
