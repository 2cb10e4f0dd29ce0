-- Search and list totals that do not grow with the tables.
--
-- 1. customers_fts also indexes emoji (category So) as words; accented Latin was always folded
--    (remove_diacritics 2), the search text now keeps it. Rebuilt from customer_search.
-- 2. Leads get the customers' kind of search index (lead_search + leads_fts), so their search
--    starts from the index too. Leads written before this are indexed here without pinyin
--    (SQL has none); the service writes the full text on the next edit.
-- 3. row_counts: the totals of unfiltered lists, kept by triggers in the writing transaction.

DROP TRIGGER customer_search_ai;
DROP TRIGGER customer_search_ad;
DROP TRIGGER customer_search_au;
DROP TABLE customers_fts;

CREATE VIRTUAL TABLE customers_fts USING fts5 (
  names, people, tokens,
  content = 'customer_search', content_rowid = 'rowid',
  tokenize = "unicode61 remove_diacritics 2 categories 'L* N* Co So'",
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

INSERT INTO customers_fts (customers_fts) VALUES ('rebuild');

-- Same columns as customer_search: names (the company, CJK spaced), people (the person), tokens
-- (code, pinyin, initials, phone numbers, e-mail words).
CREATE TABLE lead_search (
  rowid    INTEGER PRIMARY KEY,
  lead_id  TEXT NOT NULL UNIQUE REFERENCES leads (id),
  names    TEXT NOT NULL,
  people   TEXT NOT NULL,
  tokens   TEXT NOT NULL
) STRICT;

CREATE VIRTUAL TABLE leads_fts USING fts5 (
  names, people, tokens,
  content = 'lead_search', content_rowid = 'rowid',
  tokenize = "unicode61 remove_diacritics 2 categories 'L* N* Co So'",
  prefix = '2 3'
);

CREATE TRIGGER lead_search_ai AFTER INSERT ON lead_search BEGIN
  INSERT INTO leads_fts (rowid, names, people, tokens) VALUES (new.rowid, new.names, new.people, new.tokens);
END;
CREATE TRIGGER lead_search_ad AFTER DELETE ON lead_search BEGIN
  INSERT INTO leads_fts (leads_fts, rowid, names, people, tokens) VALUES ('delete', old.rowid, old.names, old.people, old.tokens);
END;
CREATE TRIGGER lead_search_au AFTER UPDATE ON lead_search BEGIN
  INSERT INTO leads_fts (leads_fts, rowid, names, people, tokens) VALUES ('delete', old.rowid, old.names, old.people, old.tokens);
  INSERT INTO leads_fts (rowid, names, people, tokens) VALUES (new.rowid, new.names, new.people, new.tokens);
END;

-- Existing leads: every CJK character stands alone (as spacedText writes it), other text lower-cased.
INSERT INTO lead_search (lead_id, names, people, tokens)
WITH RECURSIVE spaced (lead_id, part, rest, done) AS (
  SELECT id, 'names', coalesce(company, name), '' FROM leads
  UNION ALL
  SELECT id, 'people', name, '' FROM leads WHERE company IS NOT NULL
  UNION ALL
  SELECT lead_id, part, substr(rest, 2),
         done || CASE WHEN unicode(rest) BETWEEN 13312 AND 40959 OR unicode(rest) BETWEEN 63744 AND 64255
                      THEN ' ' || substr(rest, 1, 1) || ' ' ELSE lower(substr(rest, 1, 1)) END
    FROM spaced WHERE rest <> ''
)
SELECT l.id,
       coalesce((SELECT trim(replace(done, '  ', ' ')) FROM spaced s WHERE s.lead_id = l.id AND s.part = 'names' AND s.rest = ''), ''),
       coalesce((SELECT trim(replace(done, '  ', ' ')) FROM spaced s WHERE s.lead_id = l.id AND s.part = 'people' AND s.rest = ''), ''),
       trim(lower(l.code) || ' ' ||
            CASE WHEN l.mobile IS NULL THEN '' ELSE l.mobile || ' ' || substr(l.mobile, -4) || ' ' || substr(l.mobile, -8) END || ' ' ||
            lower(coalesce(l.email, '')))
  FROM leads l;

CREATE TABLE row_counts (
  -- A table, or a table and the status its rows have: 'customers:active'.
  subject  TEXT PRIMARY KEY,
  n        INTEGER NOT NULL CHECK (n >= 0)
) STRICT, WITHOUT ROWID;

INSERT INTO row_counts (subject, n)
  SELECT 'customers:active', count(*) FROM customers WHERE status = 'active'
  UNION ALL SELECT 'customers:archived', count(*) FROM customers WHERE status = 'archived'
  UNION ALL SELECT 'leads', count(*) FROM leads
  UNION ALL SELECT 'audit_log', count(*) FROM audit_log;

CREATE TRIGGER row_counts_customers_ai AFTER INSERT ON customers BEGIN
  UPDATE row_counts SET n = n + 1 WHERE subject = 'customers:' || new.status;
END;
CREATE TRIGGER row_counts_customers_ad AFTER DELETE ON customers BEGIN
  UPDATE row_counts SET n = n - 1 WHERE subject = 'customers:' || old.status;
END;
CREATE TRIGGER row_counts_customers_status AFTER UPDATE OF status ON customers WHEN old.status <> new.status BEGIN
  UPDATE row_counts SET n = n - 1 WHERE subject = 'customers:' || old.status;
  UPDATE row_counts SET n = n + 1 WHERE subject = 'customers:' || new.status;
END;
CREATE TRIGGER row_counts_leads_ai AFTER INSERT ON leads BEGIN
  UPDATE row_counts SET n = n + 1 WHERE subject = 'leads';
END;
CREATE TRIGGER row_counts_leads_ad AFTER DELETE ON leads BEGIN
  UPDATE row_counts SET n = n - 1 WHERE subject = 'leads';
END;
-- The audit log is append-only (0001), so only inserts change its count.
CREATE TRIGGER row_counts_audit_log_ai AFTER INSERT ON audit_log BEGIN
  UPDATE row_counts SET n = n + 1 WHERE subject = 'audit_log';
END;
