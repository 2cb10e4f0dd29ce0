-- A customer import publishes in short transactions (≤ ~100 ms each) so a salesperson's save gets in
-- between, and stays all-or-nothing to the user: every customer it creates or changes is noted here
-- in the same transaction as the change, with the before-image of an updated customer, so a cancel,
-- a failure, a crash mid-way or the user's 撤销导入 takes the whole import back.
CREATE TABLE customer_imports (
  id             TEXT PRIMARY KEY,
  file_name      TEXT NOT NULL,
  -- publishing: batches are landing (or the process died mid-way: undone on the next import).
  status         TEXT NOT NULL CHECK (status IN ('publishing','published','cancelled','failed','undone')),
  user_id        TEXT REFERENCES users (id),
  started_at     TEXT NOT NULL,
  finished_at    TEXT,
  -- When the user took the import back as a whole (撤销导入); who did is in the audit log.
  undone_at      TEXT,
  created_count  INTEGER NOT NULL DEFAULT 0 CHECK (created_count >= 0),
  updated_count  INTEGER NOT NULL DEFAULT 0 CHECK (updated_count >= 0),
  -- The customer series' next number before and after the import took its codes: an undo gives
  -- them back when nobody has taken a number since.
  series_before  INTEGER,
  series_after   INTEGER
) STRICT;
CREATE INDEX customer_imports_started ON customer_imports (started_at);
CREATE INDEX customer_imports_publishing ON customer_imports (status) WHERE status = 'publishing';

-- before: for an update, the customer's row, contacts, addresses and tag ids as they were (JSON).
CREATE TABLE customer_import_changes (
  import_id    TEXT NOT NULL REFERENCES customer_imports (id),
  customer_id  TEXT NOT NULL REFERENCES customers (id),
  kind         TEXT NOT NULL CHECK (kind IN ('created','updated')),
  before       TEXT CHECK ((kind = 'created') = (before IS NULL)),
  PRIMARY KEY (import_id, customer_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX customer_import_changes_customer ON customer_import_changes (customer_id);

-- Tags the import created; an undo removes those no other customer has since been given.
CREATE TABLE customer_import_tags (
  import_id  TEXT NOT NULL REFERENCES customer_imports (id),
  tag_id     TEXT NOT NULL REFERENCES tags (id),
  PRIMARY KEY (import_id, tag_id)
) STRICT, WITHOUT ROWID;
