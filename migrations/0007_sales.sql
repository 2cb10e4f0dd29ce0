-- Sales (销售): quotations, sales orders with credit check and approval, their status timeline,
-- deliveries and returns, and the credit-note requests a return leaves for receivables.
-- Lines keep quantity in the base unit, the unit the user entered (with its factor) for printing,
-- prices in fen per base unit, discount and VAT rate in basis points, and the rounded net, tax
-- and gross of the line; a document's totals are the sums of its lines.

CREATE TABLE quotes (
  id              TEXT PRIMARY KEY,
  quote_no        TEXT NOT NULL UNIQUE,
  customer_id     TEXT NOT NULL REFERENCES customers (id),
  status          TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'sent', 'accepted', 'rejected', 'expired', 'converted')),
  quote_date      TEXT NOT NULL,
  valid_until     TEXT NOT NULL,
  price_list_id   TEXT REFERENCES price_lists (id),
  tax_inclusive   INTEGER NOT NULL DEFAULT 1 CHECK (tax_inclusive IN (0, 1)),
  currency        TEXT NOT NULL DEFAULT 'CNY',
  total_net       INTEGER NOT NULL DEFAULT 0,
  total_tax       INTEGER NOT NULL DEFAULT 0,
  total_gross     INTEGER NOT NULL DEFAULT 0,
  owner_user_id   TEXT REFERENCES users (id),
  sales_order_id  TEXT,
  notes           TEXT,
  created_by      TEXT REFERENCES users (id),
  created_at      TEXT NOT NULL,
  updated_at      TEXT NOT NULL,
  CHECK (valid_until >= quote_date)
) STRICT;
CREATE INDEX quotes_date ON quotes (quote_date, id);
CREATE INDEX quotes_customer ON quotes (customer_id, quote_date);
CREATE INDEX quotes_status ON quotes (status, valid_until);

CREATE TABLE quote_lines (
  id           TEXT PRIMARY KEY,
  quote_id     TEXT NOT NULL REFERENCES quotes (id),
  line_no      INTEGER NOT NULL,
  product_id   TEXT NOT NULL REFERENCES products (id),
  description  TEXT,
  quantity     INTEGER NOT NULL CHECK (quantity > 0),
  unit         TEXT NOT NULL,
  unit_factor  INTEGER NOT NULL DEFAULT 1 CHECK (unit_factor >= 1),
  unit_price   INTEGER NOT NULL CHECK (unit_price >= 0),
  discount_bp  INTEGER NOT NULL DEFAULT 0 CHECK (discount_bp BETWEEN 0 AND 10000),
  vat_rate     INTEGER NOT NULL,
  net          INTEGER NOT NULL,
  tax          INTEGER NOT NULL,
  gross        INTEGER NOT NULL,
  UNIQUE (quote_id, line_no)
) STRICT;

CREATE TABLE sales_orders (
  id                  TEXT PRIMARY KEY,
  -- Issued when the order leaves draft; a draft has none yet.
  order_no            TEXT UNIQUE,
  customer_id         TEXT NOT NULL REFERENCES customers (id),
  quote_id            TEXT REFERENCES quotes (id),
  status              TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'pending_approval', 'confirmed', 'partly_delivered', 'delivered', 'invoiced', 'paid', 'closed', 'cancelled')),
  order_date          TEXT NOT NULL,
  promised_date       TEXT,
  warehouse_id        TEXT NOT NULL REFERENCES warehouses (id),
  price_list_id       TEXT REFERENCES price_lists (id),
  tax_inclusive       INTEGER NOT NULL DEFAULT 1 CHECK (tax_inclusive IN (0, 1)),
  currency            TEXT NOT NULL DEFAULT 'CNY',
  total_net           INTEGER NOT NULL DEFAULT 0,
  total_tax           INTEGER NOT NULL DEFAULT 0,
  total_gross         INTEGER NOT NULL DEFAULT 0,
  -- What the credit check and the approval rules found at the last confirmation (JSON), and the rule that decided.
  credit_check        TEXT CHECK (credit_check IS NULL OR json_valid(credit_check)),
  decided_by_rule     TEXT,
  shipping_address    TEXT,
  owner_user_id       TEXT REFERENCES users (id),
  notes               TEXT,
  created_by          TEXT REFERENCES users (id),
  created_at          TEXT NOT NULL,
  updated_at          TEXT NOT NULL,
  confirmed_at        TEXT,
  cancelled_at        TEXT,
  cancelled_by        TEXT REFERENCES users (id),
  cancel_reason       TEXT,
  CHECK (status = 'draft' OR order_no IS NOT NULL)
) STRICT;
-- Lists page by date with keyset paging (date, id); filters by status and customer.
CREATE INDEX sales_orders_date ON sales_orders (order_date, id);
CREATE INDEX sales_orders_status_date ON sales_orders (status, order_date, id);
CREATE INDEX sales_orders_customer ON sales_orders (customer_id, order_date, id);
CREATE INDEX sales_orders_quote ON sales_orders (quote_id) WHERE quote_id IS NOT NULL;

CREATE TABLE sales_order_lines (
  id                   TEXT PRIMARY KEY,
  sales_order_id       TEXT NOT NULL REFERENCES sales_orders (id),
  line_no              INTEGER NOT NULL,
  product_id           TEXT NOT NULL REFERENCES products (id),
  description          TEXT,
  quantity             INTEGER NOT NULL CHECK (quantity > 0),
  delivered_quantity   INTEGER NOT NULL DEFAULT 0 CHECK (delivered_quantity >= 0),
  returned_quantity    INTEGER NOT NULL DEFAULT 0 CHECK (returned_quantity >= 0),
  unit                 TEXT NOT NULL,
  unit_factor          INTEGER NOT NULL DEFAULT 1 CHECK (unit_factor >= 1),
  -- The price the price list gave, and whether someone with the permission overrode it.
  list_price           INTEGER NOT NULL CHECK (list_price >= 0),
  unit_price           INTEGER NOT NULL CHECK (unit_price >= 0),
  price_overridden     INTEGER NOT NULL DEFAULT 0 CHECK (price_overridden IN (0, 1)),
  discount_bp          INTEGER NOT NULL DEFAULT 0 CHECK (discount_bp BETWEEN 0 AND 10000),
  vat_rate             INTEGER NOT NULL,
  net                  INTEGER NOT NULL,
  tax                  INTEGER NOT NULL,
  gross                INTEGER NOT NULL,
  -- For a shortage: the date promised for this line, and the line it substitutes.
  promised_date        TEXT,
  substitutes_line_id  TEXT REFERENCES sales_order_lines (id),
  UNIQUE (sales_order_id, line_no),
  CHECK (delivered_quantity <= quantity)
) STRICT;
CREATE INDEX sales_order_lines_product ON sales_order_lines (product_id, sales_order_id);

-- The order's status timeline, with who, when and why.
CREATE TABLE sales_order_events (
  id              TEXT PRIMARY KEY,
  sales_order_id  TEXT NOT NULL REFERENCES sales_orders (id),
  from_status     TEXT,
  to_status       TEXT NOT NULL,
  comment         TEXT,
  user_id         TEXT REFERENCES users (id),
  at              TEXT NOT NULL
) STRICT;
CREATE INDEX sales_order_events_order ON sales_order_events (sales_order_id, at, id);

-- Auto-approval rules, in order; the first that matches decides (approve or route to a manager).
CREATE TABLE approval_rules (
  id          TEXT PRIMARY KEY,
  name        TEXT NOT NULL,
  sort_order  INTEGER NOT NULL DEFAULT 0,
  condition   TEXT NOT NULL CHECK (condition IN ('amount_over', 'customer_tier', 'credit_problem', 'stock_shortage', 'discount_over', 'any')),
  params      TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(params)),
  action      TEXT NOT NULL CHECK (action IN ('approve', 'require_approval')),
  active      INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  created_at  TEXT NOT NULL,
  updated_at  TEXT NOT NULL
) STRICT;

CREATE TABLE sales_order_approvals (
  id              TEXT PRIMARY KEY,
  sales_order_id  TEXT NOT NULL REFERENCES sales_orders (id),
  reasons         TEXT NOT NULL CHECK (json_valid(reasons)),
  requested_by    TEXT REFERENCES users (id),
  requested_at    TEXT NOT NULL,
  decision        TEXT CHECK (decision IS NULL OR decision IN ('approved', 'rejected')),
  decided_by      TEXT REFERENCES users (id),
  decided_at      TEXT,
  comment         TEXT,
  CHECK ((decision IS NULL) = (decided_at IS NULL))
) STRICT;
CREATE INDEX sales_order_approvals_open ON sales_order_approvals (requested_at) WHERE decision IS NULL;
CREATE INDEX sales_order_approvals_order ON sales_order_approvals (sales_order_id, requested_at);

CREATE TABLE deliveries (
  id                TEXT PRIMARY KEY,
  delivery_no       TEXT NOT NULL UNIQUE,
  sales_order_id    TEXT NOT NULL REFERENCES sales_orders (id),
  customer_id       TEXT NOT NULL REFERENCES customers (id),
  warehouse_id      TEXT NOT NULL REFERENCES warehouses (id),
  status            TEXT NOT NULL DEFAULT 'picking' CHECK (status IN ('picking', 'posted', 'cancelled')),
  delivery_date     TEXT NOT NULL,
  promised_date     TEXT,
  shipping_address  TEXT,
  notes             TEXT,
  posted_at         TEXT,
  posted_by         TEXT REFERENCES users (id),
  created_by        TEXT REFERENCES users (id),
  created_at        TEXT NOT NULL,
  updated_at        TEXT NOT NULL
) STRICT;
CREATE INDEX deliveries_date ON deliveries (delivery_date, id);
CREATE INDEX deliveries_order ON deliveries (sales_order_id);
CREATE INDEX deliveries_customer ON deliveries (customer_id, delivery_date);

CREATE TABLE delivery_lines (
  id                   TEXT PRIMARY KEY,
  delivery_id          TEXT NOT NULL REFERENCES deliveries (id),
  sales_order_line_id  TEXT NOT NULL REFERENCES sales_order_lines (id),
  product_id           TEXT NOT NULL REFERENCES products (id),
  quantity             INTEGER NOT NULL CHECK (quantity > 0),
  -- Picked so far on the pick screen (scanned); posting delivers `quantity`.
  picked_quantity      INTEGER NOT NULL DEFAULT 0 CHECK (picked_quantity >= 0),
  -- Cost of goods sold per unit, the moving average when posted.
  unit_cost            INTEGER,
  serials              TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(serials))
) STRICT;
CREATE INDEX delivery_lines_delivery ON delivery_lines (delivery_id);
CREATE INDEX delivery_lines_order_line ON delivery_lines (sales_order_line_id);

-- 退货 (RMA) against order lines: back into stock or scrapped.
CREATE TABLE sales_returns (
  id              TEXT PRIMARY KEY,
  return_no       TEXT NOT NULL UNIQUE,
  sales_order_id  TEXT NOT NULL REFERENCES sales_orders (id),
  customer_id     TEXT NOT NULL REFERENCES customers (id),
  warehouse_id    TEXT NOT NULL REFERENCES warehouses (id),
  status          TEXT NOT NULL DEFAULT 'received' CHECK (status IN ('received', 'cancelled')),
  return_date     TEXT NOT NULL,
  reason          TEXT NOT NULL,
  notes           TEXT,
  created_by      TEXT REFERENCES users (id),
  created_at      TEXT NOT NULL
) STRICT;
CREATE INDEX sales_returns_date ON sales_returns (return_date, id);
CREATE INDEX sales_returns_order ON sales_returns (sales_order_id);

CREATE TABLE sales_return_lines (
  id                   TEXT PRIMARY KEY,
  sales_return_id      TEXT NOT NULL REFERENCES sales_returns (id),
  sales_order_line_id  TEXT NOT NULL REFERENCES sales_order_lines (id),
  product_id           TEXT NOT NULL REFERENCES products (id),
  quantity             INTEGER NOT NULL CHECK (quantity > 0),
  disposition          TEXT NOT NULL CHECK (disposition IN ('restock', 'scrap')),
  net                  INTEGER NOT NULL,
  tax                  INTEGER NOT NULL,
  gross                INTEGER NOT NULL,
  serials              TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(serials))
) STRICT;
CREATE INDEX sales_return_lines_return ON sales_return_lines (sales_return_id);

-- What a return leaves for the receivables area, which turns it into a credit note.
CREATE TABLE credit_note_requests (
  id               TEXT PRIMARY KEY,
  sales_return_id  TEXT NOT NULL UNIQUE REFERENCES sales_returns (id),
  customer_id      TEXT NOT NULL REFERENCES customers (id),
  sales_order_id   TEXT NOT NULL REFERENCES sales_orders (id),
  total_net        INTEGER NOT NULL,
  total_tax        INTEGER NOT NULL,
  total_gross      INTEGER NOT NULL,
  status           TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'credited', 'cancelled')),
  credit_note_id   TEXT,
  created_at       TEXT NOT NULL,
  updated_at       TEXT NOT NULL
) STRICT;
CREATE INDEX credit_note_requests_status ON credit_note_requests (status, created_at);
