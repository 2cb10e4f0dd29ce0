import type { Flag } from '../../db/schema';
import type { ApprovalAction, ApprovalCondition, ApprovalDecision, OrderStatus } from './orders.dto';

export interface SalesOrdersTable {
  id: string;
  order_no: string | null;
  customer_id: string;
  quote_id: string | null;
  status: OrderStatus;
  order_date: string;
  promised_date: string | null;
  warehouse_id: string;
  price_list_id: string | null;
  tax_inclusive: Flag;
  currency: string;
  total_net: number;
  total_tax: number;
  total_gross: number;
  credit_check: string | null;
  decided_by_rule: string | null;
  shipping_address: string | null;
  owner_user_id: string | null;
  notes: string | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
  confirmed_at: string | null;
  cancelled_at: string | null;
  cancelled_by: string | null;
  cancel_reason: string | null;
}

export interface SalesOrderLinesTable {
  id: string;
  sales_order_id: string;
  line_no: number;
  product_id: string;
  description: string | null;
  quantity: number;
  delivered_quantity: number;
  returned_quantity: number;
  unit: string;
  unit_factor: number;
  list_price: number;
  unit_price: number;
  price_overridden: Flag;
  discount_bp: number;
  vat_rate: number;
  net: number;
  tax: number;
  gross: number;
  promised_date: string | null;
  substitutes_line_id: string | null;
}

export interface SalesOrderEventsTable {
  id: string;
  sales_order_id: string;
  from_status: OrderStatus | null;
  to_status: OrderStatus;
  comment: string | null;
  user_id: string | null;
  at: string;
}

export interface ApprovalRulesTable {
  id: string;
  name: string;
  sort_order: number;
  condition: ApprovalCondition;
  params: string;
  action: ApprovalAction;
  active: Flag;
  created_at: string;
  updated_at: string;
}

export interface SalesOrderApprovalsTable {
  id: string;
  sales_order_id: string;
  reasons: string;
  requested_by: string | null;
  requested_at: string;
  decision: ApprovalDecision | null;
  decided_by: string | null;
  decided_at: string | null;
  comment: string | null;
}
