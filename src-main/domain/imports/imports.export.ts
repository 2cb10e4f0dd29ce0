/**
 * 导入记录 as a file: every customer (or product) import, who ran it and when, what it created and
 * updated, and whether it still stands or was cancelled, failed or undone. Runtime-neutral.
 */
import type { Locale } from '../auth/auth.contract';
import { columnsWorded, type ExportTable } from '../exports/exports.table';
import type { CustomerImportRecord, ProductImportRecord } from './imports.contract';

const WORDS: Record<Locale, { file: string; productFile: string; name: string; at: string; user: string; created: string; updated: string; status: string; finished: string; undone: string }> = {
  'zh-CN': { file: '客户导入记录', productFile: '商品导入记录', name: '文件', at: '开始时间', user: '操作人', created: '新建', updated: '更新', status: '状态', finished: '结束时间', undone: '撤销时间' },
  en: { file: 'Customer imports', productFile: 'Product imports', name: 'File', at: 'Started', user: 'By', created: 'Created', updated: 'Updated', status: 'Status', finished: 'Finished', undone: 'Undone' },
  'zh-TW': { file: '客戶匯入記錄', productFile: '商品匯入記錄', name: '檔案', at: '開始時間', user: '操作人', created: '新增', updated: '更新', status: '狀態', finished: '結束時間', undone: '復原時間' },
};

const STATUS_LABELS = {
  codes: {
    'zh-CN': { publishing: '正在写入', published: '已完成', cancelled: '已取消', failed: '失败（已撤回）', undone: '已撤销' },
    en: { publishing: 'Writing', published: 'Finished', cancelled: 'Cancelled', failed: 'Failed (taken back)', undone: 'Undone' },
    'zh-TW': { publishing: '正在寫入', published: '已完成', cancelled: '已取消', failed: '失敗（已撤回）', undone: '已復原' },
  },
};

const column = columnsWorded<(typeof WORDS)['en'], CustomerImportRecord>(WORDS);

const columns = [
  column('file_name', (w) => w.name, 'text', (r) => r.fileName),
  column('started_at', (w) => w.at, 'datetime', (r) => r.startedAt),
  column('username', (w) => w.user, 'text', (r) => r.userName),
  column('created', (w) => w.created, 'number', (r) => r.created),
  column('updated', (w) => w.updated, 'number', (r) => r.updated),
  column('status', (w) => w.status, STATUS_LABELS, (r) => r.status),
  column('finished_at', (w) => w.finished, 'datetime', (r) => r.finishedAt),
  column('undone_at', (w) => w.undone, 'datetime', (r) => r.undoneAt),
];

export const customerImportHistoryTable: ExportTable<CustomerImportRecord> = {
  name: { machine: 'customer_imports', 'zh-CN': WORDS['zh-CN'].file, en: WORDS.en.file, 'zh-TW': WORDS['zh-TW'].file },
  columns,
};

/** The product import's history has the same columns (ProductImportRecord is the same record). */
export const productImportHistoryTable: ExportTable<ProductImportRecord> = {
  name: { machine: 'product_imports', 'zh-CN': WORDS['zh-CN'].productFile, en: WORDS.en.productFile, 'zh-TW': WORDS['zh-TW'].productFile },
  columns,
};
