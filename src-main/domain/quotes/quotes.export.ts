/**
 * The quotations list as a file (报价单): its columns and the words a person reads in each UI
 * language. Runtime-neutral.
 */
import type { Locale } from '../auth/auth.contract';
import { codeLabels, columnsWorded, localised, type ExportTable } from '../exports/exports.table';
import type { QuoteListRow } from './quotes.contract';
import type { QuoteStatus } from './quotes.dto';

export const QUOTE_EXPORT_WORDS = {
  'zh-CN': {
    file: '报价单',
    field: { quoteNo: '报价单号', customer: '客户', quoteDate: '报价日期', validUntil: '有效期至', status: '状态', currency: '币种', total: '价税合计', orderNo: '订单编号' },
    status: { draft: '草稿', sent: '已发送', accepted: '客户已接受', rejected: '客户已拒绝', expired: '已过期', converted: '已转订单' } satisfies Record<QuoteStatus, string>,
  },
  en: {
    file: 'Quotations',
    field: { quoteNo: 'Quote no.', customer: 'Customer', quoteDate: 'Quote date', validUntil: 'Valid until', status: 'Status', currency: 'Currency', total: 'Total incl. VAT', orderNo: 'Order no.' },
    status: { draft: 'Draft', sent: 'Sent', accepted: 'Accepted', rejected: 'Rejected', expired: 'Expired', converted: 'Converted' } satisfies Record<QuoteStatus, string>,
  },
  'zh-TW': {
    file: '報價單',
    field: { quoteNo: '報價單號', customer: '客戶', quoteDate: '報價日期', validUntil: '有效期至', status: '狀態', currency: '幣別', total: '價稅合計', orderNo: '訂單編號' },
    status: { draft: '草稿', sent: '已傳送', accepted: '客戶已接受', rejected: '客戶已拒絕', expired: '已過期', converted: '已轉訂單' } satisfies Record<QuoteStatus, string>,
  },
} satisfies Record<Locale, unknown>;

const column = columnsWorded<(typeof QUOTE_EXPORT_WORDS)['zh-CN'], QuoteListRow>(QUOTE_EXPORT_WORDS);

export const quoteExportTable: ExportTable<QuoteListRow> = {
  name: { machine: 'quotes', ...localised(QUOTE_EXPORT_WORDS, (w) => w.file) },
  columns: [
    column('quote_no', (w) => w.field.quoteNo, 'text', (q) => q.quoteNo),
    column('customer', (w) => w.field.customer, 'text', (q) => q.customerName),
    column('quote_date', (w) => w.field.quoteDate, 'date', (q) => q.quoteDate),
    column('valid_until', (w) => w.field.validUntil, 'date', (q) => q.validUntil),
    column('status', (w) => w.field.status, codeLabels(QUOTE_EXPORT_WORDS, (w) => w.status), (q) => q.status),
    column('currency', (w) => w.field.currency, 'text', (q) => q.currency),
    column('total', (w) => w.field.total, 'money', (q) => q.totalGross),
    column('order_no', (w) => w.field.orderNo, 'text', (q) => q.orderNo),
  ],
};
