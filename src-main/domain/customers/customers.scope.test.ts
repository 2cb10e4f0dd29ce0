import { describe, expect, it } from 'vitest';
import { ownerApi, type TestApi } from '../../db/test-db';
import { addDays } from '../core/dates';
import { sheetRows } from '../exports/exports.test-helpers';
import { POOL_QUERY } from './customers.pool.contract';
import { aCustomer } from './customers.test-helpers';

interface Book {
  owner: TestApi;
  sales: TestApi;
  salesId: string;
  colleague: TestApi;
  colleagueId: string;
  mine: string;
  theirs: string;
  nobodys: string;
}

async function userId(api: TestApi): Promise<string> {
  const status = await api.ok('auth.status', {});
  return status.user!.id;
}

/** Two salespeople with a customer each, and one customer in the pool. */
async function aBook(): Promise<Book> {
  const owner = await ownerApi();
  const sales = await owner.as('sales');
  const colleague = await owner.as('sales');
  const salesId = await userId(sales);
  const colleagueId = await userId(colleague);
  const mine = (await owner.ok('customers.create', aCustomer({ name: '南京博雅食品有限公司', ownerUserId: salesId }))).id;
  const theirs = (await owner.ok('customers.create', aCustomer({ name: '苏州恒通建材有限公司', shortName: '恒通', ownerUserId: colleagueId }))).id;
  const nobodys = (await owner.ok('customers.create', aCustomer({ name: '杭州远景贸易有限公司', shortName: '远景', ownerUserId: null }))).id;
  return { owner, sales, salesId, colleague, colleagueId, mine, theirs, nobodys };
}

async function listedIds(api: TestApi): Promise<string[]> {
  return (await api.ok('customers.list', {})).rows.map((r) => r.id).sort();
}

describe('data scope (who sees whose customers)', () => {
  it('shows a salesperson with own-customers scope only their customers, in every read and export', async () => {
    const { sales, mine, theirs } = await aBook();
    expect(await listedIds(sales)).toEqual([mine]);
    expect((await sales.ok('customers.search', { q: 'ht' })).map((h) => h.id)).toEqual([]);
    expect((await sales.ok('customers.search', { q: '恒通' })).map((h) => h.id)).toEqual([]);
    expect((await sales.ok('customers.search', { q: '博雅' })).map((h) => h.id)).toEqual([mine]);
    for (const method of ['customers.get', 'customers.view', 'customers.overview'] as const) {
      const result = await sales.call(method, { id: theirs });
      expect({ method, code: result.ok ? 'ok' : result.error.code }).toEqual({ method, code: 'NOT_FOUND' });
    }
    expect(await sales.call('customers.timeline', { customerId: theirs })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    const exported = await sales.ok('exports.customers', { format: 'csv' });
    expect(exported.rows).toBe(1);
    expect(Buffer.from(exported.content).toString('utf8')).not.toContain('恒通');
    expect(await sales.call('exports.customers', { format: 'csv', ids: [theirs] })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('refuses every change to another salesperson’s customer and changes nothing', async () => {
    const { owner, sales, theirs } = await aBook();
    const sqlite = owner.backend.conn.sqlite;
    const before = sqlite.prepare('SELECT total_changes()').pluck().get();
    const attempts = [
      await sales.call('customers.update', { id: theirs, name: '改名' }),
      await sales.call('customers.archive', { id: theirs }),
      await sales.call('customers.addContact', { customerId: theirs, contact: { name: '李四', mobile: '13912345678' } }),
      await sales.call('customers.logInteraction', { customerId: theirs, kind: 'call', subject: '回访' }),
      await sales.call('customers.bulkAssignOwner', { ids: [theirs], ownerUserId: null }),
      await sales.call('customers.share', { customerId: theirs, userIds: [] }),
    ];
    for (const result of attempts) expect(result).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(sqlite.prepare('SELECT total_changes()').pluck().get()).toBe(before);
  });

  it('keeps a customer a salesperson saves without an owner in her own book, and the owner’s in the pool', async () => {
    const { owner, sales, salesId, colleagueId } = await aBook();
    // The form sends no owner as null; an API caller may leave it out.
    const blank = await sales.ok('customers.create', { name: '常州青禾副食品商行', mobile: '13951760288', ownerUserId: null });
    const omitted = await sales.ok('customers.create', { name: '无锡禾丰粮油商行', mobile: '13951760299' });
    expect([blank.ownerUserId, omitted.ownerUserId]).toEqual([salesId, salesId]);
    expect((await sales.ok('customers.get', { id: blank.id })).name).toBe('常州青禾副食品商行');
    // Named for a colleague, it is the colleague's.
    const handedOver = await sales.ok('customers.create', { name: '镇江金山调味品店', mobile: '13951760300', ownerUserId: colleagueId });
    expect(handedOver.ownerUserId).toBe(colleagueId);
    // The owner sees every customer: one saved without an owner goes to the pool as before.
    expect((await owner.ok('customers.create', { name: '扬州瘦西湖茶庄', mobile: '13951760311', ownerUserId: null })).ownerUserId).toBeNull();
  });

  it('hides the deals and the orders of a customer outside the scope', async () => {
    const { owner, sales, mine, theirs } = await aBook();
    const theirDeal = await owner.ok('leads.createOpportunity', { title: '恒通年度采购', customerId: theirs, expectedAmount: 500_000 });
    const myDeal = await owner.ok('leads.createOpportunity', { title: '博雅新品试销', customerId: mine, expectedAmount: 200_000 });
    const deals = await sales.ok('leads.listOpportunities', {});
    expect(deals.rows.map((d) => d.id)).toEqual([myDeal.id]);
    expect(deals.total).toBe(1);
    expect(await sales.call('leads.getOpportunity', { id: theirDeal.id })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await sales.call('orders.list', { filters: { customerId: theirs } })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await sales.call('orders.list', { filters: { customerId: mine } })).toMatchObject({ ok: true });
  });

  it('lets a colleague see a customer shared with them, and stop seeing it when unshared', async () => {
    const { sales, salesId, colleague, mine, theirs } = await aBook();
    await sales.ok('customers.share', { customerId: mine, userIds: [await userId(colleague)] });
    expect(await listedIds(colleague)).toEqual([mine, theirs].sort());
    expect(await colleague.call('customers.get', { id: mine })).toMatchObject({ ok: true });
    await sales.ok('customers.share', { customerId: mine, userIds: [] });
    expect(await listedIds(colleague)).toEqual([theirs]);
    expect(salesId).not.toBe('');
  });

  it('shows a manager with team scope their team’s customers, and everything with all scope', async () => {
    const { owner, salesId, mine, theirs, nobodys } = await aBook();
    const manager = await owner.as('manager');
    const managerId = await userId(manager);
    expect(await listedIds(manager)).toEqual([mine, theirs, nobodys].sort());
    await owner.ok('customers.saveScopeSettings', { roleScopes: { manager: 'team', sales: 'own', warehouse: 'all', service: 'all', accountant: 'all' } });
    expect(await listedIds(manager)).toEqual([]);
    await owner.ok('users.update', { id: salesId, managerUserId: managerId });
    expect(await listedIds(manager)).toEqual([mine]);
    expect(await manager.call('customers.get', { id: theirs })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('lets the owner open sales up to every customer', async () => {
    const { owner, sales, mine, theirs, nobodys } = await aBook();
    await owner.ok('customers.saveScopeSettings', { roleScopes: { manager: 'all', sales: 'all', warehouse: 'all', service: 'all', accountant: 'all' } });
    expect(await listedIds(sales)).toEqual([mine, theirs, nobodys].sort());
  });

  it('refuses a manager who is not an owner or manager, or the user themselves', async () => {
    const { owner, salesId, colleagueId } = await aBook();
    expect(await owner.call('users.update', { id: salesId, managerUserId: colleagueId })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', issues: [{ path: 'managerUserId', code: 'not_allowed' }] },
    });
    expect(await owner.call('users.update', { id: salesId, managerUserId: salesId })).toMatchObject({ ok: false, error: { issues: [{ code: 'not_yourself' }] } });
  });
});

describe('the public pool (公海)', () => {
  it('lists customers nobody owns to every salesperson, and lets one claim them within the day’s limit', async () => {
    const { owner, sales, colleague, salesId, nobodys } = await aBook();
    const other = (await owner.ok('customers.create', aCustomer({ name: '上海申达物流有限公司', shortName: '申达', ownerUserId: null }))).id;
    await owner.ok('customers.saveScopeSettings', { claimsPerDay: 1 });
    expect((await colleague.ok('customers.pool', {})).rows.map((r) => r.id).sort()).toEqual([nobodys, other].sort());

    expect(await sales.ok('customers.claim', { ids: [nobodys] })).toEqual({ claimed: 1, claimedToday: 1, limit: 1 });
    expect((await sales.ok('customers.get', { id: nobodys })).ownerUserId).toBe(salesId);
    const timeline = await sales.ok('customers.timeline', { customerId: nobodys });
    expect(timeline.rows[0]).toMatchObject({ kind: 'pool', title: 'claimed', data: { event: 'claimed' } });

    const sqlite = owner.backend.conn.sqlite;
    const before = sqlite.prepare('SELECT total_changes()').pluck().get();
    expect(await sales.call('customers.claim', { ids: [other] })).toMatchObject({ ok: false, error: { code: 'CONFLICT', issues: [{ code: 'claim_limit', params: { limit: 1, claimed: 1 } }] } });
    expect(await colleague.call('customers.claim', { ids: [nobodys] })).toMatchObject({ ok: false, error: { code: 'CONFLICT', issues: [{ path: 'ids.0', code: 'not_in_pool' }] } });
    expect(sqlite.prepare('SELECT total_changes()').pluck().get()).toBe(before);
    expect((await sales.ok('customers.scopeSettings', {})).claimedToday).toBe(1);
  });

  it('returns customers with no follow-up for the set days to the pool, on their timeline, and keeps those followed up', async () => {
    const { owner, sales, mine, theirs } = await aBook();
    const today = (await owner.ok('customers.returnIdleToPool', {})).asOf;
    expect(await owner.ok('customers.returnIdleToPool', { asOf: addDays(today, 60) })).toEqual({ asOf: addDays(today, 60), returned: 0 });

    await owner.ok('customers.saveScopeSettings', { poolAfterDays: 30 });
    await sales.ok('customers.logInteraction', { customerId: mine, kind: 'call', subject: '回访', occurredAt: new Date(Date.now() + 20 * 86_400_000).toISOString() });
    expect(await owner.ok('customers.returnIdleToPool', { asOf: addDays(today, 30) })).toEqual({ asOf: addDays(today, 30), returned: 0 });
    expect(await owner.ok('customers.returnIdleToPool', { asOf: addDays(today, 32) })).toEqual({ asOf: addDays(today, 32), returned: 1 });

    const returned = await owner.ok('customers.get', { id: theirs });
    expect(returned.ownerUserId).toBeNull();
    expect((await owner.ok('customers.get', { id: mine })).ownerUserId).not.toBeNull();
    const timeline = await owner.ok('customers.timeline', { customerId: theirs });
    expect(timeline.rows[0]).toMatchObject({ kind: 'pool', title: 'returned', data: { event: 'returned' } });
    expect(Number(timeline.rows[0]!.data.idleDays)).toBeGreaterThanOrEqual(31);
    expect((await sales.ok('customers.pool', {})).rows.map((r) => r.id)).toContain(theirs);
  });

  it('exports the pool as the pool lists it, newest first, through the customers export', async () => {
    const { owner, nobodys } = await aBook();
    const later = (await owner.ok('customers.create', aCustomer({ name: '上海申达物流有限公司', shortName: '申达', ownerUserId: null }))).id;
    const pool = await owner.ok('customers.pool', {});
    expect(pool.rows.map((r) => r.id)).toEqual([later, nobodys]);
    const file = await owner.ok('exports.customers', { ...POOL_QUERY, format: 'xlsx', language: 'zh-CN' });
    const [header, ...rows] = await sheetRows(file.content);
    const name = header!.indexOf('客户名称');
    expect(rows.map((r) => r[name])).toEqual(pool.rows.map((r) => r.name));
  });

  it('keeps claiming and returning to the roles that may', async () => {
    const { owner } = await aBook();
    const warehouse = await owner.as('warehouse');
    const sales = await owner.as('sales');
    expect(await warehouse.call('customers.pool', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await sales.call('customers.returnIdleToPool', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await sales.call('customers.saveScopeSettings', { claimsPerDay: 99 })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});
