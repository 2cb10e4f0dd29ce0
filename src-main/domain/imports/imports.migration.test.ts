import { describe, expect, it } from 'vitest';
import { acrossMigration } from '../../db/migration-test-db';

const NOW = '2026-11-29T08:00:00.000Z';

describe('migration 0023: the customer import undo record', () => {
  it('keeps the customers imported before it out of any undo, and takes a before-image only for an update', () => {
    const { sqlite } = acrossMigration('customer_import_undo', (old) => {
      old
        .prepare(
          `INSERT INTO customers (id, code, kind, name, name_key, name_pinyin, lifecycle_stage, lifecycle_computed, created_at, updated_at)
           VALUES ('c1', 'C000001', 'company', '南京博雅食品有限公司', '南京博雅食品', 'nanjingboya', 'prospect', 'prospect', ?, ?)`,
        )
        .run(NOW, NOW);
    });
    expect(sqlite.prepare('SELECT count(*) FROM customer_import_changes').pluck().get()).toBe(0);
    sqlite.prepare("INSERT INTO customer_imports (id, file_name, status, started_at) VALUES ('i1', '客户.csv', 'publishing', ?)").run(NOW);
    const change = sqlite.prepare('INSERT INTO customer_import_changes (import_id, customer_id, kind, before) VALUES (?, ?, ?, ?)');
    expect(() => change.run('i1', 'c1', 'created', '{}')).toThrow(/CHECK/);
    expect(() => change.run('i1', 'c1', 'updated', null)).toThrow(/CHECK/);
    expect(() => change.run('i1', 'nobody', 'created', null)).toThrow(/FOREIGN KEY/);
    change.run('i1', 'c1', 'updated', '{"customer":{}}');
    expect(() => sqlite.prepare("UPDATE customer_imports SET status = 'done' WHERE id = 'i1'").run()).toThrow(/CHECK/);
  });
});
