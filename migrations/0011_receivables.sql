-- Receivables (应收): invoices and credit notes, receipts (收款), and the ledger that applies money
-- to invoices (allocations, write-offs, refunds). Documents are posted when created and never edited:
-- a mistake is reversed, on a date, so any past as-of date still sees what was true then.
-- Every row carries its period (YYYY-MM) and posted_at, for the vouchers and period lock that follow.
-- What a customer owes now is customer_stats.balance_due, moved in the transaction that posts
-- (invoices − credit notes − receipts − write-offs + refunds); `cli check` recomputes it.

CREATE TABLE invoices (
  id                      TEXT PRIMARY KEY,
  invoice_no              TEXT NOT NULL UNIQUE,
  -- A credit note (红字) lowers what the customer owes; it is an invoice of the other sign.
  kind                    TEXT NOT NULL CHECK (kind IN ('invoice', 'credit_note')),
  source                  TEXT NOT NULL CHECK (source IN ('deliveries', 'order', 'service', 'return', 'price_correction')),
  customer_id             TEXT NOT NULL REFERENCES customers (id),
  status                  TEXT NOT NULL DEFAULT 'posted' CHECK (status IN ('posted', 'reversed')),
  invoice_date            TEXT NOT NULL,
  due_date                TEXT NOT NULL,
  period                  TEXT NOT NULL CHECK (period = substr(invoice_date, 1, 7)),
  invoice_type            TEXT NOT NULL DEFAULT 'ordinary' CHECK (invoice_type IN ('ordinary', 'special')),
  -- The 金税 invoice issued outside the program, recorded here when known.
  tax_invoice_no          TEXT,
  tax_invoice_date        TEXT,
  tax_inclusive           INTEGER NOT NULL DEFAULT 1 CHECK (tax_inclusive IN (0, 1)),
  currency                TEXT NOT NULL DEFAULT 'CNY',
  total_net               INTEGER NOT NULL,
  total_tax               INTEGER NOT NULL,
  total_gross             INTEGER NOT NULL CHECK (total_gross > 0),
  sales_order_id          TEXT REFERENCES sales_orders (id),
  credit_note_request_id  TEXT REFERENCES credit_note_requests (id),
  -- The invoice a price correction or a return credits.
  corrects_invoice_id     TEXT REFERENCES invoices (id),
  project                 TEXT,
  reason                  TEXT,
  notes                   TEXT,
  posted_at               TEXT NOT NULL,
  posted_by               TEXT REFERENCES users (id),
  reversed_on             TEXT,
  reversed_at             TEXT,
  reversed_by             TEXT REFERENCES users (id),
  reversal_reason         TEXT,
  CHECK (total_net + total_tax = total_gross),
  CHECK (due_date >= invoice_date),
  CHECK ((status = 'reversed') = (reversed_on IS NOT NULL)),
  CHECK (reversed_on IS NULL OR reversed_on >= invoice_date)
) STRICT;
CREATE INDEX invoices_date ON invoices (invoice_date, id);
CREATE INDEX invoices_customer ON invoices (customer_id, invoice_date, id);
CREATE INDEX invoices_order ON invoices (sales_order_id) WHERE sales_order_id IS NOT NULL;
-- A return is credited once (again only after that credit note is reversed).
CREATE UNIQUE INDEX invoices_credit_note_request ON invoices (credit_note_request_id) WHERE credit_note_request_id IS NOT NULL AND status = 'posted';

-- Posted means posted: only the status, the reversal and the tax invoice's number and date change.
-- Named as core/ledger names a ledger's trigger, so a customer merge leaves posted invoices with their customer.
CREATE TRIGGER invoices_append_only_update BEFORE UPDATE OF
  id, invoice_no, kind, source, customer_id, invoice_date, due_date, period, invoice_type, tax_inclusive, currency,
  total_net, total_tax, total_gross, sales_order_id, credit_note_request_id, corrects_invoice_id, project, reason, notes, posted_at, posted_by
ON invoices
BEGIN SELECT RAISE(ABORT, 'invoices are posted: reverse the invoice instead of editing it'); END;
CREATE TRIGGER invoices_no_unreversal BEFORE UPDATE OF status, reversed_on ON invoices WHEN OLD.status = 'reversed'
BEGIN SELECT RAISE(ABORT, 'invoices: a reversed invoice stays reversed'); END;
CREATE TRIGGER invoices_append_only_delete BEFORE DELETE ON invoices
BEGIN SELECT RAISE(ABORT, 'invoices is append-only: post a reversing entry instead'); END;

CREATE TABLE invoice_lines (
  id                   TEXT PRIMARY KEY,
  invoice_id           TEXT NOT NULL REFERENCES invoices (id),
  line_no              INTEGER NOT NULL,
  delivery_line_id     TEXT REFERENCES delivery_lines (id),
  sales_order_line_id  TEXT REFERENCES sales_order_lines (id),
  product_id           TEXT REFERENCES products (id),
  description          TEXT NOT NULL,
  quantity             INTEGER NOT NULL CHECK (quantity > 0),
  unit                 TEXT NOT NULL,
  unit_price           INTEGER NOT NULL CHECK (unit_price >= 0),
  discount             INTEGER NOT NULL DEFAULT 0 CHECK (discount >= 0),
  vat_rate             INTEGER NOT NULL CHECK (vat_rate BETWEEN 0 AND 10000),
  net                  INTEGER NOT NULL,
  tax                  INTEGER NOT NULL,
  gross                INTEGER NOT NULL,
  UNIQUE (invoice_id, line_no),
  CHECK (net + tax = gross)
) STRICT;
CREATE INDEX invoice_lines_delivery_line ON invoice_lines (delivery_line_id) WHERE delivery_line_id IS NOT NULL;
CREATE INDEX invoice_lines_order_line ON invoice_lines (sales_order_line_id) WHERE sales_order_line_id IS NOT NULL;
CREATE TRIGGER invoice_lines_append_only_update BEFORE UPDATE ON invoice_lines
BEGIN SELECT RAISE(ABORT, 'invoice_lines is append-only: post a reversing entry instead'); END;
CREATE TRIGGER invoice_lines_append_only_delete BEFORE DELETE ON invoice_lines
BEGIN SELECT RAISE(ABORT, 'invoice_lines is append-only: post a reversing entry instead'); END;

CREATE TABLE receipts (
  id                  TEXT PRIMARY KEY,
  receipt_no          TEXT NOT NULL UNIQUE,
  customer_id         TEXT NOT NULL REFERENCES customers (id),
  status              TEXT NOT NULL DEFAULT 'posted' CHECK (status IN ('posted', 'reversed')),
  receipt_date        TEXT NOT NULL,
  period              TEXT NOT NULL CHECK (period = substr(receipt_date, 1, 7)),
  method              TEXT NOT NULL CHECK (method IN ('bank_transfer', 'cash', 'wechat', 'alipay', 'acceptance_bill')),
  amount              INTEGER NOT NULL CHECK (amount > 0),
  bank_account        TEXT,
  reference           TEXT,
  -- A bank acceptance bill (银行承兑汇票) is money only at its maturity date.
  bill_maturity_date  TEXT,
  notes               TEXT,
  posted_at           TEXT NOT NULL,
  posted_by           TEXT REFERENCES users (id),
  reversed_on         TEXT,
  reversed_at         TEXT,
  reversed_by         TEXT REFERENCES users (id),
  reversal_reason     TEXT,
  CHECK ((method = 'acceptance_bill') = (bill_maturity_date IS NOT NULL)),
  CHECK ((status = 'reversed') = (reversed_on IS NOT NULL)),
  CHECK (reversed_on IS NULL OR reversed_on >= receipt_date)
) STRICT;
CREATE INDEX receipts_date ON receipts (receipt_date, id);
CREATE INDEX receipts_customer ON receipts (customer_id, receipt_date, id);
CREATE TRIGGER receipts_append_only_update BEFORE UPDATE OF
  id, receipt_no, customer_id, receipt_date, period, method, amount, bank_account, reference, bill_maturity_date, notes, posted_at, posted_by
ON receipts
BEGIN SELECT RAISE(ABORT, 'receipts are posted: reverse the receipt instead of editing it'); END;
CREATE TRIGGER receipts_no_unreversal BEFORE UPDATE OF status, reversed_on ON receipts WHEN OLD.status = 'reversed'
BEGIN SELECT RAISE(ABORT, 'receipts: a reversed receipt stays reversed'); END;
CREATE TRIGGER receipts_append_only_delete BEFORE DELETE ON receipts
BEGIN SELECT RAISE(ABORT, 'receipts is append-only: post a reversing entry instead'); END;

-- How money meets invoices: a receipt or a credit note allocated to an invoice, a small difference
-- written off, or unapplied credit refunded. Undone by a reversing row (negative amount, reverses_id).
CREATE TABLE receivable_allocations (
  id               TEXT PRIMARY KEY,
  customer_id      TEXT NOT NULL REFERENCES customers (id),
  kind             TEXT NOT NULL CHECK (kind IN ('allocation', 'writeoff', 'refund')),
  receipt_id       TEXT REFERENCES receipts (id),
  credit_note_id   TEXT REFERENCES invoices (id),
  invoice_id       TEXT REFERENCES invoices (id),
  amount           INTEGER NOT NULL,
  allocation_date  TEXT NOT NULL,
  period           TEXT NOT NULL CHECK (period = substr(allocation_date, 1, 7)),
  reason           TEXT,
  method           TEXT CHECK (method IS NULL OR method IN ('bank_transfer', 'cash', 'wechat', 'alipay')),
  reference        TEXT,
  reverses_id      TEXT REFERENCES receivable_allocations (id),
  created_by       TEXT REFERENCES users (id),
  created_at       TEXT NOT NULL,
  CHECK ((reverses_id IS NULL AND amount > 0) OR (reverses_id IS NOT NULL AND amount < 0)),
  CHECK (receipt_id IS NULL OR credit_note_id IS NULL),
  CHECK (kind <> 'allocation' OR (invoice_id IS NOT NULL AND (receipt_id IS NOT NULL OR credit_note_id IS NOT NULL))),
  CHECK (kind <> 'writeoff' OR (invoice_id IS NOT NULL AND receipt_id IS NULL AND credit_note_id IS NULL AND reason IS NOT NULL)),
  CHECK (kind <> 'refund' OR (invoice_id IS NULL AND (receipt_id IS NOT NULL OR credit_note_id IS NOT NULL)))
) STRICT;
CREATE INDEX receivable_allocations_invoice ON receivable_allocations (invoice_id, allocation_date) WHERE invoice_id IS NOT NULL;
CREATE INDEX receivable_allocations_receipt ON receivable_allocations (receipt_id, allocation_date) WHERE receipt_id IS NOT NULL;
CREATE INDEX receivable_allocations_credit_note ON receivable_allocations (credit_note_id, allocation_date) WHERE credit_note_id IS NOT NULL;
CREATE INDEX receivable_allocations_customer ON receivable_allocations (customer_id, allocation_date);
CREATE TRIGGER receivable_allocations_append_only_update BEFORE UPDATE ON receivable_allocations
BEGIN SELECT RAISE(ABORT, 'receivable_allocations is append-only: post a reversing entry instead'); END;
CREATE TRIGGER receivable_allocations_append_only_delete BEFORE DELETE ON receivable_allocations
BEGIN SELECT RAISE(ABORT, 'receivable_allocations is append-only: post a reversing entry instead'); END;
CREATE UNIQUE INDEX receivable_allocations_reversed_once ON receivable_allocations (reverses_id) WHERE reverses_id IS NOT NULL;
CREATE TRIGGER receivable_allocations_no_reversal_of_reversal BEFORE INSERT ON receivable_allocations
WHEN NEW.reverses_id IS NOT NULL AND (SELECT reverses_id FROM receivable_allocations WHERE id = NEW.reverses_id) IS NOT NULL
BEGIN SELECT RAISE(ABORT, 'receivable_allocations: a reversing entry cannot itself be reversed'); END;
