/**
 * The invoice list as a file (发票 / 应收单据): columns and the words a person reads in each UI
 * language. Runtime-neutral. For tools the headers are the snake_case keys, money yuan with two
 * decimals; a credit note's total is positive, its kind says which way it goes.
 */
import type { Locale } from '../auth/auth.contract';
import { codeLabels, columnsWorded, localised, type ExportTable } from '../exports/exports.table';
import type { Invoice } from './receivables.dto';

export const INVOICE_EXPORT_WORDS = {
  'zh-CN': {
    file: '发票',
    field: {
      invoiceNo: '单据编号',
      kind: '类型',
      customerCode: '客户编码',
      customerName: '客户名称',
      invoiceDate: '开票日期',
      dueDate: '到期日',
      invoiceType: '发票种类',
      taxInvoiceNo: '税票号码',
      status: '状态',
      net: '金额',
      tax: '税额',
      total: '价税合计',
      open: '未收金额',
    },
    kind: { invoice: '发票', credit_note: '红字发票' },
    invoiceType: { ordinary: '普通发票', special: '专用发票' },
    status: { posted: '已过账', reversed: '已冲销' },
  },
  en: {
    file: 'Invoices',
    field: {
      invoiceNo: 'Number',
      kind: 'Kind',
      customerCode: 'Customer code',
      customerName: 'Customer',
      invoiceDate: 'Invoice date',
      dueDate: 'Due date',
      invoiceType: 'Invoice type',
      taxInvoiceNo: 'Tax invoice no.',
      status: 'Status',
      net: 'Net',
      tax: 'VAT',
      total: 'Total',
      open: 'Open',
    },
    kind: { invoice: 'Invoice', credit_note: 'Credit note' },
    invoiceType: { ordinary: 'Ordinary', special: 'Special VAT' },
    status: { posted: 'Posted', reversed: 'Reversed' },
  },
  'zh-TW': {
    file: '發票',
    field: {
      invoiceNo: '單據編號',
      kind: '類型',
      customerCode: '客戶編碼',
      customerName: '客戶名稱',
      invoiceDate: '開票日期',
      dueDate: '到期日',
      invoiceType: '發票種類',
      taxInvoiceNo: '稅票號碼',
      status: '狀態',
      net: '金額',
      tax: '稅額',
      total: '價稅合計',
      open: '未收金額',
    },
    kind: { invoice: '發票', credit_note: '折讓單' },
    invoiceType: { ordinary: '普通發票', special: '專用發票' },
    status: { posted: '已過帳', reversed: '已沖銷' },
  },
} satisfies Record<Locale, { file: string; field: Record<string, string>; kind: Record<string, string>; invoiceType: Record<string, string>; status: Record<string, string> }>;

type Words = (typeof INVOICE_EXPORT_WORDS)['zh-CN'];

const column = columnsWorded<Words, Invoice>(INVOICE_EXPORT_WORDS);

export const invoiceExportTable: ExportTable<Invoice> = {
  name: { machine: 'invoices', ...localised(INVOICE_EXPORT_WORDS, (w) => w.file) },
  columns: [
    column('invoice_no', (w) => w.field.invoiceNo, 'text', (i) => i.invoiceNo),
    column('customer_code', (w) => w.field.customerCode, 'text', (i) => i.customerCode),
    column('customer_name', (w) => w.field.customerName, 'text', (i) => i.customerName),
    column('invoice_date', (w) => w.field.invoiceDate, 'date', (i) => i.invoiceDate),
    column('due_date', (w) => w.field.dueDate, 'date', (i) => i.dueDate),
    column('kind', (w) => w.field.kind, codeLabels(INVOICE_EXPORT_WORDS, (w) => w.kind), (i) => i.kind),
    column('invoice_type', (w) => w.field.invoiceType, codeLabels(INVOICE_EXPORT_WORDS, (w) => w.invoiceType), (i) => i.invoiceType),
    column('tax_invoice_no', (w) => w.field.taxInvoiceNo, 'text', (i) => i.taxInvoiceNo),
    column('status', (w) => w.field.status, codeLabels(INVOICE_EXPORT_WORDS, (w) => w.status), (i) => i.status),
    column('net', (w) => w.field.net, 'money', (i) => i.totalNet),
    column('tax', (w) => w.field.tax, 'money', (i) => i.totalTax),
    column('total', (w) => w.field.total, 'money', (i) => i.totalGross),
    column('open', (w) => w.field.open, 'money', (i) => i.openAmount),
  ],
};
