-- Customers (客户档案): records, contacts, addresses, tags, custom fields, interactions,
-- lifecycle history, saved views, per-customer stats and the search index.

CREATE TABLE customers (
  id                        TEXT PRIMARY KEY,
  code                      TEXT NOT NULL UNIQUE,
  kind                      TEXT NOT NULL CHECK (kind IN ('company','individual')),
  name                      TEXT NOT NULL,
  short_name                TEXT,
  -- Normalised name for duplicate checks (half-width, no spaces/brackets, legal-form suffix removed).
  name_key                  TEXT NOT NULL,
  -- Full pinyin of the name: the sort key for "by name" (Chinese users expect pinyin order).
  name_pinyin               TEXT NOT NULL,
  credit_code               TEXT,
  industry                  TEXT,
  size                      TEXT,
  source                    TEXT,
  cooperation_since         TEXT,
  owner_user_id             TEXT REFERENCES users (id),
  mobile                    TEXT,
  phone                     TEXT,
  email                     TEXT,
  province                  TEXT,
  city                      TEXT,
  district                  TEXT,
  -- Integer fen in the company currency; NULL means no limit.
  credit_limit              INTEGER CHECK (credit_limit IS NULL OR credit_limit >= 0),
  payment_terms_days        INTEGER NOT NULL DEFAULT 0 CHECK (payment_terms_days >= 0),
  tier                      TEXT,
  birthday                  TEXT,
  invoice_title             TEXT,
  taxpayer_id               TEXT,
  bank_name                 TEXT,
  bank_account              TEXT,
  registered_address        TEXT,
  registered_phone          TEXT,
  custom_fields             TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(custom_fields)),
  notes                     TEXT,
  -- Effective stage = override when set, else the computed one; lists filter on it.
  lifecycle_stage           TEXT NOT NULL,
  lifecycle_computed        TEXT NOT NULL,
  lifecycle_override        TEXT,
  lifecycle_override_reason TEXT,
  status                    TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active','archived')),
  merged_into_id            TEXT REFERENCES customers (id),
  -- The leads area owns leads; no foreign key so customers do not depend on its migration.
  lead_id                   TEXT,
  created_at                TEXT NOT NULL,
  updated_at                TEXT NOT NULL,
  created_by                TEXT REFERENCES users (id),
  CHECK (lifecycle_stage IN ('lead','prospect','new','active','loyal','at_risk','churned','won_back')),
  CHECK (lifecycle_computed IN ('lead','prospect','new','active','loyal','at_risk','churned','won_back')),
  CHECK (lifecycle_override IS NULL OR lifecycle_override IN ('lead','prospect','new','active','loyal','at_risk','churned','won_back'))
) STRICT;
-- Sort indexes lead with status because every list filters on it (default: active).
CREATE INDEX customers_status_code ON customers (status, code);
CREATE INDEX customers_status_name ON customers (status, name_pinyin, code);
CREATE INDEX customers_status_created ON customers (status, created_at, id);
CREATE INDEX customers_name_key ON customers (name_key);
CREATE INDEX customers_credit_code ON customers (credit_code) WHERE credit_code IS NOT NULL;
CREATE INDEX customers_mobile ON customers (mobile) WHERE mobile IS NOT NULL;
CREATE INDEX customers_owner ON customers (owner_user_id, status);
CREATE INDEX customers_industry ON customers (industry, status);
CREATE INDEX customers_region ON customers (province, city, status);
CREATE INDEX customers_stage ON customers (lifecycle_stage, status);
CREATE INDEX customers_tier ON customers (tier, status);
CREATE INDEX customers_size ON customers (size, status);
CREATE INDEX customers_lead ON customers (lead_id) WHERE lead_id IS NOT NULL;
CREATE INDEX customers_merged_into ON customers (merged_into_id) WHERE merged_into_id IS NOT NULL;

CREATE TABLE customer_contacts (
  id           TEXT PRIMARY KEY,
  customer_id  TEXT NOT NULL REFERENCES customers (id),
  name         TEXT NOT NULL,
  title        TEXT,
  mobile       TEXT,
  phone        TEXT,
  email        TEXT,
  wechat       TEXT,
  birthday     TEXT,
  is_primary   INTEGER NOT NULL DEFAULT 0 CHECK (is_primary IN (0,1)),
  created_at   TEXT NOT NULL,
  updated_at   TEXT NOT NULL
) STRICT;
CREATE INDEX customer_contacts_customer ON customer_contacts (customer_id, created_at);
-- At most one primary contact per customer; the service keeps it exactly one.
CREATE UNIQUE INDEX customer_contacts_one_primary ON customer_contacts (customer_id) WHERE is_primary = 1;
CREATE INDEX customer_contacts_mobile ON customer_contacts (mobile) WHERE mobile IS NOT NULL;

CREATE TABLE customer_addresses (
  id               TEXT PRIMARY KEY,
  customer_id      TEXT NOT NULL REFERENCES customers (id),
  kind             TEXT NOT NULL CHECK (kind IN ('billing','shipping')),
  province         TEXT,
  city             TEXT,
  district         TEXT,
  detail           TEXT NOT NULL,
  postcode         TEXT,
  recipient        TEXT,
  recipient_phone  TEXT,
  is_default       INTEGER NOT NULL DEFAULT 0 CHECK (is_default IN (0,1)),
  created_at       TEXT NOT NULL,
  updated_at       TEXT NOT NULL
) STRICT;
CREATE INDEX customer_addresses_customer ON customer_addresses (customer_id, kind);
CREATE UNIQUE INDEX customer_addresses_one_default ON customer_addresses (customer_id, kind) WHERE is_default = 1;

CREATE TABLE tags (
  id          TEXT PRIMARY KEY,
  name        TEXT NOT NULL COLLATE NOCASE UNIQUE,
  color       TEXT NOT NULL DEFAULT 'gray',
  created_at  TEXT NOT NULL
) STRICT;

CREATE TABLE customer_tags (
  customer_id  TEXT NOT NULL REFERENCES customers (id),
  tag_id       TEXT NOT NULL REFERENCES tags (id),
  PRIMARY KEY (customer_id, tag_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX customer_tags_tag ON customer_tags (tag_id, customer_id);

CREATE TABLE custom_field_defs (
  id          TEXT PRIMARY KEY,
  key         TEXT NOT NULL UNIQUE,
  label       TEXT NOT NULL,
  type        TEXT NOT NULL CHECK (type IN ('text','number','date','choice')),
  options     TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(options)),
  sort_order  INTEGER NOT NULL DEFAULT 0,
  active      INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0,1)),
  created_at  TEXT NOT NULL,
  updated_at  TEXT NOT NULL
) STRICT;

CREATE TABLE interactions (
  id           TEXT PRIMARY KEY,
  customer_id  TEXT NOT NULL REFERENCES customers (id),
  contact_id   TEXT REFERENCES customer_contacts (id),
  kind         TEXT NOT NULL CHECK (kind IN ('call','visit','wechat','email','note')),
  occurred_at  TEXT NOT NULL,
  subject      TEXT,
  body         TEXT,
  user_id      TEXT REFERENCES users (id),
  created_at   TEXT NOT NULL
) STRICT;
CREATE INDEX interactions_customer ON interactions (customer_id, occurred_at, id);

CREATE TABLE customer_stage_history (
  id           TEXT PRIMARY KEY,
  customer_id  TEXT NOT NULL REFERENCES customers (id),
  from_stage   TEXT,
  to_stage     TEXT NOT NULL,
  -- computed: the daily rules; override: set by hand; override_cleared: back to the rules.
  source       TEXT NOT NULL CHECK (source IN ('computed','override','override_cleared','merge')),
  reason       TEXT,
  user_id      TEXT REFERENCES users (id),
  changed_at   TEXT NOT NULL
) STRICT;
CREATE INDEX customer_stage_history_customer ON customer_stage_history (customer_id, changed_at, id);

CREATE TABLE saved_views (
  id          TEXT PRIMARY KEY,
  user_id     TEXT NOT NULL REFERENCES users (id),
  area        TEXT NOT NULL,
  name        TEXT NOT NULL,
  query       TEXT NOT NULL CHECK (json_valid(query)),
  created_at  TEXT NOT NULL,
  updated_at  TEXT NOT NULL,
  UNIQUE (user_id, area, name)
) STRICT;

-- One row per customer (written with the customer). Zero until orders, receivables, service and
-- loyalty arrive; those areas keep it in step in the same transaction as their ledgers.
CREATE TABLE customer_stats (
  customer_id         TEXT PRIMARY KEY REFERENCES customers (id),
  lifetime_revenue    INTEGER NOT NULL DEFAULT 0,
  order_count         INTEGER NOT NULL DEFAULT 0,
  orders_last_365d    INTEGER NOT NULL DEFAULT 0,
  first_order_date    TEXT,
  last_order_date     TEXT,
  balance_due         INTEGER NOT NULL DEFAULT 0,
  overdue             INTEGER NOT NULL DEFAULT 0,
  points              INTEGER NOT NULL DEFAULT 0,
  open_tickets        INTEGER NOT NULL DEFAULT 0,
  updated_at          TEXT NOT NULL
) STRICT;
CREATE INDEX customer_stats_last_order ON customer_stats (last_order_date, customer_id);
CREATE INDEX customer_stats_balance_due ON customer_stats (balance_due, customer_id);
CREATE INDEX customer_stats_revenue ON customer_stats (lifetime_revenue, customer_id);

-- Search text, rebuilt on every write to a customer or its contacts. names/people hold CJK as
-- space-separated characters (queried as phrases); tokens hold codes, pinyin, initials, phones
-- (queried as prefixes). The FTS table indexes it as external content.
CREATE TABLE customer_search (
  rowid        INTEGER PRIMARY KEY,
  customer_id  TEXT NOT NULL UNIQUE REFERENCES customers (id),
  names        TEXT NOT NULL,
  people       TEXT NOT NULL,
  tokens       TEXT NOT NULL
) STRICT;

CREATE VIRTUAL TABLE customers_fts USING fts5 (
  names, people, tokens,
  content = 'customer_search', content_rowid = 'rowid',
  tokenize = 'unicode61 remove_diacritics 2',
  prefix = '2 3'
);

CREATE TRIGGER customer_search_ai AFTER INSERT ON customer_search BEGIN
  INSERT INTO customers_fts (rowid, names, people, tokens) VALUES (new.rowid, new.names, new.people, new.tokens);
END;
CREATE TRIGGER customer_search_ad AFTER DELETE ON customer_search BEGIN
  INSERT INTO customers_fts (customers_fts, rowid, names, people, tokens) VALUES ('delete', old.rowid, old.names, old.people, old.tokens);
END;
CREATE TRIGGER customer_search_au AFTER UPDATE ON customer_search BEGIN
  INSERT INTO customers_fts (customers_fts, rowid, names, people, tokens) VALUES ('delete', old.rowid, old.names, old.people, old.tokens);
  INSERT INTO customers_fts (rowid, names, people, tokens) VALUES (new.rowid, new.names, new.people, new.tokens);
END;
