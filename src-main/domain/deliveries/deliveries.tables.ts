import type { DeliveryStatus } from './deliveries.dto';

export interface DeliveriesTable {
  id: string;
  delivery_no: string;
  sales_order_id: string;
  customer_id: string;
  warehouse_id: string;
  status: DeliveryStatus;
  delivery_date: string;
  promised_date: string | null;
  shipping_address: string | null;
  notes: string | null;
  posted_at: string | null;
  posted_by: string | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface DeliveryLinesTable {
  id: string;
  delivery_id: string;
  sales_order_line_id: string;
  product_id: string;
  quantity: number;
  picked_quantity: number;
  unit_cost: number | null;
  serials: string;
}
