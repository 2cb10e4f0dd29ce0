import { describe, expect, it } from 'vitest';
import { ownerApi } from '../../db/test-db';
import { aCustomer, aMobile } from '../customers/customers.test-helpers';
import { aCampaign, aLead } from './leads.test-helpers';

describe('leads', () => {
  it('numbers a new lead from the lead series, normalises its mobile and gives it to its creator', async () => {
    const api = await ownerApi();
    const lead = await api.ok('leads.create', aLead({ mobile: '+86 139-1234-５６７８', email: ' Chen.Jing@Example.COM ' }));
    expect(lead.code).toBe('L000001');
    expect(lead.mobile).toBe('13912345678');
    expect(lead.email).toBe('chen.jing@example.com');
    expect(lead.status).toBe('new');
    expect(lead.ownerName).toBe('王老板');
    expect((await api.ok('leads.create', aLead())).code).toBe('L000002');
  });

  it('refuses a bad mobile beside the field', async () => {
    const api = await ownerApi();
    const result = await api.call('leads.create', aLead({ mobile: '12345' }));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.issues?.[0]?.path).toBe('mobile');
  });

  it('takes its channel from its campaign unless told otherwise', async () => {
    const api = await ownerApi();
    const campaign = await api.ok('leads.saveCampaign', aCampaign({ channel: '抖音', name: '抖音直播' }));
    const lead = await api.ok('leads.create', aLead({ source: null, campaignId: campaign.id }));
    expect(lead.source).toBe('抖音');
    expect(lead.campaignName).toBe('抖音直播');
    const campaigns = await api.ok('leads.listCampaigns', {});
    expect(campaigns.rows[0]).toMatchObject({ name: '抖音直播', cost: 1_000_000, leadCount: 1, convertedCount: 0 });
  });

  it('warns when the lead is already a customer, without refusing it', async () => {
    const api = await ownerApi();
    const mobile = aMobile();
    await api.ok('customers.create', aCustomer({ name: '南京博雅食品有限公司', contacts: [{ name: '周博雅', mobile }] }));
    const lead = await api.ok('leads.create', aLead({ company: '南京博雅食品有限责任公司', mobile }));
    expect(lead.duplicates.map((d) => d.matchedOn).sort()).toEqual(['mobile', 'name']);
  });

  it('lists with filters on status, source, campaign and owner, and finds by name, company, code or mobile', async () => {
    const api = await ownerApi();
    const campaign = await api.ok('leads.saveCampaign', aCampaign());
    const a = await api.ok('leads.create', aLead({ name: '刘洋', company: '宁波海龙五金有限公司', source: '展会' }));
    await api.ok('leads.create', aLead({ campaignId: campaign.id, source: null }));
    const c = await api.ok('leads.create', aLead({ ownerUserId: null }));
    await api.ok('leads.markLost', { id: c.id, reason: '预算不足' });

    expect((await api.ok('leads.list', { filters: { source: '展会' } })).rows.map((r) => r.id)).toEqual([a.id]);
    expect((await api.ok('leads.list', { filters: { campaignId: campaign.id } })).total).toBe(1);
    expect((await api.ok('leads.list', { filters: { status: ['lost'] } })).rows.map((r) => r.id)).toEqual([c.id]);
    expect((await api.ok('leads.list', { filters: { ownerUserId: null } })).rows.map((r) => r.id)).toEqual([c.id]);
    expect((await api.ok('leads.list', { q: '海龙' })).rows.map((r) => r.id)).toEqual([a.id]);
    expect((await api.ok('leads.list', { q: a.mobile!.slice(3) })).rows.map((r) => r.id)).toEqual([a.id]);
    expect((await api.ok('leads.list', { q: a.code })).total).toBe(1);
    expect((await api.ok('leads.list', { q: '100%' })).total).toBe(0);
    const page = await api.ok('leads.list', { pageSize: 2 });
    expect(page).toMatchObject({ total: 3 });
    expect(page.rows.map((r) => r.code)).toEqual(['L000003', 'L000002']);
  });

  it('finds leads by the pinyin of the company or the person and by e-mail, and follows edits', async () => {
    const api = await ownerApi();
    const a = await api.ok('leads.create', aLead({ name: '刘洋', company: '宁波海龙五金有限公司', email: 'liu.yang@hailong.cn' }));
    const b = await api.ok('leads.create', aLead({ name: '单雄', company: null }));
    const found = async (q: string) => (await api.ok('leads.list', { q })).rows.map((r) => r.id);
    expect(await found('nbhl')).toEqual([a.id]);
    expect(await found('liuyang')).toEqual([a.id]);
    expect(await found('hailong')).toEqual([a.id]);
    expect(await found('shanxiong')).toEqual([b.id]);
    await api.ok('leads.update', { id: b.id, company: '杭州龙井茶业有限公司' });
    expect(await found('longjing')).toEqual([b.id]);
    expect(await api.ok('leads.list', {})).toMatchObject({ total: 2, totalIsExact: true });
  });

  it('moves a new lead to contacted at its first follow-up and keeps the log', async () => {
    const api = await ownerApi();
    const lead = await api.ok('leads.create', aLead());
    await api.ok('leads.logInteraction', { leadId: lead.id, kind: 'call', subject: '首次电话沟通', body: '对冷链配送感兴趣' });
    const after = await api.ok('leads.get', { id: lead.id });
    expect(after.status).toBe('contacted');
    expect(after.lastContactedAt).not.toBeNull();
    expect(after.interactions).toMatchObject([{ kind: 'call', subject: '首次电话沟通', userName: '王老板' }]);
    const empty = await api.call('leads.logInteraction', { leadId: lead.id, kind: 'note' });
    expect(empty.ok || empty.error.issues?.[0]?.path).toBe('subject');
  });

  it('marks a lead lost with a reason and reopens it by setting an open status', async () => {
    const api = await ownerApi();
    const lead = await api.ok('leads.create', aLead());
    const noReason = await api.call('leads.markLost', { id: lead.id, reason: ' ' });
    expect(noReason.ok || noReason.error.code).toBe('VALIDATION');
    const lost = await api.ok('leads.markLost', { id: lead.id, reason: '已选择竞争对手' });
    expect(lost).toMatchObject({ status: 'lost', lostReason: '已选择竞争对手' });
    const reopened = await api.ok('leads.update', { id: lead.id, status: 'qualified' });
    expect(reopened).toMatchObject({ status: 'qualified', lostReason: null });
  });

  it('lets sales create leads but not campaigns, and a warehouse user neither', async () => {
    const owner = await ownerApi();
    const sales = await owner.as('sales');
    const warehouse = await owner.as('warehouse');
    expect((await sales.call('leads.create', aLead())).ok).toBe(true);
    const byWarehouse = await warehouse.call('leads.create', aLead());
    expect(byWarehouse.ok || byWarehouse.error.code).toBe('FORBIDDEN');
    const campaign = await sales.call('leads.saveCampaign', aCampaign());
    expect(campaign.ok || campaign.error.code).toBe('FORBIDDEN');
    const list = await warehouse.call('leads.list', {});
    expect(list.ok || list.error.code).toBe('FORBIDDEN');
  });

  it('keeps campaign dates in order and cost in whole fen', async () => {
    const api = await ownerApi();
    const backwards = await api.call('leads.saveCampaign', aCampaign({ startDate: '2026-03-31', endDate: '2026-03-01' }));
    expect(backwards.ok || backwards.error.issues?.[0]?.path).toBe('endDate');
    const fraction = await api.call('leads.saveCampaign', aCampaign({ cost: 10.5 }));
    expect(fraction.ok || fraction.error.issues?.[0]?.path).toBe('cost');
    const saved = await api.ok('leads.saveCampaign', aCampaign());
    const edited = await api.ok('leads.saveCampaign', { ...aCampaign(), id: saved.id, cost: 1_200_000, status: 'ended' });
    expect(edited).toMatchObject({ id: saved.id, cost: 1_200_000, status: 'ended' });
    expect((await api.ok('leads.listCampaigns', {})).total).toBe(1);
    expect(await api.ok('leads.listChannels', {})).toContain('百度推广');
  });
});
