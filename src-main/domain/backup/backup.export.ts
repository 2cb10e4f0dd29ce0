/**
 * The backup list as a file: when each backup was made, how, its size in bytes and its file name,
 * worded as the backup page words them (exports.labels.test.ts checks that they agree). Runtime-neutral.
 */
import type { Locale } from '../auth/auth.contract';
import { codeLabels, columnsWorded, localised, type ExportTable } from '../exports/exports.table';
import type { BackupFile, BackupKind } from './backup.contract';

export const BACKUP_EXPORT_WORDS = {
  'zh-CN': {
    file: '备份列表',
    column: { at: '备份时间', kind: '方式', name: '文件名' },
    bytes: '大小（字节）',
    kinds: { auto: '自动', manual: '手动', other: '其他' },
  },
  en: {
    file: 'Backups',
    column: { at: 'Made at', kind: 'How', name: 'File name' },
    bytes: 'Size (bytes)',
    kinds: { auto: 'Automatic', manual: 'Manual', other: 'Other' },
  },
  'zh-TW': {
    file: '備份清單',
    column: { at: '備份時間', kind: '方式', name: '檔名' },
    bytes: '大小（位元組）',
    kinds: { auto: '自動', manual: '手動', other: '其他' },
  },
} satisfies Record<Locale, { file: string; column: Record<string, string>; bytes: string; kinds: Record<BackupKind, string> }>;

type Words = (typeof BACKUP_EXPORT_WORDS)['zh-CN'];
const column = columnsWorded<Words, BackupFile>(BACKUP_EXPORT_WORDS);

export const backupExportTable: ExportTable<BackupFile> = {
  name: { machine: 'backups', ...localised(BACKUP_EXPORT_WORDS, (w) => w.file) },
  columns: [
    column('at', (w) => w.column.at, 'datetime', (b) => b.at),
    column('kind', (w) => w.column.kind, codeLabels(BACKUP_EXPORT_WORDS, (w) => w.kinds), (b) => b.kind),
    // Bytes, not "1.2 MB": a number a spreadsheet can sum and sort.
    column('bytes', (w) => w.bytes, 'number', (b) => b.bytes),
    column('name', (w) => w.column.name, 'text', (b) => b.name),
  ],
};
