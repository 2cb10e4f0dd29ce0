import { describe, expect, it } from 'vitest';
import { ownerApi } from '../../db/test-db';

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
    const today = new Date().toISOString().slice(0, 10);
    expect((await api.ok('audit.list', { from: today, to: today })).total).toBeGreaterThan(0);
    expect((await api.ok('audit.list', { to: '2000-01-01' })).total).toBe(0);
  });

  it('counts the whole log from the total a trigger keeps, and a filtered one by counting', async () => {
    const api = await ownerApi();
    await api.ok('settings.update', { companyName: '南京博雅食品股份有限公司' });
    const rows = api.backend.conn.sqlite.prepare('SELECT count(*) FROM audit_log').pluck().get() as number;
    expect(await api.ok('audit.list', { pageSize: 1 })).toMatchObject({ total: rows, totalIsExact: true });
    expect(await api.ok('audit.list', { method: 'settings', pageSize: 1 })).toMatchObject({ total: 1, totalIsExact: true });
  });
});
