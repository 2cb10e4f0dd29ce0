import { describe, expect, it } from 'vitest';
import { ownerApi } from '../../db/test-db';
import { isMainlandMobile } from '../customers/customers.rules';
import { seedCustomers } from '../customers/customers.seed';
import { aLead } from './leads.test-helpers';
import { seedLeads } from './leads.seed';

describe('seedLeads', () => {
  it('makes 5% of the customers as leads, the same for the same seed, with campaigns on every channel', async () => {
    const runOnce = async () => {
      const api = await ownerApi();
      seedCustomers(api.backend.conn, { count: 400, seed: 5, asOf: '2026-11-23' });
      const result = seedLeads(api.backend.conn, { seed: 9, asOf: '2026-11-23' });
      const rows = api.backend.conn.sqlite.prepare('SELECT code, name, company, source, status FROM leads ORDER BY code').all();
      return { api, result, rows };
    };
    const one = await runOnce();
    const two = await runOnce();
    expect(one.result.leads).toBe(20);
    expect(one.rows).toEqual(two.rows);
    const channels = one.api.backend.conn.sqlite.prepare('SELECT DISTINCT channel FROM campaigns ORDER BY channel').pluck().all();
    expect(channels).toEqual(['地推', '官网', '展会', '抖音', '百度推广', '老客户介绍'].sort());
  });

  it('links converted leads to customers both ways, writes valid mobiles and moves the lead series on', async () => {
    const api = await ownerApi();
    seedCustomers(api.backend.conn, { count: 2000, seed: 2, asOf: '2026-11-23' });
    const result = seedLeads(api.backend.conn, { seed: 4, asOf: '2026-11-23' });
    const sqlite = api.backend.conn.sqlite;
    expect(result.leads).toBe(100);
    expect(result.converted).toBeGreaterThan(0);
    expect(result.opportunities).toBeGreaterThan(20);
    const unlinked = sqlite.prepare("SELECT count(*) FROM leads l LEFT JOIN customers c ON c.lead_id = l.id WHERE l.status = 'converted' AND (c.id IS NULL OR c.id <> l.customer_id)").pluck().get();
    expect(unlinked).toBe(0);
    const mobiles = sqlite.prepare('SELECT mobile FROM leads').pluck().all() as string[];
    expect(mobiles.filter((m) => !isMainlandMobile(m))).toEqual([]);
    expect(api.backend.checkInvariants().filter((c) => !c.ok)).toEqual([]);
    const report = await api.ok('leads.channelReport', { from: '2025-11-01', to: '2026-11-23' });
    expect(report.totals.leads).toBe(100);
    expect(report.totals.cost).toBeGreaterThan(0);
    expect((await api.ok('leads.create', aLead())).code).toBe('L000101');
  });
});
