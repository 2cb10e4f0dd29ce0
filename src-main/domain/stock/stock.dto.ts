/** The stock area's closed lists of codes (runtime-neutral: the renderer imports them). */
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
