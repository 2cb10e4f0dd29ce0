/**
 * The sales orders and their lines as files (销售订单, 销售订单明细): columns and the words a person
 * reads in each UI language. Runtime-neutral. For tools the headers are the snake_case keys and
 * money is yuan with two decimals; an order's total is the sum of its lines' line_total (价税合计).
 */
import type { Locale } from '../auth/auth.contract';
import { codeLabels, columnsWorded, localised, type ExportTable } from '../exports/exports.table';
import type { OrderListRow } from './orders.dto';

export const ORDER_EXPORT_WORDS = {
  'zh-CN': {
    file: '销售订单',
    linesFile: '销售订单明细',
    field: {
      orderNo: '订单编号',
      customerCode: '客户编码',
      customerName: '客户名称',
      orderDate: '订单日期',
      promisedDate: '承诺交期',
      status: '状态',
      currency: '币种',
      total: '价税合计',
      productCode: '商品编码',
      quantity: '数量',
      unitPrice: '单价',
      discount: '折扣额',
      taxRate: '税率(%)',
      lineTotal: '金额(含税)',
    },
    status: {
      draft: '草稿',
      pending_approval: '待审批',
      confirmed: '已确认',
      partly_delivered: '部分发货',
      delivered: '已发货',
      invoiced: '已开票',
      paid: '已收款',
      closed: '已关闭',
      cancelled: '已取消',
    },
  },
  en: {
    file: 'Sales orders',
    linesFile: 'Sales order lines',
    field: {
      orderNo: 'Order no.',
      customerCode: 'Customer code',
      customerName: 'Customer',
      orderDate: 'Order date',
      promisedDate: 'Promised date',
      status: 'Status',
      currency: 'Currency',
      total: 'Total',
      productCode: 'Product code',
      quantity: 'Quantity',
      unitPrice: 'Unit price',
      discount: 'Discount',
      taxRate: 'VAT (%)',
      lineTotal: 'Line total',
    },
    status: {
      draft: 'Draft',
      pending_approval: 'Pending approval',
      confirmed: 'Confirmed',
      partly_delivered: 'Partly delivered',
      delivered: 'Delivered',
      invoiced: 'Invoiced',
      paid: 'Paid',
      closed: 'Closed',
      cancelled: 'Cancelled',
    },
  },
  'zh-TW': {
    file: '銷售訂單',
    linesFile: '銷售訂單明細',
    field: {
      orderNo: '訂單編號',
      customerCode: '客戶編碼',
      customerName: '客戶名稱',
      orderDate: '訂單日期',
      promisedDate: '承諾交期',
      status: '狀態',
      currency: '幣別',
      total: '價稅合計',
      productCode: '商品編碼',
      quantity: '數量',
      unitPrice: '單價',
      discount: '折扣額',
      taxRate: '稅率(%)',
      lineTotal: '金額(含稅)',
    },
    status: {
      draft: '草稿',
      pending_approval: '待審核',
      confirmed: '已確認',
      partly_delivered: '部分出貨',
      delivered: '已出貨',
      invoiced: '已開票',
      paid: '已收款',
      closed: '已關閉',
      cancelled: '已取消',
    },
  },
} satisfies Record<Locale, { file: string; linesFile: string; field: Record<string, string>; status: Record<string, string> }>;

type Words = (typeof ORDER_EXPORT_WORDS)['zh-CN'];

/** One order line as the lines file has it; money in fen, written as yuan. */
export interface OrderLineExportRow {
  orderNo: string | null;
  productCode: string;
  quantity: number;
  unitPrice: number;
  /** Fen off the line: quantity × price × discount rate, rounded once. */
  discount: number;
  /** Basis points. */
  vatRate: number;
  /** 价税合计 of the line. */
  gross: number;
}

const column = columnsWorded<Words, OrderListRow>(ORDER_EXPORT_WORDS);

export const orderExportTable: ExportTable<OrderListRow> = {
  name: { machine: 'orders', ...localised(ORDER_EXPORT_WORDS, (w) => w.file) },
  columns: [
    column('order_no', (w) => w.field.orderNo, 'text', (o) => o.orderNo),
    column('customer_code', (w) => w.field.customerCode, 'text', (o) => o.customerCode),
    column('order_date', (w) => w.field.orderDate, 'date', (o) => o.orderDate),
    column('promised_date', (w) => w.field.promisedDate, 'date', (o) => o.promisedDate),
    column('status', (w) => w.field.status, codeLabels(ORDER_EXPORT_WORDS, (w) => w.status), (o) => o.status),
    column('currency', (w) => w.field.currency, 'text', (o) => o.currency),
    column('total', (w) => w.field.total, 'money', (o) => o.totalGross),
  ],
};

const lineColumn = columnsWorded<Words, OrderLineExportRow>(ORDER_EXPORT_WORDS);

export const orderLineExportTable: ExportTable<OrderLineExportRow> = {
  name: { machine: 'order-lines', ...localised(ORDER_EXPORT_WORDS, (w) => w.linesFile) },
  columns: [
    lineColumn('order_no', (w) => w.field.orderNo, 'text', (l) => l.orderNo),
    lineColumn('product_code', (w) => w.field.productCode, 'text', (l) => l.productCode),
    lineColumn('quantity', (w) => w.field.quantity, 'number', (l) => l.quantity),
    lineColumn('unit_price', (w) => w.field.unitPrice, 'money', (l) => l.unitPrice),
    lineColumn('discount', (w) => w.field.discount, 'money', (l) => l.discount),
    lineColumn('tax_rate', (w) => w.field.taxRate, 'number', (l) => l.vatRate / 100),
    lineColumn('line_total', (w) => w.field.lineTotal, 'money', (l) => l.gross),
  ],
};
