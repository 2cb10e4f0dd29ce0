/**
 * What a customer owes and the invariant that proves it: customer_stats.balance_due (moved by every
 * posting) equals invoices − credit notes − receipts − write-offs + refunds recomputed from the
 * documents and the allocation ledger, per customer (merged customers under their survivor).
 */
import { sql, type RawBuilder } from 'kysely';
import { creditHoldOf } from '../dunning/credit-hold';
import { AppError } from '../../api/errors';
import { fieldIssue } from '../../api/issues';
import type { Page } from '../../api/paging';
import { cappedCount } from '../../db/counts';
import type { Sqlite } from '../../db/connection';
import { statement } from '../../db/statements';
import { RECEIVABLES_FIGURES, type CustomerFiguresSource, type TimelineSource } from '../area';
import type { HandlerContext } from '../context';
import { summaryMatchesLedger } from '../checks/invariants';
import { daysBetween } from '../core/dates';
import { customerIdVisible, customerIdVisibleText } from '../customers/customers.scope';
import type { CustomerReceivables, CustomerReceivablesSummary, Invoice, InvoiceKind, PostedStatus } from './receivables.dto';
import { INVOICE_SELECT, numberOrCustomerContains, oldestOverdueDueDate, toInvoice, type InvoiceRow } from './receivables.repository';
import type { InvoiceLinesTable } from './receivables.tables';

/** Every posting's effect on what is owed, one row per document or ledger entry. */
export const BALANCE_ENTRIES_SQL = `
  SELECT customer_id, CASE kind WHEN 'invoice' THEN total_gross ELSE -total_gross END AS amount FROM invoices WHERE status = 'posted'
  UNION ALL SELECT customer_id, -amount FROM receipts WHERE status = 'posted'
  UNION ALL SELECT customer_id, CASE kind WHEN 'writeoff' THEN -amount ELSE amount END FROM receivable_allocations WHERE kind IN ('writeoff', 'refund')`;

export const balanceMatchesDocuments = summaryMatchesLedger({
  name: 'what each customer owes equals invoices − credit notes − receipts − write-offs + refunds',
  key: 'customer_id',
  summarySql: 'SELECT customer_id, balance_due FROM customer_stats WHERE balance_due <> 0',
  ledgerSql: `SELECT coalesce(c.merged_into_id, c.id) AS customer_id, sum(e.amount) AS balance_due
                FROM (${BALANCE_ENTRIES_SQL}) e JOIN customers c ON c.id = e.customer_id
               GROUP BY 1 HAVING sum(e.amount) <> 0`,
});

const OF_CUSTOMER = '(SELECT id FROM customers WHERE id = @id OR merged_into_id = @id)';

const OPEN_DOCUMENTS_OF_CUSTOMER = `SELECT coalesce(sum(CASE WHEN kind = 'invoice' THEN open_amount END), 0) AS invoices, coalesce(sum(CASE WHEN kind = 'credit_note' THEN open_amount END), 0) AS credit_notes,
         coalesce(sum(CASE WHEN kind = 'invoice' AND due_date < @today THEN open_amount END), 0) AS overdue
    FROM (${INVOICE_SELECT} WHERE i.customer_id IN ${OF_CUSTOMER} AND i.status = 'posted')`;

const UNAPPLIED_RECEIPTS_OF_CUSTOMER = `SELECT coalesce(sum(r.amount - coalesce((SELECT sum(a.amount) FROM receivable_allocations a WHERE a.receipt_id = r.id), 0)), 0)
    FROM receipts r WHERE r.customer_id IN ${OF_CUSTOMER} AND r.status = 'posted'`;

const OVERDUE_OF_CUSTOMER = `SELECT coalesce(sum(open_amount), 0)
    FROM (${INVOICE_SELECT} WHERE i.customer_id IN ${OF_CUSTOMER} AND i.kind = 'invoice' AND i.status = 'posted' AND i.due_date < @today)`;

function balanceOf(sqlite: Sqlite, customerId: string): number {
  return (statement(sqlite, 'SELECT balance_due FROM customer_stats WHERE customer_id = ?').pluck().get(customerId) as number | undefined) ?? 0;
}

export function customerReceivables(sqlite: Sqlite, customerId: string, today: string): CustomerReceivables {
  const balance = balanceOf(sqlite, customerId);
  const open = statement(sqlite, OPEN_DOCUMENTS_OF_CUSTOMER).get({ id: customerId, today }) as { invoices: number; credit_notes: number; overdue: number };
  const receipts = statement(sqlite, UNAPPLIED_RECEIPTS_OF_CUSTOMER).pluck().get({ id: customerId }) as number;
  return { customerId, balance, openInvoices: open.invoices, overdue: open.overdue, credit: open.credit_notes + receipts };
}

/** The customer's 360° receivables: the same figures as receivables.balance, with the oldest overdue invoice and the credit limit. */
export function customerReceivablesSummary(sqlite: Sqlite, customerId: string, today: string): CustomerReceivablesSummary {
  const limit = statement(sqlite, 'SELECT credit_limit FROM customers WHERE id = ?').get(customerId) as { credit_limit: number | null } | undefined;
  if (!limit) throw new AppError('NOT_FOUND', `Customer ${customerId} does not exist`, [fieldIssue('customerId', 'not_found', { entity: 'customer', id: customerId })]);
  const figures = customerReceivables(sqlite, customerId, today);
  const oldestDue = oldestOverdueDueDate(sqlite, customerId, today);
  return {
    ...figures,
    oldestOverdueDays: oldestDue === null ? null : daysBetween(oldestDue, today),
    creditLimit: limit.credit_limit,
    creditUsed: Math.max(0, figures.balance),
    creditHold: creditHoldOf(sqlite, customerId).onHold,
  };
}

export async function listInvoices(
  ctx: Pick<HandlerContext, 'db' | 'sqlite' | 'dataScope'>,
  input: { customerId?: string; customerCode?: string; kind?: InvoiceKind; status?: PostedStatus; openOnly: boolean; dueBefore?: string; q?: string; page: number; pageSize: number },
): Promise<Page<Invoice>> {
  const where: string[] = [];
  const conditions: RawBuilder<unknown>[] = [];
  const params: Record<string, unknown> = {};
  const filterBy = (column: 'customer_id' | 'kind' | 'status', key: string, value: string | undefined) => {
    if (value === undefined) return;
    where.push(`i.${column} = @${key}`);
    conditions.push(sql`${sql.ref(`i.${column}`)} = ${value}`);
    params[key] = value;
  };
  filterBy('customer_id', 'customerId', input.customerId);
  filterBy('kind', 'kind', input.kind);
  filterBy('status', 'status', input.status);
  if (input.openOnly) {
    const open = `i.status = 'posted' AND i.total_gross > coalesce((SELECT sum(a.amount) FROM receivable_allocations a WHERE a.invoice_id = i.id OR a.credit_note_id = i.id), 0)`;
    where.push(open);
    conditions.push(sql.raw(open));
  }
  if (input.customerCode !== undefined) {
    where.push('i.customer_id = (SELECT id FROM customers WHERE code = @customerCode)');
    conditions.push(sql`i.customer_id = (SELECT id FROM customers WHERE code = ${input.customerCode})`);
    params.customerCode = input.customerCode;
  }
  if (input.dueBefore !== undefined) {
    where.push('i.due_date < @dueBefore');
    conditions.push(sql`i.due_date < ${input.dueBefore}`);
    params.dueBefore = input.dueBefore;
  }
  const positional: unknown[] = [];
  if (input.q) {
    const search = numberOrCustomerContains(['i.invoice_no'], 'i.customer_id', input.q);
    where.push(search.text);
    conditions.push(search.condition);
    positional.push(...search.params);
  }
  const scope = await ctx.dataScope();
  const inScope = customerIdVisibleText(scope, 'i.customer_id');
  if (inScope) {
    where.push(inScope.text);
    conditions.push(customerIdVisible(scope, 'i.customer_id')!);
    positional.push(...inScope.params);
  }
  const filter = where.length ? ` WHERE ${where.join(' AND ')}` : '';
  const count = await cappedCount(ctx.db, sql`FROM invoices i ${conditions.length ? sql`WHERE ${sql.join(conditions, sql` AND `)}` : sql``}`);
  const rows = statement(ctx.sqlite, `${INVOICE_SELECT}${filter} ORDER BY i.invoice_date DESC, i.id DESC LIMIT @limit OFFSET @offset`)
    .all(...positional, { ...params, limit: input.pageSize, offset: (input.page - 1) * input.pageSize }) as InvoiceRow[];
  const lines = statement(ctx.sqlite, 'SELECT * FROM invoice_lines WHERE invoice_id = ? ORDER BY line_no');
  return { rows: rows.map((row) => toInvoice(row, lines.all(row.id) as InvoiceLinesTable[])), ...count };
}

/** The customer's 360° view: what the customer owes and how much of it is overdue today, the 应收 tab's own figures. */
export const receivablesFigures: CustomerFiguresSource = {
  keys: [RECEIVABLES_FIGURES.amountOwed, RECEIVABLES_FIGURES.overdue],
  async read(ctx, customerId) {
    // The header's two figures only: the 应收 tab's credit and open totals read every document.
    const balance = balanceOf(ctx.sqlite, customerId);
    const overdue = statement(ctx.sqlite, OVERDUE_OF_CUSTOMER).pluck().get({ id: customerId, today: ctx.today }) as number;
    return [
      { key: RECEIVABLES_FIGURES.amountOwed, kind: 'money', value: balance },
      { key: RECEIVABLES_FIGURES.overdue, kind: 'money', value: overdue },
    ];
  },
};

/** Invoices, credit notes and receipts on the customer's timeline, when they were posted. */
export const RECEIVABLES_TIMELINE: TimelineSource[] = [
  (customerId) => sql`
    SELECT i.kind AS kind, i.id, i.posted_at AS at, i.invoice_no AS title, i.reversal_reason AS detail, u.display_name AS user_name,
           json_object('amount', i.total_gross, 'date', i.invoice_date, 'dueDate', i.due_date, 'status', i.status) AS data
      FROM invoices i LEFT JOIN users u ON u.id = i.posted_by
     WHERE i.customer_id = ${customerId}`,
  (customerId) => sql`
    SELECT 'receipt' AS kind, r.id, r.posted_at AS at, r.receipt_no AS title, r.reversal_reason AS detail, u.display_name AS user_name,
           json_object('amount', r.amount, 'date', r.receipt_date, 'method', r.method, 'status', r.status) AS data
      FROM receipts r LEFT JOIN users u ON u.id = r.posted_by
     WHERE r.customer_id = ${customerId}`,
];
