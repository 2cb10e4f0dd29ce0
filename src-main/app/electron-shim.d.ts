// The slice of Electron 37's API that src-main/app uses, so `tsc` passes where the optional `electron`
// package is absent (its binary download fails offline and npm drops it). Signatures follow Electron 37's
// electron.d.ts. Where electron is installed, its own declarations are loaded too; with skipLibCheck
// (tsconfig.json) the two merge silently and these narrower ones win.
declare module 'electron' {
  import type { EventEmitter } from 'node:events';

  export interface Rectangle {
    x: number;
    y: number;
    width: number;
    height: number;
  }

  export interface Display {
    id: number;
    bounds: Rectangle;
    workArea: Rectangle;
    scaleFactor: number;
  }

  export interface Event {
    preventDefault(): void;
    readonly defaultPrevented: boolean;
  }

  export interface WebFrameMain {
    readonly url: string;
    readonly origin: string;
    readonly detached: boolean;
  }

  export interface HandlerDetails {
    url: string;
    frameName: string;
    features: string;
    disposition: 'default' | 'foreground-tab' | 'background-tab' | 'new-window' | 'other';
  }

  export type WindowOpenHandlerResponse = { action: 'deny' } | { action: 'allow' };

  export interface WebContents extends EventEmitter {
    readonly id: number;
    send(channel: string, ...args: unknown[]): void;
    isDestroyed(): boolean;
    setWindowOpenHandler(handler: (details: HandlerDetails) => WindowOpenHandlerResponse): void;
    on(event: 'will-navigate' | 'will-redirect', listener: (event: Event, url: string) => void): this;
    on(event: 'will-attach-webview', listener: (event: Event, webPreferences: WebPreferences, params: Record<string, string>) => void): this;
    on(event: string, listener: (...args: any[]) => void): this;
  }

  export interface WebPreferences {
    preload?: string;
    sandbox?: boolean;
    contextIsolation?: boolean;
    nodeIntegration?: boolean;
    nodeIntegrationInWorker?: boolean;
    nodeIntegrationInSubFrames?: boolean;
    webviewTag?: boolean;
    spellcheck?: boolean;
    webSecurity?: boolean;
  }

  export interface BrowserWindowConstructorOptions {
    x?: number;
    y?: number;
    width?: number;
    height?: number;
    minWidth?: number;
    minHeight?: number;
    show?: boolean;
    title?: string;
    backgroundColor?: string;
    icon?: string;
    webPreferences?: WebPreferences;
  }

  export class BrowserWindow extends EventEmitter {
    constructor(options?: BrowserWindowConstructorOptions);
    static getAllWindows(): BrowserWindow[];
    readonly webContents: WebContents;
    loadURL(url: string): Promise<void>;
    isDestroyed(): boolean;
    isMinimized(): boolean;
    isMaximized(): boolean;
    restore(): void;
    show(): void;
    focus(): void;
    maximize(): void;
    getNormalBounds(): Rectangle;
  }

  export interface PermissionRequestHandler {
    (webContents: WebContents, permission: string, callback: (permissionGranted: boolean) => void, details: unknown): void;
  }

  export interface Session {
    setPermissionRequestHandler(handler: PermissionRequestHandler | null): void;
    setPermissionCheckHandler(handler: ((webContents: WebContents | null, permission: string, requestingOrigin: string, details: unknown) => boolean) | null): void;
  }

  export const session: { readonly defaultSession: Session };

  export interface CustomScheme {
    scheme: string;
    privileges?: {
      standard?: boolean;
      secure?: boolean;
      bypassCSP?: boolean;
      allowServiceWorkers?: boolean;
      supportFetchAPI?: boolean;
      corsEnabled?: boolean;
      stream?: boolean;
      codeCache?: boolean;
    };
  }

  export const protocol: {
    registerSchemesAsPrivileged(customSchemes: CustomScheme[]): void;
    handle(scheme: string, handler: (request: Request) => Response | Promise<Response>): void;
  };

  export const net: {
    fetch(input: string | Request, init?: RequestInit & { bypassCustomProtocolHandlers?: boolean }): Promise<Response>;
  };

  export const shell: {
    openExternal(url: string, options?: { activate?: boolean }): Promise<void>;
    openPath(path: string): Promise<string>;
    showItemInFolder(fullPath: string): void;
  };

  export interface IpcMainInvokeEvent extends Event {
    readonly sender: WebContents;
    readonly senderFrame: WebFrameMain | null;
  }

  export const ipcMain: {
    handle(channel: string, listener: (event: IpcMainInvokeEvent, ...args: any[]) => Promise<unknown> | unknown): void;
    removeHandler(channel: string): void;
  };

  export interface IpcRendererEvent extends Event {
    readonly sender: unknown;
  }

  export const ipcRenderer: {
    invoke(channel: string, ...args: unknown[]): Promise<any>;
    on(channel: string, listener: (event: IpcRendererEvent, ...args: any[]) => void): unknown;
    removeListener(channel: string, listener: (...args: any[]) => void): unknown;
  };

  export const contextBridge: {
    exposeInMainWorld(apiKey: string, api: unknown): void;
  };

  export interface MenuItemConstructorOptions {
    label?: string;
    role?:
      | 'undo' | 'redo' | 'cut' | 'copy' | 'paste' | 'pasteAndMatchStyle' | 'delete' | 'selectAll'
      | 'reload' | 'forceReload' | 'toggleDevTools' | 'resetZoom' | 'zoomIn' | 'zoomOut' | 'togglefullscreen'
      | 'window' | 'minimize' | 'close' | 'help' | 'about' | 'services' | 'hide' | 'hideOthers' | 'unhide'
      | 'quit' | 'zoom' | 'front' | 'appMenu' | 'fileMenu' | 'editMenu' | 'viewMenu' | 'windowMenu';
    type?: 'normal' | 'separator' | 'submenu' | 'checkbox' | 'radio';
    accelerator?: string;
    click?: () => void;
    submenu?: MenuItemConstructorOptions[];
  }

  export class Menu {
    static buildFromTemplate(template: MenuItemConstructorOptions[]): Menu;
    static setApplicationMenu(menu: Menu | null): void;
  }

  export const dialog: {
    showErrorBox(title: string, content: string): void;
  };

  export const screen: {
    getAllDisplays(): Display[];
    getPrimaryDisplay(): Display;
  };

  export interface App extends EventEmitter {
    readonly isPackaged: boolean;
    requestSingleInstanceLock(additionalData?: Record<any, any>): boolean;
    quit(): void;
    exit(exitCode?: number): void;
    whenReady(): Promise<void>;
    getPath(name: 'userData' | 'logs' | 'home' | 'appData' | 'temp'): string;
    getAppPath(): string;
    getLocale(): string;
    getVersion(): string;
    setAboutPanelOptions(options: { applicationName?: string; applicationVersion?: string; copyright?: string }): void;
    showAboutPanel(): void;
    enableSandbox(): void;
  }

  export const app: App;

  global {
    namespace NodeJS {
      interface Process {
        /** Electron: the packaged app's resources folder. */
        readonly resourcesPath: string;
      }
    }
  }
}
