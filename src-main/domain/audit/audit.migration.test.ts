import { describe, expect, it } from 'vitest';
import { acrossMigration } from '../../db/migration-test-db';

const NOW = '2026-11-28T08:00:00.000Z';

describe('migration 0022: how many records each logged call changed', () => {
  it('counts the rows already logged, keeps the first 20 changes of a long one, and the log stays append-only', () => {
    const changes = (n: number) => JSON.stringify(Array.from({ length: n }, (_, i) => ({ entityType: 'task', entityId: `t${i}`, fields: { title: { before: null, after: `催收 ${i}` } } })));
    const { sqlite } = acrossMigration('audit_change_count', (old) => {
      const insert = old.prepare("INSERT INTO audit_log (id, at, username, method, changes, transport) VALUES (?, ?, 'boss', ?, ?, 'ipc')");
      insert.run('login', NOW, 'auth.login', '[]');
      insert.run('one', NOW, 'customers.update', changes(1));
      insert.run('run', NOW, 'dunning.run', changes(300));
    });
    const rows = sqlite.prepare('SELECT id, change_count, changes_shown FROM audit_log ORDER BY change_count').all() as { id: string; change_count: number; changes_shown: string | null }[];
    expect(rows.map((r) => [r.id, r.change_count, r.changes_shown === null ? null : (JSON.parse(r.changes_shown) as unknown[]).length])).toEqual([
      ['login', 0, null],
      ['one', 1, null],
      ['run', 300, 20],
    ]);
    expect(JSON.parse(rows[2]!.changes_shown!)).toEqual((JSON.parse(changes(300)) as unknown[]).slice(0, 20));
    expect(() => sqlite.prepare("UPDATE audit_log SET method = 'x' WHERE id = 'one'").run()).toThrow(/append-only/);
  });
});
