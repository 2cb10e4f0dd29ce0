import { defineArea } from '../area';
import { statementsContract } from './statements.contract';
import { statementsHandlers } from './statements.handlers';
import { STATEMENT_PRINTABLES } from './statements.print';
import { STATEMENT_SERIES } from './statements.service';

/**
 * 对账单: statements of account derived from the receivables ledger, sent to the customer and
 * confirmed or disputed; a dispute becomes a task (tasks area) for the customer's owner.
 */
export const statementsArea = defineArea({
  name: 'statements',
  contract: statementsContract,
  handlers: statementsHandlers,
  permissions: {
    // Those who may read receivables may read what was sent to the customer about them.
    'statements.read': ['owner', 'manager', 'accountant', 'sales'],
    'statements.write': ['owner', 'manager', 'accountant'],
  },
  series: [STATEMENT_SERIES],
  printables: STATEMENT_PRINTABLES,
});
