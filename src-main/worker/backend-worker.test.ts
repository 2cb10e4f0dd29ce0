import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { testBackend } from '../db/test-db';
import type { RunningBackend } from '../backend/backend';
import { serveBackend, type FromWorker, type ToWorker, type WorkerPort } from './backend-worker';

/** The worker's side of a MessagePort, driven by the test as main would drive it. */
function fakePort() {
  const sent: FromWorker[] = [];
  const moved: ArrayBuffer[][] = [];
  let listener: ((message: ToWorker) => void) | null = null;
  const port: WorkerPort = {
    postMessage: (message, transfer) => {
      sent.push(message);
      if (transfer?.length) moved.push(transfer);
    },
    on: (_event, l) => (listener = l),
    close: () => undefined,
  };
  let nextId = 1;
  const call = async (method: string, input: unknown) => {
    const id = nextId++;
    listener!({ type: 'call', id, method, input });
    // A restore starts the reader thread again, which from source (TypeScript) takes seconds on a busy machine.
    for (const deadline = Date.now() + 20_000; Date.now() < deadline; ) {
      const reply = sent.find((m): m is Extract<FromWorker, { type: 'result' }> => m.type === 'result' && m.id === id);
      if (reply) return reply.result;
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    throw new Error(`no answer to ${method}`);
  };
  return { port, sent, moved, call, close: () => listener!({ type: 'close' }) };
}

describe('the desktop window’s backend worker', () => {
  it('signs the window out at once when its user’s rights change, and relays only what the user may read', async () => {
    let backend!: RunningBackend;
    const window = fakePort();
    serveBackend(window.port, { role: 'desk-erp-backend', file: ':memory:' }, () => (backend = testBackend()));
    const setup = await window.call('auth.setup', { companyName: '博雅', ownerUsername: 'boss', ownerDisplayName: '老板', password: 'secret-123' });
    expect(setup.ok).toBe(true);
    const owner = setup.ok ? (setup.data as { id: string }) : null;

    const before = window.sent.length;
    // A job's progress meant for another session is not relayed; a change the user can read is.
    backend.emit({ kind: 'progress', jobId: 'someone-else', done: 1, total: 2 }, { user: null });
    backend.emit({ kind: 'data.changed', areas: ['customers'] });
    expect(window.sent.slice(before)).toEqual([{ type: 'event', event: { kind: 'data.changed', areas: ['customers'] } }]);

    backend.revokeSessions(owner!.id, null);
    expect(window.sent).toContainEqual({ type: 'event', event: { kind: 'session.ended', reason: 'revoked' } });
    expect(await window.call('customers.list', {})).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    window.close();
  });

  it('moves a file answer’s bytes to main instead of copying them, and only memory that is the file’s alone', async () => {
    const window = fakePort();
    serveBackend(window.port, { role: 'desk-erp-backend', file: ':memory:' }, () => testBackend());
    expect((await window.call('auth.setup', { companyName: '博雅', ownerUsername: 'boss', ownerDisplayName: '老板', password: 'secret-123' })).ok).toBe(true);
    const file = await window.call('exports.customers', { format: 'csv', language: 'zh-CN' });
    const content = file.ok ? (file.data as { content: Uint8Array }).content : new Uint8Array();
    expect(new TextDecoder().decode(content)).toContain('客户编码');
    // A small CSV is a slice of Node's shared buffer pool: it is copied into memory of its own, which is moved.
    expect(window.moved).toEqual([[content.buffer]]);
    expect(content.byteOffset).toBe(0);
    expect(content.buffer.byteLength).toBe(content.byteLength);
    await window.call('customers.list', {});
    expect(window.moved).toHaveLength(1); // a JSON answer moves nothing
    window.close();
  });

  it('restores a backup in place: the database is closed, replaced and opened again, and the window stays signed in', async () => {
    const dbFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'desk-erp-worker-')), 'desk-erp.sqlite');
    const window = fakePort();
    serveBackend(window.port, { role: 'desk-erp-backend', file: dbFile });
    expect((await window.call('auth.setup', { companyName: '备份时的公司', ownerUsername: 'boss', ownerDisplayName: '老板', password: 'secret-123' })).ok).toBe(true);
    const made = await window.call('backup.create', {});
    await window.call('settings.update', { companyName: '恢复前的公司' });
    const restored = await window.call('backup.restore', { name: made.ok ? (made.data as { name: string }).name : '' });
    expect(restored).toMatchObject({ ok: true, data: { previous: expect.stringMatching(/^desk-erp\.before-restore\./) } });
    expect(await window.call('settings.get', {})).toMatchObject({ ok: true, data: { companyName: '备份时的公司' } });
    expect(window.sent).not.toContainEqual({ type: 'event', event: { kind: 'session.ended', reason: 'revoked' } });
    window.close();
  });
});
