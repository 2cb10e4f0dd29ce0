import { describe, expect, it } from 'vitest';
import { acrossMigration } from '../../db/migration-test-db';

const NOW = '2026-11-30T08:00:00.000Z';

describe('migration 0024: the product import undo record', () => {
  it('keeps the products imported before it out of any undo, and takes a before-image only for an update', () => {
    const { sqlite } = acrossMigration('product_import_undo', (old) => {
      old.prepare("INSERT INTO product_categories (id, parent_id, name, sort_order, created_at, updated_at) VALUES ('k1', NULL, '饮料', 0, ?, ?)").run(NOW, NOW);
      old.prepare("INSERT INTO products (id, code, name, name_pinyin, category_id, unit, created_at, updated_at) VALUES ('p1', 'P0001', '矿泉水', 'kuangquanshui', 'k1', '瓶', ?, ?)").run(NOW, NOW);
    });
    expect(sqlite.prepare('SELECT count(*) FROM product_import_changes').pluck().get()).toBe(0);
    expect(sqlite.prepare('SELECT count(*) FROM products').pluck().get()).toBe(1);
    sqlite.prepare("INSERT INTO product_imports (id, file_name, status, started_at) VALUES ('i1', '商品.csv', 'publishing', ?)").run(NOW);
    const change = sqlite.prepare('INSERT INTO product_import_changes (import_id, product_id, kind, before) VALUES (?, ?, ?, ?)');
    expect(() => change.run('i1', 'p1', 'created', '{}')).toThrow(/CHECK/);
    expect(() => change.run('i1', 'p1', 'updated', null)).toThrow(/CHECK/);
    expect(() => change.run('i1', 'nothing', 'created', null)).toThrow(/FOREIGN KEY/);
    change.run('i1', 'p1', 'updated', '{"id":"p1"}');
    const category = sqlite.prepare('INSERT INTO product_import_categories (import_id, category_id) VALUES (?, ?)');
    expect(() => category.run('i1', 'nowhere')).toThrow(/FOREIGN KEY/);
    category.run('i1', 'k1');
    expect(() => sqlite.prepare("UPDATE product_imports SET status = 'done' WHERE id = 'i1'").run()).toThrow(/CHECK/);
  });
});
