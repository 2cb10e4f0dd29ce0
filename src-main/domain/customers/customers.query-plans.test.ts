import { beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Connection } from '../../db/connection';
import { migrate } from '../../db/migrate';
import { plansOf } from '../../db/query-plans';
import { seedCustomers } from '../customers/customers.seed';
import { customerListInput, type CustomerListInput } from './customers.contract';
import { findDuplicates } from './customers.duplicates';
import { listCustomers, searchCustomers } from './customers.list';

describe('query plans of the hot customer queries', () => {
  let conn: Connection;

  beforeAll(() => {
    conn = openDatabase(':memory:');
    migrate(conn.sqlite);
    seedCustomers(conn, { count: 2000, seed: 11, asOf: '2026-11-23' });
    conn.sqlite.exec('ANALYZE');
  });

  const listPlans = (input: CustomerListInput) => plansOf(conn, (db) => listCustomers(db, customerListInput.parse(input)));

  it('reads the default page (by code) in index order without sorting the table', async () => {
    const [keys] = await listPlans({});
    expect(keys).toMatch(/customers_status_code/);
    expect(keys).not.toMatch(/TEMP B-TREE/);
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

  it('drives a search from the FTS index, never scanning customers', async () => {
    const [keys] = await listPlans({ q: 'njby' });
    expect(keys).toMatch(/VIRTUAL TABLE INDEX/);
    expect(keys).not.toMatch(/SCAN c\b/);
    const [palette] = await plansOf(conn, (db) => searchCustomers(db, { q: 'njby', limit: 10, includeArchived: false }));
    expect(palette).toMatch(/VIRTUAL TABLE INDEX/);
    expect(palette).not.toMatch(/SCAN c\b/);
  });

  it('looks duplicates up by credit code, mobile and normalised name through their indexes', async () => {
    const plans = await plansOf(conn, (db) => findDuplicates(db, { creditCode: '91320100MA1XYW1230', mobiles: ['13912345678'], name: '南京博雅食品有限公司' }));
    const all = plans.join('\n');
    expect(all).toMatch(/customers_mobile/);
    expect(all).toMatch(/customer_contacts_mobile/);
    expect(all).toMatch(/customers_name_key/);
    expect(all).not.toMatch(/SCAN c\b/);
  });

  it('uses the credit code index for a valid credit code', async () => {
    const code = conn.sqlite.prepare('SELECT credit_code FROM customers WHERE credit_code IS NOT NULL LIMIT 1').pluck().get() as string;
    const plans = await plansOf(conn, (db) => findDuplicates(db, { creditCode: code }));
    expect(plans.join('\n')).toMatch(/customers_credit_code/);
  });
});
