/**
 * The stock area's API (库存): warehouses, the stock overview and the moves behind it, stock
 * adjustments, transfers, counts, serial numbers, replenishment rules and the negative-stock
 * setting. Runtime-neutral; the renderer imports it.
 */
import { z } from 'zod';
import { method } from '../../api/method';
import { pageFields, type Page } from '../../api/paging';
import { isoDate, optionalText } from '../customers/customers.rules';
import {
  ADJUSTMENT_KINDS,
  SERIAL_STATUSES,
  STOCK_COUNT_STATUSES,
  STOCK_MOVE_KINDS,
  type Adjustment,
  type AdjustmentRow,
  type MovesPage,
  type ProductLookup,
  type ProductStock,
  type ReplenishmentRule,
  type SerialRow,
  type StockCount,
  type StockPage,
  type StockSettings,
  type Transfer,
  type TransferRow,
  type CountRow,
  type Warehouse,
} from './stock.dto';

const id = z.string().uuid('Not a valid id');
/** A quantity in the base unit. */
export const quantityField = z.number().int('A whole number of base units').min(1).max(1_000_000_000);
const levelField = z.number().int('A whole number of base units').min(0).max(1_000_000_000);
const fen = z.number().int('Money is whole fen').min(0).max(1e13);
const serial = z.string().trim().min(1).max(60);
/** The serials of a line of a serial-tracked product: exactly as many as its quantity. */
export const serialsField = z.array(serial).max(10_000).default([]);

const warehouseCode = z
  .string()
  .trim()
  .min(1)
  .max(20)
  .regex(/^[A-Za-z0-9_-]+$/, 'Letters, digits, - and _')
  .transform((code) => code.toUpperCase());

const warehouseFields = {
  code: warehouseCode,
  name: z.string().trim().min(1).max(50),
  address: optionalText(200),
  isDefault: z.boolean().optional(),
};

export const stockOverviewInput = z
  .object({
    /** Product code (prefix), barcode or name. */
    q: z.string().trim().max(100).optional(),
    warehouseId: id.optional(),
    categoryId: id.optional(),
    belowSafety: z.boolean().default(false),
    /** Only products with stock on hand or reserved. */
    inStockOnly: z.boolean().default(false),
    /** Keyset paging: the page after this row (deep pages without OFFSET); `page` is then ignored. */
    after: z.object({ productCode: z.string().max(100), warehouseCode: z.string().max(100) }).strict().optional(),
    ...pageFields,
  })
  .strict();

export const stockMovesInput = z
  .object({
    productId: id.optional(),
    warehouseId: id.optional(),
    kind: z.enum(STOCK_MOVE_KINDS).optional(),
    /** The moves one document posted (its kind as the moves record it: purchase_receipt, stock_transfer…). */
    document: z.object({ type: z.string().min(1).max(40), id: z.string().min(1).max(64) }).strict().optional(),
    from: isoDate.optional(),
    to: isoDate.optional(),
    /** Keyset paging, newest first: the page after this move; `page` is then ignored. */
    after: z.object({ moveDate: isoDate, id: z.string().min(1).max(64) }).strict().optional(),
    ...pageFields,
  })
  .strict();

const adjustmentLine = z
  .object({
    productId: id,
    quantity: quantityField,
    /** Tax-exclusive fen per base unit; required for opening balances and receipts, ignored for goods going out (they leave at the moving average). */
    unitCost: fen.optional(),
    serials: serialsField,
    note: optionalText(200),
  })
  .strict();

export const createAdjustmentInput = z
  .object({
    warehouseId: id,
    kind: z.enum(ADJUSTMENT_KINDS),
    /** The business date of the moves; today when left out. */
    adjustmentDate: isoDate.optional(),
    notes: optionalText(500),
    lines: z.array(adjustmentLine).min(1).max(500),
  })
  .strict();

export const createTransferInput = z
  .object({
    fromWarehouseId: id,
    toWarehouseId: id,
    transferDate: isoDate.optional(),
    notes: optionalText(500),
    lines: z.array(z.object({ productId: id, quantity: quantityField, serials: serialsField }).strict()).min(1).max(500),
  })
  .strict();

export const enterCountsInput = z
  .object({
    id,
    /** A line of the sheet by its id, or a product found on the shelf that the sheet does not list. Null clears a count. */
    lines: z
      .array(
        z
          .object({ lineId: id.optional(), productId: id.optional(), countedQuantity: levelField.nullable() })
          .strict()
          .refine((l) => (l.lineId === undefined) !== (l.productId === undefined), { path: ['lineId'], message: 'Give the line or the product' }),
      )
      .min(1)
      .max(5000),
  })
  .strict();

export const saveRulesInput = z
  .object({
    rules: z
      .array(z.object({ productId: id, warehouseId: id, safetyStock: levelField, reorderPoint: levelField, reorderQuantity: levelField }).strict())
      .min(1)
      .max(5000),
  })
  .strict();

const listFields = { from: isoDate.optional(), to: isoDate.optional(), warehouseId: id.optional(), ...pageFields };
const byId = z.object({ id }).strict();
/** The transfers and count sheets lists' queries (their exports take the same, without paging). */
export const transferListInput = z.object(listFields).strict();
export const countListInput = z.object({ status: z.enum(STOCK_COUNT_STATUSES).optional(), ...listFields }).strict();

export type StockOverviewInput = z.input<typeof stockOverviewInput>;
export type StockMovesInput = z.input<typeof stockMovesInput>;
export type CreateAdjustmentInput = z.input<typeof createAdjustmentInput>;
export type CreateTransferInput = z.input<typeof createTransferInput>;
export type EnterCountsInput = z.input<typeof enterCountsInput>;

export const stockContract = {
  'stock.listWarehouses': method<Warehouse[]>()({ input: z.object({ includeArchived: z.boolean().default(false) }).strict(), permission: 'stock.read', mutates: false }),
  /** The first warehouse becomes the default; `isDefault` moves the default to this one. */
  'stock.createWarehouse': method<Warehouse>()({ input: z.object(warehouseFields).strict(), permission: 'stock.write', mutates: true }),
  'stock.updateWarehouse': method<Warehouse>()({ input: z.object(warehouseFields).partial().extend({ id }).strict(), permission: 'stock.write', mutates: true }),
  /** Refused for the default warehouse and for one that still holds or promises stock. */
  'stock.archiveWarehouse': method<Warehouse>()({ input: byId, permission: 'stock.write', mutates: true }),
  'stock.restoreWarehouse': method<Warehouse>()({ input: byId, permission: 'stock.write', mutates: true }),

  /** Per product and warehouse: on hand, reserved, available, average cost, value, rule; in product code order. */
  'stock.overview': method<StockPage>()({ input: stockOverviewInput, permission: 'stock.read', mutates: false }),
  /** The moves behind a figure, newest first. */
  'stock.moves': method<MovesPage>()({ input: stockMovesInput, permission: 'stock.read', mutates: false }),
  'stock.productStock': method<ProductStock>()({ input: z.object({ productId: id }).strict(), permission: 'stock.read', mutates: false }),
  /** What a typed code or a scanned barcode adds to a line: the exact barcode, the exact code, then a search. */
  'stock.findProducts': method<ProductLookup>()({
    input: z.object({ q: z.string().trim().min(1).max(100), limit: z.number().int().min(1).max(50).default(10) }).strict(),
    permission: 'stock.read',
    mutates: false,
  }),

  'stock.listAdjustments': method<Page<AdjustmentRow>>()({ input: z.object({ kind: z.enum(ADJUSTMENT_KINDS).optional(), ...listFields }).strict(), permission: 'stock.read', mutates: false }),
  'stock.getAdjustment': method<Adjustment>()({ input: byId, permission: 'stock.read', mutates: false }),
  /** Posted when saved: opening balances and receipts come in at their cost, scrap and service issues leave at the average. */
  'stock.createAdjustment': method<Adjustment>()({ input: createAdjustmentInput, permission: 'stock.write', mutates: true, changes: ['stock', 'purchasing'] }),

  'stock.listTransfers': method<Page<TransferRow>>()({ input: transferListInput, permission: 'stock.read', mutates: false }),
  'stock.getTransfer': method<Transfer>()({ input: byId, permission: 'stock.read', mutates: false }),
  /** Posted when saved: per line, goods leave one warehouse and arrive in the other at the moving average. */
  'stock.createTransfer': method<Transfer>()({ input: createTransferInput, permission: 'stock.write', mutates: true, changes: ['stock', 'purchasing'] }),

  'stock.listCounts': method<Page<CountRow>>()({ input: countListInput, permission: 'stock.read', mutates: false }),
  'stock.getCount': method<StockCount>()({ input: byId, permission: 'stock.read', mutates: false }),
  /** Opens a count sheet (盘点单) for a warehouse, snapshotting what the books expect of each product kept there. */
  'stock.openCount': method<StockCount>()({
    input: z.object({ warehouseId: id, countDate: isoDate.optional(), categoryId: id.optional(), notes: optionalText(500) }).strict(),
    permission: 'stock.write',
    mutates: true,
  }),
  'stock.enterCounts': method<StockCount>()({ input: enterCountsInput, permission: 'stock.write', mutates: true }),
  /**
   * Posts a count_adjustment move per counted line by counted − expected (moves since the snapshot
   * stand), at the moving average. Serial-tracked lines that differ name the serials found or missing.
   */
  'stock.postCount': method<StockCount>()({
    input: z.object({ id, serials: z.record(id, z.array(serial).max(10_000)).default({}) }).strict(),
    permission: 'stock.write',
    mutates: true,
    changes: ['stock', 'purchasing'],
  }),
  'stock.cancelCount': method<StockCount>()({ input: byId, permission: 'stock.write', mutates: true }),

  'stock.serials': method<Page<SerialRow>>()({
    input: z
      .object({ productId: id.optional(), warehouseId: id.optional(), status: z.enum(SERIAL_STATUSES).optional(), q: z.string().trim().max(60).optional(), ...pageFields })
      .strict(),
    permission: 'stock.read',
    mutates: false,
  }),

  /** Safety stock, reorder point and reorder quantity per product and warehouse, one or many at once. */
  'stock.saveRules': method<ReplenishmentRule[]>()({ input: saveRulesInput, permission: 'stock.write', mutates: true, changes: ['stock', 'purchasing'] }),

  'stock.settings': method<StockSettings>()({ input: z.object({}).strict(), permission: 'stock.read', mutates: false }),
  'stock.updateSettings': method<StockSettings>()({ input: z.object({ allowNegative: z.boolean() }).strict(), permission: 'stock.settings', mutates: true }),
};
