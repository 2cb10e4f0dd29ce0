import type { RunningBackend } from '../backend/backend';
import type { Role } from '../api/permissions';
import type { Session } from '../api/session';
import { createUser } from '../domain/users/users.service';
import { findUserByUsername } from '../domain/users/users.repository';
import { SeededRandom } from './random';

export const SEED_SCALES = ['small', 'medium', 'large'] as const;
export type SeedScale = (typeof SEED_SCALES)[number];

/** The demo owner's sign-in when `seed` has to set the company up itself. */
export const DEMO_OWNER = { username: 'owner', password: 'deskerp123' } as const;

const DEMO_STAFF: { username: string; displayName: string; role: Role }[] = [
  { username: 'wangfang', displayName: '王芳', role: 'sales' },
  { username: 'liqiang', displayName: '李强', role: 'sales' },
  { username: 'zhangmin', displayName: '张敏', role: 'manager' },
  { username: 'chenjing', displayName: '陈静', role: 'accountant' },
  { username: 'zhaolei', displayName: '赵磊', role: 'warehouse' },
  { username: 'sunhao', displayName: '孙浩', role: 'service' },
];

export async function seedDemoData(backend: RunningBackend, options: { scale: SeedScale; seed: number }): Promise<Record<string, number>> {
  const session: Session = { user: null };
  const status = await backend.call({ session, transport: 'cli' }, 'auth.status', {});
  if (status.ok && (status.data as { setupRequired: boolean }).setupRequired) {
    const setup = await backend.call({ session, transport: 'cli' }, 'auth.setup', {
      companyName: '南京博雅食品有限公司',
      ownerUsername: DEMO_OWNER.username,
      ownerDisplayName: '周博雅',
      password: DEMO_OWNER.password,
    });
    if (!setup.ok) throw new Error(`Could not set up the demo company: ${setup.error.message}`);
  }
  const staffIds: string[] = [];
  for (const person of DEMO_STAFF) {
    const existing = await findUserByUsername(backend.conn.db, person.username);
    staffIds.push(existing?.id ?? (await createUser(backend.conn.db, { ...person, password: DEMO_OWNER.password })).id);
  }
  const summary: Record<string, number> = { users: staffIds.length };
  const random = new SeededRandom(options.seed);
  // Each area's step, in the order the areas ask for (customers before what points at them).
  for (const { area, step } of backend.registry.seedSteps) {
    summary[area] = await step.run(backend.conn, { scale: options.scale, random, staffIds });
  }
  backend.refreshPlannerStatistics();
  return summary;
}
