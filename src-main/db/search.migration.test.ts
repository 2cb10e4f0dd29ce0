import { describe, expect, it } from 'vitest';
import { openDatabase } from './connection';
import { loadMigrations, migrate } from './migrate';

const NOW = '2026-11-23T00:00:00.000Z';

describe('migration 0008_search', () => {
  const version = loadMigrations().find((m) => m.name === 'search')!.version;

  it('keeps the customers findable, indexes the existing leads and counts what the lists show', () => {
    const { sqlite } = openDatabase(':memory:');
    migrate(sqlite, { toVersion: version - 1 });
    sqlite.prepare("INSERT INTO company (id, name, created_at) VALUES (1, '南京博雅食品有限公司', ?)").run(NOW);
    sqlite.prepare("INSERT INTO audit_log (id, at, username, method, changes, transport) VALUES ('a1', ?, 'boss', 'auth.setup', '[]', 'ipc'), ('a2', ?, 'boss', 'auth.login', '[]', 'ipc')").run(NOW, NOW);
    const insertCustomer = sqlite.prepare(
      `INSERT INTO customers (id, code, kind, name, name_key, name_pinyin, status, lifecycle_stage, lifecycle_computed, created_at, updated_at)
       VALUES (?, ?, 'company', ?, ?, ?, ?, 'prospect', 'prospect', ?, ?)`,
    );
    insertCustomer.run('c1', 'C000001', '南京博雅食品有限公司', '南京博雅食品', 'nanjingboya', 'active', NOW, NOW);
    insertCustomer.run('c2', 'C000002', '苏州恒通建材有限公司', '苏州恒通建材', 'suzhouhengtong', 'archived', NOW, NOW);
    sqlite.prepare("INSERT INTO customer_search (customer_id, names, people, tokens) VALUES ('c1', '南 京 博 雅 食 品 有 限 公 司', '', 'c000001 nanjingboya njby')").run();
    const insertLead = sqlite.prepare('INSERT INTO leads (id, code, name, company, mobile, email, status, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)');
    insertLead.run('l1', 'L000001', '刘洋', '宁波海龙五金有限公司', '13912345678', 'liu.yang@hailong.cn', 'new', NOW, NOW);
    insertLead.run('l2', 'L000002', 'Anna Müller', null, null, null, 'contacted', NOW, NOW);

    expect(migrate(sqlite).applied).toContain(`${version}_search`);

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
    insertCustomer.run('c3', 'C000003', '杭州龙井茶业有限公司', '杭州龙井茶业', 'hangzhoulongjing', 'active', NOW, NOW);
    sqlite.prepare("UPDATE customers SET status = 'active' WHERE id = 'c2'").run();
    sqlite.prepare("UPDATE customers SET name = '南京博雅食品股份有限公司' WHERE id = 'c1'").run();
    insertLead.run('l3', 'L000003', '陈静', null, null, null, 'new', NOW, NOW);
    sqlite.prepare("INSERT INTO audit_log (id, at, username, method, changes, transport) VALUES ('a3', ?, 'boss', 'customers.create', '[]', 'ipc')").run(NOW);
    expect(counts()).toEqual({ 'customers:active': 3, 'customers:archived': 0, leads: 3, audit_log: 3 });
    sqlite.close();
  });
});
