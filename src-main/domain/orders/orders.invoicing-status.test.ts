import { describe, expect, it } from 'vitest';
import { yuan } from '../core/money';
import { creditFacts } from './orders.credit';
import { pickAndPost, salesBooks, type SalesBooks } from './sales.test-helpers';

/** A confirmed order of two lines, delivered as `deliveries` says (quantities per line, one delivery each). */
async function deliveredOrder(books: SalesBooks, deliveries: number[][]) {
  const tea = books.product({ listPrice: yuan(80), onHand: 50 });
  const cup = books.product({ listPrice: yuan(10), onHand: 50 });
  const customerId = await books.customer({ paymentTermsDays: 30 });
  const draft = await books.api.ok('orders.create', { customerId, promisedDate: '2026-12-05', lines: [{ productId: tea, quantity: 3 }, { productId: cup, quantity: 2 }] });
  const order = await books.api.ok('orders.confirm', { id: draft.id, shortages: [] });
  const deliveryIds: string[] = [];
  for (const quantities of deliveries) {
    const delivery = await books.api.ok('deliveries.create', { salesOrderId: order.id, lines: order.lines.map((l, i) => ({ orderLineId: l.id, quantity: quantities[i]! })).filter((l) => l.quantity > 0) });
    deliveryIds.push((await pickAndPost(books.api, delivery)).id);
  }
  return { orderId: order.id, customerId, deliveryIds };
}

const statusOf = async (books: SalesBooks, id: string) => (await books.api.ok('orders.get', { id })).status;
const timeline = async (books: SalesBooks, id: string) => (await books.api.ok('orders.get', { id })).events.map((e) => `${e.fromStatus ?? ''}>${e.toStatus}:${e.comment ?? ''}`);

describe('an order after delivery follows its invoices', () => {
  it('goes to invoiced when every delivered line is invoiced, to paid when the invoice is paid, and back when either is undone, one event per step naming the document', async () => {
    const books = await salesBooks();
    const { orderId, customerId, deliveryIds } = await deliveredOrder(books, [[3, 2]]);
    expect(await statusOf(books, orderId)).toBe('delivered');

    const invoice = await books.api.ok('receivables.invoiceDeliveries', { deliveryIds });
    expect(await statusOf(books, orderId)).toBe('invoiced');

    // Part of it paid: still invoiced; the rest paid: paid.
    const part = await books.api.ok('receivables.createReceipt', { customerId, receiptDate: invoice.invoiceDate, method: 'bank_transfer', amount: 10_000, autoAllocate: true });
    expect(await statusOf(books, orderId)).toBe('invoiced');
    const rest = await books.api.ok('receivables.createReceipt', { customerId, receiptDate: invoice.invoiceDate, method: 'wechat', amount: invoice.totalGross - 10_000, autoAllocate: true });
    expect(await statusOf(books, orderId)).toBe('paid');

    // The second payment undone: open again, so invoiced; the invoice reversed (after undoing the first too): delivered.
    await books.api.ok('receivables.reverseAllocation', { id: rest.allocations[0]!.id, reason: '转错客户' });
    expect(await statusOf(books, orderId)).toBe('invoiced');
    await books.api.ok('receivables.reverseAllocation', { id: part.allocations[0]!.id, reason: '重开发票' });
    await books.api.ok('receivables.reverseInvoice', { id: invoice.id, reason: '抬头错误' });
    expect(await statusOf(books, orderId)).toBe('delivered');

    expect((await timeline(books, orderId)).slice(-4)).toEqual([
      `delivered>invoiced:${invoice.invoiceNo}`,
      `invoiced>paid:${rest.receipt.receiptNo}`,
      `paid>invoiced:${invoice.invoiceNo}`,
      `invoiced>delivered:${invoice.invoiceNo}`,
    ]);
    expect(books.problems()).toEqual([]);
  });

  it('stays delivered while a delivered line is not on an invoice; the credit check counts the order once either way', async () => {
    const books = await salesBooks();
    const { orderId, customerId, deliveryIds } = await deliveredOrder(books, [[3, 0], [0, 2]]);
    const total = books.sqlite.prepare('SELECT total_gross FROM sales_orders WHERE id = ?').pluck().get(orderId) as number;
    const owed = () => creditFacts(books.sqlite, customerId, 'another order', '2026-12-31').balance;
    expect(owed()).toBe(total);
    const first = await books.api.ok('receivables.invoiceDeliveries', { deliveryIds: [deliveryIds[0]!] });
    expect(await statusOf(books, orderId)).toBe('delivered');
    // The invoiced part is owed on the invoice, the rest on the order.
    expect(owed()).toBe(first.totalGross + (total - first.totalGross));
    const second = await books.api.ok('receivables.invoiceDeliveries', { deliveryIds: [deliveryIds[1]!] });
    expect(await statusOf(books, orderId)).toBe('invoiced');
    expect(owed()).toBe(first.totalGross + second.totalGross);
    expect(books.problems()).toEqual([]);
  });

  it('goes to invoiced when what is not on an invoice comes back', async () => {
    const books = await salesBooks();
    const { orderId, deliveryIds } = await deliveredOrder(books, [[3, 0], [0, 2]]);
    await books.api.ok('receivables.invoiceDeliveries', { deliveryIds: [deliveryIds[0]!] });
    const cups = (await books.api.ok('orders.get', { id: orderId })).lines[1]!;
    const back = await books.api.ok('returns.create', { salesOrderId: orderId, reason: '客户退回杯子', lines: [{ orderLineId: cups.id, quantity: 2, disposition: 'restock' }] });
    expect(await statusOf(books, orderId)).toBe('invoiced');
    expect((await timeline(books, orderId)).at(-1)).toBe(`delivered>invoiced:${back.returnNo}`);
    expect(books.problems()).toEqual([]);
  });

  it('`check` names an order whose status its invoices contradict', async () => {
    const books = await salesBooks();
    const { orderId, deliveryIds } = await deliveredOrder(books, [[3, 2]]);
    await books.api.ok('receivables.invoiceDeliveries', { deliveryIds });
    books.sqlite.prepare("UPDATE sales_orders SET status = 'paid' WHERE id = ?").run(orderId);
    const orderNo = books.sqlite.prepare('SELECT order_no FROM sales_orders WHERE id = ?').pluck().get(orderId) as string;
    expect(books.problems()).toEqual([{ name: 'each delivered sales order is invoiced and paid as its invoices say', differences: [`order ${orderNo} is paid but its invoices make it invoiced`] }]);
  });
});
