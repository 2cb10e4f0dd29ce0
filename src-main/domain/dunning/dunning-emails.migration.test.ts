import { describe, expect, it } from 'vitest';
import { acrossMigration, insertOldCustomer } from '../../db/migration-test-db';

const NOW = '2026-11-28T08:00:00.000Z';

/** A reminder raised before sends were recorded attempt by attempt. */
function databaseWithAReminder() {
  return acrossMigration('dunning_emails', (sqlite) => {
    insertOldCustomer(sqlite, NOW);
    sqlite.prepare("INSERT INTO dunning_reminders (id, customer_id, level_id, business_date, amount, created_at) VALUES ('r1', 'c1', 'dl-after-1', '2026-11-28', 11300, ?)").run(NOW);
  }).sqlite;
}

const ATTEMPT = "INSERT INTO dunning_emails (id, reminder_id, email_to, subject, started_at) VALUES (?, 'r1', 'caiwu@boya.example', '催款', ?)";

describe('migration: e-mail attempts of dunning reminders', () => {
  it('keeps the reminders, still due, with no attempt yet', () => {
    const sqlite = databaseWithAReminder();
    expect(sqlite.prepare('SELECT id, status FROM dunning_reminders').all()).toEqual([{ id: 'r1', status: 'due' }]);
    expect(sqlite.prepare('SELECT count(*) FROM dunning_emails').pluck().get()).toBe(0);
  });

  it('allows one attempt in flight per reminder, settles it once, and keeps it', () => {
    const sqlite = databaseWithAReminder();
    sqlite.prepare(ATTEMPT).run('e1', NOW);
    expect(() => sqlite.prepare(ATTEMPT).run('e2', NOW)).toThrow(/UNIQUE/);
    expect(() => sqlite.prepare("UPDATE dunning_emails SET status = 'sent', finished_at = ? WHERE id = 'e1'").run(NOW)).toThrow(/CHECK/);
    expect(() => sqlite.prepare("UPDATE dunning_emails SET status = 'failed', finished_at = ? WHERE id = 'e1'").run(NOW)).toThrow(/CHECK/);
    sqlite.prepare("UPDATE dunning_emails SET status = 'failed', error = '550 Mailbox unavailable', finished_at = ? WHERE id = 'e1'").run(NOW);
    sqlite.prepare(ATTEMPT).run('e2', NOW);
    expect(() => sqlite.prepare("UPDATE dunning_emails SET status = 'sent', message_id = '<m@x>' WHERE id = 'e1'").run()).toThrow(/settled attempt/);
    expect(() => sqlite.prepare("DELETE FROM dunning_emails WHERE id = 'e1'").run()).toThrow(/kept/);
  });
});
