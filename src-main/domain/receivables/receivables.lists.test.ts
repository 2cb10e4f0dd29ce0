import { describe, expect, it } from 'vitest';
import { aCustomer, anInvoice, aReceipt, aWorld } from './receivables.test-helpers';

describe('searching the invoice and receipt lists', () => {
  it('finds invoices by part of their number or of the customer’s name or code, and counts only those', async () => {
    const world = await aWorld();
    const jinqiao = await aCustomer(world, { name: '南京金桥贸易有限公司' });
    const other = await aCustomer(world, { name: '苏州东方建材有限公司' });
    const first = await anInvoice(world, jinqiao, 10_000, '2026-03-02');
    await anInvoice(world, jinqiao, 20_000, '2026-03-03');
    const third = await anInvoice(world, other, 30_000, '2026-03-04');

    const byName = await world.api.ok('receivables.listInvoices', { filters: { q: '金桥' } });
    expect(byName.rows.map((i) => i.customerName)).toEqual(['南京金桥贸易有限公司', '南京金桥贸易有限公司']);
    expect(byName.total).toBe(2);

    const byNumber = await world.api.ok('receivables.listInvoices', { filters: { q: third.invoiceNo.slice(-3) } });
    expect(byNumber.rows.map((i) => i.invoiceNo)).toEqual([third.invoiceNo]);

    const byCode = await world.api.ok('receivables.listInvoices', { filters: { q: first.customerCode } });
    expect(byCode.rows.every((i) => i.customerId === jinqiao)).toBe(true);
    expect(byCode.total).toBe(2);

    // Typed % and _ are text, not wildcards.
    expect((await world.api.ok('receivables.listInvoices', { filters: { q: '%' } })).total).toBe(0);
    // With the other filters: only the open invoices of the found ones.
    expect((await world.api.ok('receivables.listInvoices', { filters: { q: '东方', openOnly: true } })).rows.map((i) => i.id)).toEqual([third.id]);
  });

  it('finds receipts by number, bank reference or customer, and the export takes the same search', async () => {
    const world = await aWorld();
    const jinqiao = await aCustomer(world, { name: '南京金桥贸易有限公司' });
    const other = await aCustomer(world, { name: '苏州东方建材有限公司' });
    await aReceipt(world, jinqiao, 5_000, '2026-03-02');
    const referenced = await world.api.ok('receivables.createReceipt', { customerId: other, receiptDate: '2026-03-03', method: 'bank_transfer', amount: 7_000, reference: 'BOC-778899', autoAllocate: false });

    expect((await world.api.ok('receivables.listReceipts', { filters: { q: '金桥' } })).rows.map((r) => r.customerId)).toEqual([jinqiao]);
    const byReference = await world.api.ok('receivables.listReceipts', { filters: { q: '778899' } });
    expect(byReference.rows.map((r) => r.id)).toEqual([referenced.receipt.id]);
    expect(byReference.total).toBe(1);
    expect((await world.api.ok('receivables.listReceipts', { filters: { q: referenced.receipt.receiptNo } })).total).toBe(1);

    const file = await world.api.ok('exports.receiptList', { filters: { q: '东方' }, format: 'csv' });
    expect(file.rows).toBe(1);
    const invoices = await world.api.ok('exports.invoices', { filters: { q: '没有这个客户' }, format: 'csv' });
    expect(invoices.rows).toBe(0);
  });
});
