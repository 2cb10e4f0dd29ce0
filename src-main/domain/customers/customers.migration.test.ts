import { describe, expect, it } from 'vitest';
import { acrossMigration, insertOldUser } from '../../db/migration-test-db';

describe('migration 0002_customers', () => {
  it('adds the customer tables to a database with users in it, keeping them', () => {
    const now = '2026-11-23T00:00:00.000Z';
    const { sqlite, applied } = acrossMigration('customers', (old) => {
      old.prepare("INSERT INTO company (id, name, created_at) VALUES (1, '南京博雅食品有限公司', ?)").run(now);
      insertOldUser(old, { username: 'wangfang', displayName: '王芳', role: 'sales' }, now);
    });
    expect(applied).toEqual(['2_customers']);

    expect(sqlite.prepare('SELECT display_name FROM users').pluck().all()).toEqual(['王芳']);
    sqlite
      .prepare(
        `INSERT INTO customers (id, code, kind, name, name_key, name_pinyin, owner_user_id, lifecycle_stage, lifecycle_computed, created_at, updated_at)
         VALUES ('c1', 'C000001', 'company', '南京博雅食品有限公司', '南京博雅食品', 'nanjingboya', 'u1', 'prospect', 'prospect', ?, ?)`,
      )
      .run(now, now);
    sqlite.prepare("INSERT INTO customer_search (customer_id, names, people, tokens) VALUES ('c1', '南 京 博 雅', '', 'nanjingboya njby')").run();
    const hit = sqlite.prepare("SELECT cs.customer_id FROM customers_fts JOIN customer_search cs ON cs.rowid = customers_fts.rowid WHERE customers_fts MATCH 'njb*'").pluck().all();
    expect(hit).toEqual(['c1']);
    sqlite.prepare("UPDATE customer_search SET tokens = 'boya' WHERE customer_id = 'c1'").run();
    expect(sqlite.prepare("SELECT count(*) FROM customers_fts WHERE customers_fts MATCH 'njb*'").pluck().get()).toBe(0);
    expect(() => sqlite.prepare("UPDATE customers SET owner_user_id = 'nobody' WHERE id = 'c1'").run()).toThrow(/FOREIGN KEY/);
    expect(() => sqlite.prepare("UPDATE customers SET lifecycle_stage = 'sleeping' WHERE id = 'c1'").run()).toThrow(/CHECK/);
    sqlite.close();
  });
});
