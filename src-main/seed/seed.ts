import { runDailyJobs } from '../backend/daily-jobs';
import type { RunningBackend } from '../backend/backend';
import type { Role } from '../api/permissions';
import type { Session } from '../api/session';
import { randomBytes } from 'node:crypto';
import { DEMO_DATA_SETTING, saveLetterhead } from '../domain/settings/settings.service';
import { writeSetting } from '../domain/settings/settings.repository';
import { createUser } from '../domain/users/users.service';
import { findUserByUsername } from '../domain/users/users.repository';
import { SeededRandom } from './random';
import { businessDateIn } from '../domain/core/dates';

export const SEED_SCALES = ['small', 'medium', 'large'] as const;
export type SeedScale = (typeof SEED_SCALES)[number];

/** The page cache while a large book is seeded: 1 GiB (negative: in KiB). */
const LARGE_SEED_CACHE_KIB = -1_048_576;

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

/** `seed` into a book that already has a company, without `force`. */
export class SeedRefused extends Error {
  constructor(companyName: string) {
    super(
      `This database already has a company (${companyName}). seed adds demo customers, leads and users, and will not mix them into a real book: ` +
        'seed a new data file (--db demo.sqlite), or pass --force to add them anyway (the demo staff then get random passwords).',
    );
  }
}

export interface SeedOptions {
  scale: SeedScale;
  seed: number;
  /** Seed into a book that already has a company. */
  force?: boolean;
  /** Told as each step ends: what it seeded, how many, and how long it took. */
  onStep?: (step: string, count: number, milliseconds: number) => void;
}

/** The demo company's letterhead: a made-up address, phone, tax ID and bank account. */
const DEMO_LETTERHEAD = {
  companyAddress: '南京市玄武区中山路 18 号德基大厦 16 层',
  companyPhone: '025-8456 7890',
  companyTaxId: '91320102MA1W8XQK3N',
  companyBank: '中国工商银行南京中山路支行',
  companyBankAccount: '4301 0123 0910 0123 456',
};

export async function seedDemoData(backend: RunningBackend, options: SeedOptions): Promise<Record<string, number>> {
  const session: Session = { user: null };
  const status = await backend.call({ session, transport: 'cli' }, 'auth.status', {});
  if (!status.ok) throw new Error(`Could not read the database: ${status.error.message}`);
  const { setupRequired, companyName } = status.data as { setupRequired: boolean; companyName: string | null };
  if (!setupRequired && !options.force) throw new SeedRefused(companyName ?? '');
  // The published demo password only ever opens a book that holds nothing but demo data.
  const staffPassword = setupRequired ? DEMO_OWNER.password : randomBytes(18).toString('base64url');
  if (setupRequired) {
    const setup = await backend.call({ session, transport: 'cli' }, 'auth.setup', {
      companyName: '南京博雅食品有限公司',
      ownerUsername: DEMO_OWNER.username,
      ownerDisplayName: '周博雅',
      password: DEMO_OWNER.password,
    });
    if (!setup.ok) throw new Error(`Could not set up the demo company: ${setup.error.message}`);
    // The letterhead its printed quotes, orders, delivery notes and statements carry.
    await saveLetterhead(backend.conn.db, DEMO_LETTERHEAD);
  }
  const staffIds: string[] = [];
  for (const person of DEMO_STAFF) {
    const existing = await findUserByUsername(backend.conn.db, person.username);
    staffIds.push(existing?.id ?? (await createUser(backend.conn.db, { ...person, password: staffPassword })).id);
  }
  await writeSetting(backend.conn.db, DEMO_DATA_SETTING, true);
  const summary: Record<string, number> = { users: staffIds.length };
  const random = new SeededRandom(options.seed);
  const asOf = businessDateIn('Asia/Shanghai');
  // A large book's seed writes gigabytes in a few transactions: with the everyday page cache
  // (64 MB) its indexes are read back from disk again and again. It gets a larger one while it runs.
  const everydayCache = backend.conn.sqlite.pragma('cache_size', { simple: true }) as number;
  if (options.scale === 'large') backend.conn.sqlite.pragma(`cache_size = ${LARGE_SEED_CACHE_KIB}`);
  try {
    // Each area's step, in the order the areas ask for (customers before what points at them).
    for (const { area, step } of backend.registry.seedSteps) {
      const started = performance.now();
      const name = step.name ?? area;
      summary[name] = await step.run(backend.conn, { scale: options.scale, random, staffIds, asOf });
      options.onStep?.(name, summary[name], performance.now() - started);
    }
  } finally {
    backend.conn.sqlite.pragma(`cache_size = ${everydayCache}`);
  }
  // The day's jobs follow the seeded documents (the lifecycle stages from the seeded orders).
  let started = performance.now();
  await runDailyJobs(backend);
  options.onStep?.('daily jobs', 0, performance.now() - started);
  started = performance.now();
  backend.refreshPlannerStatistics();
  options.onStep?.('planner statistics', 0, performance.now() - started);
  return summary;
}
