/** The attempts to e-mail a reminder (dunning_emails), as dunning.send writes them and the queue shows them. */
import type { Sqlite } from '../../db/connection';
import { statement } from '../../db/statements';
import type { ReminderEmail } from './dunning.contract';
import type { DunningEmailsTable } from './dunning.tables';

/** Longer than the PDF and the mail server's timeouts together: an older 'sending' attempt was cut off. */
export const SEND_TIMEOUT_MS = 120_000;

export function inFlightAttempt(sqlite: Sqlite, reminderId: string): DunningEmailsTable | undefined {
  return statement(sqlite, "SELECT * FROM dunning_emails WHERE reminder_id = ? AND status = 'sending'").get(reminderId) as DunningEmailsTable | undefined;
}

export function lastEmailOf(sqlite: Sqlite, reminderId: string): ReminderEmail | null {
  const row = statement(sqlite, 'SELECT * FROM dunning_emails WHERE reminder_id = ? ORDER BY started_at DESC, id DESC LIMIT 1').get(reminderId) as DunningEmailsTable | undefined;
  if (!row) return null;
  const status = row.status === 'sending' && Date.now() - Date.parse(row.started_at) > SEND_TIMEOUT_MS ? 'unconfirmed' : row.status;
  return { status, to: row.email_to, attachment: row.attachment, messageId: row.message_id, error: row.error, startedAt: row.started_at, finishedAt: row.finished_at };
}

export const SETTLE_ATTEMPT = "UPDATE dunning_emails SET status = @status, message_id = @messageId, error = @error, finished_at = @now WHERE id = @id AND status = 'sending'";
