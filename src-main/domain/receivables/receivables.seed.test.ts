import { describe, expect, it } from 'vitest';
import { ownerApi } from '../../db/test-db';
import { seedCustomers } from '../customers/customers.seed';
import { seedSales } from '../orders/orders.seed';
import { SeededRandom } from '../../seed/random';
import { agingAsOf } from './aging';
import { seedReceivables } from './receivables.seed';

describe('the receivables seeder', () => {
  it('invoices about half the delivered orders, pays most of them, and every invariant accepts the result', async () => {
    const api = await ownerApi();
    const conn = api.backend.conn;
    seedCustomers(conn, { count: 60, seed: 7 });
    const sales = seedSales(conn, { random: new SeededRandom(3), staffIds: [], asOf: '2026-11-28' });

    const result = seedReceivables(conn, { random: new SeededRandom(5), staffIds: [], asOf: '2026-11-28' });

    expect(result.invoices).toBeGreaterThan(sales.deliveries * 0.35);
    expect(result.invoices).toBeLessThan(sales.deliveries * 0.55);
    expect(result.receipts).toBeGreaterThan(result.invoices * 0.5);
    expect(result.receipts).toBeLessThan(result.invoices);
    expect(api.backend.checkInvariants().filter((r) => !r.ok)).toEqual([]);
    const numbers = conn.sqlite.prepare('SELECT count(DISTINCT invoice_no) AS distinct_numbers, count(*) AS invoices FROM invoices').get();
    expect(numbers).toEqual({ distinct_numbers: result.invoices, invoices: result.invoices });
    // Every invoice's lines add up to it and point at the order it bills.
    const mismatched = conn.sqlite
      .prepare('SELECT count(*) FROM invoices i WHERE i.total_gross <> (SELECT sum(l.gross) FROM invoice_lines l JOIN sales_order_lines ol ON ol.id = l.sales_order_line_id WHERE l.invoice_id = i.id AND ol.sales_order_id = i.sales_order_id)')
      .pluck()
      .get();
    expect(mismatched).toBe(0);
    // Unpaid recent invoices and old partly paid ones: aging has money owed today, and more than one bucket.
    const aging = agingAsOf(conn.sqlite, '2026-11-28');
    expect(aging.totals.total).toBeGreaterThan(0);
    expect(Object.values(aging.totals.by_bucket).filter((amount) => amount > 0).length).toBeGreaterThan(1);
  });
});
