import { describe, expect, it } from 'vitest';
import { ownerApi, type TestApi } from '../db/test-db';
import { contract, METHOD_NAMES } from './contract';
import { roleHas, ROLES, type Permission, type Role } from './permissions';

describe('permission matrix', () => {
  const guarded = METHOD_NAMES.filter((m) => contract[m].permission !== 'public' && contract[m].permission !== 'signedIn');

  it.each(ROLES.filter((r) => r !== 'owner'))('a %s gets FORBIDDEN for every method the role lacks, and nothing changes', async (role: Role) => {
    const owner = await ownerApi();
    const user: TestApi = await owner.as(role);
    const sqlite = owner.backend.conn.sqlite;
    const lacking = guarded.filter((m) => !roleHas(role, contract[m].permission as Permission));
    expect(lacking.length).toBeGreaterThan(0);
    for (const method of lacking) {
      const before = sqlite.prepare('SELECT total_changes()').pluck().get();
      const result = await user.backend.call({ session: user.session, transport: 'test' }, method, {});
      expect({ method, code: result.ok ? 'ok' : result.error.code }).toEqual({ method, code: 'FORBIDDEN' });
      expect(sqlite.prepare('SELECT total_changes()').pluck().get()).toBe(before);
    }
    for (const method of guarded.filter((m) => roleHas(role, contract[m].permission as Permission))) {
      const result = await user.backend.call({ session: user.session, transport: 'test' }, method, {});
      expect({ method, code: result.ok ? 'ok' : result.error.code }).not.toEqual({ method, code: 'FORBIDDEN' });
    }
  });

  it('lets the owner do everything', () => {
    for (const method of guarded) expect(roleHas('owner', contract[method].permission as Permission)).toBe(true);
  });

  it('keeps user management and settings to the owner', () => {
    for (const role of ROLES.filter((r) => r !== 'owner')) {
      expect(roleHas(role, 'users.manage')).toBe(false);
      expect(roleHas(role, 'settings.manage')).toBe(false);
    }
  });
});
