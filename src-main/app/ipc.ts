import type { IpcMainInvokeEvent } from 'electron';
import type { ApiEvent, Result } from '../api/result';
import type { FromWorker, ToWorker } from '../worker/backend-worker';
import { isTrustedSender } from './security';

export const CALL_CHANNEL = 'api:call';
export const EVENT_CHANNEL = 'api:event';

const MAX_METHOD_LENGTH = 100;

/** What main needs from a worker_threads Worker (a MessagePort in tests). */
export interface BackendThread {
  postMessage(message: ToWorker): void;
  on(event: 'message', listener: (message: FromWorker) => void): unknown;
  on(event: 'error', listener: (error: Error) => void): unknown;
  on(event: 'exit', listener: (code: number) => void): unknown;
  terminate?(): Promise<number>;
}

export interface BackendClientHandlers {
  /** The backend could not start (e.g. a database from a newer version) or its thread died. */
  onFatal(message: string): void;
  /** Lays out the PDFs the backend asks for (a dunning e-mail's statement): only main can, with printToPDF. */
  layOutPdf?(html: string): Promise<Buffer>;
}

const STOPPED: Result<unknown> = {
  ok: false,
  error: { code: 'INTERNAL', message: 'The Desk ERP backend has stopped; restart Desk ERP. The details are in the log file.' },
};

/** Main's side of the backend thread: numbered requests, results matched back by id, events fanned out. */
export class BackendClient {
  private nextId = 1;
  private readonly pending = new Map<number, (result: Result<unknown>) => void>();
  private readonly listeners = new Set<(event: ApiEvent) => void>();
  private stopped = false;
  private closing: Promise<void> | null = null;
  private resolveClosed: (() => void) | null = null;

  constructor(
    private readonly thread: BackendThread,
    private readonly handlers: BackendClientHandlers,
  ) {
    thread.on('message', (message) => this.receive(message));
    thread.on('error', (error) => this.stop(`The Desk ERP backend failed: ${error.message}`));
    thread.on('exit', (code) => this.stop(code === 0 ? null : `The Desk ERP backend stopped unexpectedly (exit code ${code}).`));
  }

  call(method: string, input: unknown): Promise<Result<unknown>> {
    if (this.stopped || this.closing) return Promise.resolve(STOPPED);
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.pending.set(id, resolve);
      this.thread.postMessage({ type: 'call', id, method, input });
    });
  }

  onEvent(listener: (event: ApiEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Lets the worker close the database (WAL checkpoint) before the app exits; gives up after `timeoutMs`. */
  close(timeoutMs = 5000): Promise<void> {
    if (this.stopped) return Promise.resolve();
    if (!this.closing) {
      this.closing = new Promise<void>((resolve) => {
        const timer = setTimeout(() => {
          void this.thread.terminate?.();
          resolve();
        }, timeoutMs);
        timer.unref?.();
        this.resolveClosed = () => {
          clearTimeout(timer);
          resolve();
        };
        this.thread.postMessage({ type: 'close' });
      });
    }
    return this.closing;
  }

  private receive(message: FromWorker): void {
    switch (message.type) {
      case 'result': {
        const resolve = this.pending.get(message.id);
        this.pending.delete(message.id);
        resolve?.(message.result);
        break;
      }
      case 'event':
        this.listeners.forEach((listener) => listener(message.event));
        break;
      case 'fatal':
        this.stop(message.message);
        break;
      case 'closed':
        this.stop(null);
        break;
      case 'pdf':
        void this.answerPdf(message.id, message.html);
        break;
      case 'ready':
        break;
    }
  }

  private async answerPdf(id: number, html: string): Promise<void> {
    let answer: ToWorker;
    try {
      if (!this.handlers.layOutPdf) throw new Error('This window cannot lay out PDFs');
      answer = { type: 'pdf', id, pdf: await this.handlers.layOutPdf(html) };
    } catch (error) {
      answer = { type: 'pdf', id, error: error instanceof Error ? error.message : String(error) };
    }
    if (!this.stopped) this.thread.postMessage(answer);
  }

  private stop(fatal: string | null): void {
    if (this.stopped) return;
    this.stopped = true;
    for (const resolve of this.pending.values()) resolve(STOPPED);
    this.pending.clear();
    this.resolveClosed?.();
    // A stop we asked for is not an error.
    if (fatal && !this.closing) this.handlers.onFatal(fatal);
  }
}

export interface IpcMainLike {
  handle(channel: string, listener: (event: IpcMainInvokeEvent, ...args: unknown[]) => Promise<unknown> | unknown): void;
  removeHandler(channel: string): void;
}

export interface ApiIpcOptions {
  ipcMain: IpcMainLike;
  backend: Pick<BackendClient, 'call'>;
  /** Sees every successful call (main follows the UI language from auth.* results). */
  onResult?(method: string, input: unknown, result: Result<unknown>): void;
  /** Where refused calls are logged. */
  log?(line: string): void;
  /** Methods main answers itself (`app.savePdf`): they need the calling window, which the backend thread never sees. */
  inMain?: Readonly<Record<string, (event: IpcMainInvokeEvent, input: unknown) => Promise<Result<unknown>>>>;
}

/**
 * The one IPC entry (DESIGN §1): `api:call` from our own page only, forwarded to the backend thread.
 * Returns a function that removes the handler.
 */
export function registerApiIpc(options: ApiIpcOptions): () => void {
  options.ipcMain.handle(CALL_CHANNEL, async (event, method, input) => {
    if (!isTrustedSender(event.senderFrame)) {
      options.log?.(`refused ${CALL_CHANNEL} from ${event.senderFrame?.url ?? '(no frame)'}`);
      return { ok: false, error: { code: 'FORBIDDEN', message: 'This page may not call Desk ERP.' } } satisfies Result<unknown>;
    }
    if (typeof method !== 'string' || method.length === 0 || method.length > MAX_METHOD_LENGTH) {
      return { ok: false, error: { code: 'VALIDATION', message: 'The method name must be a string such as "customers.list".' } } satisfies Result<unknown>;
    }
    if (options.inMain && Object.hasOwn(options.inMain, method)) return options.inMain[method]!(event, input);
    const result = await options.backend.call(method, input);
    if (result.ok) options.onResult?.(method, input, result);
    return result;
  });
  return () => options.ipcMain.removeHandler(CALL_CHANNEL);
}

export interface EventWindow {
  webContents: { isDestroyed(): boolean; send(channel: string, ...args: unknown[]): void };
  isDestroyed(): boolean;
}

/** Backend events go to the window as plain objects on `api:event`. */
export function forwardEvents(backend: Pick<BackendClient, 'onEvent'>, target: () => EventWindow | null): () => void {
  return backend.onEvent((event) => {
    const window = target();
    if (window && !window.isDestroyed() && !window.webContents.isDestroyed()) window.webContents.send(EVENT_CHANNEL, event);
  });
}
