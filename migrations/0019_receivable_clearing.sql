-- When each receivables document (invoice, credit note, receipt) was cleared: fully applied (paid,
-- credited, refunded, written off) or reversed. From that day on the document counts nothing toward
-- what the customer owes, on any later date, so the aging as of a date reads only the documents not
-- yet cleared by then instead of every document of the year. NULL while the document is open.
--
-- Cleared on = the day of the document's last entry (allocation, reversing allocation, its own
-- reversal) when it is now reversed or fully applied: after that day nothing changes it, so every
-- later date sees it settled. (An invoice paid, reopened by a reversed receipt, paid again, is
-- cleared on the last day.) The documents are append-only, so the dates live in this side table,
-- kept by triggers in the transaction that writes the entry; `cli check` recomputes it from the
-- documents and the allocation ledger (receivable_clearing_due).

-- The documents' figures from the ledger: one definition for the triggers, the first fill and the check.
CREATE VIEW receivable_clearing_due AS
SELECT i.id AS document_id, i.kind, i.invoice_date AS document_date,
       CASE WHEN i.reversed_on IS NOT NULL THEN max(i.reversed_on, coalesce((SELECT max(a.allocation_date) FROM receivable_allocations a WHERE a.invoice_id = i.id), ''))
            WHEN (SELECT sum(a.amount) FROM receivable_allocations a WHERE a.invoice_id = i.id) = i.total_gross
            THEN (SELECT max(a.allocation_date) FROM receivable_allocations a WHERE a.invoice_id = i.id) END AS cleared_on
  FROM invoices i WHERE i.kind = 'invoice'
UNION ALL
SELECT i.id, i.kind, i.invoice_date,
       CASE WHEN i.reversed_on IS NOT NULL THEN max(i.reversed_on, coalesce((SELECT max(a.allocation_date) FROM receivable_allocations a WHERE a.credit_note_id = i.id), ''))
            WHEN (SELECT sum(a.amount) FROM receivable_allocations a WHERE a.credit_note_id = i.id) = i.total_gross
            THEN (SELECT max(a.allocation_date) FROM receivable_allocations a WHERE a.credit_note_id = i.id) END
  FROM invoices i WHERE i.kind = 'credit_note'
UNION ALL
SELECT r.id, 'receipt', r.receipt_date,
       CASE WHEN r.reversed_on IS NOT NULL THEN max(r.reversed_on, coalesce((SELECT max(a.allocation_date) FROM receivable_allocations a WHERE a.receipt_id = r.id), ''))
            WHEN (SELECT sum(a.amount) FROM receivable_allocations a WHERE a.receipt_id = r.id) = r.amount
            THEN (SELECT max(a.allocation_date) FROM receivable_allocations a WHERE a.receipt_id = r.id) END
  FROM receipts r;

-- What was applied to a document up to a date, from the index alone (the aging sums it per open document).
DROP INDEX receivable_allocations_invoice;
DROP INDEX receivable_allocations_receipt;
DROP INDEX receivable_allocations_credit_note;
CREATE INDEX receivable_allocations_invoice ON receivable_allocations (invoice_id, allocation_date, amount) WHERE invoice_id IS NOT NULL;
CREATE INDEX receivable_allocations_receipt ON receivable_allocations (receipt_id, allocation_date, amount) WHERE receipt_id IS NOT NULL;
CREATE INDEX receivable_allocations_credit_note ON receivable_allocations (credit_note_id, allocation_date, amount) WHERE credit_note_id IS NOT NULL;

CREATE TABLE receivable_clearing (
  document_id    TEXT PRIMARY KEY,
  kind           TEXT NOT NULL CHECK (kind IN ('invoice', 'credit_note', 'receipt')),
  document_date  TEXT NOT NULL,
  cleared_on     TEXT,
  CHECK (cleared_on IS NULL OR cleared_on >= document_date)
) STRICT, WITHOUT ROWID;
-- The aging's way in: the documents still open after a date, with their date and kind, from the index alone.
CREATE INDEX receivable_clearing_open ON receivable_clearing (cleared_on, document_date, kind);

INSERT INTO receivable_clearing (document_id, kind, document_date, cleared_on) SELECT document_id, kind, document_date, cleared_on FROM receivable_clearing_due;

CREATE TRIGGER receivable_clearing_invoice_posted AFTER INSERT ON invoices BEGIN
  INSERT INTO receivable_clearing (document_id, kind, document_date, cleared_on) SELECT document_id, kind, document_date, cleared_on FROM receivable_clearing_due WHERE document_id = NEW.id;
END;
CREATE TRIGGER receivable_clearing_receipt_posted AFTER INSERT ON receipts BEGIN
  INSERT INTO receivable_clearing (document_id, kind, document_date, cleared_on) SELECT document_id, kind, document_date, cleared_on FROM receivable_clearing_due WHERE document_id = NEW.id;
END;
CREATE TRIGGER receivable_clearing_invoice_reversed AFTER UPDATE OF reversed_on ON invoices BEGIN
  UPDATE receivable_clearing SET cleared_on = (SELECT cleared_on FROM receivable_clearing_due WHERE document_id = NEW.id) WHERE document_id = NEW.id;
END;
CREATE TRIGGER receivable_clearing_receipt_reversed AFTER UPDATE OF reversed_on ON receipts BEGIN
  UPDATE receivable_clearing SET cleared_on = (SELECT cleared_on FROM receivable_clearing_due WHERE document_id = NEW.id) WHERE document_id = NEW.id;
END;
-- An entry touches its invoice and its receipt or credit note; a write-off or a refund only one of them.
-- One statement per document named (NEW.… is a constant to the planner, so the view is read by key).
CREATE TRIGGER receivable_clearing_entry AFTER INSERT ON receivable_allocations BEGIN
  UPDATE receivable_clearing SET cleared_on = (SELECT cleared_on FROM receivable_clearing_due WHERE document_id = NEW.invoice_id) WHERE document_id = NEW.invoice_id;
  UPDATE receivable_clearing SET cleared_on = (SELECT cleared_on FROM receivable_clearing_due WHERE document_id = NEW.credit_note_id) WHERE document_id = NEW.credit_note_id;
  UPDATE receivable_clearing SET cleared_on = (SELECT cleared_on FROM receivable_clearing_due WHERE document_id = NEW.receipt_id) WHERE document_id = NEW.receipt_id;
END;

-- The vouchers of a month read the reversals and the write-offs and refunds dated in it: a few rows
-- each, found by date instead of walking every document and entry of every year.
CREATE INDEX invoices_reversed_on ON invoices (reversed_on) WHERE reversed_on IS NOT NULL;
CREATE INDEX receipts_reversed_on ON receipts (reversed_on) WHERE reversed_on IS NOT NULL;
CREATE INDEX receivable_allocations_money_moved ON receivable_allocations (allocation_date) WHERE kind <> 'allocation';
