/**
 * The vouchers area's API: the chart of accounts and its mapping, vouchers (记账凭证) of a period
 * and their export for Kingdee, Yonyou, CSV or hledger, and the period lock (结账). Runtime-neutral.
 */
import { z } from 'zod';
import { method } from '../../api/method';
import { jobIdField, pageFields, type Page } from '../../api/paging';
import { isoDate } from '../customers/customers.rules';
import {
  ACCOUNT_ROLES,
  ACCOUNTING_STANDARDS,
  type ChartOfAccounts,
  type PeriodStatus,
  type PeriodSummary,
  type Voucher,
  type VoucherExport,
  type VoucherFile,
  VOUCHER_FORMATS,
} from './vouchers.dto';

const accountCode = z.string().trim().regex(/^\d{4,20}$/, 'An account code is 4 to 20 digits');
const period = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'A month as YYYY-MM');

/** A span of business dates, at most a year, so one export is one period's worth. */
const dateSpan = z
  .object({ from: isoDate, to: isoDate })
  .strict()
  .refine((span) => span.to >= span.from, { path: ['to'], message: 'The end comes before the start' });

export const voucherExportInput = z
  .object({
    from: isoDate,
    to: isoDate,
    format: z.enum(VOUCHER_FORMATS),
    /** Exporting dates already exported is refused unless the accountant confirms it. */
    repeat: z.boolean().default(false),
    /** Names the export for its progress events and for `jobs.cancel`. */
    jobId: jobIdField,
  })
  .strict()
  .refine((span) => span.to >= span.from, { path: ['to'], message: 'The end comes before the start' });

export const vouchersContract = {
  'vouchers.chart': method<ChartOfAccounts>()({ input: z.object({}).strict(), permission: 'vouchers.read', mutates: false }),
  'vouchers.saveAccount': method<ChartOfAccounts>()({
    input: z.object({ code: accountCode, name: z.string().trim().min(1).max(60), parentCode: accountCode.nullable().default(null) }).strict(),
    permission: 'vouchers.manage',
    mutates: true,
  }),
  'vouchers.setMapping': method<ChartOfAccounts>()({
    input: z.object({ role: z.enum(ACCOUNT_ROLES), accountCode }).strict(),
    permission: 'vouchers.manage',
    mutates: true,
  }),
  'vouchers.applyStandard': method<ChartOfAccounts>()({
    input: z.object({ standard: z.enum(ACCOUNTING_STANDARDS) }).strict(),
    permission: 'vouchers.manage',
    mutates: true,
  }),
  'vouchers.list': method<Page<Voucher>>()({ input: dateSpan.innerType().extend(pageFields).strict(), permission: 'vouchers.read', mutates: false }),
  'vouchers.export': method<VoucherFile>()({ input: voucherExportInput, permission: 'vouchers.export', mutates: true, publishesAtEnd: true }),
  'vouchers.exportHistory': method<Page<VoucherExport>>()({ input: z.object({ ...pageFields }).strict(), permission: 'vouchers.read', mutates: false }),
  'vouchers.periods': method<PeriodStatus>()({ input: z.object({}).strict(), permission: 'vouchers.read', mutates: false }),
  'vouchers.periodSummary': method<PeriodSummary>()({ input: z.object({ period }).strict(), permission: 'vouchers.read', mutates: false }),
  'vouchers.closePeriod': method<PeriodStatus>()({ input: z.object({ period }).strict(), permission: 'vouchers.closePeriod', mutates: true }),
  'vouchers.reopenPeriod': method<PeriodStatus>()({
    input: z.object({ period, reason: z.string().trim().min(1).max(200) }).strict(),
    permission: 'vouchers.reopenPeriod',
    mutates: true,
  }),
};
