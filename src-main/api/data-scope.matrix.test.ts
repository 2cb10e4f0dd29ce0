import { describe, expect, it } from 'vitest';
import type { TestApi } from '../db/test-db';
import { aLead } from '../domain/leads/leads.test-helpers';
import { salesBooks } from '../domain/orders/sales.test-helpers';

async function userId(api: TestApi): Promise<string> {
  return (await api.ok('auth.status', {})).user!.id;
}

/**
 * Two salespeople with own-customers scope (the default), each with a customer, a quote, an order
 * and a deal, and a lead with a deal not yet tied to any customer.
 */
async function twoBooks() {
  const books = await salesBooks();
  const owner = books.api;
  const sales = await owner.as('sales');
  const colleague = await owner.as('sales');
  const [salesId, colleagueId] = [await userId(sales), await userId(colleague)];
  const tea = books.product({ name: '龙井茶', onHand: 100 });
  const records = async (ownerUserId: string, name: string) => {
    const customerId = await books.customer({ name, ownerUserId });
    const order = await owner.ok('orders.create', { customerId, lines: [{ productId: tea, quantity: 1 }] });
    const quote = await owner.ok('quotes.create', { customerId, lines: [{ productId: tea, quantity: 1 }] });
    const deal = await owner.ok('leads.createOpportunity', { title: `${name}年度采购`, customerId, expectedAmount: 100_000, ownerUserId });
    const lead = await owner.ok('leads.create', aLead({ company: `${name}分公司`, ownerUserId }));
    const looseDeal = await owner.ok('leads.createOpportunity', { title: `${name}意向`, leadId: lead.id, expectedAmount: 50_000, ownerUserId });
    const customerCode = (await owner.ok('customers.get', { id: customerId })).code;
    return { customerId, customerCode, order: order.id, quote: quote.id, deal: deal.id, looseDeal: looseDeal.id, lead: lead.id };
  };
  const mine = await records(salesId, '南京博雅食品有限公司');
  const theirs = await records(colleagueId, '苏州恒通建材有限公司');
  return { books, owner, sales, colleague, salesId, colleagueId, mine, theirs };
}

const code = (result: { ok: boolean; error?: { code: string } }) => (result.ok ? 'ok' : result.error!.code);

describe('data scope matrix: a salesperson sees only their own book', () => {
  it('lists only their own orders, quotes, leads and deals, on the board and in exports', async () => {
    const { owner, sales, mine, theirs } = await twoBooks();
    expect((await sales.ok('orders.list', {})).rows.map((r) => r.id)).toEqual([mine.order]);
    expect((await sales.ok('quotes.list', {})).rows.map((r) => r.id)).toEqual([mine.quote]);
    const leads = await sales.ok('leads.list', {});
    expect({ ids: leads.rows.map((r) => r.id), total: leads.total }).toEqual({ ids: [mine.lead], total: 1 });
    expect((await sales.ok('leads.listOpportunities', {})).rows.map((r) => r.id).sort()).toEqual([mine.deal, mine.looseDeal].sort());
    const board = await sales.ok('leads.opportunityBoard', {});
    expect(board.columns.flatMap((c) => c.cards.map((card) => card.id)).sort()).toEqual([mine.deal, mine.looseDeal].sort());
    expect(board.columns.reduce((n, c) => n + c.count, 0)).toBe(2);

    for (const method of ['exports.orders', 'exports.orderLines', 'exports.leads'] as const) {
      const file = await sales.ok(method, { format: 'csv', language: 'zh-CN' });
      const text = Buffer.from(file.contentBase64, 'base64').toString('utf8');
      expect({ method, rows: file.rows, theirs: text.includes(theirs.customerCode) || text.includes('恒通') }).toEqual({ method, rows: 1, theirs: false });
    }
    expect((await owner.ok('exports.orders', { format: 'csv' })).rows).toBe(2);
  });

  it('answers NOT_FOUND for another salesperson’s order, quote, lead or deal, and changes nothing', async () => {
    const { owner, sales, theirs } = await twoBooks();
    const sqlite = owner.backend.conn.sqlite;
    const before = sqlite.prepare('SELECT total_changes()').pluck().get();
    const attempts = {
      'orders.get': await sales.call('orders.get', { id: theirs.order }),
      'orders.printable': await sales.call('orders.printable', { id: theirs.order }),
      'orders.cancel': await sales.call('orders.cancel', { id: theirs.order, reason: '客户取消' }),
      'orders.customerSummary': await sales.call('orders.customerSummary', { customerId: theirs.customerId }),
      'quotes.get': await sales.call('quotes.get', { id: theirs.quote }),
      'quotes.send': await sales.call('quotes.send', { id: theirs.quote }),
      'leads.get': await sales.call('leads.get', { id: theirs.lead }),
      'leads.update': await sales.call('leads.update', { id: theirs.lead, notes: '改' }),
      'leads.markLost': await sales.call('leads.markLost', { id: theirs.lead, reason: '预算不足' }),
      'leads.getOpportunity': await sales.call('leads.getOpportunity', { id: theirs.deal }),
      'leads.getOpportunity (no customer)': await sales.call('leads.getOpportunity', { id: theirs.looseDeal }),
      'leads.moveOpportunity': await sales.call('leads.moveOpportunity', { id: theirs.looseDeal, stage: 'proposal' }),
    };
    expect(Object.fromEntries(Object.entries(attempts).map(([method, result]) => [method, code(result)]))).toEqual(
      Object.fromEntries(Object.keys(attempts).map((method) => [method, 'NOT_FOUND'])),
    );
    expect(JSON.stringify(attempts)).not.toContain('恒通');
    expect(sqlite.prepare('SELECT total_changes()').pluck().get()).toBe(before);
  });

  it('lets the owner, and a manager over the team, see the salespeople’s records', async () => {
    const { owner, salesId, mine, theirs } = await twoBooks();
    expect((await owner.ok('orders.list', {})).rows.map((r) => r.id).sort()).toEqual([mine.order, theirs.order].sort());
    const manager = await owner.as('manager');
    await owner.ok('customers.saveScopeSettings', { roleScopes: { manager: 'team', sales: 'own', warehouse: 'all', service: 'all', accountant: 'all' } });
    await owner.ok('users.update', { id: salesId, managerUserId: await userId(manager) });
    expect((await manager.ok('orders.list', {})).rows.map((r) => r.id)).toEqual([mine.order]);
    expect((await manager.ok('leads.list', {})).rows.map((r) => r.id)).toEqual([mine.lead]);
    expect(code(await manager.call('quotes.get', { id: theirs.quote }))).toBe('NOT_FOUND');
  });
});
