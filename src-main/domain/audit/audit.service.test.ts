import { describe, expect, it } from 'vitest';
import { ownerApi } from '../../db/test-db';
import { addDays, businessDateIn } from '../core/dates';
import { appendAudit, listAudit } from './audit.service';

describe('activity log', () => {
  it('can leave out sign-ins so the changes to the data stand out', async () => {
    const api = await ownerApi();
    const sales = await api.as('sales');
    await sales.ok('auth.setLocale', { locale: 'en' });
    await api.ok('settings.update', { companyName: '南京博雅食品股份有限公司' });
    const all = (await api.ok('audit.list', {})).rows.map((r) => r.method);
    expect(all).toEqual(expect.arrayContaining(['auth.login', 'auth.setLocale', 'settings.update', 'users.create', 'auth.setup']));
    const changes = (await api.ok('audit.list', { changesOnly: true })).rows.map((r) => r.method);
    expect(changes).toEqual(['settings.update', 'users.create', 'auth.setup']);
  });

  it('filters by person, by area and by date', async () => {
    const api = await ownerApi();
    await api.ok('users.create', { username: 'li', displayName: '李四', role: 'sales', password: 'secret-123' });
    expect((await api.ok('audit.list', { method: 'users' })).rows.map((r) => r.method)).toEqual(['users.create']);
    expect((await api.ok('audit.list', { username: 'nobody' })).total).toBe(0);
    const today = businessDateIn('Asia/Shanghai');
    expect((await api.ok('audit.list', { from: today, to: today })).total).toBeGreaterThan(0);
    expect((await api.ok('audit.list', { to: '2000-01-01' })).total).toBe(0);
  });

  it('names the operator by display name and filters by them, and reads days as the company’s days', async () => {
    const api = await ownerApi();
    const sales = await api.as('sales');
    await sales.ok('auth.setLocale', { locale: 'en' });
    const hers = await api.ok('audit.list', { userId: sales.session.user!.id });
    // test-db names a role's user by the role.
    expect(hers.rows.map((r) => [r.method, r.userName])).toEqual([
      ['auth.setLocale', 'sales'],
      ['auth.login', 'sales'],
    ]);
    const owner = (await api.ok('audit.list', { method: 'auth.setup' })).rows[0]!;
    expect(owner.userName).not.toBe(owner.username);
    // 00:30 in Shanghai on a day is still the UTC day before: it belongs to the Shanghai day.
    const day = '2026-03-10';
    api.backend.conn.sqlite
      .prepare("INSERT INTO audit_log (id, at, user_id, username, method, changes, transport) VALUES ('early', ?, NULL, 'li', 'customers.update', '[]', 'cli')")
      .run('2026-03-09T16:30:00.000Z');
    expect((await api.ok('audit.list', { from: day, to: day })).rows.map((r) => r.id)).toEqual(['early']);
    expect((await api.ok('audit.list', { from: addDays(day, -1), to: addDays(day, -1) })).total).toBe(0);
  });

  it('counts the whole log from the total a trigger keeps, and a filtered one by counting', async () => {
    const api = await ownerApi();
    await api.ok('settings.update', { companyName: '南京博雅食品股份有限公司' });
    const rows = api.backend.conn.sqlite.prepare('SELECT count(*) FROM audit_log').pluck().get() as number;
    expect(await api.ok('audit.list', { pageSize: 1 })).toMatchObject({ total: rows, totalIsExact: true });
    expect(await api.ok('audit.list', { method: 'settings', pageSize: 1 })).toMatchObject({ total: 1, totalIsExact: true });
  });
});

describe('a call that changed thousands of records', () => {
  it('shows its first changes and how many there were on the screen, and every change in the export', async () => {
    const api = await ownerApi();
    const changes = Array.from({ length: 2000 }, (_, i) => ({ entityType: 'task', entityId: `t${i}`, fields: { title: { before: null, after: `催收 INV-2026-${String(i).padStart(6, '0')}` } } }));
    appendAudit(api.backend.conn.sqlite, { user: api.session.user, method: 'dunning.run', changes, transport: 'cli' });
    await api.ok('settings.update', { companyName: '南京博雅食品股份有限公司' });

    const [small, big] = (await api.ok('audit.list', { changesOnly: true })).rows;
    expect(small).toMatchObject({ method: 'settings.update', changeCount: 1, changes: [{ entityType: 'settings' }] });
    expect(big).toMatchObject({ method: 'dunning.run', changeCount: 2000 });
    expect(big!.changes).toEqual(changes.slice(0, 20));
    const exported = await listAudit(api.backend.conn.db, { method: 'dunning', page: 1, pageSize: 10 }, { everyChange: true });
    expect(exported.rows[0]!.changes).toEqual(changes);
  });
});
