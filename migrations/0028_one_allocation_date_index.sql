-- receivable_allocations had the same partial index twice: receivable_allocations_voucher_date
-- (0012) and receivable_allocations_money_moved (0019), both on (allocation_date) of the rows that
-- are not plain allocations. Every write-off, refund and reversal wrote both, and the planner only
-- ever reads one. The later one, named for what it finds, stays.
DROP INDEX receivable_allocations_voucher_date;
