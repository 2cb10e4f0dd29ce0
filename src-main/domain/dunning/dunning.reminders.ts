/**
 * Reminders (催收提醒): the daily job raises, per customer and level, one reminder for the open
 * invoices that reached the level that day; an invoice meets each level once, and never a level
 * lower than one it has already met (a first run on an old debt sends the 30-day notice, not all
 * four). The customer's owner sends it by e-mail, skips it, or marks it done after phoning.
 */
import { sql } from 'kysely';
import { AppError, notFound } from '../../api/errors';
import { fieldIssue } from '../../api/issues';
import type { Page } from '../../api/paging';
import type { Sqlite } from '../../db/connection';
import { statement } from '../../db/statements';
import type { TimelineSource } from '../area';
import type { HandlerContext } from '../context';
import { INVOICE_SELECT } from '../receivables/receivables.repository';
import { newId, nowIso } from '../shared/ids';
import { completeTasksFollowing } from '../tasks/tasks.service';
import { raiseReminderTasks, REMINDER_TASK_SOURCE } from './dunning.reminder-tasks';
import { lastEmailOf } from './dunning.attempts';
import type { QueueFilters, Reminder, ReminderInvoice, ReminderMessage, TemplateLanguage } from './dunning.contract';
import { levelById, renderTemplate } from './dunning.levels';
import type { DunningRemindersTable } from './dunning.tables';

/** For each open invoice, the highest active level it has reached on @today, unless it met that level or a higher one. */
const DUE_FOR_REMINDER = `
  WITH open AS MATERIALIZED (
    SELECT id, customer_id, due_date, open_amount FROM (${INVOICE_SELECT}
      WHERE i.kind = 'invoice' AND i.status = 'posted' AND i.due_date <= date(@today, '+90 days')) WHERE open_amount > 0
  ), reached AS (
    SELECT o.*, (SELECT l.id FROM dunning_levels l WHERE l.active = 1 AND date(o.due_date, printf('%+d days', l.days_after_due)) <= @today
                  ORDER BY l.days_after_due DESC LIMIT 1) AS level_id
      FROM open o
  )
  SELECT r.id AS invoice_id, r.open_amount, r.level_id, coalesce(c.merged_into_id, c.id) AS customer_id
    FROM reached r JOIN dunning_levels l ON l.id = r.level_id JOIN customers c ON c.id = r.customer_id
   WHERE NOT EXISTS (SELECT 1 FROM dunning_reminder_invoices ri JOIN dunning_levels met ON met.id = ri.level_id
                      WHERE ri.invoice_id = r.id AND met.days_after_due >= l.days_after_due)
   ORDER BY customer_id, r.level_id, r.due_date`;

export function raiseReminders(ctx: Pick<HandlerContext, 'sqlite' | 'user' | 'audit'>, today: string): number {
  const rows = statement(ctx.sqlite, DUE_FOR_REMINDER).all({ today }) as { invoice_id: string; open_amount: number; level_id: string; customer_id: string }[];
  const groups = new Map<string, typeof rows>();
  for (const row of rows) {
    const key = `${row.customer_id}|${row.level_id}`;
    groups.set(key, [...(groups.get(key) ?? []), row]);
  }
  const insertReminder = statement(
    ctx.sqlite,
    `INSERT INTO dunning_reminders (id, customer_id, level_id, owner_user_id, business_date, amount, created_at)
     VALUES (@id, @customerId, @levelId, (SELECT owner_user_id FROM customers WHERE id = @customerId), @today, @amount, @now)`,
  );
  const insertInvoice = statement(ctx.sqlite, 'INSERT INTO dunning_reminder_invoices (reminder_id, invoice_id, level_id, open_amount) VALUES (?, ?, ?, ?)');
  const now = nowIso();
  for (const invoices of groups.values()) {
    const id = newId();
    const { customer_id: customerId, level_id: levelId } = invoices[0]!;
    insertReminder.run({ id, customerId, levelId, today, amount: invoices.reduce((s, i) => s + i.open_amount, 0), now });
    for (const invoice of invoices) insertInvoice.run(id, invoice.invoice_id, levelId, invoice.open_amount);
  }
  raiseReminderTasks(ctx);
  return groups.size;
}

const REMINDER_SELECT = `
  SELECT r.*, c.code AS customer_code, c.name AS customer_name, c.email AS customer_email, l.days_after_due,
         owner.display_name AS owner_name, handler.display_name AS handled_by_name
    FROM dunning_reminders r
    JOIN customers c ON c.id = r.customer_id
    JOIN dunning_levels l ON l.id = r.level_id
    LEFT JOIN users owner ON owner.id = r.owner_user_id
    LEFT JOIN users handler ON handler.id = r.handled_by`;

type ReminderRow = DunningRemindersTable & {
  customer_code: string;
  customer_name: string;
  customer_email: string | null;
  days_after_due: number;
  owner_name: string | null;
  handled_by_name: string | null;
};

function invoicesOf(sqlite: Sqlite, reminderId: string): ReminderInvoice[] {
  return statement(
    sqlite,
    `SELECT ri.invoice_id AS invoiceId, i.invoice_no AS invoiceNo, i.due_date AS dueDate, ri.open_amount AS openAmount
       FROM dunning_reminder_invoices ri JOIN invoices i ON i.id = ri.invoice_id WHERE ri.reminder_id = ? ORDER BY i.due_date, i.invoice_no`,
  ).all(reminderId) as ReminderInvoice[];
}

function toReminder(sqlite: Sqlite, row: ReminderRow): Reminder {
  return {
    id: row.id,
    customerId: row.customer_id,
    customerCode: row.customer_code,
    customerName: row.customer_name,
    customerEmail: row.customer_email,
    ownerUserId: row.owner_user_id,
    ownerName: row.owner_name,
    levelId: row.level_id,
    daysAfterDue: row.days_after_due,
    businessDate: row.business_date,
    amount: row.amount,
    status: row.status,
    invoices: invoicesOf(sqlite, row.id),
    emailTo: row.email_to,
    subject: row.subject,
    note: row.note,
    handledAt: row.handled_at,
    handledByName: row.handled_by_name,
    lastEmail: lastEmailOf(sqlite, row.id),
  };
}

export function findReminder(sqlite: Sqlite, id: string): Reminder {
  const row = statement(sqlite, `${REMINDER_SELECT} WHERE r.id = ?`).get(id) as ReminderRow | undefined;
  if (!row) throw notFound('Reminder', id);
  return toReminder(sqlite, row);
}

/** A salesperson works the reminders of their own customers; the whole queue is for whoever manages collections. */
export function assertMayHandle(ctx: Pick<HandlerContext, 'user' | 'can'>, reminder: Reminder): void {
  if (reminder.ownerUserId === ctx.user?.id || ctx.can('dunning.manage')) return;
  throw new AppError('FORBIDDEN', 'This reminder belongs to another salesperson’s customer');
}

export function reminderQueue(ctx: Pick<HandlerContext, 'sqlite' | 'user' | 'can'>, filters: QueueFilters, page: number, pageSize: number): Page<Reminder> {
  if (filters.scope === 'all' && !ctx.can('dunning.manage')) throw new AppError('FORBIDDEN', 'Only whoever manages collections sees everyone’s reminders');
  const where = ['r.status = @status'];
  if (filters.scope === 'mine') where.push('r.owner_user_id = @me');
  if (filters.customerId) where.push('r.customer_id IN (SELECT id FROM customers WHERE id = @customerId OR merged_into_id = @customerId)');
  const params = { status: filters.status, me: ctx.user?.id ?? '', customerId: filters.customerId ?? '' };
  const condition = where.join(' AND ');
  const total = ctx.sqlite.prepare(`SELECT count(*) FROM dunning_reminders r WHERE ${condition}`).pluck().get(params) as number;
  const order = filters.status === 'due' ? 'r.business_date, r.amount DESC, r.id' : 'r.handled_at DESC, r.id DESC';
  const rows = ctx.sqlite.prepare(`${REMINDER_SELECT} WHERE ${condition} ORDER BY ${order} LIMIT @limit OFFSET @offset`).all({ ...params, limit: pageSize, offset: (page - 1) * pageSize }) as ReminderRow[];
  return { rows: rows.map((row) => toReminder(ctx.sqlite, row)), total, totalIsExact: true };
}

/** The message as it would go out now: the invoices still open, in the chosen language. */
export function previewReminder(ctx: Pick<HandlerContext, 'sqlite'>, id: string, language: TemplateLanguage): ReminderMessage {
  const reminder = findReminder(ctx.sqlite, id);
  const company = statement(ctx.sqlite, 'SELECT name, currency FROM company WHERE id = 1').get() as { name: string; currency: string };
  const open = statement(ctx.sqlite, `SELECT id, open_amount FROM (${INVOICE_SELECT} WHERE i.id IN (SELECT invoice_id FROM dunning_reminder_invoices WHERE reminder_id = ?))`).all(id) as {
    id: string;
    open_amount: number;
  }[];
  const openNow = new Map(open.map((o) => [o.id, o.open_amount]));
  const invoices = reminder.invoices
    .map((i) => ({ invoiceNo: i.invoiceNo, dueDate: i.dueDate, openAmount: openNow.get(i.invoiceId) ?? 0, overdue: i.dueDate < reminder.businessDate }))
    .filter((i) => i.openAmount > 0);
  const message = renderTemplate(levelById(ctx.sqlite, reminder.levelId), language, { customerName: reminder.customerName, companyName: company.name, invoices, currency: company.currency });
  return { to: reminder.customerEmail, ...message };
}

export function assertDue(reminder: Reminder): void {
  if (reminder.status !== 'due') throw new AppError('CONFLICT', `Reminder is already ${reminder.status}`, [fieldIssue('id', 'not_due', { status: reminder.status })]);
}

const HANDLE = `UPDATE dunning_reminders SET status = @status, email_to = @emailTo, subject = @subject, body = @body, note = @note, handled_at = @now, handled_by = @userId
  WHERE id = @id AND status = 'due'`;

export type Handling = { status: 'sent' | 'skipped' | 'done'; emailTo?: string | null; subject?: string | null; body?: string | null; note?: string | null };

/** Sent, skipped or done: the reminder is closed, and so is the task that asked its owner to deal with it. */
export function handleReminder(ctx: HandlerContext, reminder: Reminder, handling: Handling): Reminder {
  statement(ctx.sqlite, HANDLE).run({ emailTo: null, subject: null, body: null, note: null, ...handling, id: reminder.id, now: nowIso(), userId: ctx.user?.id ?? null });
  ctx.audit({ entityType: 'dunning_reminder', entityId: reminder.id, fields: { status: { before: reminder.status, after: handling.status }, note: { before: null, after: handling.note ?? null } } });
  completeTasksFollowing(ctx, REMINDER_TASK_SOURCE, reminder.id);
  return findReminder(ctx.sqlite, reminder.id);
}

export function closeReminder(ctx: HandlerContext, id: string, status: 'skipped' | 'done', note: string | null): Reminder {
  const reminder = findReminder(ctx.sqlite, id);
  assertMayHandle(ctx, reminder);
  assertDue(reminder);
  return handleReminder(ctx, reminder, { status, note });
}

/** Every reminder on the customer's timeline: when raised, or when sent, skipped or done. */
export const REMINDER_TIMELINE: TimelineSource = (customerId) => sql`
  SELECT 'dunning_reminder' AS kind, r.id, coalesce(r.handled_at, r.created_at) AS at, r.status AS title, coalesce(r.note, r.subject) AS detail,
         u.display_name AS user_name,
         json_object('daysAfterDue', l.days_after_due, 'amount', r.amount, 'status', r.status, 'emailTo', r.email_to, 'date', r.business_date) AS data
    FROM dunning_reminders r JOIN dunning_levels l ON l.id = r.level_id LEFT JOIN users u ON u.id = r.handled_by
   WHERE r.customer_id = ${customerId}`;
