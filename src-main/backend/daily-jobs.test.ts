import { describe, expect, it } from 'vitest';
import { ownerApi } from '../db/test-db';
import { aCustomer } from '../domain/customers/customers.test-helpers';
import { runDailyJobs } from './daily-jobs';

describe('daily jobs', () => {
  it('moves a customer whose last order was 200 days ago to churned, once per business day', async () => {
    const api = await ownerApi();
    const customer = await api.ok('customers.create', aCustomer());
    const sqlite = api.backend.conn.sqlite;
    sqlite
      .prepare("UPDATE customer_stats SET order_count = 3, first_order_date = '2025-01-10', last_order_date = '2026-05-07' WHERE customer_id = ?")
      .run(customer.id);
    const morning = new Date('2026-11-23T01:00:00Z');
    expect(await runDailyJobs(api.backend, morning)).toBe(true);
    expect((await api.ok('customers.get', { id: customer.id })).lifecycleStage).toBe('churned');

    const audits = () => sqlite.prepare("SELECT count(*) FROM audit_log WHERE method = 'customers.recomputeLifecycle'").pluck().get();
    expect(audits()).toBe(1);
    expect(await runDailyJobs(api.backend, new Date('2026-11-23T15:00:00Z'))).toBe(false);
    expect(audits()).toBe(1);
    // 16:30 UTC is already the next business day in Shanghai.
    expect(await runDailyJobs(api.backend, new Date('2026-11-23T16:30:00Z'))).toBe(true);
    expect(audits()).toBe(2);
  });

  it('does nothing before the company is set up', async () => {
    const { testBackend } = await import('../db/test-db');
    expect(await runDailyJobs(testBackend())).toBe(false);
  });
});
