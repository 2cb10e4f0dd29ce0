import { describe, expect, it } from 'vitest';
import { acrossMigration, insertOldCustomer } from '../../db/migration-test-db';

const NOW = '2026-11-28T08:00:00.000Z';

/** The vouchers migration on a database that already has a posted invoice. */
function databaseAtVouchers() {
  return acrossMigration(
    'vouchers',
    (sqlite) => {
      insertOldCustomer(sqlite, NOW);
      sqlite
        .prepare(
          `INSERT INTO invoices (id, invoice_no, kind, source, customer_id, invoice_date, due_date, period, total_net, total_tax, total_gross, posted_at)
           VALUES ('i1', 'INV-2026-000001', 'invoice', 'service', 'c1', '2026-11-02', '2026-12-02', '2026-11', 10000, 1300, 11300, ?)`,
        )
        .run(NOW);
    },
    { to: 'latest' },
  ).sqlite;
}

describe('migration: vouchers, chart of accounts, period lock', () => {
  it('keeps the invoices, opens every month, and maps every posting to a leaf of the 小企业会计准则 chart', () => {
    const sqlite = databaseAtVouchers();
    expect(sqlite.prepare('SELECT invoice_no FROM invoices').pluck().all()).toEqual(['INV-2026-000001']);
    expect(sqlite.prepare('SELECT count(*) FROM period_lock_events').pluck().get()).toBe(0);
    const mapping = Object.fromEntries((sqlite.prepare('SELECT role, account_code FROM voucher_account_mapping').all() as { role: string; account_code: string }[]).map((r) => [r.role, r.account_code]));
    expect(mapping).toMatchObject({ receivable: '1122', revenue: '6001', output_vat: '22210102', bank: '1002', cash: '1001', acceptance_bill: '1121', cost_of_sales: '6401', inventory: '1405', writeoff: '6711' });
    const parents = sqlite.prepare('SELECT DISTINCT parent_code FROM chart_accounts WHERE parent_code IS NOT NULL').pluck().all();
    for (const code of Object.values(mapping)) expect(parents).not.toContain(code);
  });

  it('keeps the period lock and the export log append-only', () => {
    const sqlite = databaseAtVouchers();
    sqlite.prepare("INSERT INTO period_lock_events (id, action, period, closed_through, at) VALUES ('e1', 'close', '2026-10', '2026-10', ?)").run(NOW);
    sqlite
      .prepare("INSERT INTO voucher_exports (id, date_from, date_to, format, voucher_count, file_sha256, at) VALUES ('x1', '2026-10-01', '2026-10-31', 'kingdee', 3, 'abc', ?)")
      .run(NOW);
    expect(() => sqlite.prepare("UPDATE period_lock_events SET closed_through = NULL WHERE id = 'e1'").run()).toThrow(/append-only/);
    expect(() => sqlite.prepare("DELETE FROM period_lock_events WHERE id = 'e1'").run()).toThrow(/append-only/);
    expect(() => sqlite.prepare("UPDATE voucher_exports SET voucher_count = 0").run()).toThrow(/append-only/);
    expect(() => sqlite.prepare("INSERT INTO period_lock_events (id, action, period, at) VALUES ('e2', 'close', '2026-13', ?)").run(NOW)).toThrow(/CHECK/);
    expect(() => sqlite.prepare("INSERT INTO chart_accounts (code, name, updated_at) VALUES ('12A', '坏', ?)").run(NOW)).toThrow(/CHECK/);
  });
});
