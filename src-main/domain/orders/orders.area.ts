import { defineArea } from '../area';
import { ORDER_CHECKS } from './orders.checks';
import { ordersContract } from './orders.contract';
import { findOrdersForPalette, ORDER_TIMELINE_SOURCES, orderFigures } from './orders.customer';
import { ordersHandlers } from './orders.handlers';
import { ORDER_SERIES } from './orders.kind';
import { printableOrderByRef } from './orders.printable';
import { seedSales } from './orders.seed';
import { ORDER_WORKBENCH_CARDS } from './orders.workbench';
import { assertDocumentVisible } from '../customers/customers.scope';

/** 销售订单: orders with the credit check, approval rules and inbox, stock reserved on confirmation. */
export const ordersArea = defineArea({
  name: 'orders',
  contract: ordersContract,
  handlers: ordersHandlers,
  permissions: {
    'sales.read': ['owner', 'manager', 'sales', 'warehouse', 'accountant'],
    'sales.write': ['owner', 'manager', 'sales'],
    'sales.approve': ['owner', 'manager'],
    'sales.overridePrice': ['owner', 'manager'],
  },
  series: [ORDER_SERIES],
  checks: ORDER_CHECKS,
  customerTimeline: ORDER_TIMELINE_SOURCES,
  customerFigures: [orderFigures],
  finders: [findOrdersForPalette],
  workbenchCards: ORDER_WORKBENCH_CARDS,
  printables: [
    {
      kind: 'order_confirmation',
      aliases: ['order'],
      permission: 'sales.read',
      async load(ctx, ref) {
        // An order of a customer outside the caller's data scope prints as if it did not exist.
        const order = await ctx.db.selectFrom('sales_orders').select('customer_id').where((eb) => eb.or([eb('id', '=', ref), eb('order_no', '=', ref)])).executeTakeFirst();
        await assertDocumentVisible(ctx, 'Order', ref, order?.customer_id);
        return printableOrderByRef(ctx.sqlite, ref);
      },
    },
  ],
  // After customers (10) and leads (20): ten orders a customer over the past year, with quotes, deliveries and returns.
  seed: { order: 60, run: (conn, { random, staffIds, asOf }) => seedSales(conn, { random, staffIds, asOf }).orders },
});
