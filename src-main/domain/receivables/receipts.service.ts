/**
 * Receipts (收款单): money in by bank transfer, cash, WeChat Pay, Alipay or a bank acceptance bill.
 * A receipt lowers what the customer owes at once; what is not allocated stays as customer credit.
 */
import { validationError } from '../../api/errors';
import { fieldIssue } from '../../api/issues';
import { sql, type RawBuilder } from 'kysely';
import type { Page } from '../../api/paging';
import { cappedCount } from '../../db/counts';
import type { Sqlite } from '../../db/connection';
import { statement } from '../../db/statements';
import { nextNumber, type SeriesDefinition } from '../core/numbering';
import { customerIdVisible, customerIdVisibleText } from '../customers/customers.scope';
import type { HandlerContext } from '../context';
import { newId, nowIso } from '../shared/ids';
import { autoAllocate, receiptSource } from './allocation.service';
import { markReversed } from './invoices.service';
import type { Allocation, Receipt, ReceiptMethod } from './receivables.dto';
import { customerTerms, moveBalance, numberOrCustomerContains, RECEIPT_SELECT, receiptRow, toReceipt, type ReceiptRow } from './receivables.repository';
import { assertPeriodOpen } from '../core/periods';

export const RECEIPT_SERIES: SeriesDefinition = { code: 'receipt', prefix: 'SK', perYear: true, padding: 6 };

export interface ReceiptInput {
  customerId: string;
  receiptDate: string;
  method: ReceiptMethod;
  amount: number;
  bankAccount?: string | null;
  reference?: string | null;
  billMaturityDate?: string | null;
  notes?: string | null;
  autoAllocate: boolean;
}

export function findReceipt(sqlite: Sqlite, id: string): Receipt {
  return toReceipt(receiptRow(sqlite, id));
}

const INSERT_RECEIPT = `INSERT INTO receipts (id, receipt_no, customer_id, receipt_date, period, method, amount, bank_account, reference, bill_maturity_date, notes, posted_at, posted_by)
  VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`;

/** The receipt's row as posted; the caller moves the customer's balance with it. */
export function writeReceipt(sqlite: Sqlite, row: { id: string; receiptNo: string; customerId: string; postedAt: string; postedBy: string | null }, input: Omit<ReceiptInput, 'autoAllocate'>): void {
  statement(sqlite, INSERT_RECEIPT).run(
    row.id,
    row.receiptNo,
    row.customerId,
    input.receiptDate,
    input.receiptDate.slice(0, 7),
    input.method,
    input.amount,
    input.bankAccount ?? null,
    input.reference ?? null,
    input.billMaturityDate ?? null,
    input.notes ?? null,
    row.postedAt,
    row.postedBy,
  );
}

export function createReceipt(ctx: HandlerContext, input: ReceiptInput): { receipt: Receipt; allocations: Allocation[] } {
  const sqlite = ctx.sqlite;
  const customer = customerTerms(sqlite, input.customerId);
  if (input.method === 'acceptance_bill') {
    if (!input.billMaturityDate) throw validationError([fieldIssue('billMaturityDate', 'required')]);
    if (input.billMaturityDate < input.receiptDate) throw validationError([fieldIssue('billMaturityDate', 'before_document_date', { date: input.receiptDate })]);
  } else if (input.billMaturityDate) {
    throw validationError([fieldIssue('billMaturityDate', 'not_allowed', { reason: 'only_for_acceptance_bills' })]);
  }
  assertPeriodOpen(sqlite, input.receiptDate, 'receiptDate');
  const id = newId();
  const now = nowIso();
  const receiptNo = nextNumber(sqlite, RECEIPT_SERIES, input.receiptDate);
  writeReceipt(sqlite, { id, receiptNo, customerId: customer.id, postedAt: now, postedBy: ctx.user?.id ?? null }, input);
  moveBalance(sqlite, customer.id, -input.amount, now);
  ctx.audit({ entityType: 'receipt', entityId: id, fields: { receiptNo: { before: null, after: receiptNo }, amount: { before: null, after: input.amount } } });
  const allocations = input.autoAllocate ? autoAllocate(ctx, receiptSource(sqlite, id), input.receiptDate) : [];
  return { receipt: findReceipt(sqlite, id), allocations };
}

export async function reverseReceipt(ctx: HandlerContext, input: { id: string; reversedOn?: string | null; reason: string }): Promise<Receipt> {
  const row = receiptRow(ctx.sqlite, input.id);
  const { now } = await markReversed(ctx, { table: 'receipts', id: row.id, number: row.receipt_no, date: row.receipt_date, status: row.status }, input);
  moveBalance(ctx.sqlite, row.customer_id, row.amount, now);
  return findReceipt(ctx.sqlite, row.id);
}

export async function listReceipts(
  ctx: Pick<HandlerContext, 'db' | 'sqlite' | 'dataScope'>,
  input: { customerId?: string; unappliedOnly: boolean; q?: string; page: number; pageSize: number },
): Promise<Page<Receipt>> {
  const where: string[] = [];
  const conditions: RawBuilder<unknown>[] = [];
  const params: unknown[] = [];
  if (input.customerId) {
    where.push('r.customer_id = ?');
    conditions.push(sql`r.customer_id = ${input.customerId}`);
    params.push(input.customerId);
  }
  if (input.unappliedOnly) {
    const unapplied = `r.status = 'posted' AND r.amount > coalesce((SELECT sum(a.amount) FROM receivable_allocations a WHERE a.receipt_id = r.id), 0)`;
    where.push(unapplied);
    conditions.push(sql.raw(unapplied));
  }
  if (input.q) {
    const search = numberOrCustomerContains(['r.receipt_no', 'r.reference'], 'r.customer_id', input.q);
    where.push(search.text);
    conditions.push(search.condition);
    params.push(...search.params);
  }
  const scope = await ctx.dataScope();
  const inScope = customerIdVisibleText(scope, 'r.customer_id');
  if (inScope) {
    where.push(inScope.text);
    conditions.push(customerIdVisible(scope, 'r.customer_id')!);
    params.push(...inScope.params);
  }
  const filter = where.length ? ` WHERE ${where.join(' AND ')}` : '';
  const count = await cappedCount(ctx.db, sql`FROM receipts r ${conditions.length ? sql`WHERE ${sql.join(conditions, sql` AND `)}` : sql``}`);
  const rows = statement(ctx.sqlite, `${RECEIPT_SELECT}${filter} ORDER BY r.receipt_date DESC, r.id DESC LIMIT ? OFFSET ?`)
    .all(...params, input.pageSize, (input.page - 1) * input.pageSize) as ReceiptRow[];
  return { rows: rows.map(toReceipt), ...count };
}
