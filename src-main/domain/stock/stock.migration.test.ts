import { describe, expect, it } from 'vitest';
import { acrossMigration, migrationVersion } from '../../db/migration-test-db';

const VERSION = migrationVersion('stock_documents');

describe('migration stock_documents', () => {
  it('adds stock adjustments and supplier initials to a database with stock in it, and allows one open count per warehouse', () => {
    const now = '2026-11-23T00:00:00.000Z';
    const { sqlite, applied } = acrossMigration(
      'stock_documents',
      (old) => {
        old.prepare("INSERT INTO warehouses (id, code, name, is_default, created_at, updated_at) VALUES ('w1', 'WH01', '总仓', 1, ?, ?)").run(now, now);
        old.prepare("INSERT INTO suppliers (id, code, name, name_pinyin, created_at, updated_at) VALUES ('s1', 'S0001', '华星电子', 'huaxingdianzi', ?, ?)").run(now, now);
        old.prepare("INSERT INTO stock_counts (id, count_no, warehouse_id, count_date, created_at, updated_at) VALUES ('c1', 'PD-2026-000001', 'w1', '2026-11-23', ?, ?)").run(now, now);
      },
      { to: 'latest' },
    );
    expect(applied).toContain(`${VERSION}_stock_documents`);

    expect(sqlite.prepare("SELECT name || '/' || name_initials FROM suppliers WHERE id = 's1'").pluck().get()).toBe('华星电子/');
    const openCount = (id: string) =>
      sqlite.prepare("INSERT INTO stock_counts (id, count_no, warehouse_id, count_date, created_at, updated_at) VALUES (?, ?, 'w1', '2026-11-24', ?, ?)").run(id, `PD-${id}`, now, now);
    expect(() => openCount('c2')).toThrow(/UNIQUE/);
    sqlite.prepare("UPDATE stock_counts SET status = 'posted' WHERE id = 'c1'").run();
    openCount('c3');

    const adjustment = (kind: string) =>
      sqlite.prepare("INSERT INTO stock_adjustments (id, adjustment_no, warehouse_id, kind, adjustment_date, created_at) VALUES (?, ?, 'w1', ?, '2026-11-23', ?)").run(kind, `ADJ-${kind}`, kind, now);
    adjustment('opening');
    expect(() => adjustment('transfer_in')).toThrow(/CHECK/);
  });
});
