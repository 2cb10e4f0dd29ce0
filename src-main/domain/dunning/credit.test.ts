import { describe, expect, it } from 'vitest';
import { yuan } from '../core/money';
import { dunningBooks } from './dunning.test-helpers';

describe('the sales credit check reads receivables', () => {
  it('holds an order that an unpaid invoice takes over the credit limit', async () => {
    const books = await dunningBooks();
    const tea = books.product({ listPrice: yuan(1000), onHand: 100 });
    const customerId = await books.customer({ creditLimit: yuan(5000) });
    await books.invoice(customerId, yuan(4000), books.today);
    const order = await books.api.ok('orders.create', { customerId, lines: [{ productId: tea, quantity: 2 }] });

    const waiting = await books.api.ok('orders.confirm', { id: order.id });

    expect(waiting.status).toBe('pending_approval');
    expect(waiting.creditCheck!.reasons).toContainEqual({ code: 'over_limit', params: { limit: yuan(5000), balance: yuan(4000), orderTotal: yuan(2000), exceededBy: yuan(1000) } });
  });

  it('counts an invoiced order once: in the balance, not again as an open order', async () => {
    const books = await dunningBooks();
    const tea = books.product({ listPrice: yuan(1000), onHand: 100 });
    const customerId = await books.customer({ creditLimit: yuan(5000) });
    const first = await books.api.ok('orders.create', { customerId, lines: [{ productId: tea, quantity: 3 }] });
    await books.api.ok('orders.confirm', { id: first.id });
    const firstLine = (await books.api.ok('orders.get', { id: first.id })).lines[0]!;
    await books.api.ok('receivables.invoiceOrder', { salesOrderId: first.id, lines: [{ salesOrderLineId: firstLine.id, quantity: 1 }] });
    const second = await books.api.ok('orders.create', { customerId, lines: [{ productId: tea, quantity: 2 }] });

    const confirmed = await books.api.ok('orders.confirm', { id: second.id });

    // ¥1,000 invoiced (the receivables balance) + ¥2,000 of the first order not yet invoiced.
    expect(confirmed.creditCheck).toMatchObject({ balance: yuan(3000), orderTotal: yuan(2000), problems: [] });
    expect(confirmed.status).toBe('confirmed');
  });

  it('holds an order while invoices are overdue beyond the allowed days, and lets it through once paid', async () => {
    const books = await dunningBooks();
    const tea = books.product({ listPrice: yuan(100), onHand: 100 });
    const customerId = await books.customer({ paymentTermsDays: 30 });
    await books.invoice(customerId, yuan(800), books.daysAgo(75));
    const order = await books.api.ok('orders.create', { customerId, lines: [{ productId: tea, quantity: 1 }] });

    const waiting = await books.api.ok('orders.confirm', { id: order.id });

    expect(waiting.status).toBe('pending_approval');
    expect(waiting.creditCheck).toMatchObject({ overdueDays: 45, overdueDaysAllowed: 30, onHold: false });
    expect(waiting.creditCheck!.reasons).toContainEqual({ code: 'overdue', params: { days: 45, allowed: 30 } });

    await books.pay(customerId, yuan(800));
    const next = await books.api.ok('orders.create', { customerId, lines: [{ productId: tea, quantity: 1 }] });
    const confirmed = await books.api.ok('orders.confirm', { id: next.id });
    expect(confirmed.creditCheck).toMatchObject({ overdueDays: 0, problems: [] });
    expect(confirmed.status).toBe('confirmed');
  });
});
