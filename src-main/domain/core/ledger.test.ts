import { describe, expect, it } from 'vitest';
import { openDatabase, type Sqlite } from '../../db/connection';
import { migrate } from '../../db/migrate';
import { ownerApi } from '../../db/test-db';
import { runInvariantChecks, summaryMatchesLedger } from '../checks/invariants';
import { aCustomer } from '../customers/customers.test-helpers';
import { appendOnlySql, appendOnlyTables, applyToSummary, reverseEntry, type LedgerDefinition } from './ledger';
import { expectAppendOnly } from './ledger.test-helpers';

const POINTS: LedgerDefinition = { table: 'test_points_entries', negate: ['points'] };
const NOW = '2026-11-28T01:00:00.000Z';

/** A points ledger (积分流水) and its balance summary, as a loyalty migration would create them. */
function pointsLedger(sqlite: Sqlite): void {
  sqlite.exec(`
    CREATE TABLE test_points_entries (
      id TEXT PRIMARY KEY,
      customer_id TEXT NOT NULL,
      points INTEGER NOT NULL,
      posted_on TEXT NOT NULL,
      note TEXT,
      reverses_id TEXT REFERENCES test_points_entries (id)
    ) STRICT;
    CREATE TABLE test_points_balances (customer_id TEXT PRIMARY KEY, points INTEGER NOT NULL DEFAULT 0, updated_at TEXT NOT NULL) STRICT;
    ${appendOnlySql('test_points_entries', { reversesColumn: 'reverses_id' })}`);
}

function freshLedger(): Sqlite {
  const { sqlite } = openDatabase(':memory:');
  migrate(sqlite);
  pointsLedger(sqlite);
  return sqlite;
}

function post(sqlite: Sqlite, id: string, customerId: string, points: number): void {
  sqlite.transaction(() => {
    sqlite.prepare("INSERT INTO test_points_entries (id, customer_id, points, posted_on, note) VALUES (?, ?, ?, '2026-11-28', 'order')").run(id, customerId, points);
    applyToSummary(sqlite, { table: 'test_points_balances', key: { customer_id: customerId }, add: { points }, set: { updated_at: NOW } });
  })();
}

const pointsMatch = summaryMatchesLedger({
  name: 'points balances match the points ledger',
  summarySql: 'SELECT customer_id, points FROM test_points_balances',
  ledgerSql: 'SELECT customer_id, sum(points) AS points FROM test_points_entries GROUP BY customer_id',
  key: 'customer_id',
});

describe('append-only ledgers', () => {
  it('refuses UPDATE and DELETE of posted rows through the app’s connection', () => {
    const sqlite = freshLedger();
    post(sqlite, 'e1', 'c1', 100);
    expectAppendOnly(sqlite, 'test_points_entries');
    // The throwaway ledger beside the product's own (the audit log, the stock ledger, …).
    expect([...appendOnlyTables(sqlite)]).toEqual(expect.arrayContaining(['audit_log', 'stock_moves', 'test_points_entries']));
  });

  it('finds an unprotected table out', () => {
    const sqlite = freshLedger();
    sqlite.exec("CREATE TABLE test_notes (id TEXT PRIMARY KEY, body TEXT NOT NULL) STRICT; INSERT INTO test_notes VALUES ('n1', 'x');");
    expect(() => expectAppendOnly(sqlite, 'test_notes')).toThrow(/triggers of test_notes/);
  });

  it('keeps the audit log append-only in a real company database', async () => {
    const api = await ownerApi();
    expectAppendOnly(api.backend.conn.sqlite, 'audit_log');
  });

  it('leaves drafts editable when only posted rows are protected', () => {
    const { sqlite } = openDatabase(':memory:');
    sqlite.exec(`CREATE TABLE test_vouchers (id TEXT PRIMARY KEY, amount INTEGER NOT NULL, posted_at TEXT) STRICT;
      ${appendOnlySql('test_vouchers', { postedWhen: 'OLD.posted_at IS NOT NULL' })}
      INSERT INTO test_vouchers VALUES ('v1', 500, NULL), ('v2', 700, '${NOW}');`);
    sqlite.prepare("UPDATE test_vouchers SET amount = 550, posted_at = ? WHERE id = 'v1'").run(NOW);
    expect(sqlite.prepare("SELECT amount FROM test_vouchers WHERE id = 'v1'").pluck().get()).toBe(550);
    expectAppendOnly(sqlite, 'test_vouchers', "id = 'v1'");
    expectAppendOnly(sqlite, 'test_vouchers', "id = 'v2'");
  });

  it('names only real identifiers in the SQL it writes', () => {
    expect(() => appendOnlySql('orders; DROP TABLE users')).toThrow(/not a table or column name/);
  });
});

describe('reversing entries', () => {
  it('corrects a posting with a reversing entry that names it, and moves the balance back in the same transaction', () => {
    const sqlite = freshLedger();
    post(sqlite, 'e1', 'c1', 100);
    post(sqlite, 'e2', 'c1', 40);
    sqlite.transaction(() => {
      const reversal = reverseEntry(sqlite, POINTS, 'e1', { id: 'e3', posted_on: '2026-11-29', note: 'posted twice' });
      applyToSummary(sqlite, { table: 'test_points_balances', key: { customer_id: 'c1' }, add: { points: reversal.points as number }, set: { updated_at: NOW } });
    })();
    expect(sqlite.prepare("SELECT * FROM test_points_entries WHERE id = 'e3'").get()).toEqual({
      id: 'e3',
      customer_id: 'c1',
      points: -100,
      posted_on: '2026-11-29',
      note: 'posted twice',
      reverses_id: 'e1',
    });
    expect(sqlite.prepare("SELECT points FROM test_points_balances WHERE customer_id = 'c1'").pluck().get()).toBe(40);
    expect(pointsMatch.run(sqlite)).toEqual([]);
  });

  it('reverses an entry once and never reverses a reversal, in the helper and in SQL', () => {
    const sqlite = freshLedger();
    post(sqlite, 'e1', 'c1', 100);
    reverseEntry(sqlite, POINTS, 'e1', { id: 'e2' });

    const refused = (code: string, issue: object) => expect.objectContaining({ code, issues: [expect.objectContaining(issue)] });
    expect(() => reverseEntry(sqlite, POINTS, 'e1', { id: 'e3' })).toThrow(refused('CONFLICT', { path: 'entryId', code: 'already_reversed', params: { reversedBy: 'e2' } }));
    expect(() => reverseEntry(sqlite, POINTS, 'e2', { id: 'e3' })).toThrow(refused('CONFLICT', { code: 'reversal_of_reversal', params: { reverses: 'e1' } }));
    expect(() => reverseEntry(sqlite, POINTS, 'nope', { id: 'e3' })).toThrow(refused('NOT_FOUND', { code: 'not_found' }));

    const raw = sqlite.prepare("INSERT INTO test_points_entries (id, customer_id, points, posted_on, reverses_id) VALUES ('e9', 'c1', 100, '2026-11-30', ?)");
    expect(() => raw.run('e1')).toThrow(/UNIQUE/);
    expect(() => raw.run('e2')).toThrow(/cannot itself be reversed/);
    expect(sqlite.prepare('SELECT count(*) FROM test_points_entries').pluck().get()).toBe(2);
  });
});

describe('summary rows and their invariant', () => {
  it('creates a summary row on the first entry and adds to it after', () => {
    const sqlite = freshLedger();
    post(sqlite, 'e1', 'c1', 100);
    post(sqlite, 'e2', 'c1', -30);
    post(sqlite, 'e3', 'c2', 5);
    expect(sqlite.prepare('SELECT customer_id, points FROM test_points_balances ORDER BY customer_id').all()).toEqual([
      { customer_id: 'c1', points: 70 },
      { customer_id: 'c2', points: 5 },
    ]);
    expect(() => applyToSummary(sqlite, { table: 'test_points_balances', key: { customer_id: 'c1' }, add: { points: 0.5 } })).toThrow(/whole numbers/);
  });

  it('loses neither the entry nor the balance change alone when the transaction fails', () => {
    const sqlite = freshLedger();
    post(sqlite, 'e1', 'c1', 100);
    expect(() => post(sqlite, 'e1', 'c1', 100)).toThrow(/UNIQUE/); // the second posting's entry is refused…
    expect(sqlite.prepare("SELECT points FROM test_points_balances WHERE customer_id = 'c1'").pluck().get()).toBe(100); // …and so is its delta
  });

  it('reports each figure that differs from its ledger, by key, for cli check', () => {
    const sqlite = freshLedger();
    post(sqlite, 'e1', 'c1', 100);
    post(sqlite, 'e2', 'c2', 20);
    sqlite.prepare("INSERT INTO test_points_balances (customer_id, points, updated_at) VALUES ('c3', 0, ?)").run(NOW);
    // Registered beside the platform's own checks, as an area's `checks` are for cli check.
    expect(runInvariantChecks(sqlite, [pointsMatch])).toContainEqual(expect.objectContaining({ name: 'points balances match the points ledger', ok: true, differences: [] }));
    expect(runInvariantChecks(sqlite, [pointsMatch]).filter((r) => !r.ok)).toEqual([]);

    sqlite.prepare("UPDATE test_points_balances SET points = 90 WHERE customer_id = 'c1'").run();
    sqlite.prepare("DELETE FROM test_points_balances WHERE customer_id = 'c2'").run();
    expect(pointsMatch.run(sqlite)).toEqual(['customer_id=c1: points is 90 in the summary but 100 from the ledger', 'customer_id=c2: points is 0 in the summary but 20 from the ledger']);
  });

  it('compares by a key of several columns', () => {
    const { sqlite } = openDatabase(':memory:');
    sqlite.exec(`CREATE TABLE moves (product TEXT, warehouse TEXT, quantity INTEGER);
      CREATE TABLE on_hand (product TEXT, warehouse TEXT, quantity INTEGER);
      INSERT INTO moves VALUES ('p1', 'w1', 5), ('p1', 'w2', 3), ('p1', 'w1', -2);
      INSERT INTO on_hand VALUES ('p1', 'w1', 3), ('p1', 'w2', 4);`);
    const check = summaryMatchesLedger({
      name: 'stock on hand',
      summarySql: 'SELECT product, warehouse, quantity FROM on_hand',
      ledgerSql: 'SELECT product, warehouse, sum(quantity) AS quantity FROM moves GROUP BY 1, 2',
      key: ['product', 'warehouse'],
    });
    expect(check.run(sqlite)).toEqual(['product=p1, warehouse=w2: quantity is 4 in the summary but 3 from the ledger']);
  });
});

describe('customer merge and ledgers', () => {
  it('keeps posted rows on the merged customer and resolves its balance to the survivor', async () => {
    const api = await ownerApi();
    const sqlite = api.backend.conn.sqlite;
    sqlite.exec(`CREATE TABLE test_receivables (id TEXT PRIMARY KEY, customer_id TEXT NOT NULL REFERENCES customers (id), amount INTEGER NOT NULL) STRICT;
      ${appendOnlySql('test_receivables')}`);
    const survivor = await api.ok('customers.create', aCustomer({ name: '南京博雅食品有限公司' }));
    const duplicate = await api.ok('customers.create', aCustomer({ name: '南京博雅食品', allowDuplicate: true }));
    const postInvoice = (id: string, customerId: string, amount: number) =>
      sqlite.transaction(() => {
        sqlite.prepare('INSERT INTO test_receivables (id, customer_id, amount) VALUES (?, ?, ?)').run(id, customerId, amount);
        applyToSummary(sqlite, { table: 'customer_stats', key: { customer_id: customerId }, add: { balance_due: amount }, set: { updated_at: NOW } });
      })();
    postInvoice('r1', survivor.id, 10_000);
    postInvoice('r2', duplicate.id, 2_500);

    const merged = await api.ok('customers.merge', { sourceId: duplicate.id, targetId: survivor.id });

    expect(merged.moved).not.toHaveProperty('test_receivables.customer_id');
    expect(sqlite.prepare("SELECT customer_id FROM test_receivables WHERE id = 'r2'").pluck().get()).toBe(duplicate.id);
    const balances = summaryMatchesLedger({
      name: 'balances due match receivables',
      summarySql: 'SELECT customer_id, balance_due FROM customer_stats',
      ledgerSql: `SELECT coalesce(c.merged_into_id, c.id) AS customer_id, sum(r.amount) AS balance_due
                    FROM test_receivables r JOIN customers c ON c.id = r.customer_id GROUP BY 1`,
      key: 'customer_id',
    });
    expect(balances.run(sqlite)).toEqual([]);
    expect(sqlite.prepare('SELECT balance_due FROM customer_stats WHERE customer_id = ?').pluck().get(survivor.id)).toBe(12_500);
  });
});
