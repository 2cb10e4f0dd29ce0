-- Two indexes changed for the two busiest paths of a large book.
--
-- Confirming an order writes one open reservation per line. stock_reservations_level, on (product,
-- warehouse) of open reservations, put each of them on a page of its own: 5 of the 36 pages a 5-line
-- confirm wrote to the WAL, each flushed to disk at commit. Nothing reads reservations by product:
-- stock_levels.reserved is the running figure, and only `check` sums the open reservations per
-- product and warehouse, which it now does by reading the table once.
DROP INDEX stock_reservations_level;

-- A month's cost of goods sold (结转销售成本) is one voucher per delivery: its moves summed by date and
-- document. Read through stock_moves_date it visited every move of the month (receipts, transfers,
-- counts too) and each move's table row; this covers exactly the delivery moves, in the order the
-- vouchers group them. At the large scale it halves the read of a month's vouchers' delivery part.
CREATE INDEX stock_moves_delivery_cost ON stock_moves (move_date, document_id, created_at, value, document_no) WHERE document_type = 'delivery';
