import { describe, expect, it } from 'vitest';
import { ownerApi } from '../../db/test-db';
import { sql } from 'kysely';
import type { TimelineSource } from '../area';
import { timelinePage } from './customers.engagement';
import { aCustomer } from './customers.test-helpers';

describe('customers.view (the 360° screen in one call)', () => {
  it('answers what customers.get, customers.overview and the first timeline page answer', async () => {
    const api = await ownerApi();
    const customer = await api.ok('customers.create', aCustomer({ cooperationSince: '2020-03-01' }));
    for (let i = 0; i < 3; i++) await api.ok('customers.logInteraction', { customerId: customer.id, kind: 'call', subject: `回访 ${i}` });
    const view = await api.ok('customers.view', { id: customer.id, timelinePageSize: 2 });
    expect(view.customer).toEqual(await api.ok('customers.get', { id: customer.id }));
    expect(view.overview).toEqual(await api.ok('customers.overview', { id: customer.id }));
    expect(view.timeline).toEqual(await api.ok('customers.timeline', { customerId: customer.id, pageSize: 2 }));
    expect(view.timeline).toMatchObject({ total: 4, totalIsExact: true });
    expect(view.timeline.rows.map((r) => r.title)).toEqual(['回访 2', '回访 1']);
  });

  it('answers NOT_FOUND for an unknown customer', async () => {
    const api = await ownerApi();
    expect(await api.call('customers.view', { id: '0190a1b2-0000-7000-8000-000000000001' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('counts a timeline page past the end', async () => {
    const api = await ownerApi();
    const customer = await api.ok('customers.create', aCustomer());
    expect(await api.ok('customers.timeline', { customerId: customer.id, page: 9 })).toMatchObject({ rows: [], total: 1, totalIsExact: true });
  });

  it('pages the timeline newest first, ties on the same time broken by id, with the same count on every page', async () => {
    const api = await ownerApi();
    const customer = await api.ok('customers.create', aCustomer());
    // Four calls logged for the same minute: the order among them is the id's, on every page.
    const times = ['2026-03-01T08:00:00Z', '2026-03-01T08:00:00Z', '2026-02-01T08:00:00Z', '2026-03-01T08:00:00Z', '2026-01-15T08:00:00Z', '2026-03-01T08:00:00Z', '2026-02-20T08:00:00Z'];
    for (const [i, occurredAt] of times.entries()) await api.ok('customers.logInteraction', { customerId: customer.id, kind: 'call', subject: `回访 ${i}`, occurredAt });
    const whole = await api.ok('customers.timeline', { customerId: customer.id, pageSize: 100 });
    expect(whole.total).toBe(8); // the seven calls and the stage the customer was created in
    const byTimeThenId = [...whole.rows].sort((a, b) => (a.at === b.at ? (a.id < b.id ? 1 : -1) : a.at < b.at ? 1 : -1));
    expect(whole.rows.map((r) => r.id)).toEqual(byTimeThenId.map((r) => r.id));
    for (const pageSize of [3, 4, 8]) {
      const pages = [];
      for (let page = 1; page <= Math.ceil(8 / pageSize) + 1; page++) pages.push(await api.ok('customers.timeline', { customerId: customer.id, page, pageSize }));
      expect(pages.map((p) => p.total)).toEqual(pages.map(() => 8));
      expect(pages.flatMap((p) => p.rows.map((r) => r.id))).toEqual(whole.rows.map((r) => r.id));
      expect(pages.at(-1)!.rows).toEqual([]);
    }
  });

  it('refuses a timeline branch that takes a parameter other than the customer, rather than answer with the wrong one', async () => {
    const api = await ownerApi();
    const customer = await api.ok('customers.create', aCustomer());
    const { db, sqlite } = api.backend.conn;
    const byKind: TimelineSource = (customerId) => sql`
      SELECT 'interaction' AS kind, i.id, i.occurred_at AS at, i.subject AS title, NULL AS detail, NULL AS user_name, '{}' AS data
        FROM interactions i WHERE i.customer_id = ${customerId} AND i.kind = ${'call'}`;
    expect(() => timelinePage({ db, sqlite, areas: { ...api.backend.registry.extensions, customerTimeline: [byKind] } }, { customerId: customer.id, page: 1, pageSize: 20 })).toThrow(
      'A customer timeline branch may take the customer id as its only parameter',
    );
  });
});
