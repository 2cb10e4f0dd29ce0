/**
 * The invoice list as a file (发票 / 应收单据): columns and the words a person reads in each UI
 * language. Runtime-neutral. For tools the headers are the snake_case keys, money yuan with two
 * decimals; a credit note's total is positive, its kind says which way it goes.
 */
import type { Locale } from '../auth/auth.contract';
import type { Invoice, OpenCreditNoteRequest, Receipt, ReceiptMethod } from './receivables.dto';
import { codeLabels, columnsWorded, localised, type CellFormat, type CellValue, type ExportTable, type Localised } from '../exports/exports.table';

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

// The files `export invoices|receipts|allocations` write for tools (issue #12 item 9): posted documents
// only, money yuan with two decimals; anyone can recompute every customer's balance and aging from them.


export interface InvoiceExportRow {
  invoice_no: string;
  customer_code: string;
  invoice_date: string;
  due_date: string;
  total: number;
  kind: 'invoice' | 'credit_note';
}

export interface ReceiptExportRow {
  receipt_no: string;
  customer_code: string;
  date: string;
  amount: number;
  method: string;
}

/** A write-off has no receipt; a refund has no invoice; a credit note applied to an invoice stands where a receipt would. */
export interface AllocationExportRow {
  receipt_no: string | null;
  invoice_no: string | null;
  date: string;
  amount: number;
  kind: 'allocation' | 'writeoff' | 'refund' | 'reversal';
}

type Column<Row> = [key: keyof Row & string, format: CellFormat, words: Record<Locale, string>];

function table<Row>(name: Localised & { machine: string }, columns: Column<Row>[]): ExportTable<Row> {
  return { name, columns: columns.map(([key, format, header]) => ({ key, header, format, value: (row: Row) => row[key] as CellValue })) };
}

const words = (zhCN: string, en: string, zhTW: string): Record<Locale, string> => ({ 'zh-CN': zhCN, en, 'zh-TW': zhTW });

/** Every posted invoice and credit note, exactly the columns issue #12 lists: with receipts and allocations, enough to recompute every balance. */
export const postedInvoiceExportTable = table<InvoiceExportRow>({ machine: 'invoices', 'zh-CN': '发票明细', en: 'invoices', 'zh-TW': '發票明細' }, [
  ['invoice_no', 'text', words('发票号', 'Invoice no.', '發票號碼')],
  ['customer_code', 'text', words('客户编号', 'Customer code', '客戶編號')],
  ['invoice_date', 'date', words('开票日期', 'Invoice date', '開立日期')],
  ['due_date', 'date', words('到期日', 'Due date', '到期日')],
  ['total', 'money', words('价税合计', 'Total', '含稅合計')],
  ['kind', { codes: { 'zh-CN': { invoice: '发票', credit_note: '红字发票' }, en: { invoice: 'Invoice', credit_note: 'Credit note' }, 'zh-TW': { invoice: '發票', credit_note: '折讓單' } } }, words('类型', 'Kind', '類型')],
]);

export const receiptExportTable = table<ReceiptExportRow>({ machine: 'receipts', 'zh-CN': '收款单', en: 'receipts', 'zh-TW': '收款單' }, [
  ['receipt_no', 'text', words('收款单号', 'Receipt no.', '收款單號')],
  ['customer_code', 'text', words('客户编号', 'Customer code', '客戶編號')],
  ['date', 'date', words('收款日期', 'Date', '收款日期')],
  ['amount', 'money', words('金额', 'Amount', '金額')],
  ['method', 'text', words('收款方式', 'Method', '收款方式')],
]);

export const allocationExportTable = table<AllocationExportRow>({ machine: 'allocations', 'zh-CN': '核销记录', en: 'allocations', 'zh-TW': '沖帳紀錄' }, [
  ['receipt_no', 'text', words('收款单号', 'Receipt no.', '收款單號')],
  ['invoice_no', 'text', words('发票号', 'Invoice no.', '發票號碼')],
  ['date', 'date', words('日期', 'Date', '日期')],
  ['amount', 'money', words('金额', 'Amount', '金額')],
  ['kind', 'text', words('类型', 'Kind', '類型')],
]);

/** The receipts list as a person reads it (收款): the screen's columns, filtered as the screen is. */
export const RECEIPT_LIST_EXPORT_WORDS = {
  'zh-CN': {
    file: '收款',
    field: {
      receiptNo: '收款单号',
      customerCode: '客户编码',
      customer: '客户',
      receiptDate: '收款日期',
      method: '收款方式',
      reference: '流水号/票号',
      bankAccount: '收款账户',
      billMaturityDate: '汇票到期日',
      status: '状态',
      amount: '金额',
      unapplied: '未核销',
    },
    method: { bank_transfer: '银行转账', cash: '现金', wechat: '微信支付', alipay: '支付宝', acceptance_bill: '银行承兑汇票' },
    status: { posted: '已过账', reversed: '已冲销' },
  },
  en: {
    file: 'Receipts',
    field: {
      receiptNo: 'Receipt no.',
      customerCode: 'Customer code',
      customer: 'Customer',
      receiptDate: 'Received on',
      method: 'Method',
      reference: 'Reference',
      bankAccount: 'Bank account',
      billMaturityDate: 'Bill matures on',
      status: 'Status',
      amount: 'Amount',
      unapplied: 'Unallocated',
    },
    method: { bank_transfer: 'Bank transfer', cash: 'Cash', wechat: 'WeChat Pay', alipay: 'Alipay', acceptance_bill: 'Bank acceptance bill' },
    status: { posted: 'Posted', reversed: 'Reversed' },
  },
  'zh-TW': {
    file: '收款',
    field: {
      receiptNo: '收款單號',
      customerCode: '客戶編碼',
      customer: '客戶',
      receiptDate: '收款日期',
      method: '收款方式',
      reference: '交易序號/票號',
      bankAccount: '收款帳戶',
      billMaturityDate: '匯票到期日',
      status: '狀態',
      amount: '金額',
      unapplied: '未沖帳',
    },
    method: { bank_transfer: '銀行轉帳', cash: '現金', wechat: '微信支付', alipay: '支付寶', acceptance_bill: '銀行承兌匯票' },
    status: { posted: '已過帳', reversed: '已沖銷' },
  },
} satisfies Record<Locale, { file: string; field: Record<string, string>; method: Record<ReceiptMethod, string>; status: Record<string, string> }>;

const receiptColumn = columnsWorded<(typeof RECEIPT_LIST_EXPORT_WORDS)['zh-CN'], Receipt>(RECEIPT_LIST_EXPORT_WORDS);

export const receiptListExportTable: ExportTable<Receipt> = {
  name: { machine: 'receipt-list', ...localised(RECEIPT_LIST_EXPORT_WORDS, (w) => w.file) },
  columns: [
    receiptColumn('receipt_no', (w) => w.field.receiptNo, 'text', (r) => r.receiptNo),
    receiptColumn('customer_code', (w) => w.field.customerCode, 'text', (r) => r.customerCode),
    receiptColumn('customer_name', (w) => w.field.customer, 'text', (r) => r.customerName),
    receiptColumn('receipt_date', (w) => w.field.receiptDate, 'date', (r) => r.receiptDate),
    receiptColumn('method', (w) => w.field.method, codeLabels(RECEIPT_LIST_EXPORT_WORDS, (w) => w.method), (r) => r.method),
    receiptColumn('reference', (w) => w.field.reference, 'text', (r) => r.reference),
    receiptColumn('bank_account', (w) => w.field.bankAccount, 'text', (r) => r.bankAccount),
    receiptColumn('bill_maturity_date', (w) => w.field.billMaturityDate, 'date', (r) => r.billMaturityDate),
    receiptColumn('status', (w) => w.field.status, codeLabels(RECEIPT_LIST_EXPORT_WORDS, (w) => w.status), (r) => r.status),
    receiptColumn('amount', (w) => w.field.amount, 'money', (r) => r.amount),
    receiptColumn('unapplied', (w) => w.field.unapplied, 'money', (r) => r.unappliedAmount),
  ],
};

/** The returns waiting for their credit note (待开红字), as the panel lists them: oldest first, the credit as a negative amount. */
export const CREDIT_REQUEST_EXPORT_WORDS = {
  'zh-CN': {
    file: '待开红字',
    field: { returnNo: '退货单号', returnDate: '退货日期', customer: '客户', orderNo: '订单号', returnReason: '退货原因', total: '价税合计', tax: '税额' },
  },
  en: {
    file: 'Credit notes to post',
    field: { returnNo: 'Return no.', returnDate: 'Return date', customer: 'Customer', orderNo: 'Order no.', returnReason: 'Reason for return', total: 'Total', tax: 'VAT' },
  },
  'zh-TW': {
    file: '待開折讓',
    field: { returnNo: '退貨單號', returnDate: '退貨日期', customer: '客戶', orderNo: '訂單編號', returnReason: '退貨原因', total: '價稅合計', tax: '稅額' },
  },
} satisfies Record<Locale, { file: string; field: Record<string, string> }>;

const creditRequestColumn = columnsWorded<(typeof CREDIT_REQUEST_EXPORT_WORDS)['zh-CN'], OpenCreditNoteRequest>(CREDIT_REQUEST_EXPORT_WORDS);

export const creditRequestExportTable: ExportTable<OpenCreditNoteRequest> = {
  name: { machine: 'credit-note-requests', ...localised(CREDIT_REQUEST_EXPORT_WORDS, (w) => w.file) },
  columns: [
    creditRequestColumn('return_no', (w) => w.field.returnNo, 'text', (r) => r.returnNo),
    creditRequestColumn('return_date', (w) => w.field.returnDate, 'date', (r) => r.returnDate),
    creditRequestColumn('customer_name', (w) => w.field.customer, 'text', (r) => r.customerName),
    creditRequestColumn('order_no', (w) => w.field.orderNo, 'text', (r) => r.orderNo),
    creditRequestColumn('return_reason', (w) => w.field.returnReason, 'text', (r) => r.returnReason),
    creditRequestColumn('total', (w) => w.field.total, 'money', (r) => -r.totalGross),
    creditRequestColumn('tax', (w) => w.field.tax, 'money', (r) => -r.totalTax),
  ],
};
