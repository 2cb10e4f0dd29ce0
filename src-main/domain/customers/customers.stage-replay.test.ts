import { describe, expect, it } from 'vitest';
import { ownerApi } from '../../db/test-db';
import { addDays, businessDateIn } from '../core/dates';
import { replaySeededStageHistory } from './customers.stage-replay';
import { aCustomer, recordOrders } from './customers.test-helpers';

describe('the demo’s stage history, replayed from its orders', () => {
  it('dates each change on the day the rules make it: an order, a pause passing 90 and 180 days', async () => {
    const api = await ownerApi();
    const sqlite = api.backend.conn.sqlite;
    const today = businessDateIn('Asia/Shanghai');
    const first = addDays(today, -400);
    const last = addDays(first, 100);
    const customer = await api.ok('customers.create', aCustomer());
    recordOrders(sqlite, customer.id, [first, last], today);

    expect(replaySeededStageHistory(sqlite, today)).toBe(5);
    const changes = sqlite
      .prepare(`SELECT from_stage AS "from", to_stage AS "to", substr(changed_at, 1, 10) AS day FROM customer_stage_history WHERE customer_id = ? AND from_stage IS NOT NULL ORDER BY changed_at`)
      .all(customer.id);
    expect(changes).toEqual([
      { from: 'prospect', to: 'new', day: first },
      // 91 days without a second order: at risk, until the second order 100 days in.
      { from: 'new', to: 'at_risk', day: addDays(first, 91) },
      { from: 'at_risk', to: 'active', day: last },
      { from: 'active', to: 'at_risk', day: addDays(last, 91) },
      { from: 'at_risk', to: 'churned', day: addDays(last, 181) },
    ]);
    expect(sqlite.prepare('SELECT lifecycle_computed, lifecycle_stage FROM customers WHERE id = ?').get(customer.id)).toEqual({ lifecycle_computed: 'churned', lifecycle_stage: 'churned' });
    // Filed today but ordering 400 days ago: on file by the first order.
    expect(sqlite.prepare('SELECT substr(created_at, 1, 10) FROM customers WHERE id = ?').pluck().get(customer.id)).toBe(first);

    // The daily recompute that follows the seeder agrees, so it writes no change dated today.
    expect(await api.ok('customers.recomputeLifecycle', {})).toMatchObject({ changed: 0 });
  });

  it('keeps a manual stage the owner set while recording what the orders say', async () => {
    const api = await ownerApi();
    const sqlite = api.backend.conn.sqlite;
    const today = businessDateIn('Asia/Shanghai');
    const customer = await api.ok('customers.create', aCustomer());
    sqlite.prepare("UPDATE customers SET lifecycle_override = 'loyal', lifecycle_stage = 'loyal' WHERE id = ?").run(customer.id);
    recordOrders(sqlite, customer.id, [addDays(today, -10)], today);
    replaySeededStageHistory(sqlite, today);
    expect(sqlite.prepare('SELECT lifecycle_computed, lifecycle_stage FROM customers WHERE id = ?').get(customer.id)).toEqual({ lifecycle_computed: 'new', lifecycle_stage: 'loyal' });
  });
});
