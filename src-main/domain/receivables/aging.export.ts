/**
 * The aging (账龄) as a file: a row per customer with what it owed in each age bucket on the day,
 * as the screen's table shows it. Runtime-neutral. The file for people ends with the totals row;
 * the one for tools holds only the customers' rows.
 */
import type { Locale } from '../auth/auth.contract';
import { columnsWorded, localised, type ExportTable } from '../exports/exports.table';
import { AGING_BUCKETS, type AgingBucketName, type AgingReport, type AgingRow } from './receivables.dto';

export const AGING_EXPORT_WORDS = {
  'zh-CN': {
    file: '应收账龄',
    field: { customerCode: '客户编码', customerName: '客户名称', total: '应收合计' },
    bucket: { not_due: '未到期', '1-30': '1–30 天', '31-60': '31–60 天', '61-90': '61–90 天', '91-180': '91–180 天', over_180: '180 天以上' },
    totalRow: '合计',
  },
  en: {
    file: 'Receivables aging',
    field: { customerCode: 'Customer code', customerName: 'Customer', total: 'Total owed' },
    bucket: { not_due: 'Not due', '1-30': '1–30 days', '31-60': '31–60 days', '61-90': '61–90 days', '91-180': '91–180 days', over_180: 'Over 180 days' },
    totalRow: 'Total',
  },
  'zh-TW': {
    file: '應收帳齡',
    field: { customerCode: '客戶編碼', customerName: '客戶名稱', total: '應收合計' },
    bucket: { not_due: '未到期', '1-30': '1–30 天', '31-60': '31–60 天', '61-90': '61–90 天', '91-180': '91–180 天', over_180: '180 天以上' },
    totalRow: '合計',
  },
} satisfies Record<Locale, { file: string; field: Record<string, string>; bucket: Record<AgingBucketName, string>; totalRow: string }>;

const column = columnsWorded<(typeof AGING_EXPORT_WORDS)['zh-CN'], AgingRow>(AGING_EXPORT_WORDS);

export const agingExportTable: ExportTable<AgingRow> = {
  name: { machine: 'aging', ...localised(AGING_EXPORT_WORDS, (w) => w.file) },
  columns: [
    column('customer_code', (w) => w.field.customerCode, 'text', (r) => r.customer_code),
    column('customer_name', (w) => w.field.customerName, 'text', (r) => r.customer_name),
    ...AGING_BUCKETS.map((b) => column(b.name, (w) => w.bucket[b.name], 'money', (r) => r.by_bucket[b.name] ?? 0)),
    column('total', (w) => w.field.total, 'money', (r) => r.total),
  ],
};

/** The report's rows, and for a person's file its totals as a last row named in the file's language. */
export function agingExportRows(report: AgingReport, language: Locale | null): AgingRow[] {
  if (!language) return report.rows;
  return [...report.rows, { customer_code: '', customer_name: AGING_EXPORT_WORDS[language].totalRow, total: report.totals.total, by_bucket: report.totals.by_bucket }];
}
