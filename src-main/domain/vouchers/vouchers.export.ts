/**
 * The export history (凭证导出记录) as a file: who exported which dates in which format, and the
 * vouchers it held. Runtime-neutral.
 */
import type { Locale } from '../auth/auth.contract';
import { columnsWorded, type ExportTable } from '../exports/exports.table';
import type { VoucherExport } from './vouchers.dto';

const WORDS: Record<Locale, { file: string; at: string; user: string; from: string; to: string; format: string; count: string; first: string; last: string; sha: string }> = {
  'zh-CN': { file: '凭证导出记录', at: '导出时间', user: '导出人', from: '起始日期', to: '截止日期', format: '格式', count: '凭证数', first: '首张凭证', last: '末张凭证', sha: '文件校验值' },
  en: { file: 'Voucher exports', at: 'Exported at', user: 'By', from: 'From', to: 'To', format: 'Format', count: 'Vouchers', first: 'First voucher', last: 'Last voucher', sha: 'File SHA-256' },
  'zh-TW': { file: '憑證匯出紀錄', at: '匯出時間', user: '匯出人', from: '起始日期', to: '截止日期', format: '格式', count: '憑證數', first: '首張憑證', last: '末張憑證', sha: '檔案校驗值' },
};

const FORMAT_LABELS = {
  codes: {
    'zh-CN': { kingdee: '金蝶 XLSX', yonyou: '用友 XLSX', csv: 'CSV', hledger: 'hledger' },
    en: { kingdee: 'Kingdee XLSX', yonyou: 'Yonyou XLSX', csv: 'CSV', hledger: 'hledger' },
    'zh-TW': { kingdee: '金蝶 XLSX', yonyou: '用友 XLSX', csv: 'CSV', hledger: 'hledger' },
  },
};

const column = columnsWorded<(typeof WORDS)['en'], VoucherExport>(WORDS);

export const voucherExportHistoryTable: ExportTable<VoucherExport> = {
  name: { machine: 'voucher_exports', 'zh-CN': WORDS['zh-CN'].file, en: WORDS.en.file, 'zh-TW': WORDS['zh-TW'].file },
  columns: [
    column('at', (w) => w.at, 'datetime', (r) => r.at),
    column('username', (w) => w.user, 'text', (r) => r.username),
    column('date_from', (w) => w.from, 'date', (r) => r.dateFrom),
    column('date_to', (w) => w.to, 'date', (r) => r.dateTo),
    column('format', (w) => w.format, FORMAT_LABELS, (r) => r.format),
    column('voucher_count', (w) => w.count, 'number', (r) => r.voucherCount),
    column('first_voucher', (w) => w.first, 'text', (r) => r.firstVoucher),
    column('last_voucher', (w) => w.last, 'text', (r) => r.lastVoucher),
    column('file_sha256', (w) => w.sha, 'text', (r) => r.fileSha256),
  ],
};
