-- Statements of account (对账单) sent to customers, and tasks (待办) for the people who follow up.
-- A statement's lines are re-derived from the receivables ledger; what was sent is frozen in its
-- totals, so a later back-dated posting shows as a difference instead of silently changing it.

CREATE TABLE statements (
  id               TEXT PRIMARY KEY,
  -- Numbered when sent: a draft that is never sent uses up no number.
  number           TEXT UNIQUE,
  customer_id      TEXT NOT NULL REFERENCES customers (id),
  period_from      TEXT NOT NULL,
  period_to        TEXT NOT NULL,
  status           TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'sent', 'confirmed', 'disputed')),
  currency         TEXT NOT NULL DEFAULT 'CNY',
  opening_balance  INTEGER NOT NULL,
  total_debit      INTEGER NOT NULL,
  total_credit     INTEGER NOT NULL,
  closing_balance  INTEGER NOT NULL,
  sent_on          TEXT,
  -- The customer's answer: confirmed or disputed on a date, with what they wrote.
  responded_on     TEXT,
  customer_note    TEXT,
  created_at       TEXT NOT NULL,
  created_by       TEXT REFERENCES users (id),
  updated_at       TEXT NOT NULL,
  CHECK (period_to >= period_from),
  CHECK (opening_balance + total_debit - total_credit = closing_balance),
  CHECK ((status = 'draft') = (number IS NULL)),
  CHECK ((status = 'draft') = (sent_on IS NULL)),
  CHECK ((status IN ('confirmed', 'disputed')) = (responded_on IS NOT NULL))
) STRICT;
CREATE INDEX statements_customer ON statements (customer_id, period_to);
CREATE INDEX statements_status ON statements (status, created_at);
CREATE INDEX statements_created ON statements (created_at, id);

-- What was sent stays as sent: the figures change only while the statement is a draft.
CREATE TRIGGER statements_frozen_when_sent BEFORE UPDATE OF
  customer_id, period_from, period_to, currency, opening_balance, total_debit, total_credit, closing_balance, sent_on, number
ON statements WHEN OLD.status <> 'draft'
BEGIN SELECT RAISE(ABORT, 'statements: a sent statement keeps the figures it was sent with'); END;

CREATE TABLE tasks (
  id           TEXT PRIMARY KEY,
  customer_id  TEXT REFERENCES customers (id),
  assignee_id  TEXT NOT NULL REFERENCES users (id),
  title        TEXT NOT NULL,
  due_date     TEXT,
  -- What the task follows up (a disputed statement, a dunning level): kind and id of that record.
  source_kind  TEXT,
  source_id    TEXT,
  created_at   TEXT NOT NULL,
  created_by   TEXT REFERENCES users (id),
  done_at      TEXT,
  done_by      TEXT REFERENCES users (id),
  CHECK ((source_kind IS NULL) = (source_id IS NULL)),
  CHECK ((done_at IS NULL) = (done_by IS NULL))
) STRICT;
CREATE INDEX tasks_open_by_assignee ON tasks (assignee_id, due_date) WHERE done_at IS NULL;
CREATE INDEX tasks_created ON tasks (created_at, id);
CREATE INDEX tasks_source ON tasks (source_kind, source_id) WHERE source_kind IS NOT NULL;
CREATE INDEX tasks_customer ON tasks (customer_id) WHERE customer_id IS NOT NULL;
