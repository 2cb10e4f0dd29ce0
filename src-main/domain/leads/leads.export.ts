/**
 * The leads and campaigns lists as files (线索, 营销活动): their columns, and the words a person
 * reads in each UI language.
 * Runtime-neutral. The words repeat the renderer's catalog (features/leads/messages.*.ts), which
 * the backend cannot import; exports.labels.test.ts checks that they agree.
 */
import type { Locale } from '../auth/auth.contract';
import { codeLabels, columnsWorded, localised, type ExportTable } from '../exports/exports.table';
import type { Campaign, LeadRow } from './leads.contract';
import type { OpportunityCard, OpportunityStage } from './leads.dto';
import { roundHalfUp } from '../core/money';

export const LEAD_EXPORT_WORDS = {
  'zh-CN': {
    file: '线索',
    field: {
      code: '线索编号',
      name: '联系人',
      company: '公司名称',
      title: '职务',
      mobile: '手机号',
      email: '邮箱',
      source: '来源渠道',
      campaign: '营销活动',
      status: '状态',
      owner: '负责人',
      notes: '备注',
      createdAt: '创建时间',
      lastContactedAt: '最近跟进',
      lostReason: '无效原因',
      customer: '转化客户',
    },
    status: { new: '待跟进', contacted: '跟进中', qualified: '有效线索', converted: '已转客户', lost: '无效线索' },
  },
  en: {
    file: 'Leads',
    field: {
      code: 'Lead no.',
      name: 'Contact',
      company: 'Company',
      title: 'Job title',
      mobile: 'Mobile',
      email: 'Email',
      source: 'Channel',
      campaign: 'Campaign',
      status: 'Status',
      owner: 'Owner',
      notes: 'Notes',
      createdAt: 'Created',
      lastContactedAt: 'Last follow-up',
      lostReason: 'Reason lost',
      customer: 'Customer',
    },
    status: { new: 'New', contacted: 'Contacted', qualified: 'Qualified', converted: 'Converted', lost: 'Lost' },
  },
  'zh-TW': {
    file: '線索',
    field: {
      code: '線索編號',
      name: '聯絡人',
      company: '公司名稱',
      title: '職務',
      mobile: '手機號碼',
      email: '電子郵件',
      source: '來源通路',
      campaign: '行銷活動',
      status: '狀態',
      owner: '負責人',
      notes: '備註',
      createdAt: '建立時間',
      lastContactedAt: '最近跟進',
      lostReason: '無效原因',
      customer: '轉化客戶',
    },
    status: { new: '待跟進', contacted: '跟進中', qualified: '有效線索', converted: '已轉客戶', lost: '無效線索' },
  },
} satisfies Record<Locale, { file: string; field: Record<string, string>; status: Record<string, string> }>;

const column = columnsWorded<(typeof LEAD_EXPORT_WORDS)['zh-CN'], LeadRow>(LEAD_EXPORT_WORDS);

export const leadExportTable: ExportTable<LeadRow> = {
  name: { machine: 'leads', ...localised(LEAD_EXPORT_WORDS, (w) => w.file) },
  columns: [
    column('lead_code', (w) => w.field.code, 'text', (l) => l.code),
    column('name', (w) => w.field.name, 'text', (l) => l.name),
    column('title', (w) => w.field.title, 'text', (l) => l.title),
    column('company', (w) => w.field.company, 'text', (l) => l.company),
    column('mobile', (w) => w.field.mobile, 'text', (l) => l.mobile),
    column('email', (w) => w.field.email, 'text', (l) => l.email),
    column('source', (w) => w.field.source, 'text', (l) => l.source),
    column('campaign', (w) => w.field.campaign, 'text', (l) => l.campaignName),
    column('status', (w) => w.field.status, codeLabels(LEAD_EXPORT_WORDS, (w) => w.status), (l) => l.status),
    column('lost_reason', (w) => w.field.lostReason, 'text', (l) => l.lostReason),
    column('owner', (w) => w.field.owner, 'text', (l) => l.ownerName),
    column('customer_code', (w) => w.field.customer, 'text', (l) => l.customerCode),
    column('last_contacted_at', (w) => w.field.lastContactedAt, 'datetime', (l) => l.lastContactedAt),
    column('created_at', (w) => w.field.createdAt, 'datetime', (l) => l.createdAt),
  ],
};

export const CAMPAIGN_EXPORT_WORDS = {
  'zh-CN': {
    campaignFile: '营销活动',
    campaign: {
      name: '活动名称',
      channel: '渠道',
      startDate: '开始日期',
      endDate: '结束日期',
      status: '状态',
      cost: '活动费用',
      leads: '线索数',
      converted: '转化客户',
      costPerLead: '单条线索成本',
      notes: '备注',
    },
    campaignStatus: { planned: '计划中', running: '进行中', ended: '已结束', cancelled: '已取消' },
  },
  en: {
    campaignFile: 'Campaigns',
    campaign: {
      name: 'Name',
      channel: 'Channel',
      startDate: 'Start date',
      endDate: 'End date',
      status: 'Status',
      cost: 'Cost',
      leads: 'Leads',
      converted: 'Converted',
      costPerLead: 'Cost per lead',
      notes: 'Notes',
    },
    campaignStatus: { planned: 'Planned', running: 'Running', ended: 'Ended', cancelled: 'Cancelled' },
  },
  'zh-TW': {
    campaignFile: '行銷活動',
    campaign: {
      name: '活動名稱',
      channel: '通路',
      startDate: '開始日期',
      endDate: '結束日期',
      status: '狀態',
      cost: '活動費用',
      leads: '線索數',
      converted: '轉化客戶',
      costPerLead: '單條線索成本',
      notes: '備註',
    },
    campaignStatus: { planned: '計劃中', running: '進行中', ended: '已結束', cancelled: '已取消' },
  },
} satisfies Record<Locale, { campaignFile: string; campaign: Record<string, string>; campaignStatus: Record<string, string> }>;

const campaignColumn = columnsWorded<(typeof CAMPAIGN_EXPORT_WORDS)['zh-CN'], Campaign>(CAMPAIGN_EXPORT_WORDS);

export const campaignExportTable: ExportTable<Campaign> = {
  name: { machine: 'campaigns', ...localised(CAMPAIGN_EXPORT_WORDS, (w) => w.campaignFile) },
  columns: [
    campaignColumn('name', (w) => w.campaign.name, 'text', (c) => c.name),
    campaignColumn('channel', (w) => w.campaign.channel, 'text', (c) => c.channel),
    campaignColumn('start_date', (w) => w.campaign.startDate, 'date', (c) => c.startDate),
    campaignColumn('end_date', (w) => w.campaign.endDate, 'date', (c) => c.endDate),
    campaignColumn('status', (w) => w.campaign.status, codeLabels(CAMPAIGN_EXPORT_WORDS, (w) => w.campaignStatus), (c) => c.status),
    campaignColumn('cost', (w) => w.campaign.cost, 'money', (c) => c.cost),
    campaignColumn('leads', (w) => w.campaign.leads, 'number', (c) => c.leadCount),
    campaignColumn('converted', (w) => w.campaign.converted, 'number', (c) => c.convertedCount),
    // Rounded half-up to the fen, as the screen shows it.
    campaignColumn('cost_per_lead', (w) => w.campaign.costPerLead, 'money', (c) => (c.leadCount ? roundHalfUp(c.cost, c.leadCount) : null)),
    campaignColumn('notes', (w) => w.campaign.notes, 'text', (c) => c.notes),
  ],
};

/** The deals (商机) as a file: a customer's deals tab, or any list of them, with their pipeline figures. */
export const OPPORTUNITY_EXPORT_WORDS = {
  'zh-CN': {
    file: '商机',
    field: {
      title: '商机名称',
      party: '客户',
      stage: '阶段',
      expectedAmount: '预计成交金额（元）',
      probability: '赢率（%）',
      weighted: '加权',
      expectedCloseDate: '预计成交日期',
      owner: '负责人',
      lostReason: '输单原因',
    },
    stage: { contact: '初步接洽', needs: '需求确认', proposal: '方案报价', negotiation: '谈判', won: '赢单', lost: '输单' },
  },
  en: {
    file: 'Deals',
    field: {
      title: 'Title',
      party: 'Customer',
      stage: 'Stage',
      expectedAmount: 'Expected amount (CNY)',
      probability: 'Probability (%)',
      weighted: 'Weighted',
      expectedCloseDate: 'Expected close date',
      owner: 'Owner',
      lostReason: 'Why it was lost',
    },
    stage: { contact: 'First contact', needs: 'Discovery', proposal: 'Proposal', negotiation: 'Negotiation', won: 'Won', lost: 'Lost' },
  },
  'zh-TW': {
    file: '商機',
    field: {
      title: '商機名稱',
      party: '客戶',
      stage: '階段',
      expectedAmount: '預計成交金額（元）',
      probability: '贏率（%）',
      weighted: '加權',
      expectedCloseDate: '預計成交日期',
      owner: '負責人',
      lostReason: '輸單原因',
    },
    stage: { contact: '初步接洽', needs: '需求確認', proposal: '方案報價', negotiation: '談判', won: '贏單', lost: '輸單' },
  },
} satisfies Record<Locale, { file: string; field: Record<string, string>; stage: Record<OpportunityStage, string> }>;

const opportunityColumn = columnsWorded<(typeof OPPORTUNITY_EXPORT_WORDS)['zh-CN'], OpportunityCard>(OPPORTUNITY_EXPORT_WORDS);

export const opportunityExportTable: ExportTable<OpportunityCard> = {
  name: { machine: 'opportunities', ...localised(OPPORTUNITY_EXPORT_WORDS, (w) => w.file) },
  columns: [
    opportunityColumn('title', (w) => w.field.title, 'text', (o) => o.title),
    opportunityColumn('party', (w) => w.field.party, 'text', (o) => o.partyName),
    opportunityColumn('stage', (w) => w.field.stage, codeLabels(OPPORTUNITY_EXPORT_WORDS, (w) => w.stage), (o) => o.stage),
    opportunityColumn('expected_amount', (w) => w.field.expectedAmount, 'money', (o) => o.expectedAmount),
    opportunityColumn('probability', (w) => w.field.probability, 'number', (o) => o.probability),
    opportunityColumn('weighted_amount', (w) => w.field.weighted, 'money', (o) => o.weightedAmount),
    opportunityColumn('expected_close_date', (w) => w.field.expectedCloseDate, 'date', (o) => o.expectedCloseDate),
    opportunityColumn('owner', (w) => w.field.owner, 'text', (o) => o.ownerName),
    opportunityColumn('lost_reason', (w) => w.field.lostReason, 'text', (o) => o.lostReason),
  ],
};
