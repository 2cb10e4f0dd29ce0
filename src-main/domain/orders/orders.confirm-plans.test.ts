import { beforeAll, describe, expect, it } from 'vitest';
import { planOf, statementsRunBy } from '../../db/query-plans';
import { refreshPlannerStatistics } from '../../db/statistics';
import { salesBooks, type SalesBooks } from './sales.test-helpers';

/**
 * What a confirmation may walk whole: the CTEs of its own account (a, s, r, survivor, up), the one
 * company row, the approval rules, the merged customers' partial index, and the warehouses (w) and
 * users (joined for their names) a company has a handful of. Everything else it reads (orders,
 * lines, balances, products, stock) grows with the business and must be a SEARCH.
 */
const SMALL_SCANS = [
  /^SCAN (CONSTANT ROW|a|s|r|up|survivor|company|approval_rules|w)$/,
  /^SCAN (u|ou|cu|xu|r|d) LEFT-JOIN$/,
  /^SCAN c USING INDEX customers_merged_into$/,
  // The order's own product ids, passed as one JSON array.
  /^SCAN json_each VIRTUAL TABLE INDEX \d+:$/,
];

async function confirmedOrders(books: SalesBooks, products: string[], customers: number, ordersEach: number): Promise<string[]> {
  const ids: string[] = [];
  for (let c = 0; c < customers; c++) {
    const customerId = await books.customer();
    ids.push(customerId);
    for (let o = 0; o < ordersEach; o++) {
      const draft = await books.api.ok('orders.create', { customerId, lines: products.slice(0, 2).map((productId) => ({ productId, quantity: 1 })) });
      await books.api.ok('orders.confirm', { id: draft.id });
    }
  }
  return ids;
}

// As for the order list (orders.query-plans.test): on a file not analysed yet and on one analysed as the product does.
describe.each([
  ['without planner statistics', false],
  ['with the statistics PRAGMA optimize gathers', true],
])('query plans of confirming an order, %s', (_state, analysed) => {
  let books: SalesBooks;
  let products: string[];
  let customerId: string;

  beforeAll(async () => {
    books = await salesBooks();
    // A catalogue of some size, so that the planner has no reason to read products whole.
    products = Array.from({ length: 200 }, (_, i) => books.product(i < 5 ? { onHand: 10_000 } : {}));
    customerId = (await confirmedOrders(books, products, 40, 3))[0]!;
    if (analysed) expect(refreshPlannerStatistics(books.sqlite)).toBe(true);
  }, 180_000);

  it('reads the customer’s balance, its order figures and the stock by index, never every order or every customer', async () => {
    const draft = await books.api.ok('orders.create', { customerId, lines: products.slice(0, 5).map((productId, i) => ({ productId, quantity: 1 + i })) });
    const statements = await statementsRunBy(books.sqlite, () => books.api.ok('orders.confirm', { id: draft.id }));

    const walks = statements.flatMap((s) =>
      planOf(books.sqlite, s)
        .split('\n')
        .filter((step) => step.startsWith('SCAN') && !SMALL_SCANS.some((small) => small.test(step)))
        .map((step) => `${step}  ← ${s.sql.replace(/\s+/g, ' ').trim().slice(0, 60)}`),
    );
    expect(walks).toEqual([]);
    const order = await books.api.ok('orders.get', { id: draft.id });
    expect(order.status).toBe('confirmed');
  });
});
