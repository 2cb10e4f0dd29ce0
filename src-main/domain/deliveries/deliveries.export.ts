/**
 * The deliveries list as a file (发货单): its columns and the words a person reads in each UI
 * language. Runtime-neutral.
 */
import type { Locale } from '../auth/auth.contract';
import { codeLabels, columnsWorded, localised, type ExportTable } from '../exports/exports.table';
import type { DeliveryListRow } from './deliveries.contract';
import type { DeliveryStatus } from './deliveries.dto';

export const DELIVERY_EXPORT_WORDS = {
  'zh-CN': {
    file: '发货单',
    field: { deliveryNo: '发货单号', orderNo: '订单编号', customer: '客户', warehouse: '仓库', status: '状态', promisedDate: '承诺交期', deliveryDate: '发货日期' },
    status: { picking: '拣货中', posted: '已发货', cancelled: '已作废' } satisfies Record<DeliveryStatus, string>,
  },
  en: {
    file: 'Deliveries',
    field: { deliveryNo: 'Delivery no.', orderNo: 'Order no.', customer: 'Customer', warehouse: 'Warehouse', status: 'Status', promisedDate: 'Promised', deliveryDate: 'Delivery date' },
    status: { picking: 'Picking', posted: 'Shipped', cancelled: 'Cancelled' } satisfies Record<DeliveryStatus, string>,
  },
  'zh-TW': {
    file: '出貨單',
    field: { deliveryNo: '出貨單號', orderNo: '訂單編號', customer: '客戶', warehouse: '倉庫', status: '狀態', promisedDate: '承諾交期', deliveryDate: '出貨日期' },
    status: { picking: '揀貨中', posted: '已出貨', cancelled: '已作廢' } satisfies Record<DeliveryStatus, string>,
  },
} satisfies Record<Locale, unknown>;

const column = columnsWorded<(typeof DELIVERY_EXPORT_WORDS)['zh-CN'], DeliveryListRow>(DELIVERY_EXPORT_WORDS);

export const deliveryExportTable: ExportTable<DeliveryListRow> = {
  name: { machine: 'deliveries', ...localised(DELIVERY_EXPORT_WORDS, (w) => w.file) },
  columns: [
    column('delivery_no', (w) => w.field.deliveryNo, 'text', (d) => d.deliveryNo),
    column('order_no', (w) => w.field.orderNo, 'text', (d) => d.orderNo),
    column('customer', (w) => w.field.customer, 'text', (d) => d.customerName),
    column('warehouse', (w) => w.field.warehouse, 'text', (d) => d.warehouseName),
    column('status', (w) => w.field.status, codeLabels(DELIVERY_EXPORT_WORDS, (w) => w.status), (d) => d.status),
    column('promised_date', (w) => w.field.promisedDate, 'date', (d) => d.promisedDate),
    column('delivery_date', (w) => w.field.deliveryDate, 'date', (d) => d.deliveryDate),
  ],
};
