import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { cappedCount } from '../../db/counts';
import { ownerApi, type TestApi } from '../../db/test-db';
import { customerListInput, type CustomerListInput } from './customers.contract';
import { listCustomers } from './customers.list';
import { EVERY_MATCH, LIST_SEARCH_BOUND, SHORT_SEARCH_BOUND } from './customers.search';
import { seedCustomers } from './customers.seed';

describe('list totals and bounded searches over many customers', () => {
  let api: TestApi;
  const list = (input: CustomerListInput, searchBound?: number) =>
    listCustomers(api.backend.conn.db, customerListInput.parse(input), searchBound === undefined ? {} : { searchBound });
  /** What an unbounded search would find, straight from the index. */
  const matchCount = (fts: string) =>
    api.backend.conn.sqlite
      .prepare(
        `SELECT count(*) FROM customers_fts f JOIN customer_search cs ON cs.rowid = f.rowid JOIN customers c ON c.id = cs.customer_id
          WHERE customers_fts MATCH ? AND c.status = 'active'`,
      )
      .pluck()
      .get(fts) as number;

  beforeAll(async () => {
    api = await ownerApi();
    seedCustomers(api.backend.conn, { count: 600, seed: 21, asOf: '2026-11-23' });
  });

  it('reads a search that matches more than its bound as the first matches, and says the total is not exact', async () => {
    const all = matchCount('"zh"*');
    expect(all).toBeGreaterThan(100);
    const bounded = await list({ q: 'zh', pageSize: 20 }, 100);
    expect(bounded).toMatchObject({ total: 100, totalIsExact: false });
    expect(bounded.rows).toHaveLength(20);
    const codes = bounded.rows.map((r) => r.code);
    expect(codes).toEqual([...codes].sort());
    const everything = await list({ q: 'zh', pageSize: 20 }, EVERY_MATCH);
    expect(everything).toMatchObject({ total: all, totalIsExact: true });
  });

  it('reads one or two letters from fewer matches, and says the total is not exact', async () => {
    const all = matchCount('"zh"*');
    expect(all).toBeGreaterThan(SHORT_SEARCH_BOUND);
    expect(await list({ q: 'zh', pageSize: 20 })).toMatchObject({ total: SHORT_SEARCH_BOUND, totalIsExact: false });
    expect(await list({ q: 'ＺＨ', pageSize: 20 })).toMatchObject({ total: SHORT_SEARCH_BOUND, totalIsExact: false });
    // Three letters read the list's full bound.
    const zha = matchCount('"zha"*');
    expect(await list({ q: 'zha', pageSize: 20 })).toMatchObject({ total: Math.min(zha, LIST_SEARCH_BOUND), totalIsExact: zha <= LIST_SEARCH_BOUND });
  });

  it('counts a search within its bound exactly, and still counts a page past the end', async () => {
    const q = 'zhang';
    const exact = matchCount(`"${q}"*`);
    expect(exact).toBeGreaterThan(0);
    expect(exact).toBeLessThan(LIST_SEARCH_BOUND);
    expect(await list({ q })).toMatchObject({ total: exact, totalIsExact: true });
    expect(await list({ q, page: 50 })).toMatchObject({ rows: [], total: exact, totalIsExact: true });
  });

  it('applies the filters to the matches and counts what is left', async () => {
    const filtered = await list({ q: 'zh', filters: { province: '江苏省' }, pageSize: 200 });
    expect(filtered.rows.every((r) => r.province === '江苏省')).toBe(true);
    expect(filtered.total).toBe(filtered.rows.length);
  });

  it('keeps the unfiltered total as customers are added, archived and restored', async () => {
    const before = await list({});
    expect(before).toMatchObject({ total: 600, totalIsExact: true });
    const first = before.rows[0]!;
    await api.ok('customers.archive', { id: first.id });
    expect((await list({})).total).toBe(599);
    expect((await list({ filters: { status: 'archived' } })).total).toBe(1);
    expect((await list({ filters: { status: 'all' } })).total).toBe(600);
    await api.ok('customers.restore', { id: first.id });
    expect((await list({})).total).toBe(600);
    expect(api.backend.checkInvariants().filter((r) => !r.ok)).toEqual([]);
    const sqlite = api.backend.conn.sqlite;
    sqlite.prepare("UPDATE row_counts SET n = n + 1 WHERE subject = 'customers:active'").run();
    expect(api.backend.checkInvariants().filter((r) => !r.ok)).toEqual([
      expect.objectContaining({ name: 'list totals match their tables', ok: false, differences: ['customers:active: the list total says 601, the table has 600'] }),
    ]);
    sqlite.prepare("UPDATE row_counts SET n = n - 1 WHERE subject = 'customers:active'").run();
  });

  it('counts a filtered list up to the cap and says when it stopped there', async () => {
    const db = api.backend.conn.db;
    expect(await cappedCount(db, sql`FROM customers WHERE status = 'active'`, 100)).toEqual({ total: 100, totalIsExact: false });
    expect(await cappedCount(db, sql`FROM customers WHERE status = 'active'`, 600)).toEqual({ total: 600, totalIsExact: true });
    const jiangsu = api.backend.conn.sqlite.prepare("SELECT count(*) FROM customers WHERE province = '江苏省' AND status = 'active'").pluck().get() as number;
    expect(await list({ filters: { province: '江苏省' } })).toMatchObject({ total: jiangsu, totalIsExact: true });
  });
});
