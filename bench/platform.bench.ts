import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createBackend } from '../src-main/backend/backend';
import type { HandlerContext } from '../src-main/domain/context';
import type { Session } from '../src-main/api/session';
import { getSettings, updateSettings } from '../src-main/domain/settings/settings.service';
import { measured, time, type BenchRow } from './measure';
import { EVERYTHING } from '../src-main/domain/users/data-scope';

/** What `dispatch` (validation, permission, transaction, audit) costs over calling the service directly. */
export async function benchPlatform(): Promise<BenchRow[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'desk-erp-bench-'));
  const backend = createBackend({ file: path.join(dir, 'bench.sqlite') });
  const session: Session = { user: null };
  const call = { session, transport: 'test' as const };
  const setup = await backend.call(call, 'auth.setup', { companyName: '基准测试公司', ownerUsername: 'owner', ownerDisplayName: '老板', password: 'bench-pass-1' });
  if (!setup.ok) throw new Error(setup.error.message);
  const ctx = {
    db: backend.conn.db,
    sqlite: backend.conn.sqlite,
    user: session.user,
    session,
    transport: 'test',
    signal: new AbortController().signal,
    audit: () => undefined,
    security: () => undefined,
    progress: () => undefined,
    revokeSessionsOf: () => undefined,
    layOutPdf: backend.layOutPdf,
    can: () => true,
    permissions: () => [],
    dataScope: async () => EVERYTHING,
    areas: backend.registry.extensions,
  } satisfies HandlerContext;

  const read = await measured(async () => ({
    area: 'platform',
    what: 'read `settings.get` through dispatch',
    dispatch: await time(3000, () => backend.call(call, 'settings.get', {})),
    baseline: await time(3000, () => getSettings(backend.conn.db)),
    baselineLabel: 'service called directly',
    goalText: 'dispatch overhead < 50 µs at p50',
  }));
  const write = await measured(async () => ({
    area: 'platform',
    what: 'write `settings.update` through dispatch (transaction + audit row, synchronous=FULL)',
    dispatch: await time(500, (i) => backend.call(call, 'settings.update', { companyName: `基准测试公司${i % 5}` })),
    baseline: await time(500, (i) => backend.conn.db.transaction().execute((trx) => updateSettings({ ...ctx, db: trx }, { companyName: `基准测试公司${i % 7}` }))),
    baselineLabel: 'service in a bare transaction',
  }));
  backend.close();
  fs.rmSync(dir, { recursive: true, force: true });
  return [read, write];
}
