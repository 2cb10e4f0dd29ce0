/**
 * Price lists (价目表) by customer tier and by customer, with quantity breaks and validity dates,
 * and the price a customer pays (priceFor), which quotes and orders call through the catalog service.
 */
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import { AppError, notFound, validationError, type FieldIssue } from '../../api/errors';
import { fieldIssue } from '../../api/issues';
import type { Page } from '../../api/paging';
import type { Database } from '../../db/schema';
import { businessDateIn } from '../core/dates';
import { bumpSeriesPast, nextNumber, type SeriesDefinition } from '../core/numbering';
import { changedFields, type HandlerContext } from '../context';
import { newId, nowIso } from '../shared/ids';
import { getSettings } from '../settings/settings.service';
import type { priceListCreateInput, priceListUpdateInput, PriceForInput } from './catalog.contract';
import type { PriceBreak, PriceList, PriceListProduct, PriceQuote, ProductStatus } from './catalog.dto';
import { findProduct } from './catalog.repository';
import * as repo from './catalog.price-lists.repository';
import { toProductFtsQuery } from './catalog.search-text';
import { sql } from 'kysely';

type Db = Kysely<Database>;

/** Price list codes PL001 when none is typed. */
export const PRICE_LIST_SERIES: SeriesDefinition = { code: 'price_list', prefix: 'PL', perYear: false, padding: 3 };

function toPriceList(r: repo.PriceListRecord): PriceList {
  return {
    id: r.id,
    code: r.code,
    name: r.name,
    kind: r.kind,
    tier: r.tier,
    customerId: r.customer_id,
    customerName: r.customer_name,
    currency: r.currency,
    taxInclusive: r.tax_inclusive === 1,
    validFrom: r.valid_from,
    validTo: r.valid_to,
    status: r.status,
    notes: r.notes,
    productCount: Number(r.product_count ?? 0),
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export async function getPriceList(db: Db, id: string): Promise<PriceList> {
  const row = await repo.findPriceList(db, id);
  if (!row) throw notFound('Price list', id);
  return toPriceList(row);
}

export async function listPriceLists(db: Db, input: Parameters<typeof repo.listPriceLists>[1]): Promise<Page<PriceList>> {
  const { rows, total } = await repo.listPriceLists(db, input);
  // Price lists are a handful per company; their count is exact.
  return { rows: rows.map(toPriceList), total, totalIsExact: true };
}

interface Scope {
  kind: PriceList['kind'];
  tier: string | null;
  customerId: string | null;
  validFrom: string | null;
  validTo: string | null;
}

/** A list applies to everyone (standard), one tier, or one customer, and never ends before it starts. */
async function scopeIssues(db: Db, s: Scope): Promise<FieldIssue[]> {
  const issues: FieldIssue[] = [];
  if (s.kind === 'tier' && !s.tier) issues.push(fieldIssue('tier', 'required'));
  if (s.kind === 'customer' && !s.customerId) issues.push(fieldIssue('customerId', 'required'));
  if (s.kind !== 'tier' && s.tier) issues.push(fieldIssue('tier', 'not_allowed', { reason: 'price_list_scope' }));
  if (s.kind !== 'customer' && s.customerId) issues.push(fieldIssue('customerId', 'not_allowed', { reason: 'price_list_scope' }));
  if (s.kind === 'customer' && s.customerId && !(await repo.customerExists(db, s.customerId))) issues.push(fieldIssue('customerId', 'not_found', { entity: 'customer' }));
  if (s.validFrom && s.validTo && s.validTo < s.validFrom) issues.push(fieldIssue('validTo', 'too_small', { min: s.validFrom }));
  return issues;
}

const auditView = (p: PriceList) => {
  const { updatedAt: _u, createdAt: _c, productCount: _n, customerName: _name, ...rest } = p;
  return rest;
};

export async function createPriceList(ctx: HandlerContext, input: z.output<typeof priceListCreateInput>): Promise<PriceList> {
  const db = ctx.db;
  const scope: Scope = { kind: input.kind, tier: input.tier ?? null, customerId: input.customerId ?? null, validFrom: input.validFrom ?? null, validTo: input.validTo ?? null };
  const issues = await scopeIssues(db, scope);
  if (input.code && (await repo.priceListWithCode(db, input.code, null))) issues.push(fieldIssue('code', 'taken'));
  if (issues.length) throw validationError(issues);
  const businessDate = businessDateIn((await getSettings(db)).timeZone);
  if (input.code) bumpSeriesPast(ctx.sqlite, PRICE_LIST_SERIES, [input.code], businessDate);
  const code = input.code ?? nextNumber(ctx.sqlite, PRICE_LIST_SERIES, businessDate);
  if (!input.code && (await repo.priceListWithCode(db, code, null))) throw new AppError('CONFLICT', `Price list code ${code} from the numbering series is already in use`);
  const now = nowIso();
  const id = newId();
  await repo.insertPriceList(db, {
    id,
    code,
    name: input.name,
    kind: scope.kind,
    tier: scope.tier,
    customer_id: scope.customerId,
    currency: input.currency,
    tax_inclusive: input.taxInclusive ? 1 : 0,
    valid_from: scope.validFrom,
    valid_to: scope.validTo,
    status: 'active',
    notes: input.notes ?? null,
    created_at: now,
    updated_at: now,
  });
  const list = await getPriceList(db, id);
  ctx.audit({ entityType: 'priceList', entityId: id, fields: changedFields(null, auditView(list)) });
  return list;
}

export async function updatePriceList(ctx: HandlerContext, input: z.output<typeof priceListUpdateInput>): Promise<PriceList> {
  const db = ctx.db;
  const before = await getPriceList(db, input.id);
  const pick = <K extends keyof Scope>(key: K): Scope[K] => (input[key] !== undefined ? (input[key] as Scope[K]) : before[key]);
  const scope: Scope = { kind: pick('kind'), tier: pick('tier'), customerId: pick('customerId'), validFrom: pick('validFrom'), validTo: pick('validTo') };
  const issues = await scopeIssues(db, scope);
  if (input.code === null) issues.push(fieldIssue('code', 'required'));
  const newCode = input.code && input.code !== before.code ? input.code : null;
  if (newCode && (await repo.priceListWithCode(db, newCode, input.id))) issues.push(fieldIssue('code', 'taken'));
  if (issues.length) throw validationError(issues);
  if (newCode) bumpSeriesPast(ctx.sqlite, PRICE_LIST_SERIES, [newCode], businessDateIn((await getSettings(db)).timeZone));
  await repo.updatePriceList(db, input.id, {
    ...(newCode ? { code: newCode } : {}),
    ...(input.name !== undefined ? { name: input.name } : {}),
    ...(input.currency !== undefined ? { currency: input.currency } : {}),
    ...(input.taxInclusive !== undefined ? { tax_inclusive: input.taxInclusive ? 1 : 0 } : {}),
    ...(input.notes !== undefined ? { notes: input.notes } : {}),
    kind: scope.kind,
    tier: scope.tier,
    customer_id: scope.customerId,
    valid_from: scope.validFrom,
    valid_to: scope.validTo,
    updated_at: nowIso(),
  });
  const after = await getPriceList(db, input.id);
  ctx.audit({ entityType: 'priceList', entityId: input.id, fields: changedFields(auditView(before), auditView(after)) });
  return after;
}

export async function setPriceListStatus(ctx: HandlerContext, id: string, status: ProductStatus): Promise<PriceList> {
  const before = await getPriceList(ctx.db, id);
  if (before.status === status) return before;
  await repo.updatePriceList(ctx.db, id, { status, updated_at: nowIso() });
  ctx.audit({ entityType: 'priceList', entityId: id, fields: { status: { before: before.status, after: status } } });
  return getPriceList(ctx.db, id);
}

// ---------------------------------------------------------------- items

/** The products a search of a price list keeps (on alias p), null for all, 'none' for a search that can match nothing. */
function searchedProducts(q: string | undefined): ReturnType<typeof sql> | null | 'none' {
  if (!q) return null;
  const fts = toProductFtsQuery(q);
  if (!fts) return 'none';
  return sql`p.id IN (SELECT ps.product_id FROM products_fts JOIN product_search ps ON ps.rowid = products_fts.rowid WHERE products_fts MATCH ${fts})`;
}

/** One price of a list at one quantity break: a row of the price sheet sent to a customer. */
export interface PriceSheetRow {
  code: string;
  name: string;
  spec: string | null;
  unit: string;
  minQuantity: number;
  unitPrice: number;
  taxInclusive: boolean;
  listPrice: number;
}

/**
 * A price list as the rows of its price sheet, a break a row, in the order the list shows its
 * products (by code, each product's breaks from the smallest quantity), a page of products at a time.
 */
export async function* priceSheetRows(db: Db, input: { priceListId: string; q?: string | undefined }, pageSize: number): AsyncIterable<{ rows: PriceSheetRow[]; total: number }> {
  const list = await getPriceList(db, input.priceListId);
  const filter = searchedProducts(input.q);
  if (filter === 'none') return;
  const total = await repo.priceListBreakCount(db, input.priceListId, filter);
  for (let page = 1; ; page++) {
    const { rows } = await priceListItems(db, { ...input, page, pageSize });
    yield {
      total,
      rows: rows.flatMap((p) => p.breaks.map((b) => ({ code: p.code, name: p.name, spec: p.spec, unit: p.unit, minQuantity: b.minQuantity, unitPrice: b.unitPrice, taxInclusive: list.taxInclusive, listPrice: p.listPrice }))),
    };
    if (rows.length < pageSize) return;
  }
}

export async function priceListItems(db: Db, input: { priceListId: string; q?: string | undefined; page: number; pageSize: number }): Promise<Page<PriceListProduct>> {
  await getPriceList(db, input.priceListId);
  const filter = searchedProducts(input.q);
  if (filter === 'none') return { rows: [], total: 0, totalIsExact: true };
  const { rows, total } = await repo.priceListProducts(db, input.priceListId, filter, input.page, input.pageSize);
  const breaks = await repo.breaksOf(
    db,
    input.priceListId,
    rows.map((r) => r.id),
  );
  return {
    total,
    totalIsExact: true,
    rows: rows.map((r) => ({
      productId: r.id,
      code: r.code,
      name: r.name,
      spec: r.spec,
      unit: r.unit,
      secondUnit: r.second_unit,
      secondUnitFactor: r.second_unit_factor,
      listPrice: r.list_price,
      breaks: breaks.filter((b) => b.product_id === r.id).map((b) => ({ minQuantity: b.min_quantity, unitPrice: b.unit_price })),
    })),
  };
}

/** Replaces a product's breaks in a list; none takes it off the list. */
export async function setPrices(ctx: HandlerContext, input: { priceListId: string; productId: string; breaks: PriceBreak[] }): Promise<PriceListProduct | null> {
  const db = ctx.db;
  await getPriceList(db, input.priceListId);
  if (!(await findProduct(db, input.productId))) throw validationError([fieldIssue('productId', 'not_found', { entity: 'product' })]);
  const issues: FieldIssue[] = [];
  input.breaks.forEach((b, i) => {
    if (input.breaks.findIndex((other) => other.minQuantity === b.minQuantity) !== i) issues.push(fieldIssue(`breaks.${i}.minQuantity`, 'listed_twice'));
  });
  if (issues.length) throw validationError(issues);
  const sorted = [...input.breaks].sort((a, b) => a.minQuantity - b.minQuantity);
  const before = (await repo.breaksOf(db, input.priceListId, [input.productId])).map((b) => ({ minQuantity: b.min_quantity, unitPrice: b.unit_price }));
  await repo.replaceBreaks(
    db,
    input.priceListId,
    input.productId,
    sorted.map((b) => ({ id: newId(), min_quantity: b.minQuantity, unit_price: b.unitPrice })),
  );
  await repo.updatePriceList(db, input.priceListId, { updated_at: nowIso() });
  ctx.audit({ entityType: 'priceList', entityId: input.priceListId, fields: { [`prices.${input.productId}`]: { before, after: sorted } } });
  if (sorted.length === 0) return null;
  const row = (await findProduct(db, input.productId))!;
  return {
    productId: row.id,
    code: row.code,
    name: row.name,
    spec: row.spec,
    unit: row.unit,
    secondUnit: row.second_unit,
    secondUnitFactor: row.second_unit_factor,
    listPrice: row.list_price,
    breaks: sorted,
  };
}

// ---------------------------------------------------------------- the price a customer pays

/**
 * The unit price (fen per base unit) a customer pays for `quantity` base units of a product on a
 * business date (today in the company's zone by default): the customer's own list, then its tier's
 * (customers.tier), then a standard list, then the product's list price (含税); within a list the
 * largest quantity break not above the quantity. Throws NOT_FOUND for an unknown product or customer.
 */
export async function priceFor(db: Db, input: PriceForInput): Promise<PriceQuote> {
  const product = await findProduct(db, input.productId);
  if (!product) throw notFound('Product', input.productId);
  let tier: string | null = null;
  if (input.customerId) {
    const customer = await repo.tierOfCustomer(db, input.customerId);
    if (!customer) throw notFound('Customer', input.customerId);
    tier = customer.tier;
  }
  const settings = await getSettings(db);
  const date = input.date ?? businessDateIn(settings.timeZone);
  const found = await repo.resolvePrice(db, { productId: input.productId, customerId: input.customerId, tier, quantity: input.quantity, date });
  if (!found) {
    return { unitPrice: product.list_price, taxInclusive: true, vatRate: product.vat_rate, currency: settings.currency, priceListId: null, source: 'list_price', minQuantity: null };
  }
  return {
    unitPrice: found.unit_price,
    taxInclusive: found.tax_inclusive === 1,
    vatRate: product.vat_rate,
    currency: found.currency,
    priceListId: found.price_list_id,
    source: found.kind,
    minQuantity: found.min_quantity,
  };
}
