import fs from 'node:fs';
import type { Connection } from '../db/connection';
import { openDatabase } from '../db/connection';
import { appliedVersions, migrate, preMigrationBackupPath } from '../db/migrate';
import { dispatch, type Backend, type CallContext } from '../api/dispatch';
import type { ApiEvent, Result } from '../api/result';
import type { AreaDefinition } from '../domain/area';
import { AREAS } from '../domain/areas';
import { runInvariantChecks, type CheckResult } from '../domain/checks/invariants';
import { logError } from './log';
import { buildRegistry } from './registry';

export interface RunningBackend extends Backend {
  call(call: CallContext, method: string, input: unknown): Promise<Result<unknown>>;
  onEvent(listener: (event: ApiEvent) => void): () => void;
  /** Every invariant of the platform and the registered areas (`cli check`). */
  checkInvariants(): CheckResult[];
  close(): void;
}

export interface BackendOptions {
  file: string;
  nativeBinding?: string;
  /** The areas to register; every area of the product unless a test registers its own. */
  areas?: readonly AreaDefinition[];
}

/** Opens (creating and migrating if needed) the database and wires every area's handlers. */
export function createBackend(options: BackendOptions): RunningBackend {
  const existed = options.file !== ':memory:' && fs.existsSync(options.file);
  const conn = openDatabase(options.file, options.nativeBinding ? { nativeBinding: options.nativeBinding } : {});
  try {
    const from = appliedVersions(conn.sqlite).length;
    migrate(conn.sqlite, { backupPath: existed && from > 0 ? preMigrationBackupPath(options.file, from) : null });
  } catch (error) {
    conn.sqlite.close();
    throw error;
  }
  return backendOn(conn, options.areas);
}

export function backendOn(conn: Connection, areas: readonly AreaDefinition[] = AREAS): RunningBackend {
  const listeners = new Set<(event: ApiEvent) => void>();
  const jobs = new Map<string, AbortController>();
  const backend: RunningBackend = {
    conn,
    registry: buildRegistry(areas, { file: conn.file, jobs }),
    jobs,
    emit: (event) => listeners.forEach((listener) => listener(event)),
    logError,
    call: (call, method, input) => dispatch(backend, call, method, input),
    onEvent(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    checkInvariants: () => runInvariantChecks(conn.sqlite, backend.registry.checks),
    close: () => conn.close(),
  };
  return backend;
}
