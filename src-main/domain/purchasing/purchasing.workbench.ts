/**
 * The purchasing card on the workbench (采购与补货): goods below their safety stock waiting to be
 * bought, purchase orders still to arrive and those of them past their expected date. Each figure
 * is what the list its link opens counts: the replenishment list itself, the purchase orders by the
 * list's own conditions (purchaseOrderTotals) with the filters the link opens it with.
 */
import type { WorkbenchCardSource } from '../area';
import type { WorkbenchFigure } from '../workbench/workbench.contract';
import { purchaseOrderTotals } from './purchasing.orders';
import { listReplenishment } from './purchasing.replenishment';

const purchasing: WorkbenchCardSource = {
  key: 'purchasing',
  permission: 'purchasing.read',
  async load(ctx, scope) {
    const toArrive = { openOnly: true };
    const late = { openOnly: true, expectedBefore: scope.today };
    const [requests, arriving, overdue] = await Promise.all([
      listReplenishment(ctx.db, { page: 1, pageSize: 1 }),
      purchaseOrderTotals(ctx.db, toArrive),
      purchaseOrderTotals(ctx.db, late),
    ]);
    const figures: WorkbenchFigure[] = [
      { key: 'replenishmentOpen', count: requests.total, link: { path: '/purchasing/replenishment', method: 'purchasing.replenishment' } },
      // The purchase order list takes its filters as fields of its own, not under `filters`: no `method` for the generic check.
      { key: 'purchasesToArrive', count: arriving.count, amount: arriving.amount, link: { path: '/purchasing', filters: toArrive } },
      { key: 'latePurchases', count: overdue.count, amount: overdue.amount, link: { path: '/purchasing', filters: late } },
    ];
    return { key: 'purchasing', figures };
  },
};

export const PURCHASING_WORKBENCH_CARDS: WorkbenchCardSource[] = [purchasing];
