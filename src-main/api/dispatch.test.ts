import { describe, expect, it } from 'vitest';
import { ownerApi, testBackend } from '../db/test-db';
import type { Session } from './session';

function countRows(api: { backend: { conn: { sqlite: { prepare(sql: string): { get(): unknown } } } } }, table: string): number {
  return (api.backend.conn.sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
}

describe('dispatch', () => {
  it('answers VALIDATION naming every wrong field, and writes nothing', async () => {
    const api = await ownerApi();
    const auditBefore = countRows(api, 'audit_log');
    const result = await api.call('users.create', { username: 5, role: 'nope' } as never);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('VALIDATION');
    const paths = result.error.issues!.map((i) => i.path);
    expect(paths).toEqual(expect.arrayContaining(['username', 'role', 'displayName', 'password']));
    expect(countRows(api, 'users')).toBe(1);
    expect(countRows(api, 'audit_log')).toBe(auditBefore);
  });

  it('asks for a sign-in before any non-public method', async () => {
    const backend = testBackend();
    const session: Session = { user: null };
    const result = await backend.call({ session, transport: 'test' }, 'users.list', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
  });

  it('records who changed what, with before and after', async () => {
    const api = await ownerApi();
    const user = await api.ok('users.create', { username: 'li', displayName: '李四', role: 'sales', password: 'secret-123' });
    await api.ok('users.update', { id: user.id, role: 'service', displayName: '李四' });
    const log = await api.ok('audit.list', { method: 'users.update' });
    expect(log.rows).toHaveLength(1);
    expect(log.rows[0]).toMatchObject({ username: 'owner', method: 'users.update', entityType: 'user', entityId: user.id });
    expect(log.rows[0]!.changes[0]!.fields).toEqual({ role: { before: 'sales', after: 'service' } });
  });

  it('rolls back every write of a failing handler', async () => {
    const api = await ownerApi();
    const backend = api.backend;
    const original = backend.registry.handlers['users.create']!;
    backend.registry.handlers['users.create'] = async (input, ctx) => {
      await original(input, ctx);
      throw new Error('disk on fire');
    };
    const result = await api.call('users.create', { username: 'zhao', displayName: '赵六', role: 'sales', password: 'secret-123' });
    expect(result).toEqual({ ok: false, error: { code: 'INTERNAL', message: expect.any(String), details: { reference: expect.stringMatching(/^[0-9a-f]{8}$/) } } });
    expect(countRows(api, 'users')).toBe(1);
    expect((await api.ok('audit.list', { method: 'users.create' })).total).toBe(0);
  });

  it('says a refused write is the disk’s doing, naming the file, when SQLite ran out of space mid-transaction', async () => {
    const api = await ownerApi();
    const original = api.backend.registry.handlers['users.create']!;
    api.backend.registry.handlers['users.create'] = async (input, ctx) => {
      await original(input, ctx);
      // What SQLite does on ENOSPC: it rolls the transaction back itself and reports SQLITE_FULL.
      ctx.sqlite.exec('ROLLBACK');
      throw Object.assign(new Error('database or disk is full'), { code: 'SQLITE_FULL' });
    };
    const result = await api.call('users.create', { username: 'zhao', displayName: '赵六', role: 'sales', password: 'secret-123' });
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'STORAGE',
        message: `Could not write to the data file ${api.backend.conn.file}: the disk is full (SQLITE_FULL); nothing of this change was saved.`,
        issues: [{ path: '', code: 'disk_full', params: { file: api.backend.conn.file }, message: 'The disk is full' }],
      },
    });
    expect(countRows(api, 'users')).toBe(1);
  });

  it('never sends a stack trace to the caller', async () => {
    const api = await ownerApi();
    api.backend.registry.handlers['settings.get'] = async () => {
      throw new Error('secret internals at /home/x');
    };
    const result = await api.call('settings.get', {});
    expect(JSON.stringify(result)).not.toContain('secret internals');
  });

  it('refuses an unknown method', async () => {
    const api = await ownerApi();
    expect(await api.backend.call({ session: api.session, transport: 'test' }, 'nope.nothing', {})).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
  });
});
