/**
 * A year of receivables for the demo company (seed step, after the orders): about half the
 * delivered orders invoiced on their delivery date, most invoices paid by one receipt allocated
 * in full (a few in part, some not yet), so aging has every bucket filled. Rows go in with
 * prepared statements in one transaction; each customer's balance moves once at the end, so
 * `cli check` holds on the result.
 */
import type { Connection } from '../../db/connection';
import { addDays, daysBetween } from '../core/dates';
import { applyBasisPoints } from '../core/money';
import { allocateNumbers } from '../core/numbering';
import type { SeededRandom } from '../../seed/random';
import { newId } from '../shared/ids';
import { INVOICE_SERIES } from './invoices.service';
import { RECEIPT_SERIES } from './receipts.service';
import { moveBalance } from './receivables.repository';

export interface SeedReceivablesResult {
  invoices: number;
  receipts: number;
}

interface DeliveredLine {
  order_id: string;
  customer_id: string;
  delivery_date: string;
  payment_terms_days: number;
  line_id: string;
  product_id: string;
  description: string;
  quantity: number;
  unit: string;
  unit_price: number;
  discount_bp: number;
  vat_rate: number;
  net: number;
  tax: number;
  gross: number;
}

const METHODS = ['bank_transfer', 'bank_transfer', 'bank_transfer', 'wechat', 'alipay', 'cash'] as const;

export function seedReceivables(conn: Connection, options: { random: SeededRandom; staffIds: string[]; asOf: string; invoicedShare?: number }): SeedReceivablesResult {
  const db = conn.sqlite;
  const { random, asOf } = options;
  const poster = options.staffIds[3] ?? null;
  const stamp = (date: string) => `${date}T0${random.int(1, 9)}:${String(random.int(10, 59))}:00.000Z`;
  const run = db.transaction((): SeedReceivablesResult => {
    const result: SeedReceivablesResult = { invoices: 0, receipts: 0 };
    // Delivered orders' lines, grouped by order in delivery order (one delivery per seeded order).
    const lines = db
      .prepare(
        `SELECT o.id AS order_id, o.customer_id, d.delivery_date, c.payment_terms_days, ol.id AS line_id, ol.product_id, p.name AS description, ol.quantity, ol.unit,
                ol.unit_price, ol.discount_bp, ol.vat_rate, ol.net, ol.tax, ol.gross
           FROM sales_orders o JOIN deliveries d ON d.sales_order_id = o.id JOIN customers c ON c.id = o.customer_id
           JOIN sales_order_lines ol ON ol.sales_order_id = o.id JOIN products p ON p.id = ol.product_id
          WHERE o.status = 'delivered' AND d.delivery_date <= ?
          ORDER BY d.delivery_date, o.id, ol.line_no`,
      )
      .all(asOf) as DeliveredLine[];
    const orders: DeliveredLine[][] = [];
    for (const line of lines) {
      const last = orders.at(-1);
      if (last && last[0]!.order_id === line.order_id) last.push(line);
      else orders.push([line]);
    }
    const invoiced = orders.filter(() => random.chance(options.invoicedShare ?? 0.45));
    const numbers = numbersByYear(db, INVOICE_SERIES, invoiced.map((o) => o[0]!.delivery_date));
    const s = {
      invoice: db.prepare(
        `INSERT INTO invoices (id, invoice_no, kind, source, customer_id, invoice_date, due_date, period, tax_inclusive, total_net, total_tax, total_gross, sales_order_id, posted_at, posted_by)
         VALUES (?, ?, 'invoice', 'order', ?, ?, ?, ?, 1, ?, ?, ?, ?, ?, ?)`,
      ),
      line: db.prepare(
        `INSERT INTO invoice_lines (id, invoice_id, line_no, sales_order_line_id, product_id, description, quantity, unit, unit_price, discount, vat_rate, net, tax, gross)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
      receipt: db.prepare(
        `INSERT INTO receipts (id, receipt_no, customer_id, receipt_date, period, method, amount, posted_at, posted_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
      allocation: db.prepare(
        `INSERT INTO receivable_allocations (id, customer_id, kind, receipt_id, invoice_id, amount, allocation_date, period, created_by, created_at)
         VALUES (?, ?, 'allocation', ?, ?, ?, ?, ?, ?, ?)`,
      ),
    };
    const owed = new Map<string, number>();
    const payments: { customerId: string; invoiceId: string; date: string; amount: number }[] = [];
    invoiced.forEach((orderLines, i) => {
      const first = orderLines[0]!;
      const invoiceId = newId();
      const date = first.delivery_date;
      const due = addDays(date, first.payment_terms_days);
      const total = orderLines.reduce((sum, l) => ({ net: sum.net + l.net, tax: sum.tax + l.tax, gross: sum.gross + l.gross }), { net: 0, tax: 0, gross: 0 });
      s.invoice.run(invoiceId, numbers[i], first.customer_id, date, due, date.slice(0, 7), total.net, total.tax, total.gross, first.order_id, stamp(date), poster);
      orderLines.forEach((l, n) =>
        s.line.run(newId(), invoiceId, n + 1, l.line_id, l.product_id, l.description, l.quantity, l.unit, l.unit_price, applyBasisPoints(l.quantity * l.unit_price, l.discount_bp), l.vat_rate, l.net, l.tax, l.gross),
      );
      owed.set(first.customer_id, (owed.get(first.customer_id) ?? 0) + total.gross);
      result.invoices += 1;
      // Most customers pay around the due date; the older the invoice, the likelier it is paid.
      const paidOn = addDays(due, random.int(-10, 25));
      if (paidOn > asOf || !random.chance(daysBetween(date, asOf) > 120 ? 0.95 : 0.8)) return;
      const amount = random.chance(0.1) ? Math.max(1, Math.round(total.gross * 0.5)) : total.gross;
      payments.push({ customerId: first.customer_id, invoiceId, date: paidOn, amount });
    });
    payments.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
    const receiptNumbers = numbersByYear(db, RECEIPT_SERIES, payments.map((p) => p.date));
    payments.forEach((p, i) => {
      const receiptId = newId();
      const at = stamp(p.date);
      s.receipt.run(receiptId, receiptNumbers[i], p.customerId, p.date, p.date.slice(0, 7), random.pick(METHODS), p.amount, at, poster);
      s.allocation.run(newId(), p.customerId, receiptId, p.invoiceId, p.amount, p.date, p.date.slice(0, 7), poster, at);
      owed.set(p.customerId, owed.get(p.customerId)! - p.amount);
      result.receipts += 1;
    });
    const now = new Date().toISOString();
    for (const [customerId, delta] of owed) moveBalance(db, customerId, delta, now);
    return result;
  });
  return run();
}

/** Numbers for dates in ascending order: one range per year of the series, taken at once. */
function numbersByYear(db: Connection['sqlite'], series: typeof INVOICE_SERIES, dates: string[]): string[] {
  const numbers: string[] = [];
  let from = 0;
  while (from < dates.length) {
    const year = dates[from]!.slice(0, 4);
    let to = from;
    while (to < dates.length && dates[to]!.slice(0, 4) === year) to++;
    numbers.push(...allocateNumbers(db, series, to - from, dates[from]!).numbers);
    from = to;
  }
  return numbers;
}
