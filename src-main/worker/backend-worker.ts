import path from 'node:path';
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import { createBackend, type BackendOptions, type RunningBackend } from '../backend/backend';
import { startDailyJobs } from '../backend/daily-jobs';
import { isFileAnswer, type ApiEvent, type Result } from '../api/result';
import { movable } from '../domain/core/chunks';
import type { Session } from '../api/session';

// The backend's thread (DESIGN §1): Electron main only relays messages, so a long report or import
// never freezes the window. Plain Node: this file must never import electron.

/** Main → worker. */
export type ToWorker =
  | { type: 'call'; id: number; method: string; input: unknown }
  | { type: 'close' }
  | { type: 'pdf'; id: number; pdf: Uint8Array }
  | { type: 'pdf'; id: number; error: string };

/** Worker → main. */
export type FromWorker =
  | { type: 'ready' }
  | { type: 'result'; id: number; result: Result<unknown> }
  | { type: 'event'; event: ApiEvent }
  | { type: 'fatal'; message: string }
  | { type: 'closed' }
  /** Only main can lay out a PDF in the desktop app (Electron's printToPDF); it answers with the same id. */
  | { type: 'pdf'; id: number; html: string };

export interface WorkerPort {
  postMessage(message: FromWorker, transfer?: ArrayBuffer[]): void;
  on(event: 'message', listener: (message: ToWorker) => void): unknown;
  close(): void;
}

export interface BackendWorkerData {
  /** Marks the thread as ours, so importing this module anywhere else (a test thread) serves nothing. */
  role: typeof BACKEND_WORKER_ROLE;
  file: string;
  nativeBinding?: string;
}

export const BACKEND_WORKER_ROLE = 'desk-erp-backend';

/**
 * Opens the backend and answers calls on `port` until told to close. One session for the one desktop
 * window: signed out until auth.setup / auth.login set `session.user` (dispatch mutates it in place).
 */
export function serveBackend(port: WorkerPort, data: BackendWorkerData, open: (options: BackendOptions) => RunningBackend = createBackend): void {
  let backend: RunningBackend;
  const pdfs = pdfsFromMain(port);
  // Every connection this thread opens (backups, restore) needs the SQLite built for Electron, not only the backend's.
  if (data.nativeBinding) process.env.DESK_ERP_NATIVE_BINDING = data.nativeBinding;
  try {
    backend = open({ file: data.file, readers: 1, checkpointer: true, layOutPdf: pdfs.layOutPdf, ...(data.nativeBinding ? { nativeBinding: data.nativeBinding } : {}), ...threadEntries() });
  } catch (error) {
    // E.g. a database made by a newer version: main shows this message verbatim and quits.
    port.postMessage({ type: 'fatal', message: error instanceof Error ? error.message : String(error) });
    port.close();
    return;
  }
  const session: Session = { user: null };
  const unsubscribe = backend.onEvent((event, audience) => {
    const visible = backend.eventFor(session, event, audience);
    if (visible) port.postMessage({ type: 'event', event: visible });
  });
  // The window's user lost their rights elsewhere (the owner disabled or demoted them, or reset
  // their password): sign the window out now, not at its next call.
  const stopRevocations = backend.onSessionsRevoked((userId, except) => {
    if (session === except || session.user?.id !== userId) return;
    session.user = null;
    delete session.auth;
    port.postMessage({ type: 'event', event: { kind: 'session.ended', reason: 'revoked' } });
  });
  const stopDailyJobs = startDailyJobs(backend);
  port.on('message', (message) => {
    if (message.type === 'call') {
      void backend
        .call({ session, transport: 'ipc' }, message.method, message.input)
        .catch((error: unknown): Result<unknown> => {
          backend.logError(message.method, error);
          return { ok: false, error: { code: 'INTERNAL', message: 'Something went wrong inside Desk ERP; the details are in the log file.' } };
        })
        .then((result) => {
          const { answer, transfer } = withFileMoved(result);
          port.postMessage({ type: 'result', id: message.id, result: answer }, transfer);
        });
    } else if (message.type === 'pdf') {
      pdfs.answer(message);
    } else if (message.type === 'close') {
      stopDailyJobs();
      stopRevocations();
      unsubscribe();
      backend.close();
      port.postMessage({ type: 'closed' });
      port.close();
    }
  });
  port.postMessage({ type: 'ready' });
}

/** A file answer's bytes are moved to main, not copied (a month's vouchers are 33 MB); bytes sharing memory with others are copied first. */
function withFileMoved(result: Result<unknown>): { answer: Result<unknown>; transfer: ArrayBuffer[] } {
  if (!result.ok || !isFileAnswer(result.data)) return { answer: result, transfer: [] };
  const content = movable(result.data.content);
  return { answer: { ok: true, data: { ...result.data, content } }, transfer: [content.buffer] };
}

/** PDFs asked of main by number; main answers each once, with the bytes or why it could not. */
function pdfsFromMain(port: WorkerPort) {
  let nextId = 1;
  const waiting = new Map<number, { resolve: (pdf: Buffer) => void; reject: (error: Error) => void }>();
  return {
    layOutPdf: (html: string) =>
      new Promise<Buffer>((resolve, reject) => {
        const id = nextId++;
        waiting.set(id, { resolve, reject });
        port.postMessage({ type: 'pdf', id, html });
      }),
    answer(message: Extract<ToWorker, { type: 'pdf' }>) {
      const request = waiting.get(message.id);
      waiting.delete(message.id);
      if (!request) return;
      if ('pdf' in message) request.resolve(Buffer.from(message.pdf.buffer, message.pdf.byteOffset, message.pdf.byteLength));
      else request.reject(new Error(message.error));
    },
  };
}

/** In the desktop app the reader and checkpointer threads are bundles beside this one; from source, the backend finds its own. */
function threadEntries(): { readerEntry?: string; checkpointerEntry?: string } {
  const bundled = typeof __filename === 'string' && __filename.endsWith('.cjs');
  if (!bundled) return {};
  const beside = (name: string) => path.join(path.dirname(__filename), name);
  return { readerEntry: beside('reader-worker.cjs'), checkpointerEntry: beside('checkpoint-worker.cjs') };
}

const data = workerData as Partial<BackendWorkerData> | null;
if (!isMainThread && parentPort && data?.role === BACKEND_WORKER_ROLE && typeof data.file === 'string') {
  serveBackend(parentPort as unknown as WorkerPort, data as BackendWorkerData);
}
