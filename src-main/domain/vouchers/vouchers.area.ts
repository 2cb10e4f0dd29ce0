import { defineArea } from '../area';
import { vouchersContract } from './vouchers.contract';
import { vouchersHandlers } from './vouchers.handlers';
import { VOUCHER_FILE_TASK, voucherFileOnReader } from './voucher-files.service';

/**
 * 凭证: the chart of accounts and its mapping, vouchers derived from the receivables and the stock
 * ledger, their export for Kingdee / Yonyou / CSV / hledger, and the period lock (结账).
 */
export const vouchersArea = defineArea({
  name: 'vouchers',
  contract: vouchersContract,
  handlers: vouchersHandlers,
  tasks: { [VOUCHER_FILE_TASK]: voucherFileOnReader },
  permissions: {
    'vouchers.read': ['owner', 'manager', 'accountant'],
    'vouchers.manage': ['owner', 'accountant'],
    'vouchers.export': ['owner', 'accountant'],
    'vouchers.closePeriod': ['owner', 'accountant'],
    // Reopening a closed month changes what the accountant already reported: the owner's decision.
    'vouchers.reopenPeriod': ['owner'],
  },
});
