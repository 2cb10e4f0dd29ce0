import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import { AppError, type ApiError } from '../api/errors';
import type { SessionUser, Transport } from '../api/session';
import { handlerContext } from '../backend/read-context';
import { errorLogger, logFileFor } from '../backend/log';
import { buildRegistry } from '../backend/registry';
import { openDatabase } from '../db/connection';
import { AREAS } from '../domain/areas';
import { buffersIn } from '../domain/core/chunks';

// A reader thread (DESIGN §1): its own read-only connection serves reads while the writer's
// connection is busy; WAL lets it see every committed write. Plain Node: never imports electron.

export const READER_WORKER_ROLE = 'desk-erp-reader';

export interface ReaderWorkerData {
  role: typeof READER_WORKER_ROLE;
  file: string;
  nativeBinding?: string;
}

/** Main → reader. */
export type ToReader =
  | { type: 'read'; id: number; method: string; input: unknown; user: SessionUser | null; transport: Transport }
  /** An area's task (`ctx.offThread`): the same as a read, looked up among the tasks rather than the methods. */
  | { type: 'task'; id: number; method: string; input: unknown; user: SessionUser | null; transport: Transport }
  | { type: 'cancel'; id: number }
  | { type: 'close' };

/** Reader → main. */
export type FromReader =
  | { type: 'ready' }
  | { type: 'fatal'; message: string }
  | { type: 'progress'; id: number; done: number; total: number; message?: string }
  | { type: 'result'; id: number; ok: true; data: unknown }
  | { type: 'result'; id: number; ok: false; error: ApiError; internal: boolean }
  | { type: 'closed' };

export interface ReaderPort {
  postMessage(message: FromReader, transfer?: ArrayBuffer[]): void;
  on(event: 'message', listener: (message: ToReader) => void): unknown;
  close(): void;
}

export function serveReads(port: ReaderPort, data: ReaderWorkerData): void {
  let conn: ReturnType<typeof openDatabase>;
  try {
    conn = openDatabase(data.file, { readonly: true, ...(data.nativeBinding ? { nativeBinding: data.nativeBinding } : {}) });
  } catch (error) {
    port.postMessage({ type: 'fatal', message: error instanceof Error ? error.message : String(error) });
    port.close();
    return;
  }
  const registry = buildRegistry(AREAS, { file: data.file, jobs: new Map() });
  const logError = errorLogger(logFileFor(data.file));
  const running = new Map<number, AbortController>();
  const nothingToAudit = () => {
    throw new Error('A read tried to audit a change');
  };

  async function read(request: Extract<ToReader, { type: 'read' | 'task' }>): Promise<void> {
    const controller = new AbortController();
    running.set(request.id, controller);
    const ctx = handlerContext({
      db: conn.db,
      sqlite: conn.sqlite,
      registry,
      session: { user: request.user },
      transport: request.transport,
      signal: controller.signal,
      audit: nothingToAudit,
      security: nothingToAudit,
      progress: (done, total, message) => port.postMessage({ type: 'progress', id: request.id, done, total, ...(message ? { message } : {}) }),
      revokeSessionsOf: nothingToAudit,
      layOutPdf: () => Promise.reject(new Error('PDFs are laid out on the writer\'s thread (mark the method runsOn: \'writer\')')),
    });
    try {
      const run = request.type === 'task' ? registry.tasks[request.method] : registry.handlers[request.method];
      if (!run) throw new Error(`No ${request.type === 'task' ? 'task' : 'method'} ${request.method} on the reader`);
      const data = await run(request.input, ctx);
      // A task's chunks (core/chunks.ts) are moved to the caller's thread, not copied there.
      port.postMessage({ type: 'result', id: request.id, ok: true, data }, request.type === 'task' ? buffersIn(data) : []);
    } catch (error) {
      if (error instanceof AppError) port.postMessage({ type: 'result', id: request.id, ok: false, error: error.toApiError(), internal: false });
      else {
        const reference = logError(request.method, error, { userId: request.user?.id ?? null });
        const message = `Something went wrong inside Desk ERP; the details are in the log file (reference ${reference}).`;
        port.postMessage({ type: 'result', id: request.id, ok: false, error: { code: 'INTERNAL', message, details: { reference } }, internal: true });
      }
    } finally {
      running.delete(request.id);
    }
  }

  port.on('message', (message) => {
    if (message.type === 'read' || message.type === 'task') void read(message);
    else if (message.type === 'cancel') running.get(message.id)?.abort();
    else if (message.type === 'close') {
      conn.close();
      port.postMessage({ type: 'closed' });
      port.close();
    }
  });
  port.postMessage({ type: 'ready' });
}

const data = workerData as Partial<ReaderWorkerData> | null;
if (!isMainThread && parentPort && data?.role === READER_WORKER_ROLE && typeof data.file === 'string') {
  serveReads(parentPort as unknown as ReaderPort, data as ReaderWorkerData);
}
