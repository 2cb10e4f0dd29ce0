import { describe, expect, it } from 'vitest';
import { ownerApi } from '../../db/test-db';
import type { Session } from '../../api/session';
import { businessDateIn } from '../core/dates';

const signIn = (api: Awaited<ReturnType<typeof ownerApi>>, username: string, password: string) => {
  const session: Session = { user: null };
  return api.backend.call({ session, transport: 'http' }, 'auth.login', { username, password });
};

describe('the security log', () => {
  it('keeps a failed sign-in although the call that failed rolled back', async () => {
    const api = await ownerApi();
    expect(await signIn(api, 'owner', 'not-the-password')).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    expect(await signIn(api, 'nobody', 'whatever-1')).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    const log = await api.ok('audit.security', {});
    expect(log.total).toBe(2);
    expect(log.rows.map(({ event, username, reason, transport }) => ({ event, username, reason, transport }))).toEqual([
      { event: 'sign_in_failed', username: 'nobody', reason: 'unknown_user', transport: 'http' },
      { event: 'sign_in_failed', username: 'owner', reason: 'wrong_password', transport: 'http' },
    ]);
    expect(log.rows[1]!.userId).toBe(api.session.user!.id);
    // The failed calls left nothing in the activity log: their transaction rolled back.
    expect((await api.ok('audit.list', { method: 'auth.login' })).total).toBe(0);
  });

  it('records the lockout at the fifth failure and every attempt refused during it', async () => {
    const api = await ownerApi();
    for (let i = 0; i < 5; i++) await signIn(api, 'owner', `guess-${i}-xx`);
    expect(await signIn(api, 'owner', 'owner-pass-123')).toMatchObject({ ok: false, error: { code: 'RATE_LIMITED' } });
    const events = (await api.ok('audit.security', { pageSize: 200 })).rows.reverse().map((r) => `${r.event}:${r.reason ?? ''}`);
    expect(events).toEqual([...Array(5).fill('sign_in_failed:wrong_password'), 'locked_out:', 'sign_in_failed:locked']);
    expect((await api.ok('audit.security', { event: 'locked_out' })).rows).toMatchObject([{ username: 'owner', userId: api.session.user!.id }]);
  });

  it('notes a sign-in to a disabled account', async () => {
    const api = await ownerApi();
    const user = await api.ok('users.create', { username: 'li', displayName: '李四', role: 'sales', password: 'secret-123' });
    await api.ok('users.update', { id: user.id, active: false });
    expect(await signIn(api, 'li', 'secret-123')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect((await api.ok('audit.security', { username: 'li' })).rows).toMatchObject([{ event: 'sign_in_failed', reason: 'account_disabled', userId: user.id }]);
  });

  it('is for the owner only, paged, and filtered by date', async () => {
    const api = await ownerApi();
    for (let i = 0; i < 3; i++) await signIn(api, `ghost${i}`, 'whatever-1');
    const manager = await api.as('manager');
    expect(await manager.call('audit.security', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await api.ok('audit.security', { page: 2, pageSize: 2 })).toMatchObject({ total: 3, rows: [{ username: 'ghost0' }] });
    expect((await api.ok('audit.security', { to: '2000-01-01' })).total).toBe(0);
    // The filter is by the company's business day (Shanghai), which from 16:00 UTC is already tomorrow's date.
    const today = businessDateIn('Asia/Shanghai');
    expect((await api.ok('audit.security', { from: today, to: today })).total).toBe(3);
  });
});
