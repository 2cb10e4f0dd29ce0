import { describe, expect, it } from 'vitest';
import type { CustomerFiguresSource } from '../area';
import { overview } from '../customers/customers.engagement';
import { addDays, businessDateIn } from '../core/dates';
import { aCustomer, anInvoice, aReceipt, aWorld, type World } from './receivables.test-helpers';

async function companyToday(world: World): Promise<string> {
  return businessDateIn((await world.api.ok('settings.get', {})).timeZone);
}

describe('what is owed on the customer’s 360° header', () => {
  it('is the 应收 tab’s balance and overdue, and the aging’s overdue buckets, as of today', { timeout: 180_000 }, async () => {
    const world = await aWorld();
    const today = await companyToday(world);
    const customerId = await aCustomer(world, { paymentTermsDays: 30 });
    await anInvoice(world, customerId, 300_000, addDays(today, -100)); // due 70 days ago
    await anInvoice(world, customerId, 250_000, addDays(today, -45)); // due 15 days ago
    await anInvoice(world, customerId, 180_000, addDays(today, -5)); // not due yet
    // Paid in part: oldest first, so 1,000.00 of the first invoice stays overdue.
    await aReceipt(world, customerId, 200_000, addDays(today, -3), true);

    const header = await world.api.ok('customers.overview', { id: customerId });
    const summary = await world.api.ok('receivables.customerSummary', { customerId });
    const { code } = await world.api.ok('customers.get', { id: customerId });
    const aging = await world.api.ok('receivables.aging', { asOf: today });
    const row = aging.rows.find((r) => r.customer_code === code)!;
    const { not_due: notDue, ...overdueBuckets } = row.by_bucket;
    const agingOverdue = Object.values(overdueBuckets).reduce((sum, amount) => sum + amount, 0);

    expect(header.overdue).toBe(100_000 + 250_000);
    expect(header.overdue).toBe(summary.overdue);
    expect(header.overdue).toBe(agingOverdue);
    expect(header.balanceDue).toBe(summary.balance);
    expect(header.balanceDue).toBe(row.total);
    expect(notDue).toBe(180_000);

    const view = await world.api.ok('customers.view', { id: customerId });
    expect(view.overview).toMatchObject({ balanceDue: summary.balance, overdue: summary.overdue, creditUsed: summary.creditUsed });
  });

  it('is a true ¥0.00 for a customer with no invoices, with nothing overdue', { timeout: 180_000 }, async () => {
    const world = await aWorld();
    const customerId = await aCustomer(world);
    const header = await world.api.ok('customers.overview', { id: customerId });
    expect(header).toMatchObject({ balanceDue: 0, overdue: 0, creditUsed: 0 });
  });

  it('is absent, not zero, when no registered area supplies it', { timeout: 180_000 }, async () => {
    const world = await aWorld();
    const customerId = await aCustomer(world);
    await anInvoice(world, customerId, 50_000, '2026-01-05');
    const { backend } = world.api;
    const withoutReceivables = { ...backend.registry.extensions, customerFigures: [] };
    const header = await overview({ db: backend.conn.db, sqlite: backend.conn.sqlite, areas: withoutReceivables }, customerId);
    expect(header).toMatchObject({ balanceDue: null, overdue: null, creditUsed: null, creditAvailable: null });
  });

  it('reads only the figures the header shows: another area\'s figures are not computed for it', { timeout: 180_000 }, async () => {
    const world = await aWorld();
    const customerId = await aCustomer(world);
    const { backend } = world.api;
    const asked: string[] = [];
    const notShown: CustomerFiguresSource = {
      keys: ['visits.count'],
      read: async (_ctx, id) => (asked.push(id), [{ key: 'visits.count', kind: 'count', value: 3 }]),
    };
    const areas = { ...backend.registry.extensions, customerFigures: [...backend.registry.extensions.customerFigures, notShown] };
    const header = await overview({ db: backend.conn.db, sqlite: backend.conn.sqlite, areas }, customerId);
    expect(header.balanceDue).toBe(0);
    expect(asked).toEqual([]);
    expect(backend.registry.extensions.customerFigures.some((source) => source.keys.includes('openOrderCount'))).toBe(true);
  });
});
