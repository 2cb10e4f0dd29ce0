/**
 * Product import (导入商品) from CSV (GBK or UTF-8) or XLSX, read through the imports area's file
 * path. A preview and the import share one plan, so the dry run says what the import will do: rows
 * matched by code update that product (only the mapped columns), the others create one; category
 * paths that do not exist yet are created. Each row is written through the catalog's own create and
 * update, inside a savepoint, so a row the catalog refuses is reported and leaves nothing behind.
 */
import type { z } from 'zod';
import { validationError } from '../../api/errors';
import { fieldIssue, issuesFromZod, type FieldIssue } from '../../api/issues';
import { parseYuan } from '../core/money';
import type { HandlerContext } from '../context';
import type { ProductImportCounts, ProductImportField, ProductImportPreview, ProductImportResult, ProductRowError, importProductsInput } from '../imports/imports.contract';
import { readSpreadsheet, type FileRecord } from '../imports/imports.file';
import { refuseDuplicateHeaders } from '../imports/imports.headers';
import type { ReadImportFile } from '../imports/imports.prepare';
import { chunked, movable, unchunked, type Chunked } from '../core/chunks';
import { newId } from '../shared/ids';
import { importFileBytes } from '../imports/imports.uploads';
import { listCategories } from './catalog.categories';
import { productCreateInput, productUpdateInput } from './catalog.contract';
import { PRODUCT_FLAGS, type Category, type Product } from './catalog.dto';
import { isProductHeader, suggestProductMapping } from './catalog.import-headers';
import { definedOnly, getProduct } from './catalog.products';
import { publishProductsInBatches, takeBackCutOffProductImports } from './catalog.import-publish';
import { normaliseBarcode, normaliseProductCode, productShapeIssues } from './catalog.rules';

type ImportInput = z.output<typeof importProductsInput>;
type Fields = Record<string, unknown>;

const SAMPLE_ROWS = 20;
const YES = new Set(['是', 'y', 'yes', 'true', '1', '√', '✓', '有', '启用']);
const NO = new Set(['否', 'n', 'no', 'false', '0', '×', '无', '不', '停用']);
/** Separators of a category path in a cell: 饮料/咖啡, 饮料 > 咖啡, 饮料-咖啡 is a name. */
const PATH_SEPARATOR = /\s*[/／>＞\\]\s*/;

interface Row {
  line: number;
  existing: Product | null;
  fields: Fields;
  categoryPath: string[] | null;
  cells: Partial<Record<ProductImportField, { column: string; value: string }>>;
}

interface Plan {
  creates: Row[];
  updates: Row[];
  unchanged: number;
  errors: ProductRowError[];
  /** The lines of rows left out, each once. */
  badLines: number[];
  newCategories: string[];
  dataRows: number;
}

function rowError(row: Row | { line: number; cells?: Row['cells'] }, issue: FieldIssue): ProductRowError {
  const field = (issue.path.split('.')[0] === 'categoryId' ? 'category' : issue.path.split('.')[0]) as ProductImportField | '';
  const cell = field ? row.cells?.[field] : undefined;
  return { row: row.line, field, code: issue.code, message: issue.message, ...(issue.params ? { params: issue.params } : {}), ...(cell ? { column: cell.column, value: cell.value } : {}) };
}

/** One cell's text as the contract's input value; a value that cannot be read becomes an issue at its field. */
function cellValue(field: ProductImportField, text: string): { value: unknown } | { issue: FieldIssue } {
  const t = text.trim();
  if (field === 'listPrice' || field === 'standardCost') {
    if (t === '') return { value: 0 };
    const fen = parseYuan(t, { sheet: true });
    return fen === null || fen < 0 ? { issue: fieldIssue(field, 'invalid_amount') } : { value: fen };
  }
  if (field === 'vatRate') {
    if (t === '') return { value: undefined };
    const percent = Number(t.replace(/[%％]$/, ''));
    // 13, 13% and 0.13 all mean 13 %.
    const bp = Number.isFinite(percent) ? Math.round((percent > 0 && percent < 1 ? percent * 100 : percent) * 100) : NaN;
    return Number.isNaN(bp) ? { issue: fieldIssue(field, 'invalid_choice', { options: ['13', '9', '6', '3', '0'] }) } : { value: bp };
  }
  if (field === 'secondUnitFactor' || field === 'reorderIntervalDays') {
    if (t === '') return { value: null };
    const n = Number(t);
    return Number.isInteger(n) ? { value: n } : { issue: fieldIssue(field, 'not_integer') };
  }
  if ((PRODUCT_FLAGS as readonly string[]).includes(field)) {
    const word = t.toLowerCase();
    if (t === '') return { value: undefined };
    if (YES.has(word)) return { value: true };
    if (NO.has(word)) return { value: false };
    return { issue: fieldIssue(field, 'invalid_choice', { options: ['是', '否'] }) };
  }
  if (field === 'code') return { value: normaliseProductCode(t) || undefined };
  if (field === 'barcode') return { value: normaliseBarcode(t) || null };
  return { value: t };
}

function pathKey(path: string[]): string {
  return path.join('/');
}

/** Every category by its full path (饮料/咖啡), and leaf names that name exactly one category. */
function categoryIndex(categories: Category[]): { byPath: Map<string, string>; byLeaf: Map<string, string | null> } {
  const byId = new Map(categories.map((c) => [c.id, c]));
  const pathOf = (c: Category): string[] => (c.parentId && byId.has(c.parentId) ? [...pathOf(byId.get(c.parentId)!), c.name] : [c.name]);
  const byPath = new Map<string, string>();
  const byLeaf = new Map<string, string | null>();
  for (const c of categories) {
    byPath.set(pathKey(pathOf(c)), c.id);
    byLeaf.set(c.name, byLeaf.has(c.name) ? null : c.id);
  }
  return { byPath, byLeaf };
}

function sameValue(a: unknown, b: unknown): boolean {
  return (a ?? null) === (b ?? null) || (a === '' && b === null) || (a === null && b === '');
}

async function planImport(ctx: HandlerContext, records: FileRecord[], headers: string[], mapping: (ProductImportField | null)[]): Promise<Plan> {
  const plan: Plan = { creates: [], updates: [], unchanged: 0, errors: [], badLines: [], newCategories: [], dataRows: records.length };
  const categories = categoryIndex(await listCategories(ctx.db));
  const newCategories = new Set<string>();
  const seenCodes = new Map<string, number>();
  const seenBarcodes = new Map<string, number>();
  const fail = (row: Row | { line: number }, issue: FieldIssue) => {
    plan.errors.push(rowError(row, issue));
    if (plan.badLines.at(-1) !== row.line) plan.badLines.push(row.line);
  };

  for (const record of records) {
    const row: Row = { line: record.line, existing: null, fields: {}, categoryPath: null, cells: {} };
    const issues: FieldIssue[] = [];
    mapping.forEach((field, i) => {
      if (!field) return;
      const text = record.cells[i] ?? '';
      row.cells[field] = { column: headers[i] ?? '', value: text };
      if (field === 'category') {
        const path = text.split(PATH_SEPARATOR).map((p) => p.trim()).filter(Boolean);
        row.categoryPath = path.length ? path : null;
        return;
      }
      const read = cellValue(field, text);
      if ('issue' in read) issues.push(read.issue);
      else if (read.value !== undefined) row.fields[field] = read.value;
    });
    for (const issue of issues) fail(row, issue);
    if (issues.length) continue;

    const code = row.fields.code as string | undefined;
    if (code) {
      const earlier = seenCodes.get(code);
      if (earlier !== undefined) {
        fail(row, fieldIssue('code', 'listed_twice', { line: earlier }));
        continue;
      }
      seenCodes.set(code, row.line);
      const id = ctx.sqlite.prepare('SELECT id FROM products WHERE code = ?').pluck().get(code) as string | undefined;
      if (id) row.existing = await getProduct(ctx.db, id);
    }
    const barcode = row.fields.barcode as string | null | undefined;
    if (barcode) {
      const earlier = seenBarcodes.get(barcode);
      if (earlier !== undefined) {
        fail(row, fieldIssue('barcode', 'listed_twice', { line: earlier }));
        continue;
      }
      seenBarcodes.set(barcode, row.line);
    }

    if (row.categoryPath) {
      const key = pathKey(row.categoryPath);
      const id = categories.byPath.get(key) ?? (row.categoryPath.length === 1 ? categories.byLeaf.get(key) : undefined);
      if (id) row.fields.categoryId = id;
      else if (row.categoryPath.some((name) => name.length > 30)) issues.push(fieldIssue('category', 'too_long', { max: 30 }));
      else newCategories.add(key);
    } else if (row.cells.category) {
      row.fields.categoryId = null;
    }

    // The contract's schema and the catalog's own rules decide, so the preview refuses what the import would.
    const parsed = row.existing
      ? productUpdateInput.safeParse({ id: row.existing.id, ...row.fields })
      : productCreateInput.safeParse({ ...row.fields, categoryId: row.fields.categoryId ?? null });
    if (!parsed.success) issues.push(...issuesFromZod(parsed.error));
    else {
      // An update's missing fields are the product's own; parsed.data only holds the mapped ones.
      const merged = { secondUnit: null, secondUnitFactor: null, reorderIntervalDays: null, ...(row.existing ?? {}), ...definedOnly(parsed.data) };
      issues.push(...productShapeIssues(merged as Parameters<typeof productShapeIssues>[0]));
      if (barcode && ctx.sqlite.prepare('SELECT 1 FROM products WHERE barcode = ? AND id IS NOT ?').get(barcode, row.existing?.id ?? null)) issues.push(fieldIssue('barcode', 'taken'));
    }
    if (issues.length) {
      for (const issue of issues) fail(row, issue);
      continue;
    }
    if (row.existing) {
      const before = row.existing as unknown as Fields;
      const changes = Object.entries(row.fields).some(([field, value]) => !sameValue(before[field], value));
      if (!changes && !(row.categoryPath && !row.fields.categoryId)) plan.unchanged++;
      else plan.updates.push(row);
    } else {
      plan.creates.push(row);
    }
  }
  plan.newCategories = [...newCategories].sort((a, b) => a.localeCompare(b, 'zh-CN'));
  return plan;
}

export const PREPARE_PRODUCTS_TASK = 'imports.prepareProducts';

interface PrepareInput {
  fileName: string;
  bytes: Uint8Array;
  mapping: ImportInput['mapping'];
}

interface Prepared extends ReadImportFile<ProductImportField> {
  plan: Plan;
}

/** The plan's lists that cross back from a reader as JSON chunks (core/chunks.ts). */
const PLAN_LISTS = ['creates', 'updates', 'errors'] as const;

/** The same, as it crosses back from a reader thread. */
type PreparedOnReader = Omit<Prepared, 'plan'> & { plan: Chunked<Plan, (typeof PLAN_LISTS)[number]> };

async function prepareHere(input: PrepareInput, ctx: HandlerContext): Promise<Prepared> {
  ctx.progress(0, 1, 'reading');
  const file = await readSpreadsheet(input.fileName, Buffer.from(input.bytes.buffer, input.bytes.byteOffset, input.bytes.byteLength));
  // The header is the first of the first ten rows naming two known fields (a title line may sit above it).
  const found = file.records.slice(0, 10).findIndex((r) => r.cells.filter(isProductHeader).length >= 2);
  const header = file.records[Math.max(found, 0)];
  if (!header) throw validationError([fieldIssue('contentBase64', 'too_few', { min: 1 })]);
  const headers = header.cells.map((c) => c.trim());
  refuseDuplicateHeaders(headers, header.line);
  const records = file.records.slice(Math.max(found, 0) + 1);
  const suggestedMapping = suggestProductMapping(headers);
  const mapping = input.mapping ?? suggestedMapping;
  if (mapping.length !== headers.length) throw validationError([fieldIssue('mapping', 'out_of_range', { min: headers.length, max: headers.length, got: mapping.length })]);
  if (!mapping.includes('name') && !mapping.includes('code')) throw validationError([fieldIssue('mapping', 'required', { field: 'name' })]);
  const plan = await planImport(ctx, records, headers, mapping);
  const sample = records.slice(0, SAMPLE_ROWS).map((r) => ({ row: r.line, cells: r.cells }));
  return { encoding: file.encoding, delimiter: file.delimiter, headers, headerRow: header.line, rowCount: records.length, sample, suggestedMapping, mapping, plan };
}

/** The reader thread's side (imports.area.ts registers it). */
export async function prepareProductsOnReader(input: unknown, ctx: HandlerContext): Promise<PreparedOnReader> {
  const { plan, ...rest } = await prepareHere(input as PrepareInput, ctx);
  return { ...rest, plan: chunked(plan, PLAN_LISTS) };
}

/** Reads and plans the file: on a reader thread when the backend has them (the bytes read here, where uploads are kept), else in place. */
async function prepare(input: ImportInput, ctx: HandlerContext): Promise<Prepared> {
  const bytes = await importFileBytes(input, ctx.user?.id ?? null);
  const task: PrepareInput = { fileName: input.fileName, bytes, mapping: input.mapping };
  if (!ctx.offThread) return prepareHere(task, ctx);
  const own = movable(bytes);
  const { plan, ...rest } = await ctx.offThread<PreparedOnReader>(PREPARE_PRODUCTS_TASK, { ...task, bytes: own }, [own.buffer]);
  return { ...rest, plan: await unchunked(plan, PLAN_LISTS) };
}

function counts(plan: Plan, strict: boolean): ProductImportCounts {
  const blocked = strict && plan.errors.length > 0;
  return {
    imported: blocked ? 0 : plan.creates.length,
    updated: blocked ? 0 : plan.updates.length,
    unchanged: plan.unchanged,
    skipped: blocked ? plan.dataRows : plan.badLines.length,
    newCategories: blocked ? [] : plan.newCategories,
    errors: plan.errors,
  };
}

export async function previewProductImport(input: ImportInput, ctx: HandlerContext): Promise<ProductImportPreview> {
  const p = await prepare(input, ctx);
  return {
    fileName: input.fileName,
    encoding: p.encoding,
    delimiter: p.delimiter,
    headers: p.headers,
    headerRow: p.headerRow,
    suggestedMapping: p.suggestedMapping,
    mapping: p.mapping,
    rowCount: p.rowCount,
    sample: p.sample,
    ...counts(p.plan, input.strict),
  };
}

/**
 * Plans the file without holding the write connection, then writes it in short transactions
 * (catalog.import-publish.ts): a cancel or a failure before or during them leaves the catalog as it was.
 */
export async function importProducts(input: ImportInput, ctx: HandlerContext): Promise<ProductImportResult> {
  // Before the plan is made: the products a crashed import left are not products on file to match.
  await takeBackCutOffProductImports(ctx);
  const p = await prepare(input, ctx);
  const plan = p.plan;
  const importId = newId();
  const result: ProductImportResult = { fileName: input.fileName, rowCount: p.rowCount, ...counts(plan, input.strict) };
  // One audit row for the file; the rows' own before/after would swamp the log. Written when the call publishes.
  const summary = {
    entityType: 'productImport',
    entityId: importId,
    fields: {
      fileName: { before: null, after: input.fileName },
      rows: { before: null, after: p.rowCount },
      imported: { before: null, after: result.imported },
      updated: { before: null, after: result.updated },
      skipped: { before: null, after: result.skipped },
      errors: { before: null, after: result.errors.length },
    },
  };
  ctx.audit(summary);
  if (input.strict && plan.errors.length > 0) return result;
  let refused = 0;
  await publishProductsInBatches(ctx, {
    importId,
    fileName: input.fileName,
    rows: [...plan.creates, ...plan.updates],
    categoryPaths: async (db) => categoryIndex(await listCategories(db)).byPath,
    refused: (row, error) => {
      for (const issue of error.issues ?? []) plan.errors.push(rowError(row, issue));
      plan.badLines.push(row.line);
      refused++;
    },
    settle: (written) => {
      plan.errors.sort((a, b) => a.row - b.row);
      if (input.strict && refused > 0) throw validationError(plan.errors.map((e) => fieldIssue(`rows.${e.row}.${e.field}`, e.code, e.params)));
      Object.assign(result, counts(plan, input.strict), { imported: written.created, updated: written.updated });
      summary.fields.imported.after = written.created;
      summary.fields.updated.after = written.updated;
      summary.fields.skipped.after = result.skipped;
      summary.fields.errors.after = result.errors.length;
    },
  });
  result.importId = importId;
  return result;
}
