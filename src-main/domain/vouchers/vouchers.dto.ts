/**
 * What the vouchers area shows and exchanges: the chart of accounts and its mapping, vouchers
 * (记账凭证), the export log and the period lock. Runtime-neutral; amounts are integer fen.
 */
import type { FileAnswer } from '../../api/result';

/** Where each kind of posting goes; the accountant maps each to a leaf account of the chart. */
export const ACCOUNT_ROLES = [
  'receivable',
  'revenue',
  'output_vat',
  'bank',
  'cash',
  'wechat',
  'alipay',
  'acceptance_bill',
  'cost_of_sales',
  'inventory',
  'writeoff',
] as const;
export type AccountRole = (typeof ACCOUNT_ROLES)[number];

/** 小企业会计准则 / 企业会计准则: the two charts small Chinese companies keep. */
export const ACCOUNTING_STANDARDS = ['small_business', 'enterprise'] as const;
export type AccountingStandard = (typeof ACCOUNTING_STANDARDS)[number];

export const VOUCHER_FORMATS = ['kingdee', 'yonyou', 'csv', 'hledger'] as const;
export type VoucherFormat = (typeof VOUCHER_FORMATS)[number];

/** What a voucher records: an invoice, a receipt, a write-off, a refund, or the cost of a delivery. */
export const VOUCHER_SOURCES = ['invoice', 'credit_note', 'receipt', 'writeoff', 'refund', 'delivery'] as const;
export type VoucherSource = (typeof VOUCHER_SOURCES)[number];

/** The classes of 企业会计准则's chart by a code's first digit (1 资产 … 6 损益), the numbering the defaults follow. */
export const ACCOUNT_KINDS = ['asset', 'liability', 'common', 'equity', 'cost', 'profit_loss'] as const;
export type AccountKind = (typeof ACCOUNT_KINDS)[number];

export interface ChartAccount {
  code: string;
  name: string;
  parentCode: string | null;
  /** Only a leaf (no sub-accounts) carries amounts. */
  leaf: boolean;
  /** Null for a code outside the six classes (starting 0, 7, 8 or 9). */
  kind: AccountKind | null;
  /** Its lines carry the customer as auxiliary item (辅助核算): the account receivables post to. */
  customerAuxiliary: boolean;
}

export interface ChartOfAccounts {
  accounts: ChartAccount[];
  mapping: Record<AccountRole, string>;
}

export interface VoucherLine {
  lineNo: number;
  summary: string;
  accountCode: string;
  accountName: string;
  /** Exactly one of debit and credit is non-zero; a red-ink (红字) line is negative on its usual side. */
  debit: number;
  credit: number;
  /** The auxiliary item (辅助核算) of a receivable line. */
  customerCode: string | null;
  customerName: string | null;
}

export interface Voucher {
  date: string;
  period: string;
  word: '记';
  /** Continuous from 1 within each month. */
  number: number;
  source: VoucherSource;
  /** The document's number (INV-…, SK-…, DN-…). */
  documentNo: string;
  /** A reversal of what was posted before (红字冲销). */
  reversal: boolean;
  summary: string;
  lines: VoucherLine[];
}

export interface VoucherExport {
  id: string;
  dateFrom: string;
  dateTo: string;
  format: VoucherFormat;
  voucherCount: number;
  firstVoucher: string | null;
  lastVoucher: string | null;
  fileSha256: string;
  username: string | null;
  at: string;
}

export interface VoucherFile extends FileAnswer {
  voucherCount: number;
  /** Earlier exports of dates that overlap these (the repeat was confirmed). */
  previousExports: number;
}

export interface PeriodLockEvent {
  id: string;
  action: 'close' | 'reopen';
  period: string;
  closedThrough: string | null;
  reason: string | null;
  username: string | null;
  at: string;
}

/** One month of the books as the close screen lists it. */
export interface PeriodMonth {
  period: string;
  closed: boolean;
  /** Who closed it and when: the latest close that reached this month (null while open). */
  closedBy: string | null;
  closedAt: string | null;
}

export interface PeriodStatus {
  /** The latest closed month, or null while all are open. */
  closedThrough: string | null;
  /** The first month postings may go into. */
  firstOpen: string | null;
  /** The twelve months up to the current one (or the latest closed, if later), newest first. */
  months: PeriodMonth[];
  events: PeriodLockEvent[];
}

/** What closing a month seals: its vouchers and their totals (debits equal credits). */
export interface PeriodSummary {
  period: string;
  voucherCount: number;
  debitTotal: number;
  creditTotal: number;
}
