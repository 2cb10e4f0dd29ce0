/**
 * What quotes, orders, deliveries and returns need from the catalog: products, the price a
 * customer pays, a scan or typed code, substitutes and units. The one place sales reads the
 * catalog's tables; it gives way to the catalog area's own functions (priceFor, lookup) when
 * they land on main.
 */
import { sql, type Kysely } from 'kysely';
import type { Sqlite } from '../../db/connection';
import type { Database } from '../../db/schema';
import { statement } from '../../db/statements';
import type { VatRate } from '../catalog/catalog.dto';

export interface SalesProduct {
  id: string;
  code: string;
  name: string;
  spec: string | null;
  unit: string;
  secondUnit: string | null;
  secondUnitFactor: number | null;
  barcode: string | null;
  vatRate: VatRate;
  /** 含税, fen per base unit. */
  listPrice: number;
  isStocked: boolean;
  isSerialTracked: boolean;
  active: boolean;
}

interface ProductRecord {
  id: string;
  code: string;
  name: string;
  spec: string | null;
  unit: string;
  second_unit: string | null;
  second_unit_factor: number | null;
  barcode: string | null;
  vat_rate: VatRate;
  list_price: number;
  is_stocked: number;
  is_serial_tracked: number;
  status: string;
}

const COLUMNS = 'id, code, name, spec, unit, second_unit, second_unit_factor, barcode, vat_rate, list_price, is_stocked, is_serial_tracked, status';

function toProduct(r: ProductRecord): SalesProduct {
  return {
    id: r.id,
    code: r.code,
    name: r.name,
    spec: r.spec,
    unit: r.unit,
    secondUnit: r.second_unit,
    secondUnitFactor: r.second_unit_factor,
    barcode: r.barcode,
    vatRate: r.vat_rate,
    listPrice: r.list_price,
    isStocked: r.is_stocked === 1,
    isSerialTracked: r.is_serial_tracked === 1,
    active: r.status === 'active',
  };
}

export function productsById(sqlite: Sqlite, ids: readonly string[]): Map<string, SalesProduct> {
  const found = new Map<string, SalesProduct>();
  const get = statement(sqlite, `SELECT ${COLUMNS} FROM products WHERE id = ?`);
  for (const id of new Set(ids)) {
    const row = get.get(id) as ProductRecord | undefined;
    if (row) found.set(id, toProduct(row));
  }
  return found;
}

/** A scanned barcode or a typed product code (as typed, or in capitals); active products only. */
export function productByScan(sqlite: Sqlite, code: string): SalesProduct | null {
  const typed = code.trim();
  if (!typed) return null;
  const row = (statement(sqlite, `SELECT ${COLUMNS} FROM products WHERE barcode = ? AND status = 'active'`).get(typed) ??
    statement(sqlite, `SELECT ${COLUMNS} FROM products WHERE code IN (?, ?) AND status = 'active' LIMIT 1`).get(typed, typed.toUpperCase())) as ProductRecord | undefined;
  return row ? toProduct(row) : null;
}

/** What to offer when a product is short, best first. */
export function substitutesOf(sqlite: Sqlite, productId: string): SalesProduct[] {
  const rows = statement(
    sqlite,
    `SELECT ${COLUMNS.split(', ').map((c) => `p.${c}`).join(', ')} FROM product_substitutes s JOIN products p ON p.id = s.substitute_id
      WHERE s.product_id = ? AND p.status = 'active' ORDER BY s.rank, p.code`,
  ).all(productId) as ProductRecord[];
  return rows.map(toProduct);
}

/** Base units per unit entered: 1 for the base unit, the pack size for the second unit, null for a unit the product does not have. */
export function unitFactor(product: SalesProduct, unit: string | null | undefined): number | null {
  if (!unit || unit === product.unit) return 1;
  if (unit === product.secondUnit) return product.secondUnitFactor;
  return null;
}

export interface CustomerPrice {
  /** Fen per base unit. */
  unitPrice: number;
  taxInclusive: boolean;
  vatRate: VatRate;
  priceListId: string | null;
  source: 'customer' | 'tier' | 'standard' | 'list_price';
}

/**
 * The price a customer pays for `quantity` base units on a date: the customer's own list, then its
 * tier's, then a standard list, then the product's list price (含税); within a list the largest
 * quantity break not above the quantity.
 */
export async function priceFor(db: Kysely<Database>, input: { customerId: string | null; productId: string; quantity: number; date: string }): Promise<CustomerPrice | null> {
  const product = await db.selectFrom('products').select(['list_price', 'vat_rate']).where('id', '=', input.productId).executeTakeFirst();
  if (!product) return null;
  const tier = input.customerId ? ((await db.selectFrom('customers').select('tier').where('id', '=', input.customerId).executeTakeFirst())?.tier ?? null) : null;
  const { rows } = await sql<{ unit_price: number; tax_inclusive: number; price_list_id: string; kind: 'customer' | 'tier' | 'standard' }>`
    SELECT i.unit_price, l.tax_inclusive, l.id AS price_list_id, l.kind
      FROM price_list_items i JOIN price_lists l ON l.id = i.price_list_id
     WHERE i.product_id = ${input.productId} AND i.min_quantity <= ${input.quantity} AND l.status = 'active'
       AND (l.valid_from IS NULL OR l.valid_from <= ${input.date}) AND (l.valid_to IS NULL OR l.valid_to >= ${input.date})
       AND ((l.kind = 'customer' AND l.customer_id = ${input.customerId}) OR (l.kind = 'tier' AND l.tier = ${tier}) OR l.kind = 'standard')
     ORDER BY CASE l.kind WHEN 'customer' THEN 0 WHEN 'tier' THEN 1 ELSE 2 END, i.min_quantity DESC
     LIMIT 1`.execute(db);
  const found = rows[0];
  if (!found) return { unitPrice: product.list_price, taxInclusive: true, vatRate: product.vat_rate, priceListId: null, source: 'list_price' };
  return { unitPrice: found.unit_price, taxInclusive: found.tax_inclusive === 1, vatRate: product.vat_rate, priceListId: found.price_list_id, source: found.kind };
}
