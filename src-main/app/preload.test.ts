import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import type { ErpBridge } from './preload';
import { fakeElectron } from './test-electron';

vi.mock('electron', async () => (await import('./test-electron')).fakeElectron);

/** ipcRenderer as the renderer sees it: invoke() round-trips, on() gets (IpcRendererEvent, payload). */
class FakeIpcRenderer extends EventEmitter {
  invoke = vi.fn(async (_channel: string, method: string, input: unknown) => ({ ok: true, data: { method, input } }));
}

async function loadPreload(): Promise<{ bridge: ErpBridge; exposed: [string, unknown][]; ipc: FakeIpcRenderer }> {
  // Re-runs the preload; the mocked 'electron' (and so fakeElectron) stays the same across resets.
  vi.resetModules();
  const ipc = new FakeIpcRenderer();
  Object.assign(fakeElectron.ipcRenderer, {
    invoke: ipc.invoke,
    on: ipc.on.bind(ipc),
    removeListener: ipc.removeListener.bind(ipc),
  });
  fakeElectron.contextBridge.exposeInMainWorld.mockClear();
  await import('./preload');
  const exposed = fakeElectron.contextBridge.exposeInMainWorld.mock.calls as unknown as [string, unknown][];
  return { bridge: exposed[0]![1] as ErpBridge, exposed, ipc };
}

describe('preload', () => {
  it('exposes exactly window.erp with call and on, nothing else', async () => {
    const { exposed, bridge } = await loadPreload();
    expect(exposed).toHaveLength(1);
    expect(exposed[0]![0]).toBe('erp');
    expect(Object.keys(bridge).sort()).toEqual(['call', 'on']);
    expect(typeof bridge.call).toBe('function');
    expect(typeof bridge.on).toBe('function');
  });

  it('sends calls over api:call and returns the envelope', async () => {
    const { bridge, ipc } = await loadPreload();
    await expect(bridge.call('customers.list', { page: 1 })).resolves.toEqual({ ok: true, data: { method: 'customers.list', input: { page: 1 } } });
    expect(ipc.invoke).toHaveBeenCalledWith('api:call', 'customers.list', { page: 1 });
  });

  it('hands listeners the event payload only, never the IPC event, and unsubscribes', async () => {
    const { bridge, ipc } = await loadPreload();
    const listener = vi.fn();
    const unsubscribe = bridge.on(listener);
    const ipcEvent = { sender: { send: vi.fn() }, ports: [] };
    ipc.emit('api:event', ipcEvent, { kind: 'data.changed', areas: ['customers'] });
    expect(listener).toHaveBeenCalledTimes(1);
    expect(listener.mock.calls[0]).toEqual([{ kind: 'data.changed', areas: ['customers'] }]);
    unsubscribe();
    ipc.emit('api:event', ipcEvent, { kind: 'data.changed', areas: ['orders'] });
    expect(listener).toHaveBeenCalledTimes(1);
    expect(ipc.listenerCount('api:event')).toBe(0);
  });

  it('listens on api:event only', async () => {
    const { bridge, ipc } = await loadPreload();
    bridge.on(() => undefined);
    expect(ipc.eventNames()).toEqual(['api:event']);
  });
});
