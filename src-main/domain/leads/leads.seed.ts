/**
 * Demo leads, campaigns and opportunities, deterministic for a seed: campaigns per channel over
 * the past year with their cost, leads (5% of the customers) across the channels, a share of them
 * converted into existing demo customers (so the channel report has revenue to show), follow-ups,
 * and deals across the kanban. Prepared statements in one transaction, like the customers seeder.
 */
import type { Connection } from '../../db/connection';
import { addDays, businessDateIn, daysBetween } from '../core/dates';
import { allocateNumbers } from '../core/numbering';
import { newId } from '../shared/ids';
import { SeededRandom } from '../../seed/random';
import { DEFAULT_PROBABILITY, OPPORTUNITY_STAGES, type OpportunityStage } from './leads.contract';
import { leadSearchDoc } from './leads.search';
import { LEAD_SERIES } from './leads.service';

/** Channel, weight among leads, chance a lead converts, cost per campaign in yuan (min, max). */
const CHANNELS = [
  { channel: '百度推广', weight: 30, converts: 0.12, cost: [15_000, 40_000], campaigns: ['百度搜索竞价', '百度信息流推广', '品牌专区'] },
  { channel: '抖音', weight: 25, converts: 0.08, cost: [10_000, 30_000], campaigns: ['抖音直播带货', '抖音短视频投放', '达人探店合作'] },
  { channel: '展会', weight: 15, converts: 0.22, cost: [30_000, 80_000], campaigns: ['春季糖酒会', '上海国际食品展', '秋季采购交易会'] },
  { channel: '老客户介绍', weight: 12, converts: 0.4, cost: [2_000, 6_000], campaigns: ['老带新返利活动', '转介绍礼品'] },
  { channel: '官网', weight: 10, converts: 0.15, cost: [3_000, 8_000], campaigns: ['官网改版与SEO', '官网在线咨询'] },
  { channel: '地推', weight: 8, converts: 0.1, cost: [5_000, 15_000], campaigns: ['社区地推', '商圈扫楼'] },
] as const;

const SURNAMES = [...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁沈姚卢姜崔钟谭陆汪范金石廖'];
const GIVEN = [...'伟芳娜敏静丽强磊军洋勇艳杰娟涛明超霞平刚华玉萍红玲燕斌宇浩凯健俊帆旭宁龙林欣悦晨阳佳琪雪梅婷'];
const CITIES = ['南京', '苏州', '上海', '杭州', '宁波', '合肥', '无锡', '常州', '北京', '广州', '深圳', '成都', '武汉'];
const TRADE = [...'恒通华盛金源宏达鑫隆永安瑞丰天成万家德润嘉禾东方富春信诚泰和中佳百川汇丰海龙辉光荣昌兴旺宝祥云峰'];
const INDUSTRIES = ['食品', '餐饮管理', '商贸', '连锁超市', '酒店管理', '烘焙', '生鲜配送', '供应链管理'];
const TITLES = ['总经理', '采购经理', '采购主管', '店长', '老板', '行政主管', '后勤经理'];
const MOBILE_PREFIXES = ['133', '135', '136', '137', '138', '139', '150', '151', '152', '158', '159', '177', '186', '187', '188', '189', '199'];
const LOST_REASONS = ['预算不足', '已选择竞争对手', '联系不上', '需求取消', '价格不合适', '距离太远，配送不划算'];
const FOLLOW_UPS = [
  ['call', '首次电话沟通', '介绍公司产品与配送范围'],
  ['wechat', '微信发送产品目录', '客户要了团餐和礼盒两份报价'],
  ['visit', '上门拜访', '看了门店和后厨，需求约每周两次配送'],
  ['email', '发送报价单', '按月结 30 天报价'],
  ['call', '跟进报价', '客户在比价，下周给答复'],
] as const;
const DEAL_TITLES = ['年度食材配送合同', '中秋礼盒团购', '春节员工福利采购', '门店开业首批订货', '冷链配送服务', '团餐供应', '会议茶歇长期合作', '烘焙原料年度框架'];

export interface SeedLeadsResult {
  campaigns: number;
  leads: number;
  converted: number;
  opportunities: number;
}

export function seedLeads(conn: Connection, options: { seed: number; ownerIds?: string[]; asOf?: string }): SeedLeadsResult {
  const db = conn.sqlite;
  const random = new SeededRandom(options.seed);
  const asOf = options.asOf ?? businessDateIn('Asia/Shanghai');
  const owners = options.ownerIds ?? [];
  const stamp = (date: string) => `${date}T0${random.int(1, 9)}:${String(random.int(10, 59))}:00.000Z`;
  const person = () => random.pick(SURNAMES) + random.pick(GIVEN) + (random.chance(0.6) ? random.pick(GIVEN) : '');
  const weightedChannel = () => {
    let roll = random.int(1, CHANNELS.reduce((sum, c) => sum + c.weight, 0));
    for (const c of CHANNELS) if ((roll -= c.weight) <= 0) return c;
    return CHANNELS[0];
  };

  const run = db.transaction((): SeedLeadsResult => {
    const customerCount = db.prepare('SELECT count(*) FROM customers').pluck().get() as number;
    const leadCount = Math.max(20, Math.round(customerCount * 0.05));
    const leadCodes = allocateNumbers(db, LEAD_SERIES, leadCount, asOf).numbers;

    // Campaigns: one every quarter per channel over the past year, costs in whole yuan.
    const insertCampaign = db.prepare(
      'INSERT INTO campaigns (id, name, channel, start_date, end_date, cost, notes, status, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, NULL, ?, ?, ?)',
    );
    const campaignsByChannel = new Map<string, { id: string; start: string }[]>();
    let campaigns = 0;
    for (const c of CHANNELS) {
      const list: { id: string; start: string }[] = [];
      for (let quarter = 3; quarter >= 0; quarter--) {
        // The latest quarter's campaign is usually still running.
        const start = addDays(asOf, -(quarter * 91 + (quarter === 0 ? random.int(3, 25) : random.int(20, 80))));
        const end = addDays(start, random.int(14, 45));
        const id = newId();
        const status = end < asOf ? 'ended' : start > asOf ? 'planned' : 'running';
        insertCampaign.run(id, `${start.slice(0, 4)}年${random.pick(c.campaigns)}`, c.channel, start, end, random.int(c.cost[0], c.cost[1]) * 100, status, stamp(start), stamp(start));
        list.push({ id, start });
        campaigns++;
      }
      campaignsByChannel.set(c.channel, list);
    }

    // Converted leads became existing demo customers that have no lead yet, oldest first.
    const freeCustomers = db.prepare("SELECT id, name FROM customers WHERE lead_id IS NULL AND status = 'active' ORDER BY code").all() as { id: string; name: string }[];
    let nextCustomer = 0;

    const insertLead = db.prepare(
      `INSERT INTO leads (id, code, name, company, title, mobile, email, source, campaign_id, status, lost_reason, owner_user_id, customer_id, converted_at, notes, last_contacted_at, created_at, updated_at, created_by)
       VALUES (?, ?, ?, ?, ?, ?, NULL, ?, ?, ?, ?, ?, ?, ?, NULL, ?, ?, ?, NULL)`,
    );
    const insertSearch = db.prepare('INSERT INTO lead_search (lead_id, names, people, tokens) VALUES (?, ?, ?, ?)');
    const linkCustomer = db.prepare('UPDATE customers SET lead_id = ?, source = ? WHERE id = ?');
    const insertFollowUp = db.prepare(
      'INSERT INTO lead_interactions (id, lead_id, kind, occurred_at, subject, body, user_id, customer_interaction_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
    );
    const copyToCustomer = db.prepare('INSERT INTO interactions (id, customer_id, contact_id, kind, occurred_at, subject, body, user_id, created_at) VALUES (?, ?, NULL, ?, ?, ?, ?, ?, ?)');
    const insertDeal = db.prepare(
      `INSERT INTO opportunities (id, title, customer_id, lead_id, stage, expected_amount, probability, expected_close_date, owner_user_id, notes, closed_at, lost_reason, created_at, updated_at, created_by)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, ?, ?, ?, ?, NULL)`,
    );
    const insertStage = db.prepare(
      'INSERT INTO opportunity_stage_history (id, opportunity_id, from_stage, to_stage, probability, expected_amount, note, user_id, changed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
    );

    const addDeal = (party: { customerId: string | null; leadId: string | null }, created: string, owner: string | null, stage: OpportunityStage) => {
      const id = newId();
      const amount = random.int(20, 800) * 1000_00;
      const probability = DEFAULT_PROBABILITY[stage];
      const closed = stage === 'won' || stage === 'lost';
      const createdAt = stamp(created);
      const closeDay = addDays(created, random.int(10, 60));
      const closedAt = closed ? stamp(closeDay < asOf ? closeDay : asOf) : null;
      const closeDate = closed ? closedAt!.slice(0, 10) : addDays(asOf, random.int(-10, 90));
      insertDeal.run(id, random.pick(DEAL_TITLES), party.customerId, party.leadId, stage, amount, probability, closeDate, owner, closedAt, stage === 'lost' ? random.pick(LOST_REASONS) : null, createdAt, closedAt ?? createdAt);
      insertStage.run(newId(), id, null, 'contact', DEFAULT_PROBABILITY.contact, amount, null, owner, createdAt);
      const path = OPPORTUNITY_STAGES.slice(1, OPPORTUNITY_STAGES.indexOf(stage === 'lost' ? 'needs' : stage) + 1);
      let from: OpportunityStage = 'contact';
      for (const step of stage === 'lost' ? [...path, 'lost' as const] : path) {
        insertStage.run(newId(), id, from, step, DEFAULT_PROBABILITY[step], amount, null, owner, closedAt && step === stage ? closedAt : createdAt);
        from = step;
      }
    };

    let converted = 0;
    let opportunities = 0;
    for (let i = 0; i < leadCount; i++) {
      const c = weightedChannel();
      const created = addDays(asOf, -random.int(0, 360));
      const campaign = (campaignsByChannel.get(c.channel) ?? []).filter((k) => k.start <= created).at(-1);
      const id = newId();
      const owner = owners.length ? random.pick(owners) : null;
      const age = daysBetween(created, asOf);
      const customer = random.chance(c.converts * (age > 14 ? 1.6 : 0.3)) ? freeCustomers[nextCustomer++] : undefined;
      const status = customer ? 'converted' : age < 7 ? 'new' : random.pick(['contacted', 'contacted', 'qualified', 'lost', 'new'] as const);
      const company = random.chance(0.8) ? `${random.pick(CITIES)}${random.pick(TRADE)}${random.pick(TRADE)}${random.pick(INDUSTRIES)}有限公司` : null;
      const followUps = status === 'new' ? 0 : random.int(1, 4);
      const contactedAt = followUps ? stamp(addDays(created, Math.min(age, random.int(1, 20)))) : null;
      const name = person();
      const title = random.pick(TITLES);
      const mobile = random.pick(MOBILE_PREFIXES) + String(random.int(0, 99_999_999)).padStart(8, '0');
      const lead = { code: leadCodes[i]!, name, company: customer?.name ?? company, mobile, email: null };
      insertLead.run(
        id,
        lead.code,
        lead.name,
        lead.company,
        title,
        mobile,
        c.channel,
        campaign?.id ?? null,
        status,
        status === 'lost' ? random.pick(LOST_REASONS) : null,
        owner,
        customer?.id ?? null,
        customer ? stamp(addDays(created, Math.min(age, random.int(3, 30)))) : null,
        contactedAt,
        stamp(created),
        contactedAt ?? stamp(created),
      );
      const doc = leadSearchDoc(lead);
      insertSearch.run(id, doc.names, doc.people, doc.tokens);
      if (customer) {
        linkCustomer.run(id, c.channel, customer.id);
        converted++;
      }
      for (let f = 0; f < followUps; f++) {
        const [kind, subject, body] = FOLLOW_UPS[f % FOLLOW_UPS.length]!;
        const at = stamp(addDays(created, Math.min(age, f * random.int(1, 6))));
        const copyId = customer ? newId() : null;
        if (customer) copyToCustomer.run(copyId, customer.id, kind, at, subject, body, owner, at);
        insertFollowUp.run(newId(), id, kind, at, subject, body, owner, copyId, at);
      }
      if (status === 'qualified' || (customer && random.chance(0.7))) {
        const stage = customer ? random.pick(['won', 'won', 'negotiation', 'proposal', 'lost'] as const) : random.pick(['contact', 'needs', 'proposal'] as const);
        addDeal({ customerId: customer?.id ?? null, leadId: id }, created, owner, stage);
        opportunities++;
      }
    }
    // Existing customers bring repeat business too: deals across every open stage.
    for (let i = 0; i < Math.max(10, Math.round(leadCount * 0.4)) && nextCustomer < freeCustomers.length; i++) {
      const customer = freeCustomers[freeCustomers.length - 1 - i]!;
      addDeal({ customerId: customer.id, leadId: null }, addDays(asOf, -random.int(0, 120)), owners.length ? random.pick(owners) : null, random.pick(['contact', 'contact', 'needs', 'needs', 'proposal', 'negotiation', 'won', 'lost'] as const));
      opportunities++;
    }
    return { campaigns, leads: leadCount, converted, opportunities };
  });
  return run();
}
