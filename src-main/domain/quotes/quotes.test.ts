import { describe, expect, it } from 'vitest';
import { yuan } from '../core/money';
import { salesBooks } from '../orders/sales.test-helpers';
import type { QuoteLine } from './quotes.contract';

describe('quotations', () => {
  it('prices from the list with a discount, tax-inclusive or not, valid 30 days by default', async () => {
    const books = await salesBooks();
    const tea = books.product({ code: 'T1', listPrice: yuan(113) });
    const customerId = await books.customer();

    const inclusive = await books.api.ok('quotes.create', { customerId, quoteDate: '2026-11-28', lines: [{ productId: tea, quantity: 2, discountBp: 1000 }] });
    const exclusive = await books.api.ok('quotes.create', { customerId, quoteDate: '2026-11-28', taxInclusive: false, lines: [{ productId: tea, quantity: 2 }] });

    expect(inclusive).toMatchObject({ quoteNo: expect.stringMatching(/^BJ-2026-000001$/), status: 'draft', validUntil: '2026-12-28', totalGross: yuan(203.4) });
    expect(inclusive.lines[0]).toMatchObject({ unitPrice: yuan(113), discountBp: 1000, net: yuan(180), tax: yuan(23.4) });
    // The list price is 含税; a tax-exclusive quote shows it without VAT (113 / 1.13 = 100).
    expect(exclusive).toMatchObject({ totalNet: yuan(200), totalTax: yuan(26), totalGross: yuan(226) });
  });

  it('refuses a typed price from a salesperson without the permission, and a validity before the quote date', async () => {
    const books = await aShopWithTea();
    const sales = await books.api.as('sales');
    await books.api.ok('customers.bulkAssignOwner', { ids: [books.customerId], ownerUserId: (await sales.ok('auth.status', {})).user!.id });
    const cheap = await sales.call('quotes.create', { customerId: books.customerId, lines: [{ productId: books.tea, quantity: 1, unitPrice: yuan(50) }] });
    const backwards = await sales.call('quotes.create', { customerId: books.customerId, quoteDate: '2026-11-28', validUntil: '2026-11-01', lines: [{ productId: books.tea, quantity: 1 }] });

    expect(cheap.ok ? null : cheap.error).toMatchObject({ code: 'FORBIDDEN', issues: [{ path: 'lines.0.unitPrice', params: { reason: 'price_override' } }] });
    expect(backwards.ok ? null : backwards.error).toMatchObject({ code: 'VALIDATION', issues: [{ path: 'validUntil', code: 'too_small' }] });
    expect((await books.api.ok('quotes.list', {})).total).toBe(0);
  });

  it('converts into a draft order at the quoted prices, linked both ways, once', async () => {
    const books = await aShopWithTea();
    const quote = await books.api.ok('quotes.create', { customerId: books.customerId, lines: [{ productId: books.tea, quantity: 3, unitPrice: yuan(90) }] });
    await books.api.ok('quotes.send', { id: quote.id });
    await books.api.ok('quotes.accept', { id: quote.id });
    const sales = await books.api.as('sales');
    await books.api.ok('customers.bulkAssignOwner', { ids: [books.customerId], ownerUserId: (await sales.ok('auth.status', {})).user!.id });

    // The owner typed the price; the salesperson converting it needs no permission for the agreed price.
    const order = await sales.ok('quotes.convert', { id: quote.id });
    const again = await sales.call('quotes.convert', { id: quote.id });

    expect(order).toMatchObject({ status: 'draft', quoteId: quote.id, quoteNo: quote.quoteNo, totalGross: yuan(270) });
    expect(order.lines[0]).toMatchObject({ quantity: 3, unitPrice: yuan(90), priceOverridden: true });
    expect(await books.api.ok('quotes.get', { id: quote.id })).toMatchObject({ status: 'converted', salesOrderId: order.id });
    expect(again.ok ? null : again.error).toMatchObject({ code: 'CONFLICT', issues: [{ code: 'invalid_transition', params: { from: 'converted' } }] });

    // Editing the draft keeps the agreed price without the permission; a new typed price still needs it.
    const more = await sales.ok('orders.update', { id: order.id, lines: [{ productId: books.tea, quantity: 5, unitPrice: yuan(90) }] });
    expect(more).toMatchObject({ totalGross: yuan(450) });
    expect(more.lines[0]).toMatchObject({ quantity: 5, unitPrice: yuan(90), priceOverridden: true });
    const cheaper = await sales.call('orders.update', { id: order.id, lines: [{ productId: books.tea, quantity: 5, unitPrice: yuan(80) }] });
    expect(cheaper.ok ? null : cheaper.error).toMatchObject({ code: 'FORBIDDEN', issues: [{ path: 'lines.0.unitPrice', params: { reason: 'price_override' } }] });
  });

  it('keeps a draft’s quoted price when it is saved again after the price list has changed', async () => {
    const books = await aShopWithTea();
    const standard = await books.api.ok('catalog.createPriceList', { name: '标准价', kind: 'standard' });
    await books.api.ok('catalog.setPrices', { priceListId: standard.id, productId: books.tea, breaks: [{ minQuantity: 1, unitPrice: yuan(95) }] });
    const sales = await aSalespersonFor(books);
    const quote = await sales.ok('quotes.create', { customerId: books.customerId, lines: [{ productId: books.tea, quantity: 2 }] });
    await books.api.ok('catalog.setPrices', { priceListId: standard.id, productId: books.tea, breaks: [{ minQuantity: 1, unitPrice: yuan(99) }] });

    // The quoted line sent back with more of it, and a new line.
    const saved = await sales.ok('quotes.update', { id: quote.id, lines: [{ ...asSent(quote.lines)[0]!, quantity: 3 }, { productId: books.tea, quantity: 1 }] });

    expect(saved.lines.map((l) => [l.quantity, l.unitPrice])).toEqual([
      [3, yuan(95)],
      [1, yuan(99)],
    ]);
    expect(saved).toMatchObject({ totalGross: yuan(95 * 3 + 99) });
  });

  it('lets a salesperson save a draft again at the price a manager typed, but not type a new one', async () => {
    const books = await aShopWithTea();
    const manager = await books.api.as('manager');
    const quote = await manager.ok('quotes.create', { customerId: books.customerId, lines: [{ productId: books.tea, quantity: 2, unitPrice: yuan(90) }] });
    const sales = await aSalespersonFor(books);

    const more = await sales.ok('quotes.update', { id: quote.id, notes: '含运费', lines: asSent(quote.lines).map((l) => ({ ...l, quantity: 5 })) });
    const cheaper = await sales.call('quotes.update', { id: quote.id, lines: asSent(quote.lines).map((l) => ({ ...l, unitPrice: yuan(80) })) });

    expect(more).toMatchObject({ notes: '含运费', totalGross: yuan(450) });
    expect(more.lines[0]).toMatchObject({ quantity: 5, unitPrice: yuan(90) });
    expect(cheaper.ok ? null : cheaper.error).toMatchObject({ code: 'FORBIDDEN', issues: [{ path: 'lines.0.unitPrice', params: { reason: 'price_override' } }] });
    expect((await books.api.ok('quotes.get', { id: quote.id })).lines[0]).toMatchObject({ quantity: 5, unitPrice: yuan(90) });
  });

  it('marks unanswered quotes past their date expired, and an expired quote is not converted', async () => {
    const books = await aShopWithTea();
    const old = await books.api.ok('quotes.create', { customerId: books.customerId, quoteDate: '2026-01-05', validUntil: '2026-01-20', lines: [{ productId: books.tea, quantity: 1 }] });
    const stale = await books.api.ok('quotes.create', { customerId: books.customerId, quoteDate: '2026-01-05', validUntil: '2026-01-20', lines: [{ productId: books.tea, quantity: 1 }] });
    const fresh = await books.api.ok('quotes.create', { customerId: books.customerId, quoteDate: '2026-01-05', validUntil: '2099-01-20', lines: [{ productId: books.tea, quantity: 1 }] });
    await books.api.ok('quotes.send', { id: stale.id });

    const early = await books.api.call('quotes.convert', { id: old.id });
    const run = await books.api.ok('quotes.markExpired', { asOf: '2026-02-01' });

    expect(early.ok ? null : early.error).toMatchObject({ code: 'CONFLICT', issues: [{ code: 'quote_expired', params: { validUntil: '2026-01-20' } }] });
    expect(run).toEqual({ expired: 2, asOf: '2026-02-01' });
    expect((await books.api.ok('quotes.list', { status: 'expired' })).rows.map((r) => r.id).sort()).toEqual([old.id, stale.id].sort());
    expect((await books.api.ok('quotes.get', { id: fresh.id })).status).toBe('draft');
  });

  async function aShopWithTea() {
    const books = await salesBooks();
    return { ...books, tea: books.product({ listPrice: yuan(100) }), customerId: await books.customer() };
  }

  /** A salesperson (no sales.overridePrice) who owns the shop's customer. */
  async function aSalespersonFor(books: Awaited<ReturnType<typeof aShopWithTea>>) {
    const sales = await books.api.as('sales');
    await books.api.ok('customers.bulkAssignOwner', { ids: [books.customerId], ownerUserId: (await sales.ok('auth.status', {})).user!.id });
    return sales;
  }

  /** A quote's lines as the quote form sends them back: each at the price it was quoted at. */
  const asSent = (lines: QuoteLine[]) => lines.map((l) => ({ productId: l.productId, quantity: l.quantity / l.unitFactor, unit: l.unit, unitPrice: l.unitPrice, discountBp: l.discountBp }));
});
