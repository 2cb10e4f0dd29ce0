/**
 * Builders for stock and purchasing tests. Products are written straight into the catalog's table
 * (the catalog area owns their screens and rules; these tests are about stock).
 */
import type { TestApi } from '../../db/test-db';
import { newId, nowIso } from '../shared/ids';

let productCounter = 0;

export interface ProductFacts {
  code?: string;
  name?: string;
  unit?: string;
  vatRate?: number;
  standardCost?: number;
  isSerialTracked?: boolean;
  isStocked?: boolean;
  barcode?: string | null;
  categoryId?: string | null;
  preferredSupplierId?: string | null;
  status?: 'active' | 'archived';
}

/** A product in the catalog; returns its id. */
export function aProduct(api: TestApi, facts: ProductFacts = {}): string {
  productCounter += 1;
  const id = newId();
  const now = nowIso();
  const code = facts.code ?? `SP${String(productCounter).padStart(5, '0')}`;
  api.backend.conn.sqlite
    .prepare(
      `INSERT INTO products (id, code, name, name_pinyin, unit, vat_rate, standard_cost, is_stocked, is_serial_tracked, barcode, category_id, preferred_supplier_id, status, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      id,
      code,
      facts.name ?? `商品${productCounter}`,
      `shangpin${productCounter}`,
      facts.unit ?? '个',
      facts.vatRate ?? 1300,
      facts.standardCost ?? 1000,
      facts.isStocked === false ? 0 : 1,
      facts.isSerialTracked ? 1 : 0,
      facts.barcode ?? null,
      facts.categoryId ?? null,
      facts.preferredSupplierId ?? null,
      facts.status ?? 'active',
      now,
      now,
    );
  return id;
}

/** The main warehouse (the default) and a second one. */
export async function twoWarehouses(api: TestApi): Promise<{ main: string; branch: string }> {
  const main = await api.ok('stock.createWarehouse', { code: 'WH01', name: '总仓' });
  const branch = await api.ok('stock.createWarehouse', { code: 'WH02', name: '门店仓' });
  return { main: main.id, branch: branch.id };
}

/** Goods in through a receipt adjustment at a cost; returns the adjustment. */
export function receive(api: TestApi, warehouseId: string, productId: string, quantity: number, unitCost: number, serials: string[] = []) {
  return api.ok('stock.createAdjustment', { warehouseId, kind: 'receipt', adjustmentDate: '2026-03-02', lines: [{ productId, quantity, unitCost, serials }] });
}

export async function levelOf(api: TestApi, productId: string, warehouseId: string) {
  const stock = await api.ok('stock.productStock', { productId });
  return stock.warehouses.find((w) => w.warehouseId === warehouseId)!;
}
