import type { ChartAccount, ChartOfAccounts, PeriodMonth, PeriodStatus, Voucher } from '../../../src-main/domain/vouchers/vouchers.dto';

/** An invoice voucher as the backend derives it: Dr 1122 with the customer, Cr 6001 and Cr 22210102. */
export function anInvoiceVoucher(number: number, gross: number, date = '2026-10-08'): Voucher {
  const tax = Math.round((gross * 13) / 113);
  const summary = `销售发票 INV-2026-00000${number} 南京博雅食品有限公司`;
  const line = (lineNo: number, accountCode: string, accountName: string, debit: number, credit: number, customer: boolean) => ({
    lineNo,
    summary,
    accountCode,
    accountName,
    debit,
    credit,
    customerCode: customer ? 'C000123' : null,
    customerName: customer ? '南京博雅食品有限公司' : null,
  });
  return {
    date,
    period: date.slice(0, 7),
    word: '记',
    number,
    source: 'invoice',
    documentNo: `INV-2026-00000${number}`,
    reversal: false,
    summary,
    lines: [line(1, '1122', '应收账款', gross, 0, true), line(2, '6001', '主营业务收入', 0, gross - tax, false), line(3, '22210102', '应交税费—应交增值税（销项税额）', 0, tax, false)],
  };
}

const account = (code: string, name: string, parentCode: string | null, extra: Partial<ChartAccount> = {}): ChartAccount => ({
  code,
  name,
  parentCode,
  leaf: true,
  kind: 'asset',
  customerAuxiliary: false,
  ...extra,
});

export function aChart(): ChartOfAccounts {
  return {
    accounts: [
      account('1002', '银行存款', null),
      account('1122', '应收账款', null, { customerAuxiliary: true }),
      account('2221', '应交税费', null, { leaf: false, kind: 'liability' }),
      account('222101', '应交税费—应交增值税', '2221', { leaf: false, kind: 'liability' }),
      account('22210102', '应交税费—应交增值税（销项税额）', '222101', { kind: 'liability' }),
      account('6001', '主营业务收入', null, { kind: 'profit_loss' }),
    ],
    mapping: {
      receivable: '1122',
      revenue: '6001',
      output_vat: '22210102',
      bank: '1002',
      cash: '1002',
      wechat: '1002',
      alipay: '1002',
      acceptance_bill: '1002',
      cost_of_sales: '6001',
      inventory: '1002',
      writeoff: '6001',
    },
  };
}

/** Months newest first from 2026-11, closed through `closedThrough`. */
export function aPeriodStatus(closedThrough: string | null): PeriodStatus {
  const months: PeriodMonth[] = ['2026-11', '2026-10', '2026-09', '2026-08'].map((period) => {
    const closed = closedThrough !== null && period <= closedThrough;
    return { period, closed, closedBy: closed ? '李会计' : null, closedAt: closed ? '2026-10-02T02:00:00.000Z' : null };
  });
  return {
    closedThrough,
    firstOpen: closedThrough ? (closedThrough === '2026-09' ? '2026-10' : '2026-11') : null,
    months,
    events: closedThrough ? [{ id: 'e1', action: 'close', period: closedThrough, closedThrough, reason: null, username: '李会计', at: '2026-10-02T02:00:00.000Z' }] : [],
  };
}
