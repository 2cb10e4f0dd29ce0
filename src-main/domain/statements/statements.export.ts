/** The statements list as a file (对账单): columns worded in each UI language. Runtime-neutral. */
import type { Locale } from '../auth/auth.contract';
import { codeLabels, columnsWorded, localised } from '../exports/exports.table';
import type { ExportTable } from '../exports/exports.table';
import type { StatementSummary } from './statements.contract';

export const STATEMENT_EXPORT_WORDS = {
  'zh-CN': {
    file: '对账单',
    field: { number: '对账单号', customerCode: '客户编码', customerName: '客户名称', periodFrom: '开始日期', periodTo: '截止日期', status: '状态', closing: '期末余额', sentOn: '发送日期', respondedOn: '回复日期', note: '客户意见' },
    status: { draft: '草稿', sent: '已发送', confirmed: '已确认', disputed: '有异议' },
  },
  en: {
    file: 'Statements',
    field: { number: 'Statement no.', customerCode: 'Customer code', customerName: 'Customer', periodFrom: 'From', periodTo: 'To', status: 'Status', closing: 'Closing balance', sentOn: 'Sent on', respondedOn: 'Answered on', note: "Customer's note" },
    status: { draft: 'Draft', sent: 'Sent', confirmed: 'Confirmed', disputed: 'Disputed' },
  },
  'zh-TW': {
    file: '對帳單',
    field: { number: '對帳單號', customerCode: '客戶編碼', customerName: '客戶名稱', periodFrom: '開始日期', periodTo: '截止日期', status: '狀態', closing: '期末餘額', sentOn: '寄送日期', respondedOn: '回覆日期', note: '客戶意見' },
    status: { draft: '草稿', sent: '已寄送', confirmed: '已確認', disputed: '有異議' },
  },
} satisfies Record<Locale, { file: string; field: Record<string, string>; status: Record<string, string> }>;

const column = columnsWorded<(typeof STATEMENT_EXPORT_WORDS)['zh-CN'], StatementSummary>(STATEMENT_EXPORT_WORDS);

export const statementExportTable: ExportTable<StatementSummary> = {
  name: { machine: 'statements', ...localised(STATEMENT_EXPORT_WORDS, (w) => w.file) },
  columns: [
    column('number', (w) => w.field.number, 'text', (s) => s.number),
    column('customer_code', (w) => w.field.customerCode, 'text', (s) => s.customerCode),
    column('customer_name', (w) => w.field.customerName, 'text', (s) => s.customerName),
    column('period_from', (w) => w.field.periodFrom, 'date', (s) => s.periodFrom),
    column('period_to', (w) => w.field.periodTo, 'date', (s) => s.periodTo),
    column('status', (w) => w.field.status, codeLabels(STATEMENT_EXPORT_WORDS, (w) => w.status), (s) => s.status),
    column('closing_balance', (w) => w.field.closing, 'money', (s) => s.closingBalance),
    column('sent_on', (w) => w.field.sentOn, 'date', (s) => s.sentOn),
    column('responded_on', (w) => w.field.respondedOn, 'date', (s) => s.respondedOn),
    column('customer_note', (w) => w.field.note, 'text', (s) => s.customerNote),
  ],
};
