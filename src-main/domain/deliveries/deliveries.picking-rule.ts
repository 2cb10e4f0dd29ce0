/**
 * 先拣货后发货: when the company requires it, a delivery is posted only once every line is picked,
 * scanned or confirmed by hand on the pick screen. On by default: the pick check is what stops the
 * wrong goods going into the box, and confirming a line without a scanner is one click, so a
 * small shop loses little; a shop that packs without any check turns it off in settings.
 */
import { AppError } from '../../api/errors';
import { fieldIssue } from '../../api/issues';
import type { Sqlite } from '../../db/connection';
import { statement } from '../../db/statements';
import { changedFields, type HandlerContext } from '../context';
import { counted } from '../core/english';
import type { DeliveriesTable } from './deliveries.tables';

export const REQUIRE_PICKING_SETTING = 'deliveries.requirePicking';

export function pickingRequired(sqlite: Sqlite): boolean {
  const raw = statement(sqlite, 'SELECT value FROM settings WHERE key = ?').pluck().get(REQUIRE_PICKING_SETTING) as string | undefined;
  return raw === undefined ? true : JSON.parse(raw) === true;
}

export function savePickingRule(ctx: HandlerContext, requirePicking: boolean): { requirePicking: boolean } {
  const before = pickingRequired(ctx.sqlite);
  statement(ctx.sqlite, 'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(REQUIRE_PICKING_SETTING, JSON.stringify(requirePicking));
  ctx.audit({ entityType: 'settings', entityId: REQUIRE_PICKING_SETTING, fields: changedFields({ requirePicking: before }, { requirePicking }) });
  return { requirePicking };
}

/** Refuses to post while a line is short of its pick, naming every such line (in pick-list order). */
export function assertFullyPicked(sqlite: Sqlite, delivery: DeliveriesTable): void {
  if (!pickingRequired(sqlite)) return;
  const short = statement(
    sqlite,
    `SELECT p.code, dl.quantity, dl.picked_quantity FROM delivery_lines dl JOIN products p ON p.id = dl.product_id
      WHERE dl.delivery_id = ? AND dl.picked_quantity < dl.quantity ORDER BY p.code`,
  ).all(delivery.id) as { code: string; quantity: number; picked_quantity: number }[];
  if (short.length === 0) return;
  throw new AppError(
    'CONFLICT',
    `Delivery ${delivery.delivery_no} has ${counted(short.length, 'line')} not fully picked`,
    short.map((l) => fieldIssue('id', 'not_picked', { productCode: l.code, picked: l.picked_quantity, quantity: l.quantity })),
  );
}
