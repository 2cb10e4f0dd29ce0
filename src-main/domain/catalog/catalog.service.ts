/**
 * The catalog's public face: what other areas (quotes, orders, deliveries, returns, stock,
 * purchasing) call. These signatures are kept stable; each takes the caller's Kysely (inside a
 * mutation, its transaction) and never opens a transaction of its own.
 *
 * - priceFor(db, { customerId, productId, quantity, date? }) → PriceQuote
 *     quantity in base units; customerId null for a walk-in customer; date a business date
 *     (YYYY-MM-DD, default today in the company's zone). Returns { unitPrice (fen per base unit),
 *     taxInclusive, vatRate, currency, priceListId | null, source: 'customer' | 'tier' |
 *     'standard' | 'list_price', minQuantity }. NOT_FOUND for an unknown product or customer.
 * - lookupProducts(db, { q, limit }) → { match: 'barcode' | 'code' | 'search' | 'none', products }
 *     active products only; exact barcode, then exact code, then the search index.
 *   scannedProduct(db, code) → LookupProduct | null: the exact barcode or code only (a scan).
 * - toBaseQuantity(product, quantity, unit, path?) → base units (箱 × factor); VALIDATION at
 *     `${path}.quantity` / `${path}.unit` for a bad quantity or a unit the product does not have.
 *   inPacks / quantityText: a base quantity as 3箱4个.
 * - listProducts(db, { q, filters, sort, page, pageSize }) → Page<ProductListRow> (the product list, also
 *   what the Excel export reads page by page).
 * - productsByIds(sqlite, ids) → Map<id, ProductListRow>, archived products included: what a
 *   document's lines name, in one query.
 * - getProduct(db, id) → Product (NOT_FOUND when missing); substitutesFor(db, id) → active
 *   substitutes, first choice first.
 */
export { priceFor } from './catalog.prices';
export { listProducts, lookupProducts, productsByIds, scannedProduct } from './catalog.list';
export { getProduct, substitutesFor, PRODUCT_SERIES } from './catalog.products';
export { inPacks, quantityText, toBaseQuantity } from './catalog.units';
export type { LookupProduct, LookupResult, PriceQuote, Product, ProductListRow, ProductUnits, SubstituteRef } from './catalog.dto';
