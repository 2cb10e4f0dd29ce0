import { describe, expect, it } from 'vitest';
import type { WorkbenchCard } from '../workbench/workbench.contract';
import { pickAndPost, salesBooks } from '../orders/sales.test-helpers';

describe('the deliveries card on the workbench', () => {
  it('counts the deliveries still being picked as the list opened on that status shows them, in each reader’s scope', async () => {
    const books = await salesBooks();
    const { api } = books;
    const tea = books.product({ onHand: 50 });
    const sales = await api.as('sales');
    const theirs = await books.customer({ ownerUserId: sales.session.user!.id });
    const ours = await books.customer();
    const order = async (customerId: string) => api.ok('orders.place', { customerId, lines: [{ productId: tea, quantity: 2 }] });
    const [a, b, c] = [await order(theirs), await order(ours), await order(ours)];
    await api.ok('deliveries.create', { salesOrderId: a.id });
    await api.ok('deliveries.create', { salesOrderId: b.id });
    await pickAndPost(api, await api.ok('deliveries.create', { salesOrderId: c.id }));

    const figureOf = async (reader: typeof api) => {
      const card = (await reader.ok('workbench.cards', {})).cards.find((k) => k.key === 'deliveries') as WorkbenchCard;
      const [figure] = card.figures;
      const listed = await reader.ok('deliveries.list', { ...(figure!.link!.filters as { status: 'picking' }), pageSize: 50 });
      return { count: figure!.count, listed: listed.total, statuses: [...new Set(listed.rows.map((d) => d.status))], path: figure!.link!.path };
    };
    expect(await figureOf(api)).toEqual({ count: 2, listed: 2, statuses: ['picking'], path: '/deliveries' });
    expect(await figureOf(sales)).toEqual({ count: 1, listed: 1, statuses: ['picking'], path: '/deliveries' });
    const service = await api.as('service');
    expect((await service.ok('workbench.cards', {})).cards.map((k) => k.key)).not.toContain('deliveries');
  });
});
