/**
 * Saved statements of account: created as drafts for a customer and period, numbered and frozen
 * when sent, then confirmed or disputed by the customer. A dispute becomes a task for the
 * customer's owner. Every status change is audited with its before and after.
 */
import { sql } from 'kysely';
import { AppError } from '../../api/errors';
import { fieldIssue } from '../../api/issues';
import type { Page } from '../../api/paging';
import { cappedCount } from '../../db/counts';
import type { Sqlite } from '../../db/connection';
import { statement } from '../../db/statements';
import { changedFields, type HandlerContext } from '../context';
import { addDays } from '../core/dates';
import { customerIdVisible } from '../customers/customers.scope';
import { assertTransition, documentKind, findDocument } from '../core/document';
import { nextNumber, type SeriesDefinition } from '../core/numbering';
import { businessToday } from '../receivables/invoices.service';
import { newId, nowIso } from '../shared/ids';
import { createTaskForCustomerOwner } from '../tasks/tasks.service';
import { figuresOf, statementOfAccount } from './statement-of-account';
import type { Statement, StatementStatus, StatementSummary } from './statements.contract';
import type { StatementsTable } from './statements.tables';

export const STATEMENT_SERIES: SeriesDefinition = { code: 'statement', prefix: 'ST', perYear: true, padding: 6 };

export const STATEMENT_KIND = documentKind<StatementStatus>({
  kind: 'statement',
  table: 'statements',
  series: STATEMENT_SERIES,
  // A disputed statement is confirmed once the difference is cleared up with the customer.
  transitions: { draft: ['sent'], sent: ['confirmed', 'disputed'], disputed: ['confirmed'], confirmed: [] },
  frozenIn: ['sent', 'confirmed', 'disputed'],
  numberedIn: 'sent',
});

/** The task a dispute raises is due this many days after the customer answered. */
const DISPUTE_FOLLOW_UP_DAYS = 3;

const TASK_SOURCE = 'statement';

type Ctx = Pick<HandlerContext, 'db' | 'sqlite' | 'user' | 'audit'>;

function statementRow(sqlite: Sqlite, id: string): StatementsTable {
  findDocument(sqlite, STATEMENT_KIND, id);
  return statement(sqlite, 'SELECT * FROM statements WHERE id = ?').get(id) as StatementsTable;
}

function auditView(row: StatementsTable) {
  return { number: row.number, status: row.status, sentOn: row.sent_on, respondedOn: row.responded_on, customerNote: row.customer_note, closingBalance: row.closing_balance };
}

/** By id or by number (ST-2026-000001), as print and the CLI name it. */
export function findStatementId(sqlite: Sqlite, ref: string): string {
  const id = statement(sqlite, 'SELECT id FROM statements WHERE id = ? OR number = ?').pluck().get(ref, ref) as string | undefined;
  if (!id) throw new AppError('NOT_FOUND', `Statement ${ref} does not exist`, [fieldIssue('ref', 'not_found', { entity: 'statement', id: ref })]);
  return id;
}

export function getStatement(sqlite: Sqlite, id: string): Statement {
  const row = statementRow(sqlite, id);
  const live = statementOfAccount(sqlite, { customerId: row.customer_id, periodFrom: row.period_from, periodTo: row.period_to });
  // A draft shows the ledger as it is now; once sent, the figures it was sent with.
  const figures =
    row.status === 'draft'
      ? figuresOf(live)
      : { openingBalance: row.opening_balance, totalDebit: row.total_debit, totalCredit: row.total_credit, closingBalance: row.closing_balance };
  const taskId = statement(sqlite, 'SELECT id FROM tasks WHERE source_kind = ? AND source_id = ? AND done_at IS NULL ORDER BY created_at DESC LIMIT 1')
    .pluck()
    .get(TASK_SOURCE, id) as string | undefined;
  return {
    ...live,
    ...figures,
    id: row.id,
    number: row.number,
    status: row.status,
    currency: row.currency,
    sentOn: row.sent_on,
    respondedOn: row.responded_on,
    customerNote: row.customer_note,
    createdAt: row.created_at,
    ledgerClosingBalance: live.closingBalance,
    taskId: taskId ?? null,
  };
}

export async function createStatement(ctx: Ctx, period: { customerId: string; periodFrom: string; periodTo: string }): Promise<Statement> {
  const today = await businessToday(ctx);
  if (period.periodTo > today) throw new AppError('VALIDATION', `The period ends after today (${today})`, [fieldIssue('periodTo', 'too_big', { max: today })]);
  const soa = statementOfAccount(ctx.sqlite, period);
  const id = newId();
  const now = nowIso();
  statement(
    ctx.sqlite,
    `INSERT INTO statements (id, customer_id, period_from, period_to, status, currency, opening_balance, total_debit, total_credit, closing_balance, created_at, created_by, updated_at)
     VALUES (@id, @customer_id, @period_from, @period_to, 'draft', @currency, @opening_balance, @total_debit, @total_credit, @closing_balance, @now, @created_by, @now)`,
  ).run({
    id,
    customer_id: soa.customerId,
    period_from: soa.periodFrom,
    period_to: soa.periodTo,
    currency: soa.currency,
    opening_balance: soa.openingBalance,
    total_debit: soa.totalDebit,
    total_credit: soa.totalCredit,
    closing_balance: soa.closingBalance,
    now,
    created_by: ctx.user?.id ?? null,
  });
  const row = statementRow(ctx.sqlite, id);
  ctx.audit({ entityType: 'statement', entityId: id, fields: changedFields(null, { customerId: row.customer_id, periodFrom: row.period_from, periodTo: row.period_to, ...auditView(row) }) });
  return getStatement(ctx.sqlite, id);
}

function notBefore(date: string, earliest: string, path: string): void {
  if (date < earliest) throw new AppError('VALIDATION', `${path} ${date} is before ${earliest}`, [fieldIssue(path, 'before_document_date', { date: earliest })]);
}

/** Numbers the statement and stores the ledger's figures as they are sent. */
export async function markStatementSent(ctx: Ctx, input: { id: string; sentOn?: string | null }): Promise<Statement> {
  const before = statementRow(ctx.sqlite, input.id);
  assertTransition(STATEMENT_KIND, before.status, 'sent');
  const sentOn = input.sentOn ?? (await businessToday(ctx));
  // A statement goes out once its period is over: before that its closing balance can still move.
  notBefore(sentOn, before.period_to, 'sentOn');
  const figures = figuresOf(statementOfAccount(ctx.sqlite, { customerId: before.customer_id, periodFrom: before.period_from, periodTo: before.period_to }));
  statement(
    ctx.sqlite,
    `UPDATE statements SET status = 'sent', number = @number, sent_on = @sentOn, opening_balance = @openingBalance, total_debit = @totalDebit,
            total_credit = @totalCredit, closing_balance = @closingBalance, updated_at = @now WHERE id = @id`,
  ).run({ id: input.id, number: nextNumber(ctx.sqlite, STATEMENT_SERIES, sentOn), sentOn, ...figures, now: nowIso() });
  ctx.audit({ entityType: 'statement', entityId: input.id, fields: changedFields(auditView(before), auditView(statementRow(ctx.sqlite, input.id))) });
  return getStatement(ctx.sqlite, input.id);
}

/** The customer's answer: confirmed (以上对账无误) or disputed with what they say differs. */
export async function recordCustomerAnswer(
  ctx: Ctx,
  input: { id: string; respondedOn?: string | null; note?: string | null },
  answer: 'confirmed' | 'disputed',
): Promise<Statement> {
  const before = statementRow(ctx.sqlite, input.id);
  assertTransition(STATEMENT_KIND, before.status, answer);
  const respondedOn = input.respondedOn ?? (await businessToday(ctx));
  notBefore(respondedOn, before.sent_on!, 'respondedOn');
  const note = input.note?.trim() || null;
  if (answer === 'disputed' && !note) throw new AppError('VALIDATION', 'Say what the customer disputes', [fieldIssue('note', 'reason_required')]);
  statement(ctx.sqlite, 'UPDATE statements SET status = ?, responded_on = ?, customer_note = ?, updated_at = ? WHERE id = ?').run(answer, respondedOn, note, nowIso(), input.id);
  const after = statementRow(ctx.sqlite, input.id);
  ctx.audit({ entityType: 'statement', entityId: input.id, fields: changedFields(auditView(before), auditView(after)) });
  if (answer === 'disputed') {
    createTaskForCustomerOwner(ctx, {
      customerId: after.customer_id,
      title: `${after.number}: ${note}`.slice(0, 200),
      dueDate: addDays(respondedOn, DISPUTE_FOLLOW_UP_DAYS),
      sourceKind: TASK_SOURCE,
      sourceId: after.id,
    });
  }
  return getStatement(ctx.sqlite, input.id);
}

interface SummaryRow extends StatementsTable {
  customer_code: string;
  customer_name: string;
}

export async function listStatements(
  ctx: Pick<HandlerContext, 'db' | 'dataScope'>,
  filters: { status?: StatementStatus; customerId?: string },
  page: { page: number; pageSize: number },
): Promise<Page<StatementSummary>> {
  const conditions = [sql`1 = 1`];
  if (filters.status) conditions.push(sql`s.status = ${filters.status}`);
  if (filters.customerId) conditions.push(sql`s.customer_id = ${filters.customerId}`);
  const inScope = customerIdVisible(await ctx.dataScope(), 's.customer_id');
  if (inScope) conditions.push(inScope);
  const fromWhere = sql`FROM statements s WHERE ${sql.join(conditions, sql` AND `)}`;
  const count = await cappedCount(ctx.db, fromWhere);
  const { rows } = await sql<SummaryRow>`SELECT s.*, c.code AS customer_code, c.name AS customer_name
      FROM statements s JOIN customers c ON c.id = s.customer_id
     WHERE ${sql.join(conditions, sql` AND `)}
     ORDER BY s.created_at DESC, s.id DESC LIMIT ${page.pageSize} OFFSET ${(page.page - 1) * page.pageSize}`.execute(ctx.db);
  return {
    rows: rows.map((row) => ({
      id: row.id,
      number: row.number,
      status: row.status,
      customerId: row.customer_id,
      customerCode: row.customer_code,
      customerName: row.customer_name,
      periodFrom: row.period_from,
      periodTo: row.period_to,
      closingBalance: row.closing_balance,
      sentOn: row.sent_on,
      respondedOn: row.responded_on,
      customerNote: row.customer_note,
      createdAt: row.created_at,
    })),
    ...count,
  };
}
