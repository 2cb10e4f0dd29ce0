import { defineArea } from '../area';
import { deliveriesContract } from './deliveries.contract';
import { deliveriesHandlers } from './deliveries.handlers';
import { printableDelivery } from './deliveries.printable';
import { DELIVERY_SERIES } from './deliveries.service';
import { DELIVERY_WORKBENCH_CARDS } from './deliveries.workbench';

/** 发货: deliveries for confirmed orders, picked by scanning, posted through the stock ledger with their cost. */
export const deliveriesArea = defineArea({
  name: 'deliveries',
  contract: deliveriesContract,
  handlers: deliveriesHandlers,
  permissions: {
    'deliveries.read': ['owner', 'manager', 'sales', 'warehouse', 'accountant'],
    'deliveries.write': ['owner', 'manager', 'sales', 'warehouse'],
  },
  series: [DELIVERY_SERIES],
  workbenchCards: DELIVERY_WORKBENCH_CARDS,
  printables: [{ kind: 'delivery_note', aliases: ['delivery'], permission: 'deliveries.read', load: (ctx, ref) => printableDelivery(ctx, ref) }],
});
