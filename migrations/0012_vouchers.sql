-- Vouchers (记账凭证) for the accountant's software, the chart of accounts they post to, the
-- period lock, and the log of every voucher export.
-- Vouchers themselves are not stored: they are derived, deterministically, from the append-only
-- documents and ledgers (invoices, receipts, receivable_allocations, stock_moves), numbered within a
-- month in the order things were posted, so a number once given never moves.

-- The company's chart of accounts (会计科目). Only a leaf account carries amounts.
CREATE TABLE chart_accounts (
  code         TEXT PRIMARY KEY CHECK (code NOT GLOB '*[^0-9]*' AND length(code) BETWEEN 4 AND 20),
  name         TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 60),
  parent_code  TEXT REFERENCES chart_accounts (code),
  updated_at   TEXT NOT NULL
) STRICT;

-- Which account each kind of posting goes to (receivable, revenue, output VAT, bank …), editable.
CREATE TABLE voucher_account_mapping (
  role          TEXT PRIMARY KEY CHECK (role IN ('receivable', 'revenue', 'output_vat', 'bank', 'cash', 'wechat', 'alipay', 'acceptance_bill', 'cost_of_sales', 'inventory', 'writeoff')),
  account_code  TEXT NOT NULL REFERENCES chart_accounts (code),
  updated_at    TEXT NOT NULL
) STRICT;

-- Closing and reopening months. The books are closed through one month (every month up to it is
-- locked); the latest row says which. Append-only: the history is the audit of who closed and reopened.
CREATE TABLE period_lock_events (
  id              TEXT PRIMARY KEY,
  action          TEXT NOT NULL CHECK (action IN ('close', 'reopen')),
  period          TEXT NOT NULL CHECK (period GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]' AND substr(period, 6, 2) BETWEEN '01' AND '12'),
  -- Locked up to and including this month after the event; NULL when nothing is locked.
  closed_through  TEXT CHECK (closed_through IS NULL OR closed_through GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]'),
  reason          TEXT,
  user_id         TEXT REFERENCES users (id),
  at              TEXT NOT NULL
) STRICT;
CREATE TRIGGER period_lock_events_append_only_update BEFORE UPDATE ON period_lock_events
BEGIN SELECT RAISE(ABORT, 'period_lock_events is append-only: post a reversing entry instead'); END;
CREATE TRIGGER period_lock_events_append_only_delete BEFORE DELETE ON period_lock_events
BEGIN SELECT RAISE(ABORT, 'period_lock_events is append-only: post a reversing entry instead'); END;

-- Every voucher export: who, when, which dates, which format, how many vouchers and the file's hash,
-- so exporting the same period again warns before the accountant imports it twice.
CREATE TABLE voucher_exports (
  id              TEXT PRIMARY KEY,
  date_from       TEXT NOT NULL,
  date_to         TEXT NOT NULL CHECK (date_to >= date_from),
  format          TEXT NOT NULL CHECK (format IN ('kingdee', 'yonyou', 'csv', 'hledger')),
  voucher_count   INTEGER NOT NULL CHECK (voucher_count >= 0),
  first_voucher   TEXT,
  last_voucher    TEXT,
  file_sha256     TEXT NOT NULL,
  user_id         TEXT REFERENCES users (id),
  username        TEXT,
  at              TEXT NOT NULL
) STRICT;
CREATE INDEX voucher_exports_dates ON voucher_exports (date_from, date_to);
CREATE TRIGGER voucher_exports_append_only_update BEFORE UPDATE ON voucher_exports
BEGIN SELECT RAISE(ABORT, 'voucher_exports is append-only: post a reversing entry instead'); END;
CREATE TRIGGER voucher_exports_append_only_delete BEFORE DELETE ON voucher_exports
BEGIN SELECT RAISE(ABORT, 'voucher_exports is append-only: post a reversing entry instead'); END;

-- Vouchers of a month read write-offs and refunds by date.
CREATE INDEX receivable_allocations_voucher_date ON receivable_allocations (allocation_date) WHERE kind <> 'allocation';

-- 小企业会计准则 defaults; the chart screen switches to 企业会计准则 or edits them.
INSERT INTO chart_accounts (code, name, parent_code, updated_at) VALUES
  ('1001', '库存现金', NULL, '1970-01-01T00:00:00.000Z'),
  ('1002', '银行存款', NULL, '1970-01-01T00:00:00.000Z'),
  ('1121', '应收票据', NULL, '1970-01-01T00:00:00.000Z'),
  ('1122', '应收账款', NULL, '1970-01-01T00:00:00.000Z'),
  ('1405', '库存商品', NULL, '1970-01-01T00:00:00.000Z'),
  ('2203', '预收账款', NULL, '1970-01-01T00:00:00.000Z'),
  ('2221', '应交税费', NULL, '1970-01-01T00:00:00.000Z'),
  ('222101', '应交税费—应交增值税', '2221', '1970-01-01T00:00:00.000Z'),
  ('22210102', '应交税费—应交增值税（销项税额）', '222101', '1970-01-01T00:00:00.000Z'),
  ('6001', '主营业务收入', NULL, '1970-01-01T00:00:00.000Z'),
  ('6401', '主营业务成本', NULL, '1970-01-01T00:00:00.000Z'),
  ('6602', '管理费用', NULL, '1970-01-01T00:00:00.000Z'),
  ('6711', '营业外支出', NULL, '1970-01-01T00:00:00.000Z');
INSERT INTO voucher_account_mapping (role, account_code, updated_at) VALUES
  ('receivable', '1122', '1970-01-01T00:00:00.000Z'),
  ('revenue', '6001', '1970-01-01T00:00:00.000Z'),
  ('output_vat', '22210102', '1970-01-01T00:00:00.000Z'),
  ('bank', '1002', '1970-01-01T00:00:00.000Z'),
  ('cash', '1001', '1970-01-01T00:00:00.000Z'),
  ('wechat', '1002', '1970-01-01T00:00:00.000Z'),
  ('alipay', '1002', '1970-01-01T00:00:00.000Z'),
  ('acceptance_bill', '1121', '1970-01-01T00:00:00.000Z'),
  ('cost_of_sales', '6401', '1970-01-01T00:00:00.000Z'),
  ('inventory', '1405', '1970-01-01T00:00:00.000Z'),
  ('writeoff', '6711', '1970-01-01T00:00:00.000Z');
