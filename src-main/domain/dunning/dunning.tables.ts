import type { Flag } from '../../db/schema';

export type CreditHoldAction = 'hold' | 'release';
export type CreditHoldCause = 'overdue' | 'paid' | 'manual';
export type ReminderStatus = 'due' | 'sent' | 'skipped' | 'done';

export interface CreditHoldEventsTable {
  id: string;
  customer_id: string;
  action: CreditHoldAction;
  cause: CreditHoldCause;
  reason: string | null;
  overdue_days: number | null;
  business_date: string;
  user_id: string | null;
  at: string;
}

export interface DunningLevelsTable {
  id: string;
  days_after_due: number;
  active: Flag;
  subject_zh: string;
  body_zh: string;
  subject_en: string;
  body_en: string;
  created_at: string;
  updated_at: string;
}

export interface DunningRemindersTable {
  id: string;
  customer_id: string;
  level_id: string;
  owner_user_id: string | null;
  business_date: string;
  amount: number;
  status: ReminderStatus;
  email_to: string | null;
  subject: string | null;
  body: string | null;
  note: string | null;
  created_at: string;
  handled_at: string | null;
  handled_by: string | null;
}

export interface DunningReminderInvoicesTable {
  reminder_id: string;
  invoice_id: string;
  level_id: string;
  open_amount: number;
}

export type ReminderEmailStatus = 'sending' | 'sent' | 'failed' | 'unknown';

export interface DunningEmailsTable {
  id: string;
  reminder_id: string;
  status: ReminderEmailStatus;
  email_to: string;
  subject: string;
  attachment: string | null;
  message_id: string | null;
  error: string | null;
  started_at: string;
  started_by: string | null;
  finished_at: string | null;
}
