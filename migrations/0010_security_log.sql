-- The security log (安全日志): failed sign-ins and lockouts. dispatch writes it after the failing
-- call's transaction has rolled back, so a refused sign-in still leaves its trace.

CREATE TABLE security_log (
  id         TEXT PRIMARY KEY,
  at         TEXT NOT NULL,
  event      TEXT NOT NULL CHECK (event IN ('sign_in_failed', 'locked_out')),
  -- As typed at the sign-in screen, so guesses at names that do not exist show too.
  username   TEXT NOT NULL,
  -- Set when the name is a real account's.
  user_id    TEXT REFERENCES users (id),
  reason     TEXT CHECK (reason IN ('unknown_user', 'wrong_password', 'account_disabled', 'locked')),
  transport  TEXT NOT NULL
) STRICT;
CREATE INDEX security_log_at ON security_log (at DESC, id DESC);

CREATE TRIGGER security_log_append_only_update BEFORE UPDATE ON security_log
BEGIN SELECT RAISE(ABORT, 'security_log is append-only'); END;
CREATE TRIGGER security_log_append_only_delete BEFORE DELETE ON security_log
BEGIN SELECT RAISE(ABORT, 'security_log is append-only'); END;
