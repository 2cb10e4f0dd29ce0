import { Worker } from 'node:worker_threads';
import { fileURLToPath } from 'node:url';
import type { CheckpointLimits } from '../db/checkpoints';
import type { CheckpointDone, CheckpointerData, FromCheckpointer, ToCheckpointer } from '../worker/checkpoint-worker';

export interface CheckpointerOptions {
  file: string;
  nativeBinding?: string;
  /** The thread's entry: worker/checkpoint-entry.mjs from source (it registers tsx), the bundled .cjs in the desktop app. */
  entry?: string;
  limits?: Partial<CheckpointLimits>;
}

const DEFAULT_ENTRY = fileURLToPath(new URL('../worker/checkpoint-entry.mjs', import.meta.url));

/**
 * The thread that checkpoints the WAL for a write connection opened with `wal_autocheckpoint = 0`
 * (db/checkpoints.ts). Until it has opened its connection, and if it never can, the WAL simply
 * grows: every commit is safe in it, and closing the write connection checkpoints.
 */
export class Checkpointer {
  private worker: Worker;
  private listeners = new Set<(done: CheckpointDone) => void>();
  private exited: Promise<void>;
  /** Resolves once the thread's connection is open; rejects with why it could not open. */
  readonly started: Promise<void>;

  constructor(options: CheckpointerOptions) {
    const workerData: CheckpointerData = {
      role: 'desk-erp-checkpointer',
      file: options.file,
      ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
      ...(options.limits ? { limits: options.limits } : {}),
    };
    this.worker = new Worker(options.entry ?? DEFAULT_ENTRY, { workerData });
    this.worker.unref();
    this.exited = new Promise((resolve) => this.worker.once('exit', () => resolve()));
    this.started = new Promise<void>((resolve, reject) => {
      this.worker.on('message', (message: FromCheckpointer) => {
        if (message.type === 'ready') resolve();
        else if (message.type === 'fatal') reject(new Error(message.message));
        else if (message.type === 'checkpointed') {
          const { type: _type, ...done } = message;
          this.listeners.forEach((listener) => listener(done));
        }
      });
      this.worker.once('error', reject);
    });
    // Nobody may be waiting for the start: a failed one must not become an unhandled rejection.
    this.started.catch(() => undefined);
  }

  /** Every checkpoint the thread runs, as SQLite reported it. */
  onCheckpoint(listener: (done: CheckpointDone) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Closes the thread's connection; resolves when the thread has let go of the file. */
  async close(): Promise<void> {
    this.worker.postMessage({ type: 'close' } satisfies ToCheckpointer);
    setTimeout(() => void this.worker.terminate(), 5000).unref();
    await this.exited;
  }
}
