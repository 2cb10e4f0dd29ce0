/**
 * Builders for sales tests: a company with a warehouse, products and stock, and customers. Until
 * the catalog and stock areas land their own APIs, products, warehouses and receipts are written
 * the way those areas would (a product row, a receipt move through the stock ledger).
 */
import type { Sqlite } from '../../db/connection';
import { ownerApi, type TestApi } from '../../db/test-db';
import type { Delivery } from '../deliveries/deliveries.contract';
import { buildProductSearchDoc } from '../catalog/catalog.search-text';
import { aCustomer } from '../customers/customers.test-helpers';
import type { CustomerCreateInput } from '../customers/customers.contract';
import { newId } from '../shared/ids';
import { postMove } from '../stock/stock.ledger';

const NOW = '2026-11-28T08:00:00.000Z';

export interface ProductSpec {
  code?: string;
  name?: string;
  /** 含税 fen per base unit. */
  listPrice?: number;
  vatRate?: number;
  stocked?: boolean;
  serialTracked?: boolean;
  barcode?: string | null;
  unit?: string;
  secondUnit?: { unit: string; factor: number };
  standardCost?: number;
}

let productCounter = 0;

export function insertProduct(sqlite: Sqlite, spec: ProductSpec = {}): string {
  productCounter += 1;
  const id = newId();
  const code = spec.code ?? `P${String(productCounter).padStart(4, '0')}`;
  sqlite
    .prepare(
      `INSERT INTO products (id, code, name, name_pinyin, unit, second_unit, second_unit_factor, barcode, vat_rate, list_price, standard_cost, is_stocked, is_service, is_serial_tracked, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      id,
      code,
      spec.name ?? `商品${code}`,
      code.toLowerCase(),
      spec.unit ?? '个',
      spec.secondUnit?.unit ?? null,
      spec.secondUnit?.factor ?? null,
      spec.barcode === undefined ? `69${String(10_000_000_000 + productCounter)}` : spec.barcode,
      spec.vatRate ?? 1300,
      spec.listPrice ?? 10_000,
      spec.standardCost ?? 5000,
      spec.stocked === false ? 0 : 1,
      spec.stocked === false ? 1 : 0,
      spec.serialTracked ? 1 : 0,
      NOW,
      NOW,
    );
  // What the catalog writes beside every product: its search text (catalog.search-text).
  const doc = buildProductSearchDoc({ code, name: spec.name ?? `商品${code}`, spec: null, barcode: spec.barcode === undefined ? `69${String(10_000_000_000 + productCounter)}` : spec.barcode });
  sqlite.prepare('INSERT INTO product_search (product_id, names, tokens) VALUES (?, ?, ?)').run(id, doc.names, doc.tokens);
  return id;
}

export function insertWarehouse(sqlite: Sqlite, code: string, isDefault = false): string {
  const id = newId();
  sqlite.prepare('INSERT INTO warehouses (id, code, name, is_default, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)').run(id, code, `${code}仓`, isDefault ? 1 : 0, NOW, NOW);
  return id;
}

export function receive(sqlite: Sqlite, productId: string, warehouseId: string, quantity: number, unitCost = 5000): void {
  postMove(sqlite, { productId, warehouseId, kind: 'receipt', quantity, unitCost, moveDate: '2026-11-01', document: { type: 'test_receipt', id: newId(), no: 'GR-TEST' }, userId: null });
}

export function registerSerials(sqlite: Sqlite, productId: string, warehouseId: string, serials: string[]): void {
  for (const serial of serials) {
    sqlite.prepare("INSERT INTO serial_numbers (id, product_id, serial, status, warehouse_id, created_at, updated_at) VALUES (?, ?, ?, 'in_stock', ?, ?, ?)").run(newId(), productId, serial, warehouseId, NOW, NOW);
  }
}

export function addSubstitute(sqlite: Sqlite, productId: string, substituteId: string, rank = 1): void {
  sqlite.prepare('INSERT INTO product_substitutes (product_id, substitute_id, rank) VALUES (?, ?, ?)').run(productId, substituteId, rank);
}

export interface SalesBooks {
  api: TestApi;
  sqlite: Sqlite;
  warehouseId: string;
  product(spec?: ProductSpec & { onHand?: number }): string;
  customer(overrides?: Partial<CustomerCreateInput>): Promise<string>;
  level(productId: string, warehouseId?: string): { on_hand: number; reserved: number; stock_value: number; avg_cost: number };
  /** What `cli check` would report: every failing invariant with its differences. */
  problems(): { name: string; differences: string[] }[];
}

/** A set-up company with one default warehouse, signed in as its owner. */
export async function salesBooks(): Promise<SalesBooks> {
  const api = await ownerApi();
  const sqlite = api.backend.conn.sqlite;
  const warehouseId = insertWarehouse(sqlite, 'WH01', true);
  return {
    api,
    sqlite,
    warehouseId,
    product(spec = {}) {
      const id = insertProduct(sqlite, spec);
      if (spec.onHand) receive(sqlite, id, warehouseId, spec.onHand);
      return id;
    },
    async customer(overrides = {}) {
      return (await api.ok('customers.create', aCustomer({ name: `客户${newId().slice(-6)}有限公司`, shortName: null, ...overrides }))).id;
    },
    problems() {
      return api.backend.checkInvariants().filter((r) => !r.ok).map((r) => ({ name: r.name, differences: r.differences }));
    },
    level(productId, warehouse = warehouseId) {
      return (sqlite.prepare('SELECT on_hand, reserved, stock_value, avg_cost FROM stock_levels WHERE product_id = ? AND warehouse_id = ?').get(productId, warehouse) as {
        on_hand: number;
        reserved: number;
        stock_value: number;
        avg_cost: number;
      }) ?? { on_hand: 0, reserved: 0, stock_value: 0, avg_cost: 0 };
    },
  };
}

/** Confirms every line of a delivery on the pick screen by product code, all that is left of each. */
export async function pickAll(api: TestApi, delivery: Pick<Delivery, 'id' | 'lines'>): Promise<void> {
  for (const line of delivery.lines) {
    if (line.pickedQuantity < line.quantity) await api.ok('deliveries.pick', { id: delivery.id, code: line.productCode, quantity: line.quantity - line.pickedQuantity });
  }
}

export async function pickAndPost(api: TestApi, delivery: Pick<Delivery, 'id' | 'lines'>): Promise<Delivery> {
  await pickAll(api, delivery);
  return api.ok('deliveries.post', { id: delivery.id });
}
