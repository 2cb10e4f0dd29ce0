import { describe, expect, it } from 'vitest';
import { ownerApi, type TestApi } from '../../db/test-db';
import { computeStage, type LifecycleFacts } from './customers.lifecycle';
import { aCustomer } from './customers.test-helpers';

const asOf = '2026-11-23';
const noOrders: LifecycleFacts = { orderCount: 0, ordersLast365d: 0, firstOrderDate: null, lastOrderDate: null, hasInteractions: false, fromLead: false, previousComputed: null };
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
    const back = ordered({ orderCount: 4, ordersLast365d: 1, firstOrderDate: '2023-01-01', lastOrderDate: '2026-11-10', previousComputed: 'churned' });
    expect(computeStage(back, asOf)).toBe('won_back');
    expect(computeStage({ ...back, previousComputed: 'won_back' }, asOf)).toBe('won_back');
    expect(computeStage({ ...back, previousComputed: 'won_back', ordersLast365d: 5 }, asOf)).toBe('loyal');
  });
});

describe('lifecycle through the API', () => {
  function setOrders(api: TestApi, id: string, facts: { count: number; last365: number; first: string; last: string }) {
    api.backend.conn.sqlite
      .prepare('UPDATE customer_stats SET order_count = ?, orders_last_365d = ?, first_order_date = ?, last_order_date = ? WHERE customer_id = ?')
      .run(facts.count, facts.last365, facts.first, facts.last, id);
  }

  it('starts a lead-created customer as a lead and makes it a prospect once a call is logged', async () => {
    const api = await ownerApi();
    const customer = await api.ok('customers.create', aCustomer({ leadId: 'L000001' }));
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
    const a = await api.ok('customers.create', aCustomer({ name: '甲' }));
    const b = await api.ok('customers.create', aCustomer({ name: '乙' }));
    setOrders(api, a.id, { count: 1, last365: 1, first: '2026-11-01', last: '2026-11-01' });
    setOrders(api, b.id, { count: 3, last365: 0, first: '2024-01-01', last: '2026-01-01' });
    expect(await api.ok('customers.recomputeLifecycle', { asOf })).toEqual({ total: 2, changed: 2, asOf });
    expect((await api.ok('customers.get', { id: a.id })).lifecycleStage).toBe('new');
    expect((await api.ok('customers.get', { id: b.id })).lifecycleStage).toBe('churned');
    expect((await api.ok('customers.list', { filters: { lifecycleStage: ['churned'] } })).rows.map((r) => r.id)).toEqual([b.id]);

    setOrders(api, b.id, { count: 4, last365: 1, first: '2024-01-01', last: '2026-11-20' });
    await api.ok('customers.recomputeLifecycle', { asOf });
    expect((await api.ok('customers.get', { id: b.id })).lifecycleStage).toBe('won_back');
    expect(await api.ok('customers.recomputeLifecycle', { asOf })).toMatchObject({ changed: 0 });
  });

  it('lets a manual stage win until it is cleared', async () => {
    const api = await ownerApi();
    const c = await api.ok('customers.create', aCustomer());
    setOrders(api, c.id, { count: 1, last365: 1, first: '2026-11-01', last: '2026-11-01' });
    const missingReason = await api.call('customers.setStage', { id: c.id, stage: 'loyal' });
    expect(missingReason).toMatchObject({ ok: false, error: { code: 'VALIDATION', issues: [{ path: 'reason' }] } });
    await api.ok('customers.setStage', { id: c.id, stage: 'loyal', reason: '老板的老朋友' });
    await api.ok('customers.recomputeLifecycle', { asOf });
    expect(await api.ok('customers.get', { id: c.id })).toMatchObject({ lifecycleStage: 'loyal', lifecycleComputed: 'new', lifecycleOverride: 'loyal' });
    const cleared = await api.ok('customers.setStage', { id: c.id, stage: null });
    expect(cleared).toMatchObject({ lifecycleStage: 'new', lifecycleOverride: null });
    const history = (await api.ok('customers.overview', { id: c.id })).stageHistory;
    expect(history.map((h) => [h.source, h.toStage])).toEqual([
      ['override_cleared', 'new'],
      ['override', 'loyal'],
      ['computed', 'prospect'],
    ]);
    const timeline = await api.ok('customers.timeline', { customerId: c.id, pageSize: 2 });
    expect(timeline.total).toBe(3);
    expect(timeline.rows.map((r) => r.kind)).toEqual(['stage', 'stage']);
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
      points: 0,
      openTickets: 0,
      yearsOfCooperation: expect.any(Number),
    });
  });
});
