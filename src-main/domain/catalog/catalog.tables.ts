import type { CustomerImportsTable } from '../imports/imports.tables';
import type { Flag } from '../../db/schema';
import type { PriceListKind, ProductStatus, VatRate } from './catalog.dto';

export interface ProductCategoriesTable {
  id: string;
  parent_id: string | null;
  name: string;
  sort_order: number;
  created_at: string;
  updated_at: string;
}

export interface ProductsTable {
  id: string;
  code: string;
  name: string;
  name_pinyin: string;
  spec: string | null;
  category_id: string | null;
  unit: string;
  second_unit: string | null;
  second_unit_factor: number | null;
  barcode: string | null;
  vat_rate: VatRate;
  list_price: number;
  standard_cost: number;
  is_stocked: Flag;
  is_service: Flag;
  is_spare_part: Flag;
  is_consumable: Flag;
  reorder_interval_days: number | null;
  is_serial_tracked: Flag;
  preferred_supplier_id: string | null;
  status: ProductStatus;
  notes: string | null;
  created_at: string;
  updated_at: string;
  created_by: string | null;
}

export interface ProductSubstitutesTable {
  product_id: string;
  substitute_id: string;
  rank: number;
}

export interface PriceListsTable {
  id: string;
  code: string;
  name: string;
  kind: PriceListKind;
  tier: string | null;
  customer_id: string | null;
  currency: string;
  tax_inclusive: Flag;
  valid_from: string | null;
  valid_to: string | null;
  status: ProductStatus;
  notes: string | null;
  created_at: string;
  updated_at: string;
}

export interface PriceListItemsTable {
  id: string;
  price_list_id: string;
  product_id: string;
  min_quantity: number;
  unit_price: number;
}

export interface ProductSearchTable {
  /** INTEGER PRIMARY KEY: null on insert picks the next one. */
  rowid: number | null;
  product_id: string;
  names: string;
  tokens: string;
}

/** The product import's undo record (migration 0024): its run as a customer import's (0023). */
export type ProductImportsTable = CustomerImportsTable;

export interface ProductImportChangesTable {
  import_id: string;
  product_id: string;
  kind: 'created' | 'updated';
  /** JSON of the products row as it was, for an update; NULL for a product the import created. */
  before: string | null;
}

export interface ProductImportCategoriesTable {
  import_id: string;
  category_id: string;
}
