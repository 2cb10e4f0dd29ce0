/**
 * The to-do list as a file (待办): the follow-ups a person or a manager works down. Its columns and
 * the words a person reads in each UI language. Runtime-neutral.
 */
import type { Locale } from '../auth/auth.contract';
import { codeLabels, columnsWorded, localised, type ExportTable } from '../exports/exports.table';
import type { Task } from './tasks.contract';

export const TASK_EXPORT_WORDS = {
  'zh-CN': {
    file: '待办',
    field: { title: '事项', source: '来源', customer: '客户', assignee: '负责人', dueDate: '截止日期', createdAt: '创建时间', doneAt: '完成时间', doneBy: '完成人' },
    source: { statement: '对账单异议', dunning_reminder: '催收提醒' },
  },
  en: {
    file: 'To-dos',
    field: { title: 'To-do', source: 'Raised by', customer: 'Customer', assignee: 'Assigned to', dueDate: 'Due', createdAt: 'Created', doneAt: 'Done', doneBy: 'Done by' },
    source: { statement: 'Disputed statement', dunning_reminder: 'Payment reminder' },
  },
  'zh-TW': {
    file: '待辦',
    field: { title: '事項', source: '來源', customer: '客戶', assignee: '負責人', dueDate: '截止日期', createdAt: '建立時間', doneAt: '完成時間', doneBy: '完成人' },
    source: { statement: '對帳單異議', dunning_reminder: '催收提醒' },
  },
} satisfies Record<Locale, { file: string; field: Record<string, string>; source: Record<string, string> }>;

const column = columnsWorded<(typeof TASK_EXPORT_WORDS)['zh-CN'], Task>(TASK_EXPORT_WORDS);

export const taskExportTable: ExportTable<Task> = {
  name: { machine: 'tasks', ...localised(TASK_EXPORT_WORDS, (w) => w.file) },
  columns: [
    column('title', (w) => w.field.title, 'text', (t) => t.title),
    column('source', (w) => w.field.source, codeLabels(TASK_EXPORT_WORDS, (w) => w.source), (t) => t.sourceKind),
    column('customer_name', (w) => w.field.customer, 'text', (t) => t.customerName),
    column('assignee', (w) => w.field.assignee, 'text', (t) => t.assigneeName),
    column('due_date', (w) => w.field.dueDate, 'date', (t) => t.dueDate),
    column('created_at', (w) => w.field.createdAt, 'datetime', (t) => t.createdAt),
    column('done_at', (w) => w.field.doneAt, 'datetime', (t) => t.doneAt),
    column('done_by', (w) => w.field.doneBy, 'text', (t) => t.doneByName),
  ],
};
