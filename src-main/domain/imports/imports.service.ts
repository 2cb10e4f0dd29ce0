/**
 * Customer import (导入客户): preview (a dry run) and import, sharing one plan so the preview
 * says exactly what the import will do.
 */
import type { z } from 'zod';
import { HandlerContext } from '../context';
import { AppError, validationError } from '../../api/errors';
import { fieldIssue } from '../../api/issues';
import type { Sqlite } from '../../db/connection';
import { toFieldDef } from '../customers/customers.fields';
import { listFieldDefs } from '../customers/customers.repository';
import { nowIso } from '../shared/ids';
import { bumpSeriesPast, seedNumberingSeries } from '../shared/numbering';
import { getSettings } from '../settings/settings.service';
import type { ImportPreview, ImportResult, ImportTarget, importCustomersInput } from './imports.contract';
import { readSpreadsheet, type FileRecord } from './imports.file';
import { isKnownHeader, refuseDuplicateHeaders, suggestMapping } from './imports.headers';
import { planImport, type ImportPlan } from './imports.plan';
import { importFileBytes } from './imports.uploads';
import { writePlan } from './imports.write';

type ImportInput = z.output<typeof importCustomersInput>;

const SAMPLE_ROWS = 20;

/** Lets a cancel request and progress events through between batches; a cancel rolls everything back. */
async function checkpoint(ctx: HandlerContext, done: number, total: number, message: string): Promise<void> {
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
  };
}

/** Codes for new customers without one, from the customer series, stepping over codes already used. */
async function allocateCodes(ctx: HandlerContext, plan: ImportPlan): Promise<string[]> {
  const needed = plan.creates.filter((r) => !r.code).length;
  await seedNumberingSeries(ctx.db);
  const sqlite: Sqlite = ctx.sqlite;
  const series = sqlite.prepare("SELECT prefix, per_year, padding, year, next_number FROM numbering_series WHERE code = 'customer'").get() as {
    prefix: string;
    per_year: number;
    padding: number;
    year: number | null;
    next_number: number;
  };
  const year = new Date().getFullYear();
  const restart = series.per_year === 1 && series.year !== year;
  let number = restart ? 1 : series.next_number;
  const fileCodes = new Set(plan.creates.map((r) => r.code).filter((c): c is string => !!c));
  const exists = sqlite.prepare('SELECT 1 FROM customers WHERE code = ?').pluck();
  const codes: string[] = [];
  while (codes.length < needed) {
    const digits = String(number++).padStart(series.padding, '0');
    const code = series.per_year === 1 ? `${series.prefix}-${year}-${digits}` : `${series.prefix}${digits}`;
    if (!fileCodes.has(code) && !exists.get(code)) codes.push(code);
  }
  if (needed) sqlite.prepare("UPDATE numbering_series SET next_number = ?, year = ? WHERE code = 'customer'").run(number, series.per_year === 1 ? year : series.year);
  // Imported codes in the series' own shape (C000120) move it past them, so the next new customer does not collide.
  const highest = [...fileCodes]
    .filter((c) => c.startsWith(series.prefix) && /^\d+$/.test(c.slice(series.prefix.length)))
    .sort((a, b) => Number(a.slice(series.prefix.length)) - Number(b.slice(series.prefix.length)))
    .pop();
  if (highest) await bumpSeriesPast(ctx.db, 'customer', highest);
  return codes;
}

export async function importCustomers(input: ImportInput, ctx: HandlerContext): Promise<ImportResult> {
  const p = await prepare(input, ctx);
  if (!p.mapping.some((t) => t === 'name' || t === 'code' || t === 'creditCode')) {
    throw validationError([fieldIssue('mapping', 'required', { field: 'name' })]);
  }
  const blocked = input.strict && p.plan.errors.length > 0;
  if (!blocked) {
    const codes = await allocateCodes(ctx, p.plan);
    await writePlan(p.plan, {
      sqlite: ctx.sqlite,
      userId: ctx.user?.id ?? null,
      now: nowIso(),
      codes,
      progress: (done, total) => checkpoint(ctx, done, total, 'writing'),
    });
  }
  const result: ImportResult = { fileName: input.fileName, rowCount: p.records.length, ...counts(p.plan, input.strict) };
  // One audit row for the whole file: 50,000 rows of before/after would swamp the log.
  ctx.audit({
    entityType: 'customerImport',
    entityId: input.fileName,
    fields: {
      fileName: { before: null, after: input.fileName },
      strict: { before: null, after: input.strict },
      rows: { before: null, after: p.records.length },
      imported: { before: null, after: result.imported },
      updated: { before: null, after: result.updated },
      skipped: { before: null, after: result.skipped },
      errors: { before: null, after: result.errors.length },
    },
  });
  return result;
}
