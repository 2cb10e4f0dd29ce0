import { describe, expect, it } from 'vitest';
import { acrossMigration, insertOldCustomer } from '../../db/migration-test-db';
import { orderStatusMatchesInvoices } from './orders.checks';

const NOW = '2026-11-28T08:00:00.000Z';

describe('migration 0021: orders invoiced and paid before it', () => {
  it('moves each delivered order where its invoices put it, with the steps on its timeline when they happened', () => {
    const { sqlite } = acrossMigration('order_invoicing', (old) => {
      insertOldCustomer(old, NOW);
      old.prepare("INSERT INTO products (id, code, name, name_pinyin, unit, vat_rate, list_price, created_at, updated_at) VALUES ('p1', 'P0001', '龙井茶', 'longjingcha', '盒', 1300, 10000, ?, ?)").run(NOW, NOW);
      old.prepare("INSERT INTO warehouses (id, code, name, is_default, created_at, updated_at) VALUES ('w1', 'WH01', '总仓', 1, ?, ?)").run(NOW, NOW);
      const order = old.prepare(
        `INSERT INTO sales_orders (id, order_no, customer_id, status, order_date, warehouse_id, tax_inclusive, total_net, total_tax, total_gross, created_at, updated_at)
         VALUES (?, ?, 'c1', 'delivered', '2026-01-02', 'w1', 1, 17700, 2300, 20000, ?, ?)`,
      );
      const line = old.prepare(
        `INSERT INTO sales_order_lines (id, sales_order_id, line_no, product_id, quantity, delivered_quantity, unit, list_price, unit_price, discount_bp, vat_rate, net, tax, gross)
         VALUES (?, ?, 1, 'p1', 2, 2, '盒', 10000, 10000, 0, 1300, 17700, 2300, 20000)`,
      );
      const invoice = old.prepare(
        `INSERT INTO invoices (id, invoice_no, kind, source, customer_id, invoice_date, due_date, period, total_net, total_tax, total_gross, posted_at)
         VALUES (?, ?, 'invoice', 'order', 'c1', '2026-01-05', '2026-02-04', '2026-01', 17700, 2300, 20000, ?)`,
      );
      const invoiceLine = old.prepare(
        `INSERT INTO invoice_lines (id, invoice_id, line_no, sales_order_line_id, product_id, description, quantity, unit, unit_price, discount, vat_rate, net, tax, gross)
         VALUES (?, ?, 1, ?, 'p1', '龙井茶', 2, '盒', 10000, 0, 1300, 17700, 2300, 20000)`,
      );
      for (const [o, no] of [
        ['paid', 'SO-1'],
        ['part', 'SO-2'],
        ['none', 'SO-3'],
      ] as const) {
        order.run(o, no, NOW, NOW);
        line.run(`${o}-l1`, o);
      }
      invoice.run('i-paid', 'INV-1', '2026-01-05T02:00:00.000Z');
      invoiceLine.run('il-paid', 'i-paid', 'paid-l1');
      invoice.run('i-part', 'INV-2', '2026-01-06T02:00:00.000Z');
      invoiceLine.run('il-part', 'i-part', 'part-l1');
      old.prepare("INSERT INTO receipts (id, receipt_no, customer_id, receipt_date, period, method, amount, posted_at) VALUES ('r1', 'SK-1', 'c1', '2026-01-20', '2026-01', 'bank_transfer', 25000, ?)").run(NOW);
      const entry = old.prepare(
        `INSERT INTO receivable_allocations (id, customer_id, kind, receipt_id, invoice_id, amount, allocation_date, period, created_at)
         VALUES (?, 'c1', 'allocation', 'r1', ?, ?, '2026-01-20', '2026-01', '2026-01-20T02:00:00.000Z')`,
      );
      entry.run('a1', 'i-paid', 20000);
      entry.run('a2', 'i-part', 5000);
    });
    expect(sqlite.prepare('SELECT id, status FROM sales_orders ORDER BY order_no').all()).toEqual([
      { id: 'paid', status: 'paid' },
      { id: 'part', status: 'invoiced' },
      { id: 'none', status: 'delivered' },
    ]);
    expect(sqlite.prepare('SELECT sales_order_id, from_status, to_status, user_id, at FROM sales_order_events ORDER BY sales_order_id, at, id').all()).toEqual([
      { sales_order_id: 'paid', from_status: 'delivered', to_status: 'invoiced', user_id: null, at: '2026-01-05T02:00:00.000Z' },
      { sales_order_id: 'paid', from_status: 'invoiced', to_status: 'paid', user_id: null, at: '2026-01-20T02:00:00.000Z' },
      { sales_order_id: 'part', from_status: 'delivered', to_status: 'invoiced', user_id: null, at: '2026-01-06T02:00:00.000Z' },
    ]);
    expect(orderStatusMatchesInvoices.run(sqlite)).toEqual([]);
  });
});
