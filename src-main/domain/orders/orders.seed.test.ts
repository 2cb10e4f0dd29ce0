import { describe, expect, it } from 'vitest';
import { ownerApi } from '../../db/test-db';
import { seedCustomers } from '../customers/customers.seed';
import { SeededRandom } from '../../seed/random';
import { seedSales } from './orders.seed';
import { nextNumber } from '../core/numbering';
import { ORDER_SERIES } from './orders.kind';
import { DELIVERY_SERIES } from '../deliveries/deliveries.service';
import { businessDateIn } from '../core/dates';
import { seedScaleCounts } from '../customers/customers.seed';

describe('the sales seeder', () => {
  it('makes a year of orders, deliveries, quotes and returns that every invariant accepts, ten orders a customer', async () => {
    const api = await ownerApi();
    const conn = api.backend.conn;
    seedCustomers(conn, { count: 60, seed: 7, asOf: '2026-11-28' });
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
    // Each order's history in the order it happened: ordered, then shipped, then (maybe) returned.
    const count = (sql: string) => conn.sqlite.prepare(sql).pluck().get() as number;
    expect(count('SELECT count(*) FROM deliveries d JOIN sales_orders o ON o.id = d.sales_order_id WHERE d.posted_at < o.created_at')).toBe(0);
    expect(count('SELECT count(*) FROM sales_order_events e JOIN sales_orders o ON o.id = e.sales_order_id WHERE e.at < o.created_at')).toBe(0);
    expect(count('SELECT count(*) FROM sales_returns r JOIN deliveries d ON d.sales_order_id = r.sales_order_id WHERE r.created_at < d.posted_at')).toBe(0);
    // On this machine 600 orders take about half a second; the small scale's 5,000 some seconds.
    expect(ms).toBeLessThan(20_000);
  }, 180_000);

  it('leaves the levels it kept in memory and the series it numbered in blocks where the ledger and the next document expect them', async () => {
    const api = await ownerApi();
    const conn = api.backend.conn;
    seedCustomers(conn, { count: 20, seed: 11, asOf: '2026-11-28' });
    seedSales(conn, { random: new SeededRandom(4), staffIds: [], asOf: '2026-11-28' });
    const failed = () => api.backend.checkInvariants().filter((r) => !r.ok).map((r) => r.name);
    expect(failed()).toEqual([]);
    // The numbers handed out in blocks go on without a gap: the next order follows the last seeded one.
    const last = (sql: string) => conn.sqlite.prepare(sql).pluck().get() as string;
    const lastOrder = last("SELECT max(order_no) FROM sales_orders WHERE order_no LIKE 'SO-2026-%'");
    expect(nextNumber(conn.sqlite, ORDER_SERIES, '2026-11-28')).toBe(`SO-2026-${String(Number(lastOrder.slice(-6)) + 1).padStart(6, '0')}`);
    const lastDelivery = last("SELECT max(delivery_no) FROM deliveries WHERE delivery_no LIKE '%-2026-%'");
    expect(nextNumber(conn.sqlite, DELIVERY_SERIES, '2026-11-28')).toBe(lastDelivery.replace(/\d{6}$/, (n) => String(Number(n) + 1).padStart(6, '0')));
    // A level one unit off its moves, or one reservation off, is caught.
    const level = conn.sqlite.prepare('SELECT product_id, warehouse_id FROM stock_levels WHERE reserved > 0 LIMIT 1').get() as { product_id: string; warehouse_id: string };
    conn.sqlite.prepare('UPDATE stock_levels SET on_hand = on_hand + 1, reserved = reserved - 1 WHERE product_id = ? AND warehouse_id = ?').run(level.product_id, level.warehouse_id);
    expect(failed()).toEqual(['stock on hand and value equal the sum of the stock moves', 'reserved stock equals the open reservations']);
  }, 180_000);

  it('gives the small demo book the customers of a real shop: a few key accounts, many occasional buyers, some lost, some back, some new, some who never ordered', async () => {
    const api = await ownerApi();
    const conn = api.backend.conn;
    const today = businessDateIn('Asia/Shanghai');
    seedCustomers(conn, { count: seedScaleCounts.small, seed: 1, asOf: today });
    seedSales(conn, { random: new SeededRandom(1), staffIds: [], asOf: today });
    const { stages, total } = await api.ok('customers.recomputeLifecycle', {});
    const share = (n: number) => n / total;
    expect(total).toBe(500);
    expect(share(stages.loyal)).toBeGreaterThan(0.15);
    expect(share(stages.loyal)).toBeLessThan(0.25);
    expect(share(stages.active)).toBeGreaterThan(0.25);
    expect(share(stages.active)).toBeLessThan(0.35);
    expect(share(stages.at_risk)).toBeGreaterThan(0.1);
    expect(share(stages.at_risk)).toBeLessThan(0.16);
    expect(share(stages.churned)).toBeGreaterThan(0.1);
    expect(share(stages.churned)).toBeLessThan(0.2);
    expect(share(stages.won_back)).toBeGreaterThan(0.01);
    expect(share(stages.won_back)).toBeLessThan(0.06);
    expect(share(stages.new)).toBeGreaterThan(0.04);
    expect(share(stages.new)).toBeLessThan(0.11);
    expect(share(stages.prospect)).toBeGreaterThan(0.04);
    expect(share(stages.prospect)).toBeLessThan(0.15);

    const one = (sql: string) => conn.sqlite.prepare(sql).pluck().get() as number;
    // As many orders as before (ten a customer), shared out unevenly: the top fifth of customers
    // place most of them, and the largest key accounts order every week or more.
    expect(one('SELECT count(*) FROM sales_orders')).toBe(5000);
    const perCustomer = conn.sqlite.prepare('SELECT count(*) FROM sales_orders GROUP BY customer_id ORDER BY 1 DESC').pluck().all() as number[];
    expect(perCustomer.slice(0, 100).reduce((a, b) => a + b, 0)).toBeGreaterThan(2500);
    expect(perCustomer[0]).toBeGreaterThan(52);
    expect(perCustomer[0]).toBeLessThan(365);
    expect(perCustomer.filter((n) => n === 1).length).toBeGreaterThan(20);
    // Nothing is ordered, quoted or written before its customer was filed.
    expect(one('SELECT count(*) FROM sales_orders o JOIN customers c ON c.id = o.customer_id WHERE o.order_date < substr(c.created_at, 1, 10) OR o.created_at < c.created_at')).toBe(0);
    expect(one('SELECT count(*) FROM quotes q JOIN customers c ON c.id = q.customer_id WHERE q.quote_date < substr(c.created_at, 1, 10) OR q.created_at < c.created_at')).toBe(0);
    expect(api.backend.checkInvariants().filter((r) => !r.ok)).toEqual([]);
  }, 180_000);
});
