/**
 * A bank statement (银行流水) as the banks' online banking exports it: title lines, then a header
 * row (交易日期 / 对方户名 / 贷方金额 / 摘要 …), then one row per transaction. Only money coming in
 * becomes a line; payments out (借方, a negative amount) are counted and left out.
 */
import { fieldIssue, type FieldIssue } from '../../api/issues';
import { normaliseHeader } from '../imports/imports.headers';
import { date as parseDate, money as parseMoney } from '../imports/imports.values';
import type { FileRecord } from '../imports/imports.records';
import { validationError } from '../../api/errors';
import { toHalfWidth } from '../shared/text';
import type { BankStatementRow } from './receivables.dto';

export const STATEMENT_COLUMNS = ['date', 'payer', 'account', 'credit', 'debit', 'amount', 'reference', 'memo'] as const;
export type StatementColumn = (typeof STATEMENT_COLUMNS)[number];

/** Headers of 工行, 建行, 农行, 招行, 中行 and common online-banking exports, normalised as imports.headers does. */
const HEADERS: Record<StatementColumn, string[]> = {
  date: ['交易日期', '记账日期', '入账日期', '交易时间', '日期', '记账时间', '交易日', 'date', 'transaction date', 'value date'],
  payer: ['对方户名', '对方名称', '对方账户名称', '对方账户名', '对方单位', '对方单位名称', '付款人', '付款人名称', '付款方', '收/付方名称', '收付方名称', '交易对方', 'payer', 'counterparty', 'payer name'],
  account: ['对方账号', '对方账户', '对方帐号', '付款人账号', '付款方账号', '收/付方账号', 'payer account', 'counterparty account'],
  credit: ['贷方金额', '贷方发生额', '收入金额', '收入', '存入金额', '存入', '贷方', 'credit', 'credit amount'],
  debit: ['借方金额', '借方发生额', '支出金额', '支出', '取出金额', '借方', 'debit', 'debit amount'],
  amount: ['交易金额', '金额', '发生额', 'amount'],
  reference: ['交易流水号', '流水号', '银行流水号', '交易参考号', '参考号', '凭证号', '交易编号', 'reference', 'ref', 'transaction id'],
  memo: ['摘要', '用途', '附言', '备注', '交易摘要', '备注/附言', 'memo', 'remark', 'description'],
};

const BY_HEADER = new Map<string, StatementColumn>(
  STATEMENT_COLUMNS.flatMap((column) => HEADERS[column].map((header) => [normaliseHeader(header), column] as const)),
);

/** Title lines (账户明细, 账号, 币种…) come before the header row; it is among the first few. */
const HEADER_SEARCH_ROWS = 20;

export interface ReadStatement {
  rows: BankStatementRow[];
  /** Payments out, not receipts. */
  outgoing: number;
  columns: Partial<Record<StatementColumn, string>>;
}

function headerColumns(cells: string[]): Map<StatementColumn, number> {
  const found = new Map<StatementColumn, number>();
  cells.forEach((cell, index) => {
    const column = BY_HEADER.get(normaliseHeader(cell));
    if (column && !found.has(column)) found.set(column, index);
  });
  return found;
}

function hasMoney(found: Map<StatementColumn, number>): boolean {
  return found.has('credit') || found.has('amount');
}

/** Negative or in brackets: money going out. */
const OUTGOING = /^\s*[-−(（]/;

export function readStatement(records: FileRecord[]): ReadStatement {
  const headerIndex = records.slice(0, HEADER_SEARCH_ROWS).findIndex((record) => {
    const found = headerColumns(record.cells);
    return found.has('date') && found.has('payer') && hasMoney(found);
  });
  if (headerIndex < 0) {
    throw validationError([fieldIssue('fileName', 'invalid_format', { expected: '交易日期, 对方户名, 贷方金额' })]);
  }
  const header = records[headerIndex]!;
  const found = headerColumns(header.cells);
  const cell = (record: FileRecord, column: StatementColumn) => {
    const index = found.get(column);
    return index === undefined ? '' : (record.cells[index] ?? '').trim();
  };
  const rows: BankStatementRow[] = [];
  let outgoing = 0;
  for (const record of records.slice(headerIndex + 1)) {
    const problems: FieldIssue[] = [];
    const creditText = found.has('credit') ? cell(record, 'credit') : cell(record, 'amount');
    const debitText = cell(record, 'debit');
    const noCredit = creditText === '' || /^0+(\.0+)?$/.test(creditText.replace(/,/g, ''));
    if ((noCredit && debitText !== '') || OUTGOING.test(creditText)) {
      outgoing += 1;
      continue;
    }
    const dateText = cell(record, 'date');
    const payer = toHalfWidth(cell(record, 'payer')).replace(/\s+/g, ' ').trim();
    const date = parseDate(dateText);
    // Totals lines (合计, 本页小计) at the end carry an amount but neither a date nor a payer.
    if (!payer && 'problem' in date) continue;
    if ('problem' in date) problems.push(fieldIssue('date', dateText ? 'invalid_date' : 'required'));
    const amount = parseMoney(creditText);
    if ('problem' in amount || amount.value === 0) problems.push(fieldIssue('amount', creditText ? 'invalid_amount' : 'required'));
    if (!payer) problems.push(fieldIssue('payer', 'required'));
    const memo = cell(record, 'memo') || null;
    const account = cell(record, 'account').replace(/[\s-]/g, '') || null;
    rows.push({
      line: record.line,
      date: 'value' in date ? date.value : null,
      payer: payer.slice(0, 100),
      account,
      amount: 'value' in amount && amount.value > 0 ? amount.value : null,
      reference: (cell(record, 'reference') || memo || null)?.slice(0, 60) ?? null,
      memo: memo?.slice(0, 500) ?? null,
      problems,
    });
  }
  const columns: Partial<Record<StatementColumn, string>> = {};
  for (const [column, index] of found) columns[column] = header.cells[index]!;
  return { rows, outgoing, columns };
}
