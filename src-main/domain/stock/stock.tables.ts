import type { Flag } from '../../db/schema';
import type { AdjustmentKind, ReplenishmentStatus, ReservationStatus, SerialStatus, StockCountStatus, StockMoveKind, TransferStatus, WarehouseStatus } from './stock.dto';

export interface WarehousesTable {
  id: string;
  code: string;
  name: string;
  address: string | null;
  is_default: Flag;
  status: WarehouseStatus;
  created_at: string;
  updated_at: string;
}

export interface StockMovesTable {
  id: string;
  move_date: string;
  product_id: string;
  warehouse_id: string;
  kind: StockMoveKind;
  quantity: number;
  unit_cost: number;
  value: number;
  document_type: string;
  document_id: string;
  document_no: string;
  document_line_id: string | null;
  reverses_id: string | null;
  note: string | null;
  user_id: string | null;
  created_at: string;
}

export interface StockLevelsTable {
  product_id: string;
  warehouse_id: string;
  on_hand: number;
  reserved: number;
  stock_value: number;
  avg_cost: number;
  updated_at: string;
}

export interface StockReservationsTable {
  id: string;
  product_id: string;
  warehouse_id: string;
  quantity: number;
  document_type: string;
  document_id: string;
  document_line_id: string;
  status: ReservationStatus;
  created_at: string;
  updated_at: string;
}

export interface SerialNumbersTable {
  id: string;
  product_id: string;
  serial: string;
  status: SerialStatus;
  warehouse_id: string | null;
  customer_id: string | null;
  received_move_id: string | null;
  delivered_move_id: string | null;
  created_at: string;
  updated_at: string;
}

export interface StockCountsTable {
  id: string;
  count_no: string;
  warehouse_id: string;
  status: StockCountStatus;
  count_date: string;
  notes: string | null;
  posted_at: string | null;
  posted_by: string | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface StockCountLinesTable {
  id: string;
  count_id: string;
  product_id: string;
  expected_quantity: number;
  counted_quantity: number | null;
}

export interface StockTransfersTable {
  id: string;
  transfer_no: string;
  from_warehouse_id: string;
  to_warehouse_id: string;
  transfer_date: string;
  status: TransferStatus;
  notes: string | null;
  created_by: string | null;
  created_at: string;
}

export interface StockTransferLinesTable {
  id: string;
  transfer_id: string;
  product_id: string;
  quantity: number;
}

export interface ReplenishmentRulesTable {
  product_id: string;
  warehouse_id: string;
  safety_stock: number;
  reorder_point: number;
  reorder_quantity: number;
  updated_at: string;
}

export interface ReplenishmentRequestsTable {
  id: string;
  product_id: string;
  warehouse_id: string;
  available_at_raise: number;
  suggested_quantity: number;
  status: ReplenishmentStatus;
  purchase_order_id: string | null;
  source_type: string | null;
  source_id: string | null;
  raised_at: string;
  closed_at: string | null;
}

export interface StockAdjustmentsTable {
  id: string;
  adjustment_no: string;
  warehouse_id: string;
  kind: AdjustmentKind;
  adjustment_date: string;
  notes: string | null;
  created_by: string | null;
  created_at: string;
}

export interface StockAdjustmentLinesTable {
  id: string;
  adjustment_id: string;
  line_no: number;
  product_id: string;
  quantity: number;
  unit_cost: number;
  note: string | null;
}
