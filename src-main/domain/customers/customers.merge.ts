import { HandlerContext } from '../context';
import { referencesTo, type ColumnReference } from '../../db/references';
import { AppError, notFound, validationError } from '../../api/errors';
import { fieldIssue } from '../../api/issues';
import type { Sqlite } from '../../db/connection';
import { counted } from '../core/english';
import { appendOnlyTables } from '../core/ledger';
import { nowIso } from '../shared/ids';
import type { Customer } from './customers.dto';
import { refreshStage } from './customers.lifecycle';
import * as repo from './customers.repository';
import { getCustomer, refreshSearchDoc } from './customers.service';

/**
 * Rows that belong to one customer and are merged by hand below, not moved. The stage history
 * stays with the source: the target's reads as one customer's, plus a "merged from" entry.
 */
// An import's undo record stays with the customer it wrote: the merge's own edit stops that import's undo (imports.undo.ts).
const HANDLED_BY_MERGE = new Set(['customers', 'customer_search', 'customer_stats', 'customer_stage_history', 'customer_import_changes']);
/** Link tables where the target already holding the same row makes the source's copy redundant. */
const DROP_DUPLICATE_LINKS = new Set(['customer_tags', 'customer_shares']);

export type CustomerReference = ColumnReference;

/** Every column that points at a customer (db/references.ts): tables added by later areas are moved without changing this file. */
export function customerReferences(sqlite: Sqlite): CustomerReference[] {
  return referencesTo(sqlite, 'customers', 'customer_id');
}

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

/**
 * Merges the source customer into the target in the caller's transaction: contacts, addresses,
 * tags, interactions, stage history and every other reference move; stats add up; the source is
 * archived with merged_into_id. A unique clash the merge cannot resolve rolls everything back.
 */
export async function mergeCustomers(ctx: HandlerContext, sourceId: string, targetId: string): Promise<{ target: Customer; moved: Record<string, number> }> {
  if (sourceId === targetId) throw validationError([fieldIssue('targetId', 'not_allowed', { reason: 'merge_into_itself' })]);
  const source = await repo.findCustomer(ctx.db, sourceId);
  const target = await repo.findCustomer(ctx.db, targetId);
  if (!source) throw notFound('Customer', sourceId);
  if (!target) throw notFound('Customer', targetId);
  if (source.merged_into_id) throw new AppError('CONFLICT', `Customer ${source.code} was already merged`, [fieldIssue('sourceId', 'merged_away')]);
  if (target.merged_into_id || target.status !== 'active') {
    throw new AppError('CONFLICT', `Merge into an active customer; ${target.code} is archived or merged`, [fieldIssue('targetId', 'not_allowed', { reason: 'customer_inactive' })]);
  }
  const sqlite = ctx.sqlite;
  const now = nowIso();

  // The target keeps its own primary contact and default addresses.
  if (sqlite.prepare('SELECT 1 FROM customer_contacts WHERE customer_id = ? AND is_primary = 1').get(targetId)) {
    sqlite.prepare('UPDATE customer_contacts SET is_primary = 0, updated_at = ? WHERE customer_id = ? AND is_primary = 1').run(now, sourceId);
  }
  sqlite
    .prepare(
      `UPDATE customer_addresses SET is_default = 0, updated_at = ?
        WHERE customer_id = ? AND is_default = 1
          AND kind IN (SELECT kind FROM customer_addresses WHERE customer_id = ? AND is_default = 1)`,
    )
    .run(now, sourceId, targetId);

  // Figures add up; the areas that own the ledgers can recompute them exactly.
  sqlite
    .prepare(
      `UPDATE customer_stats AS t SET
         lifetime_revenue = t.lifetime_revenue + s.lifetime_revenue, order_count = t.order_count + s.order_count,
         orders_last_365d = t.orders_last_365d + s.orders_last_365d,
         first_order_date = CASE WHEN t.first_order_date IS NULL OR s.first_order_date < t.first_order_date THEN coalesce(s.first_order_date, t.first_order_date) ELSE t.first_order_date END,
         last_order_date = CASE WHEN t.last_order_date IS NULL OR s.last_order_date > t.last_order_date THEN coalesce(s.last_order_date, t.last_order_date) ELSE t.last_order_date END,
         balance_due = t.balance_due + s.balance_due, updated_at = ?
       FROM customer_stats AS s WHERE t.customer_id = ? AND s.customer_id = ?`,
    )
    .run(now, targetId, sourceId);
  sqlite
    .prepare(
      `UPDATE customer_stats SET lifetime_revenue = 0, order_count = 0, orders_last_365d = 0, first_order_date = NULL, last_order_date = NULL,
         balance_due = 0, updated_at = ? WHERE customer_id = ?`,
    )
    .run(now, sourceId);

  const moved: Record<string, number> = {};
  // Posted ledger rows keep the customer they were posted for; balances resolve through merged_into_id (core/ledger.ts).
  const ledgers = appendOnlyTables(sqlite);
  for (const { table, column } of customerReferences(sqlite)) {
    if (HANDLED_BY_MERGE.has(table) || ledgers.has(table)) continue;
    const t = quote(table);
    const c = quote(column);
    const changes = sqlite.prepare(`UPDATE OR IGNORE ${t} SET ${c} = ? WHERE ${c} = ?`).run(targetId, sourceId).changes;
    const left = (sqlite.prepare(`SELECT count(*) AS n FROM ${t} WHERE ${c} = ?`).get(sourceId) as { n: number }).n;
    if (left > 0) {
      if (!DROP_DUPLICATE_LINKS.has(table)) {
        throw new AppError('CONFLICT', `Cannot merge: ${counted(left, 'row')} of ${table} would clash with the target's; nothing was changed`);
      }
      sqlite.prepare(`DELETE FROM ${t} WHERE ${c} = ?`).run(sourceId);
    }
    if (changes > 0) moved[`${table}.${column}`] = changes;
  }

  // Customers merged into the source earlier now point at the survivor.
  sqlite.prepare('UPDATE customers SET merged_into_id = ? WHERE merged_into_id = ?').run(targetId, sourceId);
  // The source's lead now points at the target (moved above); the target takes the link when it has none.
  const leadId = target.lead_id ?? source.lead_id;
  await repo.updateCustomer(ctx.db, sourceId, { status: 'archived', merged_into_id: targetId, lead_id: null, updated_at: now });
  await repo.updateCustomer(ctx.db, targetId, { lead_id: leadId, updated_at: now });
  await refreshSearchDoc(ctx.db, targetId);
  await refreshSearchDoc(ctx.db, sourceId);
  await refreshStage(ctx.db, targetId, ctx.user?.id ?? null, `${source.code} ${source.name}`);

  ctx.audit({
    entityType: 'customer',
    entityId: targetId,
    fields: { mergedFrom: { before: null, after: { id: sourceId, code: source.code, name: source.name } }, moved: { before: null, after: moved } },
  });
  ctx.audit({
    entityType: 'customer',
    entityId: sourceId,
    fields: { status: { before: source.status, after: 'archived' }, mergedIntoId: { before: null, after: targetId }, leadId: { before: source.lead_id, after: null } },
  });
  return { target: await getCustomer(ctx.db, targetId), moved };
}
