-- A delivered order goes on to 已开票 (invoiced) when every line's kept quantity (delivered less
-- returned) is on posted invoices, and to 已收款 (paid) when every posted invoice with its lines is
-- cleared (receivable_clearing); a reversed invoice or receipt takes it back. The services move the
-- order in the transaction that posts the invoice or the entry; this view is the one definition of
-- where an order should be, for that move, for `cli check` and for the orders invoiced before it.

CREATE VIEW sales_order_invoicing AS
SELECT o.id AS sales_order_id, o.status,
       CASE WHEN NOT EXISTS (SELECT 1 FROM sales_order_lines ol JOIN invoice_lines il ON il.sales_order_line_id = ol.id
                               JOIN invoices i ON i.id = il.invoice_id AND i.kind = 'invoice' AND i.status = 'posted'
                              WHERE ol.sales_order_id = o.id)
              OR EXISTS (SELECT 1 FROM sales_order_lines ol
                          WHERE ol.sales_order_id = o.id
                            AND ol.delivered_quantity - ol.returned_quantity > (
                                SELECT coalesce(sum(il.quantity), 0) FROM invoice_lines il
                                  JOIN invoices i ON i.id = il.invoice_id AND i.kind = 'invoice' AND i.status = 'posted'
                                 WHERE il.sales_order_line_id = ol.id))
            THEN 'delivered'
            WHEN EXISTS (SELECT 1 FROM sales_order_lines ol JOIN invoice_lines il ON il.sales_order_line_id = ol.id
                           JOIN invoices i ON i.id = il.invoice_id AND i.kind = 'invoice' AND i.status = 'posted'
                           JOIN receivable_clearing c ON c.document_id = i.id
                          WHERE ol.sales_order_id = o.id AND c.cleared_on IS NULL)
            THEN 'invoiced'
            ELSE 'paid' END AS due_status,
       -- When it got there: the last invoice posted for it (not before it was delivered: an invoice
       -- from the order may come first), and the last entry on those invoices.
       (SELECT max(at) FROM (
          SELECT max(i.posted_at) AS at FROM sales_order_lines ol JOIN invoice_lines il ON il.sales_order_line_id = ol.id
            JOIN invoices i ON i.id = il.invoice_id AND i.kind = 'invoice' AND i.status = 'posted'
           WHERE ol.sales_order_id = o.id
          UNION ALL
          SELECT max(e.at) FROM sales_order_events e WHERE e.sales_order_id = o.id AND e.to_status = 'delivered')) AS invoiced_at,
       (SELECT max(a.created_at) FROM sales_order_lines ol JOIN invoice_lines il ON il.sales_order_line_id = ol.id
          JOIN invoices i ON i.id = il.invoice_id AND i.kind = 'invoice' AND i.status = 'posted'
          JOIN receivable_allocations a ON a.invoice_id = i.id
         WHERE ol.sales_order_id = o.id) AS paid_at
  FROM sales_orders o
 WHERE o.status IN ('delivered', 'invoiced', 'paid');

-- Orders invoiced and paid before this version: moved now, each move on its timeline at the time it
-- happened (by nobody: the program), the same two steps the services take.
CREATE TEMP TABLE moved_orders (sales_order_id TEXT PRIMARY KEY, due_status TEXT NOT NULL, invoiced_at TEXT, paid_at TEXT) WITHOUT ROWID;
INSERT INTO moved_orders SELECT sales_order_id, due_status, invoiced_at, paid_at FROM sales_order_invoicing WHERE status = 'delivered' AND due_status <> 'delivered';

INSERT INTO sales_order_events (id, sales_order_id, from_status, to_status, comment, user_id, at)
SELECT 'v21-' || sales_order_id || '-1', sales_order_id, 'delivered', 'invoiced', NULL, NULL, invoiced_at FROM moved_orders;
INSERT INTO sales_order_events (id, sales_order_id, from_status, to_status, comment, user_id, at)
SELECT 'v21-' || sales_order_id || '-2', sales_order_id, 'invoiced', 'paid', NULL, NULL, max(paid_at, invoiced_at) FROM moved_orders WHERE due_status = 'paid';
UPDATE sales_orders SET status = m.due_status FROM moved_orders m WHERE m.sales_order_id = sales_orders.id;

DROP TABLE moved_orders;
