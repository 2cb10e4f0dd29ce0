import { beforeAll, describe, expect, it } from 'vitest';
import { ownerApi, type TestApi } from '../../db/test-db';
import type { CustomerListInput } from './customers.contract';
import { aCustomer } from './customers.test-helpers';

describe('customers.list', () => {
  let api: TestApi;
  const ids: Record<string, string> = {};
  let salesId: string;
  let vip: string;
  let food: string;

  beforeAll(async () => {
    api = await ownerApi();
    const sales = await api.ok('users.create', { username: 'wangfang', displayName: '王芳', role: 'sales', password: 'secret-123' });
    salesId = sales.id;
    vip = (await api.ok('customers.saveTag', { name: 'VIP', color: 'red' })).id;
    food = (await api.ok('customers.saveTag', { name: '食品', color: 'green' })).id;
    const make = async (key: string, input: Parameters<typeof aCustomer>[0], stats: { balance?: number; revenue?: number; last?: string | null } = {}) => {
      const c = await api.ok('customers.create', aCustomer({ shortName: null, ...input }));
      ids[key] = c.id;
      api.backend.conn.sqlite
        .prepare('UPDATE customer_stats SET balance_due = ?, lifetime_revenue = ?, last_order_date = ? WHERE customer_id = ?')
        .run(stats.balance ?? 0, stats.revenue ?? 0, stats.last ?? null, c.id);
    };
    await make('boya', { name: '南京博雅食品有限公司', industry: '食品', province: '江苏省', city: '南京市', tier: 'gold', tagIds: [vip, food], ownerUserId: salesId, creditLimit: 1000_00 }, { balance: 1500_00, revenue: 9000_00, last: '2026-11-01' });
    await make('anda', { name: '安达物流有限公司', industry: '物流', province: '江苏省', city: '苏州市', tagIds: [vip], creditLimit: 5000_00 }, { balance: 200_00, revenue: 100_00, last: '2026-06-15' });
    await make('zhongxin', { name: '中鑫建材有限公司', industry: '建材', province: '浙江省', city: '杭州市', tagIds: [food] }, { balance: 0, revenue: 50_000_00, last: null });
  });

  const names = async (input: CustomerListInput) => (await api.ok('customers.list', input)).rows.map((r) => r.name);

  it('sorts by pinyin of the name, not by character code', async () => {
    expect(await names({ sort: { field: 'name', dir: 'asc' } })).toEqual(['安达物流有限公司', '南京博雅食品有限公司', '中鑫建材有限公司']);
  });

  it('sorts by code, balance due, revenue and last order date either way', async () => {
    expect(await names({ sort: { field: 'code', dir: 'desc' } })).toEqual(['中鑫建材有限公司', '安达物流有限公司', '南京博雅食品有限公司']);
    expect((await names({ sort: { field: 'balanceDue', dir: 'desc' } }))[0]).toBe('南京博雅食品有限公司');
    expect((await names({ sort: { field: 'lifetimeRevenue', dir: 'desc' } }))[0]).toBe('中鑫建材有限公司');
    expect(await names({ sort: { field: 'lastOrderDate', dir: 'desc' } })).toEqual(['南京博雅食品有限公司', '安达物流有限公司', '中鑫建材有限公司']);
  });

  it('pages on the server and reports the total', async () => {
    const page = await api.ok('customers.list', { page: 2, pageSize: 2 });
    expect(page.total).toBe(3);
    expect(page.rows).toHaveLength(1);
  });

  it('returns what a list row shows', async () => {
    const [row] = (await api.ok('customers.list', { q: 'boya' })).rows;
    expect(row).toMatchObject({
      code: 'C000001',
      ownerName: '王芳',
      province: '江苏省',
      city: '南京市',
      tier: 'gold',
      balanceDue: 150000,
      creditLimit: 100000,
      lastOrderDate: '2026-11-01',
      lifecycleStage: 'prospect',
      primaryContact: { name: '周博雅', mobile: expect.stringMatching(/^139/) },
    });
    expect(row!.tags.map((t) => t.name)).toEqual(['VIP', '食品']);
  });

  it.each<[string, CustomerListInput['filters'], string[]]>([
    ['industry', { industry: '物流' }, ['anda']],
    ['region', { province: '江苏省', city: '南京市' }, ['boya']],
    ['tier', { tier: 'gold' }, ['boya']],
    ['over the credit limit', { creditStatus: 'over' }, ['boya']],
    ['within the credit limit', { creditStatus: 'within' }, ['anda']],
    ['no credit limit', { creditStatus: 'none' }, ['zhongxin']],
    ['last order date range', { lastOrderFrom: '2026-06-01', lastOrderTo: '2026-06-30' }, ['anda']],
    ['balance due range (fen)', { balanceDueMin: 100_00, balanceDueMax: 1000_00 }, ['anda']],
    ['lifecycle stage', { lifecycleStage: ['prospect'] }, ['boya', 'anda', 'zhongxin']],
  ])('filters by %s', async (_label, filters, expected) => {
    const rows = (await api.ok('customers.list', { filters: filters! })).rows.map((r) => r.id);
    expect(rows.sort()).toEqual(expected.map((k) => ids[k]).sort());
  });

  it('filters by tags (any and all), owner and several filters at once', async () => {
    expect((await api.ok('customers.list', { filters: { tagIds: [vip, food] } })).total).toBe(3);
    expect((await api.ok('customers.list', { filters: { tagIds: [vip, food], tagMode: 'all' } })).rows.map((r) => r.id)).toEqual([ids.boya]);
    expect((await api.ok('customers.list', { filters: { ownerUserId: salesId } })).rows.map((r) => r.id)).toEqual([ids.boya]);
    expect((await api.ok('customers.list', { filters: { ownerUserId: null } })).total).toBe(2);
    expect((await api.ok('customers.list', { filters: { tagIds: [vip], province: '江苏省', creditStatus: 'within' } })).rows.map((r) => r.id)).toEqual([ids.anda]);
  });

  it('tags and assigns owners in bulk', async () => {
    const extra = (await api.ok('customers.saveTag', { name: '年底回访' })).id;
    expect(await api.ok('customers.bulkTag', { ids: [ids.anda!, ids.zhongxin!], addTagIds: [extra], removeTagIds: [vip] })).toEqual({ updated: 2 });
    expect((await api.ok('customers.list', { filters: { tagIds: [extra] } })).total).toBe(2);
    expect((await api.ok('customers.list', { filters: { tagIds: [vip] } })).total).toBe(1);
    await api.ok('customers.bulkAssignOwner', { ids: [ids.anda!], ownerUserId: salesId });
    expect((await api.ok('customers.list', { filters: { ownerUserId: salesId } })).total).toBe(2);
    const tags = await api.ok('customers.listTags', {});
    expect(tags.find((t) => t.id === extra)).toMatchObject({ customerCount: 2 });
  });

  it('refuses an unknown filter or sort field', async () => {
    expect(await api.call('customers.list', { filters: { colour: 'red' } } as never)).toMatchObject({ ok: false, error: { code: 'VALIDATION', issues: [{ path: 'filters.colour' }] } });
    expect(await api.call('customers.list', { sort: { field: 'mobile' } } as never)).toMatchObject({ ok: false, error: { code: 'VALIDATION', issues: [{ path: 'sort.field' }] } });
  });
});
