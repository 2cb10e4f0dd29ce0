/**
 * The demo's lifecycle history, replayed from the seeded orders. The seeder files customers before
 * their orders exist, so without this every stage change would be dated the day of seeding and the
 * workbench's "moved in the last 30 days" would show the whole book. Here each change is dated the
 * day it happened by the rules: an order, 90 days after the first order, a pause passing 90 or
 * 180 days, an order leaving the 365-day window.
 */
import type { Sqlite } from '../../db/connection';
import { addDays } from '../core/dates';
import { newId } from '../shared/ids';
import type { LifecycleStage } from './customers.dto';
import { computeStage, orderHistoryFacts } from './customers.lifecycle';

/** Days after an order on which the stage can change with no new order. */
const TURNING_POINTS = [91, 181, 365] as const;

/** The dates the stage may change on, up to asOf, in order. */
function changeDates(orderDates: readonly string[], asOf: string): string[] {
  const dates = new Set<string>();
  for (const date of orderDates) {
    dates.add(date);
    for (const days of TURNING_POINTS) dates.add(addDays(date, days));
  }
  return [...dates].filter((d) => d <= asOf).sort();
}

/**
 * Writes the stage changes each seeded customer's orders imply, each on its own date (09:00 in
 * China), and leaves the customer on the stage its orders give today, so the daily recompute that
 * follows finds nothing to change. Returns how many changes were written.
 */
export function replaySeededStageHistory(sqlite: Sqlite, asOf: string): number {
  const customers = sqlite
    .prepare(
      `SELECT c.id, c.lifecycle_computed AS stage, c.lifecycle_override AS override, c.lead_id IS NOT NULL AS from_lead,
              EXISTS (SELECT 1 FROM interactions i WHERE i.customer_id = c.id) AS has_interactions,
              json_group_array(o.order_date) AS order_dates
         FROM customers c JOIN sales_orders o ON o.customer_id = c.id AND o.status NOT IN ('draft', 'cancelled')
        WHERE c.merged_into_id IS NULL
        GROUP BY c.id`,
    )
    .all() as { id: string; stage: LifecycleStage; override: LifecycleStage | null; from_lead: number; has_interactions: number; order_dates: string }[];
  const history = sqlite.prepare(
    `INSERT INTO customer_stage_history (id, customer_id, from_stage, to_stage, source, reason, user_id, changed_at) VALUES (?, ?, ?, ?, 'computed', NULL, NULL, ?)`,
  );
  const settle = sqlite.prepare('UPDATE customers SET lifecycle_computed = ?, lifecycle_stage = ? WHERE id = ?');
  // A customer is on file by the day of its first order, whatever date the customer seeder drew.
  const filedBy = [
    sqlite.prepare('UPDATE customers SET created_at = min(created_at, ?) WHERE id = ?'),
    sqlite.prepare('UPDATE customer_stage_history SET changed_at = min(changed_at, ?) WHERE customer_id = ? AND from_stage IS NULL'),
  ];
  let written = 0;
  // One transaction: at the large scale, one commit (and fsync) per row took minutes.
  const replay = sqlite.transaction(() => {
    for (const customer of customers) {
      const orderDates = (JSON.parse(customer.order_dates) as string[]).sort();
      for (const update of filedBy) update.run(`${orderDates[0]!}T00:30:00.000Z`, customer.id);
      let stage = customer.stage;
      for (const date of changeDates(orderDates, asOf)) {
        const next = computeStage({ ...orderHistoryFacts(orderDates, date), hasInteractions: customer.has_interactions === 1, fromLead: customer.from_lead === 1 }, date);
        if (next === stage) continue;
        history.run(newId(), customer.id, stage, next, `${date}T01:00:00.000Z`);
        stage = next;
        written++;
      }
      settle.run(stage, customer.override ?? stage, customer.id);
    }
  });
  replay();
  return written;
}
