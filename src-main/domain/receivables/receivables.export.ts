/**
 * Invoices, receipts and allocations as files (`export invoices|receipts|allocations`): exactly the
 * columns issue #12 lists, from which anyone can recompute every customer's balance and aging.
 * Money is yuan with two decimals. Runtime-neutral.
 */
import type { Locale } from '../auth/auth.contract';
import type { CellFormat, CellValue, ExportTable, Localised } from '../exports/exports.table';

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

export const invoiceExportTable = table<InvoiceExportRow>({ machine: 'invoices', 'zh-CN': '发票', en: 'invoices', 'zh-TW': '發票' }, [
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
