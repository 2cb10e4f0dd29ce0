/**
 * The areas that landed after the customers: confirming an order, the order list (first page and
 * 10,000 deep), the stock overview, the 360° view of a customer with orders, and aging as of a
 * past date, each beside the product's own SQL on the same file.
 */
import type { Statement } from 'better-sqlite3';
import { addDays, businessDateIn } from '../src-main/domain/core/dates';
import { AGING_SQL, agingParameters } from '../src-main/domain/receivables/aging';
import { bestView } from './best-queries';
import { captureStatements } from './capture';
import { measured, percentiles, type BenchContext, type BenchRow, type Goal } from './measure';
import type { Product } from './product';
import { measureScreen } from './screens';

const SCREEN: Goal = { path: 'http', p95UnderMs: 10 };
/** #11: a customer's 360° view with its orders (the plain view's 5 ms is #10's, in customers.bench.ts). */
const VIEW_WITH_ORDERS: Goal = { path: 'http', p95UnderMs: 20 };
/** Aging reads every open document of the year: a few runs, not hundreds. */
const AGING_RUNS = 20;
/** Enough runs that the p95 is not the third-slowest of a handful: one disk flush that stalls moves a p95 of 60. */
const CONFIRM_RUNS = 200;
/** Customers the confirm runs take turns with, as seeded (each gets a few orders from the bench, as in a week of trade). */
const CONFIRM_CUSTOMERS = 60;
/**
 * Confirms before the measured ones, as every other row of the bench warms up (measure.ts): the
 * code compiled and its statements prepared, as on a desk that has been open a while. Each is for a
 * customer of its own, not one of the measured ones, so the measured runs still meet each of their
 * customers for the first time (its pages not yet in SQLite's cache).
 */
const CONFIRM_WARMUP = 50;

export async function benchSales(ctx: BenchContext): Promise<BenchRow[]> {
  const product = await ctx.product();
  const sqlite = product.backend.conn.sqlite;
  const orders = sqlite.prepare('SELECT count(*) FROM sales_orders').pluck().get() as number;
  if (orders === 0) throw new Error('The seeded file has no orders to measure');
  const deep = Math.min(10_000, orders - 60);
  const cursor = sqlite.prepare('SELECT order_date AS date, id FROM sales_orders ORDER BY order_date DESC, id DESC LIMIT 1 OFFSET ?').get(deep - 1) as { date: string; id: string };
  // The customers with the most orders: the 360° view with the fullest timeline.
  const busy = sqlite.prepare('SELECT customer_id FROM sales_orders GROUP BY customer_id ORDER BY count(*) DESC LIMIT 20').pluck().all() as string[];
  const invoices = sqlite.prepare('SELECT count(*) FROM invoices').pluck().get() as number;
  const lastInvoice = sqlite.prepare('SELECT max(invoice_date) FROM invoices').pluck().get() as string | null;
  const view = bestView(sqlite);
  const today = businessDateIn((sqlite.prepare('SELECT time_zone FROM company').pluck().get() as string | undefined) ?? 'Asia/Shanghai');
  const rows: BenchRow[] = [];

  rows.push(
    await measureScreen(ctx, {
      area: 'orders',
      what: `\`orders.list\` first page of ${orders.toLocaleString('en')} orders (newest first)`,
      calls: () => [['orders.list', { pageSize: 50 }]],
      samples: 1,
      overHttp: true,
      goal: SCREEN,
    }),
    await measureScreen(ctx, {
      area: 'orders',
      what: `\`orders.list\` the page ${deep.toLocaleString('en')} orders deep (keyset cursor)`,
      calls: () => [['orders.list', { pageSize: 50, after: cursor }]],
      samples: 1,
      overHttp: true,
      goal: SCREEN,
    }),
    await measureScreen(ctx, {
      area: 'stock',
      what: '`stock.overview` first page (every product in every warehouse)',
      calls: () => [['stock.overview', { page: 1, pageSize: 50 }]],
      samples: 1,
      overHttp: true,
      goal: SCREEN,
    }),
    await measureScreen(ctx, {
      area: 'customers',
      what: '360° view of a customer with orders and invoices: `customers.view` (record, figures, first 20 timeline entries)',
      calls: (k) => [['customers.view', { id: busy[k % busy.length], timelinePageSize: 20 }]],
      samples: busy.length,
      overHttp: true,
      best: { label: 'one JSON statement', run: (k) => view(busy[k % busy.length]!, today) },
      goal: VIEW_WITH_ORDERS,
    }),
  );
  if (lastInvoice) {
    const asOf = addDays(lastInvoice, -120);
    const agingStatement = sqlite.prepare(AGING_SQL);
    rows.push(
      await measureScreen(
        { ...ctx, runs: AGING_RUNS },
        {
          area: 'receivables',
          what: `aging as of ${asOf} (four months back) over ${invoices.toLocaleString('en')} invoices: \`receivables.aging\``,
          calls: () => [['receivables.aging', { asOf }]],
          samples: 1,
          overHttp: false,
          best: { label: 'the aging statement alone (the documents not cleared by the date, from the index of receivable_clearing), prepared once (no shaping into the report)', run: () => agingStatement.all(agingParameters(asOf)) },
          goalText: 'p95 < 300 ms and ≤ 1.5× hand SQL',
        },
      ),
    );
  }
  rows.push(await benchConfirm(product));
  return rows;
}

/** Five stocked products with plenty available in the order's warehouse, and a customer without a credit limit. */
function confirmFixture(product: Product) {
  const sqlite = product.backend.conn.sqlite;
  const warehouseId = sqlite.prepare("SELECT id FROM warehouses WHERE status = 'active' ORDER BY is_default DESC, code LIMIT 1").pluck().get() as string;
  const productIds = sqlite
    .prepare(
      `SELECT p.id FROM products p JOIN stock_levels l ON l.product_id = p.id AND l.warehouse_id = ?
        WHERE p.status = 'active' AND p.is_stocked = 1 AND p.is_serial_tracked = 0 AND p.list_price > 0 AND l.on_hand - l.reserved > 1000
        ORDER BY p.code LIMIT 5`,
    )
    .pluck()
    .all(warehouseId) as string[];
  if (productIds.length < 5) throw new Error('The seeded file has fewer than five products with stock to confirm an order of');
  // Each run orders for the next of these customers: one customer taking every order of the bench
  // would grow open orders no real customer has (the credit check sums them), slower run by run.
  const customerIds = sqlite
    .prepare("SELECT id FROM customers WHERE status = 'active' AND merged_into_id IS NULL AND credit_limit IS NULL ORDER BY code LIMIT ?")
    .pluck()
    .all(CONFIRM_CUSTOMERS + CONFIRM_WARMUP) as string[];
  const draft = async (customerId: string): Promise<string[]> => {
    const order = (await product.call('orders.create', {
      customerId,
      warehouseId,
      promisedDate: null,
      lines: productIds.map((productId, i) => ({ productId, quantity: 1 + i, promisedDate: null })),
    })) as { id: string; lines: { id: string }[] };
    // The order's id, then its lines' ids in line order: what a replay swaps for a fresh draft's.
    return [order.id, ...order.lines.map((l) => l.id)];
  };
  return { draft, customerIds: customerIds.slice(0, CONFIRM_CUSTOMERS), warmupCustomerIds: customerIds.slice(CONFIRM_CUSTOMERS) };
}

/**
 * Confirming a 5-line draft through dispatch (credit check, approval rules, reservations, number,
 * audit row, committed) beside the same statements replayed on a fresh draft of the same customer:
 * committed, as the product commits (synchronous=FULL: one flush to disk each), and rolled back,
 * which shows SQLite's own work without the flush. Drafts are made outside the timing.
 */
export async function benchConfirm(product: Product): Promise<BenchRow> {
  const sqlite = product.backend.conn.sqlite;
  const { draft, customerIds, warmupCustomerIds } = confirmFixture(product);
  const customerOf = (run: number) => customerIds[run % customerIds.length]!;
  return measured(async () => {
    for (const customerId of warmupCustomerIds) {
      const [id] = await draft(customerId);
      await product.call('orders.confirm', { id });
    }
    const samples: number[] = [];
    for (let i = 0; i < CONFIRM_RUNS; i++) {
      const [id] = await draft(customerOf(i));
      const start = process.hrtime.bigint();
      await product.call('orders.confirm', { id });
      samples.push(Number(process.hrtime.bigint() - start) / 1000);
    }
    const template = await draft(customerOf(0));
    const captured = await captureStatements(sqlite, () => product.call('orders.confirm', { id: template[0] }));
    const orderNo = sqlite.prepare('SELECT order_no FROM sales_orders WHERE id = ?').pluck().get(template[0]) as string;
    const prepared = new Map<string, Statement>();
    const prepare = (sql: string) => prepared.get(sql) ?? prepared.set(sql, sqlite.prepare(sql)).get(sql)!;
    const replay = async (run: number, end: 'COMMIT' | 'ROLLBACK'): Promise<number> => {
      // The same statements on a fresh draft (its ids and a number of its own).
      // A fresh draft for the run's customer, as the product's runs had: its ids, its customer and a number of its own.
      const fresh = await draft(customerOf(run + 1));
      const swap = new Map<unknown, unknown>([...template.map((t, k) => [t, fresh[k]] as const), [customerOf(0), customerOf(run + 1)], [orderNo, `${orderNo}-R${run}`]]);
      // Rows the confirm inserted (reservations, events, the audit row) get ids of their own too.
      for (const s of captured) {
        const id = /^\s*insert\s+into\s+"?\w+"?\s*\(\s*"?id"?\s*,/i.test(s.sql) ? insertedId(s.args) : undefined;
        if (typeof id === 'string' && !swap.has(id)) swap.set(id, `${id}-R${run}`);
      }
      const calls = captured.map((s) => ({ statement: prepare(/^commit$/i.test(s.sql.trim()) ? end : s.sql), reader: s.reader, args: swapArgs(s.args, swap) }));
      const start = process.hrtime.bigint();
      for (const s of calls) {
        if (s.reader) s.statement.all(...s.args);
        else s.statement.run(...s.args);
      }
      return Number(process.hrtime.bigint() - start) / 1000;
    };
    const committed: number[] = [];
    const rolledBack: number[] = [];
    for (let i = 0; i < CONFIRM_RUNS; i++) {
      committed.push(await replay(2 * i, 'COMMIT'));
      rolledBack.push(await replay(2 * i + 1, 'ROLLBACK'));
    }
    return {
      area: 'orders',
      what: `confirm a 5-line order: \`orders.confirm\` (credit check, approval rules, reservations, number, audit, committed; ${captured.length} statements, replayed committed; after ${warmupCustomerIds.length} unmeasured for other customers, each run for the next of ${customerIds.length} customers)`,
      dispatch: percentiles(samples),
      productSql: percentiles(committed),
      bestSql: percentiles(rolledBack),
      bestSqlLabel: 'the same statements rolled back: SQLite’s work without the commit’s flush to disk',
      goalText: 'dispatch p95 < 3 ms and ≤ 3× the replay',
      unit: 'ms',
    };
  });
}

/** The id an INSERT (id, …) gives its row, however the parameters were passed. */
function insertedId(args: unknown[]): unknown {
  const first = args[0];
  if (Array.isArray(first)) return first[0];
  if (first !== null && typeof first === 'object') return (first as Record<string, unknown>).id;
  return first;
}

/** Parameters with the swapped values: spread, as one array (Kysely) or as named ones. */
function swapArgs(args: unknown[], swap: Map<unknown, unknown>): unknown[] {
  const one = (a: unknown) => (swap.has(a) ? swap.get(a) : a);
  return args.map((a) =>
    Array.isArray(a) ? a.map(one) : a !== null && typeof a === 'object' ? Object.fromEntries(Object.entries(a).map(([k, v]) => [k, one(v)])) : one(a),
  );
}
