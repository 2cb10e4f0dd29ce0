// The slice of Electron 45's API that src-main/app uses, for machines without the `electron` package
// (Node 20: npm skips the optional package, which needs Node 22.12). tsconfig.json's `paths` resolves
// 'electron' to node_modules/electron when it is there and to this file only when it is not, so the two
// never merge. Signatures are copied from Electron 45's electron.d.ts (permission names widened to string);
// .ci/run typechecks both ways, so a signature that drifts from Electron's fails there.
import type { EventEmitter } from 'node:events';

export type Event<Params extends object = object> = {
  preventDefault: () => void;
  readonly defaultPrevented: boolean;
} & Params;

export interface Rectangle {
  height: number;
  width: number;
  x: number;
  y: number;
}

export interface Display {
  bounds: Rectangle;
  id: number;
  scaleFactor: number;
  workArea: Rectangle;
}

export interface KeyboardEvent {
  altKey?: boolean;
  ctrlKey?: boolean;
  metaKey?: boolean;
  shiftKey?: boolean;
  triggeredByAccelerator?: boolean;
}

export interface WebPreferences {
  contextIsolation?: boolean;
  images?: boolean;
  javascript?: boolean;
  nodeIntegration?: boolean;
  nodeIntegrationInSubFrames?: boolean;
  nodeIntegrationInWorker?: boolean;
  offscreen?: boolean;
  preload?: string;
  sandbox?: boolean;
  session?: Session;
  spellcheck?: boolean;
  webSecurity?: boolean;
  webviewTag?: boolean;
}

export interface BaseWindowConstructorOptions {
  backgroundColor?: string;
  height?: number;
  icon?: string;
  minHeight?: number;
  minWidth?: number;
  show?: boolean;
  title?: string;
  width?: number;
  x?: number;
  y?: number;
}

export interface BrowserWindowConstructorOptions extends BaseWindowConstructorOptions {
  paintWhenInitiallyHidden?: boolean;
  webPreferences?: WebPreferences;
}

export interface HandlerDetails {
  url: string;
  frameName: string;
  features: string;
  disposition: 'default' | 'foreground-tab' | 'background-tab' | 'new-window' | 'other';
}

export interface WindowOpenHandlerResponse {
  action: 'allow' | 'deny';
}

export interface Margins {
  top?: number;
  bottom?: number;
  left?: number;
  right?: number;
}

export interface PrintToPDFOptions {
  landscape?: boolean;
  displayHeaderFooter?: boolean;
  printBackground?: boolean;
  scale?: number;
  pageSize?: string | Size;
  margins?: Margins;
  pageRanges?: string;
  headerTemplate?: string;
  footerTemplate?: string;
  preferCSSPageSize?: boolean;
  generateTaggedPDF?: boolean;
  generateDocumentOutline?: boolean;
}

export interface Size {
  height: number;
  width: number;
}

export class WebContents extends EventEmitter {
  readonly id: number;
  executeJavaScript(code: string, userGesture?: boolean): Promise<any>;
  isDestroyed(): boolean;
  printToPDF(options: PrintToPDFOptions): Promise<Buffer>;
  send(channel: string, ...args: any[]): void;
  setWindowOpenHandler(handler: (details: HandlerDetails) => WindowOpenHandlerResponse): void;
}

export class WebFrameMain extends EventEmitter {
  readonly detached: boolean;
  readonly origin: string;
  readonly url: string;
}

export class BaseWindow extends EventEmitter {
  constructor(options?: BaseWindowConstructorOptions);
  destroy(): void;
  focus(): void;
  getNormalBounds(): Rectangle;
  isDestroyed(): boolean;
  isMaximized(): boolean;
  isMinimized(): boolean;
  maximize(): void;
  restore(): void;
  show(): void;
}

export class BrowserWindow extends BaseWindow {
  constructor(options?: BrowserWindowConstructorOptions);
  static fromWebContents(webContents: WebContents): BrowserWindow | null;
  static getAllWindows(): BrowserWindow[];
  loadFile(filePath: string): Promise<void>;
  loadURL(url: string): Promise<void>;
  webContents: WebContents;
}

export class MenuItem {
  constructor(options: MenuItemConstructorOptions);
  label: string;
}

export interface MenuItemConstructorOptions {
  click?: (menuItem: MenuItem, window: BaseWindow | undefined, event: KeyboardEvent) => void;
  role?:
    | 'undo' | 'redo' | 'cut' | 'copy' | 'paste' | 'pasteAndMatchStyle' | 'delete' | 'selectAll' | 'reload' | 'forceReload'
    | 'toggleDevTools' | 'resetZoom' | 'zoomIn' | 'zoomOut' | 'toggleSpellChecker' | 'togglefullscreen' | 'window' | 'minimize'
    | 'close' | 'help' | 'about' | 'services' | 'hide' | 'hideOthers' | 'unhide' | 'quit' | 'zoom' | 'front' | 'appMenu'
    | 'fileMenu' | 'editMenu' | 'viewMenu' | 'windowMenu';
  type?: 'normal' | 'separator' | 'submenu' | 'checkbox' | 'radio' | 'header' | 'palette';
  label?: string;
  accelerator?: string;
  enabled?: boolean;
  visible?: boolean;
  submenu?: MenuItemConstructorOptions[] | Menu;
}

export class Menu extends EventEmitter {
  static buildFromTemplate(template: Array<MenuItemConstructorOptions | MenuItem>): Menu;
  static setApplicationMenu(menu: Menu | null): void;
  items: MenuItem[];
}

export interface AboutPanelOptionsOptions {
  applicationName?: string;
  applicationVersion?: string;
  copyright?: string;
  version?: string;
}

export interface App extends NodeJS.EventEmitter {
  enableSandbox(): void;
  exit(exitCode?: number): void;
  getAppPath(): string;
  getLocale(): string;
  getPath(
    name:
      | 'home' | 'appData' | 'assets' | 'userData' | 'sessionData' | 'temp' | 'exe' | 'module' | 'desktop' | 'documents'
      | 'downloads' | 'music' | 'pictures' | 'videos' | 'recent' | 'logs' | 'crashDumps',
  ): string;
  getVersion(): string;
  quit(): void;
  requestSingleInstanceLock(additionalData?: Record<any, any>): boolean;
  setAboutPanelOptions(options: AboutPanelOptionsOptions): void;
  showAboutPanel(): void;
  whenReady(): Promise<void>;
  readonly isPackaged: boolean;
}

export interface FileFilter {
  extensions: string[];
  name: string;
}

export interface SaveDialogOptions {
  title?: string;
  defaultPath?: string;
  buttonLabel?: string;
  filters?: FileFilter[];
  message?: string;
  nameFieldLabel?: string;
  showsTagField?: boolean;
  properties?: Array<'showHiddenFiles' | 'createDirectory' | 'treatPackageAsDirectory' | 'showOverwriteConfirmation' | 'dontAddToRecent'>;
  securityScopedBookmarks?: boolean;
}

export interface SaveDialogReturnValue {
  canceled: boolean;
  filePath: string;
  bookmark?: string;
}

export interface Dialog {
  showErrorBox(title: string, content: string): void;
  showSaveDialog(window: BaseWindow, options: SaveDialogOptions): Promise<SaveDialogReturnValue>;
  showSaveDialog(options: SaveDialogOptions): Promise<SaveDialogReturnValue>;
}

export interface IpcMainInvokeEvent extends Event {
  frameId: number;
  processId: number;
  sender: WebContents;
  readonly senderFrame: WebFrameMain | null;
}

export interface IpcMain extends NodeJS.EventEmitter {
  handle(channel: string, listener: (event: IpcMainInvokeEvent, ...args: any[]) => Promise<any> | any): void;
  removeHandler(channel: string): void;
}

export interface IpcRendererEvent extends Event {
  sender: IpcRenderer;
}

export interface IpcRenderer extends NodeJS.EventEmitter {
  invoke(channel: string, ...args: any[]): Promise<any>;
  on(channel: string, listener: (event: IpcRendererEvent, ...args: any[]) => void): this;
  removeListener(channel: string, listener: (event: IpcRendererEvent, ...args: any[]) => void): this;
}

export interface ContextBridge {
  exposeInMainWorld(apiKey: string, api: any): void;
}

export interface Net {
  fetch(input: string | Request, init?: RequestInit & { bypassCustomProtocolHandlers?: boolean }): Promise<Response>;
}

export interface Privileges {
  standard?: boolean;
  secure?: boolean;
  bypassCSP?: boolean;
  allowServiceWorkers?: boolean;
  supportFetchAPI?: boolean;
  corsEnabled?: boolean;
  stream?: boolean;
  codeCache?: boolean;
  allowExtensions?: boolean;
}

export interface CustomScheme {
  privileges?: Privileges;
  scheme: string;
}

export interface Protocol {
  handle(scheme: string, handler: (request: Request) => Response | Promise<Response>): void;
  registerSchemesAsPrivileged(customSchemes: CustomScheme[]): void;
}

export interface OnBeforeRequestListenerDetails {
  id: number;
  url: string;
  method: string;
  resourceType: string;
}

export interface CallbackResponse {
  cancel?: boolean;
  redirectURL?: string;
}

export class WebRequest {
  onBeforeRequest(listener: ((details: OnBeforeRequestListenerDetails, callback: (response: CallbackResponse) => void) => void) | null): void;
}

export class Session extends EventEmitter {
  static defaultSession: Session;
  static fromPartition(partition: string): Session;
  readonly webRequest: WebRequest;
  setPermissionCheckHandler(
    handler: ((webContents: WebContents | null, permission: string, requestingOrigin: string, details: unknown) => boolean) | null,
  ): void;
  setPermissionRequestHandler(
    handler: ((webContents: WebContents, permission: string, callback: (permissionGranted: boolean) => void, details: unknown) => void) | null,
  ): void;
}

export interface OpenExternalOptions {
  activate?: boolean;
  workingDirectory?: string;
}

export interface Shell {
  openExternal(url: string, options?: OpenExternalOptions): Promise<void>;
  openPath(path: string): Promise<string>;
  showItemInFolder(fullPath: string): void;
}

export interface Screen extends NodeJS.EventEmitter {
  getAllDisplays(): Display[];
  getPrimaryDisplay(): Display;
}

export const app: App;
export const contextBridge: ContextBridge;
export const dialog: Dialog;
export const ipcMain: IpcMain;
export const ipcRenderer: IpcRenderer;
export const net: Net;
export const protocol: Protocol;
export const screen: Screen;
export const session: typeof Session;
export const shell: Shell;

declare global {
  namespace NodeJS {
    interface Process {
      /** Electron: the packaged app's resources folder. */
      readonly resourcesPath: string;
    }
  }
}
