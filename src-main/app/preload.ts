import { contextBridge, ipcRenderer } from 'electron';
import type { ApiEvent, Result } from '../api/result';

// Runs in the sandboxed renderer (bundled to CommonJS): exposes exactly `window.erp = { call, on }`.
// Never the raw ipcRenderer nor an IPC event object (DESIGN §1, STYLE "Electron security baseline").

export interface ErpBridge {
  call(method: string, input: unknown): Promise<Result<unknown>>;
  on(listener: (event: ApiEvent) => void): () => void;
}

type Listener = (event: unknown, payload: unknown) => void;

export interface PreloadIpc {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  on(channel: string, listener: Listener): unknown;
  removeListener(channel: string, listener: Listener): unknown;
}

export function createErpBridge(ipc: PreloadIpc): ErpBridge {
  return {
    call: (method, input) => ipc.invoke('api:call', method, input) as Promise<Result<unknown>>,
    on(listener) {
      if (typeof listener !== 'function') throw new TypeError('erp.on needs a listener function');
      const relay: Listener = (_ipcEvent, payload) => listener(payload as ApiEvent);
      ipc.on('api:event', relay);
      return () => {
        ipc.removeListener('api:event', relay);
      };
    },
  };
}

contextBridge.exposeInMainWorld('erp', createErpBridge(ipcRenderer));
