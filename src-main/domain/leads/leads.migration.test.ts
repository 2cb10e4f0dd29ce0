import { describe, expect, it } from 'vitest';
import { acrossMigration, insertOldUser } from '../../db/migration-test-db';

describe('migration 0003_leads', () => {
  it('adds leads, campaigns and opportunities to a database with customers in it, keeping them', () => {
    const now = '2026-11-23T00:00:00.000Z';
    const { sqlite, applied } = acrossMigration(
      'leads',
      (old) => {
        old.prepare("INSERT INTO company (id, name, created_at) VALUES (1, '南京博雅食品有限公司', ?)").run(now);
        insertOldUser(old, { username: 'wangfang', displayName: '王芳', role: 'sales' }, now);
        old
          .prepare(
            `INSERT INTO customers (id, code, kind, name, name_key, name_pinyin, source, lead_id, lifecycle_stage, lifecycle_computed, created_at, updated_at)
             VALUES ('c1', 'C000001', 'company', '苏州恒通建材有限公司', '苏州恒通建材', 'suzhouhengtong', '展会', 'l1', 'lead', 'lead', ?, ?)`,
          )
          .run(now, now);
      },
      { to: 'latest' },
    );
    expect(applied).toContain('3_leads');

    expect(sqlite.prepare("SELECT name || '/' || source || '/' || lead_id FROM customers").pluck().get()).toBe('苏州恒通建材有限公司/展会/l1');
    // The customer's lead_id (written before this migration) now has a lead to point at.
    sqlite.prepare("INSERT INTO leads (id, code, name, company, source, status, owner_user_id, customer_id, converted_at, created_at, updated_at) VALUES ('l1', 'L000001', '陈静', '苏州恒通建材有限公司', '展会', 'converted', 'u1', 'c1', ?, ?, ?)").run(now, now, now);
    expect(sqlite.prepare('SELECT l.code FROM customers c JOIN leads l ON l.id = c.lead_id').pluck().get()).toBe('L000001');

    const insertLead = (id: string, status: string, extra = '') =>
      sqlite.prepare(`INSERT INTO leads (id, code, name, status, created_at, updated_at${extra ? ', lost_reason' : ''}) VALUES (?, ?, '刘洋', ?, ?, ?${extra ? ', ?' : ''})`).run(id, `L-${id}`, status, now, now, ...(extra ? [extra] : []));
    expect(() => insertLead('l2', 'converted')).toThrow(/CHECK/);
    expect(() => insertLead('l3', 'lost')).toThrow(/CHECK/);
    insertLead('l4', 'lost', '预算不足');
    expect(() => insertLead('l5', 'sleeping')).toThrow(/CHECK/);

    const insertDeal = (id: string, stage: string, closedAt: string | null, probability = 10) =>
      sqlite
        .prepare("INSERT INTO opportunities (id, title, customer_id, stage, probability, closed_at, created_at, updated_at) VALUES (?, '年度合同', 'c1', ?, ?, ?, ?, ?)")
        .run(id, stage, probability, closedAt, now, now);
    insertDeal('o1', 'contact', null);
    expect(() => insertDeal('o2', 'won', null, 100)).toThrow(/CHECK/);
    expect(() => insertDeal('o3', 'contact', null, 101)).toThrow(/CHECK/);
    expect(() => sqlite.prepare("INSERT INTO opportunities (id, title, stage, probability, created_at, updated_at) VALUES ('o4', '无主', 'contact', 10, ?, ?)").run(now, now)).toThrow(/CHECK/);
    expect(() => sqlite.prepare("INSERT INTO campaigns (id, name, channel, start_date, end_date, cost, created_at, updated_at) VALUES ('k1', '展会', '展会', '2026-03-02', '2026-03-01', 0, ?, ?)").run(now, now)).toThrow(/CHECK/);
    sqlite.close();
  });
});
