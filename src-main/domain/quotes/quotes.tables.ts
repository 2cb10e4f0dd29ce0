import type { Flag } from '../../db/schema';
import type { QuoteStatus } from './quotes.dto';

export interface QuotesTable {
  id: string;
  quote_no: string;
  customer_id: string;
  status: QuoteStatus;
  quote_date: string;
  valid_until: string;
  price_list_id: string | null;
  tax_inclusive: Flag;
  currency: string;
  total_net: number;
  total_tax: number;
  total_gross: number;
  owner_user_id: string | null;
  sales_order_id: string | null;
  notes: string | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface QuoteLinesTable {
  id: string;
  quote_id: string;
  line_no: number;
  product_id: string;
  description: string | null;
  quantity: number;
  unit: string;
  unit_factor: number;
  unit_price: number;
  discount_bp: number;
  vat_rate: number;
  net: number;
  tax: number;
  gross: number;
}
