/**
 * Reconciliation (对账) of one customer, or one of its projects, over a period: what was owed the day
 * before, every posting in date order with what was owed after it, what was owed at the end; and
 * beside it today's unapplied money and open invoices to match. Each line's change is the one
 * BALANCE_ENTRIES_SQL and the aging count, so the closing balance is the aging total on that day.
 */
import { AppError } from '../../api/errors';
import { fieldIssue } from '../../api/issues';
import type { Sqlite } from '../../db/connection';
import { statement } from '../../db/statements';
import { daysBetween } from '../core/dates';
import type { InvoiceToMatch, MoneyToMatch, Reconciliation, ReconciliationEntry, ReconciliationEntryKind } from './receivables.dto';
import { INVOICE_SELECT, RECEIPT_SELECT, type InvoiceRow, type ReceiptRow } from './receivables.repository';

const OF_CUSTOMER = '(SELECT id FROM customers WHERE id = @id OR merged_into_id = @id)';

/** Every posting of the customer with its effect on what is owed; `at` orders a day's postings as they were made. */
const CUSTOMER_ENTRIES = `
  SELECT i.id, i.kind, i.invoice_date AS date, 0 AS reversal, i.invoice_no AS number, NULL AS invoice_no, i.total_gross AS amount,
         CASE i.kind WHEN 'invoice' THEN i.total_gross ELSE -i.total_gross END AS change, i.posted_at AS at, 0 AS undoable, NULL AS reason
    FROM invoices i WHERE i.customer_id IN ${OF_CUSTOMER}
  UNION ALL
  SELECT i.id, i.kind, i.reversed_on, 1, i.invoice_no, NULL, i.total_gross,
         CASE i.kind WHEN 'invoice' THEN -i.total_gross ELSE i.total_gross END, i.reversed_at, 0, i.reversal_reason
    FROM invoices i WHERE i.customer_id IN ${OF_CUSTOMER} AND i.reversed_on IS NOT NULL
  UNION ALL
  SELECT r.id, 'receipt', r.receipt_date, 0, r.receipt_no, NULL, r.amount, -r.amount, r.posted_at, 0, NULL
    FROM receipts r WHERE r.customer_id IN ${OF_CUSTOMER}
  UNION ALL
  SELECT r.id, 'receipt', r.reversed_on, 1, r.receipt_no, NULL, r.amount, r.amount, r.reversed_at, 0, r.reversal_reason
    FROM receipts r WHERE r.customer_id IN ${OF_CUSTOMER} AND r.reversed_on IS NOT NULL
  UNION ALL
  SELECT a.id, a.kind, a.allocation_date, a.reverses_id IS NOT NULL, coalesce(r.receipt_no, cn.invoice_no), inv.invoice_no, a.amount,
         CASE a.kind WHEN 'writeoff' THEN -a.amount WHEN 'refund' THEN a.amount ELSE 0 END, a.created_at,
         a.reverses_id IS NULL AND undo.id IS NULL, a.reason
    FROM receivable_allocations a
    LEFT JOIN receipts r ON r.id = a.receipt_id LEFT JOIN invoices cn ON cn.id = a.credit_note_id LEFT JOIN invoices inv ON inv.id = a.invoice_id
    LEFT JOIN receivable_allocations undo ON undo.reverses_id = a.id
   WHERE a.customer_id IN ${OF_CUSTOMER}`;

const OF_PROJECT = `(SELECT id FROM invoices WHERE customer_id IN ${OF_CUSTOMER} AND project = @project)`;

/**
 * A project's invoices and credit notes and what was applied to them: what the project owes is their
 * open amounts, so money applied to a project invoice lowers it and money taken from a project credit
 * note raises it (a project credit note applied to a project invoice does both: no change).
 */
const PROJECT_ENTRIES = `
  SELECT i.id, i.kind, i.invoice_date AS date, 0 AS reversal, i.invoice_no AS number, NULL AS invoice_no, i.total_gross AS amount,
         CASE i.kind WHEN 'invoice' THEN i.total_gross ELSE -i.total_gross END AS change, i.posted_at AS at, 0 AS undoable, NULL AS reason
    FROM invoices i WHERE i.customer_id IN ${OF_CUSTOMER} AND i.project = @project
  UNION ALL
  SELECT i.id, i.kind, i.reversed_on, 1, i.invoice_no, NULL, i.total_gross,
         CASE i.kind WHEN 'invoice' THEN -i.total_gross ELSE i.total_gross END, i.reversed_at, 0, i.reversal_reason
    FROM invoices i WHERE i.customer_id IN ${OF_CUSTOMER} AND i.project = @project AND i.reversed_on IS NOT NULL
  UNION ALL
  SELECT a.id, a.kind, a.allocation_date, a.reverses_id IS NOT NULL, coalesce(r.receipt_no, cn.invoice_no), inv.invoice_no, a.amount,
         (CASE WHEN a.credit_note_id IN ${OF_PROJECT} THEN a.amount ELSE 0 END) - (CASE WHEN a.invoice_id IN ${OF_PROJECT} THEN a.amount ELSE 0 END), a.created_at,
         a.reverses_id IS NULL AND undo.id IS NULL, a.reason
    FROM receivable_allocations a
    LEFT JOIN receipts r ON r.id = a.receipt_id LEFT JOIN invoices cn ON cn.id = a.credit_note_id LEFT JOIN invoices inv ON inv.id = a.invoice_id
    LEFT JOIN receivable_allocations undo ON undo.reverses_id = a.id
   WHERE a.customer_id IN ${OF_CUSTOMER} AND (a.invoice_id IN ${OF_PROJECT} OR a.credit_note_id IN ${OF_PROJECT})`;

const OPENING = (entries: string) => `SELECT coalesce(sum(change), 0) FROM (${entries}) WHERE date < @from`;
const IN_PERIOD = (entries: string) => `SELECT * FROM (${entries}) WHERE date BETWEEN @from AND @to ORDER BY date, at, reversal, number`;

const OPEN_INVOICES = `SELECT * FROM (${INVOICE_SELECT} WHERE i.customer_id IN ${OF_CUSTOMER} AND i.kind = 'invoice' AND i.status = 'posted') WHERE open_amount > 0
  ORDER BY due_date, invoice_date, invoice_no`;
const OPEN_PROJECT_INVOICES = `SELECT * FROM (${INVOICE_SELECT} WHERE i.customer_id IN ${OF_CUSTOMER} AND i.kind = 'invoice' AND i.status = 'posted' AND i.project = @project)
  WHERE open_amount > 0 ORDER BY due_date, invoice_date, invoice_no`;
const OPEN_CREDIT_NOTES = `SELECT * FROM (${INVOICE_SELECT} WHERE i.customer_id IN ${OF_CUSTOMER} AND i.kind = 'credit_note' AND i.status = 'posted') WHERE open_amount > 0
  ORDER BY invoice_date, invoice_no`;
const UNAPPLIED_RECEIPTS = `SELECT * FROM (${RECEIPT_SELECT} WHERE r.customer_id IN ${OF_CUSTOMER} AND r.status = 'posted') WHERE unapplied_amount > 0
  ORDER BY receipt_date, receipt_no`;
const PROJECTS = `SELECT DISTINCT project FROM invoices WHERE customer_id IN ${OF_CUSTOMER} AND project IS NOT NULL ORDER BY project`;

interface EntryRow {
  id: string;
  kind: ReconciliationEntryKind;
  date: string;
  reversal: 0 | 1;
  number: string | null;
  invoice_no: string | null;
  amount: number;
  change: number;
  undoable: 0 | 1;
  reason: string | null;
}

export function customerIdByCode(sqlite: Sqlite, code: string): string {
  const id = statement(sqlite, 'SELECT id FROM customers WHERE code = ?').pluck().get(code) as string | undefined;
  if (!id) throw new AppError('NOT_FOUND', `Customer ${code} does not exist`, [fieldIssue('customerCode', 'not_found', { entity: 'customer', id: code })]);
  return id;
}

export function reconcile(sqlite: Sqlite, input: { customerId: string; from: string; to: string; project?: string | null }, today: string): Reconciliation {
  const customer = statement(sqlite, 'SELECT id, code, name FROM customers WHERE id = ?').get(input.customerId) as { id: string; code: string; name: string } | undefined;
  if (!customer) throw new AppError('NOT_FOUND', `Customer ${input.customerId} does not exist`, [fieldIssue('customerId', 'not_found', { entity: 'customer', id: input.customerId })]);
  const project = input.project ?? null;
  const entriesSql = project === null ? CUSTOMER_ENTRIES : PROJECT_ENTRIES;
  const params = { id: customer.id, project, from: input.from, to: input.to };
  const openingBalance = statement(sqlite, OPENING(entriesSql)).pluck().get(params) as number;
  let balance = openingBalance;
  const entries = (statement(sqlite, IN_PERIOD(entriesSql)).all(params) as EntryRow[]).map((row): ReconciliationEntry => {
    balance += row.change;
    return {
      id: row.id,
      kind: row.kind,
      date: row.date,
      reversal: row.reversal === 1,
      number: row.number,
      invoiceNo: row.invoice_no,
      amount: row.amount,
      change: row.change,
      balance,
      undoable: row.undoable === 1,
      reason: row.reason,
    };
  });
  const invoices = statement(sqlite, project === null ? OPEN_INVOICES : OPEN_PROJECT_INVOICES).all(params) as InvoiceRow[];
  const creditNotes = statement(sqlite, OPEN_CREDIT_NOTES).all({ id: customer.id }) as InvoiceRow[];
  const receipts = statement(sqlite, UNAPPLIED_RECEIPTS).all({ id: customer.id }) as ReceiptRow[];
  const unmatched: MoneyToMatch[] = [
    ...receipts.map((r): MoneyToMatch => ({ kind: 'receipt', id: r.id, number: r.receipt_no, date: r.receipt_date, amount: r.amount, unapplied: r.unapplied_amount })),
    ...creditNotes.map((c): MoneyToMatch => ({ kind: 'credit_note', id: c.id, number: c.invoice_no, date: c.invoice_date, amount: c.total_gross, unapplied: c.open_amount })),
  ].sort((a, b) => (a.date === b.date ? a.number.localeCompare(b.number) : a.date < b.date ? -1 : 1));
  return {
    customerId: customer.id,
    customerCode: customer.code,
    customerName: customer.name,
    project,
    from: input.from,
    to: input.to,
    openingBalance,
    entries,
    closingBalance: balance,
    unmatched,
    openInvoices: invoices.map(
      (i): InvoiceToMatch => ({
        id: i.id,
        invoiceNo: i.invoice_no,
        invoiceDate: i.invoice_date,
        dueDate: i.due_date,
        totalGross: i.total_gross,
        openAmount: i.open_amount,
        project: i.project,
        daysOverdue: Math.max(0, daysBetween(i.due_date, today)),
      }),
    ),
    projects: statement(sqlite, PROJECTS).pluck().all({ id: customer.id }) as string[],
  };
}
