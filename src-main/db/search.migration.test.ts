import { describe, expect, it } from 'vitest';
import { acrossMigration, migrationVersion } from './migration-test-db';

const NOW = '2026-11-23T00:00:00.000Z';

describe('migration 0008_search', () => {
  const version = migrationVersion('search');
  const INSERT_CUSTOMER = `INSERT INTO customers (id, code, kind, name, name_key, name_pinyin, status, lifecycle_stage, lifecycle_computed, created_at, updated_at)
     VALUES (?, ?, 'company', ?, ?, ?, ?, 'prospect', 'prospect', ?, ?)`;
  const INSERT_LEAD = 'INSERT INTO leads (id, code, name, company, mobile, email, status, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)';

  it('keeps the customers findable, indexes the existing leads and counts what the lists show', () => {
    const { sqlite, applied } = acrossMigration(
      'search',
      (old) => {
        old.prepare("INSERT INTO company (id, name, created_at) VALUES (1, '南京博雅食品有限公司', ?)").run(NOW);
        old.prepare("INSERT INTO audit_log (id, at, username, method, changes, transport) VALUES ('a1', ?, 'boss', 'auth.setup', '[]', 'ipc'), ('a2', ?, 'boss', 'auth.login', '[]', 'ipc')").run(NOW, NOW);
        old.prepare(INSERT_CUSTOMER).run('c1', 'C000001', '南京博雅食品有限公司', '南京博雅食品', 'nanjingboya', 'active', NOW, NOW);
        old.prepare(INSERT_CUSTOMER).run('c2', 'C000002', '苏州恒通建材有限公司', '苏州恒通建材', 'suzhouhengtong', 'archived', NOW, NOW);
        old.prepare("INSERT INTO customer_search (customer_id, names, people, tokens) VALUES ('c1', '南 京 博 雅 食 品 有 限 公 司', '', 'c000001 nanjingboya njby')").run();
        old.prepare(INSERT_LEAD).run('l1', 'L000001', '刘洋', '宁波海龙五金有限公司', '13912345678', 'liu.yang@hailong.cn', 'new', NOW, NOW);
        old.prepare(INSERT_LEAD).run('l2', 'L000002', 'Anna Müller', null, null, null, 'contacted', NOW, NOW);
      },
      { to: 'latest' },
    );
    expect(applied).toContain(`${version}_search`);

    const customerHits = (q: string) => sqlite.prepare('SELECT cs.customer_id FROM customers_fts JOIN customer_search cs ON cs.rowid = customers_fts.rowid WHERE customers_fts MATCH ?').pluck().all(q);
    expect(customerHits('"njby"*')).toEqual(['c1']);
    expect(customerHits('{names people} : "博 雅"')).toEqual(['c1']);

    expect(sqlite.prepare("SELECT names, people FROM lead_search WHERE lead_id = 'l1'").get()).toEqual({ names: '宁 波 海 龙 五 金 有 限 公 司', people: '刘 洋' });
    const leadHits = (q: string) => sqlite.prepare('SELECT ls.lead_id FROM leads_fts JOIN lead_search ls ON ls.rowid = leads_fts.rowid WHERE leads_fts MATCH ? ORDER BY 1').pluck().all(q);
    expect(leadHits('{names people} : "海 龙"')).toEqual(['l1']);
    expect(leadHits('{names people} : "刘 洋"')).toEqual(['l1']);
    expect(leadHits('"l00000"*')).toEqual(['l1', 'l2']);
    expect(leadHits('"5678"')).toEqual(['l1']);
    expect(leadHits('"12345678"')).toEqual(['l1']);
    expect(leadHits('"hailong"')).toEqual(['l1']);
    expect(leadHits('"muller"')).toEqual(['l2']);

    const counts = () => Object.fromEntries((sqlite.prepare('SELECT subject, n FROM row_counts').all() as { subject: string; n: number }[]).map((r) => [r.subject, r.n]));
    expect(counts()).toEqual({ 'customers:active': 1, 'customers:archived': 1, leads: 2, audit_log: 2 });
    sqlite.prepare(INSERT_CUSTOMER).run('c3', 'C000003', '杭州龙井茶业有限公司', '杭州龙井茶业', 'hangzhoulongjing', 'active', NOW, NOW);
    sqlite.prepare("UPDATE customers SET status = 'active' WHERE id = 'c2'").run();
    sqlite.prepare("UPDATE customers SET name = '南京博雅食品股份有限公司' WHERE id = 'c1'").run();
    sqlite.prepare(INSERT_LEAD).run('l3', 'L000003', '陈静', null, null, null, 'new', NOW, NOW);
    sqlite.prepare("INSERT INTO audit_log (id, at, username, method, changes, transport) VALUES ('a3', ?, 'boss', 'customers.create', '[]', 'ipc')").run(NOW);
    expect(counts()).toEqual({ 'customers:active': 3, 'customers:archived': 0, leads: 3, audit_log: 3 });
    sqlite.close();
  });
});
