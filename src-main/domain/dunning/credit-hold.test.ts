import { describe, expect, it } from 'vitest';
import { yuan } from '../core/money';
import { dunningBooks, type DunningBooks } from './dunning.test-helpers';

async function timelineKinds(books: DunningBooks, customerId: string) {
  const page = await books.api.ok('customers.timeline', { customerId, page: 1, pageSize: 50 });
  return page.rows.filter((r) => r.kind.startsWith('credit_')).map((r) => [r.kind, r.title, r.detail]);
}

describe('credit hold (信用冻结)', () => {
  it('puts the customer on hold when an invoice is overdue past the set days, and paying releases it', async () => {
    const books = await dunningBooks();
    const tea = books.product({ listPrice: yuan(100), onHand: 100 });
    const late = await books.customer({ paymentTermsDays: 30 });
    const onTime = await books.customer({ paymentTermsDays: 30 });
    await books.invoice(late, yuan(500), books.daysAgo(61));
    await books.invoice(onTime, yuan(500), books.daysAgo(60));
    await books.api.ok('dunning.updateSettings', { holdAfterDays: 30 });

    expect(await books.run()).toMatchObject({ held: 1, released: 0 });
    expect(await books.run()).toMatchObject({ held: 0, released: 0 });

    expect(await books.api.ok('dunning.creditHold', { customerId: late })).toMatchObject({ onHold: true, cause: 'overdue', since: books.today, overdueDays: 31 });
    expect(await books.api.ok('dunning.creditHold', { customerId: onTime })).toMatchObject({ onHold: false, overdueDays: 30 });
    const order = await books.api.ok('orders.create', { customerId: late, lines: [{ productId: tea, quantity: 1 }] });
    const waiting = await books.api.ok('orders.confirm', { id: order.id });
    expect(waiting.creditCheck!.reasons).toContainEqual({ code: 'on_hold', params: {} });

    await books.pay(late, yuan(500));

    expect(await books.api.ok('dunning.creditHold', { customerId: late })).toMatchObject({ onHold: false, cause: 'paid', overdueDays: 0 });
    expect(await timelineKinds(books, late)).toEqual([
      ['credit_release', 'paid', null],
      ['credit_hold', 'overdue', null],
    ]);
    const audited = books.sqlite.prepare("SELECT method FROM audit_log WHERE changes LIKE '%customer_credit_hold%' AND changes LIKE '%' || ? || '%' ORDER BY at").pluck().all(late);
    expect(audited).toEqual(['dunning.run', 'receivables.createReceipt']);
  });

  it('holds on posting an invoice already overdue past the days, and keeps the hold while anything stays overdue after a part payment', async () => {
    const books = await dunningBooks();
    await books.api.ok('dunning.updateSettings', { holdAfterDays: 30 });
    const customerId = await books.customer({ paymentTermsDays: 30 });
    await books.invoice(customerId, yuan(500), books.daysAgo(90));
    expect(await books.api.ok('dunning.creditHold', { customerId })).toMatchObject({ onHold: true, cause: 'overdue', overdueDays: 60 });
    await books.invoice(customerId, yuan(300), books.daysAgo(70));

    await books.pay(customerId, yuan(500));

    expect(await books.api.ok('dunning.creditHold', { customerId })).toMatchObject({ onHold: true, cause: 'overdue', overdueDays: 40 });
  });

  it('lets a manager hold and release by hand with a reason; a salesperson may not', async () => {
    const books = await dunningBooks();
    const customerId = await books.customer();
    const manager = await books.api.as('manager');
    const sales = await books.api.as('sales');

    expect(await sales.call('dunning.hold', { customerId, reason: '拖欠' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await manager.call('dunning.hold', { customerId, reason: ' ' })).toMatchObject({ ok: false, error: { code: 'VALIDATION', issues: [{ path: 'reason' }] } });
    expect(await manager.ok('dunning.hold', { customerId, reason: '客户经营异常，暂停赊销' })).toMatchObject({ onHold: true, cause: 'manual', reason: '客户经营异常，暂停赊销' });
    expect(await manager.call('dunning.hold', { customerId, reason: '再次' })).toMatchObject({ ok: false, error: { code: 'CONFLICT', issues: [{ code: 'invalid_transition' }] } });
    // Paying does not lift a manager's hold.
    await books.invoice(customerId, yuan(100), books.today);
    await books.pay(customerId, yuan(100));
    expect(await books.api.ok('dunning.creditHold', { customerId })).toMatchObject({ onHold: true, cause: 'manual' });

    await manager.ok('dunning.release', { customerId, reason: '已签还款协议' });

    expect(await timelineKinds(books, customerId)).toEqual([
      ['credit_release', 'manual', '已签还款协议'],
      ['credit_hold', 'manual', '客户经营异常，暂停赊销'],
    ]);
    const audit = books.sqlite.prepare("SELECT changes FROM audit_log WHERE method = 'dunning.release'").pluck().get() as string;
    expect(JSON.parse(audit)).toContainEqual(expect.objectContaining({ entityType: 'customer_credit_hold', entityId: customerId }));
  });

  it('honours a manager’s release until another invoice goes past the days', async () => {
    const books = await dunningBooks();
    await books.api.ok('dunning.updateSettings', { holdAfterDays: 30 });
    const customerId = await books.customer({ paymentTermsDays: 30 });
    await books.invoice(customerId, yuan(500), books.daysAgo(70));
    await books.invoice(customerId, yuan(200), books.daysAgo(58));
    await books.run(books.daysAgo(1));
    await books.api.ok('dunning.release', { customerId, reason: '老板同意再发一批' });

    // Today the second invoice is 28 days overdue: nothing new crossed 30 days, the release stands.
    await books.run();
    expect(await books.api.ok('dunning.creditHold', { customerId })).toMatchObject({ onHold: false, cause: 'manual' });

    expect(await books.run(books.daysAgo(-3))).toMatchObject({ held: 1 });
    expect(await books.api.ok('dunning.creditHold', { customerId })).toMatchObject({ onHold: true, cause: 'overdue' });
  });
});
