-- The aging as of a date reads only receivable_clearing's index, never the invoices or receipts
-- themselves: each open document's customer, the date it is aged from, what it adds to the
-- customer's debt, its reversal and the day of its first entry sit in the record beside when it was
-- cleared. At 423,000 invoices the aging four months back had 64,000 documents still open; a
-- lookup of each wide invoice row, and of its allocations, was most of its time. With the day of
-- the first entry, the allocations are summed only for the documents something was applied to by
-- the date (a few percent of them).
--
-- The invoices' and receipts' customer, dates and amounts never change once posted (their
-- append-only triggers), so only the reversal and the entries move these columns, through the same
-- triggers as before; `cli check` recomputes every column from the documents and the ledger.

DROP TRIGGER receivable_clearing_invoice_posted;
DROP TRIGGER receivable_clearing_receipt_posted;
DROP TRIGGER receivable_clearing_invoice_reversed;
DROP TRIGGER receivable_clearing_receipt_reversed;
DROP TRIGGER receivable_clearing_entry;
DROP VIEW receivable_clearing_due;
DROP TABLE receivable_clearing;

-- Amount: what the document adds to what the customer owes, before anything is applied: an
-- invoice its gross, a credit note or a receipt less its gross. Aged from: an invoice's due date, a
-- credit note's or receipt's own date (unapplied credit is aged from the day it arrived).
CREATE VIEW receivable_clearing_due AS
SELECT i.id AS document_id, i.kind, i.invoice_date AS document_date,
       CASE WHEN i.reversed_on IS NOT NULL THEN max(i.reversed_on, coalesce((SELECT max(a.allocation_date) FROM receivable_allocations a WHERE a.invoice_id = i.id), ''))
            WHEN (SELECT sum(a.amount) FROM receivable_allocations a WHERE a.invoice_id = i.id) = i.total_gross
            THEN (SELECT max(a.allocation_date) FROM receivable_allocations a WHERE a.invoice_id = i.id) END AS cleared_on,
       i.customer_id, i.due_date AS aged_from, i.total_gross AS amount, i.reversed_on,
       (SELECT min(a.allocation_date) FROM receivable_allocations a WHERE a.invoice_id = i.id) AS first_applied_on
  FROM invoices i WHERE i.kind = 'invoice'
UNION ALL
SELECT i.id, i.kind, i.invoice_date,
       CASE WHEN i.reversed_on IS NOT NULL THEN max(i.reversed_on, coalesce((SELECT max(a.allocation_date) FROM receivable_allocations a WHERE a.credit_note_id = i.id), ''))
            WHEN (SELECT sum(a.amount) FROM receivable_allocations a WHERE a.credit_note_id = i.id) = i.total_gross
            THEN (SELECT max(a.allocation_date) FROM receivable_allocations a WHERE a.credit_note_id = i.id) END,
       i.customer_id, i.invoice_date, -i.total_gross, i.reversed_on,
       (SELECT min(a.allocation_date) FROM receivable_allocations a WHERE a.credit_note_id = i.id)
  FROM invoices i WHERE i.kind = 'credit_note'
UNION ALL
SELECT r.id, 'receipt', r.receipt_date,
       CASE WHEN r.reversed_on IS NOT NULL THEN max(r.reversed_on, coalesce((SELECT max(a.allocation_date) FROM receivable_allocations a WHERE a.receipt_id = r.id), ''))
            WHEN (SELECT sum(a.amount) FROM receivable_allocations a WHERE a.receipt_id = r.id) = r.amount
            THEN (SELECT max(a.allocation_date) FROM receivable_allocations a WHERE a.receipt_id = r.id) END,
       r.customer_id, r.receipt_date, -r.amount, r.reversed_on,
       (SELECT min(a.allocation_date) FROM receivable_allocations a WHERE a.receipt_id = r.id)
  FROM receipts r;

CREATE TABLE receivable_clearing (
  document_id       TEXT PRIMARY KEY,
  kind              TEXT NOT NULL CHECK (kind IN ('invoice', 'credit_note', 'receipt')),
  document_date     TEXT NOT NULL,
  cleared_on        TEXT,
  customer_id       TEXT NOT NULL,
  aged_from         TEXT NOT NULL,
  amount            INTEGER NOT NULL,
  reversed_on       TEXT,
  first_applied_on  TEXT,
  CHECK (cleared_on IS NULL OR cleared_on >= document_date)
) STRICT, WITHOUT ROWID;

INSERT INTO receivable_clearing (document_id, kind, document_date, cleared_on, customer_id, aged_from, amount, reversed_on, first_applied_on)
SELECT document_id, kind, document_date, cleared_on, customer_id, aged_from, amount, reversed_on, first_applied_on FROM receivable_clearing_due;

-- The aging's way in: the documents still open after a date, with everything the aging reads of them.
CREATE INDEX receivable_clearing_open ON receivable_clearing (cleared_on, document_date, reversed_on, first_applied_on, kind, customer_id, aged_from, amount);

CREATE TRIGGER receivable_clearing_invoice_posted AFTER INSERT ON invoices BEGIN
  INSERT INTO receivable_clearing (document_id, kind, document_date, cleared_on, customer_id, aged_from, amount, reversed_on, first_applied_on)
  SELECT document_id, kind, document_date, cleared_on, customer_id, aged_from, amount, reversed_on, first_applied_on FROM receivable_clearing_due WHERE document_id = NEW.id;
END;
CREATE TRIGGER receivable_clearing_receipt_posted AFTER INSERT ON receipts BEGIN
  INSERT INTO receivable_clearing (document_id, kind, document_date, cleared_on, customer_id, aged_from, amount, reversed_on, first_applied_on)
  SELECT document_id, kind, document_date, cleared_on, customer_id, aged_from, amount, reversed_on, first_applied_on FROM receivable_clearing_due WHERE document_id = NEW.id;
END;
CREATE TRIGGER receivable_clearing_invoice_reversed AFTER UPDATE OF reversed_on ON invoices BEGIN
  UPDATE receivable_clearing SET (cleared_on, reversed_on) = (SELECT cleared_on, reversed_on FROM receivable_clearing_due WHERE document_id = NEW.id) WHERE document_id = NEW.id;
END;
CREATE TRIGGER receivable_clearing_receipt_reversed AFTER UPDATE OF reversed_on ON receipts BEGIN
  UPDATE receivable_clearing SET (cleared_on, reversed_on) = (SELECT cleared_on, reversed_on FROM receivable_clearing_due WHERE document_id = NEW.id) WHERE document_id = NEW.id;
END;
-- An entry touches its invoice and its receipt or credit note; a write-off or a refund only one of them.
-- One statement per document named (NEW.… is a constant to the planner, so the view is read by key).
CREATE TRIGGER receivable_clearing_entry AFTER INSERT ON receivable_allocations BEGIN
  UPDATE receivable_clearing SET (cleared_on, first_applied_on) = (SELECT cleared_on, first_applied_on FROM receivable_clearing_due WHERE document_id = NEW.invoice_id) WHERE document_id = NEW.invoice_id;
  UPDATE receivable_clearing SET (cleared_on, first_applied_on) = (SELECT cleared_on, first_applied_on FROM receivable_clearing_due WHERE document_id = NEW.credit_note_id) WHERE document_id = NEW.credit_note_id;
  UPDATE receivable_clearing SET (cleared_on, first_applied_on) = (SELECT cleared_on, first_applied_on FROM receivable_clearing_due WHERE document_id = NEW.receipt_id) WHERE document_id = NEW.receipt_id;
END;
