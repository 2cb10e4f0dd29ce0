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
import { CUSTOMER_SERIES } from '../customers/customers.service';
import { getSettings } from '../settings/settings.service';
import { newId } from '../shared/ids';
import type { ImportPreview, ImportResult, importCustomersInput } from './imports.contract';
import type { ImportPlan } from './imports.plan';
import { prepareImport } from './imports.prepare';
import { publishInBatches, takeBackCutOffImports } from './imports.publish';

type ImportInput = z.output<typeof importCustomersInput>;

export async function previewCustomerImport(input: ImportInput, ctx: HandlerContext): Promise<ImportPreview> {
  const p = await prepareImport(input, ctx, false);
  return {
    fileName: input.fileName,
    encoding: p.encoding,
    delimiter: p.delimiter,
    headers: p.headers,
    headerRow: p.headerRow,
    suggestedMapping: p.suggestedMapping,
    mapping: p.mapping,
    customFields: p.customFields,
    rowCount: p.rowCount,
    toCreate: p.plan.creates.length,
    toUpdate: p.plan.updates.length,
    sample: p.sample,
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
    skipped: blocked ? plan.dataRows : plan.badRows,
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
  const p = await prepareImport(input, ctx, true);
  if (!p.mapping.some((t) => t === 'name' || t === 'code' || t === 'creditCode')) {
    throw validationError([fieldIssue('mapping', 'required', { field: 'name' })]);
  }
  const blocked = input.strict && p.plan.errors.length > 0;
  const importId = newId();
  const result: ImportResult = { fileName: input.fileName, rowCount: p.rowCount, ...counts(p.plan, input.strict) };
  // One audit row for the whole file: 50,000 rows of before/after would swamp the log.
  const summary = {
    entityType: 'customerImport',
    entityId: importId,
    fields: {
      fileName: { before: null, after: input.fileName },
      strict: { before: null, after: input.strict },
      rows: { before: null, after: p.rowCount },
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
  const businessDate = businessDateIn((await getSettings(ctx.db)).timeZone);
  await publishInBatches(ctx, {
    importId,
    fileName: input.fileName,
    plan: p.plan,
    prepared: p.prepared,
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
