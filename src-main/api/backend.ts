import fs from 'node:fs';
import type { Connection } from '../db/connection';
import { openDatabase } from '../db/connection';
import { appliedVersions, migrate, preMigrationBackupPath } from '../db/migrate';
import { auditHandlers } from '../domain/audit/audit.handlers';
import { authHandlers } from '../domain/auth/auth.handlers';
import { LoginThrottle } from '../domain/auth/login-throttle';
import { backupHandlers } from '../domain/backup/backup.handlers';
import { customersHandlers } from '../domain/customers/customers.handlers';
import { exportsHandlers } from '../domain/exports/exports.handlers';
import { importsHandlers } from '../domain/imports/imports.handlers';
import { jobsHandlers } from '../domain/jobs/jobs.handlers';
import { leadsHandlers } from '../domain/leads/leads.handlers';
import { settingsHandlers } from '../domain/settings/settings.handlers';
import { usersHandlers } from '../domain/users/users.handlers';
import { dispatch, type Backend, type CallContext, type Handlers } from './dispatch';
import type { ApiEvent, Result } from './result';
import { logError } from './log';

export interface RunningBackend extends Backend {
  call(call: CallContext, method: string, input: unknown): Promise<Result<unknown>>;
  onEvent(listener: (event: ApiEvent) => void): () => void;
  close(): void;
}

export interface BackendOptions {
  file: string;
  nativeBinding?: string;
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
  return backendOn(conn);
}

export function backendOn(conn: Connection): RunningBackend {
  const listeners = new Set<(event: ApiEvent) => void>();
  const jobs = new Map<string, AbortController>();
  const handlers = {
    ...authHandlers({ loginThrottle: new LoginThrottle() }),
    ...usersHandlers,
    ...settingsHandlers,
    ...auditHandlers,
    ...jobsHandlers(jobs),
    ...backupHandlers(conn.file),
    ...customersHandlers,
    ...importsHandlers,
    ...exportsHandlers,
    ...leadsHandlers,
  } satisfies Handlers;
  const backend: RunningBackend = {
    conn,
    handlers,
    jobs,
    emit: (event) => listeners.forEach((listener) => listener(event)),
    logError,
    call: (call, method, input) => dispatch(backend, call, method, input),
    onEvent(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close: () => conn.close(),
  };
  return backend;
}
