/**
 * The customer list as a file (客户档案): its columns, and the words a person reads in each UI
 * language. Headers for people are the import template's (imports.field), so an exported file
 * imports back; for tools they are the snake_case keys. Runtime-neutral. The words repeat the
 * renderer's catalogs, which the backend cannot import; exports.labels.test.ts checks that they agree.
 */
import type { Locale } from '../auth/auth.contract';
import { codeLabels, columnsWorded, localised, sameInEveryLanguage, type CellFormat, type ExportColumn, type ExportTable } from '../exports/exports.table';
import type { CustomFieldDef, CustomFieldValue } from './customers.dto';

export const CUSTOMER_EXPORT_WORDS = {
  'zh-CN': {
    file: '客户档案',
    field: {
      code: '客户编码',
      name: '客户名称',
      shortName: '简称',
      kind: '类型',
      creditCode: '统一社会信用代码',
      mobile: '客户手机',
      phone: '公司电话',
      email: '公司邮箱',
      province: '省份',
      city: '城市',
      district: '区县',
      industry: '行业',
      size: '规模',
      source: '客户来源',
      tier: '等级',
      owner: '业务员',
      tags: '标签',
      creditLimit: '信用额度（元）',
      paymentTermsDays: '账期（天）',
      cooperationSince: '合作开始日期',
      birthday: '生日',
      invoiceTitle: '开票抬头',
      taxpayerId: '开票税号',
      bankName: '开户银行',
      bankAccount: '银行账号',
      registeredAddress: '注册地址',
      registeredPhone: '注册电话',
      notes: '备注',
      contactName: '联系人',
      contactTitle: '职务',
      contactMobile: '联系人手机',
      contactPhone: '联系人电话',
      contactEmail: '联系人邮箱',
      contactWechat: '微信',
      contactBirthday: '联系人生日',
      addressDetail: '详细地址',
      postcode: '邮编',
    },
    listField: { status: '状态', lifecycleStage: '客户阶段', createdAt: '建档时间' },
    kind: { company: '企业', individual: '个人' },
    size: { micro: '微型', small: '小型', medium: '中型', large: '大型' },
    status: { active: '正常', archived: '已归档' },
    stage: { lead: '线索', prospect: '潜在客户', new: '新客户', active: '活跃客户', loyal: '忠实客户', at_risk: '流失风险', churned: '已流失', won_back: '已挽回' },
  },
  en: {
    file: 'customers',
    field: {
      code: 'Customer code',
      name: 'Customer name',
      shortName: 'Short name',
      kind: 'Type',
      creditCode: 'Credit code',
      mobile: 'Mobile',
      phone: 'Phone',
      email: 'Email',
      province: 'Province',
      city: 'City',
      district: 'District',
      industry: 'Industry',
      size: 'Size',
      source: 'Source',
      tier: 'Tier',
      owner: 'Owner',
      tags: 'Tags',
      creditLimit: 'Credit limit (yuan)',
      paymentTermsDays: 'Payment terms (days)',
      cooperationSince: 'Customer since',
      birthday: 'Birthday',
      invoiceTitle: 'Invoice title',
      taxpayerId: 'Taxpayer ID',
      bankName: 'Bank',
      bankAccount: 'Bank account',
      registeredAddress: 'Registered address',
      registeredPhone: 'Registered phone',
      notes: 'Notes',
      contactName: 'Contact',
      contactTitle: 'Job title',
      contactMobile: 'Contact mobile',
      contactPhone: 'Contact phone',
      contactEmail: 'Contact email',
      contactWechat: 'WeChat',
      contactBirthday: 'Contact birthday',
      addressDetail: 'Address',
      postcode: 'Postcode',
    },
    listField: { status: 'Status', lifecycleStage: 'Stage', createdAt: 'Created' },
    kind: { company: 'Company', individual: 'Individual' },
    size: { micro: 'Micro', small: 'Small', medium: 'Medium', large: 'Large' },
    status: { active: 'Active', archived: 'Archived' },
    stage: {
      lead: 'Lead',
      prospect: 'Prospect',
      new: 'New',
      active: 'Active',
      loyal: 'Loyal',
      at_risk: 'At risk',
      churned: 'Churned',
      won_back: 'Won back',
    },
  },
  'zh-TW': {
    file: '客戶檔案',
    field: {
      code: '客戶編碼',
      name: '客戶名稱',
      shortName: '簡稱',
      kind: '類型',
      creditCode: '統一社會信用代碼',
      mobile: '客戶手機',
      phone: '公司電話',
      email: '公司電子郵件',
      province: '省份',
      city: '城市',
      district: '區縣',
      industry: '行業',
      size: '規模',
      source: '客戶來源',
      tier: '等級',
      owner: '業務員',
      tags: '標籤',
      creditLimit: '信用額度（元）',
      paymentTermsDays: '帳期（天）',
      cooperationSince: '合作開始日期',
      birthday: '生日',
      invoiceTitle: '開票抬頭',
      taxpayerId: '開票稅號',
      bankName: '開戶銀行',
      bankAccount: '銀行帳號',
      registeredAddress: '註冊地址',
      registeredPhone: '註冊電話',
      notes: '備註',
      contactName: '聯絡人',
      contactTitle: '職務',
      contactMobile: '聯絡人手機',
      contactPhone: '聯絡人電話',
      contactEmail: '聯絡人電子郵件',
      contactWechat: '微信',
      contactBirthday: '聯絡人生日',
      addressDetail: '詳細地址',
      postcode: '郵遞區號',
    },
    listField: { status: '狀態', lifecycleStage: '客戶階段', createdAt: '建檔時間' },
    kind: { company: '企業', individual: '個人' },
    size: { micro: '微型', small: '小型', medium: '中型', large: '大型' },
    status: { active: '正常', archived: '已歸檔' },
    stage: { lead: '線索', prospect: '潛在客戶', new: '新客戶', active: '活躍客戶', loyal: '忠實客戶', at_risk: '流失風險', churned: '已流失', won_back: '已挽回' },
  },
} satisfies Record<
  Locale,
  { file: string; field: Record<string, string>; listField: Record<string, string>; kind: Record<string, string>; size: Record<string, string>; status: Record<string, string>; stage: Record<string, string> }
>;

/** A customer with its primary contact and main address, as the export reads it. Money in fen. */
export interface CustomerExportRow {
  code: string;
  name: string;
  shortName: string | null;
  kind: string;
  creditCode: string | null;
  industry: string | null;
  size: string | null;
  source: string | null;
  tier: string | null;
  ownerName: string | null;
  tagNames: string | null;
  mobile: string | null;
  phone: string | null;
  email: string | null;
  province: string | null;
  city: string | null;
  district: string | null;
  address: string | null;
  postcode: string | null;
  contactName: string | null;
  contactTitle: string | null;
  contactMobile: string | null;
  contactPhone: string | null;
  contactEmail: string | null;
  contactWechat: string | null;
  contactBirthday: string | null;
  creditLimit: number | null;
  paymentTermsDays: number;
  cooperationSince: string | null;
  birthday: string | null;
  invoiceTitle: string | null;
  taxpayerId: string | null;
  bankName: string | null;
  bankAccount: string | null;
  registeredAddress: string | null;
  registeredPhone: string | null;
  notes: string | null;
  status: string;
  lifecycleStage: string;
  createdAt: string;
  customFields: Record<string, CustomFieldValue>;
}

type Row = CustomerExportRow;

const column = columnsWorded<(typeof CUSTOMER_EXPORT_WORDS)['zh-CN'], Row>(CUSTOMER_EXPORT_WORDS);

const COLUMNS: ExportColumn<Row>[] = [
  column('customer_code', (w) => w.field.code, 'text', (r) => r.code),
  column('name', (w) => w.field.name, 'text', (r) => r.name),
  column('short_name', (w) => w.field.shortName, 'text', (r) => r.shortName),
  column('kind', (w) => w.field.kind, codeLabels(CUSTOMER_EXPORT_WORDS, (w) => w.kind), (r) => r.kind),
  column('credit_code', (w) => w.field.creditCode, 'text', (r) => r.creditCode),
  column('industry', (w) => w.field.industry, 'text', (r) => r.industry),
  column('size', (w) => w.field.size, codeLabels(CUSTOMER_EXPORT_WORDS, (w) => w.size), (r) => r.size),
  column('source', (w) => w.field.source, 'text', (r) => r.source),
  column('tier', (w) => w.field.tier, 'text', (r) => r.tier),
  column('owner', (w) => w.field.owner, 'text', (r) => r.ownerName),
  column('tags', (w) => w.field.tags, 'text', (r) => r.tagNames),
  column('mobile', (w) => w.field.mobile, 'text', (r) => r.mobile),
  column('phone', (w) => w.field.phone, 'text', (r) => r.phone),
  column('email', (w) => w.field.email, 'text', (r) => r.email),
  column('province', (w) => w.field.province, 'text', (r) => r.province),
  column('city', (w) => w.field.city, 'text', (r) => r.city),
  column('district', (w) => w.field.district, 'text', (r) => r.district),
  column('address', (w) => w.field.addressDetail, 'text', (r) => r.address),
  column('postcode', (w) => w.field.postcode, 'text', (r) => r.postcode),
  column('primary_contact', (w) => w.field.contactName, 'text', (r) => r.contactName),
  column('contact_title', (w) => w.field.contactTitle, 'text', (r) => r.contactTitle),
  column('contact_mobile', (w) => w.field.contactMobile, 'text', (r) => r.contactMobile),
  column('contact_phone', (w) => w.field.contactPhone, 'text', (r) => r.contactPhone),
  column('contact_email', (w) => w.field.contactEmail, 'text', (r) => r.contactEmail),
  column('contact_wechat', (w) => w.field.contactWechat, 'text', (r) => r.contactWechat),
  column('contact_birthday', (w) => w.field.contactBirthday, 'date', (r) => r.contactBirthday),
  column('credit_limit', (w) => w.field.creditLimit, 'money', (r) => r.creditLimit),
  column('payment_terms_days', (w) => w.field.paymentTermsDays, 'number', (r) => r.paymentTermsDays),
  column('cooperation_since', (w) => w.field.cooperationSince, 'date', (r) => r.cooperationSince),
  column('birthday', (w) => w.field.birthday, 'date', (r) => r.birthday),
  column('invoice_title', (w) => w.field.invoiceTitle, 'text', (r) => r.invoiceTitle),
  column('taxpayer_id', (w) => w.field.taxpayerId, 'text', (r) => r.taxpayerId),
  column('bank_name', (w) => w.field.bankName, 'text', (r) => r.bankName),
  column('bank_account', (w) => w.field.bankAccount, 'text', (r) => r.bankAccount),
  column('registered_address', (w) => w.field.registeredAddress, 'text', (r) => r.registeredAddress),
  column('registered_phone', (w) => w.field.registeredPhone, 'text', (r) => r.registeredPhone),
  column('notes', (w) => w.field.notes, 'text', (r) => r.notes),
  column('status', (w) => w.listField.status, codeLabels(CUSTOMER_EXPORT_WORDS, (w) => w.status), (r) => r.status),
  column('lifecycle_stage', (w) => w.listField.lifecycleStage, codeLabels(CUSTOMER_EXPORT_WORDS, (w) => w.stage), (r) => r.lifecycleStage),
  column('created_at', (w) => w.listField.createdAt, 'datetime', (r) => r.createdAt),
];

const CUSTOM_FORMAT: Record<CustomFieldDef['type'], CellFormat> = { text: 'text', choice: 'text', number: 'number', date: 'date' };

/** The customer columns, then one per active custom field (headed by its own label, `custom_<key>` for tools). */
export function customerExportTable(customFields: Pick<CustomFieldDef, 'key' | 'label' | 'type'>[]): ExportTable<Row> {
  return {
    name: { machine: 'customers', ...localised(CUSTOMER_EXPORT_WORDS, (w) => w.file) },
    columns: [
      ...COLUMNS,
      ...customFields.map((def) => ({
        key: `custom_${def.key}`,
        header: sameInEveryLanguage(def.label),
        format: CUSTOM_FORMAT[def.type],
        value: (r: Row) => r.customFields[def.key],
      })),
    ],
  };
}
