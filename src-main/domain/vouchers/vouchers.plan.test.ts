import { describe, expect, it } from 'vitest';
import { wholeTableWalks } from '../../db/query-plans';
import { ownerApi } from '../../db/test-db';
import { EVENTS_SQL } from './vouchers.generate';

describe('the vouchers of a month, query plan', () => {
  it('finds the month’s documents, reversals, write-offs, refunds and delivery moves by date, never walking a ledger', async () => {
    const { backend } = await ownerApi();
    const plan = (backend.conn.sqlite.prepare(`EXPLAIN QUERY PLAN ${EVENTS_SQL}`).all({ monthFrom: '2026-11-01', monthTo: '2026-11-30' }) as { detail: string }[])
      .map((r) => r.detail)
      .join('\n');
    for (const index of ['invoices_date', 'invoices_reversed_on', 'receipts_date', 'receipts_reversed_on', 'receivable_allocations_money_moved', 'stock_moves_delivery_cost']) expect(plan).toContain(index);
    expect(wholeTableWalks(plan, ['d', 'm', 'invoices', 'receipts', 'receivable_allocations', 'stock_moves'])).toEqual([]);
  });
});
