import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { vi } from 'vitest';

// A stand-in for the `electron` module in unit tests (Electron is not installed where tests run):
// `vi.mock('electron', async () => (await import('./test-electron')).fakeElectron)`. It records what
// the code under test registers, so a test can fire those handlers the way Electron would.
// One object per test file (kept on globalThis), so vi.resetModules() re-imports of this module and the
// mocked 'electron' always share it.

type Listener = (...args: any[]) => unknown;

export class FakeEmitter {
  private readonly listenersByEvent = new Map<string, Listener[]>();

  on(event: string, listener: Listener): this {
    this.listenersByEvent.set(event, [...(this.listenersByEvent.get(event) ?? []), listener]);
    return this;
  }

  once(event: string, listener: Listener): this {
    const wrapped: Listener = (...args) => {
      this.removeListener(event, wrapped);
      return listener(...args);
    };
    return this.on(event, wrapped);
  }

  removeListener(event: string, listener: Listener): this {
    this.listenersByEvent.set(event, (this.listenersByEvent.get(event) ?? []).filter((l) => l !== listener));
    return this;
  }

  emit(event: string, ...args: unknown[]): boolean {
    const listeners = this.listenersByEvent.get(event) ?? [];
    listeners.forEach((listener) => listener(...args));
    return listeners.length > 0;
  }

  listenerCount(event: string): number {
    return this.listenersByEvent.get(event)?.length ?? 0;
  }

  removeAllListeners(): this {
    this.listenersByEvent.clear();
    return this;
  }
}

export class FakeWebContents extends FakeEmitter {
  windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null;
  send = vi.fn();
  /** The bytes a real printToPDF would lay out; a test reads back what was written. */
  printToPDF = vi.fn(async (_options: Record<string, unknown>) => Buffer.from('%PDF-1.4 fake page\n'));
  /** Answers `document.fonts.ready.then(() => true)` the way a loaded page would. */
  executeJavaScript = vi.fn(async (_code: string) => true);
  destroyed = false;
  isDestroyed = () => this.destroyed;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }) {
    this.windowOpenHandler = handler;
  }
}

export class FakeBrowserWindow extends FakeEmitter {
  static instances: FakeBrowserWindow[] = [];
  readonly webContents = new FakeWebContents();
  minimized = false;
  maximized = false;
  bounds = { x: 0, y: 0, width: 0, height: 0 };
  destroyed = false;
  loadURL = vi.fn(async (_url: string) => undefined);
  loadFile = vi.fn(async (_file: string) => undefined);
  destroy = vi.fn(() => {
    this.destroyed = true;
    this.webContents.destroyed = true;
  });
  restore = vi.fn(() => {
    this.minimized = false;
  });
  show = vi.fn();
  focus = vi.fn();
  maximize = vi.fn(() => {
    this.maximized = true;
  });

  constructor(readonly options: Record<string, any>) {
    super();
    this.bounds = { x: options.x ?? 100, y: options.y ?? 100, width: options.width, height: options.height };
    FakeBrowserWindow.instances.push(this);
    // Like Electron: every new webContents is announced on the app.
    fakeElectron.app.emit('web-contents-created', {}, this.webContents);
  }

  static getAllWindows() {
    return FakeBrowserWindow.instances;
  }

  static fromWebContents(contents: unknown) {
    return FakeBrowserWindow.instances.find((window) => window.webContents === contents) ?? null;
  }

  isDestroyed = () => this.destroyed;
  isMinimized = () => this.minimized;
  isMaximized = () => this.maximized;
  getNormalBounds = () => ({ ...this.bounds });
}

function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}

const paths: Record<string, string> = { userData: '/nonexistent/desk-erp-user-data' };

class FakeApp extends FakeEmitter {
  singleInstanceLock = true;
  ready = deferred();
  appPath = '/nonexistent/desk-erp-app';
  locale = 'zh-CN';
  isPackaged = false;
  requestSingleInstanceLock = vi.fn(() => this.singleInstanceLock);
  quit = vi.fn();
  exit = vi.fn();
  whenReady = vi.fn(() => this.ready.promise);
  getPath = vi.fn((name: string) => paths[name] ?? `/nonexistent/${name}`);
  getAppPath = vi.fn(() => this.appPath);
  getLocale = vi.fn(() => this.locale);
  getVersion = vi.fn(() => '0.0.0-test');
  setAboutPanelOptions = vi.fn();
  showAboutPanel = vi.fn();
  enableSandbox = vi.fn();
}

/** A session: permission handlers and the one request filter (`webRequest.onBeforeRequest`) it was given. */
export class FakeSession {
  requestHandler: null | ((...args: any[]) => void) = null;
  checkHandler: null | ((...args: any[]) => boolean) = null;
  beforeRequest: null | ((details: { url: string }, callback: (response: { cancel?: boolean }) => void) => void) = null;
  readonly webRequest = {
    onBeforeRequest: (listener: FakeSession['beforeRequest']) => {
      this.beforeRequest = listener;
    },
  };

  setPermissionRequestHandler(handler: (...args: any[]) => void) {
    this.requestHandler = handler;
  }

  setPermissionCheckHandler(handler: (...args: any[]) => boolean) {
    this.checkHandler = handler;
  }

  /** Whether a request for `url` would go ahead. */
  allows(url: string): boolean {
    let cancel = false;
    this.beforeRequest?.({ url }, (response) => (cancel = response.cancel === true));
    return this.beforeRequest !== null && !cancel;
  }
}

function createFakeElectron() {
  return {
    paths,
    app: new FakeApp(),
    BrowserWindow: FakeBrowserWindow,
    dialog: {
      showErrorBox: vi.fn(),
      // The user closes the save dialog unless a test picks a file.
      showSaveDialog: vi.fn(async (..._args: unknown[]) => ({ canceled: true, filePath: '' })),
    },
    ipcMain: {
      handlers: new Map<string, (...args: any[]) => unknown>(),
      handle(channel: string, handler: (...args: any[]) => unknown) {
        if (this.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
        this.handlers.set(channel, handler);
      },
      removeHandler(channel: string) {
        this.handlers.delete(channel);
      },
    },
    ipcRenderer: { invoke: vi.fn(), on: vi.fn(), removeListener: vi.fn() },
    contextBridge: { exposeInMainWorld: vi.fn() },
    Menu: {
      buildFromTemplate: vi.fn((template: unknown[]) => ({ template })),
      setApplicationMenu: vi.fn(),
    },
    net: {
      // Electron's net.fetch reads file:// URLs; here, straight from disk.
      fetch: vi.fn(async (url: string) => new Response(fs.readFileSync(fileURLToPath(url)), { status: 200 })),
    },
    protocol: {
      handlers: new Map<string, (request: Request) => Promise<Response>>(),
      registerSchemesAsPrivileged: vi.fn(),
      handle(scheme: string, handler: (request: Request) => Promise<Response>) {
        this.handlers.set(scheme, handler);
      },
    },
    session: {
      // Like Electron, a partition's session lives as long as the process.
      partitions: new Map<string, FakeSession>(),
      fromPartition: vi.fn((name: string) => {
        const { partitions } = fakeElectron.session;
        if (!partitions.has(name)) partitions.set(name, new FakeSession());
        return partitions.get(name)!;
      }),
      defaultSession: {
        requestHandler: null as null | ((...args: any[]) => void),
        checkHandler: null as null | ((...args: any[]) => boolean),
        setPermissionRequestHandler(handler: (...args: any[]) => void) {
          this.requestHandler = handler;
        },
        setPermissionCheckHandler(handler: (...args: any[]) => boolean) {
          this.checkHandler = handler;
        },
      },
    },
    shell: { openExternal: vi.fn(async () => undefined), openPath: vi.fn(async () => ''), showItemInFolder: vi.fn() },
    screen: {
      displays: [{ id: 1, bounds: { x: 0, y: 0, width: 1920, height: 1080 }, workArea: { x: 0, y: 0, width: 1920, height: 1040 }, scaleFactor: 1 }],
      getAllDisplays() {
        return this.displays;
      },
      getPrimaryDisplay() {
        return this.displays[0]!;
      },
    },
  };
}

type FakeElectron = ReturnType<typeof createFakeElectron>;
const globals = globalThis as typeof globalThis & { __deskErpFakeElectron?: FakeElectron };
export const fakeElectron: FakeElectron = (globals.__deskErpFakeElectron ??= createFakeElectron());

/** Back to a freshly started Electron: no windows, no handlers, lock available, not ready yet. */
export function resetFakeElectron(options: { userData?: string; appPath?: string } = {}): void {
  const { app } = fakeElectron;
  app.removeAllListeners();
  app.singleInstanceLock = true;
  app.ready = deferred();
  app.appPath = options.appPath ?? '/nonexistent/desk-erp-app';
  app.locale = 'zh-CN';
  app.isPackaged = false;
  fakeElectron.paths.userData = options.userData ?? '/nonexistent/desk-erp-user-data';
  fakeElectron.BrowserWindow.instances = [];
  fakeElectron.ipcMain.handlers.clear();
  fakeElectron.protocol.handlers.clear();
  fakeElectron.session.defaultSession.requestHandler = null;
  fakeElectron.session.defaultSession.checkHandler = null;
  vi.clearAllMocks();
}
