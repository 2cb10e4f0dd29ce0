/**
 * Importing a bank statement (导入银行流水): a dry run reads the file and suggests, per incoming
 * payment, the customer and the invoices it pays; the user reviews and accepts, and every accepted
 * line becomes a receipt with its allocations in one transaction. A line posted before (same date,
 * amount and reference) is skipped, never posted twice.
 */
import { AppError, validationError } from '../../api/errors';
import type { FieldIssue } from '../../api/issues';
import type { Sqlite } from '../../db/connection';
import { statement } from '../../db/statements';
import { readSpreadsheet } from '../imports/imports.file';
import { importFileBytes } from '../imports/imports.uploads';
import type { HandlerContext } from '../context';
import { allocateFrom, planAutoAllocation, receiptSource } from './allocation.service';
import { readStatement } from './bank-statement.read';
import { PayerMatcher } from './bank-statement.match';
import { createReceipt } from './receipts.service';
import type { BankStatementLine, BankStatementPreview, BankStatementResult, SuggestedAllocation } from './receivables.dto';
import { invoiceRow } from './receivables.repository';

interface LineKey {
  date: string;
  amount: number;
  reference?: string | null | undefined;
}

const keyOf = (line: LineKey) => `${line.date}|${line.amount}|${line.reference ?? ''}`;

/** The receipt already posted for this date, amount and reference, if any. */
function postedBefore(sqlite: Sqlite, line: LineKey): string | null {
  const row = statement(sqlite, "SELECT receipt_no FROM receipts WHERE receipt_date = ? AND amount = ? AND coalesce(reference, '') = ? AND status = 'posted' LIMIT 1").get(
    line.date,
    line.amount,
    line.reference ?? '',
  ) as { receipt_no: string } | undefined;
  return row?.receipt_no ?? null;
}

function withInvoices(sqlite: Sqlite, plan: { invoiceId: string; amount: number }[]): SuggestedAllocation[] {
  return plan.map((a) => {
    const invoice = invoiceRow(sqlite, a.invoiceId);
    return { invoiceId: a.invoiceId, invoiceNo: invoice.invoice_no, dueDate: invoice.due_date, openAmount: invoice.open_amount, amount: a.amount };
  });
}

export function suggestAllocation(sqlite: Sqlite, input: { customerId: string; amount: number; date: string }): SuggestedAllocation[] {
  return withInvoices(sqlite, planAutoAllocation(sqlite, input.customerId, input.amount, input.date));
}

export async function previewBankStatement(
  ctx: HandlerContext,
  input: { fileName: string; contentBase64?: string | undefined; uploadId?: string | undefined },
): Promise<BankStatementPreview> {
  const sqlite = ctx.sqlite;
  const file = await readSpreadsheet(input.fileName, await importFileBytes(input, ctx.user?.id ?? null));
  const read = readStatement(file.records);
  const matcher = new PayerMatcher(sqlite);
  const firstLine = new Map<string, number>();
  // Invoices promised to earlier lines are not suggested again to later ones.
  const planned = new Map<string, number>();
  const lines = read.rows.map((row): BankStatementLine => {
    const customer = row.payer ? matcher.match(row.payer, row.account) : null;
    let duplicateOf: BankStatementLine['duplicateOf'] = null;
    let allocations: SuggestedAllocation[] = [];
    if (row.date && row.amount) {
      const key = { date: row.date, amount: row.amount, reference: row.reference };
      const receiptNo = postedBefore(sqlite, key);
      const earlier = firstLine.get(keyOf(key));
      if (receiptNo || earlier !== undefined) duplicateOf = { receiptNo, line: earlier ?? null };
      else firstLine.set(keyOf(key), row.line);
      if (customer && !duplicateOf && row.problems.length === 0) {
        const plan = planAutoAllocation(sqlite, customer.id, row.amount, row.date, planned);
        for (const a of plan) planned.set(a.invoiceId, (planned.get(a.invoiceId) ?? 0) + a.amount);
        allocations = withInvoices(sqlite, plan);
      }
    }
    return { ...row, duplicateOf, customer, allocations };
  });
  return { encoding: file.encoding, columns: read.columns, lines, outgoing: read.outgoing };
}

export interface AcceptedLine extends LineKey {
  line: number;
  payer: string;
  memo?: string | null | undefined;
  customerId: string;
  /** Left out: allocated automatically (exact amount first, then oldest due); empty: kept as the customer's credit. */
  allocations?: { invoiceId: string; amount: number }[] | undefined;
}

/** Field names of createReceipt and allocate as the statement's columns. */
function linePath(index: number, path: string): string {
  const column = path === 'receiptDate' || path === 'allocationDate' ? 'date' : path;
  return `lines.${index}.${column}`;
}

/**
 * Posts every line or none: the first refused line does not stop the others from being checked, so
 * the answer names every row that needs fixing (which line, which field, why).
 */
export function importBankStatement(ctx: HandlerContext, input: { bankAccount?: string | null | undefined; lines: AcceptedLine[] }): BankStatementResult {
  const sqlite = ctx.sqlite;
  const issues: FieldIssue[] = [];
  const result: BankStatementResult = { posted: [], skipped: [] };
  const seen = new Set<string>();
  input.lines.forEach((line, index) => {
    const receiptNo = postedBefore(sqlite, line);
    if (receiptNo || seen.has(keyOf(line))) {
      result.skipped.push({ line: line.line, receiptNo });
      return;
    }
    seen.add(keyOf(line));
    try {
      const { receipt, allocations } = createReceipt(ctx, {
        customerId: line.customerId,
        receiptDate: line.date,
        method: 'bank_transfer',
        amount: line.amount,
        bankAccount: input.bankAccount ?? null,
        reference: line.reference ?? null,
        notes: [line.payer, line.memo].filter(Boolean).join(' · ').slice(0, 500) || null,
        autoAllocate: line.allocations === undefined,
      });
      const chosen = line.allocations?.length ? allocateFrom(ctx, receiptSource(sqlite, receipt.id), line.allocations, line.date) : allocations;
      result.posted.push({ line: line.line, receiptId: receipt.id, receiptNo: receipt.receiptNo, allocated: chosen.reduce((sum, a) => sum + a.amount, 0) });
    } catch (error) {
      if (!(error instanceof AppError) || !error.issues?.length) throw error;
      issues.push(...error.issues.map((issue) => ({ ...issue, path: linePath(index, issue.path), params: { ...issue.params, line: line.line } })));
    }
  });
  if (issues.length) throw validationError(issues);
  return result;
}
