import { describe, expect, it } from 'vitest';
import { ownerApi } from '../../db/test-db';
import { creditCodeProblem, creditCodeWarning, isMainlandMobile, isPhone } from './customers.rules';
import { aCustomer } from './customers.test-helpers';
import { seedCustomers, seedScaleCounts } from './customers.seed';

describe('seedCustomers', () => {
  it('makes the same realistic customers for the same seed', async () => {
    const one = await ownerApi();
    const two = await ownerApi();
    expect(seedCustomers(one.backend.conn, { count: 200, seed: 7, asOf: '2026-11-23' })).toMatchObject({ customers: 200 });
    seedCustomers(two.backend.conn, { count: 200, seed: 7, asOf: '2026-11-23' });
    const names = (api: typeof one) => api.backend.conn.sqlite.prepare('SELECT code, name, credit_code FROM customers ORDER BY code').all();
    expect(names(one)).toEqual(names(two));
  });

  it('writes valid credit codes and mobiles, keeps references whole and moves the number series on', async () => {
    const api = await ownerApi();
    const owner = (await api.ok('users.options', {}))[0]!.id;
    seedCustomers(api.backend.conn, { count: 300, seed: 1, ownerIds: [owner] });
    const sqlite = api.backend.conn.sqlite;
    const codes = sqlite.prepare('SELECT credit_code FROM customers WHERE credit_code IS NOT NULL').pluck().all() as string[];
    expect(codes.length).toBeGreaterThan(200);
    expect(codes.filter((c) => creditCodeProblem(c) !== null || creditCodeWarning(c) !== null)).toEqual([]);
    expect(new Set(codes).size).toBe(codes.length);
    const mobiles = sqlite.prepare('SELECT mobile FROM customer_contacts UNION ALL SELECT mobile FROM customers WHERE mobile IS NOT NULL').pluck().all() as string[];
    expect(mobiles.filter((m) => !isMainlandMobile(m))).toEqual([]);
    const phones = sqlite
      .prepare('SELECT phone FROM customers WHERE phone IS NOT NULL UNION ALL SELECT registered_phone FROM customers WHERE registered_phone IS NOT NULL UNION ALL SELECT phone FROM customer_contacts WHERE phone IS NOT NULL')
      .pluck()
      .all() as string[];
    expect(phones.length).toBeGreaterThan(50);
    expect(phones.filter((p) => !isPhone(p))).toEqual([]);
    expect(api.backend.checkInvariants().filter((c) => !c.ok)).toEqual([]);
    expect((await api.ok('customers.create', aCustomer({ name: '新客户有限公司' }))).code).toBe('C000301');
  });

  it('has salespeople keep in touch: most followed customers were contacted in the past two weeks, none before they were on file', async () => {
    const api = await ownerApi();
    seedCustomers(api.backend.conn, { count: 300, seed: 7, asOf: '2026-11-23' });
    const sqlite = api.backend.conn.sqlite;
    const one = (query: string) => sqlite.prepare(query).pluck().get() as number;
    expect(one('SELECT count(*) FROM interactions i JOIN customers c ON c.id = i.customer_id WHERE i.occurred_at < c.created_at OR i.created_at <> i.occurred_at')).toBe(0);
    const followed = one('SELECT count(DISTINCT customer_id) FROM interactions');
    const lately = one("SELECT count(*) FROM (SELECT customer_id FROM interactions GROUP BY customer_id HAVING max(occurred_at) >= '2026-11-10')");
    expect(followed).toBeGreaterThan(50);
    expect(lately / followed).toBeGreaterThan(0.6);
    expect(lately).toBeLessThan(followed);
  });

  it('is searchable by pinyin initials straight away', async () => {
    const api = await ownerApi();
    seedCustomers(api.backend.conn, { count: 100, seed: 3 });
    const someone = api.backend.conn.sqlite.prepare("SELECT id, name, name_pinyin FROM customers WHERE kind = 'company' LIMIT 1").get() as { id: string; name: string };
    const hits = await api.ok('customers.list', { q: someone.name.slice(0, 4), pageSize: 200 });
    expect(hits.rows.map((r) => r.id)).toContain(someone.id);
    expect(seedScaleCounts).toEqual({ small: 500, medium: 5000, large: 50000 });
  });
});
