/**
 * E-mail for reminders: the SMTP settings and one way to send. The password is kept like the
 * product's other secrets (SECURITY.md): in the settings table under a key named as a password, so
 * it never reaches the audit log, the diagnostics zip or the screen, which learns only hasPassword.
 */
import nodemailer from 'nodemailer';
import { AppError } from '../../api/errors';
import { fieldIssue } from '../../api/issues';
import type { Sqlite } from '../../db/connection';
import { statement } from '../../db/statements';
import type { SmtpSettings } from './dunning.contract';

const SMTP_SETTING = 'dunning.smtp';
const SMTP_PASSWORD_SETTING = 'dunning.smtp.password';

type StoredSmtp = Omit<SmtpSettings, 'hasPassword'>;

function readJson<T>(sqlite: Sqlite, key: string): T | null {
  const raw = statement(sqlite, 'SELECT value FROM settings WHERE key = ?').pluck().get(key) as string | undefined;
  return raw === undefined ? null : (JSON.parse(raw) as T);
}

function writeJson(sqlite: Sqlite, key: string, value: unknown): void {
  statement(sqlite, 'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(key, JSON.stringify(value));
}

export function smtpSettings(sqlite: Sqlite): SmtpSettings | null {
  const stored = readJson<StoredSmtp>(sqlite, SMTP_SETTING);
  if (!stored) return null;
  return { ...stored, hasPassword: Boolean(readJson<string>(sqlite, SMTP_PASSWORD_SETTING)) };
}

/** `password` left out keeps the one kept now; null clears the whole setting. */
export function saveSmtpSettings(sqlite: Sqlite, input: (StoredSmtp & { password?: string }) | null): void {
  if (input === null) {
    writeJson(sqlite, SMTP_SETTING, null);
    writeJson(sqlite, SMTP_PASSWORD_SETTING, '');
    return;
  }
  const { password, ...stored } = input;
  writeJson(sqlite, SMTP_SETTING, stored);
  if (password !== undefined) writeJson(sqlite, SMTP_PASSWORD_SETTING, password);
}

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  /** The customer's statement of account, for a reminder. */
  attachments?: { filename: string; content: Buffer; contentType: string }[];
}

/**
 * Sends one message and returns the Message-ID the server took it under; a refusal or an
 * unreachable server is a CONFLICT naming what the server said.
 */
export async function sendMail(sqlite: Sqlite, mail: OutgoingMail): Promise<string> {
  const smtp = smtpSettings(sqlite);
  if (!smtp) throw new AppError('CONFLICT', 'E-mail is not set up: fill in the SMTP settings first', [fieldIssue('smtp', 'smtp_not_set')]);
  const password = readJson<string>(sqlite, SMTP_PASSWORD_SETTING) ?? '';
  const transport = nodemailer.createTransport({
    host: smtp.host,
    port: smtp.port,
    secure: smtp.secure,
    auth: smtp.user ? { user: smtp.user, pass: password } : undefined,
    // A reminder is sent while the user waits: a dead server must not hold the screen for minutes.
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 20_000,
  });
  try {
    const info = (await transport.sendMail({ from: smtp.from, to: mail.to, subject: mail.subject, text: mail.text, attachments: mail.attachments })) as { messageId: string };
    return info.messageId;
  } catch (error) {
    const detail = error instanceof Error ? error.message.slice(0, 200) : String(error);
    throw new AppError('CONFLICT', `The mail server did not take the message: ${detail}`, [fieldIssue('smtp', 'email_failed', { detail })]);
  } finally {
    transport.close();
  }
}
