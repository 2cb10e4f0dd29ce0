/** The purchasing area's closed lists of codes (runtime-neutral: the renderer imports them). */
export const SUPPLIER_STATUSES = ['active', 'archived'] as const;
export type SupplierStatus = (typeof SUPPLIER_STATUSES)[number];

export const PURCHASE_ORDER_STATUSES = ['draft', 'confirmed', 'partly_received', 'received', 'cancelled'] as const;
export type PurchaseOrderStatus = (typeof PURCHASE_ORDER_STATUSES)[number];

export const REPLENISHMENT_REQUEST_STATUSES = ['open', 'ordered', 'dismissed'] as const;
export type ReplenishmentRequestStatus = (typeof REPLENISHMENT_REQUEST_STATUSES)[number];

/** 供应商 */
export interface Supplier {
  id: string;
  code: string;
  name: string;
  contactName: string | null;
  mobile: string | null;
  phone: string | null;
  email: string | null;
  address: string | null;
  paymentTermsDays: number;
  leadTimeDays: number;
  notes: string | null;
  status: SupplierStatus;
  createdAt: string;
  updatedAt: string;
}

/** 采购订单 in a list. Money in fen; `tax_inclusive` says which side of tax the prices are on. */
export interface PurchaseOrderRow {
  id: string;
  poNo: string;
  supplierId: string;
  supplierName: string;
  warehouseId: string;
  warehouseName: string;
  status: PurchaseOrderStatus;
  orderDate: string;
  expectedDate: string | null;
  taxInclusive: boolean;
  totalNet: number;
  totalTax: number;
  totalGross: number;
  orderedQuantity: number;
  receivedQuantity: number;
  notes: string | null;
  createdAt: string;
}

export interface PurchaseOrderLine {
  id: string;
  lineNo: number;
  productId: string;
  productCode: string;
  productName: string;
  spec: string | null;
  unit: string;
  isSerialTracked: boolean;
  quantity: number;
  receivedQuantity: number;
  /** Fen per base unit, on the order's side of tax. */
  unitPrice: number;
  vatRate: number;
  net: number;
  tax: number;
  gross: number;
  expectedDate: string | null;
}

export interface GoodsReceiptSummary {
  id: string;
  receiptNo: string;
  receiptDate: string;
  quantity: number;
  value: number;
}

export interface PurchaseOrder extends PurchaseOrderRow {
  lines: PurchaseOrderLine[];
  receipts: GoodsReceiptSummary[];
}

/** An open replenishment request with what the buyer needs to order it, grouped by preferred supplier. */
export interface ReplenishmentRow {
  id: string;
  productId: string;
  productCode: string;
  productName: string;
  unit: string;
  warehouseId: string;
  warehouseName: string;
  supplierId: string | null;
  supplierName: string | null;
  availableAtRaise: number;
  available: number;
  safetyStock: number;
  /** What the suggestion tops available stock up to (with the reorder quantity at least). */
  reorderPoint: number;
  suggestedQuantity: number;
  /** Still to arrive on confirmed purchase orders for this product and warehouse. */
  incoming: number;
  /** Tax-exclusive fen per base unit: the moving average, or the standard cost before any receipt. */
  unitCost: number;
  sourceType: string | null;
  raisedAt: string;
}
