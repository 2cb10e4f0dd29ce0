-- A product import publishes in short transactions (≤ ~100 ms each) so a salesperson's save gets in
-- between, and stays all-or-nothing to the user, as the customer import does (0023): every product
-- it creates or changes and every category it creates is noted here in the same transaction as the
-- change, with the before-image of an updated product, so a cancel, a failure, a crash mid-way or
-- the user's 撤销导入 takes the whole import back.
CREATE TABLE product_imports (
  id             TEXT PRIMARY KEY,
  file_name      TEXT NOT NULL,
  -- publishing: batches are landing (or the process died mid-way: taken back at the next start).
  status         TEXT NOT NULL CHECK (status IN ('publishing','published','cancelled','failed','undone')),
  user_id        TEXT REFERENCES users (id),
  started_at     TEXT NOT NULL,
  finished_at    TEXT,
  undone_at      TEXT,
  created_count  INTEGER NOT NULL DEFAULT 0 CHECK (created_count >= 0),
  updated_count  INTEGER NOT NULL DEFAULT 0 CHECK (updated_count >= 0),
  -- The product series' next number before the import and after its last batch; NULL before when
  -- someone else took a number between two batches: an undo then gives none back.
  series_before  INTEGER,
  series_after   INTEGER
) STRICT;
CREATE INDEX product_imports_started ON product_imports (started_at);
CREATE INDEX product_imports_publishing ON product_imports (status) WHERE status = 'publishing';

-- before: for an update, the product's row as it was (JSON).
CREATE TABLE product_import_changes (
  import_id   TEXT NOT NULL REFERENCES product_imports (id),
  product_id  TEXT NOT NULL REFERENCES products (id),
  kind        TEXT NOT NULL CHECK (kind IN ('created','updated')),
  before      TEXT CHECK ((kind = 'created') = (before IS NULL)),
  PRIMARY KEY (import_id, product_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX product_import_changes_product ON product_import_changes (product_id);

-- Categories the import created; a take-back removes those no product or category uses since.
CREATE TABLE product_import_categories (
  import_id    TEXT NOT NULL REFERENCES product_imports (id),
  category_id  TEXT NOT NULL REFERENCES product_categories (id),
  PRIMARY KEY (import_id, category_id)
) STRICT, WITHOUT ROWID;
