/**
 * A year of sales for the demo company (seed step): quotes, orders, deliveries and returns on the
 * seeded customers, ten orders a customer on average (500,000 at the large scale), shared out by
 * each customer's buying habit (orders.seed-habits.ts). Rows go in with prepared
 * statements in one transaction; stock moves through the stock ledger's in-memory book (its own
 * costing rule, levels written once) and numbers are taken in blocks, so `cli check` holds on the
 * result. When the catalog has no products yet, a small range of demo products and a warehouse are
 * made first.
 */
import type { Connection, Sqlite } from '../../db/connection';
import { buildProductSearchDoc } from '../catalog/catalog.search-text';
import { addDays, daysBetween } from '../core/dates';
import { sumTaxLines } from '../core/money';
import { numbersInBlocks } from '../core/numbering';
import { DELIVERY_SERIES } from '../deliveries/deliveries.service';
import { QUOTE_SERIES } from '../quotes/quotes.service';
import { RETURN_SERIES } from '../returns/returns.service';
import type { SeededRandom } from '../../seed/random';
import { newId } from '../shared/ids';
import { openStockBook } from '../stock/stock.bulk';
import type { ApprovalReason, CreditCheck } from './orders.dto';
import { refreshOrderFigures } from './orders.customer-stats';
import { ORDER_DOCUMENT_TYPE, ORDER_SERIES } from './orders.kind';
import { lineAmounts, returnedShare } from './orders.rules';
import { planOrders } from './orders.seed-habits';

const DEMO_PRODUCTS: [string, string, number, number][] = [
  ['碧螺春 250g', '罐', 16_800, 1300], ['西湖龙井 250g', '罐', 26_800, 1300], ['普洱茶饼 357g', '饼', 13_800, 1300], ['铁观音 500g', '袋', 9_800, 1300],
  ['广式月饼礼盒', '盒', 19_800, 1300], ['坚果礼盒 1.5kg', '盒', 15_800, 1300], ['五常大米 10kg', '袋', 8_990, 900], ['东北黑木耳 500g', '袋', 4_580, 900],
  ['橄榄油 1L', '瓶', 6_900, 1300], ['花生油 5L', '桶', 11_900, 900], ['有机红枣 1kg', '袋', 3_990, 900], ['枸杞 500g', '袋', 5_600, 900],
  ['矿泉水 550ml×24', '箱', 3_600, 1300], ['纯牛奶 250ml×12', '箱', 6_500, 900], ['速溶咖啡 100条', '盒', 8_800, 1300], ['饼干礼盒', '盒', 6_800, 1300],
];

interface SeedProduct {
  id: string;
  unit: string;
  listPrice: number;
  vatRate: number;
}

function ensureCatalog(db: Sqlite, now: string): { warehouseId: string; products: SeedProduct[] } {
  let warehouseId = db.prepare("SELECT id FROM warehouses WHERE status = 'active' ORDER BY is_default DESC, code LIMIT 1").pluck().get() as string | undefined;
  if (!warehouseId) {
    warehouseId = newId();
    db.prepare("INSERT INTO warehouses (id, code, name, is_default, created_at, updated_at) VALUES (?, 'WH01', '主仓库', 1, ?, ?)").run(warehouseId, now, now);
  }
  const existing = () =>
    db.prepare("SELECT id, unit, list_price AS listPrice, vat_rate AS vatRate FROM products WHERE status = 'active' AND is_stocked = 1 AND is_serial_tracked = 0 AND list_price > 0 ORDER BY code LIMIT 200").all() as SeedProduct[];
  if (existing().length === 0) {
    const insert = db.prepare(
      'INSERT INTO products (id, code, name, name_pinyin, unit, vat_rate, list_price, standard_cost, is_stocked, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?)',
    );
    const search = db.prepare('INSERT INTO product_search (product_id, names, tokens) VALUES (?, ?, ?)');
    DEMO_PRODUCTS.forEach(([name, unit, price, vat], i) => {
      const id = newId();
      const code = `SP${String(i + 1).padStart(4, '0')}`;
      insert.run(id, code, name, '', unit, vat, price, Math.round(price * 0.6), now, now);
      const doc = buildProductSearchDoc({ code, name, spec: null, barcode: null });
      search.run(id, doc.names, doc.tokens);
    });
  }
  return { warehouseId, products: existing() };
}

const DEEP_DISCOUNT_BP = 2000;

/** On average: 500,000 orders make about 2,000,000 lines at the large scale. */
const LINES_PER_ORDER = 4;

const earliest = (a: string, b: string) => (a < b ? a : b);
const maxOf = (a: string, b: string) => (a > b ? a : b);

export interface SeedSalesResult {
  orders: number;
  quotes: number;
  deliveries: number;
  returns: number;
}

export function seedSales(conn: Connection, options: { random: SeededRandom; staffIds: string[]; asOf: string; ordersPerCustomer?: number }): SeedSalesResult {
  const db = conn.sqlite;
  const { random, asOf } = options;
  const salesPeople = options.staffIds.slice(0, 2);
  // Orders and deliveries are entered in the morning (08:10–09:59 in Shanghai), before the day's
  // invoices (10:00, receivables.seed-book.ts): an order's timeline then reads in the order things happened.
  const stamp = (date: string) => `${date}T0${random.int(0, 1)}:${String(random.int(10, 59))}:00.000Z`;
  const run = db.transaction((): SeedSalesResult => {
    const start = addDays(asOf, -365);
    const { warehouseId, products } = ensureCatalog(db, stamp(start));
    const customers = (
      db.prepare("SELECT id, created_at AS filedAt FROM customers WHERE status = 'active' AND merged_into_id IS NULL ORDER BY code").all() as { id: string; filedAt: string }[]
    ).map((c) => ({ ...c, daysOnFile: daysBetween(c.filedAt.slice(0, 10), asOf) }));
    const count = customers.length * (options.ordersPerCustomer ?? 10);
    const result: SeedSalesResult = { orders: 0, quotes: 0, deliveries: 0, returns: 0 };
    if (customers.length === 0 || products.length === 0) return result;
    const book = openStockBook(db);
    const numbers = { order: numbersInBlocks(db, ORDER_SERIES), quote: numbersInBlocks(db, QUOTE_SERIES), delivery: numbersInBlocks(db, DELIVERY_SERIES), return: numbersInBlocks(db, RETURN_SERIES) };
    // Opening stock a year ago: enough for the year's deliveries, bought at 60 % of the list price.
    for (const p of products) {
      book.post({ productId: p.id, warehouseId, kind: 'opening', quantity: Math.ceil((count * LINES_PER_ORDER * 8) / products.length) + 500, unitCost: Math.round(p.listPrice * 0.6), moveDate: start, document: { type: 'opening', id: p.id, no: 'OPENING' }, userId: null });
    }
    const s = {
      order: db.prepare(
        `INSERT INTO sales_orders (id, order_no, customer_id, quote_id, status, order_date, promised_date, warehouse_id, tax_inclusive, currency, total_net, total_tax, total_gross,
           owner_user_id, created_by, created_at, updated_at, confirmed_at, cancelled_at, cancelled_by, cancel_reason)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, 1, 'CNY', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
      line: db.prepare(
        `INSERT INTO sales_order_lines (id, sales_order_id, line_no, product_id, quantity, delivered_quantity, returned_quantity, unit, list_price, unit_price, discount_bp, vat_rate, net, tax, gross)
         VALUES (?, ?, ?, ?, ?, ?, 0, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
      event: db.prepare('INSERT INTO sales_order_events (id, sales_order_id, from_status, to_status, comment, user_id, at) VALUES (?, ?, ?, ?, ?, ?, ?)'),
      approval: db.prepare('INSERT INTO sales_order_approvals (id, sales_order_id, reasons, requested_by, requested_at) VALUES (?, ?, ?, ?, ?)'),
      decidedBy: db.prepare('UPDATE sales_orders SET decided_by_rule = ?, credit_check = ? WHERE id = ?'),
      quote: db.prepare(
        `INSERT INTO quotes (id, quote_no, customer_id, status, quote_date, valid_until, tax_inclusive, currency, total_net, total_tax, total_gross, owner_user_id, sales_order_id, created_by, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, 1, 'CNY', ?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
      quoteLine: db.prepare(
        'INSERT INTO quote_lines (id, quote_id, line_no, product_id, quantity, unit, unit_price, discount_bp, vat_rate, net, tax, gross) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
      ),
      delivery: db.prepare(
        `INSERT INTO deliveries (id, delivery_no, sales_order_id, customer_id, warehouse_id, status, delivery_date, promised_date, posted_at, posted_by, created_by, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, 'posted', ?, ?, ?, ?, ?, ?, ?)`,
      ),
      deliveryLine: db.prepare('INSERT INTO delivery_lines (id, delivery_id, sales_order_line_id, product_id, quantity, picked_quantity, unit_cost) VALUES (?, ?, ?, ?, ?, ?, ?)'),
      salesReturn: db.prepare(
        "INSERT INTO sales_returns (id, return_no, sales_order_id, customer_id, warehouse_id, status, return_date, reason, created_by, created_at) VALUES (?, ?, ?, ?, ?, 'received', ?, ?, ?, ?)",
      ),
      returnLine: db.prepare("INSERT INTO sales_return_lines (id, sales_return_id, sales_order_line_id, product_id, quantity, disposition, net, tax, gross) VALUES (?, ?, ?, ?, ?, 'restock', ?, ?, ?)"),
      returned: db.prepare('UPDATE sales_order_lines SET returned_quantity = returned_quantity + ? WHERE id = ?'),
      creditNote: db.prepare(
        "INSERT INTO credit_note_requests (id, sales_return_id, customer_id, sales_order_id, total_net, total_tax, total_gross, status, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, 'open', ?, ?)",
      ),
    };
    const dayDates = Array.from({ length: 365 }, (_, daysAgo) => addDays(asOf, -daysAgo));
    for (const planned of planOrders(random, customers, count).orders) {
      const date = dayDates[planned.daysAgo]!;
      const customer = customers[planned.customer]!;
      const customerId = customer.id;
      const owner = salesPeople.length ? random.pick(salesPeople) : null;
      // Never written before the customer was filed, on the day it was filed either.
      const at = maxOf(stamp(date), customer.filedAt);
      // The last two weeks' orders are still open; older ones went out, a few were cancelled.
      const recent = daysBetween(date, asOf) < 14;
      const roll = random.next();
      const status = recent ? (roll < 0.1 ? 'draft' : roll < 0.2 ? 'pending_approval' : roll < 0.6 ? 'confirmed' : 'delivered') : roll < 0.04 ? 'cancelled' : 'delivered';
      // An order waiting for a manager has what sends it there under the default rules: a discount over 15 %.
      const waiting = status === 'pending_approval';
      const lines = Array.from({ length: random.int(1, 2 * LINES_PER_ORDER - 1) }, (_, i) => {
        const product = random.pick(products);
        const quantity = random.int(1, 12);
        const discountBp = waiting && i === 0 ? DEEP_DISCOUNT_BP : random.chance(0.15) ? random.pick([300, 500, 1000]) : 0;
        return { id: newId(), lineNo: i + 1, product, quantity, discountBp, ...lineAmounts({ quantity, unitPrice: product.listPrice, discountBp, vatRate: product.vatRate }, true) };
      });
      const totals = sumTaxLines(lines);
      const orderId = newId();
      const orderNo = status === 'draft' ? null : numbers.order.next(date);
      let quoteId: string | null = null;
      if (random.chance(0.2)) {
        quoteId = newId();
        const quoteDate = maxOf(addDays(date, -3), customer.filedAt.slice(0, 10));
        s.quote.run(quoteId, numbers.quote.next(date), customerId, 'converted', quoteDate, addDays(date, 27), totals.net, totals.tax, totals.gross, owner, orderId, owner, at, at);
        lines.forEach((l) => s.quoteLine.run(newId(), quoteId, l.lineNo, l.product.id, l.quantity, l.product.unit, l.product.listPrice, l.discountBp, l.product.vatRate, l.net, l.tax, l.gross));
        result.quotes += 1;
      }
      const delivered = status === 'delivered';
      s.order.run(orderId, orderNo, customerId, quoteId, status, date, addDays(date, 5), warehouseId, totals.net, totals.tax, totals.gross, owner, owner, at, at,
        status === 'draft' || status === 'pending_approval' ? null : at, status === 'cancelled' ? at : null, status === 'cancelled' ? owner : null, status === 'cancelled' ? '客户取消采购计划' : null);
      for (const l of lines) {
        s.line.run(l.id, orderId, l.lineNo, l.product.id, l.quantity, delivered ? l.quantity : 0, l.product.unit, l.product.listPrice, l.product.listPrice, l.discountBp, l.product.vatRate, l.net, l.tax, l.gross);
      }
      s.event.run(newId(), orderId, null, 'draft', null, owner, at);
      const rule = waiting ? '折扣超过15%需审批' : '其余订单自动通过';
      if (status !== 'draft') s.event.run(newId(), orderId, 'draft', waiting ? 'pending_approval' : 'confirmed', rule, owner, at);
      if (status !== 'draft') {
        const reasons: ApprovalReason[] = waiting ? [{ code: 'discount_over', params: { bp: 1500, max: DEEP_DISCOUNT_BP } }] : [];
        const check: CreditCheck = { checkedAt: at, limit: null, balance: 0, orderTotal: totals.gross, overdueDays: 0, overdueDaysAllowed: 0, onHold: false, problems: [], reasons, rule: null, shortLines: 0 };
        s.decidedBy.run(rule, JSON.stringify(check), orderId);
        if (waiting) s.approval.run(newId(), orderId, JSON.stringify(reasons), owner, at);
      }
      if (status === 'cancelled') s.event.run(newId(), orderId, 'confirmed', 'cancelled', '客户取消采购计划', owner, at);
      if (status === 'confirmed' || status === 'pending_approval') {
        for (const l of lines) book.reserve({ productId: l.product.id, warehouseId, quantity: l.quantity, document: { type: ORDER_DOCUMENT_TYPE, id: orderId, lineId: l.id } });
      }
      result.orders += 1;
      if (!delivered) continue;
      // Nothing is dated after today: an order of the last days went out today at the latest.
      const deliveryDate = earliest(addDays(date, random.int(1, 6)), asOf);
      const deliveryId = newId();
      const deliveryNo = numbers.delivery.next(deliveryDate);
      // Shipped after it was ordered, on the same day too.
      const postedAt = maxOf(stamp(deliveryDate), at);
      s.delivery.run(deliveryId, deliveryNo, orderId, customerId, warehouseId, deliveryDate, addDays(date, 5), postedAt, owner, owner, postedAt, postedAt);
      const unitCosts: number[] = [];
      for (const l of lines) {
        const lineId = newId();
        const move = book.post({ productId: l.product.id, warehouseId, kind: 'delivery', quantity: -l.quantity, moveDate: deliveryDate, document: { type: 'delivery', id: deliveryId, no: deliveryNo, lineId }, userId: owner });
        s.deliveryLine.run(lineId, deliveryId, l.id, l.product.id, l.quantity, l.quantity, move.unitCost);
        unitCosts.push(move.unitCost);
      }
      s.event.run(newId(), orderId, 'confirmed', 'delivered', deliveryNo, owner, postedAt);
      result.deliveries += 1;
      if (!random.chance(0.03)) continue;
      const line = lines[0]!;
      const returnDate = earliest(addDays(deliveryDate, random.int(1, 10)), asOf);
      const returnId = newId();
      const returnNo = numbers.return.next(returnDate);
      const share = returnedShare(line, 0, 1, line.quantity);
      const returnAt = maxOf(stamp(returnDate), postedAt);
      s.salesReturn.run(returnId, returnNo, orderId, customerId, warehouseId, returnDate, random.pick(['包装破损', '临近保质期', '发错规格', '客户多订']), owner, returnAt);
      const returnLineId = newId();
      book.post({ productId: line.product.id, warehouseId, kind: 'return', quantity: 1, unitCost: unitCosts[0]!, moveDate: returnDate, document: { type: 'sales_return', id: returnId, no: returnNo, lineId: returnLineId }, userId: owner });
      s.returnLine.run(returnLineId, returnId, line.id, line.product.id, 1, share.net, share.tax, share.gross);
      s.returned.run(1, line.id);
      s.creditNote.run(newId(), returnId, customerId, orderId, share.net, share.tax, share.gross, returnAt, returnAt);
      result.returns += 1;
    }
    book.flush();
    for (const series of Object.values(numbers)) series.finish();
    // The customers' order figures, from the orders just written, in one pass.
    refreshOrderFigures(db);
    return result;
  });
  return run();
}
