-- Stock documents beside 0006: the stock adjustment (库存调整单) behind opening balances, manual
-- receipts, scrap and service issues; supplier search by pinyin initials; the indexes the stock and
-- purchasing screens list by.

-- Posted when saved: each line is one move (in for opening and receipt at the line's cost, out for
-- scrap and service issue at the moving average, which the line records).
CREATE TABLE stock_adjustments (
  id               TEXT PRIMARY KEY,
  adjustment_no    TEXT NOT NULL UNIQUE,
  warehouse_id     TEXT NOT NULL REFERENCES warehouses (id),
  kind             TEXT NOT NULL CHECK (kind IN ('opening', 'receipt', 'scrap', 'service_issue')),
  adjustment_date  TEXT NOT NULL,
  notes            TEXT,
  created_by       TEXT REFERENCES users (id),
  created_at       TEXT NOT NULL
) STRICT;
CREATE INDEX stock_adjustments_date ON stock_adjustments (adjustment_date, id);

CREATE TABLE stock_adjustment_lines (
  id             TEXT PRIMARY KEY,
  adjustment_id  TEXT NOT NULL REFERENCES stock_adjustments (id),
  line_no        INTEGER NOT NULL,
  product_id     TEXT NOT NULL REFERENCES products (id),
  -- Always positive; the adjustment's kind says which way the goods went.
  quantity       INTEGER NOT NULL CHECK (quantity > 0),
  -- Tax-exclusive fen per base unit.
  unit_cost      INTEGER NOT NULL CHECK (unit_cost >= 0),
  note           TEXT,
  UNIQUE (adjustment_id, line_no)
) STRICT;

-- 华星电子 is found by hxdz as well as by huaxing.
ALTER TABLE suppliers ADD COLUMN name_initials TEXT NOT NULL DEFAULT '';

-- At most one count sheet is open per warehouse: two would each adjust by the same difference.
CREATE UNIQUE INDEX stock_counts_one_open ON stock_counts (warehouse_id) WHERE status = 'counting';
CREATE INDEX stock_counts_date ON stock_counts (count_date, id);
CREATE INDEX stock_transfers_date ON stock_transfers (transfer_date, id);
CREATE INDEX goods_receipts_date ON goods_receipts (receipt_date, id);
-- The serials a delivery can pick from: in stock in one warehouse.
CREATE INDEX serial_numbers_stock ON serial_numbers (product_id, warehouse_id, status);
