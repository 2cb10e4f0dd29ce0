import type { HandlersFor } from '../area';
import type { purchasingContract } from './purchasing.contract';
import { createOrder, earliestIncomingDate, getOrder, listOrders, setOrderStatus } from './purchasing.orders';
import { receiveGoods } from './purchasing.receiving';
import { dismissRequest, listReplenishment, orderReplenishment } from './purchasing.replenishment';
import { createSupplier, getSupplier, listSuppliers, setSupplierStatus, updateSupplier } from './purchasing.suppliers';

export const purchasingHandlers: HandlersFor<typeof purchasingContract> = {
  'purchasing.listSuppliers': (input, ctx) => listSuppliers(ctx.db, input),
  'purchasing.getSupplier': (input, ctx) => getSupplier(ctx.db, input.id),
  'purchasing.createSupplier': (input, ctx) => createSupplier(ctx, input),
  'purchasing.updateSupplier': (input, ctx) => updateSupplier(ctx, input),
  'purchasing.setSupplierStatus': (input, ctx) => setSupplierStatus(ctx, input.id, input.status),

  'purchasing.listOrders': (input, ctx) => listOrders(ctx.db, input),
  'purchasing.getOrder': (input, ctx) => getOrder(ctx.db, input.id),
  'purchasing.createOrder': (input, ctx) => createOrder(ctx, input),
  'purchasing.confirmOrder': (input, ctx) => setOrderStatus(ctx, input.id, 'confirmed'),
  'purchasing.cancelOrder': (input, ctx) => setOrderStatus(ctx, input.id, 'cancelled'),
  'purchasing.receive': (input, ctx) => receiveGoods(ctx, input),

  'purchasing.replenishment': (input, ctx) => listReplenishment(ctx.db, input),
  'purchasing.orderReplenishment': (input, ctx) => orderReplenishment(ctx, input),
  'purchasing.dismissRequest': async (input, ctx) => dismissRequest(ctx, input.id),
  'purchasing.earliestIncoming': async (input, ctx) => ({ date: await earliestIncomingDate(ctx.db, input.productId, input.warehouseId) }),
};
