/**
 * The deliveries area's API (发货单, 拣货): names, zod inputs and DTO types. Runtime-neutral; the
 * renderer imports it.
 */
import { z } from 'zod';
import { method } from '../../api/method';
import { pageFields, type Page } from '../../api/paging';
import { isoDate, optionalText } from '../customers/customers.rules';
import { DELIVERY_STATUSES, type DeliveryStatus } from './deliveries.dto';

const id = z.string().uuid('Not a valid id');

export interface DeliveryLine {
  id: string;
  orderLineId: string;
  orderLineNo: number;
  productId: string;
  productCode: string;
  productName: string;
  spec: string | null;
  barcode: string | null;
  unit: string;
  /** Base units to go out; posting sends this many. */
  quantity: number;
  pickedQuantity: number;
  /** 出库成本 per base unit, the moving average when posted; null before. */
  unitCost: number | null;
  serials: string[];
  isSerialTracked: boolean;
}

export interface DeliveryListRow {
  id: string;
  deliveryNo: string;
  salesOrderId: string;
  orderNo: string;
  customerId: string;
  customerName: string;
  warehouseName: string;
  status: DeliveryStatus;
  deliveryDate: string;
  promisedDate: string | null;
}

export interface Delivery extends DeliveryListRow {
  warehouseId: string;
  shippingAddress: string | null;
  notes: string | null;
  postedAt: string | null;
  /** 销售成本: quantity × unit cost over the lines, once posted. */
  costOfGoods: number | null;
  /** The company posts a delivery only once every line is picked. */
  pickingRequired: boolean;
  lines: DeliveryLine[];
}

export const deliveryCreateInput = z
  .object({
    salesOrderId: id,
    /** The order's warehouse when not given; another one ships from its own stock. */
    warehouseId: id.optional(),
    deliveryDate: isoDate.optional(),
    /** What to send per order line; without it, everything still to go out. */
    lines: z
      .array(z.object({ orderLineId: id, quantity: z.number().int('A whole quantity').min(1).max(1_000_000_000) }).strict())
      .min(1)
      .max(500)
      .optional(),
    notes: optionalText(500),
  })
  .strict();

export const pickInput = z
  .object({
    id,
    /** A scanned barcode or a typed product code. */
    code: z.string().trim().min(1, 'Scan or type a code').max(64),
    quantity: z.number().int().min(1).max(1_000_000).default(1),
    serial: z.string().trim().min(1).max(64).optional(),
  })
  .strict();

export const postInput = z.object({ id, deliveryDate: isoDate.optional() }).strict();

export const deliveryListInput = z
  .object({ ...pageFields, status: z.enum(DELIVERY_STATUSES).optional(), salesOrderId: id.optional(), q: z.string().trim().max(60).optional() })
  .strict();

export type DeliveryCreateInput = z.input<typeof deliveryCreateInput>;

const byId = z.object({ id }).strict();

export const deliveriesContract = {
  'deliveries.list': method<Page<DeliveryListRow>>()({ input: deliveryListInput, permission: 'deliveries.read', mutates: false }),
  'deliveries.get': method<Delivery>()({ input: byId, permission: 'deliveries.read', mutates: false }),
  /** A delivery being picked, for some or all of what a confirmed order still owes. */
  'deliveries.create': method<Delivery>()({ input: deliveryCreateInput, permission: 'deliveries.write', mutates: true, changes: ['deliveries', 'orders'] }),
  /** One scan on the pick screen: a product not on the delivery, or one already picked in full, is refused. */
  'deliveries.pick': method<Delivery>()({ input: pickInput, permission: 'deliveries.write', mutates: true }),
  /** Sends the goods: stock moves out at the moving average (销售成本), the order follows its lines. */
  'deliveries.post': method<Delivery>()({ input: postInput, permission: 'deliveries.write', mutates: true, changes: ['deliveries', 'orders', 'stock'] }),
  'deliveries.cancel': method<Delivery>()({ input: byId, permission: 'deliveries.write', mutates: true, changes: ['deliveries', 'orders'] }),
  /** Whether a delivery is posted only once every line is picked (on unless the company turned it off). */
  'deliveries.pickingRule': method<{ requirePicking: boolean }>()({ input: z.object({}).strict(), permission: 'deliveries.read', mutates: false }),
  'deliveries.savePickingRule': method<{ requirePicking: boolean }>()({ input: z.object({ requirePicking: z.boolean() }).strict(), permission: 'settings.manage', mutates: true }),
};
