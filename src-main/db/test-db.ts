import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { backendOn, createBackend, type RunningBackend } from '../backend/backend';
import type { ReaderPool } from '../backend/readers';
import { buildRegistry, type AreaRegistry } from '../backend/registry';
import { AREAS } from '../domain/areas';
import type { CallContext } from '../api/dispatch';
import type { Role } from '../api/permissions';
import type { Result } from '../api/result';
import type { Session, SessionUser } from '../api/session';
import type { InputOf, MethodName, OutputOf } from '../api/contract';
import { openDatabase } from './connection';
import { migrate } from './migrate';

/** The product's areas merged, for tests that walk every method (fuzz, permission matrix). */
export const PRODUCT: AreaRegistry = buildRegistry(AREAS, { file: ':memory:', jobs: new Map() });

/** A fresh, migrated in-memory database behind a real backend, for API tests. */
export function testBackend(): RunningBackend {
  const conn = openDatabase(':memory:');
  migrate(conn.sqlite);
  return backendOn(conn);
}

export interface TestApi {
  backend: RunningBackend;
  session: Session;
  /** Calls through `dispatch` and returns the envelope. */
  call<M extends MethodName>(method: M, input: InputOf<M>): Promise<Result<OutputOf<M>>>;
  /** Calls through `dispatch` and throws on an error envelope. */
  ok<M extends MethodName>(method: M, input: InputOf<M>): Promise<OutputOf<M>>;
  as(role: Role): Promise<TestApi>;
}

const OWNER_PASSWORD = 'owner-pass-123';

function apiFor(backend: RunningBackend, session: Session): TestApi {
  const ctx: CallContext = { session, transport: 'test' };
  const api: TestApi = {
    backend,
    session,
    call: (method, input) => backend.call(ctx, method, input) as never,
    async ok(method, input) {
      const result = await backend.call(ctx, method, input);
      if (!result.ok) throw new Error(`${method} failed: ${result.error.code} ${result.error.message}`);
      return result.data as never;
    },
    async as(role) {
      const username = `${role}-${Math.random().toString(36).slice(2, 8)}`;
      await api.ok('users.create', { username, displayName: role, role, password: OWNER_PASSWORD });
      const other: Session = { user: null };
      const otherApi = apiFor(backend, other);
      await otherApi.ok('auth.login', { username, password: OWNER_PASSWORD });
      return otherApi;
    },
  };
  return api;
}

/**
 * A migrated database in a file with one reader thread, started, as the server and the desktop app
 * run: reads and `ctx.offThread` tasks go to the thread. Closed when the test process exits.
 */
export async function readerBackend(): Promise<RunningBackend> {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'desk-erp-readers-')), 'desk-erp.sqlite');
  const backend = createBackend({ file, readers: 1 });
  await (backend.readers as ReaderPool).started();
  return backend;
}

/**
 * The backend a test gets by default: in memory, or with a reader thread when the run asks for it
 * (vitest's `readers` project runs the import tests both ways).
 */
async function defaultBackend(): Promise<RunningBackend> {
  return process.env.DESK_ERP_TEST_READERS === '1' ? readerBackend() : testBackend();
}

/** A set-up company with its owner signed in. */
export async function ownerApi(backend?: RunningBackend): Promise<TestApi> {
  backend ??= await defaultBackend();
  const session: Session = { user: null };
  const api = apiFor(backend, session);
  await api.ok('auth.setup', {
    companyName: '南京博雅食品有限公司',
    ownerUsername: 'owner',
    ownerDisplayName: '王老板',
    password: OWNER_PASSWORD,
  });
  return api;
}

export function signedInAs(user: SessionUser): Session {
  return { user };
}
