/**
 * The purchase orders and suppliers lists as files (采购订单, 供应商): their columns and the words a
 * person reads in each UI language. Runtime-neutral.
 */
import type { Locale } from '../auth/auth.contract';
import { codeLabels, columnsWorded, localised, type ExportTable } from '../exports/exports.table';
import type { PurchaseOrderRow, PurchaseOrderStatus, Supplier } from './purchasing.dto';

export const PURCHASING_EXPORT_WORDS = {
  'zh-CN': {
    ordersFile: '采购订单',
    suppliersFile: '供应商',
    field: {
      poNo: '采购单号',
      orderDate: '下单日期',
      supplierName: '供应商',
      warehouseName: '入库仓库',
      status: '状态',
      expectedDate: '预计到货',
      orderedQuantity: '订购数量',
      receivedQuantity: '已入库',
      totalNet: '不含税金额',
      totalTax: '税额',
      totalGross: '价税合计',
      code: '供应商编号',
      name: '供应商名称',
      contactName: '联系人',
      mobile: '手机号',
      phone: '电话',
      paymentTermsDays: '账期（天）',
      leadTimeDays: '交货期（天）',
      address: '地址',
    },
    status: { draft: '草稿', confirmed: '已确认', partly_received: '部分入库', received: '已入库', cancelled: '已作废' } satisfies Record<PurchaseOrderStatus, string>,
  },
  en: {
    ordersFile: 'Purchase orders',
    suppliersFile: 'Suppliers',
    field: {
      poNo: 'PO no.',
      orderDate: 'Order date',
      supplierName: 'Supplier',
      warehouseName: 'Receive into',
      status: 'Status',
      expectedDate: 'Expected',
      orderedQuantity: 'Ordered',
      receivedQuantity: 'Received',
      totalNet: 'Net',
      totalTax: 'VAT',
      totalGross: 'Total incl. VAT',
      code: 'Supplier code',
      name: 'Supplier name',
      contactName: 'Contact',
      mobile: 'Mobile',
      phone: 'Phone',
      paymentTermsDays: 'Payment terms (days)',
      leadTimeDays: 'Lead time (days)',
      address: 'Address',
    },
    status: { draft: 'Draft', confirmed: 'Confirmed', partly_received: 'Partly received', received: 'Received', cancelled: 'Cancelled' } satisfies Record<PurchaseOrderStatus, string>,
  },
  'zh-TW': {
    ordersFile: '採購訂單',
    suppliersFile: '供應商',
    field: {
      poNo: '採購單號',
      orderDate: '下單日期',
      supplierName: '供應商',
      warehouseName: '入庫倉庫',
      status: '狀態',
      expectedDate: '預計到貨',
      orderedQuantity: '訂購數量',
      receivedQuantity: '已入庫',
      totalNet: '不含稅金額',
      totalTax: '稅額',
      totalGross: '價稅合計',
      code: '供應商編號',
      name: '供應商名稱',
      contactName: '聯絡人',
      mobile: '手機號碼',
      phone: '電話',
      paymentTermsDays: '帳期（天）',
      leadTimeDays: '交貨期（天）',
      address: '地址',
    },
    status: { draft: '草稿', confirmed: '已確認', partly_received: '部分入庫', received: '已入庫', cancelled: '已作廢' } satisfies Record<PurchaseOrderStatus, string>,
  },
} satisfies Record<Locale, unknown>;

type Words = (typeof PURCHASING_EXPORT_WORDS)['zh-CN'];
const orderColumn = columnsWorded<Words, PurchaseOrderRow>(PURCHASING_EXPORT_WORDS);
const supplierColumn = columnsWorded<Words, Supplier>(PURCHASING_EXPORT_WORDS);

export const purchaseOrderExportTable: ExportTable<PurchaseOrderRow> = {
  name: { machine: 'purchase-orders', ...localised(PURCHASING_EXPORT_WORDS, (w) => w.ordersFile) },
  columns: [
    orderColumn('po_no', (w) => w.field.poNo, 'text', (o) => o.poNo),
    orderColumn('order_date', (w) => w.field.orderDate, 'date', (o) => o.orderDate),
    orderColumn('supplier', (w) => w.field.supplierName, 'text', (o) => o.supplierName),
    orderColumn('warehouse', (w) => w.field.warehouseName, 'text', (o) => o.warehouseName),
    orderColumn('status', (w) => w.field.status, codeLabels(PURCHASING_EXPORT_WORDS, (w) => w.status), (o) => o.status),
    orderColumn('expected_date', (w) => w.field.expectedDate, 'date', (o) => o.expectedDate),
    orderColumn('ordered_quantity', (w) => w.field.orderedQuantity, 'number', (o) => o.orderedQuantity),
    orderColumn('received_quantity', (w) => w.field.receivedQuantity, 'number', (o) => o.receivedQuantity),
    orderColumn('total_net', (w) => w.field.totalNet, 'money', (o) => o.totalNet),
    orderColumn('total_tax', (w) => w.field.totalTax, 'money', (o) => o.totalTax),
    orderColumn('total_gross', (w) => w.field.totalGross, 'money', (o) => o.totalGross),
  ],
};

export const supplierExportTable: ExportTable<Supplier> = {
  name: { machine: 'suppliers', ...localised(PURCHASING_EXPORT_WORDS, (w) => w.suppliersFile) },
  columns: [
    supplierColumn('supplier_code', (w) => w.field.code, 'text', (s) => s.code),
    supplierColumn('name', (w) => w.field.name, 'text', (s) => s.name),
    supplierColumn('contact_name', (w) => w.field.contactName, 'text', (s) => s.contactName),
    supplierColumn('mobile', (w) => w.field.mobile, 'text', (s) => s.mobile),
    supplierColumn('phone', (w) => w.field.phone, 'text', (s) => s.phone),
    supplierColumn('payment_terms_days', (w) => w.field.paymentTermsDays, 'number', (s) => s.paymentTermsDays),
    supplierColumn('lead_time_days', (w) => w.field.leadTimeDays, 'number', (s) => s.leadTimeDays),
    supplierColumn('address', (w) => w.field.address, 'text', (s) => s.address),
  ],
};
