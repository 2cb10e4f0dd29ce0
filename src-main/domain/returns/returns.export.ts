/**
 * The sales returns list as a file (销售退货): its columns and the words a person reads in each UI
 * language. Runtime-neutral.
 */
import type { Locale } from '../auth/auth.contract';
import { codeLabels, columnsWorded, localised, type ExportTable } from '../exports/exports.table';
import type { ReturnListRow } from './returns.contract';
import type { ReturnStatus } from './returns.dto';

export const RETURN_EXPORT_WORDS = {
  'zh-CN': {
    file: '销售退货',
    field: { returnNo: '退货单号', orderNo: '订单编号', customer: '客户', returnDate: '退货日期', status: '状态', reason: '原因', total: '价税合计' },
    status: { received: '已入库', cancelled: '已作废' } satisfies Record<ReturnStatus, string>,
  },
  en: {
    file: 'Sales returns',
    field: { returnNo: 'Return no.', orderNo: 'Order no.', customer: 'Customer', returnDate: 'Return date', status: 'Status', reason: 'Reason', total: 'Total incl. VAT' },
    status: { received: 'Received', cancelled: 'Cancelled' } satisfies Record<ReturnStatus, string>,
  },
  'zh-TW': {
    file: '銷售退貨',
    field: { returnNo: '退貨單號', orderNo: '訂單編號', customer: '客戶', returnDate: '退貨日期', status: '狀態', reason: '原因', total: '價稅合計' },
    status: { received: '已入庫', cancelled: '已作廢' } satisfies Record<ReturnStatus, string>,
  },
} satisfies Record<Locale, unknown>;

const column = columnsWorded<(typeof RETURN_EXPORT_WORDS)['zh-CN'], ReturnListRow>(RETURN_EXPORT_WORDS);

export const returnExportTable: ExportTable<ReturnListRow> = {
  name: { machine: 'returns', ...localised(RETURN_EXPORT_WORDS, (w) => w.file) },
  columns: [
    column('return_no', (w) => w.field.returnNo, 'text', (r) => r.returnNo),
    column('order_no', (w) => w.field.orderNo, 'text', (r) => r.orderNo),
    column('customer', (w) => w.field.customer, 'text', (r) => r.customerName),
    column('return_date', (w) => w.field.returnDate, 'date', (r) => r.returnDate),
    column('status', (w) => w.field.status, codeLabels(RETURN_EXPORT_WORDS, (w) => w.status), (r) => r.status),
    column('reason', (w) => w.field.reason, 'text', (r) => r.reason),
    column('total', (w) => w.field.total, 'money', (r) => r.totalGross),
  ],
};
