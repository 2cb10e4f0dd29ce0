/**
 * The catalog's API (商品与价格): products, categories, substitutes, price lists and the price a
 * customer pays. Runtime-neutral; the renderer imports it. Rules that span fields are in catalog.rules.ts.
 */
import { z } from 'zod';
import { issue } from '../../api/issues';
import { method } from '../../api/method';
import { pageFields, type Page } from '../../api/paging';
import {
  type Category,
  type LookupResult,
  PRICE_LIST_KINDS,
  PRODUCT_SORT_FIELDS,
  PRODUCT_STATUSES,
  type PriceList,
  type PriceListProduct,
  type PriceQuote,
  type Product,
  type ProductListRow,
  type SubstituteRef,
  VAT_RATES,
  type VatRate,
} from './catalog.dto';
import { dateField, isoDate, optionalText } from '../customers/customers.rules';
import { isValidBarcode, normaliseBarcode, normaliseProductCode, PRODUCT_CODE } from './catalog.rules';

const id = z.string().uuid('Not a valid id');
const emptyAsNull = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? null : v);
const fen = z.number().int('Money is whole fen').min(0, 'Cannot be negative').max(99_999_999_999);
const unitName = z.string().trim().min(1, 'The unit is required').max(10);

export const vatRateField = z
  .number()
  .int()
  .refine((v): v is VatRate => (VAT_RATES as readonly number[]).includes(v), issue('invalid_choice', { options: VAT_RATES.map(String) }));

export const productCodeField = z.preprocess(
  (v) => (typeof v === 'string' ? normaliseProductCode(v) || null : v),
  z.string().regex(PRODUCT_CODE, issue('invalid_format').message).nullable(),
);

export const barcodeField = z.preprocess(
  (v) => (typeof v === 'string' ? normaliseBarcode(v) || null : v),
  z
    .string()
    .refine(isValidBarcode, issue('invalid_barcode'))
    .nullable(),
);

/** The product's own fields, shared by create and update (update takes any subset). */
const productFields = {
  /** Without one, the product series issues the next (P000123). */
  code: productCodeField.optional(),
  name: z.string().trim().min(1, 'The product name is required').max(100),
  spec: optionalText(100),
  categoryId: id.nullable().optional(),
  unit: unitName,
  secondUnit: z.preprocess(emptyAsNull, unitName.nullable()).optional(),
  secondUnitFactor: z.number().int().max(100_000).nullable().optional(),
  barcode: barcodeField.optional(),
  vatRate: vatRateField,
  listPrice: fen,
  standardCost: fen,
  isStocked: z.boolean(),
  isService: z.boolean(),
  isSparePart: z.boolean(),
  isConsumable: z.boolean(),
  reorderIntervalDays: z.number().int().min(1).max(3650).nullable().optional(),
  isSerialTracked: z.boolean(),
  preferredSupplierId: id.nullable().optional(),
  notes: optionalText(2000),
  /** What to offer when the product is short, first choice first. */
  substituteIds: z.array(id).max(20),
};

export const productCreateInput = z
  .object({
    ...productFields,
    vatRate: productFields.vatRate.default(1300),
    listPrice: fen.default(0),
    standardCost: fen.default(0),
    isStocked: z.boolean().default(true),
    isService: z.boolean().default(false),
    isSparePart: z.boolean().default(false),
    isConsumable: z.boolean().default(false),
    isSerialTracked: z.boolean().default(false),
    substituteIds: productFields.substituteIds.default([]),
  })
  .strict();

export const productUpdateInput = z
  .object(productFields)
  .partial()
  .extend({ id })
  .strict();

export const productListFilters = z
  .object({
    /** The category and every category under it. */
    categoryId: id,
    status: z.enum([...PRODUCT_STATUSES, 'all']),
    isStocked: z.boolean(),
    isService: z.boolean(),
    isSparePart: z.boolean(),
    isConsumable: z.boolean(),
    isSerialTracked: z.boolean(),
    /** Products with a second unit (箱) or without. */
    hasSecondUnit: z.boolean(),
  })
  .partial()
  .strict();

export const productListSort = z.object({ field: z.enum(PRODUCT_SORT_FIELDS), dir: z.enum(['asc', 'desc']).default('asc') }).strict();

export const productListQuery = {
  q: z.string().trim().max(100).optional(),
  filters: productListFilters.default({}),
  sort: productListSort.default({ field: 'code', dir: 'asc' }),
};

export const productListInput = z.object({ ...productListQuery, ...pageFields }).strict();

const priceBreak = z.object({ minQuantity: z.number().int().min(1).max(1_000_000_000), unitPrice: fen }).strict();

const priceListFields = {
  /** Without one, the next PL001. */
  code: productCodeField.optional(),
  name: z.string().trim().min(1, 'The price list name is required').max(60),
  kind: z.enum(PRICE_LIST_KINDS),
  /** For a tier list: the customer tier it applies to (客户等级, e.g. 金卡). */
  tier: optionalText(30),
  customerId: id.nullable().optional(),
  currency: z.string().refine((v) => /^[A-Z]{3}$/.test(v), issue('invalid_currency')),
  taxInclusive: z.boolean(),
  validFrom: dateField,
  validTo: dateField,
  notes: optionalText(500),
};

export const priceListCreateInput = z
  .object({ ...priceListFields, currency: priceListFields.currency.default('CNY'), taxInclusive: z.boolean().default(true) })
  .strict();

export const priceListUpdateInput = z.object(priceListFields).partial().extend({ id }).strict();

export const priceForInput = z
  .object({
    /** Null for a walk-in customer (散客): the standard list or the list price. */
    customerId: id.nullable(),
    productId: id,
    /** In base units. */
    quantity: z.number().int().min(1).max(1_000_000_000),
    /** The business date the price must be valid on; today by default. */
    date: isoDate.optional(),
  })
  .strict();

export type ProductCreateInput = z.input<typeof productCreateInput>;
export type ProductUpdateInput = z.input<typeof productUpdateInput>;
export type ProductListInput = z.input<typeof productListInput>;
export type ProductListFilters = z.input<typeof productListFilters>;
export type PriceListCreateInput = z.input<typeof priceListCreateInput>;
export type PriceListUpdateInput = z.input<typeof priceListUpdateInput>;
export type PriceForInput = z.output<typeof priceForInput>;

const byId = z.object({ id }).strict();

/** The price lists list's query (catalog.listPriceLists) without paging; its export takes the same. */
export const priceListQuery = { kind: z.enum(PRICE_LIST_KINDS).optional(), status: z.enum([...PRODUCT_STATUSES, 'all']).default('active') };
/** One price list's products, searched (catalog.priceListItems) without paging; its price sheet export takes the same. */
export const priceListItemsQuery = { priceListId: id, q: z.string().trim().max(100).optional() };

export const catalogContract = {
  'catalog.list': method<Page<ProductListRow>>()({ input: productListInput, permission: 'catalog.read', mutates: false }),
  'catalog.get': method<Product>()({ input: byId, permission: 'catalog.read', mutates: false }),
  /** What a scanner or a typed code hits in order entry: the exact barcode, then the exact code, then a search. */
  'catalog.lookup': method<LookupResult>()({
    input: z.object({ q: z.string().trim().min(1).max(100), limit: z.number().int().min(1).max(50).default(10) }).strict(),
    permission: 'catalog.read',
    mutates: false,
  }),
  'catalog.create': method<Product>()({ input: productCreateInput, permission: 'catalog.write', mutates: true }),
  /** Changing the list price or the standard cost also needs catalog.prices. */
  'catalog.update': method<Product>()({ input: productUpdateInput, permission: 'catalog.write', mutates: true }),
  'catalog.archive': method<Product>()({ input: byId, permission: 'catalog.write', mutates: true }),
  'catalog.restore': method<Product>()({ input: byId, permission: 'catalog.write', mutates: true }),
  /** The active substitutes of a product, first choice first (what to offer when it is short). */
  'catalog.substitutes': method<SubstituteRef[]>()({ input: z.object({ productId: id }).strict(), permission: 'catalog.read', mutates: false }),

  'catalog.listCategories': method<Category[]>()({ input: z.object({}).strict(), permission: 'catalog.read', mutates: false }),
  'catalog.saveCategory': method<Category>()({
    input: z
      .object({ id: id.optional(), name: z.string().trim().min(1, 'The category name is required').max(30), parentId: id.nullable().default(null), sortOrder: z.number().int().min(0).max(100_000).default(0) })
      .strict(),
    permission: 'catalog.write',
    mutates: true,
  }),
  /** Only an empty category (no products, no sub-categories) can be removed. */
  'catalog.removeCategory': method<null>()({ input: byId, permission: 'catalog.write', mutates: true }),

  'catalog.listPriceLists': method<Page<PriceList>>()({
    input: z.object({ ...priceListQuery, ...pageFields }).strict(),
    permission: 'catalog.read',
    mutates: false,
  }),
  'catalog.getPriceList': method<PriceList>()({ input: byId, permission: 'catalog.read', mutates: false }),
  'catalog.createPriceList': method<PriceList>()({ input: priceListCreateInput, permission: 'catalog.prices', mutates: true }),
  'catalog.updatePriceList': method<PriceList>()({ input: priceListUpdateInput, permission: 'catalog.prices', mutates: true }),
  'catalog.archivePriceList': method<PriceList>()({ input: byId, permission: 'catalog.prices', mutates: true }),
  'catalog.restorePriceList': method<PriceList>()({ input: byId, permission: 'catalog.prices', mutates: true }),
  /** The products a list prices, each with its quantity breaks, by product code. */
  'catalog.priceListItems': method<Page<PriceListProduct>>()({
    input: z.object({ ...priceListItemsQuery, ...pageFields }).strict(),
    permission: 'catalog.read',
    mutates: false,
  }),
  /** A product's complete set of quantity breaks in a list; an empty set takes the product off the list. */
  'catalog.setPrices': method<PriceListProduct | null>()({
    input: z.object({ priceListId: id, productId: id, breaks: z.array(priceBreak).max(20) }).strict(),
    permission: 'catalog.prices',
    mutates: true,
  }),
  'catalog.priceFor': method<PriceQuote>()({ input: priceForInput, permission: 'catalog.read', mutates: false }),
};
