-- Catalog (商品): products with units, VAT rate, prices and flags; categories; substitutes; price
-- lists by customer tier and by customer with quantity breaks and validity dates; the search index.
-- Money is integer fen; a unit price is fen per base unit; VAT rates are basis points (1300 = 13 %).

CREATE TABLE product_categories (
  id          TEXT PRIMARY KEY,
  parent_id   TEXT REFERENCES product_categories (id),
  name        TEXT NOT NULL,
  sort_order  INTEGER NOT NULL DEFAULT 0,
  created_at  TEXT NOT NULL,
  updated_at  TEXT NOT NULL
) STRICT;
CREATE INDEX product_categories_parent ON product_categories (parent_id, sort_order);

CREATE TABLE products (
  id                     TEXT PRIMARY KEY,
  code                   TEXT NOT NULL UNIQUE,
  name                   TEXT NOT NULL,
  -- Full pinyin of the name: the sort key for "by name".
  name_pinyin            TEXT NOT NULL,
  -- 规格型号
  spec                   TEXT,
  category_id            TEXT REFERENCES product_categories (id),
  -- The base unit every quantity is kept in (个, 件, kg); the optional second unit is a pack of them.
  unit                   TEXT NOT NULL,
  second_unit            TEXT,
  second_unit_factor     INTEGER CHECK (second_unit_factor IS NULL OR second_unit_factor > 1),
  barcode                TEXT,
  vat_rate               INTEGER NOT NULL DEFAULT 1300 CHECK (vat_rate IN (0, 300, 600, 900, 1300)),
  -- Tax-inclusive (含税), per base unit.
  list_price             INTEGER NOT NULL DEFAULT 0 CHECK (list_price >= 0),
  -- Tax-exclusive, per base unit: the cost before the first receipt sets a moving average.
  standard_cost          INTEGER NOT NULL DEFAULT 0 CHECK (standard_cost >= 0),
  is_stocked             INTEGER NOT NULL DEFAULT 1 CHECK (is_stocked IN (0, 1)),
  is_service             INTEGER NOT NULL DEFAULT 0 CHECK (is_service IN (0, 1)),
  is_spare_part          INTEGER NOT NULL DEFAULT 0 CHECK (is_spare_part IN (0, 1)),
  is_consumable          INTEGER NOT NULL DEFAULT 0 CHECK (is_consumable IN (0, 1)),
  -- For consumables: how often a customer usually buys again (the re-order rule of the automation area).
  reorder_interval_days  INTEGER CHECK (reorder_interval_days IS NULL OR reorder_interval_days > 0),
  is_serial_tracked      INTEGER NOT NULL DEFAULT 0 CHECK (is_serial_tracked IN (0, 1)),
  -- The stock area's suppliers; no foreign key so the catalog does not depend on its migration.
  preferred_supplier_id  TEXT,
  status                 TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'archived')),
  notes                  TEXT,
  created_at             TEXT NOT NULL,
  updated_at             TEXT NOT NULL,
  created_by             TEXT REFERENCES users (id),
  CHECK (is_service = 0 OR is_stocked = 0),
  CHECK ((second_unit IS NULL) = (second_unit_factor IS NULL))
) STRICT;
CREATE INDEX products_status_code ON products (status, code);
CREATE INDEX products_status_name ON products (status, name_pinyin, code);
CREATE INDEX products_category ON products (category_id, status);
CREATE UNIQUE INDEX products_barcode ON products (barcode) WHERE barcode IS NOT NULL;
CREATE INDEX products_supplier ON products (preferred_supplier_id) WHERE preferred_supplier_id IS NOT NULL;

-- What to offer when a product is short; rank 1 first.
CREATE TABLE product_substitutes (
  product_id     TEXT NOT NULL REFERENCES products (id),
  substitute_id  TEXT NOT NULL REFERENCES products (id),
  rank           INTEGER NOT NULL DEFAULT 1,
  PRIMARY KEY (product_id, substitute_id),
  CHECK (product_id <> substitute_id)
) STRICT, WITHOUT ROWID;

-- A price list applies to a customer tier (tier) or one customer (customer_id), or is the company's
-- standard list; the most specific valid list with a price for the quantity wins (customer, tier, standard).
CREATE TABLE price_lists (
  id             TEXT PRIMARY KEY,
  code           TEXT NOT NULL UNIQUE,
  name           TEXT NOT NULL,
  kind           TEXT NOT NULL CHECK (kind IN ('standard', 'tier', 'customer')),
  tier           TEXT,
  customer_id    TEXT REFERENCES customers (id),
  currency       TEXT NOT NULL DEFAULT 'CNY',
  -- Prices entered with VAT (含税, the Chinese default) or without.
  tax_inclusive  INTEGER NOT NULL DEFAULT 1 CHECK (tax_inclusive IN (0, 1)),
  valid_from     TEXT,
  valid_to       TEXT,
  status         TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'archived')),
  notes          TEXT,
  created_at     TEXT NOT NULL,
  updated_at     TEXT NOT NULL,
  CHECK (kind <> 'tier' OR tier IS NOT NULL),
  CHECK (kind <> 'customer' OR customer_id IS NOT NULL),
  CHECK (valid_to IS NULL OR valid_from IS NULL OR valid_to >= valid_from)
) STRICT;
CREATE INDEX price_lists_customer ON price_lists (customer_id, status) WHERE customer_id IS NOT NULL;
CREATE INDEX price_lists_tier ON price_lists (tier, status) WHERE tier IS NOT NULL;

-- Quantity breaks: the price for min_quantity or more (base units).
CREATE TABLE price_list_items (
  id             TEXT PRIMARY KEY,
  price_list_id  TEXT NOT NULL REFERENCES price_lists (id),
  product_id     TEXT NOT NULL REFERENCES products (id),
  min_quantity   INTEGER NOT NULL DEFAULT 1 CHECK (min_quantity >= 1),
  unit_price     INTEGER NOT NULL CHECK (unit_price >= 0),
  UNIQUE (price_list_id, product_id, min_quantity)
) STRICT;
CREATE INDEX price_list_items_product ON price_list_items (product_id, price_list_id, min_quantity);

-- Search text, like customer_search: names as space-separated CJK characters, tokens for code,
-- pinyin, initials, barcode and spec.
CREATE TABLE product_search (
  rowid       INTEGER PRIMARY KEY,
  product_id  TEXT NOT NULL UNIQUE REFERENCES products (id),
  names       TEXT NOT NULL,
  tokens      TEXT NOT NULL
) STRICT;

CREATE VIRTUAL TABLE products_fts USING fts5 (
  names, tokens,
  content = 'product_search', content_rowid = 'rowid',
  tokenize = 'unicode61 remove_diacritics 2',
  prefix = '2 3'
);

CREATE TRIGGER product_search_ai AFTER INSERT ON product_search BEGIN
  INSERT INTO products_fts (rowid, names, tokens) VALUES (new.rowid, new.names, new.tokens);
END;
CREATE TRIGGER product_search_ad AFTER DELETE ON product_search BEGIN
  INSERT INTO products_fts (products_fts, rowid, names, tokens) VALUES ('delete', old.rowid, old.names, old.tokens);
END;
CREATE TRIGGER product_search_au AFTER UPDATE ON product_search BEGIN
  INSERT INTO products_fts (products_fts, rowid, names, tokens) VALUES ('delete', old.rowid, old.names, old.tokens);
  INSERT INTO products_fts (rowid, names, tokens) VALUES (new.rowid, new.names, new.tokens);
END;
