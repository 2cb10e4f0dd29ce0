/**
 * E-mailing a reminder with the customer's statement of account attached. The mail server may take
 * twenty seconds to answer, so the send is three steps and no write waits for it: a short
 * transaction records the attempt ('sending'), the statement PDF is laid out and the server spoken
 * to outside any transaction, and a second short transaction records what the server said. A crash
 * between the two leaves the attempt 'sending': the reminder is still due, and sending it again
 * needs someone to confirm it may already have reached the customer.
 */
import { AppError } from '../../api/errors';
import { fieldIssue } from '../../api/issues';
import type { Sqlite } from '../../db/connection';
import { statement } from '../../db/statements';
import { appendAudit } from '../audit/audit.service';
import type { AuditChange, HandlerContext } from '../context';
import { monthStart } from '../core/dates';
import { businessToday } from '../receivables/invoices.service';
import { INVOICE_SELECT } from '../receivables/receivables.repository';
import { newId, nowIso } from '../shared/ids';
import { statementPdf } from '../statements/statement-pdf';
import { statementFileName, type Reminder, type TemplateLanguage } from './dunning.contract';
import { sendMail, smtpSettings } from './dunning.email';
import { assertDue, assertMayHandle, findReminder, handleReminder, previewReminder } from './dunning.reminders';
import { inFlightAttempt, SEND_TIMEOUT_MS, SETTLE_ATTEMPT } from './dunning.attempts';

/**
 * One short write transaction with its own audit row. A send's steps commit on their own so the
 * wait for the mail server in between holds no lock; everything else goes through dispatch's.
 */
async function committed<T>(ctx: HandlerContext, work: (step: HandlerContext) => T): Promise<T> {
  return ctx.db.transaction().execute(async (trx) => {
    const changes: AuditChange[] = [];
    const result = work({ ...ctx, db: trx, audit: (change) => changes.push(change) });
    if (changes.length > 0) appendAudit(ctx.sqlite, { user: ctx.user, method: 'dunning.send', changes, transport: ctx.transport });
    return result;
  });
}

/** The statement runs from the month of the customer's oldest open invoice, so every debt chased is on it. */
export function reminderStatementPeriod(sqlite: Sqlite, customerId: string, today: string): { customerId: string; periodFrom: string; periodTo: string } {
  const oldest = statement(
    sqlite,
    `SELECT min(invoice_date) FROM (${INVOICE_SELECT}
      WHERE i.customer_id IN (SELECT id FROM customers WHERE id = @customerId OR merged_into_id = @customerId)
        AND i.kind = 'invoice' AND i.status = 'posted' AND i.invoice_date <= @today) WHERE open_amount > 0`,
  )
    .pluck()
    .get({ customerId, today }) as string | null;
  return { customerId, periodFrom: monthStart(oldest ?? today), periodTo: today };
}

interface Claim {
  reminder: Reminder;
  attemptId: string;
  to: string;
  subject: string;
  body: string;
  attachment: string;
  period: { customerId: string; periodFrom: string; periodTo: string };
}

/** Step 1: the reminder may be sent, by this caller, now; the attempt is written down before anything leaves. */
function claim(step: HandlerContext, id: string, language: TemplateLanguage, today: string, resend: boolean): Claim {
  const reminder = findReminder(step.sqlite, id);
  assertMayHandle(step, reminder);
  assertDue(reminder);
  const message = previewReminder(step, id, language);
  if (!message.to) throw new AppError('CONFLICT', 'The customer has no e-mail address', [fieldIssue('id', 'no_email_address')]);
  if (!smtpSettings(step.sqlite)) throw new AppError('CONFLICT', 'E-mail is not set up: fill in the SMTP settings first', [fieldIssue('smtp', 'smtp_not_set')]);
  const pending = inFlightAttempt(step.sqlite, id);
  const now = nowIso();
  if (pending) {
    if (Date.now() - Date.parse(pending.started_at) <= SEND_TIMEOUT_MS) {
      throw new AppError('CONFLICT', `This reminder is being sent (since ${pending.started_at})`, [fieldIssue('id', 'send_in_progress', { since: pending.started_at })]);
    }
    if (!resend) {
      throw new AppError('CONFLICT', `A send started ${pending.started_at} never finished: it may have reached the customer; send again only if you mean to`, [
        fieldIssue('id', 'send_unconfirmed', { since: pending.started_at }),
      ]);
    }
    statement(step.sqlite, SETTLE_ATTEMPT).run({ id: pending.id, status: 'unknown', messageId: null, error: 'interrupted before the mail server answered', now });
  }
  const attemptId = newId();
  const attachment = statementFileName(reminder.customerName, today);
  statement(
    step.sqlite,
    `INSERT INTO dunning_emails (id, reminder_id, email_to, subject, attachment, started_at, started_by) VALUES (?, ?, ?, ?, ?, ?, ?)`,
  ).run(attemptId, id, message.to, message.subject, attachment, now, step.user?.id ?? null);
  step.audit({ entityType: 'dunning_reminder', entityId: id, fields: { email: { before: pending ? 'unconfirmed' : null, after: 'sending' } } });
  return { reminder, attemptId, to: message.to, subject: message.subject, body: message.body, attachment, period: reminderStatementPeriod(step.sqlite, reminder.customerId, today) };
}

/** Step 2, outside any transaction: the statement laid out and handed to the mail server. */
async function deliver(ctx: HandlerContext, claimed: Claim): Promise<{ messageId: string } | { error: AppError }> {
  try {
    const pdf = await statementPdf(ctx, claimed.period);
    const messageId = await sendMail(ctx.sqlite, {
      to: claimed.to,
      subject: claimed.subject,
      text: claimed.body,
      attachments: [{ filename: claimed.attachment, content: pdf, contentType: 'application/pdf' }],
    });
    return { messageId };
  } catch (error) {
    if (error instanceof AppError) return { error };
    const detail = error instanceof Error ? error.message.slice(0, 200) : String(error);
    return { error: new AppError('CONFLICT', `The statement could not be attached: ${detail}`, [fieldIssue('id', 'statement_pdf_failed', { detail })]) };
  }
}

export async function sendReminder(ctx: HandlerContext, id: string, language: TemplateLanguage, resend = false): Promise<Reminder> {
  const today = await businessToday(ctx);
  const claimed = await committed(ctx, (step) => claim(step, id, language, today, resend));
  const outcome = await deliver(ctx, claimed);
  // Step 3: what the server said, in a second short transaction.
  return committed(ctx, (step) => {
    if ('error' in outcome) {
      const reason = String(outcome.error.issues?.[0]?.params?.detail ?? outcome.error.message).slice(0, 500);
      statement(step.sqlite, SETTLE_ATTEMPT).run({ id: claimed.attemptId, status: 'failed', messageId: null, error: reason, now: nowIso() });
      step.audit({ entityType: 'dunning_reminder', entityId: id, fields: { email: { before: 'sending', after: 'failed' }, error: { before: null, after: reason } } });
      return null;
    }
    statement(step.sqlite, SETTLE_ATTEMPT).run({ id: claimed.attemptId, status: 'sent', messageId: outcome.messageId, error: null, now: nowIso() });
    return handleReminder(step, claimed.reminder, { status: 'sent', emailTo: claimed.to, subject: claimed.subject, body: claimed.body });
  }).then((sent) => {
    if (sent === null) throw (outcome as { error: AppError }).error;
    return sent;
  });
}
