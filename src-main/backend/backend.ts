import fs from 'node:fs';
import type { Connection } from '../db/connection';
import { openDatabase } from '../db/connection';
import { appliedVersions, migrate, preMigrationBackupPath } from '../db/migrate';
import { refreshPlannerStatistics } from '../db/statistics';
import { dispatch, type Backend, type CallContext } from '../api/dispatch';
import type { Session } from '../api/session';
import { currentSessionUser } from '../domain/users/users.sessions';
import type { ApiEvent, Result } from '../api/result';
import type { AreaDefinition, BackendMaintenance } from '../domain/area';
import { AREAS } from '../domain/areas';
import { runInvariantChecks, type CheckResult } from '../domain/checks/invariants';
import { AppError } from '../api/errors';
import type { PdfMaker } from '../domain/context';
import { htmlToPdf } from '../cli/print';
import { fieldIssue } from '../api/issues';
import { errorLogger, logFileFor } from './log';
import { ReaderPool } from './readers';
import { Checkpointer } from './checkpointer';
import { CHECKPOINT_LIMITS, type CheckpointLimits } from '../db/checkpoints';
import { buildRegistry } from './registry';
import { restoreRunningBackend } from './restore';

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
  checkInvariants(onChecked?: (result: CheckResult) => void): CheckResult[];
  /**
   * Closes the database once the calling call is the only one in flight (later calls wait), lets
   * `change` replace the file, then opens and migrates it again. Refused while a long job runs.
   */
  whileClosed<T>(change: (file: string) => Promise<T>): Promise<T>;
  /** The thread checkpointing the WAL now (a restore starts a new one); none when SQLite's autocheckpoint does it. */
  checkpointer(): Checkpointer | undefined;
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
  /**
   * Checkpoint the WAL from a thread of its own rather than in the commit that fills it (the server,
   * the desktop app, the bench: db/checkpoints.ts). One-shot commands and tests keep SQLite's
   * autocheckpoint: they exit before a thread would have started.
   */
  checkpointer?: boolean;
  /** The checkpointer's entry when bundled (the desktop app); the .ts source otherwise. */
  checkpointerEntry?: string;
  /** Smaller limits let a test see checkpoints without writing megabytes. */
  checkpointLimits?: Partial<CheckpointLimits>;
  /** The desktop app's worker asks Electron main; left out, PDFs come from the machine's Chromium. */
  layOutPdf?: PdfMaker;
}

/** The threads beside the write connection that hold the same file. */
export interface DatabaseThreads {
  readers?: ReaderPool;
  checkpointer?: Checkpointer;
}

/** The write connection and its threads, as opened at start and again after a restore. */
export interface OpenedDatabase extends DatabaseThreads {
  conn: Connection;
}

/** Opens (creating and migrating if needed) the database and wires every area's handlers. */
export function createBackend(options: BackendOptions): RunningBackend {
  const open = (): OpenedDatabase => {
    const conn = openMigrated(options);
    const readers =
      options.readers && options.file !== ':memory:'
        ? new ReaderPool({ file: options.file, size: options.readers, ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}), ...(options.readerEntry ? { entry: options.readerEntry } : {}) })
        : undefined;
    const checkpointer = options.checkpointer && options.file !== ':memory:' ? checkpointerFor(conn, options) : undefined;
    return { conn, ...(readers ? { readers } : {}), ...(checkpointer ? { checkpointer } : {}) };
  };
  const { conn, ...threads } = open();
  const backend = backendOn(conn, options.areas, threads, open);
  if (options.layOutPdf) backend.layOutPdf = options.layOutPdf;
  return backend;
}

function openMigrated(options: BackendOptions): Connection {
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
  return conn;
}

function checkpointerFor(conn: Connection, options: BackendOptions): Checkpointer {
  conn.sqlite.pragma('wal_autocheckpoint = 0');
  // A WAL the writes started over is cut back to the bound when a burst (an import) grew it past.
  conn.sqlite.pragma(`journal_size_limit = ${options.checkpointLimits?.boundBytes ?? CHECKPOINT_LIMITS.boundBytes}`);
  return new Checkpointer({
    file: options.file,
    ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
    ...(options.checkpointerEntry ? { entry: options.checkpointerEntry } : {}),
    ...(options.checkpointLimits ? { limits: options.checkpointLimits } : {}),
  });
}

/** How long a restore waits for the calls already running to finish. */
const DRAIN_TIMEOUT_MS = 30_000;

/** `reopen` opens the same file again after `whileClosed`; without it (an in-memory database) nothing can be restored. */
export function backendOn(conn: Connection, areas: readonly AreaDefinition[] = AREAS, threads: DatabaseThreads = {}, reopen?: () => OpenedDatabase): RunningBackend {
  const { readers } = threads;
  let checkpointer = threads.checkpointer;
  const listeners = new Set<EventListener>();
  const revocationListeners = new Set<RevocationListener>();
  const jobs = new Map<string, AbortController>();
  const logFile = logFileFor(conn.file);
  let inFlight = 0;
  // While set, the database is closed for a restore and new calls wait for it.
  let closedFor: Promise<unknown> | null = null;
  const maintenance: BackendMaintenance = {
    restore: (backupFile, by, options) => restoreRunningBackend(backend, backupFile, by, options),
    checkInvariants: () => backend.checkInvariants(),
    logFile,
  };
  const registry = buildRegistry(areas, { file: conn.file, jobs, maintenance });
  const readerPool = () => backend.readers as ReaderPool | undefined;
  const busy = (message: string) => new AppError('CONFLICT', message, [fieldIssue('', 'busy')]);
  const backend: RunningBackend = {
    conn,
    registry,
    jobs,
    ...(readers ? { readers } : {}),
    emit: (event, audience) => listeners.forEach((listener) => listener(event, audience)),
    logError: errorLogger(logFile),
    // playwright-core is loaded only when a PDF is asked for, so the desktop app never loads it.
    layOutPdf: (html) => htmlToPdf(html),
    async call(call, method, input) {
      while (closedFor) await closedFor.catch(() => undefined);
      inFlight++;
      try {
        return await dispatch(backend, call, method, input);
      } finally {
        inFlight--;
      }
    },
    // Always the connection open now: a restore replaces it.
    refreshPlannerStatistics: () => void refreshPlannerStatistics(backend.conn.sqlite),
    currentUser: (call) => currentSessionUser(backend.conn.sqlite, call.session, call.transport),
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
    checkInvariants: (onChecked) => runInvariantChecks(backend.conn.sqlite, backend.registry.checks, onChecked),
    async whileClosed(change) {
      if (!reopen) throw new AppError('CONFLICT', 'An in-memory database cannot be closed and opened again.');
      if (closedFor) throw busy('A restore is already under way.');
      if (jobs.size > 0) throw busy('Wait until the running import, export or backup has finished.');
      const work = (async () => {
        const deadline = Date.now() + DRAIN_TIMEOUT_MS;
        // The call asking is itself in flight; every other one finishes on the old connection first.
        while (inFlight > 1) {
          if (Date.now() > deadline) throw busy('Other work did not finish in time; try again in a moment.');
          await new Promise((resolve) => setTimeout(resolve, 20));
        }
        // The reader threads' connections too: nothing of ours may hold the file while it is replaced.
        await readerPool()?.close();
        await checkpointer?.close();
        backend.conn.close();
        try {
          return await change(backend.conn.file);
        } finally {
          const opened = reopen();
          backend.conn = opened.conn;
          if (opened.readers) backend.readers = opened.readers;
          else delete backend.readers;
          checkpointer = opened.checkpointer;
        }
      })();
      closedFor = work;
      try {
        return await work;
      } finally {
        closedFor = null;
      }
    },
    checkpointer: () => checkpointer,
    close: () => {
      void readerPool()?.close();
      void checkpointer?.close();
      backend.conn.close();
    },
  };
  return backend;
}
