/**
 * Products (商品档案): create, edit, archive, with the rules that span fields (catalog.rules.ts),
 * unique codes and barcodes, a category that exists, substitutes, and price edits kept to the
 * roles that hold catalog.prices. Every write refreshes the product's search text.
 */
import type { Kysely, Updateable } from 'kysely';
import type { z } from 'zod';
import { AppError, notFound, validationError, type FieldIssue } from '../../api/errors';
import { fieldIssue } from '../../api/issues';
import type { Database } from '../../db/schema';
import { businessDateIn } from '../core/dates';
import { bumpSeriesPast, nextNumber, type SeriesDefinition } from '../core/numbering';
import { changedFields, type HandlerContext } from '../context';
import { pinyinSortKey } from '../customers/customers.search-text';
import { newId, nowIso } from '../shared/ids';
import { getSettings } from '../settings/settings.service';
import type { productCreateInput, productUpdateInput } from './catalog.contract';
import type { Product, SubstituteRef } from './catalog.dto';
import * as repo from './catalog.repository';
import { productShapeIssues } from './catalog.rules';
import { buildProductSearchDoc } from './catalog.search-text';
import type { ProductsTable } from './catalog.tables';

type Db = Kysely<Database>;
type CreateInput = z.output<typeof productCreateInput>;
type UpdateInput = z.output<typeof productUpdateInput>;

/** Product codes P000123 when none is typed: one running sequence. */
export const PRODUCT_SERIES: SeriesDefinition = { code: 'product', prefix: 'P', perYear: false, padding: 6 };

const flag = (value: boolean) => (value ? 1 : 0) as 0 | 1;

export function toProduct(row: repo.ProductRecord, categoryPath: string[], substitutes: SubstituteRef[]): Product {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    spec: row.spec,
    categoryId: row.category_id,
    categoryPath,
    unit: row.unit,
    secondUnit: row.second_unit,
    secondUnitFactor: row.second_unit_factor,
    barcode: row.barcode,
    vatRate: row.vat_rate,
    listPrice: row.list_price,
    standardCost: row.standard_cost,
    isStocked: row.is_stocked === 1,
    isService: row.is_service === 1,
    isSparePart: row.is_spare_part === 1,
    isConsumable: row.is_consumable === 1,
    reorderIntervalDays: row.reorder_interval_days,
    isSerialTracked: row.is_serial_tracked === 1,
    preferredSupplierId: row.preferred_supplier_id,
    status: row.status,
    notes: row.notes,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    substitutes,
  };
}

export async function getProduct(db: Db, id: string): Promise<Product> {
  const row = await repo.findProduct(db, id);
  if (!row) throw notFound('Product', id);
  const path = row.category_id ? (await repo.categoryAncestry(db, row.category_id)).map((c) => c.name).reverse() : [];
  return toProduct(row, path, await repo.substitutesOf(db, id, false));
}

/** What the audit log compares: the record without bookkeeping; substitutes by code. */
function auditView(product: Product): Record<string, unknown> {
  const { updatedAt: _u, categoryPath, substitutes, ...rest } = product;
  return { ...rest, category: categoryPath.join(' / ') || null, substitutes: substitutes.map((s) => s.code) };
}

/** The products column behind each DTO field a caller may set. */
const COLUMN_OF = {
  name: 'name',
  spec: 'spec',
  categoryId: 'category_id',
  unit: 'unit',
  secondUnit: 'second_unit',
  secondUnitFactor: 'second_unit_factor',
  barcode: 'barcode',
  vatRate: 'vat_rate',
  listPrice: 'list_price',
  standardCost: 'standard_cost',
  reorderIntervalDays: 'reorder_interval_days',
  preferredSupplierId: 'preferred_supplier_id',
  notes: 'notes',
} as const satisfies Partial<Record<keyof UpdateInput, keyof ProductsTable>>;

const FLAG_COLUMN_OF = {
  isStocked: 'is_stocked',
  isService: 'is_service',
  isSparePart: 'is_spare_part',
  isConsumable: 'is_consumable',
  isSerialTracked: 'is_serial_tracked',
} as const satisfies Partial<Record<keyof UpdateInput, keyof ProductsTable>>;

function toColumns(fields: Partial<UpdateInput>): Updateable<ProductsTable> {
  const row: Record<string, unknown> = {};
  for (const [field, column] of Object.entries(COLUMN_OF)) {
    const value = fields[field as keyof typeof COLUMN_OF];
    if (value !== undefined) row[column] = value;
  }
  for (const [field, column] of Object.entries(FLAG_COLUMN_OF)) {
    const value = fields[field as keyof typeof FLAG_COLUMN_OF];
    if (value !== undefined) row[column] = flag(value);
  }
  if (fields.name !== undefined) row.name_pinyin = pinyinSortKey(fields.name);
  return row as Updateable<ProductsTable>;
}

/** Every check that needs the database: unique code and barcode, the category, the supplier, the substitutes. */
async function referenceIssues(db: Db, input: Partial<UpdateInput>, selfId: string | null): Promise<FieldIssue[]> {
  const issues: FieldIssue[] = [];
  if (input.code && (await repo.productWith(db, 'code', input.code, selfId))) issues.push(fieldIssue('code', 'taken'));
  if (input.barcode && (await repo.productWith(db, 'barcode', input.barcode, selfId))) issues.push(fieldIssue('barcode', 'taken'));
  if (input.categoryId && !(await repo.findCategory(db, input.categoryId))) issues.push(fieldIssue('categoryId', 'not_found', { entity: 'category' }));
  if (input.preferredSupplierId && !(await repo.supplierExists(db, input.preferredSupplierId))) {
    issues.push(fieldIssue('preferredSupplierId', 'not_found', { entity: 'supplier' }));
  }
  const ids = input.substituteIds ?? [];
  const missing = new Set(await repo.missingProductIds(db, ids));
  ids.forEach((id, i) => {
    if (id === selfId) issues.push(fieldIssue(`substituteIds.${i}`, 'not_allowed', { reason: 'self_substitute' }));
    else if (missing.has(id)) issues.push(fieldIssue(`substituteIds.${i}`, 'not_found', { entity: 'product' }));
    else if (ids.indexOf(id) !== i) issues.push(fieldIssue(`substituteIds.${i}`, 'listed_twice'));
  });
  return issues;
}

/** List price and standard cost belong to the roles with catalog.prices (owner, manager). */
function assertMayPrice(ctx: HandlerContext, changed: { listPrice: boolean; standardCost: boolean }): void {
  if (ctx.can('catalog.prices')) return;
  const issues = (['listPrice', 'standardCost'] as const).filter((f) => changed[f]).map((f) => fieldIssue(f, 'not_allowed', { reason: 'prices_permission' }));
  if (issues.length) throw new AppError('FORBIDDEN', 'Changing the list price or the standard cost needs the catalog.prices permission', issues);
}

async function writeSearchDoc(db: Db, id: string, row: { code: string; name: string; spec: string | null; barcode: string | null }): Promise<void> {
  await repo.saveSearchDoc(db, id, buildProductSearchDoc(row));
}

export async function createProduct(ctx: HandlerContext, input: CreateInput): Promise<Product> {
  const db = ctx.db;
  assertMayPrice(ctx, { listPrice: input.listPrice !== 0, standardCost: input.standardCost !== 0 });
  const shape = { ...input, secondUnit: input.secondUnit ?? null, secondUnitFactor: input.secondUnitFactor ?? null, reorderIntervalDays: input.reorderIntervalDays ?? null };
  const issues = [...productShapeIssues(shape), ...(await referenceIssues(db, input, null))];
  if (issues.length) throw validationError(issues);

  const businessDate = businessDateIn((await getSettings(db)).timeZone);
  // A typed code in the series' own shape (P000120) moves the series past it, so it is never issued again.
  if (input.code) bumpSeriesPast(ctx.sqlite, PRODUCT_SERIES, [input.code], businessDate);
  const code = input.code ?? nextNumber(ctx.sqlite, PRODUCT_SERIES, businessDate);
  if (!input.code && (await repo.productWith(db, 'code', code, null))) {
    throw new AppError('CONFLICT', `Product code ${code} from the numbering series is already in use; run the invariant check`);
  }
  const now = nowIso();
  const id = newId();
  await repo.insertProduct(db, {
    ...toColumns(input),
    id,
    code,
    name: input.name,
    name_pinyin: pinyinSortKey(input.name),
    unit: input.unit,
    vat_rate: input.vatRate,
    list_price: input.listPrice,
    standard_cost: input.standardCost,
    is_stocked: flag(input.isStocked),
    is_service: flag(input.isService),
    is_spare_part: flag(input.isSparePart),
    is_consumable: flag(input.isConsumable),
    is_serial_tracked: flag(input.isSerialTracked),
    status: 'active',
    created_at: now,
    updated_at: now,
    created_by: ctx.user?.id ?? null,
  });
  await repo.replaceSubstitutes(db, id, input.substituteIds);
  await writeSearchDoc(db, id, { code, name: input.name, spec: input.spec ?? null, barcode: input.barcode ?? null });
  const product = await getProduct(db, id);
  ctx.audit({ entityType: 'product', entityId: id, fields: changedFields(null, auditView(product)) });
  return product;
}

export async function updateProduct(ctx: HandlerContext, input: UpdateInput): Promise<Product> {
  const db = ctx.db;
  const { id, code, substituteIds, ...fields } = input;
  const before = await getProduct(db, id);
  assertMayPrice(ctx, {
    listPrice: fields.listPrice !== undefined && fields.listPrice !== before.listPrice,
    standardCost: fields.standardCost !== undefined && fields.standardCost !== before.standardCost,
  });
  const merged = { ...before, ...definedOnly(fields) };
  const newCode = code && code !== before.code ? code : null;
  const issues = [...productShapeIssues(merged), ...(await referenceIssues(db, { ...input, code: newCode }, id))];
  if (code === null) issues.push(fieldIssue('code', 'required'));
  if (issues.length) throw validationError(issues);

  if (newCode) bumpSeriesPast(ctx.sqlite, PRODUCT_SERIES, [newCode], businessDateIn((await getSettings(db)).timeZone));
  await repo.updateProduct(db, id, { ...toColumns(fields), ...(newCode ? { code: newCode } : {}), updated_at: nowIso() });
  if (substituteIds) await repo.replaceSubstitutes(db, id, substituteIds);
  await writeSearchDoc(db, id, { code: newCode ?? before.code, name: merged.name, spec: merged.spec, barcode: merged.barcode });
  const after = await getProduct(db, id);
  ctx.audit({ entityType: 'product', entityId: id, fields: changedFields(auditView(before), auditView(after)) });
  return after;
}

/** The fields a caller gave (an update's undefined means "leave as is"). */
export function definedOnly<T extends Record<string, unknown>>(fields: T): Partial<T> {
  return Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)) as Partial<T>;
}

export async function setProductStatus(ctx: HandlerContext, id: string, status: Product['status']): Promise<Product> {
  const before = await getProduct(ctx.db, id);
  if (before.status === status) return before;
  await repo.updateProduct(ctx.db, id, { status, updated_at: nowIso() });
  ctx.audit({ entityType: 'product', entityId: id, fields: { status: { before: before.status, after: status } } });
  return getProduct(ctx.db, id);
}

/** The active substitutes of a product, first choice first: what to offer when it is short. */
export async function substitutesFor(db: Db, productId: string): Promise<SubstituteRef[]> {
  if (!(await repo.findProduct(db, productId))) throw notFound('Product', productId);
  return repo.substitutesOf(db, productId, true);
}
