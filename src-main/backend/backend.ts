import fs from 'node:fs';
import type { Connection } from '../db/connection';
import { openDatabase } from '../db/connection';
import { appliedVersions, migrate, preMigrationBackupPath } from '../db/migrate';
import { refreshPlannerStatistics } from '../db/statistics';
import { dispatch, type Backend, type CallContext } from '../api/dispatch';
import type { Session } from '../api/session';
import { currentSessionUser } from '../domain/users/users.sessions';
import type { ApiEvent, Result } from '../api/result';
import type { AreaDefinition } from '../domain/area';
import { AREAS } from '../domain/areas';
import { runInvariantChecks, type CheckResult } from '../domain/checks/invariants';
import { logError } from './log';
import { ReaderPool } from './readers';
import { buildRegistry } from './registry';

export type EventListener = (event: ApiEvent, audience?: Session) => void;
export type RevocationListener = (userId: string, except: Session | null) => void;

export interface RunningBackend extends Backend {
  call(call: CallContext, method: string, input: unknown): Promise<Result<unknown>>;
  /** Every event, with the one session it is for when it is not for everyone; see `eventFor`. */
  onEvent(listener: EventListener): () => void;
  /** What of an event a session may receive: data changes only in areas its role can read; null for nothing. */
  eventFor(session: Session, event: ApiEvent, audience?: Session): ApiEvent | null;
  /** Transports end a user's sessions here (HTTP cookies, the desktop window). */
  onSessionsRevoked(listener: RevocationListener): () => void;
  /** Every invariant of the platform and the registered areas (`cli check`). */
  checkInvariants(): CheckResult[];
  close(): void;
}

export interface BackendOptions {
  file: string;
  nativeBinding?: string;
  /** The areas to register; every area of the product unless a test registers its own. */
  areas?: readonly AreaDefinition[];
  /** Reader threads for reads (the server and the desktop app); none for one-shot commands. */
  readers?: number;
  /** The reader thread's entry when bundled (the desktop app); the .ts source otherwise. */
  readerEntry?: string;
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
  // On open and after migrations: a file seeded or imported by another copy may have no statistics yet.
  refreshPlannerStatistics(conn.sqlite);
  const readers =
    options.readers && options.file !== ':memory:'
      ? new ReaderPool({ file: options.file, size: options.readers, ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}), ...(options.readerEntry ? { entry: options.readerEntry } : {}) })
      : undefined;
  return backendOn(conn, options.areas, readers);
}

export function backendOn(conn: Connection, areas: readonly AreaDefinition[] = AREAS, readers?: ReaderPool): RunningBackend {
  const listeners = new Set<EventListener>();
  const revocationListeners = new Set<RevocationListener>();
  const jobs = new Map<string, AbortController>();
  const registry = buildRegistry(areas, { file: conn.file, jobs });
  const backend: RunningBackend = {
    conn,
    registry,
    jobs,
    ...(readers ? { readers } : {}),
    emit: (event, audience) => listeners.forEach((listener) => listener(event, audience)),
    logError,
    call: (call, method, input) => dispatch(backend, call, method, input),
    refreshPlannerStatistics: () => void refreshPlannerStatistics(conn.sqlite),
    currentUser: (call) => currentSessionUser(conn.sqlite, call.session, call.transport),
    revokeSessions: (userId, except) => revocationListeners.forEach((listener) => listener(userId, except)),
    onEvent(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    eventFor(session, event, audience) {
      const user = session.user;
      if (!user || (audience && audience !== session)) return null;
      if (event.kind !== 'data.changed') return event;
      const areasSeen = event.areas.filter((area) => registry.mayReadArea(user.role, area));
      return areasSeen.length ? { ...event, areas: areasSeen } : null;
    },
    onSessionsRevoked(listener) {
      revocationListeners.add(listener);
      return () => revocationListeners.delete(listener);
    },
    checkInvariants: () => runInvariantChecks(conn.sqlite, backend.registry.checks),
    close: () => {
      void readers?.close();
      conn.close();
    },
  };
  return backend;
}
