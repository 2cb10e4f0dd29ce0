-- Every attempt to e-mail a reminder. The attempt is written before the mail server is contacted
-- and settled after, each in its own short transaction, so other writes never wait for the server
-- and a crash in between leaves a 'sending' attempt to look at, never a reminder sent twice unseen.
CREATE TABLE dunning_emails (
  id           TEXT PRIMARY KEY,
  reminder_id  TEXT NOT NULL REFERENCES dunning_reminders (id),
  -- unknown: left 'sending' by a crash, and someone chose to send again knowing it may have gone out.
  status       TEXT NOT NULL DEFAULT 'sending' CHECK (status IN ('sending', 'sent', 'failed', 'unknown')),
  email_to     TEXT NOT NULL,
  subject      TEXT NOT NULL,
  -- The statement of account attached, by its file name.
  attachment   TEXT,
  message_id   TEXT,
  error        TEXT,
  started_at   TEXT NOT NULL,
  started_by   TEXT REFERENCES users (id),
  finished_at  TEXT,
  CHECK ((status = 'sending') = (finished_at IS NULL)),
  CHECK (status <> 'sent' OR message_id IS NOT NULL),
  CHECK (status <> 'failed' OR error IS NOT NULL)
) STRICT;
-- One attempt in flight per reminder: a second click or a second desktop window cannot send it again.
CREATE UNIQUE INDEX dunning_emails_in_flight ON dunning_emails (reminder_id) WHERE status = 'sending';
CREATE INDEX dunning_emails_reminder ON dunning_emails (reminder_id, started_at);
CREATE TRIGGER dunning_emails_settled_once BEFORE UPDATE ON dunning_emails WHEN OLD.status <> 'sending'
BEGIN SELECT RAISE(ABORT, 'dunning_emails: a settled attempt is not changed'); END;
CREATE TRIGGER dunning_emails_no_delete BEFORE DELETE ON dunning_emails
BEGIN SELECT RAISE(ABORT, 'dunning_emails are kept'); END;
