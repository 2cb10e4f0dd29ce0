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
import type { CustomerImportRecord, CustomerImportUndoResult, customerImportHistoryInput, undoCustomerImportInput } from './imports.contract';
import { takeBack } from './imports.publish';
import type { CustomerImportsTable } from './imports.tables';

const NAMED = 5;

function refuse(sqlite: Sqlite, reason: 'documents' | 'edited', ids: string[]): never {
  const codes = statement(sqlite, 'SELECT code FROM customers WHERE id IN (SELECT value FROM json_each(?)) ORDER BY code').all(JSON.stringify(ids.slice(0, NAMED))) as { code: string }[];
  const named = codes.map((c) => c.code).join(', ') + (ids.length > NAMED ? ', …' : '');
  const why = reason === 'documents' ? 'have documents or records since the import' : 'were edited after the import';
  throw new AppError('CONFLICT', `${ids.length} customers of this import ${why} (${named}); deal with them first, then undo the import.`, undefined, {
    blockingCustomers: { reason, codes: codes.map((c) => c.code), count: ids.length },
  });
}

/** Refuses the undo when any customer the import wrote has moved on since. */
function refuseWhenMovedOn(sqlite: Sqlite, run: CustomerImportsTable): void {
  // The import stamped every customer it wrote with its start time; anything else is a later edit.
  const edited = statement(
    sqlite,
    'SELECT ch.customer_id AS id FROM customer_import_changes ch JOIN customers c ON c.id = ch.customer_id WHERE ch.import_id = ? AND c.updated_at <> ?',
  ).all(run.id, run.started_at) as { id: string }[];
  if (edited.length) refuse(sqlite, 'edited', edited.map((r) => r.id));
  const created = "SELECT customer_id FROM customer_import_changes WHERE import_id = ? AND kind = 'created'";
  const referred = new Set<string>();
  const own = new Set<string>(['customers', ...CREATED_ALONGSIDE, 'customer_import_changes']);
  for (const { table, column } of customerReferences(sqlite)) {
    if (own.has(table) && column === 'customer_id') continue;
    const rows = statement(sqlite, `SELECT DISTINCT "${column}" AS id FROM "${table}" WHERE "${column}" IN (${created})`).all(run.id) as { id: string }[];
    for (const r of rows) referred.add(r.id);
  }
  if (referred.size) refuse(sqlite, 'documents', [...referred]);
}

export async function undoCustomerImport(input: z.output<typeof undoCustomerImportInput>, ctx: HandlerContext): Promise<CustomerImportUndoResult> {
  const run = statement(ctx.sqlite, 'SELECT * FROM customer_imports WHERE id = ?').get(input.importId) as CustomerImportsTable | undefined;
  if (!run) throw new AppError('NOT_FOUND', `No customer import ${input.importId}`);
  if (run.status !== 'published') throw new AppError('CONFLICT', `Only a finished import can be undone; this one is ${run.status}.`);
  refuseWhenMovedOn(ctx.sqlite, run);
  const taken = await takeBack(ctx, run.id, run.created_count + run.updated_count);
  const kept = taken.kept.length
    ? (statement(ctx.sqlite, 'SELECT code FROM customers WHERE id IN (SELECT value FROM json_each(?)) ORDER BY code').all(JSON.stringify(taken.kept)) as { code: string }[]).map((c) => c.code)
    : [];
  const status = kept.length ? 'published' : 'undone';
  ctx.audit({
    entityType: 'customerImport',
    entityId: run.id,
    fields: {
      status: { before: 'published', after: status },
      removed: { before: null, after: taken.removed },
      restored: { before: null, after: taken.restored },
      ...(kept.length ? { kept: { before: null, after: kept.length } } : {}),
    },
  });
  await ctx.publish!(async () => {
    if (!kept.length) return statement(ctx.sqlite, "UPDATE customer_imports SET status = 'undone', undone_at = ? WHERE id = ?").run(nowIso(), run.id);
    // Partly taken back (something came to refer to a customer during the undo): it holds what is left.
    return statement(
      ctx.sqlite,
      `UPDATE customer_imports SET created_count = (SELECT count(*) FROM customer_import_changes WHERE import_id = ?1 AND kind = 'created'),
              updated_count = (SELECT count(*) FROM customer_import_changes WHERE import_id = ?1 AND kind = 'updated') WHERE id = ?1`,
    ).run(run.id);
  });
  return { removed: taken.removed, restored: taken.restored, kept };
}

export async function customerImportHistory(input: z.output<typeof customerImportHistoryInput>, ctx: HandlerContext): Promise<CustomerImportRecord[]> {
  const rows = await ctx.db
    .selectFrom('customer_imports as i')
    .leftJoin('users as u', 'u.id', 'i.user_id')
    .select(['i.id', 'i.file_name', 'i.status', 'u.display_name', 'i.started_at', 'i.finished_at', 'i.undone_at', 'i.created_count', 'i.updated_count'])
    .orderBy('i.started_at', 'desc')
    .orderBy('i.id', 'desc')
    .limit(input.limit)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    fileName: r.file_name,
    status: r.status,
    userName: r.display_name,
    startedAt: r.started_at,
    finishedAt: r.finished_at,
    undoneAt: r.undone_at,
    created: r.created_count,
    updated: r.updated_count,
  }));
}
