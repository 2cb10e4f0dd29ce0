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

interface PostingEvent {
  source: VoucherSource;
  date: string;
  posted_at: string;
  key: string;
  document_no: string;
  reversal: 0 | 1;
  customer_id: string | null;
  net: number;
  tax: number;
  gross: number;
  method: string | null;
}

/**
 * Every posting dated in [@from, @to], one row per voucher to be. The customer is named from one
 * read of the customers (customersOf), not looked up again for each of a month's 100,000 events.
 */
export const EVENTS_SQL = `
SELECT d.kind AS source, d.invoice_date AS date, d.posted_at, d.id AS key, d.invoice_no AS document_no, 0 AS reversal,
       d.customer_id, d.total_net AS net, d.total_tax AS tax, d.total_gross AS gross, NULL AS method
  FROM invoices d WHERE d.invoice_date BETWEEN @from AND @to
UNION ALL
SELECT d.kind, d.reversed_on, d.reversed_at, d.id, d.invoice_no, 1, d.customer_id, d.total_net, d.total_tax, d.total_gross, NULL
  FROM invoices d WHERE d.reversed_on BETWEEN @from AND @to
UNION ALL
SELECT 'receipt', d.receipt_date, d.posted_at, d.id, d.receipt_no, 0, d.customer_id, 0, 0, d.amount, d.method
  FROM receipts d WHERE d.receipt_date BETWEEN @from AND @to
UNION ALL
SELECT 'receipt', d.reversed_on, d.reversed_at, d.id, d.receipt_no, 1, d.customer_id, 0, 0, d.amount, d.method
  FROM receipts d WHERE d.reversed_on BETWEEN @from AND @to
UNION ALL
SELECT d.kind, d.allocation_date, d.created_at, d.id, coalesce(r.receipt_no, cn.invoice_no, i.invoice_no), d.reverses_id IS NOT NULL,
       d.customer_id, 0, 0, abs(d.amount), coalesce(d.method, (SELECT o.method FROM receivable_allocations o WHERE o.id = d.reverses_id))
  FROM receivable_allocations d
  LEFT JOIN receipts r ON r.id = d.receipt_id
  LEFT JOIN invoices cn ON cn.id = d.credit_note_id
  LEFT JOIN invoices i ON i.id = d.invoice_id
 WHERE d.kind <> 'allocation' AND d.allocation_date BETWEEN @from AND @to
UNION ALL
SELECT 'delivery', m.move_date, min(m.created_at), m.document_id, m.document_no, 0, NULL, 0, 0, -sum(m.value), NULL
  FROM stock_moves m INDEXED BY stock_moves_delivery_cost
 -- By date, through the delivery moves' own covering index (the type as a literal, so that it may):
 -- by type, the planner's choice without statistics, would walk every delivery of every year.
 WHERE m.document_type = '${DELIVERY_DOCUMENT_TYPE}' AND m.move_date BETWEEN @from AND @to
 GROUP BY m.move_date, m.document_id
HAVING sum(m.value) <> 0`;

/** A row of EVENTS_SQL, its columns in order. */
type EventRow = [VoucherSource, string, string, string, string, 0 | 1, string | null, number, number, number, string | null];

function postingEvent(row: EventRow): PostingEvent {
  return { source: row[0], date: row[1], posted_at: row[2], key: row[3], document_no: row[4], reversal: row[5], customer_id: row[6], net: row[7], tax: row[8], gross: row[9], method: row[10] };
}

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
  for (const { event } of postings) if (event.customer_id !== null) ids.add(event.customer_id);
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
 * helpers, not closures made per event: a month of a large book is 100,000 events.
 */
function lines(event: PostingEvent, customer: Customer | undefined, summary: string, accounts: Accounts): VoucherLine[] {
  // A credit note is an invoice of the other sign; a reversal is the red-ink copy of what it reverses.
  const sign = (event.source === 'credit_note' ? -1 : 1) * (event.reversal ? -1 : 1);
  const amount = sign * event.gross;
  const money = MONEY_ACCOUNT[event.method ?? 'bank_transfer'] ?? 'bank';
  switch (event.source) {
    case 'invoice':
    case 'credit_note': {
      const found: VoucherLine[] = [];
      if (event.gross !== 0) found.push(line(accounts, 'receivable', summary, amount, 0, customer));
      if (event.net !== 0) found.push(line(accounts, 'revenue', summary, 0, sign * event.net, undefined));
      if (event.tax !== 0) found.push(line(accounts, 'output_vat', summary, 0, sign * event.tax, undefined));
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

const SOURCE_ORDER: Record<VoucherSource, number> = { invoice: 0, credit_note: 1, delivery: 2, receipt: 3, writeoff: 4, refund: 5 };

function postedOrder(a: PostingEvent, b: PostingEvent): number {
  if (a.posted_at !== b.posted_at) return a.posted_at < b.posted_at ? -1 : 1;
  if (a.source !== b.source) return SOURCE_ORDER[a.source] - SOURCE_ORDER[b.source];
  if (a.key !== b.key) return a.key < b.key ? -1 : 1;
  return a.reversal - b.reversal;
}

/** A posting with its place in its month: the voucher it becomes, before its lines are worked out. */
interface NumberedPosting {
  event: PostingEvent;
  period: string;
  number: number;
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
 * The postings dated from `from` to `to`, numbered and in order. Numbers count from the start of each
 * month, so the months around the span are read whole. A month of a large book is 100,000 postings
 * and a second to read: paging through them, or exporting what was just looked at, reuses the last
 * read while nothing has been committed since.
 */
function numberedPostings(sqlite: Sqlite, from: string, to: string): NumberedPosting[] {
  const version = databaseVersion(sqlite);
  const last = numberedOn.get(sqlite);
  if (last && last.from === from && last.to === to && last.version === version) return last.postings;
  // Rows as arrays, made into objects of one shape here: better-sqlite3's own row objects cost more to
  // make and to read, 100,000 of them a month.
  const rows = sqlite.prepare(EVENTS_SQL).raw().all({ from: monthStart(from), to: monthEnd(to) }) as EventRow[];
  const events = rows.map(postingEvent);
  const byPeriod = new Map<string, PostingEvent[]>();
  for (const event of events) {
    const period = event.date.slice(0, 7);
    const inPeriod = byPeriod.get(period);
    if (inPeriod) inPeriod.push(event);
    else byPeriod.set(period, [event]);
  }
  const postings: NumberedPosting[] = [];
  for (const [period, inPeriod] of [...byPeriod].sort(([a], [b]) => (a < b ? -1 : 1))) {
    inPeriod.sort(postedOrder).forEach((event, i) => {
      if (event.date >= from && event.date <= to) postings.push({ event, period, number: i + 1 });
    });
  }
  numberedOn.set(sqlite, { from, to, version, postings });
  return postings;
}

function voucherOf({ event, period, number }: NumberedPosting, customer: Customer | undefined, accounts: Accounts): Voucher {
  const summary = `${event.reversal ? '冲销 ' : ''}${SUMMARY[event.source]} ${event.document_no}${customer?.name ? ` ${customer.name}` : ''}`.slice(0, 80);
  const voucherLines = lines(event, customer, summary, accounts);
  for (let j = 0; j < voucherLines.length; j++) voucherLines[j]!.lineNo = j + 1;
  return { date: event.date, period, word: '记', number, source: event.source, documentNo: event.document_no, reversal: event.reversal === 1, summary, lines: voucherLines };
}

/** The vouchers dated from `from` to `to`, by date and number. */
export function vouchersBetween(sqlite: Sqlite, from: string, to: string): Voucher[] {
  const accounts = mappedAccounts(sqlite);
  const postings = numberedPostings(sqlite, from, to);
  const customers = customersOf(sqlite, postings);
  return postings.map((posting) => voucherOf(posting, posting.event.customer_id === null ? undefined : customers.get(posting.event.customer_id), accounts));
}

/** A page of those vouchers: only the page's own are worked out, its customers read one by one. */
export function voucherPageBetween(sqlite: Sqlite, from: string, to: string, offset: number, limit: number): { vouchers: Voucher[]; total: number } {
  const postings = numberedPostings(sqlite, from, to);
  const accounts = mappedAccounts(sqlite);
  const customer = statement(sqlite, 'SELECT code, name FROM customers WHERE id = ?');
  const vouchers = postings
    .slice(offset, offset + limit)
    .map((posting) => voucherOf(posting, posting.event.customer_id === null ? undefined : (customer.get(posting.event.customer_id) as Customer | undefined), accounts));
  return { vouchers, total: postings.length };
}

/** 记-12: how accounting software names a voucher. */
export function voucherName(voucher: Pick<Voucher, 'word' | 'number'>): string {
  return `${voucher.word}-${voucher.number}`;
}
