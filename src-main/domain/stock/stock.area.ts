import { rolesExcept } from '../../api/permissions';
import { defineArea } from '../area';
import { STOCK_CHECKS } from './stock.checks';
import { stockContract } from './stock.contract';
import { ADJUSTMENT_SERIES, COUNT_SERIES, TRANSFER_SERIES } from './stock.documents';
import { stockHandlers } from './stock.handlers';
import { seedStock } from './stock.seed';

/** 库存: warehouses, the stock ledger, reservations, serial numbers, counts, transfers, replenishment. */
export const stockArea = defineArea({
  name: 'stock',
  contract: stockContract,
  handlers: stockHandlers,
  permissions: {
    'stock.read': rolesExcept(),
    'stock.write': ['owner', 'manager', 'warehouse'],
    'stock.settings': ['owner'],
  },
  series: [ADJUSTMENT_SERIES, TRANSFER_SERIES, COUNT_SERIES],
  checks: STOCK_CHECKS,
  // After the catalog (12), whose products it stocks.
  seed: { order: 30, run: (conn, options) => seedStock(conn, options) },
});
