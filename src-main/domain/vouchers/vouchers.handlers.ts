import type { HandlersFor } from '../area';
import { applyStandard, chartOfAccounts, saveAccount, setMapping } from './chart.service';
import { closePeriod, periodStatus, periodSummary, reopenPeriod } from './periods.service';
import type { vouchersContract } from './vouchers.contract';
import { exportHistory, exportVouchers, voucherPage } from './voucher-files.service';

export const vouchersHandlers: HandlersFor<typeof vouchersContract> = {
  'vouchers.chart': async (_input, ctx) => chartOfAccounts(ctx.sqlite),
  'vouchers.saveAccount': async (input, ctx) => saveAccount(ctx, input),
  'vouchers.setMapping': async (input, ctx) => setMapping(ctx, input),
  'vouchers.applyStandard': async (input, ctx) => applyStandard(ctx, input),
  'vouchers.list': async (input, ctx) => voucherPage(ctx.sqlite, input),
  'vouchers.export': (input, ctx) => exportVouchers(ctx, input),
  'vouchers.exportHistory': async (input, ctx) => exportHistory(ctx.sqlite, input),
  'vouchers.periods': async (_input, ctx) => periodStatus(ctx.sqlite),
  'vouchers.periodSummary': async (input, ctx) => periodSummary(ctx.sqlite, input.period),
  'vouchers.closePeriod': async (input, ctx) => closePeriod(ctx, input),
  'vouchers.reopenPeriod': async (input, ctx) => reopenPeriod(ctx, input),
};
