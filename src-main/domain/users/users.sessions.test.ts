import { describe, expect, it } from 'vitest';
import { SESSION_ABSOLUTE_LIMIT_MS, type Session } from '../../api/session';
import { ownerApi, type TestApi } from '../../db/test-db';

/** A second sign-in of the same person (another window or desktop), through dispatch as a transport would. */
async function anotherWindow(api: TestApi, username: string, password = 'secret-123'): Promise<{ session: Session; call: (method: string, input: unknown) => ReturnType<TestApi['backend']['call']> }> {
  const session: Session = { user: null };
  const call = (method: string, input: unknown) => api.backend.call({ session, transport: 'http' }, method, input);
  const login = await call('auth.login', { username, password });
  expect(login.ok).toBe(true);
  return { session, call };
}

async function aSalesperson(api: TestApi) {
  const username = `li${Math.random().toString(36).slice(2, 6)}`;
  const user = await api.ok('users.create', { username, displayName: '李强', role: 'sales', password: 'secret-123' });
  return { user, username };
}

describe('sessions end when the person’s rights change', () => {
  it('answers UNAUTHENTICATED to a disabled user’s next call', async () => {
    const api = await ownerApi();
    const { user, username } = await aSalesperson(api);
    const li = await anotherWindow(api, username);
    expect((await li.call('customers.list', {})).ok).toBe(true);

    await api.ok('users.update', { id: user.id, active: false });

    expect(await li.call('customers.list', {})).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    expect(li.session.user).toBeNull();
    // Enabling the account again does not bring the old session back.
    await api.ok('users.update', { id: user.id, active: true });
    expect(await li.call('customers.list', {})).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
  });

  it('makes a role change take effect on the next call', async () => {
    const api = await ownerApi();
    const { user, username } = await aSalesperson(api);
    const li = await anotherWindow(api, username);
    expect((await li.call('leads.list', {})).ok).toBe(true);

    await api.ok('users.update', { id: user.id, role: 'warehouse' });

    expect(await li.call('leads.list', {})).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    const again = await anotherWindow(api, username);
    expect(await again.call('leads.list', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('ends a user’s sessions when the owner resets the password, and the other windows when they change it themselves', async () => {
    const api = await ownerApi();
    const { user, username } = await aSalesperson(api);
    const first = await anotherWindow(api, username);
    const second = await anotherWindow(api, username);

    expect((await second.call('auth.changePassword', { currentPassword: 'secret-123', newPassword: 'better-secret-456' })).ok).toBe(true);
    expect((await second.call('customers.list', {})).ok).toBe(true);
    expect(await first.call('customers.list', {})).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });

    await api.ok('users.resetPassword', { id: user.id, newPassword: 'reset-by-owner-1' });
    expect(await second.call('customers.list', {})).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    expect((await (await anotherWindow(api, username, 'reset-by-owner-1')).call('customers.list', {})).ok).toBe(true);
  });

  it('tells the transports at once, after the change commits, and not when it is refused', async () => {
    const api = await ownerApi();
    const { user } = await aSalesperson(api);
    const revoked: string[] = [];
    api.backend.onSessionsRevoked((userId) => revoked.push(userId));
    expect((await api.call('users.update', { id: api.session.user!.id, active: false })).ok).toBe(false);
    expect(revoked).toEqual([]);
    await api.ok('users.update', { id: user.id, displayName: '李强强' });
    expect(revoked).toEqual([]);
    await api.ok('users.update', { id: user.id, role: 'service' });
    expect(revoked).toEqual([user.id]);
  });

  it('keeps the owner signed in after changing their own role while another owner remains', async () => {
    const api = await ownerApi();
    const other = await api.ok('users.create', { username: 'owner2', displayName: '二老板', role: 'owner', password: 'secret-123' });
    expect(other.role).toBe('owner');
    await api.ok('users.update', { id: api.session.user!.id, role: 'manager' });
    expect((await api.call('customers.list', {})).ok).toBe(true);
    expect(await api.call('users.list', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});

describe('sessions expire', () => {
  it('after the company’s idle limit', async () => {
    const api = await ownerApi();
    const { username } = await aSalesperson(api);
    const li = await anotherWindow(api, username);
    await api.ok('settings.update', { sessionIdleMinutes: 30 });
    li.session.auth!.lastSeenAt -= 29 * 60_000;
    expect((await li.call('customers.list', {})).ok).toBe(true);
    li.session.auth!.lastSeenAt -= 31 * 60_000;
    expect(await li.call('customers.list', {})).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED', message: expect.stringMatching(/expired/) } });
  });

  it('at the absolute limit however busy the session is', async () => {
    const api = await ownerApi();
    const { username } = await aSalesperson(api);
    const li = await anotherWindow(api, username);
    li.session.auth!.startedAt -= SESSION_ABSOLUTE_LIMIT_MS + 1;
    expect(await li.call('customers.list', {})).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
  });

  it('does not honour a signed-in session that no sign-in made, except from the command line and tests', async () => {
    const api = await ownerApi();
    const forged: Session = { user: { ...api.session.user! } };
    expect(await api.backend.call({ session: forged, transport: 'http' }, 'users.list', {})).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    expect(await api.backend.call({ session: { user: { ...api.session.user! } }, transport: 'ipc' }, 'users.list', {})).toMatchObject({ ok: false });
    expect((await api.backend.call({ session: { user: { ...api.session.user! } }, transport: 'cli' }, 'users.list', {})).ok).toBe(true);
  });
});

describe('events reach only the sessions allowed to read them', () => {
  it('leaves out areas a role cannot read, and sends a job’s progress only to the session that runs it', async () => {
    const api = await ownerApi();
    const owner = api.session;
    const warehouse = (await api.as('warehouse')).session;
    const leadsChanged = { kind: 'data.changed' as const, areas: ['leads', 'customers'] };
    expect(api.backend.eventFor(owner, leadsChanged)).toEqual(leadsChanged);
    expect(api.backend.eventFor(warehouse, leadsChanged)).toEqual({ kind: 'data.changed', areas: ['customers'] });
    expect(api.backend.eventFor(warehouse, { kind: 'data.changed', areas: ['leads'] })).toBeNull();
    const progress = { kind: 'progress' as const, jobId: 'job-12345678', done: 1, total: 2 };
    expect(api.backend.eventFor(owner, progress, owner)).toEqual(progress);
    expect(api.backend.eventFor(warehouse, progress, owner)).toBeNull();
    expect(api.backend.eventFor({ user: null }, leadsChanged)).toBeNull();
  });
});
