-- Stock and purchasing (库存、采购): warehouses, the append-only stock ledger and the summary it
-- keeps, reservations, serial numbers, stock counts, transfers, replenishment, suppliers,
-- purchase orders and goods receipts. Quantities are integers in the product's base unit; costs
-- are tax-exclusive integer fen.

CREATE TABLE warehouses (
  id          TEXT PRIMARY KEY,
  code        TEXT NOT NULL UNIQUE,
  name        TEXT NOT NULL,
  address     TEXT,
  is_default  INTEGER NOT NULL DEFAULT 0 CHECK (is_default IN (0, 1)),
  status      TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'archived')),
  created_at  TEXT NOT NULL,
  updated_at  TEXT NOT NULL
) STRICT;
CREATE UNIQUE INDEX warehouses_one_default ON warehouses (is_default) WHERE is_default = 1;

-- The stock ledger. Every change of stock is one row; `quantity` is signed (in > 0, out < 0) and
-- `value` = quantity × unit_cost, so the stock value is the sum of values, exactly.
CREATE TABLE stock_moves (
  id                TEXT PRIMARY KEY,
  move_date         TEXT NOT NULL,
  product_id        TEXT NOT NULL REFERENCES products (id),
  warehouse_id      TEXT NOT NULL REFERENCES warehouses (id),
  kind              TEXT NOT NULL CHECK (kind IN ('opening', 'receipt', 'delivery', 'return', 'transfer_out', 'transfer_in', 'count_adjustment', 'scrap', 'service_issue')),
  quantity          INTEGER NOT NULL CHECK (quantity <> 0),
  unit_cost         INTEGER NOT NULL CHECK (unit_cost >= 0),
  value             INTEGER NOT NULL,
  -- The document that caused the move: its kind, id, human number and line.
  document_type     TEXT NOT NULL,
  document_id       TEXT NOT NULL,
  document_no       TEXT NOT NULL,
  document_line_id  TEXT,
  reverses_id       TEXT REFERENCES stock_moves (id),
  note              TEXT,
  user_id           TEXT REFERENCES users (id),
  created_at        TEXT NOT NULL,
  CHECK (value = quantity * unit_cost)
) STRICT;
CREATE INDEX stock_moves_product ON stock_moves (product_id, warehouse_id, move_date, id);
CREATE INDEX stock_moves_document ON stock_moves (document_type, document_id);
CREATE INDEX stock_moves_date ON stock_moves (move_date, id);
CREATE TRIGGER stock_moves_append_only_update BEFORE UPDATE ON stock_moves
BEGIN SELECT RAISE(ABORT, 'stock_moves is append-only: post a reversing entry instead'); END;
CREATE TRIGGER stock_moves_append_only_delete BEFORE DELETE ON stock_moves
BEGIN SELECT RAISE(ABORT, 'stock_moves is append-only: post a reversing entry instead'); END;
CREATE UNIQUE INDEX stock_moves_reversed_once ON stock_moves (reverses_id) WHERE reverses_id IS NOT NULL;
CREATE TRIGGER stock_moves_no_reversal_of_reversal BEFORE INSERT ON stock_moves
WHEN NEW.reverses_id IS NOT NULL AND (SELECT reverses_id FROM stock_moves WHERE id = NEW.reverses_id) IS NOT NULL
BEGIN SELECT RAISE(ABORT, 'stock_moves: a reversing entry cannot itself be reversed'); END;

-- The summary the ledger keeps, per product and warehouse, in the same transaction as each move:
-- on_hand = sum of moves' quantities, stock_value = sum of their values, reserved = open
-- reservations; avg_cost is the moving average (stock_value / on_hand while on_hand > 0).
CREATE TABLE stock_levels (
  product_id    TEXT NOT NULL REFERENCES products (id),
  warehouse_id  TEXT NOT NULL REFERENCES warehouses (id),
  on_hand       INTEGER NOT NULL DEFAULT 0,
  reserved      INTEGER NOT NULL DEFAULT 0 CHECK (reserved >= 0),
  stock_value   INTEGER NOT NULL DEFAULT 0,
  avg_cost      INTEGER NOT NULL DEFAULT 0 CHECK (avg_cost >= 0),
  updated_at    TEXT NOT NULL,
  PRIMARY KEY (product_id, warehouse_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX stock_levels_warehouse ON stock_levels (warehouse_id, product_id);

-- Stock promised to a document line (a confirmed sales order, a service ticket). Not a ledger: the
-- open quantity goes down as it is delivered and the row closes; stock_levels.reserved = sum of open.
CREATE TABLE stock_reservations (
  id                TEXT PRIMARY KEY,
  product_id        TEXT NOT NULL REFERENCES products (id),
  warehouse_id      TEXT NOT NULL REFERENCES warehouses (id),
  quantity          INTEGER NOT NULL CHECK (quantity >= 0),
  document_type     TEXT NOT NULL,
  document_id       TEXT NOT NULL,
  document_line_id  TEXT NOT NULL,
  status            TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'fulfilled', 'released')),
  created_at        TEXT NOT NULL,
  updated_at        TEXT NOT NULL,
  CHECK (status = 'open' OR quantity = 0)
) STRICT;
CREATE INDEX stock_reservations_level ON stock_reservations (product_id, warehouse_id) WHERE status = 'open';
CREATE UNIQUE INDEX stock_reservations_line ON stock_reservations (document_type, document_line_id, warehouse_id) WHERE status = 'open';
CREATE INDEX stock_reservations_document ON stock_reservations (document_type, document_id);

-- Serial-tracked products: one row per unit, recorded on receipt and on delivery (the service
-- area's device registry starts from these).
CREATE TABLE serial_numbers (
  id                 TEXT PRIMARY KEY,
  product_id         TEXT NOT NULL REFERENCES products (id),
  serial             TEXT NOT NULL,
  status             TEXT NOT NULL CHECK (status IN ('in_stock', 'delivered', 'returned', 'scrapped')),
  warehouse_id       TEXT REFERENCES warehouses (id),
  customer_id        TEXT REFERENCES customers (id),
  received_move_id   TEXT REFERENCES stock_moves (id),
  delivered_move_id  TEXT REFERENCES stock_moves (id),
  created_at         TEXT NOT NULL,
  updated_at         TEXT NOT NULL,
  UNIQUE (product_id, serial),
  CHECK (status <> 'in_stock' OR warehouse_id IS NOT NULL)
) STRICT;
CREATE INDEX serial_numbers_customer ON serial_numbers (customer_id) WHERE customer_id IS NOT NULL;
CREATE INDEX serial_numbers_serial ON serial_numbers (serial);

-- 盘点: a count sheet snapshots what the books expect; posting adjusts by the differences.
CREATE TABLE stock_counts (
  id            TEXT PRIMARY KEY,
  count_no      TEXT NOT NULL UNIQUE,
  warehouse_id  TEXT NOT NULL REFERENCES warehouses (id),
  status        TEXT NOT NULL DEFAULT 'counting' CHECK (status IN ('counting', 'posted', 'cancelled')),
  count_date    TEXT NOT NULL,
  notes         TEXT,
  posted_at     TEXT,
  posted_by     TEXT REFERENCES users (id),
  created_by    TEXT REFERENCES users (id),
  created_at    TEXT NOT NULL,
  updated_at    TEXT NOT NULL
) STRICT;
CREATE INDEX stock_counts_warehouse ON stock_counts (warehouse_id, count_date);

CREATE TABLE stock_count_lines (
  id                 TEXT PRIMARY KEY,
  count_id           TEXT NOT NULL REFERENCES stock_counts (id),
  product_id         TEXT NOT NULL REFERENCES products (id),
  expected_quantity  INTEGER NOT NULL,
  counted_quantity   INTEGER CHECK (counted_quantity IS NULL OR counted_quantity >= 0),
  UNIQUE (count_id, product_id)
) STRICT;

-- 调拨: moves stock between warehouses (a transfer_out and a transfer_in move per line).
CREATE TABLE stock_transfers (
  id                 TEXT PRIMARY KEY,
  transfer_no        TEXT NOT NULL UNIQUE,
  from_warehouse_id  TEXT NOT NULL REFERENCES warehouses (id),
  to_warehouse_id    TEXT NOT NULL REFERENCES warehouses (id),
  transfer_date      TEXT NOT NULL,
  status             TEXT NOT NULL DEFAULT 'posted' CHECK (status IN ('posted', 'cancelled')),
  notes              TEXT,
  created_by         TEXT REFERENCES users (id),
  created_at         TEXT NOT NULL,
  CHECK (from_warehouse_id <> to_warehouse_id)
) STRICT;

CREATE TABLE stock_transfer_lines (
  id           TEXT PRIMARY KEY,
  transfer_id  TEXT NOT NULL REFERENCES stock_transfers (id),
  product_id   TEXT NOT NULL REFERENCES products (id),
  quantity     INTEGER NOT NULL CHECK (quantity > 0)
) STRICT;
CREATE INDEX stock_transfer_lines_transfer ON stock_transfer_lines (transfer_id);

CREATE TABLE suppliers (
  id                  TEXT PRIMARY KEY,
  code                TEXT NOT NULL UNIQUE,
  name                TEXT NOT NULL,
  name_pinyin         TEXT NOT NULL,
  contact_name        TEXT,
  mobile              TEXT,
  phone               TEXT,
  email               TEXT,
  address             TEXT,
  payment_terms_days  INTEGER NOT NULL DEFAULT 0 CHECK (payment_terms_days >= 0),
  lead_time_days      INTEGER NOT NULL DEFAULT 7 CHECK (lead_time_days >= 0),
  notes               TEXT,
  status              TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'archived')),
  created_at          TEXT NOT NULL,
  updated_at          TEXT NOT NULL
) STRICT;
CREATE INDEX suppliers_status_name ON suppliers (status, name_pinyin);

-- Safety stock, reorder point and reorder quantity per product and warehouse.
CREATE TABLE replenishment_rules (
  product_id        TEXT NOT NULL REFERENCES products (id),
  warehouse_id      TEXT NOT NULL REFERENCES warehouses (id),
  safety_stock      INTEGER NOT NULL DEFAULT 0 CHECK (safety_stock >= 0),
  reorder_point     INTEGER NOT NULL DEFAULT 0 CHECK (reorder_point >= 0),
  reorder_quantity  INTEGER NOT NULL DEFAULT 0 CHECK (reorder_quantity >= 0),
  updated_at        TEXT NOT NULL,
  PRIMARY KEY (product_id, warehouse_id)
) STRICT, WITHOUT ROWID;

-- Raised once per crossing: when available stock falls below the safety stock and no request is
-- open for the product and warehouse; it stays open until ordered or dismissed.
CREATE TABLE replenishment_requests (
  id                  TEXT PRIMARY KEY,
  product_id          TEXT NOT NULL REFERENCES products (id),
  warehouse_id        TEXT NOT NULL REFERENCES warehouses (id),
  available_at_raise  INTEGER NOT NULL,
  suggested_quantity  INTEGER NOT NULL CHECK (suggested_quantity > 0),
  status              TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'ordered', 'dismissed')),
  purchase_order_id   TEXT,
  -- What caused the crossing (the order line that reserved the last units, a delivery, a count).
  source_type         TEXT,
  source_id           TEXT,
  raised_at           TEXT NOT NULL,
  closed_at           TEXT
) STRICT;
CREATE UNIQUE INDEX replenishment_requests_one_open ON replenishment_requests (product_id, warehouse_id) WHERE status = 'open';
CREATE INDEX replenishment_requests_status ON replenishment_requests (status, raised_at);

CREATE TABLE purchase_orders (
  id              TEXT PRIMARY KEY,
  po_no           TEXT NOT NULL UNIQUE,
  supplier_id     TEXT NOT NULL REFERENCES suppliers (id),
  warehouse_id    TEXT NOT NULL REFERENCES warehouses (id),
  status          TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'confirmed', 'partly_received', 'received', 'cancelled')),
  order_date      TEXT NOT NULL,
  expected_date   TEXT,
  currency        TEXT NOT NULL DEFAULT 'CNY',
  tax_inclusive   INTEGER NOT NULL DEFAULT 1 CHECK (tax_inclusive IN (0, 1)),
  total_net       INTEGER NOT NULL DEFAULT 0,
  total_tax       INTEGER NOT NULL DEFAULT 0,
  total_gross     INTEGER NOT NULL DEFAULT 0,
  notes           TEXT,
  created_by      TEXT REFERENCES users (id),
  confirmed_at    TEXT,
  created_at      TEXT NOT NULL,
  updated_at      TEXT NOT NULL
) STRICT;
CREATE INDEX purchase_orders_date ON purchase_orders (order_date, id);
CREATE INDEX purchase_orders_supplier ON purchase_orders (supplier_id, order_date);
CREATE INDEX purchase_orders_status ON purchase_orders (status, expected_date);

CREATE TABLE purchase_order_lines (
  id                 TEXT PRIMARY KEY,
  purchase_order_id  TEXT NOT NULL REFERENCES purchase_orders (id),
  line_no            INTEGER NOT NULL,
  product_id         TEXT NOT NULL REFERENCES products (id),
  quantity           INTEGER NOT NULL CHECK (quantity > 0),
  received_quantity  INTEGER NOT NULL DEFAULT 0 CHECK (received_quantity >= 0),
  unit_price         INTEGER NOT NULL CHECK (unit_price >= 0),
  vat_rate           INTEGER NOT NULL,
  net                INTEGER NOT NULL,
  tax                INTEGER NOT NULL,
  gross              INTEGER NOT NULL,
  expected_date      TEXT,
  UNIQUE (purchase_order_id, line_no)
) STRICT;
CREATE INDEX purchase_order_lines_product ON purchase_order_lines (product_id, purchase_order_id);

CREATE TABLE goods_receipts (
  id                 TEXT PRIMARY KEY,
  receipt_no         TEXT NOT NULL UNIQUE,
  purchase_order_id  TEXT REFERENCES purchase_orders (id),
  supplier_id        TEXT NOT NULL REFERENCES suppliers (id),
  warehouse_id       TEXT NOT NULL REFERENCES warehouses (id),
  receipt_date       TEXT NOT NULL,
  notes              TEXT,
  created_by         TEXT REFERENCES users (id),
  created_at         TEXT NOT NULL
) STRICT;
CREATE INDEX goods_receipts_order ON goods_receipts (purchase_order_id);

CREATE TABLE goods_receipt_lines (
  id                      TEXT PRIMARY KEY,
  goods_receipt_id        TEXT NOT NULL REFERENCES goods_receipts (id),
  purchase_order_line_id  TEXT REFERENCES purchase_order_lines (id),
  product_id              TEXT NOT NULL REFERENCES products (id),
  quantity                INTEGER NOT NULL CHECK (quantity > 0),
  unit_cost               INTEGER NOT NULL CHECK (unit_cost >= 0)
) STRICT;
CREATE INDEX goods_receipt_lines_receipt ON goods_receipt_lines (goods_receipt_id);
