import type { HandlersFor } from '../area';
import { listRules, removeRule, saveCreditSettings, saveRule } from './orders.approval-rules';
import { confirmOrder } from './orders.confirm';
import type { ordersContract } from './orders.contract';
import { customerSalesSummary } from './orders.customer';
import { approvalInbox, approveOrder, endOrder, myDecisions, rejectOrder } from './orders.decisions';
import { companyFacts, createOrder, updateOrder } from './orders.editing';
import { findOrders, listOrders } from './orders.list';
import { printableOrder } from './orders.printable';
import { lookupProduct } from './orders.lines';
import { getOrder } from './orders.read';
import { checkStock } from './orders.shortages';
import { orderOrFail } from './orders.status';
import { assertCustomerVisible } from '../customers/customers.scope';
import { assertOrderVisible } from './orders.scope';

export const ordersHandlers: HandlersFor<typeof ordersContract> = {
  'orders.list': async (input, ctx) => {
    // Filtering by a customer the caller may not see answers as that customer would: not found.
    if (input.filters.customerId) await assertCustomerVisible(ctx, input.filters.customerId);
    return listOrders(ctx.db, input, companyFacts(ctx.sqlite).today, await ctx.dataScope());
  },
  'orders.get': async (input, ctx) => (await assertOrderVisible(ctx, input.id), getOrder(ctx.sqlite, input.id)),
  'orders.create': async (input, ctx) => (await assertCustomerVisible(ctx, input.customerId), createOrder(ctx, input)),
  'orders.update': async (input, ctx) => (await assertOrderVisible(ctx, input.id), updateOrder(ctx, input)),
  'orders.checkStock': async (input, ctx) => (await assertOrderVisible(ctx, input.id), checkStock(ctx, orderOrFail(ctx.sqlite, input.id))),
  'orders.confirm': async (input, ctx) => (await assertOrderVisible(ctx, input.id), confirmOrder(ctx, input)),
  'orders.place': async (input, ctx) => {
    await assertCustomerVisible(ctx, input.customerId);
    return confirmOrder(ctx, { id: (await createOrder(ctx, input)).id, shortages: [] });
  },
  'orders.cancel': async (input, ctx) => (await assertOrderVisible(ctx, input.id), endOrder(ctx, input, 'cancelled')),
  'orders.close': async (input, ctx) => (await assertOrderVisible(ctx, input.id), endOrder(ctx, input, 'closed')),
  'orders.approve': async (input, ctx) => (await assertOrderVisible(ctx, input.id), approveOrder(ctx, input)),
  'orders.reject': async (input, ctx) => (await assertOrderVisible(ctx, input.id), rejectOrder(ctx, input)),
  'orders.approvalInbox': (input, ctx) => approvalInbox(ctx, input),
  'orders.myDecisions': (input, ctx) => myDecisions(ctx, input.limit),
  'orders.listRules': async (_input, ctx) => listRules(ctx.sqlite),
  'orders.saveRule': async (input, ctx) => saveRule(ctx, input),
  'orders.removeRule': async (input, ctx) => removeRule(ctx, input.id),
  'orders.saveCreditSettings': async (input, ctx) => saveCreditSettings(ctx, input.overdueDaysAllowed),
  'orders.customerSummary': async (input, ctx) => (await assertCustomerVisible(ctx, input.customerId), customerSalesSummary(ctx.db, input.customerId)),
  'orders.find': async (input, ctx) => findOrders(ctx.db, input.q, input.limit, companyFacts(ctx.sqlite).today, await ctx.dataScope()),
  'orders.lookupProduct': (input, ctx) => lookupProduct(ctx, input, companyFacts(ctx.sqlite).today),
  'orders.printable': async (input, ctx) => (await assertOrderVisible(ctx, input.id), printableOrder(ctx.sqlite, input.id)),
};
