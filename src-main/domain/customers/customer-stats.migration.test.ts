import { describe, expect, it } from 'vitest';
import { acrossMigration, insertOldCustomer } from '../../db/migration-test-db';

const NOW = '2026-11-28T08:00:00.000Z';

describe('migration 0016: customer_stats keeps only figures its documents prove', () => {
  it('drops overdue, points and open tickets and keeps the order figures and what is owed', () => {
    const { sqlite } = acrossMigration(
      'customer_stats_figures',
      (old) => {
        insertOldCustomer(old, NOW);
        old
          .prepare(
            `INSERT INTO customer_stats (customer_id, lifetime_revenue, order_count, orders_last_365d, first_order_date, last_order_date, balance_due, overdue, points, open_tickets, updated_at)
             VALUES ('c1', 1280000, 4, 2, '2025-03-02', '2026-10-18', 621190, 401190, 350, 2, ?)`,
          )
          .run(NOW);
      },
      { to: 'latest' },
    );

    const columns = sqlite.prepare("SELECT name FROM pragma_table_info('customer_stats')").pluck().all();
    expect(columns).toEqual(['customer_id', 'lifetime_revenue', 'order_count', 'orders_last_365d', 'first_order_date', 'last_order_date', 'balance_due', 'updated_at']);
    expect(sqlite.prepare('SELECT * FROM customer_stats').get()).toEqual({
      customer_id: 'c1',
      lifetime_revenue: 1280000,
      order_count: 4,
      orders_last_365d: 2,
      first_order_date: '2025-03-02',
      last_order_date: '2026-10-18',
      balance_due: 621190,
      updated_at: NOW,
    });
    // The list still sorts by what is owed through its index.
    expect(sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'customer_stats' AND name LIKE 'customer_stats_%' ORDER BY name").pluck().all()).toEqual([
      'customer_stats_balance_due',
      'customer_stats_last_order',
      'customer_stats_revenue',
    ]);
  });
});
