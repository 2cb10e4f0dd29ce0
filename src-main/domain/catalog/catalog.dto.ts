/** The catalog's closed lists of codes and the records its methods return (runtime-neutral: the renderer imports them). */
export const PRODUCT_STATUSES = ['active', 'archived'] as const;
export type ProductStatus = (typeof PRODUCT_STATUSES)[number];

/** VAT rates in basis points: 13 %, 9 %, 6 %, 3 % (small-scale taxpayers) and 0 %. */
export const VAT_RATES = [1300, 900, 600, 300, 0] as const;
export type VatRate = (typeof VAT_RATES)[number];

export const PRICE_LIST_KINDS = ['standard', 'tier', 'customer'] as const;
export type PriceListKind = (typeof PRICE_LIST_KINDS)[number];

/** The product's yes/no properties, as the form and the list filters name them. */
export const PRODUCT_FLAGS = ['isStocked', 'isService', 'isSparePart', 'isConsumable', 'isSerialTracked'] as const;
export type ProductFlag = (typeof PRODUCT_FLAGS)[number];

export const PRODUCT_SORT_FIELDS = ['code', 'name'] as const;
export type ProductSortField = (typeof PRODUCT_SORT_FIELDS)[number];

/** What the product's quantities and units are: every quantity is kept in `unit`; `secondUnit` is a pack of `secondUnitFactor` of them. */
export interface ProductUnits {
  unit: string;
  secondUnit: string | null;
  secondUnitFactor: number | null;
}

export interface ProductFlags {
  isStocked: boolean;
  isService: boolean;
  isSparePart: boolean;
  isConsumable: boolean;
  isSerialTracked: boolean;
}

export interface SubstituteRef {
  id: string;
  code: string;
  name: string;
  spec: string | null;
  unit: string;
  status: ProductStatus;
}

export interface Product extends ProductUnits, ProductFlags {
  id: string;
  code: string;
  name: string;
  spec: string | null;
  categoryId: string | null;
  /** Names from the top of the tree down to the product's category: ['饮料', '咖啡']. */
  categoryPath: string[];
  barcode: string | null;
  vatRate: VatRate;
  /** Fen per base unit, tax-inclusive (含税). */
  listPrice: number;
  /** Fen per base unit, tax-exclusive. */
  standardCost: number;
  reorderIntervalDays: number | null;
  preferredSupplierId: string | null;
  status: ProductStatus;
  notes: string | null;
  createdAt: string;
  updatedAt: string;
  /** What to offer when this product is short, first choice first. */
  substitutes: SubstituteRef[];
}

export interface ProductListRow extends ProductUnits, ProductFlags {
  id: string;
  code: string;
  name: string;
  spec: string | null;
  categoryId: string | null;
  categoryName: string | null;
  barcode: string | null;
  vatRate: VatRate;
  listPrice: number;
  standardCost: number;
  reorderIntervalDays: number | null;
  status: ProductStatus;
}

/** A product as order entry needs it after a scan or a typed code. */
export interface LookupProduct extends ProductUnits, ProductFlags {
  id: string;
  code: string;
  name: string;
  spec: string | null;
  barcode: string | null;
  vatRate: VatRate;
  listPrice: number;
}

export interface LookupResult {
  /** barcode / code: the query was exactly that product's barcode or code (a scanner's Enter adds it); search: ranked matches. */
  match: 'barcode' | 'code' | 'search' | 'none';
  products: LookupProduct[];
}

export interface Category {
  id: string;
  parentId: string | null;
  name: string;
  sortOrder: number;
  /** Products filed directly under this category (archived ones not counted). */
  productCount: number;
}

export interface PriceList {
  id: string;
  code: string;
  name: string;
  kind: PriceListKind;
  tier: string | null;
  customerId: string | null;
  customerName: string | null;
  currency: string;
  taxInclusive: boolean;
  validFrom: string | null;
  validTo: string | null;
  status: ProductStatus;
  notes: string | null;
  /** Products with at least one price in the list. */
  productCount: number;
  createdAt: string;
  updatedAt: string;
}

export interface PriceBreak {
  /** In base units: this price holds from this quantity up. */
  minQuantity: number;
  /** Fen per base unit, on the list's side of tax. */
  unitPrice: number;
}

/** One product's prices in one list. */
export interface PriceListProduct {
  productId: string;
  code: string;
  name: string;
  spec: string | null;
  unit: string;
  secondUnit: string | null;
  secondUnitFactor: number | null;
  listPrice: number;
  breaks: PriceBreak[];
}

export const PRICE_SOURCES = ['customer', 'tier', 'standard', 'list_price'] as const;
export type PriceSource = (typeof PRICE_SOURCES)[number];

/** What a customer pays for a product at a quantity on a date (catalog.priceFor). */
export interface PriceQuote {
  /** Fen per base unit. */
  unitPrice: number;
  /** Whether unitPrice includes VAT (含税); the product's list price always does. */
  taxInclusive: boolean;
  vatRate: VatRate;
  currency: string;
  priceListId: string | null;
  source: PriceSource;
  /** The quantity break the price belongs to (1 = no break); null for the list price. */
  minQuantity: number | null;
}
