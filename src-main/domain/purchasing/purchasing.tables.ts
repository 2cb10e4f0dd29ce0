import type { Flag } from '../../db/schema';
import type { PurchaseOrderStatus, SupplierStatus } from './purchasing.dto';

export interface SuppliersTable {
  id: string;
  code: string;
  name: string;
  name_pinyin: string;
  name_initials: string;
  contact_name: string | null;
  mobile: string | null;
  phone: string | null;
  email: string | null;
  address: string | null;
  payment_terms_days: number;
  lead_time_days: number;
  notes: string | null;
  status: SupplierStatus;
  created_at: string;
  updated_at: string;
}

export interface PurchaseOrdersTable {
  id: string;
  po_no: string;
  supplier_id: string;
  warehouse_id: string;
  status: PurchaseOrderStatus;
  order_date: string;
  expected_date: string | null;
  currency: string;
  tax_inclusive: Flag;
  total_net: number;
  total_tax: number;
  total_gross: number;
  notes: string | null;
  created_by: string | null;
  confirmed_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface PurchaseOrderLinesTable {
  id: string;
  purchase_order_id: string;
  line_no: number;
  product_id: string;
  quantity: number;
  received_quantity: number;
  unit_price: number;
  vat_rate: number;
  net: number;
  tax: number;
  gross: number;
  expected_date: string | null;
}

export interface GoodsReceiptsTable {
  id: string;
  receipt_no: string;
  purchase_order_id: string | null;
  supplier_id: string;
  warehouse_id: string;
  receipt_date: string;
  notes: string | null;
  created_by: string | null;
  created_at: string;
}

export interface GoodsReceiptLinesTable {
  id: string;
  goods_receipt_id: string;
  purchase_order_line_id: string | null;
  product_id: string;
  quantity: number;
  unit_cost: number;
}
