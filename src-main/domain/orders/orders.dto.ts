/** The sales orders area's closed lists of codes (runtime-neutral: the renderer imports them). */
export const ORDER_STATUSES = ['draft', 'pending_approval', 'confirmed', 'partly_delivered', 'delivered', 'invoiced', 'paid', 'closed', 'cancelled'] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

/** What an approval rule looks at; `any` matches every order (a catch-all at the end of the list). */
export const APPROVAL_CONDITIONS = ['amount_over', 'customer_tier', 'credit_problem', 'stock_shortage', 'discount_over', 'any'] as const;
export type ApprovalCondition = (typeof APPROVAL_CONDITIONS)[number];

export const APPROVAL_ACTIONS = ['approve', 'require_approval'] as const;
export type ApprovalAction = (typeof APPROVAL_ACTIONS)[number];

export const APPROVAL_DECISIONS = ['approved', 'rejected'] as const;
export type ApprovalDecision = (typeof APPROVAL_DECISIONS)[number];

/** What the user picks for a line short of stock when confirming (缺货处理). */
export const SHORTAGE_CHOICES = ['backorder', 'substitute', 'later_date'] as const;
export type ShortageChoice = (typeof SHORTAGE_CHOICES)[number];

/** What the credit check can find wrong (信用检查). */
export const CREDIT_PROBLEMS = ['over_limit', 'overdue', 'on_hold'] as const;
export type CreditProblem = (typeof CREDIT_PROBLEMS)[number];

/** Statuses in which an order is open and not yet invoiced: what the credit check counts as owed. */
export const UNINVOICED_STATUSES = ['confirmed', 'partly_delivered', 'delivered'] as const;
/** Statuses in which an order is still to be delivered (open orders on the customer's 360° view). */
export const OPEN_STATUSES = ['pending_approval', 'confirmed', 'partly_delivered'] as const;

export interface ApprovalRuleParams {
  /** amount_over: the order's 价税合计 above this many fen. */
  amount?: number;
  /** customer_tier: the customer's tier is one of these. */
  tiers?: string[];
  /** discount_over: a line's discount off the price list above this many basis points. */
  bp?: number;
}

export interface ApprovalRule {
  id: string;
  name: string;
  sortOrder: number;
  condition: ApprovalCondition;
  params: ApprovalRuleParams;
  action: ApprovalAction;
  active: boolean;
  createdAt: string;
  updatedAt: string;
}

/** One reason an order waits for a manager, worded by the renderer from its code. */
export interface ApprovalReason {
  code: CreditProblem | ApprovalCondition;
  params: Record<string, string | number | null>;
}

/** What the credit check and the rules found when the order was last submitted (sales_orders.credit_check). */
export interface CreditCheck {
  checkedAt: string;
  /** Fen; null = no limit. */
  limit: number | null;
  /** What the customer owes now: open, uninvoiced orders (and, with receivables, unpaid invoices). */
  balance: number;
  orderTotal: number;
  overdueDays: number;
  overdueDaysAllowed: number;
  onHold: boolean;
  problems: CreditProblem[];
  /** Every condition that applied, the deciding rule's first. */
  reasons: ApprovalReason[];
  rule: { id: string; name: string; condition: ApprovalCondition; action: ApprovalAction } | null;
  shortLines: number;
}

export interface OrderLine {
  id: string;
  lineNo: number;
  productId: string;
  productCode: string;
  productName: string;
  spec: string | null;
  description: string | null;
  /** Base units. */
  quantity: number;
  deliveredQuantity: number;
  returnedQuantity: number;
  /** Open reservations for the line, every warehouse. */
  reservedQuantity: number;
  unit: string;
  unitFactor: number;
  /** Fen per base unit, on the order's side of tax. */
  listPrice: number;
  unitPrice: number;
  priceOverridden: boolean;
  discountBp: number;
  vatRate: number;
  net: number;
  tax: number;
  gross: number;
  promisedDate: string | null;
  substitutesLineId: string | null;
  isStocked: boolean;
  isSerialTracked: boolean;
}

export interface OrderEvent {
  id: string;
  fromStatus: OrderStatus | null;
  toStatus: OrderStatus;
  comment: string | null;
  userName: string | null;
  at: string;
}

export interface OrderApproval {
  id: string;
  reasons: ApprovalReason[];
  requestedByName: string | null;
  requestedAt: string;
  decision: ApprovalDecision | null;
  decidedByName: string | null;
  decidedAt: string | null;
  comment: string | null;
}

export interface OrderListRow {
  id: string;
  orderNo: string | null;
  customerId: string;
  customerCode: string;
  customerName: string;
  status: OrderStatus;
  orderDate: string;
  promisedDate: string | null;
  currency: string;
  totalGross: number;
  ownerUserId: string | null;
  ownerName: string | null;
}

export interface OrderDocumentRef {
  id: string;
  number: string;
  status: string;
  date: string;
}

export interface Order extends OrderListRow {
  quoteId: string | null;
  quoteNo: string | null;
  warehouseId: string;
  warehouseName: string;
  priceListId: string | null;
  taxInclusive: boolean;
  totalNet: number;
  totalTax: number;
  creditCheck: CreditCheck | null;
  decidedByRule: string | null;
  shippingAddress: string | null;
  notes: string | null;
  createdByName: string | null;
  createdAt: string;
  updatedAt: string;
  confirmedAt: string | null;
  cancelledAt: string | null;
  cancelledByName: string | null;
  cancelReason: string | null;
  lines: OrderLine[];
  events: OrderEvent[];
  approvals: OrderApproval[];
  deliveries: OrderDocumentRef[];
  returns: OrderDocumentRef[];
}

export interface SubstituteOption {
  productId: string;
  productCode: string;
  productName: string;
  available: number;
}

/** One stocked line of a draft order against what its warehouse has (orders.checkStock). */
export interface StockCheckLine {
  lineId: string;
  lineNo: number;
  productId: string;
  productCode: string;
  productName: string;
  quantity: number;
  available: number;
  /** 0 when the line can be reserved in full. */
  shortBy: number;
  substitutes: SubstituteOption[];
  /** The earliest date an open purchase order brings the product in, to suggest as 改约交期. */
  suggestedDate: string | null;
}

export interface StockCheck {
  warehouseId: string;
  lines: StockCheckLine[];
  short: boolean;
}

export interface ApprovalInboxRow {
  approvalId: string;
  orderId: string;
  orderNo: string;
  customerId: string;
  customerName: string;
  totalGross: number;
  currency: string;
  reasons: ApprovalReason[];
  decidedByRule: string | null;
  requestedByName: string | null;
  ownerName: string | null;
  requestedAt: string;
}

/** A manager's decision on one of the salesperson's orders, for the workbench. */
export interface ApprovalDecisionNotice {
  orderId: string;
  orderNo: string;
  customerName: string;
  decision: ApprovalDecision;
  comment: string | null;
  decidedByName: string | null;
  decidedAt: string;
}

/** The orders figures on a customer's 360° view, each from the orders behind it. */
export interface CustomerSalesSummary {
  openOrderCount: number;
  /** Fen, 价税合计 of the open orders. */
  openOrderValue: number;
  lastOrderDate: string | null;
  /** Fen: what was delivered, less what came back, at the order lines' prices. */
  lifetimeSales: number;
}

export interface OrderFind {
  id: string;
  orderNo: string;
  customerName: string;
  status: OrderStatus;
  orderDate: string;
  totalGross: number;
}

/** A product found by scan or code for the order form, priced for the customer (含税 fen per base unit). */
export interface ProductForOrder {
  productId: string;
  code: string;
  name: string;
  spec: string | null;
  unit: string;
  unitPrice: number;
  vatRate: number;
}
