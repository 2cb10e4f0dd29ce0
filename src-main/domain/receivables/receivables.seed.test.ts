import { describe, expect, it } from 'vitest';
import { ownerApi } from '../../db/test-db';
import { seedCustomers } from '../customers/customers.seed';
import { seedSales } from '../orders/orders.seed';
import { SeededRandom } from '../../seed/random';
import { agingAsOf } from './aging';
import { seedReceivables } from './receivables.seed';
import { nextNumber } from '../core/numbering';
import { INVOICE_SERIES } from './invoices.service';
import { RECEIPT_SERIES } from './receipts.service';

const AS_OF = '2026-11-28';

describe('the receivables seeder', () => {
  it('invoices the seeded deliveries and pays them like real customers, and every invariant accepts the result', async () => {
    const api = await ownerApi();
    const conn = api.backend.conn;
    const sqlite = conn.sqlite;
    seedCustomers(conn, { count: 80, seed: 7, asOf: AS_OF });
    seedSales(conn, { random: new SeededRandom(3), staffIds: [], asOf: AS_OF });
    const started = performance.now();

    const result = await seedReceivables(conn, { random: new SeededRandom(5), asOf: AS_OF });

    const ms = performance.now() - started;
    const one = (query: string) => sqlite.prepare(query).pluck().get() as number;
    expect(api.backend.checkInvariants().filter((r) => !r.ok)).toEqual([]);
    // Built from the deliveries: every invoiced quantity is a delivered one, and almost every older delivery is invoiced.
    expect(one("SELECT count(*) FROM invoice_lines il JOIN invoices i ON i.id = il.invoice_id WHERE i.source = 'deliveries' AND il.delivery_line_id IS NULL")).toBe(0);
    expect(one("SELECT count(*) FROM deliveries d WHERE d.delivery_date < date(@asOf, '-40 days') AND NOT EXISTS (SELECT 1 FROM delivery_lines dl JOIN invoice_lines il ON il.delivery_line_id = dl.id WHERE dl.delivery_id = d.id)".replace('@asOf', `'${AS_OF}'`))).toBe(0);
    expect(result.invoices).toBe(one("SELECT count(*) FROM invoices WHERE kind = 'invoice'"));
    expect(result.creditNotes).toBeGreaterThan(0);
    expect(one("SELECT count(*) FROM invoices WHERE invoice_type = 'special' AND tax_invoice_no IS NOT NULL")).toBeGreaterThan(0);
    // Partial payments: invoices paid by two receipts or more.
    expect(one('SELECT count(*) FROM (SELECT invoice_id FROM receivable_allocations WHERE receipt_id IS NOT NULL AND amount > 0 GROUP BY invoice_id HAVING count(DISTINCT receipt_id) > 1)')).toBeGreaterThan(0);
    // Over-payments: some still held as credit or applied later, some refunded.
    expect(one("SELECT count(*) FROM receivable_allocations WHERE kind = 'refund'")).toBeGreaterThan(0);
    expect(one("SELECT count(*) FROM receipts WHERE method = 'acceptance_bill' AND bill_maturity_date > receipt_date")).toBeGreaterThan(0);
    expect(one("SELECT count(*) FROM receivable_allocations WHERE kind = 'writeoff' AND reason IS NOT NULL")).toBe(result.writeOffs);
    expect(result.writeOffs).toBeGreaterThan(0);
    expect(one("SELECT count(*) FROM invoices WHERE status = 'reversed'")).toBeGreaterThan(0);
    expect(one("SELECT count(*) FROM receipts WHERE status = 'reversed'")).toBeGreaterThan(0);
    expect(one('SELECT count(*) FROM receivable_allocations WHERE reverses_id IS NOT NULL')).toBeGreaterThan(0);
    // Late payers: money long overdue at the seed date, and the aging adds up to what customers owe.
    const aging = agingAsOf(sqlite, AS_OF);
    expect(aging.totals.by_bucket['over_180']).toBeGreaterThan(0);
    expect(aging.totals.by_bucket['31-60']).toBeGreaterThan(0);
    expect(aging.totals.total).toBe(one('SELECT coalesce(sum(balance_due), 0) FROM customer_stats'));
    // Nothing is dated after the seed date.
    expect(one(`SELECT count(*) FROM receipts WHERE receipt_date > '${AS_OF}'`)).toBe(0);
    // Entered on their own day (10:00 Shanghai), so the timeline and the voucher order read as a year of work.
    expect(one(`SELECT count(*) FROM invoices WHERE kind = 'invoice' AND posted_at <> invoice_date || 'T02:00:00.000Z' AND invoice_date < date('now')`)).toBe(0);
    expect(one(`SELECT count(*) FROM receipts WHERE posted_at <> receipt_date || 'T02:00:00.000Z' AND receipt_date < date('now')`)).toBe(0);
    // About 1.7 s here for ~700 invoices and ~600 receipts; the small scale (~4,500 invoices) some seconds more.
    expect(ms).toBeLessThan(20_000);
    // Numbered in blocks, the series go on right after the last seeded invoice and receipt.
    const last = (query: string) => sqlite.prepare(query).pluck().get() as string;
    const following = (no: string) => no.replace(/\d{6}$/, (n) => String(Number(n) + 1).padStart(6, '0'));
    expect(nextNumber(sqlite, INVOICE_SERIES, AS_OF)).toBe(following(last("SELECT max(invoice_no) FROM invoices WHERE kind = 'invoice' AND invoice_no LIKE 'INV-2026-%'")));
    expect(nextNumber(sqlite, RECEIPT_SERIES, AS_OF)).toBe(following(last("SELECT max(receipt_no) FROM receipts WHERE receipt_no LIKE 'SK-2026-%'")));
    // The balances moved once at the end are checked like any other: one fen off is caught.
    sqlite.prepare('UPDATE customer_stats SET balance_due = balance_due + 1 WHERE customer_id = (SELECT customer_id FROM invoices LIMIT 1)').run();
    expect(api.backend.checkInvariants().filter((r) => !r.ok).map((r) => r.name)).toEqual(['what each customer owes equals invoices − credit notes − receipts − write-offs + refunds']);
  }, 180_000);

  it('leaves about a third of the open invoices overdue, as a shop with some credit control has', async () => {
    const api = await ownerApi();
    const conn = api.backend.conn;
    seedCustomers(conn, { count: 500, seed: 1, asOf: AS_OF });
    seedSales(conn, { random: new SeededRandom(1), staffIds: [], asOf: AS_OF });
    await seedReceivables(conn, { random: new SeededRandom(1), asOf: AS_OF });
    const open = conn.sqlite
      .prepare(
        `SELECT count(*) AS invoices, count(*) FILTER (WHERE due_date < @asOf) AS overdue FROM invoices i
          WHERE kind = 'invoice' AND status = 'posted' AND total_gross > (SELECT coalesce(sum(amount), 0) FROM receivable_allocations a WHERE a.invoice_id = i.id)`,
      )
      .get({ asOf: AS_OF }) as { invoices: number; overdue: number };
    expect(open.invoices).toBeGreaterThan(300);
    expect(open.overdue / open.invoices).toBeGreaterThan(0.25);
    expect(open.overdue / open.invoices).toBeLessThan(0.42);
  }, 180_000);
});
