import { describe, expect, it } from 'vitest';
import { ownerApi, type TestApi } from '../../db/test-db';
import { aCampaign, aLead } from './leads.test-helpers';

async function leads(api: TestApi, source: string | null, count: number, convert = 0): Promise<string[]> {
  const customers: string[] = [];
  for (let i = 0; i < count; i++) {
    const lead = await api.ok('leads.create', aLead({ source }));
    if (i < convert) customers.push((await api.ok('leads.convert', { id: lead.id })).customer.id);
  }
  return customers;
}

const noDeals = { wonDeals: 0, wonDealValue: 0, wonDealRoi: -10_000 };

function setRevenue(api: TestApi, customerId: string, fen: number) {
  api.backend.conn.sqlite.prepare('UPDATE customer_stats SET lifetime_revenue = ? WHERE customer_id = ?').run(fen, customerId);
}

describe('channel report (渠道 ROI)', () => {
  it('computes per-channel figures as worked out by hand', async () => {
    const api = await ownerApi();
    const today = new Date().toISOString().slice(0, 10);
    const from = '2026-01-01' < today ? '2026-01-01' : today;
    const to = '2099-12-31';
    // 百度推广: two campaigns in range (1,000.00 + 0.01), one before it and one cancelled (both ignored).
    await api.ok('leads.saveCampaign', aCampaign({ channel: '百度推广', startDate: '2026-03-01', cost: 100_000 }));
    await api.ok('leads.saveCampaign', aCampaign({ channel: '百度推广', startDate: '2026-06-01', endDate: null, cost: 1 }));
    await api.ok('leads.saveCampaign', aCampaign({ channel: '百度推广', startDate: '2025-12-01', endDate: '2025-12-31', cost: 999_999 }));
    await api.ok('leads.saveCampaign', aCampaign({ channel: '展会', startDate: '2026-04-01', endDate: null, status: 'cancelled', cost: 500_000 }));
    await api.ok('leads.saveCampaign', aCampaign({ channel: '抖音', startDate: '2026-05-01', endDate: null, cost: 50_000 }));

    const [baidu1, baidu2] = await leads(api, '百度推广', 5, 2);
    await leads(api, '抖音', 3);
    const [referral] = await leads(api, '老客户介绍', 2, 1);
    await leads(api, null, 1);
    // A converted lead created before the range does not count, nor does its revenue.
    const [early] = await leads(api, '百度推广', 1, 1);
    api.backend.conn.sqlite.prepare("UPDATE leads SET created_at = '2020-06-01T00:00:00.000Z' WHERE customer_id = ?").run(early!);
    setRevenue(api, baidu1!, 300_000);
    setRevenue(api, baidu2!, 0);
    setRevenue(api, referral!, 88_888);
    setRevenue(api, early!, 7_777_777);

    const report = await api.ok('leads.channelReport', { from, to });
    expect(report.rows).toEqual([
      // 100,001 fen / 2 = 50,000.5 → 50,001 (half-up); ROI (300,000 − 100,001) / 100,001 = 199.998 % → 20,000 basis points
      { channel: '百度推广', leads: 5, converted: 2, conversionRate: 4000, campaigns: 2, cost: 100_001, costPerConverted: 50_001, revenue: 300_000, roi: 20_000, ...noDeals },
      // No cost: cost per converted customer is 0, ROI has no base.
      { channel: '老客户介绍', leads: 2, converted: 1, conversionRate: 5000, campaigns: 0, cost: 0, costPerConverted: 0, revenue: 88_888, roi: null, ...noDeals, wonDealRoi: null },
      // Money spent, nobody converted: no cost per customer, ROI −100 %.
      { channel: '抖音', leads: 3, converted: 0, conversionRate: 0, campaigns: 1, cost: 50_000, costPerConverted: null, revenue: 0, roi: -10_000, ...noDeals, wonDealRoi: -10_000 },
      { channel: null, leads: 1, converted: 0, conversionRate: 0, campaigns: 0, cost: 0, costPerConverted: null, revenue: 0, roi: null, ...noDeals, wonDealRoi: null },
    ]);
    // 150,001 / 3 = 50,000.33 → 50,000; 3 / 11 = 27.2727 % → 2,727; (388,888 − 150,001) / 150,001 = 159.2569 % → 15,926
    expect(report.totals).toEqual({ channel: null, leads: 11, converted: 3, conversionRate: 2727, campaigns: 3, cost: 150_001, costPerConverted: 50_000, revenue: 388_888, roi: 15_926, ...noDeals, wonDealRoi: -10_000 });
  });

  it('shows a channel that only spent money, and nothing for an empty period', async () => {
    const api = await ownerApi();
    await api.ok('leads.saveCampaign', aCampaign({ channel: '地推', startDate: '2026-02-01', cost: 80_000 }));
    const report = await api.ok('leads.channelReport', { from: '2026-02-01', to: '2026-02-28' });
    expect(report.rows).toEqual([{ channel: '地推', leads: 0, converted: 0, conversionRate: null, campaigns: 1, cost: 80_000, costPerConverted: null, revenue: 0, roi: -10_000, ...noDeals, wonDealRoi: -10_000 }]);
    const empty = await api.ok('leads.channelReport', { from: '2001-01-01', to: '2001-01-31' });
    expect(empty.rows).toEqual([]);
    expect(empty.totals).toMatchObject({ leads: 0, cost: 0, revenue: 0, roi: null });
  });

  it('counts deals won with converted customers in their own column, apart from revenue from orders', async () => {
    const api = await ownerApi();
    await api.ok('leads.saveCampaign', aCampaign({ channel: '展会', startDate: '2026-02-01', cost: 100_000 }));
    const [customer] = await leads(api, '展会', 2, 1);
    const deal = await api.ok('leads.createOpportunity', { title: '年度采购', customerId: customer!, expectedAmount: 250_000 });
    await api.ok('leads.moveOpportunity', { id: deal.id, stage: 'won' });
    await api.ok('leads.createOpportunity', { title: '二期', customerId: customer!, expectedAmount: 900_000 });
    const today = new Date().toISOString().slice(0, 10);
    const report = await api.ok('leads.channelReport', { from: today < '2026-02-01' ? today : '2026-02-01', to: '2099-12-31' });
    // Before orders: revenue 0 and its ROI −100 %, the won deal (2,500.00 on 1,000.00 spent) +150 % on its own.
    expect(report.rows).toEqual([expect.objectContaining({ channel: '展会', revenue: 0, roi: -10_000, wonDeals: 1, wonDealValue: 250_000, wonDealRoi: 15_000 })]);
    expect(report.totals).toMatchObject({ wonDeals: 1, wonDealValue: 250_000, wonDealRoi: 15_000 });
  });

  it('keeps an exact 1.45 % ROI at 145 basis points (float rounding made it 1.4 %)', async () => {
    const api = await ownerApi();
    await api.ok('leads.saveCampaign', aCampaign({ channel: '展会', startDate: '2026-02-01', cost: 2000 }));
    const [customer] = await leads(api, '展会', 1, 1);
    setRevenue(api, customer!, 2029);
    const today = new Date().toISOString().slice(0, 10);
    const report = await api.ok('leads.channelReport', { from: today < '2026-02-01' ? today : '2026-02-01', to: '2099-12-31' });
    expect(report.rows).toEqual([expect.objectContaining({ channel: '展会', cost: 2000, revenue: 2029, roi: 145, conversionRate: 10_000 })]);
  });

  it('counts business days in the company’s time zone', async () => {
    const api = await ownerApi();
    const lead = await api.ok('leads.create', aLead({ source: '官网' }));
    // 2026-03-31 16:30 UTC is already 1 April in Shanghai.
    api.backend.conn.sqlite.prepare("UPDATE leads SET created_at = '2026-03-31T16:30:00.000Z' WHERE id = ?").run(lead.id);
    expect((await api.ok('leads.channelReport', { from: '2026-03-01', to: '2026-03-31' })).totals.leads).toBe(0);
    expect((await api.ok('leads.channelReport', { from: '2026-04-01', to: '2026-04-01' })).totals.leads).toBe(1);
  });

  it('refuses a range that ends before it starts', async () => {
    const api = await ownerApi();
    const result = await api.call('leads.channelReport', { from: '2026-03-01', to: '2026-02-01' });
    expect(result.ok || result.error.issues?.[0]?.path).toBe('to');
  });
});
