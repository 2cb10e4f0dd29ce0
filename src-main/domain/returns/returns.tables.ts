import type { CreditNoteRequestStatus, ReturnDisposition, ReturnStatus } from './returns.dto';

export interface SalesReturnsTable {
  id: string;
  return_no: string;
  sales_order_id: string;
  customer_id: string;
  warehouse_id: string;
  status: ReturnStatus;
  return_date: string;
  reason: string;
  notes: string | null;
  created_by: string | null;
  created_at: string;
}

export interface SalesReturnLinesTable {
  id: string;
  sales_return_id: string;
  sales_order_line_id: string;
  product_id: string;
  quantity: number;
  disposition: ReturnDisposition;
  net: number;
  tax: number;
  gross: number;
  serials: string;
}

export interface CreditNoteRequestsTable {
  id: string;
  sales_return_id: string;
  customer_id: string;
  sales_order_id: string;
  total_net: number;
  total_tax: number;
  total_gross: number;
  status: CreditNoteRequestStatus;
  credit_note_id: string | null;
  created_at: string;
  updated_at: string;
}
