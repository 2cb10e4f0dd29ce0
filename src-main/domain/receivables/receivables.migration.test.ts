import { describe, expect, it } from 'vitest';
import { acrossMigration, insertOldCustomer, insertOldUser } from '../../db/migration-test-db';

const NOW = '2026-11-28T08:00:00.000Z';

/** The receivables migration (and those after it) on a database that already has a customer with a delivered order. */
function databaseAtReceivables() {
  return acrossMigration(
    'receivables',
    (sqlite) => {
      insertOldUser(sqlite, { username: 'boss', displayName: '老板', role: 'owner' }, NOW);
      insertOldCustomer(sqlite, NOW);
      sqlite.prepare("INSERT INTO warehouses (id, code, name, is_default, created_at, updated_at) VALUES ('w1', 'WH01', '总仓', 1, ?, ?)").run(NOW, NOW);
      sqlite
        .prepare("INSERT INTO sales_orders (id, order_no, customer_id, status, order_date, warehouse_id, created_at, updated_at) VALUES ('o1', 'SO-2026-000001', 'c1', 'delivered', '2026-11-01', 'w1', ?, ?)")
        .run(NOW, NOW);
    },
    { to: 'latest' },
  ).sqlite;
}

const INSERT_INVOICE = `INSERT INTO invoices (id, invoice_no, kind, source, customer_id, invoice_date, due_date, period, total_net, total_tax, total_gross, sales_order_id, posted_at)
  VALUES (?, ?, 'invoice', 'order', 'c1', '2026-11-02', '2026-12-02', '2026-11', 10000, 1300, 11300, 'o1', ?)`;
const INSERT_ENTRY = `INSERT INTO receivable_allocations (id, customer_id, kind, receipt_id, invoice_id, amount, allocation_date, period, reason, reverses_id, created_at)
  VALUES (?, 'c1', ?, ?, 'i1', ?, '2026-11-20', '2026-11', ?, ?, ?)`;

describe('migration 0011: receivables', () => {
  it('keeps the orders the database had and adds the receivables tables empty', () => {
    const sqlite = databaseAtReceivables();
    expect(sqlite.prepare('SELECT order_no FROM sales_orders').pluck().all()).toEqual(['SO-2026-000001']);
    for (const table of ['invoices', 'invoice_lines', 'receipts', 'receivable_allocations']) {
      expect({ table, rows: sqlite.prepare(`SELECT count(*) FROM ${table}`).pluck().get() }).toEqual({ table, rows: 0 });
    }
  });

  it('never lets a posted invoice change its amounts, only its tax invoice number and its reversal', () => {
    const sqlite = databaseAtReceivables();
    sqlite.prepare(INSERT_INVOICE).run('i1', 'INV-2026-000001', NOW);
    expect(() => sqlite.prepare("UPDATE invoices SET total_gross = 1, total_net = 1, total_tax = 0 WHERE id = 'i1'").run()).toThrow(/reverse the invoice/);
    expect(() => sqlite.prepare("UPDATE invoices SET customer_id = 'c1' WHERE id = 'i1'").run()).toThrow(/reverse the invoice/);
    expect(() => sqlite.prepare("DELETE FROM invoices WHERE id = 'i1'").run()).toThrow(/append-only/);
    sqlite.prepare("UPDATE invoices SET tax_invoice_no = '04400123', tax_invoice_date = '2026-11-03' WHERE id = 'i1'").run();
    expect(() => sqlite.prepare("UPDATE invoices SET status = 'reversed' WHERE id = 'i1'").run()).toThrow(/CHECK constraint failed/);
    sqlite.prepare("UPDATE invoices SET status = 'reversed', reversed_on = '2026-11-05' WHERE id = 'i1'").run();
    expect(() => sqlite.prepare("UPDATE invoices SET status = 'posted', reversed_on = NULL WHERE id = 'i1'").run()).toThrow(/stays reversed/);
    expect(() => sqlite.prepare(INSERT_INVOICE.replace("'2026-11'", "'2026-12'")).run('i2', 'INV-2026-000002', NOW)).toThrow(/CHECK constraint failed/);
  });

  it('keeps the allocation ledger append-only, a write-off with a reason, and a reversal once', () => {
    const sqlite = databaseAtReceivables();
    sqlite.prepare(INSERT_INVOICE).run('i1', 'INV-2026-000001', NOW);
    sqlite
      .prepare(
        "INSERT INTO receipts (id, receipt_no, customer_id, receipt_date, period, method, amount, posted_at) VALUES ('r1', 'SK-2026-000001', 'c1', '2026-11-20', '2026-11', 'bank_transfer', 11300, ?)",
      )
      .run(NOW);
    expect(() =>
      sqlite
        .prepare("INSERT INTO receipts (id, receipt_no, customer_id, receipt_date, period, method, amount, posted_at) VALUES ('r2', 'SK-2026-000002', 'c1', '2026-11-20', '2026-11', 'acceptance_bill', 1, ?)")
        .run(NOW),
    ).toThrow(/CHECK constraint failed/);
    const entry = sqlite.prepare(INSERT_ENTRY);
    entry.run('a1', 'allocation', 'r1', 11300, null, null, NOW);
    expect(() => entry.run('a2', 'writeoff', null, 5, null, null, NOW)).toThrow(/CHECK constraint failed/);
    expect(() => entry.run('a3', 'allocation', 'r1', -5, null, null, NOW)).toThrow(/CHECK constraint failed/);
    expect(() => sqlite.prepare("UPDATE receivable_allocations SET amount = 1 WHERE id = 'a1'").run()).toThrow(/append-only/);
    expect(() => sqlite.prepare("DELETE FROM receivable_allocations WHERE id = 'a1'").run()).toThrow(/append-only/);
    entry.run('a1r', 'allocation', 'r1', -11300, null, 'a1', NOW);
    expect(() => entry.run('a1r2', 'allocation', 'r1', -11300, null, 'a1', NOW)).toThrow(/UNIQUE constraint failed/);
    expect(() => entry.run('a1rr', 'allocation', 'r1', -11300, null, 'a1r', NOW)).toThrow(/cannot itself be reversed/);
  });
});
