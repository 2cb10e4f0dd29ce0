import { backendOn, type RunningBackend } from '../backend/backend';
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

/** A set-up company with its owner signed in. */
export async function ownerApi(backend = testBackend()): Promise<TestApi> {
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
