import { beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Connection } from '../../db/connection';
import { migrate } from '../../db/migrate';
import { plansOf, wholeTableWalks } from '../../db/query-plans';
import { refreshPlannerStatistics } from '../../db/statistics';
import { seedCustomers } from '../customers/customers.seed';
import { customerListInput, type CustomerListInput } from './customers.contract';
import { findDuplicates } from './customers.duplicates';
import { listCustomers } from './customers.list';
import { searchCustomers } from './customers.search';

const CUSTOMERS = ['customers', 'c'];

// A user's file is in one of two states: not analysed yet (written by an older version, or before
// the first PRAGMA optimize), or analysed the way the product does it. The plans must hold in both.
describe.each([
  ['without planner statistics', false],
  ['with the statistics PRAGMA optimize gathers', true],
])('query plans of the hot customer queries, %s', (_state, analysed) => {
  let conn: Connection;

  beforeAll(() => {
    conn = openDatabase(':memory:');
    migrate(conn.sqlite);
    seedCustomers(conn, { count: 2000, seed: 11, asOf: '2026-11-23' });
    if (analysed) expect(refreshPlannerStatistics(conn.sqlite)).toBe(true);
    const stats = conn.sqlite.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'sqlite_stat1'").pluck().get() as number;
    expect(stats).toBe(analysed ? 1 : 0);
  });

  const listPlans = (input: CustomerListInput) => plansOf(conn, (db) => listCustomers(db, customerListInput.parse(input)));

  it('reads the default page (by code) in index order and its total from the kept count', async () => {
    const [keys, total] = await listPlans({});
    expect(keys).toMatch(/customers_status_code/);
    expect(keys).not.toMatch(/TEMP B-TREE/);
    expect(total).toMatch(/^SEARCH row_counts/);
  });

  it('reads a page sorted by name in pinyin index order', async () => {
    const [keys] = await listPlans({ sort: { field: 'name', dir: 'desc' } });
    expect(keys).toMatch(/customers_status_name/);
    expect(keys).not.toMatch(/TEMP B-TREE/);
  });

  it('walks the stats index for balance due and last order date', async () => {
    const [balance] = await listPlans({ sort: { field: 'balanceDue', dir: 'desc' } });
    expect(balance).toMatch(/customer_stats_balance_due/);
    expect(balance).not.toMatch(/TEMP B-TREE/);
    const [lastOrder] = await listPlans({ sort: { field: 'lastOrderDate', dir: 'desc' } });
    expect(lastOrder).toMatch(/customer_stats_last_order/);
  });

  it.each<[string, CustomerListInput]>([
    ['pinyin initials', { q: 'njby' }],
    ['two letters', { q: 'zh' }],
    ['Chinese characters', { q: '博雅' }],
    ['the last four digits of a phone', { q: '4567' }],
    ['a search sorted by balance due', { q: 'zh', sort: { field: 'balanceDue', dir: 'desc' } }],
    ['a search with filters', { q: 'zh', filters: { province: '江苏省', tagIds: ['0190a1b2-0000-7000-8000-000000000001'] } }],
    ['a search among archived customers too', { q: 'zh', filters: { status: 'all' } }],
  ])('drives a list search by %s from the FTS index, never walking customers', async (_label, input) => {
    const [keys] = await listPlans(input);
    expect(keys).toMatch(/SCAN customers_fts VIRTUAL TABLE INDEX/);
    expect(wholeTableWalks(keys!, CUSTOMERS)).toEqual([]);
    expect(wholeTableWalks(keys!, ['customer_stats', 's'], [])).toEqual([]);
  });

  it('reads a one-letter search from the name index, a bounded range', async () => {
    const [keys] = await listPlans({ q: 'z' });
    expect(keys).toMatch(/customers_status_name \(status=\? AND name_pinyin>\? AND name_pinyin<\?\)/);
    expect(wholeTableWalks(keys!, CUSTOMERS)).toEqual([]);
  });

  it('ranks the palette inside the FTS index and joins only the best few', async () => {
    for (const q of ['njby', 'zh', '博雅', 'z']) {
      const [palette] = await plansOf(conn, (db) => searchCustomers(db, { q, limit: 10, includeArchived: false }));
      expect(wholeTableWalks(palette!, CUSTOMERS)).toEqual([]);
    }
    // Names starting with the typed pinyin come first: a bounded range of the name index.
    const [ranked] = await plansOf(conn, (db) => searchCustomers(db, { q: 'zh', limit: 10, includeArchived: true }));
    expect(ranked).toMatch(/customers_status_name \(status=\? AND name_pinyin>\? AND name_pinyin<\?\)/);
    expect(ranked).toMatch(/SCAN customers_fts VIRTUAL TABLE INDEX/);
  });

  it('counts a filtered list on an index, not the table', async () => {
    const [, total] = await listPlans({ filters: { province: '江苏省' } });
    expect(total).toMatch(/customers_region/);
  });

  it('looks duplicates up by credit code, mobile and normalised name through their indexes', async () => {
    const plans = await plansOf(conn, (db) => findDuplicates(db, { creditCode: '91320100MA1XYW1230', mobiles: ['13912345678'], name: '南京博雅食品有限公司' }));
    const all = plans.join('\n');
    expect(all).toMatch(/customers_mobile/);
    expect(all).toMatch(/customer_contacts_mobile/);
    expect(all).toMatch(/customers_name_key/);
    expect(wholeTableWalks(all, CUSTOMERS)).toEqual([]);
  });

  it('uses the credit code index for a valid credit code', async () => {
    const code = conn.sqlite.prepare('SELECT credit_code FROM customers WHERE credit_code IS NOT NULL LIMIT 1').pluck().get() as string;
    const plans = await plansOf(conn, (db) => findDuplicates(db, { creditCode: code }));
    expect(plans.join('\n')).toMatch(/customers_credit_code/);
  });
});
