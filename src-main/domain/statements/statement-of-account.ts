/**
 * A customer's statement of account derived from the receivables ledger: every posting that moves
 * what the customer owes (invoices, credit notes, receipts, write-offs, refunds, and the reversal of
 * each on the day it was reversed), so the closing balance is what receivables says was owed that day.
 * Allocations only match money to invoices and leave the balance alone, so they are not lines.
 */
import { AppError } from '../../api/errors';
import { fieldIssue } from '../../api/issues';
import type { Sqlite } from '../../db/connection';
import { statement } from '../../db/statements';
import type { StatementFigures, StatementLine, StatementLineKind, StatementOfAccount } from './statements.contract';

/** The customer and those merged into it: a merged customer's history is the survivor's. */
const OF_CUSTOMER = '(SELECT id FROM customers WHERE id = @customerId OR merged_into_id = @customerId)';

/** Every posting's effect on the balance, with its date; `seq` orders postings of one day as they were made. */
const POSTINGS_SQL = `
  SELECT i.invoice_date AS date, i.kind AS kind, 0 AS reversal, i.invoice_no AS number, i.tax_invoice_no AS reference,
         CASE i.kind WHEN 'invoice' THEN i.total_gross ELSE -i.total_gross END AS amount, i.posted_at AS seq
    FROM invoices i WHERE i.customer_id IN ${OF_CUSTOMER}
  UNION ALL
  SELECT i.reversed_on, i.kind, 1, i.invoice_no, i.reversal_reason,
         CASE i.kind WHEN 'invoice' THEN -i.total_gross ELSE i.total_gross END, i.reversed_at
    FROM invoices i WHERE i.customer_id IN ${OF_CUSTOMER} AND i.reversed_on IS NOT NULL
  UNION ALL
  SELECT r.receipt_date, 'receipt', 0, r.receipt_no, r.reference, -r.amount, r.posted_at
    FROM receipts r WHERE r.customer_id IN ${OF_CUSTOMER}
  UNION ALL
  SELECT r.reversed_on, 'receipt', 1, r.receipt_no, r.reversal_reason, r.amount, r.reversed_at
    FROM receipts r WHERE r.customer_id IN ${OF_CUSTOMER} AND r.reversed_on IS NOT NULL
  UNION ALL
  -- A reversing entry carries the negative amount, so the same sign rule undoes the entry it reverses.
  SELECT a.allocation_date, a.kind, a.reverses_id IS NOT NULL,
         CASE a.kind WHEN 'writeoff' THEN (SELECT invoice_no FROM invoices WHERE id = a.invoice_id)
                     ELSE coalesce((SELECT receipt_no FROM receipts WHERE id = a.receipt_id), (SELECT invoice_no FROM invoices WHERE id = a.credit_note_id)) END,
         CASE a.kind WHEN 'writeoff' THEN a.reason ELSE a.reference END,
         CASE a.kind WHEN 'writeoff' THEN -a.amount ELSE a.amount END, a.created_at
    FROM receivable_allocations a WHERE a.customer_id IN ${OF_CUSTOMER} AND a.kind IN ('writeoff', 'refund')`;

const OPENING_SQL = `SELECT coalesce(sum(amount), 0) FROM (${POSTINGS_SQL}) WHERE date < @periodFrom`;
const LINES_SQL = `SELECT * FROM (${POSTINGS_SQL}) WHERE date BETWEEN @periodFrom AND @periodTo ORDER BY date, seq, number`;

interface PostingRow {
  date: string;
  kind: StatementLineKind;
  reversal: number;
  number: string;
  reference: string | null;
  amount: number;
}

interface CustomerRow {
  id: string;
  code: string;
  name: string;
  merged_into_id: string | null;
}

export function statementCustomer(sqlite: Sqlite, customerId: string): CustomerRow {
  const customer = statement(sqlite, 'SELECT id, code, name, merged_into_id FROM customers WHERE id = ?').get(customerId) as CustomerRow | undefined;
  if (!customer) throw new AppError('NOT_FOUND', `Customer ${customerId} does not exist`, [fieldIssue('customerId', 'not_found', { entity: 'customer', id: customerId })]);
  if (customer.merged_into_id) {
    throw new AppError('VALIDATION', `Customer ${customer.code} was merged into another customer; its statement is the survivor's`, [fieldIssue('customerId', 'merged_away')]);
  }
  return customer;
}

export function statementOfAccount(sqlite: Sqlite, period: { customerId: string; periodFrom: string; periodTo: string }): StatementOfAccount {
  const customer = statementCustomer(sqlite, period.customerId);
  const params = { customerId: customer.id, periodFrom: period.periodFrom, periodTo: period.periodTo };
  const openingBalance = statement(sqlite, OPENING_SQL).pluck().get(params) as number;
  const rows = statement(sqlite, LINES_SQL).all(params) as PostingRow[];
  let balance = openingBalance;
  const lines: StatementLine[] = rows.map((row) => {
    balance += row.amount;
    return {
      date: row.date,
      kind: row.kind,
      reversal: row.reversal === 1,
      number: row.number,
      reference: row.reference,
      debit: Math.max(row.amount, 0),
      credit: Math.max(-row.amount, 0),
      balance,
    };
  });
  const totalDebit = lines.reduce((sum, line) => sum + line.debit, 0);
  const totalCredit = lines.reduce((sum, line) => sum + line.credit, 0);
  return {
    customerId: customer.id,
    customerCode: customer.code,
    customerName: customer.name,
    periodFrom: period.periodFrom,
    periodTo: period.periodTo,
    currency: 'CNY',
    openingBalance,
    totalDebit,
    totalCredit,
    closingBalance: openingBalance + totalDebit - totalCredit,
    lines,
  };
}

export function figuresOf(statementOfAccount: StatementFigures): StatementFigures {
  const { openingBalance, totalDebit, totalCredit, closingBalance } = statementOfAccount;
  return { openingBalance, totalDebit, totalCredit, closingBalance };
}
