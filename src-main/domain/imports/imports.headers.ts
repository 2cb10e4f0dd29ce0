/**
 * Which customer field a spreadsheet column holds, from its header: Chinese and English names and
 * the headers of common Chinese software (用友, 金蝶, 管家婆 exports) and of our own export.
 */
import { AppError } from '../../api/errors';
import { fieldIssue, type FieldIssue } from '../../api/issues';
import { toHalfWidth } from '../shared/text';
import type { ImportField, ImportTarget } from './imports.contract';
import { columnLetter, FILE_FIELD } from './imports.limits';

// Traditional characters that occur in these headers, so a zh-TW sheet maps too.
const TRADITIONAL = '戶稱編碼聯繫電話號機郵簡稅別類額帳賬銀開頭註冊區縣標籤業務員負責備來規級會詳細統識納遞貿價簽絡數證網單稱鄉鎮廳處詢項';
const SIMPLIFIED = '户称编码联系电话号机邮简税别类额账账银开头注册区县标签业务员负责备来规级会详细统识纳递贸价签络数证网单称乡镇厅处询项';

const TRADITIONAL_CHAR = new RegExp(`[${TRADITIONAL}]`, 'g');

/** Half-width, lower case, simplified, without spaces, marks (*必填) or a bracketed unit: 信用额度（元） → 信用额度. */
export function normaliseHeader(header: string): string {
  let text = toHalfWidth(header).toLowerCase();
  text = text.replace(TRADITIONAL_CHAR, (c) => SIMPLIFIED[TRADITIONAL.indexOf(c)]!);
  return text
    .replace(/[(（[【][^)）\]】]*[)）\]】]/g, '')
    .replace(/[\s*:：_\-.·#/\\'"]/g, '');
}

/** Field → headers that mean it (any spelling; they are normalised before use). */
const SYNONYMS: Record<ImportField, string[]> = {
  code: ['客户编码', '客户编号', '客户代码', '客户号', '编码', '编号', '代码', 'code', 'customer code', 'customer_code', 'customer no', 'customer id'],
  name: ['客户名称', '客户全称', '客户名', '客户', '名称', '全称', '公司', '公司名称', '公司全称', '单位名称', '企业名称', '往来单位', '往来单位名称', 'name', 'customer', 'customer name', 'company', 'company name'],
  shortName: ['简称', '客户简称', '公司简称', '单位简称', 'short name', 'short_name', 'abbreviation'],
  kind: ['类型', '客户类型', '客户性质', '类别', 'kind', 'type', 'customer type'],
  creditCode: ['统一社会信用代码', '社会信用代码', '信用代码', '税号', '纳税人识别号', '纳税识别号', '企业税号', 'credit code', 'credit_code', 'uscc', 'tax id', 'tax no'],
  mobile: ['手机', '手机号', '手机号码', '移动电话', '客户手机', 'mobile', 'mobile phone', 'cell', 'cellphone'],
  phone: ['电话', '固定电话', '座机', '联系电话', '办公电话', '公司电话', 'phone', 'telephone', 'tel'],
  email: ['邮箱', '电子邮件', '电子邮箱', '邮件', '公司邮箱', '公司电子邮件', 'email', 'e-mail', 'mail'],
  province: ['省', '省份', '所在省份', '省/直辖市', 'province', 'state'],
  city: ['市', '城市', '所在城市', '地市', 'city'],
  district: ['区', '区县', '县区', '区/县', '所在区县', 'district', 'county'],
  industry: ['行业', '所属行业', '行业类别', 'industry'],
  size: ['规模', '企业规模', '公司规模', 'size', 'company size'],
  source: ['客户来源', '来源', '来源渠道', '获客渠道', '渠道', 'source', 'source channel', 'channel'],
  tier: ['等级', '客户等级', '会员等级', '级别', '客户级别', 'tier', 'level', 'member tier', 'grade'],
  owner: ['负责人', '业务员', '销售', '销售员', '客户经理', '跟进人', '归属人', '专管业务员', 'owner', 'salesperson', 'sales rep', 'account manager'],
  tags: ['标签', '客户标签', 'tags', 'tag', 'labels'],
  creditLimit: ['信用额度', '授信额度', '信用额', 'credit limit', 'credit_limit'],
  paymentTermsDays: ['账期', '账期天数', '付款天数', '付款期限', '信用天数', '收款期限', 'payment terms', 'payment terms days', 'payment_terms_days', 'terms'],
  cooperationSince: ['合作开始日期', '合作日期', '开始合作日期', '合作时间', '建档日期', 'cooperation since', 'cooperation_since', 'customer since'],
  birthday: ['生日', '出生日期', '客户生日', 'birthday', 'date of birth', 'dob'],
  invoiceTitle: ['开票抬头', '发票抬头', '开票名称', 'invoice title', 'invoice_title'],
  taxpayerId: ['开票税号', '发票税号', 'taxpayer id', 'taxpayer_id', 'vat no'],
  bankName: ['开户银行', '开户行', '银行', '开户银行名称', 'bank', 'bank name', 'bank_name'],
  bankAccount: ['银行账号', '账号', '银行帐号', '开户账号', '银行账户', 'bank account', 'bank_account', 'account no'],
  registeredAddress: ['注册地址', '开票地址', 'registered address', 'registered_address'],
  registeredPhone: ['注册电话', '开票电话', 'registered phone', 'registered_phone'],
  notes: ['备注', '说明', '附注', 'notes', 'note', 'remark', 'remarks', 'comment'],
  contactName: ['联系人', '联络人', '联系人姓名', '主要联系人', '首要联系人', '联系人名称', 'contact', 'contact name', 'primary contact', 'primary_contact'],
  contactTitle: ['职务', '职位', '联系人职务', '联系人职位', '岗位', 'title', 'job title', 'contact title', 'contact_title', 'position'],
  contactMobile: ['联系人手机', '联络人手机', '联系人手机号', '联系人手机号码', 'contact mobile', 'contact_mobile'],
  contactPhone: ['联系人电话', '联络人电话', '联系人座机', 'contact phone', 'contact_phone'],
  contactEmail: ['联系人邮箱', '联络人邮箱', '联系人电子邮件', '联络人电子邮件', 'contact email', 'contact_email'],
  contactWechat: ['微信', '微信号', '联系人微信', 'wechat', 'wechat id', 'weixin', 'contact wechat', 'contact_wechat'],
  contactBirthday: ['联系人生日', '联络人生日', 'contact birthday', 'contact_birthday'],
  addressDetail: ['地址', '详细地址', '联系地址', '通讯地址', '收货地址', '送货地址', '公司地址', '办公地址', '街道地址', 'address', 'street', 'address detail'],
  postcode: ['邮编', '邮政编码', '邮递区号', 'postcode', 'zip', 'zip code', 'postal code'],
};

/** Headers that say "a person's name": the customer's name when there is no other, else the contact's. */
const PERSON_NAME = new Set(['姓名', '名字', '客户姓名', 'full name', 'person']);

const BY_HEADER = new Map<string, ImportField>();
for (const [field, headers] of Object.entries(SYNONYMS) as [ImportField, string[]][]) {
  for (const header of headers) BY_HEADER.set(normaliseHeader(header), field);
}
const PERSON_HEADERS = new Set([...PERSON_NAME].map(normaliseHeader));

/** True when a header names a known field: used to find the header row under a title line. */
export function isKnownHeader(header: string): boolean {
  const key = normaliseHeader(header);
  return BY_HEADER.has(key) || PERSON_HEADERS.has(key);
}

/**
 * The column → field mapping a header row suggests. Each field is taken once (the first column
 * wins); custom fields match by label or by `custom_<key>` (our export). When the sheet has a
 * contact column, a bare 手机/电话/邮箱 is the contact's, as in the usual Chinese customer list.
 */
export function suggestMapping(headers: string[], customFields: { key: string; label: string }[] = []): (ImportTarget | null)[] {
  const taken = new Set<string>();
  const mapping: (ImportTarget | null)[] = headers.map(() => null);
  const customByHeader = new Map<string, ImportTarget>();
  for (const def of customFields) {
    customByHeader.set(normaliseHeader(def.label), `custom.${def.key}`);
    customByHeader.set(normaliseHeader(`custom_${def.key}`), `custom.${def.key}`);
  }
  headers.forEach((header, i) => {
    const key = normaliseHeader(header);
    const target = BY_HEADER.get(key) ?? customByHeader.get(key);
    if (target && !taken.has(target)) {
      mapping[i] = target;
      taken.add(target);
    }
  });
  headers.forEach((header, i) => {
    if (mapping[i] || !PERSON_HEADERS.has(normaliseHeader(header))) return;
    const target = !taken.has('name') ? 'name' : !taken.has('contactName') ? 'contactName' : null;
    if (target) {
      mapping[i] = target;
      taken.add(target);
    }
  });
  if (taken.has('contactName')) {
    const moves: [ImportField, ImportField][] = [
      ['mobile', 'contactMobile'],
      ['phone', 'contactPhone'],
      ['email', 'contactEmail'],
    ];
    for (const [own, contacts] of moves) {
      const i = mapping.indexOf(own);
      if (i >= 0 && !taken.has(contacts)) {
        mapping[i] = contacts;
        taken.add(contacts);
      }
    }
  }
  return mapping;
}

/**
 * Two columns under one header (手机 twice, or 手机 and 手機) leave it to chance which one is
 * imported; the file is refused, naming the header and its columns, until one is renamed.
 */
export function refuseDuplicateHeaders(headers: string[], line: number): void {
  const columnsByHeader = new Map<string, number[]>();
  headers.forEach((header, i) => {
    const key = normaliseHeader(header);
    if (key) columnsByHeader.set(key, [...(columnsByHeader.get(key) ?? []), i]);
  });
  const issues: FieldIssue[] = [];
  const messages: string[] = [];
  for (const columns of columnsByHeader.values()) {
    if (columns.length < 2) continue;
    const header = headers[columns[0]!]!;
    const letters = columns.map((i) => columnLetter(i + 1));
    issues.push(fieldIssue(FILE_FIELD, 'duplicate_header', { header, columns: letters, line }));
    messages.push(`Line ${line}: the header "${header}" appears in columns ${letters.join(', ')}; rename or remove all but one`);
  }
  if (issues.length > 0) throw new AppError('VALIDATION', messages.join('; '), issues);
}
