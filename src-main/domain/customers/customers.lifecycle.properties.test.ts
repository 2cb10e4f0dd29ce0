import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ownerApi } from '../../db/test-db';
import { addDays, businessDateIn } from '../core/dates';
import type { LifecycleStage } from './customers.dto';
import { computeStage, orderHistoryFacts } from './customers.lifecycle';
import { aCustomer, recordOrders } from './customers.test-helpers';

const START = '2022-01-01';
/** An order history: up to 12 orders on days after START, in any order. */
const history = fc.array(fc.integer({ min: 0, max: 1800 }), { maxLength: 12 }).map((days) => days.map((d) => addDays(START, d)));
const stageOf = (dates: string[], asOf: string, override: LifecycleStage | null): LifecycleStage =>
  override ?? computeStage({ ...orderHistoryFacts(dates, asOf), hasInteractions: false, fromLead: false }, asOf);

describe('lifecycle stages under random histories and recomputes', () => {
  it('end, after any sequence of recompute dates, where one recompute for the last date would', () => {
    fc.assert(
      fc.property(
        fc.array(history, { minLength: 1, maxLength: 6 }),
        fc.array(fc.integer({ min: 0, max: 2200 }), { minLength: 1, maxLength: 8 }),
        fc.array(fc.option(fc.constantFrom<LifecycleStage>('loyal', 'churned'), { nil: null }), { maxLength: 6 }),
        (histories, recomputeDays, overrides) => {
          // The stored stage is what the last recompute wrote; nothing it wrote feeds the next one.
          let stored = histories.map(() => 'prospect' as LifecycleStage);
          for (const day of recomputeDays) stored = histories.map((dates, i) => stageOf(dates, addDays(START, day), overrides[i] ?? null));
          const last = addDays(START, recomputeDays.at(-1)!);
          expect(stored).toEqual(histories.map((dates, i) => stageOf(dates, last, overrides[i] ?? null)));
        },
      ),
    );
  });

  it('through the API: dry runs for later dates write nothing, and recomputes for today agree with the rules', async () => {
    const today = businessDateIn('Asia/Shanghai');
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.array(fc.integer({ min: 1, max: 1500 }), { maxLength: 8 }), { minLength: 1, maxLength: 4 }),
        fc.array(fc.option(fc.integer({ min: 1, max: 2000 }), { nil: null }), { minLength: 1, maxLength: 5 }),
        async (ages, runs) => {
          const api = await ownerApi();
          const sqlite = api.backend.conn.sqlite;
          const customers: { id: string; dates: string[] }[] = [];
          for (const [i, daysAgo] of ages.entries()) {
            const customer = await api.ok('customers.create', aCustomer({ name: `客户${i}` }));
            const dates = daysAgo.map((d) => addDays(today, -d));
            recordOrders(sqlite, customer.id, dates, today);
            customers.push({ id: customer.id, dates });
          }
          const stored = () => sqlite.prepare('SELECT id, lifecycle_stage, lifecycle_computed FROM customers ORDER BY id').all();
          const historyRows = () => sqlite.prepare('SELECT count(*) FROM customer_stage_history').pluck().get();
          for (const ahead of runs) {
            if (ahead === null) {
              await api.ok('customers.recomputeLifecycle', {});
              continue;
            }
            const [before, rows] = [stored(), historyRows()];
            const asOf = addDays(today, ahead);
            const whatIf = await api.ok('customers.recomputeLifecycle', { asOf, dryRun: true });
            const expected = customers.map((c) => stageOf(c.dates, asOf, null));
            for (const stage of new Set(expected)) expect(whatIf.stages[stage]).toBe(expected.filter((s) => s === stage).length);
            expect([stored(), historyRows()]).toEqual([before, rows]);
          }
          await api.ok('customers.recomputeLifecycle', {});
          for (const c of customers) expect((await api.ok('customers.get', { id: c.id })).lifecycleStage).toBe(stageOf(c.dates, today, null));
        },
      ),
      { numRuns: 8 },
    );
  });
});
