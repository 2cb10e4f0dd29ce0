/**
 * 催收 and 信用冻结: reminder levels and their templates, the daily job that raises reminders and
 * credit holds, the reminder queue (send by e-mail, skip, or done by phone), manual holds, and the
 * SMTP settings. Runtime-neutral; the renderer imports it. Amounts are integer fen.
 */
import { z } from 'zod';
import { method } from '../../api/method';
import { pageFields, type Page } from '../../api/paging';
import { emailField, isoDate } from '../customers/customers.rules';
import { fileNamePart } from '../shared/text';

export const REMINDER_STATUSES = ['due', 'sent', 'skipped', 'done'] as const;
export type ReminderStatus = (typeof REMINDER_STATUSES)[number];
export const TEMPLATE_LANGUAGES = ['zh-CN', 'en'] as const;
export type TemplateLanguage = (typeof TEMPLATE_LANGUAGES)[number];
/** What a template may say; `{name}` in a subject or body is replaced when the reminder goes out. */
export const TEMPLATE_PLACEHOLDERS = ['customerName', 'companyName', 'invoiceNumbers', 'invoiceList', 'amounts', 'dueDates', 'totalOverdue', 'totalOpen'] as const;

/** The statement attached to a reminder: 对账单-<客户名>-<date>.pdf, with what a file system refuses in a name replaced. */
export function statementFileName(customerName: string, date: string): string {
  return `对账单-${fileNamePart(customerName).replace(/\s+/g, '_')}-${date}.pdf`;
}

export interface DunningLevel {
  id: string;
  /** Days after the due date the level is reached (negative: before it, a friendly notice). */
  daysAfterDue: number;
  subjectZh: string;
  bodyZh: string;
  subjectEn: string;
  bodyEn: string;
}

export interface SmtpSettings {
  host: string;
  port: number;
  /** TLS from the start (port 465); otherwise STARTTLS when the server offers it. */
  secure: boolean;
  user: string;
  from: string;
  /** The password is never sent back: only whether one is kept. */
  hasPassword: boolean;
}

export interface DunningSettings {
  /** Invoices overdue more than this many days put the customer on credit hold; null: never automatically. */
  holdAfterDays: number | null;
  smtp: SmtpSettings | null;
}

export interface ReminderInvoice {
  invoiceId: string;
  invoiceNo: string;
  dueDate: string;
  /** Open when the reminder was raised. */
  openAmount: number;
}

/**
 * The latest attempt to e-mail a reminder. unconfirmed: a send cut off before the server answered
 * (it may have arrived); unknown: such a send, later sent again on purpose.
 */
export interface ReminderEmail {
  status: 'sending' | 'sent' | 'failed' | 'unknown' | 'unconfirmed';
  to: string;
  /** The statement's file name. */
  attachment: string | null;
  messageId: string | null;
  /** What the mail server said, for a failed attempt. */
  error: string | null;
  startedAt: string;
  finishedAt: string | null;
}

export interface Reminder {
  id: string;
  customerId: string;
  customerCode: string;
  customerName: string;
  customerEmail: string | null;
  ownerUserId: string | null;
  ownerName: string | null;
  levelId: string;
  daysAfterDue: number;
  businessDate: string;
  amount: number;
  status: ReminderStatus;
  invoices: ReminderInvoice[];
  emailTo: string | null;
  subject: string | null;
  note: string | null;
  handledAt: string | null;
  handledByName: string | null;
  lastEmail: ReminderEmail | null;
}

export interface ReminderMessage {
  to: string | null;
  subject: string;
  body: string;
}

export interface CreditHoldStatus {
  customerId: string;
  onHold: boolean;
  cause: 'overdue' | 'paid' | 'manual' | null;
  reason: string | null;
  since: string | null;
  overdueDays: number;
}

const id = z.string().uuid('Not a valid id');
const levelId = z.string().min(1).max(64);
const reason = z.string().trim().min(1, 'Say why').max(200);
const note = z.string().trim().max(500).optional();
const subject = z.string().trim().min(1).max(200);
const body = z.string().trim().min(1).max(5000);

export const levelInput = z
  .object({
    id: levelId.optional(),
    daysAfterDue: z.number().int().min(-90).max(3650),
    subjectZh: subject,
    bodyZh: body,
    subjectEn: subject,
    bodyEn: body,
  })
  .strict();

export const smtpInput = z
  .object({
    host: z.string().trim().min(1).max(253),
    port: z.number().int().min(1).max(65_535),
    secure: z.boolean(),
    user: z.string().trim().max(254),
    /** Left out: keep the password kept now; '': no password. */
    password: z.string().max(500).optional(),
    from: emailField.pipe(z.string()),
  })
  .strict();

/** mine: reminders of the caller's customers; all: everyone's, for whoever manages collections. */
export const queueFilters = z
  .object({ scope: z.enum(['mine', 'all']).default('mine'), status: z.enum(REMINDER_STATUSES).default('due'), customerId: id.optional() })
  .strict();
export type QueueFilters = z.output<typeof queueFilters>;

export const dunningContract = {
  'dunning.settings': method<DunningSettings>()({ input: z.object({}).strict(), permission: 'dunning.manage', mutates: false }),
  'dunning.updateSettings': method<DunningSettings>()({
    input: z.object({ holdAfterDays: z.number().int().min(0).max(3650).nullable().optional(), smtp: smtpInput.nullable().optional() }).strict(),
    permission: 'dunning.manage',
    mutates: true,
  }),
  'dunning.testEmail': method<{ sent: true }>()({ input: z.object({ to: emailField.pipe(z.string()) }).strict(), permission: 'dunning.manage', mutates: false, runsOn: 'writer' }),
  'dunning.levels': method<DunningLevel[]>()({ input: z.object({}).strict(), permission: 'dunning.read', mutates: false }),
  'dunning.saveLevel': method<DunningLevel>()({ input: levelInput, permission: 'dunning.manage', mutates: true }),
  'dunning.removeLevel': method<{ removed: true }>()({ input: z.object({ id: levelId }).strict(), permission: 'dunning.manage', mutates: true }),
  /** The daily job: reminders due on the date (once per invoice and level) and credit holds reviewed. */
  'dunning.run': method<{ asOf: string; reminders: number; held: number; released: number }>()({
    input: z.object({ asOf: isoDate.optional() }).strict(),
    permission: 'dunning.manage',
    mutates: true,
  }),
  'dunning.queue': method<Page<Reminder>>()({
    input: z.object({ filters: queueFilters.default({}), ...pageFields }).strict(),
    permission: 'dunning.read',
    mutates: false,
  }),
  'dunning.preview': method<ReminderMessage>()({
    input: z.object({ id, language: z.enum(TEMPLATE_LANGUAGES).default('zh-CN') }).strict(),
    permission: 'dunning.read',
    mutates: false,
  }),
  /**
   * Writes in its own two short transactions around the wait for the mail server (dunning.send.ts),
   * so it is not one dispatch transaction. resend: send again after a send that never finished.
   */
  'dunning.send': method<Reminder>()({
    input: z.object({ id, language: z.enum(TEMPLATE_LANGUAGES).default('zh-CN'), resend: z.boolean().default(false) }).strict(),
    permission: 'dunning.work',
    mutates: false,
    runsOn: 'writer',
    changes: ['dunning', 'tasks'],
  }),
  'dunning.skip': method<Reminder>()({ input: z.object({ id, note: reason }).strict(), permission: 'dunning.work', mutates: true }),
  /** Handled another way, usually by phone: what was agreed goes in the note. */
  'dunning.markDone': method<Reminder>()({ input: z.object({ id, note }).strict(), permission: 'dunning.work', mutates: true }),
  'dunning.creditHold': method<CreditHoldStatus>()({ input: z.object({ customerId: id }).strict(), permission: 'dunning.read', mutates: false }),
  'dunning.hold': method<CreditHoldStatus>()({ input: z.object({ customerId: id, reason }).strict(), permission: 'dunning.hold', mutates: true, changes: ['dunning', 'customers'] }),
  'dunning.release': method<CreditHoldStatus>()({ input: z.object({ customerId: id, reason }).strict(), permission: 'dunning.hold', mutates: true, changes: ['dunning', 'customers'] }),
};
