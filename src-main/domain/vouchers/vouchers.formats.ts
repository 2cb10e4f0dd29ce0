/**
 * The voucher import formats of Chinese accounting software, column by column, as
 * /shared/reference/voucher-formats.md lists them. Kept as tables so a column can be corrected
 * without touching the export logic; the exports area's one file writer writes them.
 */
import { sameInEveryLanguage, type CellFormat, type CellValue, type ExportColumn, type ExportTable } from '../exports/exports.table';
import type { Voucher, VoucherLine } from './vouchers.dto';
import { voucherName } from './vouchers.generate';

/** A voucher as its file shows it, worked out once for all of its lines. */
export interface FileVoucher {
  voucher: Voucher;
  /** Counts the vouchers of the file from 1 (Kingdee's 序号). */
  sequence: number;
  year: number;
  month: number;
  preparedBy: string;
}

/** One line of a voucher as one row of a sheet. */
export interface VoucherRow {
  head: FileVoucher;
  line: VoucherLine;
}

type Cell = [header: string, format: CellFormat, value: (row: VoucherRow) => CellValue];

function table(machine: string, zh: string, cells: Cell[]): ExportTable<VoucherRow> {
  const columns: ExportColumn<VoucherRow>[] = cells.map(([header, format, value]) => ({ key: header, header: sameInEveryLanguage(header), format, value }));
  return { name: { machine, 'zh-CN': zh, en: zh, 'zh-TW': zh }, columns };
}

const amount = (row: VoucherRow) => row.line.debit + row.line.credit;

/** The last customers' 核算项目 text by code, with the name it was made from. */
const auxiliaryTexts = new Map<string, { name: string | null; text: string }>();
const AUXILIARY_TEXTS_KEPT = 50_000;

/**
 * 客户---C000123---南京博雅食品有限公司, made once per customer and then the same string: a month
 * names 20,000 customers on 100,000 lines, and a string made afresh for each line was hashed afresh
 * for the shared strings too.
 */
function auxiliaryItem(line: VoucherLine): string | null {
  const code = line.customerCode;
  if (!code) return null;
  const made = auxiliaryTexts.get(code);
  if (made && made.name === line.customerName) return made.text;
  if (auxiliaryTexts.size >= AUXILIARY_TEXTS_KEPT) auxiliaryTexts.clear();
  const text = `客户---${code}---${line.customerName ?? ''}`;
  auxiliaryTexts.set(code, { name: line.customerName, text });
  return text;
}
const month = (row: VoucherRow) => row.head.month;
const empty = () => null;

/** Kingdee K3 / KIS 标准格式凭证: 37 columns; the auxiliary item as 客户---code---name. */
export const KINGDEE_TABLE = table('kingdee-vouchers', '金蝶凭证', [
  ['凭证日期', 'date', (r) => r.head.voucher.date],
  ['会计年度', 'number', (r) => r.head.year],
  ['会计期间', 'number', month],
  ['凭证字', 'text', (r) => r.head.voucher.word],
  ['凭证号', 'number', (r) => r.head.voucher.number],
  ['科目代码', 'text', (r) => r.line.accountCode],
  ['科目名称', 'text', (r) => r.line.accountName],
  ['币别代码', 'text', () => 'RMB'],
  ['币别名称', 'text', () => '人民币'],
  ['原币金额', 'money', amount],
  ['借方', 'money', (r) => r.line.debit],
  ['贷方', 'money', (r) => r.line.credit],
  ['制单', 'text', (r) => r.head.preparedBy],
  ['审核', 'text', empty],
  ['核准', 'text', empty],
  ['出纳', 'text', empty],
  ['经办', 'text', empty],
  ['结算方式', 'text', empty],
  ['结算号', 'text', empty],
  ['凭证摘要', 'text', (r) => r.line.summary],
  ['数量', 'number', () => 0],
  ['数量单位', 'text', empty],
  ['单价', 'number', () => 0],
  ['参考信息', 'text', (r) => r.head.voucher.documentNo],
  ['业务日期', 'date', (r) => r.head.voucher.date],
  ['往来业务编号', 'text', (r) => (r.line.customerCode ? r.head.voucher.documentNo : null)],
  ['附件数', 'number', () => 0],
  ['序号', 'number', (r) => r.head.sequence],
  ['系统模块', 'text', empty],
  ['业务描述', 'text', empty],
  ['汇率类型', 'text', () => '公司汇率'],
  ['汇率', 'number', () => 1],
  ['分录序号', 'number', (r) => r.line.lineNo],
  ['核算项目', 'text', (r) => auxiliaryItem(r.line)],
  ['过账', 'number', () => 0],
  ['机制凭证', 'text', empty],
  ['现金流量', 'text', empty],
]);

/** Yonyou U8 Excel voucher import, shaped like GL_accvouch: 36 columns, the customer by its code. */
export const YONYOU_TABLE = table('yonyou-vouchers', '用友凭证', [
  ['会计期间', 'number', month],
  ['凭证类别字', 'text', (r) => r.head.voucher.word],
  ['凭证类别排序号', 'number', () => 1],
  ['凭证编号', 'number', (r) => r.head.voucher.number],
  ['行号', 'number', (r) => r.line.lineNo],
  ['制单日期', 'date', (r) => r.head.voucher.date],
  ['附单据数', 'number', () => 0],
  ['制单人', 'text', (r) => r.head.preparedBy],
  ['审核人', 'text', empty],
  ['记账人', 'text', empty],
  ['记账标志', 'text', empty],
  ['出纳人', 'text', empty],
  ['凭证标志', 'text', empty],
  ['凭证头自定义项1', 'text', (r) => r.head.voucher.documentNo],
  ['凭证头自定义项2', 'text', empty],
  ['摘要', 'text', (r) => r.line.summary],
  ['科目编码', 'text', (r) => r.line.accountCode],
  ['币种', 'text', () => '人民币'],
  ['借方金额', 'money', (r) => r.line.debit],
  ['贷方金额', 'money', (r) => r.line.credit],
  ['外币借方金额', 'money', () => 0],
  ['外币贷方金额', 'money', () => 0],
  ['汇率', 'number', () => 1],
  ['数量借方', 'number', () => 0],
  ['数量贷方', 'number', () => 0],
  ['结算方式编码', 'text', empty],
  ['票号', 'text', empty],
  ['票号发生日期', 'date', empty],
  ['部门编码', 'text', empty],
  ['职员编码', 'text', empty],
  ['客户编码', 'text', (r) => r.line.customerCode],
  ['供应商编码', 'text', empty],
  ['项目编码', 'text', empty],
  ['项目大类编码', 'text', empty],
  ['业务员', 'text', empty],
  ['对方科目编码', 'text', empty],
]);

/** Generic CSV for any tool: snake_case headers, money as yuan text. */
export const CSV_TABLE: ExportTable<VoucherRow> = {
  name: { machine: 'vouchers', 'zh-CN': '记账凭证', en: 'vouchers', 'zh-TW': '記帳憑證' },
  columns: (
    [
      ['date', 'date', (r) => r.head.voucher.date],
      ['period', 'text', (r) => r.head.voucher.period],
      ['voucher', 'text', (r) => voucherName(r.head.voucher)],
      ['line_no', 'number', (r) => r.line.lineNo],
      ['summary', 'text', (r) => r.line.summary],
      ['account_code', 'text', (r) => r.line.accountCode],
      ['account_name', 'text', (r) => r.line.accountName],
      ['debit', 'money', (r) => r.line.debit],
      ['credit', 'money', (r) => r.line.credit],
      ['customer_code', 'text', (r) => r.line.customerCode],
      ['customer_name', 'text', (r) => r.line.customerName],
      ['source', 'text', (r) => r.head.voucher.source],
      ['document_no', 'text', (r) => r.head.voucher.documentNo],
    ] satisfies Cell[]
  ).map(([key, format, value]) => ({ key, header: sameInEveryLanguage(key), format, value })),
};

/** hledger account names: a colon would start a sub-account, two spaces or a tab would end the name. */
function accountPart(text: string): string {
  return text.replace(/:/g, '：').replace(/[;\t]/g, ' ').replace(/\s{2,}/g, ' ').trim();
}

function hledgerAccount(line: VoucherLine): string {
  const account = accountPart(`${line.accountCode} ${line.accountName}`);
  return line.customerCode ? `${account}:${accountPart(`${line.customerCode} ${line.customerName ?? ''}`)}` : account;
}

function cny(fen: number): string {
  const abs = Math.abs(fen);
  return `CNY ${fen < 0 ? '-' : ''}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/** An hledger journal: one transaction per voucher, every account declared, amounts in CNY with 2 decimals. */
export function hledgerJournal(vouchers: readonly Voucher[]): string {
  const accounts = new Set<string>();
  const transactions = vouchers.map((voucher) => {
    const postings = voucher.lines.map((line) => {
      const account = hledgerAccount(line);
      accounts.add(account);
      return `    ${account}  ${cny(line.debit - line.credit)}`;
    });
    return `${voucher.date} (${voucher.period}) ${voucherName(voucher)} ${accountPart(voucher.summary)}\n${postings.join('\n')}\n`;
  });
  const declarations = [...accounts].sort().map((a) => `account ${a}`);
  return ['; Desk ERP vouchers (记账凭证)', 'commodity CNY 1000.00', ...declarations, '', ...transactions].join('\n');
}
