/**
 * Demo customers: Chinese company and person names, real regions, valid credit codes and
 * mobiles, contacts, addresses, tags, interactions and a spread of order figures. Deterministic
 * for a seed. Written with prepared statements in one transaction (50,000 in a few seconds).
 */
import type { Connection } from '../../db/connection';
import type { CustomerKind, LifecycleStage } from './customers.dto';
import { computeStage } from './customers.lifecycle';
import { addDays, businessDateIn } from '../core/dates';
import { allocateNumbers } from '../core/numbering';
import { CUSTOMER_SERIES } from './customers.service';
import { creditCodeCheckChar, customerNameKey, organisationCodeCheckChar } from './customers.rules';
import { buildSearchDoc, pinyinSortKey } from './customers.search-text';
import { newId } from '../shared/ids';
import { SeededRandom } from '../../seed/random';

export const seedScaleCounts = { small: 500, medium: 5000, large: 50000 } as const;

const REGIONS = [
  { province: '江苏省', city: '南京市', short: '南京', areaCode: '025', code: '320100', districts: ['鼓楼区', '玄武区', '秦淮区', '建邺区', '江宁区'], postcode: '210000' },
  { province: '江苏省', city: '苏州市', short: '苏州', areaCode: '0512', code: '320500', districts: ['姑苏区', '吴中区', '相城区', '虎丘区'], postcode: '215000' },
  { province: '上海市', city: '上海市', short: '上海', areaCode: '021', code: '310100', districts: ['浦东新区', '黄浦区', '徐汇区', '闵行区'], postcode: '200000' },
  { province: '北京市', city: '北京市', short: '北京', areaCode: '010', code: '110100', districts: ['朝阳区', '海淀区', '东城区', '丰台区'], postcode: '100000' },
  { province: '广东省', city: '广州市', short: '广州', areaCode: '020', code: '440100', districts: ['天河区', '越秀区', '海珠区', '白云区'], postcode: '510000' },
  { province: '广东省', city: '深圳市', short: '深圳', areaCode: '0755', code: '440300', districts: ['南山区', '福田区', '宝安区', '龙岗区'], postcode: '518000' },
  { province: '浙江省', city: '杭州市', short: '杭州', areaCode: '0571', code: '330100', districts: ['西湖区', '上城区', '滨江区', '余杭区'], postcode: '310000' },
  { province: '浙江省', city: '宁波市', short: '宁波', areaCode: '0574', code: '330200', districts: ['海曙区', '江北区', '鄞州区'], postcode: '315000' },
  { province: '四川省', city: '成都市', short: '成都', areaCode: '028', code: '510100', districts: ['武侯区', '锦江区', '青羊区', '高新区'], postcode: '610000' },
  { province: '湖北省', city: '武汉市', short: '武汉', areaCode: '027', code: '420100', districts: ['江汉区', '武昌区', '洪山区'], postcode: '430000' },
  { province: '湖南省', city: '长沙市', short: '长沙', areaCode: '0731', code: '430100', districts: ['岳麓区', '芙蓉区', '天心区'], postcode: '410000' },
  { province: '重庆市', city: '重庆市', short: '重庆', areaCode: '023', code: '500100', districts: ['渝中区', '江北区', '南岸区'], postcode: '400000' },
  { province: '山东省', city: '济南市', short: '济南', areaCode: '0531', code: '370100', districts: ['历下区', '市中区', '槐荫区'], postcode: '250000' },
  { province: '福建省', city: '厦门市', short: '厦门', areaCode: '0592', code: '350200', districts: ['思明区', '湖里区', '集美区'], postcode: '361000' },
  { province: '陕西省', city: '西安市', short: '西安', areaCode: '029', code: '610100', districts: ['雁塔区', '碑林区', '未央区'], postcode: '710000' },
  { province: '河南省', city: '郑州市', short: '郑州', areaCode: '0371', code: '410100', districts: ['金水区', '二七区', '中原区'], postcode: '450000' },
] as const;

const TRADE_NAME_CHARS = [...'博雅恒通华盛金源宏达鑫隆永安瑞丰新天成万家德润嘉禾世东方明珠富春信诚泰和中佳美利民百川汇丰海龙辉光荣昌兴旺宝祥云峰正大广益隆'];
const INDUSTRIES = ['食品', '贸易', '建材', '物流', '电子', '机械', '服装', '餐饮', '医药', '化工', '印刷', '包装', '家具', '五金', '科技', '农业'];
const SUFFIXES = [
  ['有限公司', 70],
  ['有限责任公司', 10],
  ['股份有限公司', 5],
  ['商行', 10],
  ['经营部', 5],
] as const;
const SURNAMES = [...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤'];
const GIVEN_CHARS = [...'伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华玉萍红娥玲芬燕彬斌宇浩凯健俊帆帅旭宁龙林欣悦晨阳佳琪雪梅婷'];
const TITLES = ['总经理', '采购经理', '采购', '财务', '老板', '店长', '仓库主管', '行政'];
const SOURCES = ['展会', '老客户介绍', '官网', '电话营销', '阿里巴巴', '微信', '地推'];
const SIZES = ['micro', 'small', 'medium', 'large'] as const;
const TIERS = ['普通', '银卡', '金卡', '钻石'];
const TAGS = [
  ['重点客户', 'red'],
  ['VIP', 'orange'],
  ['经销商', 'blue'],
  ['长期合作', 'green'],
  ['年底回访', 'violet'],
  ['价格敏感', 'yellow'],
  ['线上渠道', 'cyan'],
  ['需开专票', 'gray'],
] as const;
const INTERACTION_SUBJECTS = {
  call: ['电话回访', '确认订单交期', '催款提醒', '报价跟进'],
  visit: ['上门拜访', '新品推介', '年度合作洽谈'],
  wechat: ['微信发送报价单', '微信沟通发货', '节日问候'],
  email: ['发送对账单', '合同电子版', '发票寄送确认'],
  note: ['客户偏好：周五送货', '客户对价格敏感', '老板更换了采购负责人'],
} as const;
const MOBILE_PREFIXES = ['133', '135', '136', '137', '138', '139', '150', '151', '152', '155', '156', '158', '159', '166', '177', '180', '181', '185', '186', '187', '188', '189', '199'];
const CODE_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';

export interface SeedCustomersOptions {
  count: number;
  seed: number;
  /** Salespeople to own customers; none leaves customers unassigned. */
  ownerIds?: string[];
  /** Business date the order figures are relative to (defaults to today in Asia/Shanghai). */
  asOf?: string;
}

export interface SeedCustomersResult {
  customers: number;
  contacts: number;
  addresses: number;
  interactions: number;
}

function base31(n: number, width: number): string {
  let text = '';
  for (let i = 0; i < width; i++) {
    text = CODE_CHARS[n % 31]! + text;
    n = Math.floor(n / 31);
  }
  return text;
}

export function seedCustomers(conn: Connection, options: SeedCustomersOptions): SeedCustomersResult {
  const random = new SeededRandom(options.seed);
  // Its own sequence, so planning next contacts leaves every other seeded value as it was.
  const plans = new SeededRandom(options.seed + 7919);
  const asOf = options.asOf ?? businessDateIn('Asia/Shanghai');
  const owners = options.ownerIds ?? [];
  const db = conn.sqlite;
  const weighted = <T>(items: readonly (readonly [T, number])[]): T => {
    let roll = random.int(1, items.reduce((sum, [, w]) => sum + w, 0));
    for (const [item, weight] of items) if ((roll -= weight) <= 0) return item;
    return items[0]![0];
  };
  const personName = () => random.pick(SURNAMES) + random.pick(GIVEN_CHARS) + (random.chance(0.6) ? random.pick(GIVEN_CHARS) : '');
  const mobile = () => random.pick(MOBILE_PREFIXES) + String(random.int(0, 99_999_999)).padStart(8, '0');
  const stamp = (date: string) => `${date}T0${random.int(1, 9)}:${String(random.int(10, 59))}:00.000Z`;

  const insertCustomer = db.prepare(
    `INSERT INTO customers (id, code, kind, name, short_name, name_key, name_pinyin, credit_code, industry, size, source, cooperation_since,
       owner_user_id, mobile, phone, email, province, city, district, credit_limit, payment_terms_days, tier, birthday,
       invoice_title, taxpayer_id, bank_name, bank_account, registered_address, registered_phone, custom_fields, notes,
       lifecycle_stage, lifecycle_computed, status, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '{}', NULL, ?, ?, 'active', ?, ?)`,
  );
  const insertStats = db.prepare(
    'INSERT INTO customer_stats (customer_id, updated_at) VALUES (?, ?)',
  );
  const insertContact = db.prepare(
    `INSERT INTO customer_contacts (id, customer_id, name, title, mobile, phone, email, wechat, birthday, is_primary, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, NULL, ?, NULL, ?, ?, ?)`,
  );
  const insertAddress = db.prepare(
    `INSERT INTO customer_addresses (id, customer_id, kind, province, city, district, detail, postcode, recipient, recipient_phone, is_default, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?)`,
  );
  const insertTag = db.prepare(`INSERT INTO tags (id, name, color, created_at) VALUES (?, ?, ?, ?) ON CONFLICT (name) DO NOTHING`);
  const insertCustomerTag = db.prepare('INSERT OR IGNORE INTO customer_tags (customer_id, tag_id) VALUES (?, ?)');
  const insertInteraction = db.prepare(
    `INSERT INTO interactions (id, customer_id, contact_id, kind, occurred_at, subject, body, user_id, created_at, next_contact_on) VALUES (?, ?, ?, ?, ?, ?, NULL, ?, ?, ?)`,
  );
  const insertHistory = db.prepare(
    `INSERT INTO customer_stage_history (id, customer_id, from_stage, to_stage, source, reason, user_id, changed_at) VALUES (?, ?, NULL, ?, 'computed', NULL, NULL, ?)`,
  );
  const insertSearch = db.prepare('INSERT INTO customer_search (customer_id, names, people, tokens) VALUES (?, ?, ?, ?)');

  const run = db.transaction((): SeedCustomersResult => {
    const now = new Date().toISOString();
    const { numbers: codes, first: firstNumber } = allocateNumbers(db, CUSTOMER_SERIES, options.count, asOf);
    // Bulk load: index the search text once at the end ('rebuild') instead of through the insert
    // trigger row by row (4× faster at 50,000). The trigger is restored inside this transaction.
    const searchTrigger = db.prepare("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = 'customer_search_ai'").pluck().get() as string;
    db.exec('DROP TRIGGER customer_search_ai');
    for (const [name, color] of TAGS) insertTag.run(newId(), name, color, now);
    const tagIds = db.prepare(`SELECT id FROM tags WHERE name IN (${TAGS.map(() => '?').join(',')}) ORDER BY name`).pluck().all(...TAGS.map(([n]) => n)) as string[];

    const totals: SeedCustomersResult = { customers: 0, contacts: 0, addresses: 0, interactions: 0 };
    for (let i = 0; i < options.count; i++) {
      const id = newId();
      const code = codes[i]!;
      const region = random.pick(REGIONS);
      const district = random.pick(region.districts);
      const kind: CustomerKind = random.chance(0.15) ? 'individual' : 'company';
      const tradeName = random.pick(TRADE_NAME_CHARS) + random.pick(TRADE_NAME_CHARS);
      const industry = random.pick(INDUSTRIES);
      const name = kind === 'company' ? `${region.short}${tradeName}${industry}${weighted(SUFFIXES)}` : personName();
      const shortName = kind === 'company' ? tradeName : null;
      const organisation = `${base31(random.int(0, 30), 1)}${base31(firstNumber + i, 7)}`;
      const body = `91${region.code}${organisation}${organisationCodeCheckChar(organisation)!}`;
      const creditCode = kind === 'company' ? body + creditCodeCheckChar(body)! : null;
      const ownMobile = kind === 'individual' ? mobile() : null;
      const phone = kind === 'company' && random.chance(0.6) ? `${region.areaCode}-${random.int(2000_0000, 8999_9999)}` : null;
      const created = addDays(asOf, -random.int(0, 1800));

      const creditLimit = random.chance(0.6) ? random.int(10, 500) * 1000_00 : null;
      const hasInteractions = random.chance(0.6);
      // Before any order: the order figures and the stages they lead to come from the orders the
      // sales seeder posts next (customer_stats stays zero until then, DESIGN §3).
      const stage: LifecycleStage = computeStage(
        { orderCount: 0, ordersLast365d: 0, firstOrderDate: null, lastOrderDate: null, hasInteractions, fromLead: false, returnedAfterChurn: false },
        asOf,
      );
      const createdAt = stamp(created);

      insertCustomer.run(
        id,
        code,
        kind,
        name,
        shortName,
        customerNameKey(name),
        pinyinSortKey(name),
        creditCode,
        kind === 'company' ? industry : null,
        kind === 'company' ? random.pick(SIZES) : null,
        random.pick(SOURCES),
        random.chance(0.7) ? created : null,
        owners.length && random.chance(0.85) ? random.pick(owners) : null,
        ownMobile,
        phone,
        null,
        region.province,
        region.city,
        district,
        creditLimit,
        random.pick([0, 15, 30, 45, 60]),
        random.chance(0.5) ? random.pick(TIERS) : null,
        kind === 'individual' && random.chance(0.5) ? `19${random.int(60, 99)}-0${random.int(1, 9)}-1${random.int(0, 9)}` : null,
        kind === 'company' ? name : null,
        creditCode,
        kind === 'company' ? random.pick(['中国工商银行', '中国建设银行', '中国农业银行', '中国银行', '招商银行', '交通银行']) + region.short + '分行' : null,
        kind === 'company' ? String(random.int(1000_0000, 9999_9999)) + String(random.int(1000_0000, 9999_9999)) : null,
        kind === 'company' ? `${region.city}${district}${random.pick(['人民路', '中山路', '解放路', '建设路', '长江路'])}${random.int(1, 999)}号` : null,
        phone,
        stage,
        stage,
        createdAt,
        createdAt,
      );
      insertStats.run(id, now);
      insertHistory.run(newId(), id, stage, createdAt);

      const contacts: { id: string; name: string; mobile: string | null; phone: string | null }[] = [];
      const contactCount = kind === 'company' ? random.int(1, 3) : random.chance(0.3) ? 1 : 0;
      for (let c = 0; c < contactCount; c++) {
        const contact = { id: newId(), name: personName(), mobile: mobile(), phone: c === 0 ? phone : null };
        insertContact.run(contact.id, id, contact.name, random.pick(TITLES), contact.mobile, contact.phone, random.chance(0.5) ? `wx_${contact.mobile.slice(-6)}` : null, c === 0 ? 1 : 0, createdAt, createdAt);
        contacts.push(contact);
      }
      const addressKinds = random.chance(0.4) ? ['billing', 'shipping'] : ['shipping'];
      for (const addressKind of addressKinds) {
        insertAddress.run(
          newId(),
          id,
          addressKind,
          region.province,
          region.city,
          district,
          `${random.pick(['人民路', '中山路', '解放路', '建设路', '长江路', '工业园'])}${random.int(1, 999)}号${random.chance(0.5) ? `${random.int(1, 30)}栋` : ''}`,
          region.postcode,
          contacts[0]?.name ?? name,
          contacts[0]?.mobile ?? ownMobile,
          createdAt,
          createdAt,
        );
      }
      const tagCount = random.int(0, 2);
      for (let t = 0; t < tagCount; t++) insertCustomerTag.run(id, random.pick(tagIds));
      if (hasInteractions) {
        const count = random.int(1, 3);
        const made = [];
        for (let n = 0; n < count; n++) {
          const interactionKind = random.pick(['call', 'visit', 'wechat', 'email', 'note'] as const);
          const day = addDays(asOf, -random.int(0, 400));
          const at = stamp(day);
          made.push({ day, at, row: [newId(), id, contacts.length ? random.pick(contacts).id : null, interactionKind, at, random.pick(INTERACTION_SUBJECTS[interactionKind]), owners.length ? random.pick(owners) : null, at] });
        }
        // Salespeople keep in touch: most followed customers were last contacted in the past two
        // weeks (else the workbench calls nearly every customer overdue), never before they were on file.
        const latest = made.reduce((a, b) => (b.at > a.at ? b : a));
        const recent = addDays(asOf, -plans.int(0, 13));
        if (plans.chance(0.75) && recent > latest.day) latest.day = recent;
        for (const m of made) if (m.day < created) m.day = created;
        for (const m of made) {
          const at = `${m.day}${m.at.slice(10)}`;
          m.row[4] = m.row[7] = m.at = at < createdAt ? createdAt : at;
        }
        // A recent latest follow-up often plans the next one (下次联系), some of them due by now.
        const planned = latest.day >= addDays(asOf, -30) && plans.chance(0.5) ? addDays(latest.day, plans.int(3, 21)) : null;
        for (const m of made) insertInteraction.run(...m.row, m === latest ? planned : null);
        totals.interactions += count;
      }
      const doc = buildSearchDoc({ kind, code, name, shortName, creditCode, taxpayerId: creditCode, mobile: ownMobile, phone, contacts });
      insertSearch.run(id, doc.names, doc.people, doc.tokens);
      totals.customers += 1;
      totals.contacts += contacts.length;
      totals.addresses += addressKinds.length;
    }
    db.exec(searchTrigger);
    db.exec("INSERT INTO customers_fts (customers_fts) VALUES ('rebuild')");
    return totals;
  });
  return run();
}
