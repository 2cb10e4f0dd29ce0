import { defineArea } from '../area';
import { CREDIT_HOLD_TIMELINE } from './credit-hold';
import { dunningContract } from './dunning.contract';
import { dunningHandlers } from './dunning.handlers';
import { REMINDER_TIMELINE } from './dunning.reminders';
import { DUNNING_WORKBENCH_CARDS } from './dunning.workbench';

/**
 * 催收 and 信用冻结: reminder levels and templates, the reminders raised daily for the customer's
 * owner, e-mail through the company's SMTP server, and the credit hold the sales credit check reads.
 */
export const dunningArea = defineArea({
  name: 'dunning',
  contract: dunningContract,
  handlers: dunningHandlers,
  permissions: {
    'dunning.read': ['owner', 'manager', 'accountant', 'sales'],
    // Salespeople chase their own customers; dispatching the whole queue is for managers and accounts.
    'dunning.work': ['owner', 'manager', 'accountant', 'sales'],
    'dunning.manage': ['owner', 'manager', 'accountant'],
    // Stopping or restoring a customer's credit is a manager's decision.
    'dunning.hold': ['owner', 'manager'],
  },
  customerTimeline: [CREDIT_HOLD_TIMELINE, REMINDER_TIMELINE],
  workbenchCards: DUNNING_WORKBENCH_CARDS,
  dailyJobs: ['dunning.run'],
});
