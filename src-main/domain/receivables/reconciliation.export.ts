/**
 * The reconciliation (对账单) as a file: the opening balance, the period's postings with what was
 * owed after each, the closing balance, as the screen's ledger shows them. Runtime-neutral.
 */
import type { Locale } from '../auth/auth.contract';
import { codeLabels, columnsWorded, localised, type ExportTable } from '../exports/exports.table';
import type { Reconciliation, ReconciliationEntryKind } from './receivables.dto';

type LineKind = 'opening' | 'closing' | ReconciliationEntryKind | `reversal_${ReconciliationEntryKind}`;

export interface ReconciliationExportRow {
  date: string;
  kind: LineKind;
  number: string | null;
  invoiceNo: string | null;
  amount: number | null;
  change: number | null;
  balance: number;
  reason: string | null;
}

const KINDS = {
  'zh-CN': { invoice: '发票', credit_note: '红字发票', receipt: '收款', allocation: '核销', writeoff: '尾差核销', refund: '退款' },
  en: { invoice: 'Invoice', credit_note: 'Credit note', receipt: 'Receipt', allocation: 'Allocation', writeoff: 'Write-off', refund: 'Refund' },
  'zh-TW': { invoice: '發票', credit_note: '折讓單', receipt: '收款', allocation: '沖帳', writeoff: '尾差沖帳', refund: '退款' },
} satisfies Record<Locale, Record<ReconciliationEntryKind, string>>;

const REVERSAL = { 'zh-CN': (kind: string) => `冲销 · ${kind}`, en: (kind: string) => `Reversal · ${kind}`, 'zh-TW': (kind: string) => `沖銷 · ${kind}` } satisfies Record<Locale, (kind: string) => string>;

function kindWords(language: Locale, opening: string, closing: string): Record<LineKind, string> {
  const kinds = Object.entries(KINDS[language]);
  return Object.fromEntries([['opening', opening], ['closing', closing], ...kinds, ...kinds.map(([code, label]) => [`reversal_${code}`, REVERSAL[language](label)])]) as Record<LineKind, string>;
}

export const RECONCILIATION_EXPORT_WORDS = {
  'zh-CN': {
    file: '对账单',
    field: { date: '日期', kind: '摘要', number: '单号', invoiceNo: '核销发票', amount: '金额', change: '应收增减', balance: '余额', reason: '原因' },
    kind: kindWords('zh-CN', '期初余额', '期末余额'),
  },
  en: {
    file: 'Statement of account',
    field: { date: 'Date', kind: 'Entry', number: 'Number', invoiceNo: 'Invoice', amount: 'Amount', change: 'Change in amount owed', balance: 'Balance', reason: 'Reason' },
    kind: kindWords('en', 'Opening balance', 'Closing balance'),
  },
  'zh-TW': {
    file: '對帳單',
    field: { date: '日期', kind: '摘要', number: '單號', invoiceNo: '沖帳發票', amount: '金額', change: '應收增減', balance: '餘額', reason: '原因' },
    kind: kindWords('zh-TW', '期初餘額', '期末餘額'),
  },
} satisfies Record<Locale, { file: string; field: Record<string, string>; kind: Record<LineKind, string> }>;

const column = columnsWorded<(typeof RECONCILIATION_EXPORT_WORDS)['zh-CN'], ReconciliationExportRow>(RECONCILIATION_EXPORT_WORDS);

export const reconciliationExportTable: ExportTable<ReconciliationExportRow> = {
  name: { machine: 'reconciliation', ...localised(RECONCILIATION_EXPORT_WORDS, (w) => w.file) },
  columns: [
    column('date', (w) => w.field.date, 'date', (r) => r.date),
    column('kind', (w) => w.field.kind, codeLabels(RECONCILIATION_EXPORT_WORDS, (w) => w.kind), (r) => r.kind),
    column('number', (w) => w.field.number, 'text', (r) => r.number),
    column('invoice_no', (w) => w.field.invoiceNo, 'text', (r) => r.invoiceNo),
    column('amount', (w) => w.field.amount, 'money', (r) => r.amount),
    column('change', (w) => w.field.change, 'money', (r) => r.change),
    column('balance', (w) => w.field.balance, 'money', (r) => r.balance),
    column('reason', (w) => w.field.reason, 'text', (r) => r.reason),
  ],
};

/** The ledger's lines between its opening balance (dated the first day) and its closing balance (the last). */
export function reconciliationExportRows(report: Reconciliation): ReconciliationExportRow[] {
  const edge = (kind: 'opening' | 'closing', date: string, balance: number): ReconciliationExportRow => ({ date, kind, number: null, invoiceNo: null, amount: null, change: null, balance, reason: null });
  return [
    edge('opening', report.from, report.openingBalance),
    ...report.entries.map((e): ReconciliationExportRow => ({
      date: e.date,
      kind: e.reversal ? `reversal_${e.kind}` : e.kind,
      number: e.number,
      invoiceNo: e.invoiceNo,
      amount: e.amount,
      change: e.change,
      balance: e.balance,
      reason: e.reason,
    })),
    edge('closing', report.to, report.closingBalance),
  ];
}
