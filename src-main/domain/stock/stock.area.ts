import { defineArea } from '../area';
import { STOCK_CHECKS } from './stock.checks';

/** 库存: warehouses, the stock ledger, reservations, serial numbers, counts, transfers, replenishment. */
export const stockArea = defineArea({
  name: 'stock',
  contract: {},
  handlers: {},
  checks: STOCK_CHECKS,
});
