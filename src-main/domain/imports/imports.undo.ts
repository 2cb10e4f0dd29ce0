/**
 * 撤销导入: the user takes a finished customer import back as a whole. It is refused, changing
 * nothing, when a customer the import created has since got documents (anything referring to it), or
 * a customer it wrote was edited after it: undo is all or nothing, never partial, so the user deals
 * with those customers first (the error names them).
 */
import type { z } from 'zod';
import { AppError } from '../../api/errors';
import type { Sqlite } from '../../db/connection';
import { statement } from '../../db/statements';
import type { HandlerContext } from '../context';
import { nowIso } from '../shared/ids';
import { customerReferences } from '../customers/customers.merge';
import { CREATED_ALONGSIDE } from './imports.changes';
import type { Page } from '../../api/paging';
import type { CustomerImportRecord, CustomerImportUndoResult, undoCustomerImportInput } from './imports.contract';
import { takeBack } from './imports.publish';
import type { CustomerImportsTable } from './imports.tables';

const NAMED = 5;

/** The records an import wrote, as its undo checks them: customers or products. */
export interface ImportedRecords {
  table: 'customers' | 'products';
  /** The import's change rows, and their column naming the record. */
  changes: 'customer_import_changes' | 'product_import_changes';
  column: 'customer_id' | 'product_id';
  /** Where the error's details name the records that block the undo. */
  detail: 'blockingCustomers' | 'blockingProducts';
  /** Every column that refers to such a record. */
  references: readonly { table: string; column: string }[];
  /** A reference that is the created record's own row (its search text, its change row), not a later document. */
  own(reference: { table: string; column: string }): boolean;
}

function refuse(sqlite: Sqlite, records: ImportedRecords, reason: 'documents' | 'edited', ids: string[]): never {
  const codes = statement(sqlite, `SELECT code FROM ${records.table} WHERE id IN (SELECT value FROM json_each(?)) ORDER BY code`).pluck().all(JSON.stringify(ids.slice(0, NAMED))) as string[];
  const named = codes.join(', ') + (ids.length > NAMED ? ', …' : '');
  const why = reason === 'documents' ? 'have documents or records since the import' : 'were edited after the import';
  throw new AppError('CONFLICT', `${ids.length} ${records.table} of this import ${why} (${named}); deal with them first, then undo the import.`, undefined, {
    [records.detail]: { reason, codes, count: ids.length },
  });
}

/** Refuses the undo when any record the import wrote has moved on since: edited after it, or referred to by anything. */
export function refuseWhenMovedOn(sqlite: Sqlite, run: { id: string; started_at: string }, records: ImportedRecords): void {
  const { table, changes, column } = records;
  // The import stamped every record it wrote with its start time; anything else is a later edit.
  const edited = statement(sqlite, `SELECT ch.${column} FROM ${changes} ch JOIN ${table} r ON r.id = ch.${column} WHERE ch.import_id = ? AND r.updated_at <> ?`)
    .pluck()
    .all(run.id, run.started_at) as string[];
  if (edited.length) refuse(sqlite, records, 'edited', edited);
  const created = `SELECT ${column} FROM ${changes} WHERE import_id = ? AND kind = 'created'`;
  const referred = new Set<string>();
  for (const reference of records.references) {
    if (records.own(reference)) continue;
    const ids = statement(sqlite, `SELECT DISTINCT "${reference.column}" FROM "${reference.table}" WHERE "${reference.column}" IN (${created})`).pluck().all(run.id) as string[];
    for (const id of ids) referred.add(id);
  }
  if (referred.size) refuse(sqlite, records, 'documents', [...referred]);
}

/** A created customer's own rows: its contacts, addresses and stats made with it, its change row. */
const CUSTOMER_OWN = new Set<string>(['customers', ...CREATED_ALONGSIDE, 'customer_import_changes']);

export async function undoCustomerImport(input: z.output<typeof undoCustomerImportInput>, ctx: HandlerContext): Promise<CustomerImportUndoResult> {
  const run = statement(ctx.sqlite, 'SELECT * FROM customer_imports WHERE id = ?').get(input.importId) as CustomerImportsTable | undefined;
  if (!run) throw new AppError('NOT_FOUND', `No customer import ${input.importId}`);
  if (run.status !== 'published') throw new AppError('CONFLICT', `Only a finished import can be undone; this one is ${run.status}.`);
  refuseWhenMovedOn(ctx.sqlite, run, {
    table: 'customers',
    changes: 'customer_import_changes',
    column: 'customer_id',
    detail: 'blockingCustomers',
    references: customerReferences(ctx.sqlite),
    own: ({ table, column }) => CUSTOMER_OWN.has(table) && column === 'customer_id',
  });
  const taken = await takeBack(ctx, run.id, run.created_count + run.updated_count);
  const kept = taken.kept.length
    ? (statement(ctx.sqlite, 'SELECT code FROM customers WHERE id IN (SELECT value FROM json_each(?)) ORDER BY code').all(JSON.stringify(taken.kept)) as { code: string }[]).map((c) => c.code)
    : [];
  await recordUndo(ctx, 'customer', run.id, taken, kept);
  return { removed: taken.removed, restored: taken.restored, kept };
}

/**
 * Audits an undo and marks the import undone; partly taken back (something came to refer to a row
 * during the undo), the import holds what is left and says so.
 */
export async function recordUndo(ctx: HandlerContext, kind: 'customer' | 'product', importId: string, taken: { removed: number; restored: number }, kept: string[]): Promise<void> {
  ctx.audit({
    entityType: `${kind}Import`,
    entityId: importId,
    fields: {
      status: { before: 'published', after: kept.length ? 'published' : 'undone' },
      removed: { before: null, after: taken.removed },
      restored: { before: null, after: taken.restored },
      ...(kept.length ? { kept: { before: null, after: kept.length } } : {}),
    },
  });
  await ctx.publish!(async () => {
    if (!kept.length) return statement(ctx.sqlite, `UPDATE ${kind}_imports SET status = 'undone', undone_at = ? WHERE id = ?`).run(nowIso(), importId);
    return statement(
      ctx.sqlite,
      `UPDATE ${kind}_imports SET created_count = (SELECT count(*) FROM ${kind}_import_changes WHERE import_id = ?1 AND kind = 'created'),
              updated_count = (SELECT count(*) FROM ${kind}_import_changes WHERE import_id = ?1 AND kind = 'updated') WHERE id = ?1`,
    ).run(importId);
  });
}

/**
 * 导入记录 of one kind of import (its table of runs), newest first, a page at a time (and every page
 * for the Excel export). A customer import's and a product import's runs have the same columns.
 */
export function importHistory(sqlite: Sqlite, runs: 'customer_imports' | 'product_imports', input: { page: number; pageSize: number }): Page<CustomerImportRecord> {
  const rows = statement(
    sqlite,
    `SELECT i.id, i.file_name AS fileName, i.status, u.display_name AS userName, i.started_at AS startedAt, i.finished_at AS finishedAt,
            i.undone_at AS undoneAt, i.created_count AS created, i.updated_count AS updated
       FROM ${runs} i LEFT JOIN users u ON u.id = i.user_id
      ORDER BY i.started_at DESC, i.id DESC LIMIT ? OFFSET ?`,
  ).all(input.pageSize, (input.page - 1) * input.pageSize) as CustomerImportRecord[];
  const total = statement(sqlite, `SELECT count(*) FROM ${runs}`).pluck().get() as number;
  return { rows, total, totalIsExact: true };
}

export function customerImportHistory(sqlite: Sqlite, input: { page: number; pageSize: number }): Page<CustomerImportRecord> {
  return importHistory(sqlite, 'customer_imports', input);
}
