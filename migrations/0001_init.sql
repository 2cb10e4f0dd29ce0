-- Platform: company, settings, users, numbering series, append-only audit log.

CREATE TABLE company (
  id          INTEGER PRIMARY KEY CHECK (id = 1),
  name        TEXT NOT NULL,
  currency    TEXT NOT NULL DEFAULT 'CNY',
  time_zone   TEXT NOT NULL DEFAULT 'Asia/Shanghai',
  created_at  TEXT NOT NULL
) STRICT;

-- Small typed-by-convention settings; values are JSON.
CREATE TABLE settings (
  key         TEXT PRIMARY KEY,
  value       TEXT NOT NULL
) STRICT;

CREATE TABLE users (
  id             TEXT PRIMARY KEY,
  username       TEXT NOT NULL COLLATE NOCASE UNIQUE,
  display_name   TEXT NOT NULL,
  role           TEXT NOT NULL CHECK (role IN ('owner','manager','sales','warehouse','service','accountant')),
  password_hash  TEXT NOT NULL,
  active         INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0,1)),
  locale         TEXT,
  created_at     TEXT NOT NULL,
  updated_at     TEXT NOT NULL,
  last_login_at  TEXT
) STRICT;

-- Document numbers (C000123, SO-2026-000123). With sync each desktop gets its own prefix.
CREATE TABLE numbering_series (
  code          TEXT PRIMARY KEY,
  prefix        TEXT NOT NULL,
  per_year      INTEGER NOT NULL DEFAULT 0 CHECK (per_year IN (0,1)),
  padding       INTEGER NOT NULL DEFAULT 6,
  year          INTEGER,
  next_number   INTEGER NOT NULL DEFAULT 1
) STRICT;

CREATE TABLE audit_log (
  id           TEXT PRIMARY KEY,
  at           TEXT NOT NULL,
  user_id      TEXT,
  username     TEXT NOT NULL,
  method       TEXT NOT NULL,
  entity_type  TEXT,
  entity_id    TEXT,
  changes      TEXT NOT NULL DEFAULT '[]',
  transport    TEXT NOT NULL
) STRICT;
CREATE INDEX audit_log_at ON audit_log (at DESC, id DESC);
CREATE INDEX audit_log_entity ON audit_log (entity_type, entity_id);

CREATE TRIGGER audit_log_append_only_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
CREATE TRIGGER audit_log_append_only_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
