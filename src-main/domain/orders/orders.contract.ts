/**
 * The sales orders area's API (销售订单, 审批, 审批规则): names, zod inputs and DTO types.
 * Runtime-neutral; the renderer imports it.
 */
import { z } from 'zod';
import { method } from '../../api/method';
import { MAX_PAGE_SIZE, pageFields, type Page } from '../../api/paging';
import type { PrintableDocument } from '../core/document';
import { dateField, isoDate, optionalText } from '../customers/customers.rules';
import {
  APPROVAL_ACTIONS,
  APPROVAL_CONDITIONS,
  ORDER_STATUSES,
  SHORTAGE_CHOICES,
  type ApprovalDecisionNotice,
  type ApprovalInboxRow,
  type ApprovalRule,
  type CustomerSalesSummary,
  type Order,
  type OrderFind,
  type OrderListRow,
  type ProductForOrder,
  type StockCheck,
} from './orders.dto';

export const id = z.string().uuid('Not a valid id');
export const fenField = z.number().int('Money is whole fen').min(0, 'Cannot be negative').max(99_999_999_999_999);
export const basisPointsField = z.number().int().min(0).max(10_000);
const reason = (what: string) => z.string().trim().min(1, `Say why ${what}`).max(500, 'At most 500 characters');

/** A line as entered: quantity in the unit chosen (the base unit unless `unit` names the second), price per base unit. */
export const salesLineInput = z
  .object({
    productId: id,
    quantity: z.number().int('A whole quantity').min(1).max(1_000_000_000),
    unit: z.string().trim().min(1).max(10).optional(),
    /** Fen per base unit on the document's side of tax; without it the customer's price list decides. */
    unitPrice: fenField.optional(),
    discountBp: basisPointsField.default(0),
    description: optionalText(200),
  })
  .strict();

const orderFields = {
  customerId: id,
  /** Today in the company's time zone when not given. */
  orderDate: isoDate.optional(),
  promisedDate: dateField,
  /** The company's default warehouse when not given. */
  warehouseId: id.optional(),
  /** Prices 含税 (the Chinese default) or not. */
  taxInclusive: z.boolean().optional(),
  shippingAddress: optionalText(300),
  ownerUserId: id.nullable().optional(),
  notes: optionalText(2000),
  lines: z.array(salesLineInput.extend({ promisedDate: dateField })).min(1).max(500),
};

export const orderCreateInput = z.object(orderFields).strict();
export const orderUpdateInput = z.object(orderFields).partial().extend({ id }).strict();

export const orderListFilters = z
  .object({
    status: z.array(z.enum(ORDER_STATUSES)).max(ORDER_STATUSES.length),
    customerId: id,
    ownerUserId: id.nullable(),
    from: isoDate,
    to: isoDate,
    /** Orders promised for a day before this one (late when still to deliver). */
    promisedBefore: isoDate,
  })
  .partial()
  .strict();
export type OrderListFilters = z.output<typeof orderListFilters>;

/** Where the next page starts: the last row of this one (keyset paging on order_date, id, newest first). */
export const orderCursor = z.object({ date: isoDate, id }).strict();
export type OrderCursor = z.output<typeof orderCursor>;

export const orderListQuery = {
  /** An order number (SO-2026-000123, or its last digits) or the customer's name. */
  q: z.string().trim().max(100).optional(),
  filters: orderListFilters.default({}),
};

export const orderListInput = z
  .object({ ...orderListQuery, after: orderCursor.optional(), pageSize: z.number().int().min(1).max(MAX_PAGE_SIZE).default(50) })
  .strict();

export interface OrderPage extends Page<OrderListRow> {
  /** False when the count stopped at its cap: "10,000+". */
  totalIsExact: boolean;
  /** Pass as `after` for the next page; null on the last one. */
  next: OrderCursor | null;
}

export const shortageInput = z
  .object({
    lineId: id,
    choice: z.enum(SHORTAGE_CHOICES),
    substituteProductId: id.optional(),
    promisedDate: isoDate.optional(),
  })
  .strict()
  .refine((s) => s.choice !== 'substitute' || !!s.substituteProductId, { path: ['substituteProductId'], message: 'Choose the substitute product' })
  .refine((s) => s.choice !== 'later_date' || !!s.promisedDate, { path: ['promisedDate'], message: 'Give the new promised date' });

export const confirmInput = z
  .object({ id, shortages: z.array(shortageInput).max(500).default([]) })
  .strict();

const ruleParams = z
  .object({ amount: fenField.optional(), tiers: z.array(z.string().trim().min(1).max(30)).min(1).max(20).optional(), bp: basisPointsField.optional() })
  .strict();

export const approvalRuleInput = z
  .object({
    id: id.optional(),
    name: z.string().trim().min(1, 'Name the rule').max(60, 'At most 60 characters'),
    sortOrder: z.number().int().min(0).max(100_000),
    condition: z.enum(APPROVAL_CONDITIONS),
    params: ruleParams.default({}),
    action: z.enum(APPROVAL_ACTIONS),
    active: z.boolean().default(true),
  })
  .strict()
  .refine((r) => r.condition !== 'amount_over' || r.params.amount !== undefined, { path: ['params', 'amount'], message: 'Give the amount' })
  .refine((r) => r.condition !== 'customer_tier' || !!r.params.tiers?.length, { path: ['params', 'tiers'], message: 'Choose at least one tier' })
  .refine((r) => r.condition !== 'discount_over' || r.params.bp !== undefined, { path: ['params', 'bp'], message: 'Give the discount' });

export type OrderCreateInput = z.input<typeof orderCreateInput>;
export type OrderUpdateInput = z.input<typeof orderUpdateInput>;
export type OrderListInput = z.input<typeof orderListInput>;
export type ConfirmInput = z.input<typeof confirmInput>;
export type ShortageInput = z.input<typeof shortageInput>;
export type ApprovalRuleInput = z.input<typeof approvalRuleInput>;

const byId = z.object({ id }).strict();

export const ordersContract = {
  'orders.list': method<OrderPage>()({ input: orderListInput, permission: 'sales.read', mutates: false }),
  'orders.get': method<Order>()({ input: byId, permission: 'sales.read', mutates: false }),
  /** A draft: lines priced from the customer's price list; a typed price needs sales.overridePrice. */
  'orders.create': method<Order>()({ input: orderCreateInput, permission: 'sales.write', mutates: true }),
  /** Changes a draft; `lines` replaces them all. */
  'orders.update': method<Order>()({ input: orderUpdateInput, permission: 'sales.write', mutates: true }),
  /** Each stocked line of a draft against its warehouse: available, substitutes, the earliest incoming date. */
  'orders.checkStock': method<StockCheck>()({ input: byId, permission: 'sales.read', mutates: false }),
  /**
   * Submits a draft: shortages handled as chosen, the credit check, the approval rules, stock
   * reserved, a number issued; the order is confirmed or waits for a manager with the reasons.
   * A short line without a choice is INSUFFICIENT_STOCK.
   */
  'orders.confirm': method<Order>()({ input: confirmInput, permission: 'sales.write', mutates: true, changes: ['orders', 'stock'] }),
  /** Creates and submits an order in one go (直接下单): a short line refuses it whole, nothing kept. */
  'orders.place': method<Order>()({ input: orderCreateInput, permission: 'sales.write', mutates: true, changes: ['orders', 'stock'] }),
  'orders.cancel': method<Order>()({ input: z.object({ id, reason: reason('the order is cancelled') }).strict(), permission: 'sales.write', mutates: true, changes: ['orders', 'stock'] }),
  /** Closes a partly delivered (or later) order short: what is left is no longer owed, reservations go back. */
  'orders.close': method<Order>()({ input: z.object({ id, reason: reason('the order is closed') }).strict(), permission: 'sales.write', mutates: true, changes: ['orders', 'stock'] }),
  'orders.approve': method<Order>()({ input: z.object({ id, comment: optionalText(500) }).strict(), permission: 'sales.approve', mutates: true }),
  /** Back to draft for the salesperson, reservations released; the comment says why. */
  'orders.reject': method<Order>()({ input: z.object({ id, comment: reason('the order is rejected') }).strict(), permission: 'sales.approve', mutates: true, changes: ['orders', 'stock'] }),
  'orders.approvalInbox': method<Page<ApprovalInboxRow>>()({ input: z.object({ ...pageFields }).strict(), permission: 'sales.approve', mutates: false }),
  /** Managers' decisions on the caller's orders, newest first (the workbench). */
  'orders.myDecisions': method<ApprovalDecisionNotice[]>()({
    input: z.object({ limit: z.number().int().min(1).max(50).default(10) }).strict(),
    permission: 'sales.read',
    mutates: false,
  }),
  /** The company's rules; `usingDefaults` while it has saved none (the built-in ones decide). */
  'orders.listRules': method<{ rules: ApprovalRule[]; overdueDaysAllowed: number; usingDefaults: boolean }>()({ input: z.object({}).strict(), permission: 'sales.read', mutates: false }),
  'orders.saveRule': method<ApprovalRule>()({ input: approvalRuleInput, permission: 'sales.approve', mutates: true }),
  'orders.removeRule': method<null>()({ input: byId, permission: 'sales.approve', mutates: true }),
  /** Invoices overdue by more than this many days send an order to a manager (once receivables lands). */
  'orders.saveCreditSettings': method<{ overdueDaysAllowed: number }>()({
    input: z.object({ overdueDaysAllowed: z.number().int().min(0).max(3650) }).strict(),
    permission: 'sales.approve',
    mutates: true,
  }),
  'orders.customerSummary': method<CustomerSalesSummary>()({ input: z.object({ customerId: id }).strict(), permission: 'sales.read', mutates: false }),
  /** The command palette: orders by number (the whole number, its start, or its last digits). */
  'orders.find': method<OrderFind[]>()({
    input: z.object({ q: z.string().trim().min(1).max(40), limit: z.number().int().min(1).max(20).default(8) }).strict(),
    permission: 'sales.read',
    mutates: false,
  }),
  /** The order form's keyboard entry: a scanned barcode or typed code, priced for the customer; null when nothing matches. */
  'orders.lookupProduct': method<ProductForOrder | null>()({
    input: z.object({ code: z.string().trim().min(1).max(64), customerId: id.optional() }).strict(),
    permission: 'sales.read',
    mutates: false,
  }),
  'orders.printable': method<PrintableDocument>()({ input: byId, permission: 'sales.read', mutates: false }),
};
