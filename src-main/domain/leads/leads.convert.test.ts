import { describe, expect, it } from 'vitest';
import { ownerApi } from '../../db/test-db';
import { aCustomer, aMobile } from '../customers/customers.test-helpers';
import { aLead } from './leads.test-helpers';

describe('converting a lead to a customer', () => {
  it('creates the customer with the lead’s data, source and owner, numbered and searchable', async () => {
    const api = await ownerApi();
    const lead = await api.ok('leads.create', aLead({ name: '陈静', title: '采购经理', company: '苏州恒通建材有限公司', source: '展会', email: 'chen@hengtong.cn', notes: '关注防水材料' }));
    const { customer, lead: converted } = await api.ok('leads.convert', { id: lead.id });

    const record = await api.ok('customers.get', { id: customer.id });
    expect(record).toMatchObject({
      code: 'C000001',
      kind: 'company',
      name: '苏州恒通建材有限公司',
      source: '展会',
      leadId: lead.id,
      ownerUserId: lead.ownerUserId,
      notes: '关注防水材料',
    });
    expect(record.contacts).toMatchObject([{ name: '陈静', title: '采购经理', mobile: lead.mobile, email: 'chen@hengtong.cn', isPrimary: true }]);
    expect(converted).toMatchObject({ status: 'converted', customerId: customer.id, customerCode: 'C000001' });
    expect(converted.convertedAt).not.toBeNull();
    const hits = await api.ok('customers.search', { q: 'szht' });
    expect(hits.map((h) => h.id)).toContain(customer.id);
  });

  it('makes a lead without a company an individual customer carrying the mobile itself', async () => {
    const api = await ownerApi();
    const lead = await api.ok('leads.create', aLead({ name: '刘洋', company: null }));
    const { customer } = await api.ok('leads.convert', { id: lead.id });
    expect(await api.ok('customers.get', { id: customer.id })).toMatchObject({ kind: 'individual', name: '刘洋', mobile: lead.mobile, contacts: [] });
  });

  it('keeps the lead’s follow-ups and puts them on the customer’s timeline, linked both ways', async () => {
    const api = await ownerApi();
    const lead = await api.ok('leads.create', aLead());
    await api.ok('leads.logInteraction', { leadId: lead.id, kind: 'call', subject: '首次电话沟通', occurredAt: '2026-11-01T02:00:00Z' });
    await api.ok('leads.logInteraction', { leadId: lead.id, kind: 'visit', subject: '上门拜访', occurredAt: '2026-11-10T06:00:00Z' });
    const { customer, copiedInteractions, lead: converted } = await api.ok('leads.convert', { id: lead.id });
    expect(copiedInteractions).toBe(2);

    const timeline = await api.ok('customers.timeline', { customerId: customer.id });
    const interactions = timeline.rows.filter((r) => r.kind === 'interaction');
    expect(interactions.map((r) => r.title)).toEqual(['上门拜访', '首次电话沟通']);
    expect(interactions[0]!.at).toBe('2026-11-10T06:00:00.000Z');
    expect(converted.interactions.map((i) => i.customerInteractionId)).toEqual(interactions.map((r) => r.id));
    // A lead with a logged call becomes a prospect once it is a customer.
    expect((await api.ok('customers.get', { id: customer.id })).lifecycleStage).toBe('prospect');
  });

  it('hands the lead’s opportunities to the customer', async () => {
    const api = await ownerApi();
    const lead = await api.ok('leads.create', aLead());
    const deal = await api.ok('leads.createOpportunity', { title: '年度防水材料采购', leadId: lead.id, expectedAmount: 8_000_000 });
    expect(deal.customerId).toBeNull();
    const { customer, movedOpportunities } = await api.ok('leads.convert', { id: lead.id });
    expect(movedOpportunities).toBe(1);
    expect(await api.ok('leads.getOpportunity', { id: deal.id })).toMatchObject({ customerId: customer.id, leadId: lead.id, partyName: customer.name });
  });

  it('refuses to convert twice', async () => {
    const api = await ownerApi();
    const lead = await api.ok('leads.create', aLead());
    await api.ok('leads.convert', { id: lead.id });
    const again = await api.call('leads.convert', { id: lead.id });
    expect(again.ok || again.error.code).toBe('CONFLICT');
    expect((await api.ok('customers.list', {})).total).toBe(1);
  });

  it('refuses a lost lead', async () => {
    const api = await ownerApi();
    const lead = await api.ok('leads.create', aLead());
    await api.ok('leads.markLost', { id: lead.id, reason: '预算不足' });
    const result = await api.call('leads.convert', { id: lead.id });
    expect(result.ok || result.error.code).toBe('CONFLICT');
    expect((await api.ok('customers.list', {})).total).toBe(0);
  });

  it('stops at a likely duplicate customer like customers.create, changing nothing, and goes ahead when told', async () => {
    const api = await ownerApi();
    const mobile = aMobile();
    await api.ok('customers.create', aCustomer({ name: '杭州嘉禾贸易有限公司', contacts: [{ name: '周博雅', mobile }] }));
    const lead = await api.ok('leads.create', aLead({ company: '杭州嘉禾贸易有限责任公司', mobile }));
    const refused = await api.call('leads.convert', { id: lead.id });
    expect(refused.ok || refused.error.code).toBe('CONFLICT');
    expect((await api.ok('leads.get', { id: lead.id })).status).toBe('new');
    expect((await api.ok('customers.list', {})).total).toBe(1);
    const forced = await api.ok('leads.convert', { id: lead.id, allowDuplicate: true });
    expect(forced.duplicates.map((d) => d.matchedOn).sort()).toEqual(['mobile', 'name']);
    expect((await api.ok('customers.list', {})).total).toBe(2);
  });

  it('applies the customer’s required fields: no mobile, no customer, and the lead stays open', async () => {
    const api = await ownerApi();
    const lead = await api.ok('leads.create', aLead({ mobile: null }));
    const result = await api.call('leads.convert', { id: lead.id });
    expect(result.ok || result.error.code).toBe('VALIDATION');
    expect((await api.ok('leads.get', { id: lead.id })).status).toBe('new');
    expect((await api.ok('customers.list', {})).total).toBe(0);
  });

  it('no longer takes follow-ups or edits on the lead once it is a customer', async () => {
    const api = await ownerApi();
    const lead = await api.ok('leads.create', aLead());
    await api.ok('leads.convert', { id: lead.id });
    const log = await api.call('leads.logInteraction', { leadId: lead.id, kind: 'call', subject: '回访' });
    expect(log.ok || log.error.code).toBe('CONFLICT');
    const edit = await api.call('leads.update', { id: lead.id, name: '新名字' });
    expect(edit.ok || edit.error.code).toBe('CONFLICT');
    const lost = await api.call('leads.markLost', { id: lead.id, reason: '不要了' });
    expect(lost.ok || lost.error.code).toBe('CONFLICT');
  });

  it('is audited as one change of the lead and one new customer', async () => {
    const api = await ownerApi();
    const lead = await api.ok('leads.create', aLead());
    await api.ok('leads.convert', { id: lead.id });
    const audit = api.backend.conn.sqlite.prepare("SELECT changes FROM audit_log WHERE method = 'leads.convert'").pluck().get() as string;
    const changes = JSON.parse(audit) as { entityType: string }[];
    expect(changes.map((c) => c.entityType)).toEqual(['customer', 'lead']);
  });
});
