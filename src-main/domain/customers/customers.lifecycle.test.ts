import { describe, expect, it } from 'vitest';
import { ownerApi } from '../../db/test-db';
import { addDays, businessDateIn } from '../core/dates';
import { seedCustomers } from './customers.seed';
import { seedSales } from '../orders/orders.seed';
import { SeededRandom } from '../../seed/random';
import { LIFECYCLE_STAGES, STAGE_NEXT_ACTIONS } from './customers.dto';
import { computeStage, orderHistoryFacts, type LifecycleFacts } from './customers.lifecycle';
import { aCustomer, aMobile, recordOrders } from './customers.test-helpers';

const asOf = '2026-11-23';
const noOrders: LifecycleFacts = { orderCount: 0, ordersLast365d: 0, firstOrderDate: null, lastOrderDate: null, hasInteractions: false, fromLead: false, returnedAfterChurn: false };
const ordered = (facts: Partial<LifecycleFacts>): LifecycleFacts => ({ ...noOrders, orderCount: 1, ordersLast365d: 1, firstOrderDate: '2026-11-01', lastOrderDate: '2026-11-01', ...facts });

describe('lifecycle rules', () => {
  it('a customer created from a lead with nothing logged is a lead', () => {
    expect(computeStage({ ...noOrders, fromLead: true }, asOf)).toBe('lead');
  });

  it('a customer with interactions but no order is a prospect, and so is one entered by hand', () => {
    expect(computeStage({ ...noOrders, fromLead: true, hasInteractions: true }, asOf)).toBe('prospect');
    expect(computeStage(noOrders, asOf)).toBe('prospect');
  });

  it('a first order within 90 days makes a new customer', () => {
    expect(computeStage(ordered({ firstOrderDate: '2026-08-25', lastOrderDate: '2026-08-25' }), asOf)).toBe('new');
  });

  it('two or more orders, the latest within 90 days, make an active customer', () => {
    expect(computeStage(ordered({ orderCount: 2, ordersLast365d: 2, firstOrderDate: '2025-01-10', lastOrderDate: '2026-10-01' }), asOf)).toBe('active');
  });

  it('five orders in the last 365 days make a loyal customer', () => {
    expect(computeStage(ordered({ orderCount: 7, ordersLast365d: 5, firstOrderDate: '2024-01-10', lastOrderDate: '2026-11-20' }), asOf)).toBe('loyal');
  });

  it('no order for 91–180 days puts the customer at risk', () => {
    expect(computeStage(ordered({ orderCount: 3, lastOrderDate: '2026-08-24', firstOrderDate: '2025-01-01' }), asOf)).toBe('at_risk');
    expect(computeStage(ordered({ orderCount: 3, lastOrderDate: '2026-05-27', firstOrderDate: '2025-01-01' }), asOf)).toBe('at_risk');
  });

  it('no order for more than 180 days means churned', () => {
    expect(computeStage(ordered({ orderCount: 3, lastOrderDate: '2026-05-26', firstOrderDate: '2025-01-01' }), asOf)).toBe('churned');
  });

  it('a churned customer who orders again is won back, until loyal', () => {
    const back = ordered({ orderCount: 4, ordersLast365d: 1, firstOrderDate: '2023-01-01', lastOrderDate: '2026-11-10', returnedAfterChurn: true });
    expect(computeStage(back, asOf)).toBe('won_back');
    expect(computeStage({ ...back, ordersLast365d: 5 }, asOf)).toBe('loyal');
    expect(computeStage({ ...back, lastOrderDate: '2026-08-01' }, asOf)).toBe('at_risk');
  });
});

describe('the facts of an order history', () => {
  const stageOf = (dates: string[], on: string) => computeStage({ ...noOrders, ...orderHistoryFacts(dates, on) }, on);

  it('reads won back from the pause before the current run of orders, not from an earlier run', () => {
    // 2025-01-01 → 2025-09-01 is a 243-day pause: the customer churned and came back.
    const history = ['2024-12-01', '2025-01-01', '2025-09-01', '2025-10-15'];
    expect(stageOf(history, '2025-11-01')).toBe('won_back');
    expect(stageOf(history, '2025-08-01')).toBe('churned');
    // Coming back again after an at-risk pause (91–180 days) is no longer a win-back.
    expect(stageOf([...history, '2026-03-01'], '2026-03-10')).toBe('active');
    expect(stageOf([...history, '2025-12-20'], '2025-12-25')).toBe('won_back');
  });

  it('ignores orders after the as-of date', () => {
    expect(orderHistoryFacts(['2026-01-01', '2026-06-01', '2027-01-01'], '2026-06-30')).toEqual({
      orderCount: 2,
      ordersLast365d: 2,
      firstOrderDate: '2026-01-01',
      lastOrderDate: '2026-06-01',
      returnedAfterChurn: false,
    });
  });
});

describe('lifecycle through the API', () => {
  it('starts a lead-created customer as a lead and makes it a prospect once a call is logged', async () => {
    const api = await ownerApi();
    const lead = await api.ok('leads.create', { name: '陈静', company: '苏州恒通建材有限公司', mobile: aMobile() });
    const customer = await api.ok('customers.get', { id: (await api.ok('leads.convert', { id: lead.id })).customer.id });
    expect(customer.lifecycleStage).toBe('lead');
    await api.ok('customers.logInteraction', { customerId: customer.id, kind: 'call', subject: '首次电话沟通' });
    const overview = await api.ok('customers.overview', { id: customer.id });
    expect(overview.lifecycleStage).toBe('prospect');
    expect(overview.stageHistory.map((h) => [h.fromStage, h.toStage])).toEqual([
      ['lead', 'prospect'],
      [null, 'lead'],
    ]);
  });

  it('recomputes every customer from the order facts and records each change', async () => {
    const api = await ownerApi();
    const today = businessDateIn('Asia/Shanghai');
    const a = await api.ok('customers.create', aCustomer({ name: '甲' }));
    const b = await api.ok('customers.create', aCustomer({ name: '乙' }));
    recordOrders(api.backend.conn.sqlite, a.id, [addDays(today, -20)], today);
    recordOrders(api.backend.conn.sqlite, b.id, [addDays(today, -700), addDays(today, -300)], today);
    expect(await api.ok('customers.recomputeLifecycle', {})).toMatchObject({ total: 2, changed: 2, asOf: today, dryRun: false, stages: { new: 1, churned: 1 } });
    expect((await api.ok('customers.get', { id: a.id })).lifecycleStage).toBe('new');
    expect((await api.ok('customers.get', { id: b.id })).lifecycleStage).toBe('churned');
    expect((await api.ok('customers.list', { filters: { lifecycleStage: ['churned'] } })).rows.map((r) => r.id)).toEqual([b.id]);

    recordOrders(api.backend.conn.sqlite, b.id, [addDays(today, -10)], today);
    await api.ok('customers.recomputeLifecycle', {});
    expect((await api.ok('customers.get', { id: b.id })).lifecycleStage).toBe('won_back');
    expect(await api.ok('customers.recomputeLifecycle', {})).toMatchObject({ changed: 0 });
  });

  it('ends where one recompute for today would, whatever was recomputed before (demo data included)', async () => {
    const api = await ownerApi();
    seedCustomers(api.backend.conn, { seed: 7, count: 120 });
    seedSales(api.backend.conn, { random: new SeededRandom(7), staffIds: [], asOf: businessDateIn('Asia/Shanghai'), ordersPerCustomer: 2 });
    const stages = () => api.backend.conn.sqlite.prepare('SELECT id, lifecycle_stage FROM customers ORDER BY id').all();
    await api.ok('customers.recomputeLifecycle', {});
    const once = stages();
    const historyRows = () => api.backend.conn.sqlite.prepare('SELECT count(*) FROM customer_stage_history').pluck().get();
    const before = historyRows();
    const inFuture = await api.ok('customers.recomputeLifecycle', { asOf: '2030-01-01', dryRun: true });
    expect(inFuture).toMatchObject({ asOf: '2030-01-01', dryRun: true });
    expect(inFuture.stages.churned).toBeGreaterThan(0);
    expect(stages()).toEqual(once);
    expect(historyRows()).toBe(before);
    await api.ok('customers.recomputeLifecycle', {});
    expect(stages()).toEqual(once);
    expect(historyRows()).toBe(before);
  });

  it('writes only a recompute for today: a later date is a dry run, an earlier one cannot be answered', async () => {
    const api = await ownerApi();
    const today = businessDateIn('Asia/Shanghai');
    const c = await api.ok('customers.create', aCustomer());
    recordOrders(api.backend.conn.sqlite, c.id, [addDays(today, -30)], today);
    expect(await api.call('customers.recomputeLifecycle', { asOf: '2030-01-01' })).toMatchObject({ ok: false, error: { code: 'VALIDATION', issues: [{ path: 'dryRun', code: 'required' }] } });
    expect(await api.call('customers.recomputeLifecycle', { asOf: addDays(today, -1), dryRun: true })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', issues: [{ path: 'asOf', code: 'too_small', params: { min: today } }] },
    });
    expect(await api.ok('customers.recomputeLifecycle', { asOf: addDays(today, 200), dryRun: true })).toMatchObject({ changed: 1, stages: { churned: 1 } });
    expect((await api.ok('customers.get', { id: c.id })).lifecycleStage).toBe('prospect');
  });

  it('lets a manual stage win until it is cleared', async () => {
    const api = await ownerApi();
    const today = businessDateIn('Asia/Shanghai');
    const c = await api.ok('customers.create', aCustomer());
    recordOrders(api.backend.conn.sqlite, c.id, [addDays(today, -20)], today);
    const missingReason = await api.call('customers.setStage', { id: c.id, stage: 'loyal' });
    expect(missingReason).toMatchObject({ ok: false, error: { code: 'VALIDATION', issues: [{ path: 'reason' }] } });
    await api.ok('customers.setStage', { id: c.id, stage: 'loyal', reason: '老板的老朋友' });
    await api.ok('customers.recomputeLifecycle', {});
    expect(await api.ok('customers.get', { id: c.id })).toMatchObject({ lifecycleStage: 'loyal', lifecycleComputed: 'new', lifecycleOverride: 'loyal' });
    const cleared = await api.ok('customers.setStage', { id: c.id, stage: null });
    expect(cleared).toMatchObject({ lifecycleStage: 'new', lifecycleOverride: null });
    const history = (await api.ok('customers.overview', { id: c.id })).stageHistory;
    expect(history.map((h) => [h.source, h.toStage])).toEqual([
      ['override_cleared', 'new'],
      ['override', 'loyal'],
      ['computed', 'prospect'],
    ]);
    // The three stage changes, and the order behind the computed stage (the orders area's branch).
    const timeline = await api.ok('customers.timeline', { customerId: c.id, pageSize: 50 });
    expect(timeline.rows.map((r) => r.kind)).toEqual(['stage', 'stage', 'order', 'stage']);
  });

  it('shows honest zeros in the 360° header before any order exists', async () => {
    const api = await ownerApi();
    const c = await api.ok('customers.create', aCustomer({ creditLimit: 5000_00, cooperationSince: '2020-01-01' }));
    expect(await api.ok('customers.overview', { id: c.id })).toMatchObject({
      lifetimeRevenue: 0,
      orderCount: 0,
      averageOrderValue: 0,
      lastOrderDate: null,
      balanceDue: 0,
      overdue: 0,
      creditLimit: 500000,
      creditUsed: 0,
      creditAvailable: 500000,
      yearsOfCooperation: expect.any(Number),
    });
    // Points and tickets have no area yet: their figures are absent, not zero.
    const overview = await api.ok('customers.overview', { id: c.id });
    expect(overview).not.toHaveProperty('points');
    expect(overview).not.toHaveProperty('openTickets');
  });
});

describe('the owner’s stages on the workbench', () => {
  it('counts the caller’s customers per stage with the moves of the last 30 days, and suggests a next action for each', async () => {
    const api = await ownerApi();
    const today = businessDateIn('Asia/Shanghai');
    const me = api.session.user!.id;
    const a = await api.ok('customers.create', aCustomer({ name: '甲', ownerUserId: me }));
    await api.ok('customers.create', aCustomer({ name: '乙', ownerUserId: me }));
    await api.ok('customers.create', aCustomer({ name: '丙' }));
    recordOrders(api.backend.conn.sqlite, a.id, [addDays(today, -5)], today);
    await api.ok('customers.recomputeLifecycle', {});
    const summary = await api.ok('customers.stageSummary', {});
    expect(summary.map((r) => r.stage)).toEqual([...LIFECYCLE_STAGES]);
    expect(summary.find((r) => r.stage === 'prospect')).toEqual({ stage: 'prospect', count: 1, enteredLast30d: 2, leftLast30d: 1 });
    expect(summary.find((r) => r.stage === 'new')).toEqual({ stage: 'new', count: 1, enteredLast30d: 1, leftLast30d: 0 });
    for (const stage of LIFECYCLE_STAGES) expect(STAGE_NEXT_ACTIONS[stage].length).toBeGreaterThan(0);
  });
});
