import fs from 'node:fs';
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import { errorLogger, logFileFor } from '../backend/log';
import { openDatabase } from '../db/connection';
import { CHECKPOINT_LIMITS, checkpointDue, type CheckpointerState, type CheckpointLimits, type CheckpointMode } from '../db/checkpoints';

// The checkpointer thread: copies the WAL into the database file from its own connection, so the
// write connection's commits only append to the WAL (db/checkpoints.ts). Plain Node: never imports electron.

export const CHECKPOINTER_ROLE = 'desk-erp-checkpointer';

/**
 * A RESTART holds the write lock while it waits for readers: waiting this long at most
 * keeps a long report from stalling an order, and the checkpoint is tried again at a later poll.
 */
const ESCALATED_BUSY_MS = 50;

export interface CheckpointerData {
  role: typeof CHECKPOINTER_ROLE;
  file: string;
  nativeBinding?: string;
  limits?: Partial<CheckpointLimits>;
}

export type ToCheckpointer = { type: 'close' };

/** One checkpoint as `PRAGMA wal_checkpoint` answered it: frames in the WAL, frames now in the database file. */
export interface CheckpointDone {
  mode: CheckpointMode;
  busy: boolean;
  walFrames: number;
  checkpointedFrames: number;
  /** How long it took: a RESTART holds up every write for that long. */
  ms: number;
}

export type FromCheckpointer = { type: 'ready' } | { type: 'fatal'; message: string } | ({ type: 'checkpointed' } & CheckpointDone) | { type: 'closed' };

export interface CheckpointerPort {
  postMessage(message: FromCheckpointer): void;
  on(event: 'message', listener: (message: ToCheckpointer) => void): unknown;
  close(): void;
}

export function serveCheckpoints(port: CheckpointerPort, data: CheckpointerData): void {
  let conn: ReturnType<typeof openDatabase>;
  try {
    conn = openDatabase(data.file, data.nativeBinding ? { nativeBinding: data.nativeBinding } : {});
    conn.sqlite.pragma(`busy_timeout = ${ESCALATED_BUSY_MS}`);
  } catch (error) {
    port.postMessage({ type: 'fatal', message: error instanceof Error ? error.message : String(error) });
    port.close();
    return;
  }
  const limits = { ...CHECKPOINT_LIMITS, ...data.limits };
  const walFile = `${data.file}-wal`;
  const logError = errorLogger(logFileFor(data.file));
  const state: CheckpointerState = { previous: null, checkpointed: null, checkpointedAtMs: 0, lastMode: null };

  const poll = () => {
    let seen: fs.Stats;
    try {
      seen = fs.statSync(walFile);
    } catch {
      return; // No WAL yet, or the database is being closed.
    }
    const wal = { size: seen.size, modifiedMs: seen.mtimeMs };
    const now = Date.now();
    const mode = checkpointDue(wal, now, state, limits);
    state.previous = wal;
    if (!mode) return;
    try {
      const started = performance.now();
      const [busy, walFrames, checkpointedFrames] = conn.sqlite.prepare(`PRAGMA wal_checkpoint(${mode})`).raw().get() as [number, number, number];
      const ms = performance.now() - started;
      state.checkpointed = wal;
      state.checkpointedAtMs = now;
      // A RESTART that readers held up did not restart the WAL: copied again and retried at the next polls.
      state.lastMode = mode === 'RESTART' && busy ? null : mode;
      port.postMessage({ type: 'checkpointed', mode, busy: busy !== 0, walFrames, checkpointedFrames, ms });
    } catch (error) {
      // Commits stay safe in the WAL; the next poll tries again.
      logError('checkpoint', error);
    }
  };
  const timer = setInterval(poll, limits.pollMs);

  port.on('message', (message) => {
    if (message.type !== 'close') return;
    clearInterval(timer);
    conn.close();
    port.postMessage({ type: 'closed' });
    port.close();
  });
  port.postMessage({ type: 'ready' });
}

const data = workerData as Partial<CheckpointerData> | null;
if (!isMainThread && parentPort && data?.role === CHECKPOINTER_ROLE && typeof data.file === 'string') {
  serveCheckpoints(parentPort as unknown as CheckpointerPort, data as CheckpointerData);
}
