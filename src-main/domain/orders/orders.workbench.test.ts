import { describe, expect, it } from 'vitest';
import { addDays, businessDateIn, monthStart } from '../core/dates';
import { yuan } from '../core/money';
import type { WorkbenchCard } from '../workbench/workbench.contract';
import { salesBooks } from './sales.test-helpers';

describe('the sales orders card on the workbench', () => {
  it('counts orders waiting for approval, to deliver, late and taken this month, each with what it comes to, as its list shows them', async () => {
    const books = await salesBooks();
    const today = businessDateIn('Asia/Shanghai');
    const tea = books.product({ listPrice: yuan(300), onHand: 100 });
    const regular = await books.customer();
    const tight = await books.customer({ creditLimit: yuan(1000) });
    const place = (customerId: string, quantity: number) => books.api.ok('orders.place', { customerId, lines: [{ productId: tea, quantity }] });

    const late = await place(regular, 2);
    const onTime = await place(regular, 3);
    const waiting = await place(tight, 5);
    const cancelled = await place(regular, 1);
    await books.api.ok('orders.cancel', { id: cancelled.id, reason: '客户取消' });
    await books.api.ok('orders.create', { customerId: regular, lines: [{ productId: tea, quantity: 7 }] }); // a draft: on no figure
    // Promised for yesterday and not delivered: a day has gone by since it was promised.
    books.sqlite.prepare('UPDATE sales_orders SET promised_date = ? WHERE id = ?').run(addDays(today, -1), late.id);
    books.sqlite.prepare('UPDATE sales_orders SET promised_date = ? WHERE id = ?').run(addDays(today, 3), onTime.id);
    expect([late.status, onTime.status, waiting.status]).toEqual(['confirmed', 'confirmed', 'pending_approval']);

    const bench = await books.api.ok('workbench.cards', {});
    const card = bench.cards.find((c) => c.key === 'orders') as WorkbenchCard;
    const figures = Object.fromEntries(card.figures.map((f) => [f.key, { count: f.count, amount: f.amount }]));
    expect(figures).toEqual({
      pendingApproval: { count: 1, amount: waiting.totalGross },
      toDeliver: { count: 2, amount: late.totalGross + onTime.totalGross },
      lateDeliveries: { count: 1, amount: late.totalGross },
      ordersThisMonth: { count: 3, amount: late.totalGross + onTime.totalGross + waiting.totalGross },
    });
    // Each figure opens the order list filtered as it was counted: the same orders, the same total.
    for (const figure of card.figures) {
      const page = await books.api.ok('orders.list', { filters: figure.link!.filters!, pageSize: 50 });
      expect({ key: figure.key, total: page.total, amount: page.rows.reduce((sum, o) => sum + o.totalGross, 0) }).toEqual({ key: figure.key, total: figure.count, amount: figure.amount });
    }
    expect(card.figures.find((f) => f.key === 'ordersThisMonth')!.link!.filters).toMatchObject({ from: monthStart(today), to: today });
  });
});
