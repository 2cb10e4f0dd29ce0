import { describe, expect, it } from 'vitest';
import { acrossMigration, insertOldUser, migrationVersion } from '../../db/migration-test-db';

const version = migrationVersion('security_log');

describe('migration security_log', () => {
  it('adds an append-only security log beside the audit log, keeping the users and the audit rows', () => {
    const now = '2026-11-23T00:00:00.000Z';
    const { sqlite, applied } = acrossMigration('security_log', (old) => {
      insertOldUser(old, { username: 'wangfang', displayName: '王芳', role: 'sales' }, now);
      old.prepare("INSERT INTO audit_log (id, at, user_id, username, method, changes, transport) VALUES ('a1', ?, 'u1', 'wangfang', 'auth.login', '[]', 'ipc')").run(now);
    });
    expect(applied).toEqual([`${version}_security_log`]);

    expect(sqlite.prepare('SELECT count(*) FROM audit_log').pluck().get()).toBe(1);
    const insert = sqlite.prepare('INSERT INTO security_log (id, at, event, username, user_id, reason, transport) VALUES (?, ?, ?, ?, ?, ?, ?)');
    insert.run('s1', now, 'sign_in_failed', 'wangfang', 'u1', 'wrong_password', 'http');
    insert.run('s2', now, 'sign_in_failed', 'admin', null, 'unknown_user', 'http');
    insert.run('s3', now, 'locked_out', 'wangfang', 'u1', null, 'http');
    expect(() => insert.run('s4', now, 'password_guessed', 'x', null, null, 'http')).toThrow(/CHECK/);
    expect(() => insert.run('s5', now, 'sign_in_failed', 'x', null, 'bad_luck', 'http')).toThrow(/CHECK/);
    expect(() => insert.run('s6', now, 'sign_in_failed', 'x', 'nobody', 'wrong_password', 'http')).toThrow(/FOREIGN KEY/);
    expect(() => sqlite.prepare("UPDATE security_log SET username = 'y'").run()).toThrow(/append-only/);
    expect(() => sqlite.prepare('DELETE FROM security_log').run()).toThrow(/append-only/);
    expect(sqlite.prepare('SELECT id FROM security_log ORDER BY id').pluck().all()).toEqual(['s1', 's2', 's3']);
    const plan = sqlite.prepare('EXPLAIN QUERY PLAN SELECT * FROM security_log ORDER BY at DESC, id DESC LIMIT 50').all() as { detail: string }[];
    expect(plan.map((p) => p.detail).join('\n')).toContain('security_log_at');
    sqlite.close();
  });
});
