import { documentKind } from '../core/document';
import type { SeriesDefinition } from '../core/numbering';
import type { OrderStatus } from './orders.dto';

/** SO-2026-000123: issued when an order leaves draft, for a manager or confirmed at once. */
export const ORDER_SERIES: SeriesDefinition = { code: 'sales_order', prefix: 'SO', perYear: true, padding: 6 };

/**
 * The sales order's status machine. A rejected order goes back to draft for the salesperson to
 * change and submit again (it keeps its number); delivered quantities move it through partly
 * delivered to delivered; its invoices move it on to invoiced and paid, and a reversed invoice or
 * payment back (orders.status.ts followInvoices); closing short releases what is still reserved.
 * Only a draft's content can change.
 */
export const ORDER_KIND = documentKind<OrderStatus>({
  kind: 'sales_order',
  table: 'sales_orders',
  series: ORDER_SERIES,
  transitions: {
    draft: ['pending_approval', 'confirmed', 'cancelled'],
    pending_approval: ['confirmed', 'draft', 'cancelled'],
    confirmed: ['partly_delivered', 'delivered', 'cancelled'],
    partly_delivered: ['delivered', 'closed'],
    delivered: ['invoiced', 'closed'],
    invoiced: ['paid', 'delivered', 'closed'],
    paid: ['invoiced', 'closed'],
    closed: [],
    cancelled: [],
  },
  frozenIn: ['pending_approval', 'confirmed', 'partly_delivered', 'delivered', 'invoiced', 'paid', 'closed', 'cancelled'],
  // The number comes with leaving draft either way (to a manager or confirmed); orders.status.ts takes it.
  numberedIn: 'confirmed',
});

/** Reservations and stock moves name the order line under this document type. */
export const ORDER_DOCUMENT_TYPE = 'sales_order';
