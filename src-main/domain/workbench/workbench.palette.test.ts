import { describe, expect, it } from 'vitest';
import { ownerApi, type TestApi } from '../../db/test-db';
import { salesBooks } from '../orders/sales.test-helpers';

async function userId(api: TestApi): Promise<string> {
  return (await api.ok('auth.status', {})).user!.id;
}

/** A salesperson and a colleague, each with a customer, a lead, a deal and an order. */
async function aTeam() {
  const books = await salesBooks();
  const owner = books.api;
  const sales = await owner.as('sales');
  const colleague = await owner.as('sales');
  const tea = books.product({ name: '龙井茶', onHand: 100 });
  const book = async (who: TestApi, customer: string, lead: { name: string; company: string; mobile: string }) => {
    const ownerUserId = await userId(who);
    const customerId = await books.customer({ name: customer, ownerUserId });
    const theLead = await owner.ok('leads.create', { ...lead, source: '展会', ownerUserId });
    const deal = await owner.ok('leads.createOpportunity', { title: `${customer.slice(2, 4)}年度采购`, customerId, expectedAmount: 100_000, ownerUserId });
    const order = await owner.ok('orders.place', { customerId, lines: [{ productId: tea, quantity: 1 }] });
    return { customerId, lead: theLead, deal: deal.id, order };
  };
  const mine = await book(sales, '南京博雅食品有限公司', { name: '周明', company: '远景贸易', mobile: '13912340001' });
  const theirs = await book(colleague, '苏州恒通建材有限公司', { name: '王强', company: '远航物流', mobile: '13912340002' });
  return { owner, sales, colleague, mine, theirs };
}

const found = (hits: { kind: string; id: string }[], kind: string) => hits.filter((h) => h.kind === kind).map((h) => h.id);

describe('the command palette (workbench.find)', () => {
  it('finds a lead by Chinese name, pinyin, pinyin initials, code and mobile', async () => {
    const { sales, mine } = await aTeam();
    for (const q of ['远景', 'yuanjing', 'yjmy', mine.lead.code, '13912340001']) {
      expect({ q, leads: found(await sales.ok('workbench.find', { q }), 'lead') }).toEqual({ q, leads: [mine.lead.id] });
    }
    const [hit] = (await sales.ok('workbench.find', { q: 'yjmy' })).filter((h) => h.kind === 'lead');
    expect(hit).toMatchObject({ title: '远景贸易', path: `/leads?open=${mine.lead.id}` });
    expect(hit!.subtitle).toContain('周明');
  });

  it('finds customers, deals and orders by number, only within the caller’s data scope', async () => {
    const { owner, sales, mine, theirs } = await aTeam();
    const everything = async (api: TestApi, q: string) => (await api.ok('workbench.find', { q })).map((h) => `${h.kind}:${h.id}`).sort();

    expect(found(await sales.ok('workbench.find', { q: '博雅' }), 'customer')).toEqual([mine.customerId]);
    expect(found(await sales.ok('workbench.find', { q: '博雅' }), 'deal')).toEqual([mine.deal]);
    expect(found(await sales.ok('workbench.find', { q: mine.order.orderNo! }), 'salesOrder')).toEqual([mine.order.id]);

    // Another salesperson's records stay out of every kind of hit.
    expect(await everything(sales, '恒通')).toEqual([]);
    expect(await everything(sales, '远航')).toEqual([]);
    expect(await everything(sales, theirs.order.orderNo!)).toEqual([]);
    expect(await everything(owner, '恒通')).toEqual([`customer:${theirs.customerId}`, `deal:${theirs.deal}`].sort());
    expect(found(await owner.ok('workbench.find', { q: theirs.order.orderNo! }), 'salesOrder')).toEqual([theirs.order.id]);
  });

  it('says under a customer who to call: its code, primary contact and mobile', async () => {
    const api = await ownerApi();
    const company = await api.ok('customers.create', { name: '南京博雅食品有限公司', contacts: [{ name: '周博雅', mobile: '13912345678', isPrimary: true }] });
    const person = await api.ok('customers.create', { kind: 'individual', name: '王小梅', mobile: '13812340000' });
    const subtitle = async (q: string) => (await api.ok('workbench.find', { q })).find((h) => h.kind === 'customer')?.subtitle;
    expect(await subtitle('njby')).toBe(`${company.code} · 周博雅 · 13912345678`);
    expect(await subtitle('王小梅')).toBe(`${person.code} · 13812340000`);
  });

  it('runs only the finders of the areas the role reads', async () => {
    const { owner, mine } = await aTeam();
    const warehouse = await owner.as('warehouse');
    const kinds = new Set((await warehouse.ok('workbench.find', { q: '远景' })).map((h) => h.kind));
    expect(kinds.has('lead')).toBe(false);
    expect(found(await warehouse.ok('workbench.find', { q: '龙井' }), 'product')).toHaveLength(1);
    expect(found(await warehouse.ok('workbench.find', { q: mine.order.orderNo! }), 'salesOrder')).toEqual([mine.order.id]);
  });

  it('refuses an empty or overlong query beside the field', async () => {
    const { sales } = await aTeam();
    expect(await sales.call('workbench.find', { q: '  ' })).toMatchObject({ ok: false, error: { code: 'VALIDATION', issues: [{ path: 'q' }] } });
    expect(await sales.call('workbench.find', { q: 'x'.repeat(61) })).toMatchObject({ ok: false, error: { code: 'VALIDATION', issues: [{ path: 'q' }] } });
  });
});
