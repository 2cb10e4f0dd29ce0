-- 催收 and 信用冻结: reminder levels with their templates, the reminders the daily job raises (once
-- per invoice and level), and every hold and release of a customer's credit.

-- A customer is on credit hold when its latest event is a hold. Holds are an append-only history:
-- who put the customer on hold or released it, why, and the overdue days that caused it.
CREATE TABLE credit_hold_events (
  id             TEXT PRIMARY KEY,
  customer_id    TEXT NOT NULL REFERENCES customers (id),
  action         TEXT NOT NULL CHECK (action IN ('hold', 'release')),
  -- overdue: invoices past the set days; paid: what was overdue is paid; manual: a manager's decision.
  cause          TEXT NOT NULL CHECK (cause IN ('overdue', 'paid', 'manual')),
  reason         TEXT,
  overdue_days   INTEGER,
  business_date  TEXT NOT NULL,
  user_id        TEXT REFERENCES users (id),
  at             TEXT NOT NULL,
  CHECK (cause <> 'manual' OR reason IS NOT NULL),
  CHECK (cause <> 'paid' OR action = 'release'),
  CHECK (cause <> 'overdue' OR action = 'hold')
) STRICT;
CREATE INDEX credit_hold_events_customer ON credit_hold_events (customer_id, at);
CREATE TRIGGER credit_hold_events_append_only_update BEFORE UPDATE ON credit_hold_events
BEGIN SELECT RAISE(ABORT, 'credit_hold_events is append-only: record a release instead'); END;
CREATE TRIGGER credit_hold_events_append_only_delete BEFORE DELETE ON credit_hold_events
BEGIN SELECT RAISE(ABORT, 'credit_hold_events is append-only: record a release instead'); END;

-- 催收级别: days relative to the due date (negative: before it), each with zh-CN and en templates.
-- A level that reminders point at is switched off, not deleted.
CREATE TABLE dunning_levels (
  id              TEXT PRIMARY KEY,
  days_after_due  INTEGER NOT NULL CHECK (days_after_due BETWEEN -90 AND 3650),
  active          INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  subject_zh      TEXT NOT NULL,
  body_zh         TEXT NOT NULL,
  subject_en      TEXT NOT NULL,
  body_en         TEXT NOT NULL,
  created_at      TEXT NOT NULL,
  updated_at      TEXT NOT NULL
) STRICT;
CREATE UNIQUE INDEX dunning_levels_days ON dunning_levels (days_after_due) WHERE active = 1;

-- One reminder per customer, level and day the job found invoices due for it; its invoices below.
CREATE TABLE dunning_reminders (
  id             TEXT PRIMARY KEY,
  customer_id    TEXT NOT NULL REFERENCES customers (id),
  level_id       TEXT NOT NULL REFERENCES dunning_levels (id),
  -- The customer's owner when raised: whose queue it is in.
  owner_user_id  TEXT REFERENCES users (id),
  business_date  TEXT NOT NULL,
  amount         INTEGER NOT NULL CHECK (amount > 0),
  status         TEXT NOT NULL DEFAULT 'due' CHECK (status IN ('due', 'sent', 'skipped', 'done')),
  email_to       TEXT,
  subject        TEXT,
  body           TEXT,
  note           TEXT,
  created_at     TEXT NOT NULL,
  handled_at     TEXT,
  handled_by     TEXT REFERENCES users (id),
  CHECK ((status = 'due') = (handled_at IS NULL)),
  CHECK (status <> 'sent' OR (email_to IS NOT NULL AND subject IS NOT NULL AND body IS NOT NULL))
) STRICT;
CREATE INDEX dunning_reminders_queue ON dunning_reminders (status, owner_user_id, business_date);
CREATE INDEX dunning_reminders_customer ON dunning_reminders (customer_id, created_at);
-- Once handled, a reminder stays as it was (a customer merge may still move it to the survivor).
CREATE TRIGGER dunning_reminders_handled_once BEFORE UPDATE OF
  level_id, business_date, amount, status, email_to, subject, body, note, handled_at, handled_by
ON dunning_reminders WHEN OLD.status <> 'due'
BEGIN SELECT RAISE(ABORT, 'dunning_reminders: a handled reminder is not changed'); END;
CREATE TRIGGER dunning_reminders_no_delete BEFORE DELETE ON dunning_reminders
BEGIN SELECT RAISE(ABORT, 'dunning_reminders are kept: skip a reminder instead'); END;

-- Once per invoice and level, whatever day the job runs again.
CREATE TABLE dunning_reminder_invoices (
  reminder_id  TEXT NOT NULL REFERENCES dunning_reminders (id),
  invoice_id   TEXT NOT NULL REFERENCES invoices (id),
  level_id     TEXT NOT NULL REFERENCES dunning_levels (id),
  open_amount  INTEGER NOT NULL CHECK (open_amount > 0),
  PRIMARY KEY (reminder_id, invoice_id),
  UNIQUE (invoice_id, level_id)
) STRICT;

INSERT INTO dunning_levels (id, days_after_due, subject_zh, body_zh, subject_en, body_en, created_at, updated_at) VALUES
  ('dl-before-3', -3, '{companyName}：发票即将到期提醒',
   '{customerName}：您好！

以下发票将于近日到期，请安排付款：
{invoiceList}

合计：{totalOpen}
如已付款，请忽略本提醒。谢谢！
{companyName}',
   '{companyName}: invoices falling due soon',
   'Dear {customerName},

The following invoices fall due shortly:
{invoiceList}

Total: {totalOpen}
If you have already paid, please ignore this reminder. Thank you.
{companyName}',
   '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z'),
  ('dl-after-1', 1, '{companyName}：发票已到期，请尽快付款',
   '{customerName}：您好！

以下发票已过付款期限：
{invoiceList}

逾期合计：{totalOverdue}
请尽快安排付款，如有疑问请与我们联系。
{companyName}',
   '{companyName}: invoices now overdue',
   'Dear {customerName},

The following invoices are past their due date:
{invoiceList}

Total overdue: {totalOverdue}
Please arrange payment soon, and contact us with any question.
{companyName}',
   '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z'),
  ('dl-after-15', 15, '{companyName}：逾期付款第二次提醒',
   '{customerName}：您好！

以下发票已逾期超过 15 天：
{invoiceList}

逾期合计：{totalOverdue}
请于一周内付款，否则将影响后续发货。
{companyName}',
   '{companyName}: second reminder of overdue invoices',
   'Dear {customerName},

The following invoices are more than 15 days overdue:
{invoiceList}

Total overdue: {totalOverdue}
Please pay within a week; further deliveries may otherwise be held.
{companyName}',
   '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z'),
  ('dl-after-30', 30, '{companyName}：逾期 30 天最后通知',
   '{customerName}：您好！

以下发票已逾期超过 30 天：
{invoiceList}

逾期合计：{totalOverdue}
您的账户可能已被暂停赊销，请立即安排付款。
{companyName}',
   '{companyName}: final notice, invoices 30 days overdue',
   'Dear {customerName},

The following invoices are more than 30 days overdue:
{invoiceList}

Total overdue: {totalOverdue}
Credit on your account may be suspended; please pay now.
{companyName}',
   '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z');
