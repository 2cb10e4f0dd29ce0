import { describe, expect, it } from 'vitest';
import { ownerApi, type TestApi } from '../../db/test-db';
import { customerReferences } from './customers.merge';
import { aCustomer, aMobile, creditCode } from './customers.test-helpers';

function sqliteOf(api: TestApi) {
  return api.backend.conn.sqlite;
}

describe('duplicate detection', () => {
  it('stops a second customer with the same credit code and names the field', async () => {
    const api = await ownerApi();
    const code = creditCode();
    const first = await api.ok('customers.create', aCustomer({ creditCode: code }));
    const result = await api.call('customers.create', aCustomer({ name: '博雅食品（南京）', creditCode: code }));
    expect(result).toMatchObject({ ok: false, error: { code: 'CONFLICT', issues: [{ path: 'creditCode', message: expect.stringContaining(first.code) }] } });
  });

  it('spots the same mobile on another customer’s contact', async () => {
    const api = await ownerApi();
    const mobile = aMobile();
    await api.ok('customers.create', aCustomer({ name: '甲公司', contacts: [{ name: '张三', mobile }] }));
    const result = await api.call('customers.create', aCustomer({ name: '乙公司', contacts: [{ name: '李四', mobile: `+86 ${mobile}` }] }));
    expect(result).toMatchObject({ ok: false, error: { code: 'CONFLICT', issues: [{ path: 'contacts.0.mobile' }] } });
  });

  it('sees 有限责任公司, 有限公司 and full-width spelling as the same name', async () => {
    const api = await ownerApi();
    await api.ok('customers.create', aCustomer({ name: 'ABC 南京博雅食品有限公司' }));
    expect(await api.ok('customers.checkDuplicates', { name: 'ＡＢＣ南京博雅食品有限责任公司' })).toEqual([expect.objectContaining({ matchedOn: 'name', name: 'ABC 南京博雅食品有限公司' })]);
  });

  it('saves anyway when asked, returning the matches as warnings', async () => {
    const api = await ownerApi();
    const first = await api.ok('customers.create', aCustomer());
    const second = await api.ok('customers.create', aCustomer({ name: '南京博雅食品有限责任公司', allowDuplicate: true }));
    expect(second.duplicates).toEqual([expect.objectContaining({ id: first.id, matchedOn: 'name' })]);
  });

  it('does not match a customer against itself', async () => {
    const api = await ownerApi();
    const customer = await api.ok('customers.create', aCustomer());
    expect(await api.ok('customers.checkDuplicates', { name: customer.name, excludeId: customer.id })).toEqual([]);
  });
});

describe('customers.merge', () => {
  async function twoCustomers(api: TestApi) {
    const vip = await api.ok('customers.saveTag', { name: 'VIP' });
    const food = await api.ok('customers.saveTag', { name: '食品' });
    const target = await api.ok(
      'customers.create',
      aCustomer({ name: '南京博雅食品有限公司', tagIds: [vip.id], addresses: [{ kind: 'shipping', detail: '总仓' }] }),
    );
    const source = await api.ok(
      'customers.create',
      aCustomer({
        name: '南京博雅食品有限责任公司',
        allowDuplicate: true,
        tagIds: [vip.id, food.id],
        contacts: [{ name: '王采购', mobile: aMobile() }, { name: '赵财务', mobile: aMobile() }],
        addresses: [{ kind: 'shipping', detail: '二号仓' }, { kind: 'billing', detail: '财务部' }],
      }),
    );
    await api.ok('customers.logInteraction', { customerId: source.id, contactId: source.contacts[0]!.id, kind: 'visit', subject: '上门拜访' });
    return { target, source, tags: { vip, food } };
  }

  it('moves every reference to the target, archives the source and orphans nothing', async () => {
    const api = await ownerApi();
    const sqlite = sqliteOf(api);
    // A table from a later area (orders) is moved without the merge knowing about it.
    sqlite.exec('CREATE TABLE orders_probe (id TEXT PRIMARY KEY, customer_id TEXT NOT NULL REFERENCES customers (id), bill_to TEXT REFERENCES customers (id)) STRICT');
    const { target, source, tags } = await twoCustomers(api);
    sqlite.prepare("INSERT INTO orders_probe VALUES ('o1', ?, ?)").run(source.id, source.id);
    sqlite.prepare('UPDATE customer_stats SET lifetime_revenue = ?, order_count = ? WHERE customer_id = ?').run(120_00, 1, source.id);
    sqlite.prepare('UPDATE customer_stats SET lifetime_revenue = ?, order_count = ? WHERE customer_id = ?').run(80_00, 2, target.id);

    const { target: merged, moved } = await api.ok('customers.merge', { sourceId: source.id, targetId: target.id });

    expect(moved).toMatchObject({ 'customer_contacts.customer_id': 2, 'interactions.customer_id': 1, 'orders_probe.customer_id': 1, 'orders_probe.bill_to': 1 });
    for (const { table, column } of customerReferences(sqlite)) {
      if (table === 'customer_search' || table === 'customer_stats' || table === 'customer_stage_history') continue;
      const left = sqlite.prepare(`SELECT count(*) FROM "${table}" WHERE "${column}" = ?`).pluck().get(source.id);
      expect(left, `${table}.${column}`).toBe(0);
    }
    expect(sqlite.prepare('PRAGMA foreign_key_check').all()).toEqual([]);
    expect(merged.contacts.filter((c) => c.isPrimary)).toHaveLength(1);
    expect(merged.contacts).toHaveLength(3);
    expect(merged.addresses.filter((a) => a.isDefault).map((a) => a.kind).sort()).toEqual(['billing', 'shipping']);
    expect(merged.tags.map((t) => t.id).sort()).toEqual([tags.vip.id, tags.food.id].sort());

    const after = await api.ok('customers.get', { id: source.id });
    expect(after).toMatchObject({ status: 'archived', mergedIntoId: target.id, contacts: [], addresses: [], tags: [] });
    expect(await api.ok('customers.overview', { id: target.id })).toMatchObject({ lifetimeRevenue: 200_00, orderCount: 3 });
    const timeline = await api.ok('customers.timeline', { customerId: target.id });
    expect(timeline.rows.some((e) => e.kind === 'interaction' && e.title === '上门拜访')).toBe(true);

    const audit = await api.ok('audit.list', { method: 'customers.merge' });
    expect(audit.rows[0]).toMatchObject({ entityType: 'customer', entityId: target.id });
    expect(audit.rows[0]!.changes[1]!.fields).toMatchObject({ mergedIntoId: { before: null, after: target.id } });
    // Searching the target's pinyin finds only the survivor.
    expect((await api.ok('customers.list', { q: 'nanjingboya' })).rows.map((r) => r.id)).toEqual([target.id]);
  });

  it('keeps the target’s stage history as one customer’s, with a “merged from” entry', async () => {
    const api = await ownerApi();
    const { target, source } = await twoCustomers(api);
    await api.ok('customers.setStage', { id: source.id, stage: 'loyal', reason: '老客户介绍' });
    await api.ok('customers.merge', { sourceId: source.id, targetId: target.id });
    const history = (await api.ok('customers.overview', { id: target.id })).stageHistory;
    expect(history.map((h) => [h.source, h.fromStage, h.toStage, h.reason])).toEqual([
      ['merge', 'prospect', 'prospect', `${source.code} 南京博雅食品有限责任公司`],
      ['computed', null, 'prospect', null],
    ]);
    expect((await api.ok('customers.get', { id: target.id })).lifecycleOverride).toBeNull();
    expect((await api.ok('customers.overview', { id: source.id })).stageHistory.map((h) => h.source)).toEqual(['override', 'computed']);
  });

  it('moves the lead link so that the lead and the surviving customer point at each other', async () => {
    const api = await ownerApi();
    const lead = await api.ok('leads.create', { name: '陈静', company: '苏州恒通建材有限公司', mobile: aMobile() });
    const { customer: fromLead } = await api.ok('leads.convert', { id: lead.id });
    const target = await api.ok('customers.create', aCustomer({ name: '苏州恒通建材股份有限公司', allowDuplicate: true }));
    await api.ok('customers.merge', { sourceId: fromLead.id, targetId: target.id });
    expect((await api.ok('customers.get', { id: target.id })).leadId).toBe(lead.id);
    expect((await api.ok('customers.get', { id: fromLead.id })).leadId).toBeNull();
    expect((await api.ok('leads.get', { id: lead.id })).customerId).toBe(target.id);
    expect(api.backend.checkInvariants().filter((c) => !c.ok)).toEqual([]);
  });

  it('changes nothing when a row cannot move', async () => {
    const api = await ownerApi();
    const sqlite = sqliteOf(api);
    sqlite.exec('CREATE TABLE points_probe (customer_id TEXT PRIMARY KEY REFERENCES customers (id), balance INTEGER NOT NULL) STRICT');
    const { target, source } = await twoCustomers(api);
    sqlite.prepare('INSERT INTO points_probe VALUES (?, 10), (?, 20)').run(source.id, target.id);
    const result = await api.call('customers.merge', { sourceId: source.id, targetId: target.id });
    expect(result).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringContaining('points_probe') } });
    expect((await api.ok('customers.get', { id: source.id })).contacts).toHaveLength(2);
    expect((await api.ok('customers.get', { id: source.id })).status).toBe('active');
  });

  it('refuses to merge a customer into itself or into an archived one', async () => {
    const api = await ownerApi();
    const { target, source } = await twoCustomers(api);
    expect(await api.call('customers.merge', { sourceId: source.id, targetId: source.id })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    await api.ok('customers.archive', { id: target.id });
    expect(await api.call('customers.merge', { sourceId: source.id, targetId: target.id })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  });
});
