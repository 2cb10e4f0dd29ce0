/**
 * Statements of account (对账单): what a customer owed at the start of a period, every posting in
 * it, and what it owed at the end, sent to the customer to confirm or dispute. Runtime-neutral;
 * the renderer imports it. Amounts are integer fen.
 */
import { z } from 'zod';
import { method } from '../../api/method';
import { issue } from '../../api/issues';
import { pageFields, type Page } from '../../api/paging';
import type { PrintableDocument } from '../core/document';
import { dateField, isoDate } from '../customers/customers.rules';

const id = z.string().uuid('Not a valid id');

export const STATEMENT_STATUSES = ['draft', 'sent', 'confirmed', 'disputed'] as const;
export type StatementStatus = (typeof STATEMENT_STATUSES)[number];

/** The postings that move what a customer owes; allocations between them do not. */
export const STATEMENT_LINE_KINDS = ['invoice', 'credit_note', 'receipt', 'writeoff', 'refund'] as const;
export type StatementLineKind = (typeof STATEMENT_LINE_KINDS)[number];

export interface StatementLine {
  date: string;
  kind: StatementLineKind;
  /** The reversal of an earlier posting of this kind (红冲), on the day it was reversed. */
  reversal: boolean;
  /** The document's number: INV-…, CN-…, RC-…; for a write-off, the invoice written off. */
  number: string;
  /** The receipt's bank reference, or the receipt or credit note a refund paid out. */
  reference: string | null;
  /** Raises what is owed (借方, 应收增加). */
  debit: number;
  /** Lowers it (贷方, 收款 / 冲减). */
  credit: number;
  /** What was owed after this line. */
  balance: number;
}

export interface StatementFigures {
  openingBalance: number;
  totalDebit: number;
  totalCredit: number;
  closingBalance: number;
}

/** A statement as the ledger has it now, saved or not. */
export interface StatementOfAccount extends StatementFigures {
  customerId: string;
  customerCode: string;
  customerName: string;
  periodFrom: string;
  periodTo: string;
  currency: string;
  lines: StatementLine[];
}

export interface StatementSummary {
  id: string;
  number: string | null;
  status: StatementStatus;
  customerId: string;
  customerCode: string;
  customerName: string;
  periodFrom: string;
  periodTo: string;
  closingBalance: number;
  sentOn: string | null;
  respondedOn: string | null;
  customerNote: string | null;
  createdAt: string;
}

/**
 * A saved statement. Once sent, its figures are those it was sent with; the lines are re-derived
 * from the ledger, and `ledgerClosingBalance` tells when a back-dated posting has moved them since.
 */
export interface Statement extends StatementOfAccount {
  id: string;
  number: string | null;
  status: StatementStatus;
  sentOn: string | null;
  respondedOn: string | null;
  customerNote: string | null;
  createdAt: string;
  ledgerClosingBalance: number;
  /** The open follow-up task a dispute raised, if any. */
  taskId: string | null;
}

export const statementPeriod = z
  .object({ customerId: id, periodFrom: isoDate, periodTo: isoDate })
  .strict()
  .superRefine((period, ctx) => {
    if (period.periodTo < period.periodFrom) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['periodTo'], ...issue('before_document_date', { date: period.periodFrom }) });
    }
  });

export const statementListFilters = z
  .object({ status: z.enum(STATEMENT_STATUSES).optional(), customerId: id.optional() })
  .strict();
export type StatementListFilters = z.input<typeof statementListFilters>;

const note = z.string().trim().max(500);

export const statementsContract = {
  /** The statement as it would be saved, without saving it. */
  'statements.preview': method<StatementOfAccount>()({ input: statementPeriod, permission: 'statements.read', mutates: false }),
  'statements.create': method<Statement>()({ input: statementPeriod, permission: 'statements.write', mutates: true }),
  'statements.get': method<Statement>()({ input: z.object({ id }).strict(), permission: 'statements.read', mutates: false }),
  'statements.list': method<Page<StatementSummary>>()({
    input: z.object({ filters: statementListFilters.default({}), ...pageFields }).strict(),
    permission: 'statements.read',
    mutates: false,
  }),
  /** Numbers the statement and freezes its figures as sent. */
  'statements.markSent': method<Statement>()({ input: z.object({ id, sentOn: dateField }).strict(), permission: 'statements.write', mutates: true }),
  'statements.confirm': method<Statement>()({
    input: z.object({ id, respondedOn: dateField, note: note.optional() }).strict(),
    permission: 'statements.write',
    mutates: true,
  }),
  /** The customer's objection, in their words; it becomes a task for the customer's owner. */
  'statements.dispute': method<Statement>()({
    input: z.object({ id, respondedOn: dateField, note: note.min(1, 'Say what the customer disputes') }).strict(),
    permission: 'statements.write',
    mutates: true,
  }),
};

/** The statement as print.document hands it to the 对账单 template: a document with no goods lines. */
export interface PrintableStatement extends PrintableDocument {
  statement: Pick<StatementOfAccount, 'periodFrom' | 'periodTo' | 'customerCode' | 'customerName' | 'lines'> & StatementFigures;
}

export function isPrintableStatement(document: PrintableDocument): document is PrintableStatement {
  return 'statement' in document;
}
