import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { MessageChannel, type MessagePort } from 'node:worker_threads';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { IpcMainInvokeEvent } from 'electron';
import type { Result } from '../api/result';
import { serveBackend, type WorkerPort } from '../worker/backend-worker';
import { BackendClient, forwardEvents, registerApiIpc, type BackendThread } from './ipc';

// The real relay without Electron: BackendClient ⇄ MessageChannel ⇄ serveBackend (the worker's code) on a
// real database. Only ipcMain and the window are stand-ins.

const TRUSTED = { url: 'app://desk-erp/index.html#/' };
const SETUP = {
  companyName: '杭州青禾贸易有限公司',
  ownerUsername: 'owner',
  ownerDisplayName: '王芳',
  password: 'correct horse battery',
  locale: 'en',
};

const opened: MessagePort[] = [];
const dirs: string[] = [];
afterEach(() => {
  opened.splice(0).forEach((port) => port.close());
  dirs.splice(0).forEach((dir) => fs.rmSync(dir, { recursive: true, force: true }));
});

/** A MessagePort dressed as the Worker that BackendClient talks to. */
function threadOver(port: MessagePort): BackendThread {
  const thread = {
    postMessage: (message: unknown) => port.postMessage(message),
    on(event: string, listener: (arg: any) => void) {
      if (event === 'message') port.on('message', listener);
      if (event === 'exit') port.on('close', () => listener(0));
      return thread;
    },
  };
  return thread as BackendThread;
}

function startRelay(file = ':memory:') {
  const { port1, port2 } = new MessageChannel();
  opened.push(port1, port2);
  const onFatal = vi.fn();
  const client = new BackendClient(threadOver(port1), { onFatal });
  serveBackend(port2 as unknown as WorkerPort, { role: 'desk-erp-backend', file });
  const handlers = new Map<string, (event: IpcMainInvokeEvent, ...args: unknown[]) => unknown>();
  const onResult = vi.fn();
  const log = vi.fn();
  const call = vi.spyOn(client, 'call');
  registerApiIpc({
    ipcMain: { handle: (channel, handler) => handlers.set(channel, handler), removeHandler: (channel) => handlers.delete(channel) },
    backend: client,
    onResult,
    log,
  });
  const window = { isDestroyed: () => false, webContents: { isDestroyed: () => false, send: vi.fn() } };
  forwardEvents(client, () => window);
  const invoke = (frame: { url: string } | null, method: unknown, input?: unknown) =>
    handlers.get('api:call')!({ senderFrame: frame } as IpcMainInvokeEvent, method, input) as Promise<Result<unknown>>;
  return { client, invoke, window, onFatal, onResult, log, call };
}

describe('api:call over IPC', () => {
  it('answers our own page with the backend result', async () => {
    const { invoke } = startRelay();
    await expect(invoke(TRUSTED, 'auth.status', {})).resolves.toEqual({
      ok: true,
      data: { setupRequired: true, companyName: null, user: null, permissions: [] },
    });
  });

  it.each([{ url: 'https://evil.example/' }, { url: 'file:///tmp/index.html' }, { url: 'app://other/index.html' }, null])(
    'refuses a call from %j without reaching the backend',
    async (frame) => {
      const { invoke, call, log } = startRelay();
      const result = await invoke(frame, 'auth.status', {});
      expect(result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      expect(call).not.toHaveBeenCalled();
      expect(log).toHaveBeenCalled();
    },
  );

  it('refuses a method that is not a string', async () => {
    const { invoke, call } = startRelay();
    for (const method of [42, null, { toString: () => 'auth.status' }, '', 'x'.repeat(101)]) {
      expect(await invoke(TRUSTED, method)).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    }
    expect(call).not.toHaveBeenCalled();
  });

  it('passes backend errors through as envelopes', async () => {
    const { invoke } = startRelay();
    expect(await invoke(TRUSTED, 'no.such')).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await invoke(TRUSTED, 'users.list', {})).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
  });

  it('keeps the window signed in after setup, and pushes data.changed to the window', async () => {
    const { invoke, window, onResult } = startRelay();
    const setup = await invoke(TRUSTED, 'auth.setup', SETUP);
    expect(setup).toMatchObject({ ok: true, data: { username: 'owner', role: 'owner', locale: 'en' } });
    const status = await invoke(TRUSTED, 'auth.status', {});
    expect(status).toMatchObject({ ok: true, data: { setupRequired: false, user: { username: 'owner' } } });
    expect(window.webContents.send).toHaveBeenCalledWith('api:event', expect.objectContaining({ kind: 'data.changed' }));
    expect(onResult).toHaveBeenCalledWith('auth.setup', SETUP, setup);
  });

  it('answers concurrent calls each with its own result', async () => {
    const { invoke } = startRelay();
    const [a, b, c] = await Promise.all([invoke(TRUSTED, 'auth.status', {}), invoke(TRUSTED, 'no.such'), invoke(TRUSTED, 'auth.status', { extra: 1 })]);
    expect(a).toMatchObject({ ok: true });
    expect(b).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(c).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });

  it('closes the backend on request and answers later calls with a plain error', async () => {
    const { client, invoke, onFatal } = startRelay();
    await client.close();
    expect(await invoke(TRUSTED, 'auth.status', {})).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(onFatal).not.toHaveBeenCalled();
  });
});

describe('a backend that cannot start', () => {
  it('reports the reason (a database from a newer version) instead of answering', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'desk-erp-ipc-'));
    dirs.push(dir);
    const file = path.join(dir, 'desk-erp.sqlite');
    const sqlite = new BetterSqlite3(file);
    sqlite.exec('CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL) STRICT');
    sqlite.prepare('INSERT INTO schema_migrations VALUES (999, ?, ?)').run('from_the_future', new Date().toISOString());
    sqlite.close();

    const { onFatal, invoke } = startRelay(file);
    await vi.waitFor(() => expect(onFatal).toHaveBeenCalled());
    expect(onFatal.mock.calls[0]![0]).toMatch(/newer version of Desk ERP/);
    expect(await invoke(TRUSTED, 'auth.status', {})).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
  });
});
