import { aMobile } from '../customers/customers.test-helpers';
import type { CampaignInput, LeadCreateInput } from './leads.contract';

let leadCounter = 0;
const COMPANIES = ['苏州恒通建材有限公司', '杭州嘉禾贸易有限公司', '成都鑫隆餐饮管理有限公司', '厦门瑞丰电子科技有限公司', '武汉宏达物流有限公司'];

/** A lead with a person, a distinct company and a valid mobile; override what the test is about. */
export function aLead(overrides: Partial<LeadCreateInput> = {}): LeadCreateInput {
  leadCounter += 1;
  const base = COMPANIES[leadCounter % COMPANIES.length]!;
  return {
    name: '陈静',
    title: '采购经理',
    company: base.replace('有限公司', `${leadCounter}号有限公司`),
    mobile: aMobile(),
    source: '官网',
    ...overrides,
  };
}

export function aCampaign(overrides: Partial<CampaignInput> = {}): CampaignInput {
  return { name: '2026 春季百度推广', channel: '百度推广', startDate: '2026-03-01', endDate: '2026-03-31', cost: 1_000_000, status: 'running', ...overrides };
}
