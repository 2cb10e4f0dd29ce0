import { describe, expect, it } from 'vitest';
import { ownerApi, PRODUCT, type TestApi } from '../db/test-db';
import { ROLES, type Role } from './permissions';

describe('permission matrix', () => {
  const guarded = Object.entries(PRODUCT.contract)
    .filter(([, spec]) => spec.permission !== 'public' && spec.permission !== 'signedIn')
    .map(([name, spec]) => ({ name, permission: spec.permission }));

  it.each(ROLES.filter((r) => r !== 'owner'))('a %s gets FORBIDDEN for every method the role lacks, and nothing changes', async (role: Role) => {
    const owner = await ownerApi();
    const user: TestApi = await owner.as(role);
    const sqlite = owner.backend.conn.sqlite;
    const lacking = guarded.filter((m) => !PRODUCT.roleHas(role, m.permission));
    expect(lacking.length).toBeGreaterThan(0);
    for (const { name } of lacking) {
      const before = sqlite.prepare('SELECT total_changes()').pluck().get();
      const result = await user.backend.call({ session: user.session, transport: 'test' }, name, {});
      expect({ name, code: result.ok ? 'ok' : result.error.code }).toEqual({ name, code: 'FORBIDDEN' });
      expect(sqlite.prepare('SELECT total_changes()').pluck().get()).toBe(before);
    }
    for (const { name } of guarded.filter((m) => PRODUCT.roleHas(role, m.permission))) {
      const result = await user.backend.call({ session: user.session, transport: 'test' }, name, {});
      expect({ name, code: result.ok ? 'ok' : result.error.code }).not.toEqual({ name, code: 'FORBIDDEN' });
    }
  });

  it('lets the owner do everything', () => {
    for (const { permission } of guarded) expect(PRODUCT.roleHas('owner', permission)).toBe(true);
  });

  it('keeps user management, settings and backups to the owner', () => {
    for (const role of ROLES.filter((r) => r !== 'owner')) {
      for (const permission of ['users.manage', 'settings.manage', 'backup.run']) expect(PRODUCT.roleHas(role, permission)).toBe(false);
    }
  });

  it('tells the signed-in user which permissions their role holds', async () => {
    const owner = await ownerApi();
    const accountant = await owner.as('accountant');
    const status = await accountant.ok('auth.status', {});
    expect(status.permissions).toEqual(PRODUCT.permissionsOf('accountant'));
    expect(status.permissions).toContain('audit.read');
    expect(status.permissions).not.toContain('customers.write');
  });
});
