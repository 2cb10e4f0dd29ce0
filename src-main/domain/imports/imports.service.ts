/**
 * Customer import (导入客户): preview (a dry run) and import, sharing one plan so the preview
 * says exactly what the import will do.
 */
import type { z } from 'zod';
import { HandlerContext } from '../context';
import { AppError, validationError } from '../../api/errors';
import { fieldIssue } from '../../api/issues';
import type { Sqlite } from '../../db/connection';
import { businessDateIn } from '../core/dates';
import { allocateNumbers, bumpSeriesPast } from '../core/numbering';
import { toFieldDef } from '../customers/customers.fields';
import { CUSTOMER_SERIES } from '../customers/customers.service';
import { listFieldDefs } from '../customers/customers.repository';
import { getSettings } from '../settings/settings.service';
import { newId } from '../shared/ids';
import type { ImportPreview, ImportResult, ImportTarget, importCustomersInput } from './imports.contract';
import { readSpreadsheet, type FileRecord } from './imports.file';
import { isKnownHeader, refuseDuplicateHeaders, suggestMapping } from './imports.headers';
import { planImport, type ImportPlan } from './imports.plan';
import { importFileBytes } from './imports.uploads';
import { prepareCreates } from './imports.write';
import { publishInBatches, takeBackCutOffImports } from './imports.publish';

type ImportInput = z.output<typeof importCustomersInput>;

const SAMPLE_ROWS = 20;

/** Lets a cancel request and progress events through between batches; a cancel rolls everything back. */
export async function checkpoint(ctx: HandlerContext, done: number, total: number, message: string): Promise<void> {
  ctx.progress(done, total, message);
  await new Promise((resolve) => setImmediate(resolve));
  if (ctx.signal.aborted) throw new AppError('CANCELLED', 'The import was cancelled; nothing was imported.');
}

interface Prepared {
  encoding: string;
  delimiter: string | null;
  headers: string[];
  headerRow: number;
  records: FileRecord[];
  suggestedMapping: (ImportTarget | null)[];
  mapping: (ImportTarget | null)[];
  customFields: { key: string; label: string }[];
  plan: ImportPlan;
}

/** The header is the first of the first ten rows that names at least two known fields (a title line may sit above it). */
function headerIndex(records: FileRecord[]): number {
  const found = records.slice(0, 10).findIndex((r) => r.cells.filter(isKnownHeader).length >= 2);
  return found < 0 ? 0 : found;
}

async function prepare(input: ImportInput, ctx: HandlerContext): Promise<Prepared> {
  const bytes = await importFileBytes(input, ctx.user?.id ?? null);
  ctx.progress(0, 1, 'reading');
  const file = await readSpreadsheet(input.fileName, bytes);
  const at = headerIndex(file.records);
  const header = file.records[at];
  if (!header) throw validationError([fieldIssue('contentBase64', 'too_few', { min: 1 })]);
  const headers = header.cells.map((c) => c.trim());
  refuseDuplicateHeaders(headers, header.line);
  const records = file.records.slice(at + 1);
  const defs = (await listFieldDefs(ctx.db, false)).map(toFieldDef);
  const customFields = defs.map((d) => ({ key: d.key, label: d.label }));
  const suggestedMapping = suggestMapping(headers, customFields);
  const mapping = input.mapping ?? suggestedMapping;
  if (mapping.length !== headers.length) {
    throw validationError([fieldIssue('mapping', 'out_of_range', { min: headers.length, max: headers.length, got: mapping.length })]);
  }
  const settings = await getSettings(ctx.db);
  const plan = await planImport(records, headers, mapping, {
    sqlite: ctx.sqlite,
    requiredFields: settings.customerRequiredFields,
    onDuplicate: input.onDuplicate,
    customFields: defs,
    signal: ctx.signal,
    progress: (done, total) => checkpoint(ctx, done, total, 'checking'),
  });
  return { encoding: file.encoding, delimiter: file.delimiter, headers, headerRow: header.line, records, suggestedMapping, mapping, customFields, plan };
}

export async function previewCustomerImport(input: ImportInput, ctx: HandlerContext): Promise<ImportPreview> {
  const p = await prepare(input, ctx);
  return {
    fileName: input.fileName,
    encoding: p.encoding,
    delimiter: p.delimiter,
    headers: p.headers,
    headerRow: p.headerRow,
    suggestedMapping: p.suggestedMapping,
    mapping: p.mapping,
    customFields: p.customFields,
    rowCount: p.records.length,
    toCreate: p.plan.creates.length,
    toUpdate: p.plan.updates.length,
    sample: p.records.slice(0, SAMPLE_ROWS).map((r) => ({ row: r.line, cells: r.cells })),
    ...counts(p.plan, input.strict),
  };
}

/** What the import does (or, for a preview, would do): strict mode with any error does nothing. */
function counts(plan: ImportPlan, strict: boolean) {
  const blocked = strict && plan.errors.length > 0;
  return {
    imported: blocked ? 0 : plan.creates.length,
    updated: blocked ? 0 : plan.updates.length,
    unchanged: plan.unchanged,
    skipped: blocked ? plan.dataRows : plan.badLines.size,
    errors: plan.errors,
    duplicates: plan.duplicates,
    sameAsOnFile: plan.sameAsOnFile,
  };
}

/**
 * Codes for new customers without one: one contiguous range from the customer series, taken after
 * the series has moved past the file's own codes in its shape (C000120), so the two never collide.
 * Taken in the first publishing batch; a cancelled or failed import gives them back if nobody took one since.
 */
async function allocateCodes(sqlite: Sqlite, plan: ImportPlan, businessDate: string): Promise<string[]> {
  bumpSeriesPast(sqlite, CUSTOMER_SERIES, plan.creates.flatMap((r) => (r.code ? [r.code] : [])), businessDate);
  const { numbers } = allocateNumbers(sqlite, CUSTOMER_SERIES, plan.creates.filter((r) => !r.code).length, businessDate);
  // Only a series that fell behind codes written outside it (cli check reports it) can collide here.
  const clash = numbers.length ? (sqlite.prepare('SELECT code FROM customers WHERE code IN (SELECT value FROM json_each(?)) LIMIT 1').pluck().get(JSON.stringify(numbers)) as string | undefined) : undefined;
  if (clash) throw new AppError('CONFLICT', `Customer code ${clash} from the numbering series is already in use; run the invariant check`);
  return numbers;
}

/**
 * Reads the file, checks every row and works out pinyin and search text without holding the write
 * connection, so a salesperson's save goes through meanwhile; then writes in short transactions
 * (imports.publish.ts): a cancel or a failure before or during them leaves the customers as they were.
 */
export async function importCustomers(input: ImportInput, ctx: HandlerContext): Promise<ImportResult> {
  // Before the plan is made: the rows a crashed import left are not customers on file to match.
  await takeBackCutOffImports(ctx);
  const p = await prepare(input, ctx);
  if (!p.mapping.some((t) => t === 'name' || t === 'code' || t === 'creditCode')) {
    throw validationError([fieldIssue('mapping', 'required', { field: 'name' })]);
  }
  const blocked = input.strict && p.plan.errors.length > 0;
  const importId = newId();
  const result: ImportResult = { fileName: input.fileName, rowCount: p.records.length, ...counts(p.plan, input.strict) };
  // One audit row for the whole file: 50,000 rows of before/after would swamp the log.
  const summary = {
    entityType: 'customerImport',
    entityId: importId,
    fields: {
      fileName: { before: null, after: input.fileName },
      strict: { before: null, after: input.strict },
      rows: { before: null, after: p.records.length },
      imported: { before: null, after: result.imported },
      updated: { before: null, after: result.updated },
      skipped: { before: null, after: result.skipped },
      errors: { before: null, after: result.errors.length },
    },
  };
  // Written when the call publishes: the figures are settled by then (customers entered meanwhile).
  ctx.audit(summary);
  if (blocked) return result;
  result.importId = importId;
  const prepared = await prepareCreates(p.plan, (done, total) => checkpoint(ctx, done, total, 'preparing'));
  const businessDate = businessDateIn((await getSettings(ctx.db)).timeZone);
  await publishInBatches(ctx, {
    importId,
    fileName: input.fileName,
    plan: p.plan,
    prepared,
    onDuplicate: input.onDuplicate,
    allocateCodes: () => allocateCodes(ctx.sqlite, p.plan, businessDate),
    settle: (met) => {
      // A customer entered while the import prepared is met at publish and treated as any customer on file.
      result.sameAsOnFile.push(...met.sameAsOnFile);
      result.imported = met.created;
      result.updated = met.updated;
      result.unchanged += met.unchanged;
      summary.fields.imported.after = met.created;
      summary.fields.updated.after = met.updated;
    },
  });
  return result;
}
