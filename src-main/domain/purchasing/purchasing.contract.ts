/**
 * The purchasing area's API (采购): suppliers, purchase orders with receiving, and the
 * replenishment requests the stock ledger raises, turned into purchase orders by supplier.
 * Runtime-neutral; the renderer imports it.
 */
import { z } from 'zod';
import { method } from '../../api/method';
import { pageFields, type Page } from '../../api/paging';
import { emailField, isoDate, mobileField, optionalText, phoneField } from '../customers/customers.rules';
import { quantityField, serialsField } from '../stock/stock.contract';
import { PURCHASE_ORDER_STATUSES, SUPPLIER_STATUSES, type PurchaseOrder, type PurchaseOrderRow, type ReplenishmentRow, type Supplier } from './purchasing.dto';

const id = z.string().uuid('Not a valid id');
const fen = z.number().int('Money is whole fen').min(0).max(1e11);
const days = z.number().int().min(0).max(365);

const supplierFields = {
  code: z
    .string()
    .trim()
    .min(1)
    .max(20)
    .regex(/^[A-Za-z0-9_-]+$/, 'Letters, digits, - and _')
    .transform((code) => code.toUpperCase()),
  name: z.string().trim().min(1).max(100),
  contactName: optionalText(50),
  mobile: mobileField,
  phone: phoneField,
  email: emailField,
  address: optionalText(200),
  paymentTermsDays: days.optional(),
  leadTimeDays: days.optional(),
  notes: optionalText(500),
};

export const createPurchaseOrderInput = z
  .object({
    supplierId: id,
    warehouseId: id,
    orderDate: isoDate.optional(),
    /** When the goods are due; lines may have their own. */
    expectedDate: isoDate.optional(),
    /** Whether unit prices include VAT (含税价), as Chinese suppliers usually quote. */
    taxInclusive: z.boolean().default(true),
    notes: optionalText(500),
    lines: z
      .array(z.object({ productId: id, quantity: quantityField, unitPrice: fen, expectedDate: isoDate.optional() }).strict())
      .min(1)
      .max(500),
  })
  .strict();

export const receiveInput = z
  .object({
    /** The purchase order. */
    id,
    receiptDate: isoDate.optional(),
    notes: optionalText(500),
    lines: z.array(z.object({ lineId: id, quantity: quantityField, serials: serialsField }).strict()).min(1).max(500),
  })
  .strict();

export const orderReplenishmentInput = z
  .object({
    requests: z
      .array(
        z
          .object({
            id,
            /** Overrides the product's preferred supplier; required when it has none. */
            supplierId: id.optional(),
            quantity: quantityField.optional(),
          })
          .strict(),
      )
      .min(1)
      .max(500),
    expectedDate: isoDate.optional(),
  })
  .strict();

const byId = z.object({ id }).strict();

export type CreatePurchaseOrderInput = z.input<typeof createPurchaseOrderInput>;
export type ReceiveInput = z.input<typeof receiveInput>;

export const purchasingContract = {
  'purchasing.listSuppliers': method<Page<Supplier>>()({
    input: z.object({ q: z.string().trim().max(100).optional(), includeArchived: z.boolean().default(false), ...pageFields }).strict(),
    permission: 'purchasing.read',
    mutates: false,
  }),
  'purchasing.getSupplier': method<Supplier>()({ input: byId, permission: 'purchasing.read', mutates: false }),
  'purchasing.createSupplier': method<Supplier>()({ input: z.object(supplierFields).strict(), permission: 'purchasing.write', mutates: true }),
  'purchasing.updateSupplier': method<Supplier>()({ input: z.object(supplierFields).partial().extend({ id }).strict(), permission: 'purchasing.write', mutates: true }),
  'purchasing.setSupplierStatus': method<Supplier>()({ input: z.object({ id, status: z.enum(SUPPLIER_STATUSES) }).strict(), permission: 'purchasing.write', mutates: true }),

  'purchasing.listOrders': method<Page<PurchaseOrderRow>>()({
    input: z
      .object({
        status: z.enum(PURCHASE_ORDER_STATUSES).optional(),
        /** Confirmed or partly received: what is still to arrive. */
        openOnly: z.boolean().default(false),
        supplierId: id.optional(),
        warehouseId: id.optional(),
        q: z.string().trim().max(50).optional(),
        from: isoDate.optional(),
        to: isoDate.optional(),
        /** Expected before this day (late when still to arrive). */
        expectedBefore: isoDate.optional(),
        ...pageFields,
      })
      .strict(),
    permission: 'purchasing.read',
    mutates: false,
  }),
  'purchasing.getOrder': method<PurchaseOrder>()({ input: byId, permission: 'purchasing.read', mutates: false }),
  /** A draft, numbered PO-year-n at once so the buyer can quote it to the supplier. */
  'purchasing.createOrder': method<PurchaseOrder>()({ input: createPurchaseOrderInput, permission: 'purchasing.write', mutates: true }),
  'purchasing.confirmOrder': method<PurchaseOrder>()({ input: byId, permission: 'purchasing.write', mutates: true, changes: ['purchasing', 'stock'] }),
  /** A draft or a confirmed order nothing has been received on; its replenishment requests open again. */
  'purchasing.cancelOrder': method<PurchaseOrder>()({ input: byId, permission: 'purchasing.write', mutates: true, changes: ['purchasing', 'stock'] }),
  /** 入库: posts a receipt move per line at the line's tax-exclusive cost; partial receipts leave the order open. */
  'purchasing.receive': method<PurchaseOrder>()({ input: receiveInput, permission: 'stock.write', mutates: true, changes: ['purchasing', 'stock'] }),

  'purchasing.replenishment': method<Page<ReplenishmentRow>>()({
    input: z.object({ warehouseId: id.optional(), supplierId: id.optional(), ...pageFields }).strict(),
    permission: 'purchasing.read',
    mutates: false,
  }),
  /** One draft purchase order per supplier and warehouse from the chosen requests, which become ordered. */
  'purchasing.orderReplenishment': method<PurchaseOrderRow[]>()({ input: orderReplenishmentInput, permission: 'purchasing.write', mutates: true, changes: ['purchasing', 'stock'] }),
  'purchasing.dismissRequest': method<{ id: string }>()({ input: byId, permission: 'purchasing.write', mutates: true, changes: ['purchasing', 'stock'] }),
  /** The earliest date goods of a product are due on open purchase orders (a promised date for a short sales order). */
  'purchasing.earliestIncoming': method<{ date: string | null }>()({
    input: z.object({ productId: id, warehouseId: id.optional() }).strict(),
    permission: 'stock.read',
    mutates: false,
  }),
};
