/**
 * The reminder queue as a file (催收提醒): the list a collector works down, by phone as often as by
 * email. Its columns and the words a person reads in each UI language. Runtime-neutral.
 */
import type { Locale } from '../auth/auth.contract';
import { codeLabels, columnsWorded, localised, type ExportTable } from '../exports/exports.table';
import type { Reminder, ReminderStatus } from './dunning.contract';

export const REMINDER_EXPORT_WORDS = {
  'zh-CN': {
    file: '催收提醒',
    field: {
      customerCode: '客户编码',
      customer: '客户',
      daysAfterDue: '逾期天数（负数为到期前）',
      invoices: '发票',
      amount: '金额',
      date: '提醒日期',
      owner: '负责人',
      status: '状态',
      email: '邮箱',
      handledBy: '处理人',
      note: '处理说明',
    },
    status: { due: '待处理', sent: '已发送', skipped: '已跳过', done: '已处理' } satisfies Record<ReminderStatus, string>,
  },
  en: {
    file: 'Payment reminders',
    field: {
      customerCode: 'Customer code',
      customer: 'Customer',
      daysAfterDue: 'Days overdue (negative: before due)',
      invoices: 'Invoices',
      amount: 'Amount',
      date: 'Raised on',
      owner: 'Owner',
      status: 'Status',
      email: 'Email',
      handledBy: 'Handled by',
      note: 'Note',
    },
    status: { due: 'To do', sent: 'Sent', skipped: 'Skipped', done: 'Done' } satisfies Record<ReminderStatus, string>,
  },
  'zh-TW': {
    file: '催收提醒',
    field: {
      customerCode: '客戶編碼',
      customer: '客戶',
      daysAfterDue: '逾期天數（負數為到期前）',
      invoices: '發票',
      amount: '金額',
      date: '提醒日期',
      owner: '負責人',
      status: '狀態',
      email: '電子郵件',
      handledBy: '處理人',
      note: '處理說明',
    },
    status: { due: '待處理', sent: '已寄送', skipped: '已略過', done: '已處理' } satisfies Record<ReminderStatus, string>,
  },
} satisfies Record<Locale, unknown>;

const column = columnsWorded<(typeof REMINDER_EXPORT_WORDS)['zh-CN'], Reminder>(REMINDER_EXPORT_WORDS);

export const reminderExportTable: ExportTable<Reminder> = {
  name: { machine: 'reminders', ...localised(REMINDER_EXPORT_WORDS, (w) => w.file) },
  columns: [
    column('customer_code', (w) => w.field.customerCode, 'text', (r) => r.customerCode),
    column('customer_name', (w) => w.field.customer, 'text', (r) => r.customerName),
    column('days_after_due', (w) => w.field.daysAfterDue, 'number', (r) => r.daysAfterDue),
    column('invoices', (w) => w.field.invoices, 'text', (r) => r.invoices.map((i) => i.invoiceNo).join(' ')),
    column('amount', (w) => w.field.amount, 'money', (r) => r.amount),
    column('date', (w) => w.field.date, 'date', (r) => r.businessDate),
    column('owner', (w) => w.field.owner, 'text', (r) => r.ownerName),
    column('status', (w) => w.field.status, codeLabels(REMINDER_EXPORT_WORDS, (w) => w.status), (r) => r.status),
    column('email', (w) => w.field.email, 'text', (r) => r.emailTo ?? r.customerEmail),
    column('handled_by', (w) => w.field.handledBy, 'text', (r) => r.handledByName),
    column('note', (w) => w.field.note, 'text', (r) => r.note),
  ],
};
