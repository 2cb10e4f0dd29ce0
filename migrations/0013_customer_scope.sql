-- Data scope and the public pool (公海). A manager's team is the users who report to them
-- (one level). A customer with no owner is in the pool; owner_since is when its current owner
-- got it, so a customer just claimed or assigned is not returned the next night.

ALTER TABLE users ADD COLUMN manager_user_id TEXT REFERENCES users (id);
CREATE INDEX users_manager ON users (manager_user_id);

ALTER TABLE customers ADD COLUMN owner_since TEXT;
UPDATE customers SET owner_since = created_at WHERE owner_user_id IS NOT NULL;

-- Every path that changes the owner (edit, bulk assign, import, merge, claim) restarts the clock.
CREATE TRIGGER customers_owner_since_insert AFTER INSERT ON customers
WHEN NEW.owner_user_id IS NOT NULL AND NEW.owner_since IS NULL
BEGIN UPDATE customers SET owner_since = NEW.created_at WHERE id = NEW.id; END;
CREATE TRIGGER customers_owner_since_update AFTER UPDATE OF owner_user_id ON customers
WHEN NEW.owner_user_id IS NOT OLD.owner_user_id
BEGIN
  UPDATE customers SET owner_since = CASE WHEN NEW.owner_user_id IS NULL THEN NULL ELSE strftime('%Y-%m-%dT%H:%M:%fZ', 'now') END WHERE id = NEW.id;
END;

-- A customer shared with a colleague (协作人): they see it as if it were theirs.
CREATE TABLE customer_shares (
  customer_id  TEXT NOT NULL REFERENCES customers (id),
  user_id      TEXT NOT NULL REFERENCES users (id),
  shared_by    TEXT REFERENCES users (id),
  shared_at    TEXT NOT NULL,
  PRIMARY KEY (customer_id, user_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX customer_shares_user ON customer_shares (user_id, customer_id);

-- Every return to the pool and every claim from it, for the customer's timeline and the claim limit.
CREATE TABLE customer_pool_events (
  id            TEXT PRIMARY KEY,
  customer_id   TEXT NOT NULL REFERENCES customers (id),
  kind          TEXT NOT NULL CHECK (kind IN ('returned', 'claimed')),
  -- returned: the owner it left; claimed: who claimed it.
  user_id       TEXT REFERENCES users (id),
  -- returned: days without follow-up at the time.
  idle_days     INTEGER,
  by_user_id    TEXT REFERENCES users (id),
  business_date TEXT NOT NULL,
  occurred_at   TEXT NOT NULL
) STRICT;
CREATE INDEX customer_pool_events_customer ON customer_pool_events (customer_id, occurred_at);
CREATE INDEX customer_pool_events_claims ON customer_pool_events (user_id, kind, business_date);
CREATE TRIGGER customer_pool_events_append_only_update BEFORE UPDATE ON customer_pool_events
BEGIN SELECT RAISE(ABORT, 'customer_pool_events is append-only'); END;
CREATE TRIGGER customer_pool_events_append_only_delete BEFORE DELETE ON customer_pool_events
BEGIN SELECT RAISE(ABORT, 'customer_pool_events is append-only'); END;
