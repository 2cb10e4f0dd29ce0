import { describe, expect, it } from 'vitest';
import { pickAndPost, salesBooks } from './sales.test-helpers';

const RULE = 'delivered and returned quantities equal the posted deliveries and received returns';

describe('check: what order lines say went out and came back', () => {
  it('agrees with the posted deliveries and received returns, and names a line whose figures were changed by hand', async () => {
    const books = await salesBooks();
    const { api, sqlite } = books;
    const tea = books.product({ name: '碧螺春', listPrice: 10_000, onHand: 100 });
    const customerId = await books.customer();
    const draft = await api.ok('orders.create', { customerId, lines: [{ productId: tea, quantity: 5 }, { productId: tea, quantity: 2 }] });
    const order = await api.ok('orders.confirm', { id: draft.id });
    await pickAndPost(api, await api.ok('deliveries.create', { salesOrderId: order.id }));
    const [first, second] = (await api.ok('orders.get', { id: order.id })).lines;
    await api.ok('returns.create', { salesOrderId: order.id, reason: '包装破损', lines: [{ orderLineId: first!.id, quantity: 2, disposition: 'restock' }] });
    expect(books.problems().filter((p) => p.name === RULE)).toEqual([]);

    sqlite.prepare('UPDATE sales_order_lines SET returned_quantity = 1 WHERE id = ?').run(first!.id);
    sqlite.prepare('UPDATE sales_order_lines SET delivered_quantity = 1 WHERE id = ?').run(second!.id);
    expect(books.problems().filter((p) => p.name === RULE)).toEqual([
      {
        name: RULE,
        differences: expect.arrayContaining([
          `order line ${first!.id}: delivered 5 (deliveries 5), returned 1 (returns 2)`,
          `order line ${second!.id}: delivered 1 (deliveries 2), returned 0 (returns 0)`,
        ]),
      },
    ]);
  });
});
