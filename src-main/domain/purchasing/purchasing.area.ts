import { defineArea } from '../area';
import { purchasingContract } from './purchasing.contract';
import { purchasingHandlers } from './purchasing.handlers';
import { PURCHASE_ORDER_SERIES } from './purchasing.orders';
import { GOODS_RECEIPT_SERIES } from './purchasing.receiving';
import { PURCHASING_WORKBENCH_CARDS } from './purchasing.workbench';

/** 采购: suppliers, purchase orders and receiving, and turning replenishment requests into orders. */
export const purchasingArea = defineArea({
  name: 'purchasing',
  contract: purchasingContract,
  handlers: purchasingHandlers,
  permissions: {
    'purchasing.read': ['owner', 'manager', 'warehouse', 'accountant'],
    'purchasing.write': ['owner', 'manager', 'warehouse'],
  },
  series: [PURCHASE_ORDER_SERIES, GOODS_RECEIPT_SERIES],
  workbenchCards: PURCHASING_WORKBENCH_CARDS,
});
