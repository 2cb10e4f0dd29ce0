import { describe, expect, it } from 'vitest';
import { ownerApi } from '../../db/test-db';
import { seedCustomers } from '../customers/customers.seed';
import { SeededRandom } from '../../seed/random';
import { seedSales } from './orders.seed';

describe('the sales seeder', () => {
  it('makes a year of orders, deliveries, quotes and returns that every invariant accepts, ten orders a customer', async () => {
    const api = await ownerApi();
    const conn = api.backend.conn;
    seedCustomers(conn, { count: 60, seed: 7 });
    const started = performance.now();

    const result = seedSales(conn, { random: new SeededRandom(3), staffIds: [], asOf: '2026-11-28' });

    const ms = performance.now() - started;
    const orders = conn.sqlite.prepare('SELECT count(*) FROM sales_orders').pluck().get() as number;
    expect(orders).toBe(600);
    expect(result.deliveries).toBeGreaterThan(400);
    expect(result.quotes).toBeGreaterThan(50);
    expect(result.returns).toBeGreaterThan(0);
    expect(api.backend.checkInvariants().filter((r) => !r.ok)).toEqual([]);
    const first = conn.sqlite.prepare("SELECT min(order_date) AS first, max(order_date) AS last FROM sales_orders").get();
    expect(first).toEqual({ first: expect.stringMatching(/^2025-1[12]/), last: expect.stringMatching(/^2026-11/) });
    // Nothing dated after the day it was seeded on.
    const latest = (sql: string) => conn.sqlite.prepare(sql).pluck().get() as string;
    expect(latest('SELECT max(delivery_date) FROM deliveries')).toBe('2026-11-28');
    expect(latest('SELECT max(return_date) FROM sales_returns') <= '2026-11-28').toBe(true);
    expect(latest("SELECT max(move_date) FROM stock_moves WHERE kind IN ('delivery', 'return')") <= '2026-11-28').toBe(true);
    expect(latest('SELECT max(substr(posted_at, 1, 10)) FROM deliveries') <= '2026-11-28').toBe(true);
    // On this machine 600 orders take about half a second; the small scale's 5,000 some seconds.
    expect(ms).toBeLessThan(20_000);
  });
});
