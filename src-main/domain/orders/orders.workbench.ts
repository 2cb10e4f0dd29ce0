/**
 * The sales orders card on the workbench (销售订单): orders waiting for a manager, orders still to
 * deliver and those of them past their promised date, and this month's orders with what they come
 * to. Each figure is counted by the order list's own conditions (orderTotals) with the filters its
 * link opens the list with, so the figure equals that list's total.
 */
import type { WorkbenchCardSource } from '../area';
import { monthStart } from '../core/dates';
import type { WorkbenchFigure } from '../workbench/workbench.contract';
import type { OrderListFilters } from './orders.contract';
import { OPEN_STATUSES, ORDER_STATUSES, type OrderStatus } from './orders.dto';
import { orderTotals } from './orders.list';

/** Confirmed and not yet wholly delivered. */
const TO_DELIVER: OrderStatus[] = OPEN_STATUSES.filter((s) => s !== 'pending_approval');
/** Submitted this month and not cancelled or still a draft: the orders the month took. */
const TAKEN: OrderStatus[] = ORDER_STATUSES.filter((s) => s !== 'draft' && s !== 'cancelled');

const orders: WorkbenchCardSource = {
  key: 'orders',
  permission: 'sales.read',
  async load(ctx, scope) {
    const dataScope = await ctx.dataScope();
    const asked: [key: string, filters: OrderListFilters][] = [
      ['pendingApproval', { status: ['pending_approval'] }],
      ['toDeliver', { status: TO_DELIVER }],
      ['lateDeliveries', { status: TO_DELIVER, promisedBefore: scope.today }],
      ['ordersThisMonth', { status: TAKEN, from: monthStart(scope.today), to: scope.today }],
    ];
    const figures: WorkbenchFigure[] = await Promise.all(
      asked.map(async ([key, filters]) => {
        const { count, amount } = await orderTotals(ctx.db, { filters }, scope.today, dataScope);
        return { key, count, amount, link: { path: '/orders', method: 'orders.list', filters } };
      }),
    );
    return { key: 'orders', figures };
  },
};

export const ORDER_WORKBENCH_CARDS: WorkbenchCardSource[] = [orders];
