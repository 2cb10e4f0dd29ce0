/** The stock area's closed lists of codes (runtime-neutral: the renderer imports them). */
import type { Page } from '../../api/paging';
export const STOCK_MOVE_KINDS = ['opening', 'receipt', 'delivery', 'return', 'transfer_out', 'transfer_in', 'count_adjustment', 'scrap', 'service_issue'] as const;
export type StockMoveKind = (typeof STOCK_MOVE_KINDS)[number];

export const WAREHOUSE_STATUSES = ['active', 'archived'] as const;
export type WarehouseStatus = (typeof WAREHOUSE_STATUSES)[number];

export const RESERVATION_STATUSES = ['open', 'fulfilled', 'released'] as const;
export type ReservationStatus = (typeof RESERVATION_STATUSES)[number];

export const SERIAL_STATUSES = ['in_stock', 'delivered', 'returned', 'scrapped'] as const;
export type SerialStatus = (typeof SERIAL_STATUSES)[number];

export const STOCK_COUNT_STATUSES = ['counting', 'posted', 'cancelled'] as const;
export type StockCountStatus = (typeof STOCK_COUNT_STATUSES)[number];

export const TRANSFER_STATUSES = ['posted', 'cancelled'] as const;
export type TransferStatus = (typeof TRANSFER_STATUSES)[number];

/** A replenishment request is open until it is turned into a purchase order or dismissed. */
export const REPLENISHMENT_STATUSES = ['open', 'ordered', 'dismissed'] as const;
export type ReplenishmentStatus = (typeof REPLENISHMENT_STATUSES)[number];

/** The kinds of a stock adjustment document (库存调整单): two bring goods in at a cost, two take them out at the average. */
export const ADJUSTMENT_KINDS = ['opening', 'receipt', 'scrap', 'service_issue'] as const;
export type AdjustmentKind = (typeof ADJUSTMENT_KINDS)[number];

// ---------------------------------------------------------------- DTOs

export interface Warehouse {
  id: string;
  code: string;
  name: string;
  address: string | null;
  isDefault: boolean;
  status: WarehouseStatus;
  createdAt: string;
  updatedAt: string;
}

/** One product in one warehouse: the figures of stock_levels and its replenishment rule. */
export interface StockRow {
  productId: string;
  productCode: string;
  productName: string;
  spec: string | null;
  unit: string;
  isSerialTracked: boolean;
  warehouseId: string;
  warehouseCode: string;
  warehouseName: string;
  onHand: number;
  reserved: number;
  available: number;
  /** Tax-exclusive fen per base unit (moving average). */
  avgCost: number;
  /** Fen: the exact sum of the moves' values. */
  stockValue: number;
  safetyStock: number;
  reorderPoint: number;
  reorderQuantity: number;
  /** A rule with a safety stock exists and available stock is below it. */
  belowSafety: boolean;
  /** The count sheet open on this product in this warehouse (盘点中), if any. */
  countId: string | null;
  countNo: string | null;
}

/** Where a keyset page starts: after this product code and warehouse code. */
export interface StockCursor {
  productCode: string;
  warehouseCode: string;
}

export interface StockPage extends Page<StockRow> {
  /** The cursor of the next page, null on the last. */
  next: StockCursor | null;
}

export interface MoveRow {
  id: string;
  moveDate: string;
  productId: string;
  productCode: string;
  productName: string;
  unit: string;
  warehouseId: string;
  warehouseCode: string;
  warehouseName: string;
  kind: StockMoveKind;
  /** Signed, base unit. */
  quantity: number;
  unitCost: number;
  value: number;
  documentType: string;
  documentId: string;
  documentNo: string;
  note: string | null;
  userName: string | null;
  createdAt: string;
  /** On hand after this move, when the list is of one product in one warehouse. */
  balance: number | null;
}

/** Where a keyset page of moves starts: after (before, newest first) this date and id. */
export interface MoveCursor {
  moveDate: string;
  id: string;
}

/** Counted up to a cap; past it `totalIsExact` is false. */
export interface MovesPage extends Page<MoveRow> {
  next: MoveCursor | null;
}

/** A product as a stock or purchase line needs it. */
export interface ProductPick {
  id: string;
  code: string;
  name: string;
  spec: string | null;
  unit: string;
  barcode: string | null;
  vatRate: number;
  /** Tax-exclusive fen per base unit. */
  standardCost: number;
  isStocked: boolean;
  isSerialTracked: boolean;
}

export interface ProductLookup {
  /** barcode / code: the query was exactly that product's barcode or code (a scanner's Enter adds it). */
  match: 'barcode' | 'code' | 'search' | 'none';
  products: ProductPick[];
}

/** A product's stock tab: every active warehouse, with its rule. */
export interface ProductStock {
  productId: string;
  warehouses: StockRow[];
  onHand: number;
  available: number;
  stockValue: number;
}

export interface AdjustmentRow {
  id: string;
  adjustmentNo: string;
  kind: AdjustmentKind;
  warehouseId: string;
  warehouseName: string;
  adjustmentDate: string;
  lineCount: number;
  totalQuantity: number;
  /** Fen, tax-exclusive. */
  totalValue: number;
  notes: string | null;
  createdByName: string | null;
  createdAt: string;
}

export interface AdjustmentLine {
  id: string;
  lineNo: number;
  productId: string;
  productCode: string;
  productName: string;
  unit: string;
  quantity: number;
  unitCost: number;
  value: number;
  note: string | null;
  serials: string[];
}

export interface Adjustment extends AdjustmentRow {
  lines: AdjustmentLine[];
}

export interface TransferRow {
  id: string;
  transferNo: string;
  fromWarehouseId: string;
  fromWarehouseName: string;
  toWarehouseId: string;
  toWarehouseName: string;
  transferDate: string;
  status: TransferStatus;
  lineCount: number;
  totalQuantity: number;
  notes: string | null;
  createdByName: string | null;
  createdAt: string;
}

export interface TransferLine {
  id: string;
  productId: string;
  productCode: string;
  productName: string;
  unit: string;
  quantity: number;
  /** The moving average it left at (and arrived at). */
  unitCost: number;
}

export interface Transfer extends TransferRow {
  lines: TransferLine[];
}

export interface CountRow {
  id: string;
  countNo: string;
  warehouseId: string;
  warehouseName: string;
  status: StockCountStatus;
  countDate: string;
  lineCount: number;
  countedLines: number;
  /** Counted lines whose count differs from what the books expected. */
  differenceLines: number;
  notes: string | null;
  postedAt: string | null;
  createdAt: string;
}

export interface CountLine {
  id: string;
  productId: string;
  productCode: string;
  productName: string;
  spec: string | null;
  unit: string;
  isSerialTracked: boolean;
  expectedQuantity: number;
  countedQuantity: number | null;
  /** counted − expected, once counted. */
  difference: number | null;
  avgCost: number;
}

export interface StockCount extends CountRow {
  lines: CountLine[];
}

export interface SerialRow {
  id: string;
  productId: string;
  productCode: string;
  productName: string;
  serial: string;
  status: SerialStatus;
  warehouseId: string | null;
  warehouseName: string | null;
  customerId: string | null;
  customerName: string | null;
  receivedDate: string | null;
  receivedDocumentNo: string | null;
  deliveredDate: string | null;
  deliveredDocumentNo: string | null;
}

export interface ReplenishmentRule {
  productId: string;
  warehouseId: string;
  safetyStock: number;
  reorderPoint: number;
  reorderQuantity: number;
}

export interface StockSettings {
  /** Let stock go below zero instead of refusing with INSUFFICIENT_STOCK. */
  allowNegative: boolean;
}
