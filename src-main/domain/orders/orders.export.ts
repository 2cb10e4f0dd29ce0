/**
 * The sales orders and their lines as files (销售订单, 销售订单明细): columns and the words a person
 * reads in each UI language. Runtime-neutral. For tools the headers are the snake_case keys and
 * money is yuan with two decimals; an order's total is the sum of its lines' line_total (价税合计).
 */
import type { Locale } from '../auth/auth.contract';
import { codeLabels, columnsWorded, localised, type ExportTable } from '../exports/exports.table';
import type { ApprovalInboxRow, ApprovalReason, OrderListRow } from './orders.dto';
import { reasonText } from './orders.reasons';

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

/** The approval inbox as a file (订单审批): what waits for a manager and why, worded as the order page words it. */
export const APPROVAL_EXPORT_WORDS = {
  'zh-CN': {
    file: '订单审批',
    field: {
      orderNo: '订单编号',
      customer: '客户',
      currency: '币种',
      total: '价税合计',
      reasons: '需要审批的原因',
      rule: '判定规则',
      owner: '业务员',
      requestedBy: '提交人',
      requestedAt: '提交时间',
    },
    reason: {
      over_limit: '超出信用额度：已欠 {{balance}}，本单 {{orderTotal}}，额度 {{limit}}',
      overdue: '有发票逾期 {{days}} 天（允许 {{allowed}} 天）',
      on_hold: '客户已被冻结信用',
      amount_over: '订单金额超过 {{amount}}',
      customer_tier: '客户等级为 {{tier}}',
      credit_problem: '信用异常',
      stock_shortage: '{{lines}} 行库存不足',
      discount_over: '折扣 {{max}} 超过 {{bp}}',
      any: '需要审批',
    },
    separator: '；',
  },
  en: {
    file: 'Order approvals',
    field: {
      orderNo: 'Order no.',
      customer: 'Customer',
      currency: 'Currency',
      total: 'Total',
      reasons: 'Why it needs approval',
      rule: 'Rule',
      owner: 'Salesperson',
      requestedBy: 'Submitted by',
      requestedAt: 'Submitted',
    },
    reason: {
      over_limit: 'Over the credit limit: owes {{balance}}, this order {{orderTotal}}, limit {{limit}}',
      overdue: 'Invoices {{days}} days overdue ({{allowed}} allowed)',
      overdue_one: 'Invoices {{days}} day overdue ({{allowed}} allowed)',
      on_hold: 'The customer is on credit hold',
      amount_over: 'Order over {{amount}}',
      customer_tier: 'Customer tier {{tier}}',
      credit_problem: 'Credit problem',
      stock_shortage: '{{lines}} lines short of stock',
      stock_shortage_one: '{{lines}} line short of stock',
      discount_over: 'Discount {{max}} over {{bp}}',
      any: 'Needs approval',
    },
    separator: '; ',
  },
  'zh-TW': {
    file: '訂單審核',
    field: {
      orderNo: '訂單編號',
      customer: '客戶',
      currency: '幣別',
      total: '價稅合計',
      reasons: '需要審核的原因',
      rule: '判定規則',
      owner: '業務員',
      requestedBy: '提交人',
      requestedAt: '提交時間',
    },
    reason: {
      over_limit: '超出信用額度：已欠 {{balance}}，本單 {{orderTotal}}，額度 {{limit}}',
      overdue: '有發票逾期 {{days}} 天（允許 {{allowed}} 天）',
      on_hold: '客戶已被凍結信用',
      amount_over: '訂單金額超過 {{amount}}',
      customer_tier: '客戶等級為 {{tier}}',
      credit_problem: '信用異常',
      stock_shortage: '{{lines}} 列庫存不足',
      discount_over: '折扣 {{max}} 超過 {{bp}}',
      any: '需要審核',
    },
    separator: '；',
  },
} satisfies Record<
  Locale,
  // English may add a reason's singular as `<code>_one` (reasonText), as the UI's catalogs do.
  { file: string; field: Record<string, string>; reason: Record<ApprovalReason['code'] | 'any', string> & Partial<Record<`${ApprovalReason['code']}_one`, string>>; separator: string }
>;

type ApprovalWords = (typeof APPROVAL_EXPORT_WORDS)['zh-CN'];

/**
 * The reasons are sentences with the order's figures in them, so the table is made for the file's
 * language: in words for people, as codes (`over_limit stock_shortage`) for tools.
 */
export function approvalInboxExportTable(language: Locale | null): ExportTable<ApprovalInboxRow> {
  const approvalColumn = columnsWorded<ApprovalWords, ApprovalInboxRow>(APPROVAL_EXPORT_WORDS);
  const reasons = (row: ApprovalInboxRow): string => {
    if (!language) return row.reasons.map((r) => r.code).join(' ');
    const words = APPROVAL_EXPORT_WORDS[language];
    return row.reasons.map((r) => reasonText(words.reason, r)).join(words.separator);
  };
  return {
    name: { machine: 'approvals', ...localised(APPROVAL_EXPORT_WORDS, (w) => w.file) },
    columns: [
      approvalColumn('order_no', (w) => w.field.orderNo, 'text', (r) => r.orderNo),
      approvalColumn('customer_name', (w) => w.field.customer, 'text', (r) => r.customerName),
      approvalColumn('currency', (w) => w.field.currency, 'text', (r) => r.currency),
      approvalColumn('total', (w) => w.field.total, 'money', (r) => r.totalGross),
      approvalColumn('reasons', (w) => w.field.reasons, 'text', reasons),
      approvalColumn('rule', (w) => w.field.rule, 'text', (r) => r.decidedByRule),
      approvalColumn('owner', (w) => w.field.owner, 'text', (r) => r.ownerName),
      approvalColumn('requested_by', (w) => w.field.requestedBy, 'text', (r) => r.requestedByName),
      approvalColumn('requested_at', (w) => w.field.requestedAt, 'datetime', (r) => r.requestedAt),
    ],
  };
}
