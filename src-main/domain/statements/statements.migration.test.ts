import { describe, expect, it } from 'vitest';
import { acrossMigration, insertOldCustomer } from '../../db/migration-test-db';

const NOW = '2026-11-28T08:00:00.000Z';

/** The statements migration on a database that already has a customer. */
const databaseAtStatements = () => acrossMigration('statements_tasks', (sqlite) => insertOldCustomer(sqlite, NOW)).sqlite;

const INSERT = `INSERT INTO statements (id, number, customer_id, period_from, period_to, status, opening_balance, total_debit, total_credit, closing_balance, sent_on, created_at, updated_at)
  VALUES (@id, @number, 'c1', '2026-10-01', '2026-10-31', @status, 100, 50, 30, @closing, @sentOn, '${NOW}', '${NOW}')`;

describe('migration: statements of account and tasks', () => {
  it('keeps the customers and starts with no statements or tasks', () => {
    const sqlite = databaseAtStatements();
    expect(sqlite.prepare('SELECT code FROM customers').pluck().all()).toEqual(['C000001']);
    expect(sqlite.prepare('SELECT count(*) FROM statements').pluck().get()).toBe(0);
    expect(sqlite.prepare('SELECT count(*) FROM tasks').pluck().get()).toBe(0);
  });

  it('refuses figures that do not add up, a numbered draft, and any change to what was sent', () => {
    const sqlite = databaseAtStatements();
    expect(() => sqlite.prepare(INSERT).run({ id: 's0', number: null, status: 'draft', closing: 999, sentOn: null })).toThrow(/CHECK/);
    expect(() => sqlite.prepare(INSERT).run({ id: 's0', number: 'ST-2026-000009', status: 'draft', closing: 120, sentOn: null })).toThrow(/CHECK/);
    sqlite.prepare(INSERT).run({ id: 's1', number: null, status: 'draft', closing: 120, sentOn: null });
    sqlite.prepare("UPDATE statements SET total_debit = 60, closing_balance = 130 WHERE id = 's1'").run();
    sqlite.prepare(INSERT).run({ id: 's2', number: 'ST-2026-000001', status: 'sent', closing: 120, sentOn: '2026-11-02' });
    expect(() => sqlite.prepare("UPDATE statements SET total_debit = 60, closing_balance = 130 WHERE id = 's2'").run()).toThrow(/keeps the figures/);
    sqlite.prepare("UPDATE statements SET status = 'disputed', responded_on = '2026-11-05', customer_note = '少一笔' WHERE id = 's2'").run();
    expect(() => sqlite.prepare("INSERT INTO tasks (id, assignee_id, title, created_at, done_at) VALUES ('t1', 'nobody', 'x', ?, ?)").run(NOW, NOW)).toThrow(/CHECK|FOREIGN/);
  });
});
