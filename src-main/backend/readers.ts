import { Worker } from 'node:worker_threads';
import { fileURLToPath } from 'node:url';
import { AppError } from '../api/errors';
import type { Readers } from '../api/dispatch';
import type { FromReader, ReaderWorkerData, ToReader } from '../worker/reader-worker';

export interface ReaderPoolOptions {
  file: string;
  nativeBinding?: string;
  /** How many reader threads; each holds its own read-only connection. */
  size: number;
  /** The reader's entry: worker/reader-entry.mjs from source (it registers tsx), the bundled .cjs in the desktop app. */
  entry?: string;
}

interface Pending {
  resolve(data: unknown): void;
  reject(error: unknown): void;
  progress(done: number, total: number, message?: string): void;
}

interface Reader {
  worker: Worker;
  ready: Promise<void>;
  isReady: boolean;
  pending: Map<number, Pending>;
}

const DEFAULT_ENTRY = fileURLToPath(new URL('../worker/reader-entry.mjs', import.meta.url));

/**
 * Reader threads that serve reads on their own read-only connections, so a screen answers while
 * an import or a period close holds the write connection (DESIGN §1). Each read goes to the
 * thread with the fewest reads in flight.
 */
export class ReaderPool implements Readers {
  private readers: Reader[];
  private nextId = 1;

  constructor(options: ReaderPoolOptions) {
    const entry = options.entry ?? DEFAULT_ENTRY;
    const workerData: ReaderWorkerData = { role: 'desk-erp-reader', file: options.file, ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}) };
    this.readers = Array.from({ length: options.size }, () => this.start(entry, workerData));
  }

  private start(entry: string, workerData: ReaderWorkerData): Reader {
    const worker = new Worker(entry, { workerData });
    worker.unref();
    const pending = new Map<number, Pending>();
    const ready = new Promise<void>((resolve, reject) => {
      worker.on('message', (message: FromReader) => {
        if (message.type === 'ready') resolve();
        else if (message.type === 'fatal') reject(new Error(message.message));
        else if (message.type === 'progress') pending.get(message.id)?.progress(message.done, message.total, message.message);
        else if (message.type === 'result') {
          const waiting = pending.get(message.id);
          pending.delete(message.id);
          if (!waiting) return;
          if (message.ok) waiting.resolve(message.data);
          else waiting.reject(new AppError(message.error.code, message.error.message, message.error.issues, message.error.details));
        }
      });
      worker.on('error', (error) => {
        reject(error);
        for (const waiting of pending.values()) waiting.reject(error);
        pending.clear();
      });
    });
    const reader: Reader = { worker, ready, isReady: false, pending };
    ready.then(
      () => (reader.isReady = true),
      () => undefined,
    );
    return reader;
  }

  /** Whether a reader has opened its connection; until then reads run on the writer's connection. */
  get ready(): boolean {
    return this.readers.some((r) => r.isReady);
  }

  read(request: ReadRequest, progress: Pending['progress'], signal: AbortSignal): Promise<unknown> {
    return this.send({ type: 'read', ...request }, progress, signal);
  }

  /** Runs an area's task (`ctx.offThread`) on the least busy reader; `transfer` moves buffers named in the input. */
  task(request: ReadRequest, progress: Pending['progress'], signal: AbortSignal, transfer: ArrayBuffer[] = []): Promise<unknown> {
    return this.send({ type: 'task', ...request }, progress, signal, transfer);
  }

  private async send(request: Omit<Extract<ToReader, { type: 'read' | 'task' }>, 'id'>, progress: Pending['progress'], signal: AbortSignal, transfer: ArrayBuffer[] = []): Promise<unknown> {
    const reader = this.readers.filter((r) => r.isReady).reduce((best, r) => (r.pending.size < best.pending.size ? r : best));
    const id = this.nextId++;
    const onAbort = () => reader.worker.postMessage({ type: 'cancel', id } satisfies ToReader);
    signal.addEventListener('abort', onAbort, { once: true });
    try {
      return await new Promise((resolve, reject) => {
        reader.pending.set(id, { resolve, reject, progress });
        reader.worker.postMessage({ ...request, id } satisfies ToReader, transfer);
      });
    } finally {
      signal.removeEventListener('abort', onAbort);
    }
  }

  /** Waits until every reader has opened its connection. */
  async started(): Promise<void> {
    await Promise.all(this.readers.map((r) => r.ready));
  }

  async close(): Promise<void> {
    await Promise.all(
      this.readers.map(
        (r) =>
          new Promise<void>((resolve) => {
            r.worker.once('exit', () => resolve());
            r.worker.postMessage({ type: 'close' } satisfies ToReader);
            setTimeout(() => void r.worker.terminate(), 5000).unref();
          }),
      ),
    );
  }
}

type ReadRequest = Omit<Extract<ToReader, { type: 'read' }>, 'type' | 'id'>;
