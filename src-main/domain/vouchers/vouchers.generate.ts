/**
 * Vouchers (记账凭证) derived from the append-only documents: every invoice, credit note, receipt,
 * write-off, refund and delivery cost posts one voucher on its date, and every reversal posts a
 * red-ink (红字) copy on the reversal's date. Within a month vouchers are numbered 1, 2, 3 … in the
 * order they were posted, so a later (even back-dated) posting takes the next number and no number
 * already exported ever moves.
 */
import type { Sqlite } from '../../db/connection';
import { statement } from '../../db/statements';
import { monthEnd, monthStart } from '../core/dates';
import { DELIVERY_DOCUMENT_TYPE } from '../deliveries/deliveries.service';
import { mappedAccounts } from './chart.service';
import type { AccountRole, Voucher, VoucherLine, VoucherSource } from './vouchers.dto';

/**
 * Every posting dated from @monthFrom to @monthTo, one row per voucher to be. The customer is named
 * from one read of the customers (customersOf), not looked up again for each of a month's 100,000.
 */
export const EVENTS_SQL = `
SELECT d.kind AS source, d.invoice_date AS date, d.posted_at, d.id AS key, d.invoice_no AS document_no, 0 AS reversal,
       d.customer_id, d.total_net AS net, d.total_tax AS tax, d.total_gross AS gross, NULL AS method
  FROM invoices d WHERE d.invoice_date BETWEEN @monthFrom AND @monthTo
UNION ALL
SELECT d.kind, d.reversed_on, d.reversed_at, d.id, d.invoice_no, 1, d.customer_id, d.total_net, d.total_tax, d.total_gross, NULL
  FROM invoices d WHERE d.reversed_on BETWEEN @monthFrom AND @monthTo
UNION ALL
SELECT 'receipt', d.receipt_date, d.posted_at, d.id, d.receipt_no, 0, d.customer_id, 0, 0, d.amount, d.method
  FROM receipts d WHERE d.receipt_date BETWEEN @monthFrom AND @monthTo
UNION ALL
SELECT 'receipt', d.reversed_on, d.reversed_at, d.id, d.receipt_no, 1, d.customer_id, 0, 0, d.amount, d.method
  FROM receipts d WHERE d.reversed_on BETWEEN @monthFrom AND @monthTo
UNION ALL
SELECT d.kind, d.allocation_date, d.created_at, d.id, coalesce(r.receipt_no, cn.invoice_no, i.invoice_no), d.reverses_id IS NOT NULL,
       d.customer_id, 0, 0, abs(d.amount), coalesce(d.method, (SELECT o.method FROM receivable_allocations o WHERE o.id = d.reverses_id))
  FROM receivable_allocations d
  LEFT JOIN receipts r ON r.id = d.receipt_id
  LEFT JOIN invoices cn ON cn.id = d.credit_note_id
  LEFT JOIN invoices i ON i.id = d.invoice_id
 WHERE d.kind <> 'allocation' AND d.allocation_date BETWEEN @monthFrom AND @monthTo
UNION ALL
SELECT 'delivery', m.move_date, min(m.created_at), m.document_id, m.document_no, 0, NULL, 0, 0, -sum(m.value), NULL
  FROM stock_moves m INDEXED BY stock_moves_delivery_cost
 -- By date, through the delivery moves' own covering index (the type as a literal, so that it may):
 -- by type, the planner's choice without statistics, would walk every delivery of every year.
 WHERE m.document_type = '${DELIVERY_DOCUMENT_TYPE}' AND m.move_date BETWEEN @monthFrom AND @monthTo
 GROUP BY m.move_date, m.document_id
HAVING sum(m.value) <> 0`;

/**
 * Within a month vouchers are numbered in the order they were posted: by the time of posting, then
 * invoices before credit notes, deliveries, receipts, write-offs and refunds, then by document, a
 * reversal after what it reverses. Every posting of the months around the dates (@monthFrom to
 * @monthTo) in that order, month by month: SQLite sorts them once, and `numberedPostings` counts
 * them. Sorting 100,000 postings as JavaScript objects, and keeping them, took a month's read twice
 * as long (most of it the memory those objects took); numbering them in SQL with row_number() sorted
 * them twice (once to number, once to order the numbers), a quarter of a month's read.
 */
export const POSTINGS_IN_ORDER_SQL = `
SELECT source, date, document_no, reversal, customer_id, net, tax, gross, method FROM (${EVENTS_SQL}) e
 ORDER BY substr(e.date, 1, 7), e.posted_at,
          CASE e.source WHEN 'invoice' THEN 0 WHEN 'credit_note' THEN 1 WHEN 'delivery' THEN 2 WHEN 'receipt' THEN 3 WHEN 'writeoff' THEN 4 ELSE 5 END,
          e.key, e.reversal`;

/**
 * A posting with its place in its month: the voucher it becomes, before its lines are worked out. A
 * row of POSTINGS_IN_ORDER_SQL as better-sqlite3 gives it, its columns in order, and its number in
 * its month added: a month's 100,000 are kept for paging, and made into nothing else first.
 */
type NumberedPosting = [
  source: VoucherSource,
  date: string,
  documentNo: string,
  reversal: 0 | 1,
  customerId: string | null,
  net: number,
  tax: number,
  gross: number,
  method: string | null,
  number: number,
];
const DATE = 1;
const CUSTOMER_ID = 4;
const NUMBER = 9;

const SUMMARY: Record<VoucherSource, string> = {
  invoice: '销售发票',
  credit_note: '红字发票',
  receipt: '收款',
  writeoff: '坏账核销',
  refund: '退款',
  delivery: '结转销售成本',
};

const MONEY_ACCOUNT: Record<string, AccountRole> = { bank_transfer: 'bank', cash: 'cash', wechat: 'wechat', alipay: 'alipay', acceptance_bill: 'acceptance_bill' };

type Accounts = ReturnType<typeof mappedAccounts>;

interface Customer {
  code: string;
  name: string;
}

/** The customers the postings name, read once: a month names 20,000 of a large book's 50,000. */
function customersOf(sqlite: Sqlite, postings: readonly NumberedPosting[]): Map<string, Customer> {
  const ids = new Set<string>();
  for (const posting of postings) if (posting[CUSTOMER_ID] !== null) ids.add(posting[CUSTOMER_ID]);
  const byId = new Map<string, Customer>();
  const rows = statement(sqlite, 'SELECT id, code, name FROM customers WHERE id IN (SELECT value FROM json_each(?))').all(JSON.stringify([...ids])) as (Customer & { id: string })[];
  for (const row of rows) byId.set(row.id, { code: row.code, name: row.name });
  return byId;
}

function line(accounts: Accounts, role: AccountRole, summary: string, debit: number, credit: number, aux: Customer | undefined): VoucherLine {
  const account = accounts[role];
  return {
    lineNo: 0,
    summary,
    accountCode: account.code,
    accountName: account.name,
    debit,
    credit,
    customerCode: aux ? aux.code : null,
    customerName: aux ? aux.name : null,
  };
}

/**
 * One debit or credit line; a red-ink voucher keeps the sides and negates the amounts. Module-level
 * helpers, not closures made per posting: a month of a large book is 100,000 postings.
 */
function lines(posting: NumberedPosting, customer: Customer | undefined, summary: string, accounts: Accounts): VoucherLine[] {
  const [source, , , reversal, , net, tax, gross, method] = posting;
  // A credit note is an invoice of the other sign; a reversal is the red-ink copy of what it reverses.
  const sign = (source === 'credit_note' ? -1 : 1) * (reversal ? -1 : 1);
  const amount = sign * gross;
  const money = MONEY_ACCOUNT[method ?? 'bank_transfer'] ?? 'bank';
  switch (source) {
    case 'invoice':
    case 'credit_note': {
      const found: VoucherLine[] = [];
      if (gross !== 0) found.push(line(accounts, 'receivable', summary, amount, 0, customer));
      if (net !== 0) found.push(line(accounts, 'revenue', summary, 0, sign * net, undefined));
      if (tax !== 0) found.push(line(accounts, 'output_vat', summary, 0, sign * tax, undefined));
      return found;
    }
    case 'receipt':
      return [line(accounts, money, summary, amount, 0, undefined), line(accounts, 'receivable', summary, 0, amount, customer)];
    case 'writeoff':
      return [line(accounts, 'writeoff', summary, amount, 0, undefined), line(accounts, 'receivable', summary, 0, amount, customer)];
    case 'refund':
      return [line(accounts, 'receivable', summary, amount, 0, customer), line(accounts, money, summary, 0, amount, undefined)];
    case 'delivery':
      return [line(accounts, 'cost_of_sales', summary, amount, 0, undefined), line(accounts, 'inventory', summary, 0, amount, undefined)];
  }
}

/** The postings of the last span read on a connection, and the state of the database they were read at. */
const numberedOn = new WeakMap<Sqlite, { from: string; to: string; version: string; postings: NumberedPosting[] }>();

/**
 * Changes whenever anything was committed since: `data_version` counts other connections' commits,
 * `total_changes()` this connection's own changes.
 */
function databaseVersion(sqlite: Sqlite): string {
  return `${statement(sqlite, 'PRAGMA data_version').pluck().get() as number}:${statement(sqlite, 'SELECT total_changes()').pluck().get() as number}`;
}

/**
 * The postings dated from `from` to `to`, numbered and in order. A month of a large book is 100,000
 * postings and half a second to read: paging through them, or exporting what was just looked at,
 * reuses the last read while nothing has been committed since.
 */
function numberedPostings(sqlite: Sqlite, from: string, to: string): NumberedPosting[] {
  const version = databaseVersion(sqlite);
  const last = numberedOn.get(sqlite);
  if (last && last.from === from && last.to === to && last.version === version) return last.postings;
  const inOrder = statement(sqlite, POSTINGS_IN_ORDER_SQL).raw().all({ monthFrom: monthStart(from), monthTo: monthEnd(to) }) as NumberedPosting[];
  const postings: NumberedPosting[] = [];
  let month = '';
  let number = 0;
  for (const posting of inOrder) {
    const date = posting[DATE];
    if (month === '' || !date.startsWith(month)) {
      month = date.slice(0, 7);
      number = 0;
    }
    number += 1;
    if (date < from || date > to) continue;
    posting[NUMBER] = number;
    postings.push(posting);
  }
  numberedOn.set(sqlite, { from, to, version, postings });
  return postings;
}

function voucherOf(posting: NumberedPosting, customer: Customer | undefined, accounts: Accounts): Voucher {
  const [source, date, documentNo, reversal, , , , , , number] = posting;
  const summary = `${reversal ? '冲销 ' : ''}${SUMMARY[source]} ${documentNo}${customer?.name ? ` ${customer.name}` : ''}`.slice(0, 80);
  const voucherLines = lines(posting, customer, summary, accounts);
  for (let j = 0; j < voucherLines.length; j++) voucherLines[j]!.lineNo = j + 1;
  return { date, period: date.slice(0, 7), word: '记', number, source, documentNo, reversal: reversal === 1, summary, lines: voucherLines };
}

/** Vouchers in order, of which a run can be had: an array, or the vouchers of a span worked out a run at a time. */
export interface VoucherList {
  readonly length: number;
  slice(start: number, end: number): Voucher[];
}

/**
 * The vouchers dated from `from` to `to`, by date and number, read now (one state of the books) and
 * worked out a run at a time as they are asked for: a file of a month's 100,000 writes each run and
 * lets it go, rather than holding every voucher and line of the month while it writes.
 */
export function voucherListBetween(sqlite: Sqlite, from: string, to: string): VoucherList {
  const accounts = mappedAccounts(sqlite);
  const postings = numberedPostings(sqlite, from, to);
  const customers = customersOf(sqlite, postings);
  const voucher = (posting: NumberedPosting) => voucherOf(posting, posting[CUSTOMER_ID] === null ? undefined : customers.get(posting[CUSTOMER_ID]), accounts);
  return { length: postings.length, slice: (start, end) => postings.slice(start, end).map(voucher) };
}

/** The vouchers dated from `from` to `to`, by date and number. */
export function vouchersBetween(sqlite: Sqlite, from: string, to: string): Voucher[] {
  const list = voucherListBetween(sqlite, from, to);
  return list.slice(0, list.length);
}

/** A page of those vouchers: only the page's own are worked out, its customers read one by one. */
export function voucherPageBetween(sqlite: Sqlite, from: string, to: string, offset: number, limit: number): { vouchers: Voucher[]; total: number } {
  const postings = numberedPostings(sqlite, from, to);
  const accounts = mappedAccounts(sqlite);
  const customer = statement(sqlite, 'SELECT code, name FROM customers WHERE id = ?');
  const vouchers = postings
    .slice(offset, offset + limit)
    .map((posting) => voucherOf(posting, posting[CUSTOMER_ID] === null ? undefined : (customer.get(posting[CUSTOMER_ID]) as Customer | undefined), accounts));
  return { vouchers, total: postings.length };
}

/** 记-12: how accounting software names a voucher. */
export function voucherName(voucher: Pick<Voucher, 'word' | 'number'>): string {
  return `${voucher.word}-${voucher.number}`;
}
