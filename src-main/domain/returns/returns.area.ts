import { defineArea } from '../area';
import { returnsContract } from './returns.contract';
import { returnsHandlers } from './returns.handlers';
import { RETURN_SERIES } from './returns.service';

/** 销售退货: returns against delivered order lines, restocked or scrapped, with a credit-note request. */
export const returnsArea = defineArea({
  name: 'returns',
  contract: returnsContract,
  handlers: returnsHandlers,
  permissions: {
    'returns.read': ['owner', 'manager', 'sales', 'warehouse', 'accountant'],
    'returns.write': ['owner', 'manager', 'sales', 'warehouse'],
  },
  series: [RETURN_SERIES],
});
