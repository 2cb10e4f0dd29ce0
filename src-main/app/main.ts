import fs from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { app, BrowserWindow, dialog, ipcMain, Menu, net, protocol, session, shell } from 'electron';
import type { Result } from '../api/result';
import type { BackendWorkerData } from '../worker/backend-worker';
import { BackendClient, forwardEvents, registerApiIpc } from './ipc';
import { pdfFromHtml } from './pdf-window';
import { SAVE_PDF_METHOD, savePageAsPdf } from './print';
import { isMenuLocale, MENU_LABELS, menuLocaleFor, menuTemplate, type MenuLocale } from './menu';
import {
  APP_ENTRY_URL,
  APP_SCHEME,
  APP_SCHEME_PRIVILEGES,
  appProtocolHandler,
  denyAllPermissions,
  lockDownContents,
} from './security';
import { createMainWindow } from './window';

/** Where everything lives: the app's own files (project dir or app.asar) and the user's data. */
export function desktopPaths() {
  const appRoot = app.getAppPath();
  const userData = app.getPath('userData');
  return {
    rendererDir: path.join(appRoot, 'dist', 'renderer'),
    preload: path.join(appRoot, 'dist-electron', 'preload.cjs'),
    worker: path.join(appRoot, 'dist-electron', 'backend-worker.cjs'),
    migrations: path.join(appRoot, 'migrations'),
    database: path.join(userData, 'desk-erp.sqlite'),
    logFile: path.join(userData, 'logs', 'desk-erp.log'),
    windowState: path.join(userData, 'window-state.json'),
    preferences: path.join(userData, 'preferences.json'),
  };
}

/**
 * better-sqlite3 built for this Electron (DESIGN §6, scripts/rebuild-native.mjs); node_modules keeps
 * the Node build for tests and the CLI. Packaged: resources/native/<version>/, dev: build/native/<version>/.
 */
export function electronNativeBinding(): string | undefined {
  const version = process.versions.electron;
  if (!version) return undefined;
  const base = app.isPackaged ? path.join(process.resourcesPath, 'native') : path.join(app.getAppPath(), 'build', 'native');
  const file = path.join(base, version, 'better_sqlite3.node');
  return fs.existsSync(file) ? file : undefined;
}

function appendLog(file: string, line: string): void {
  try {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.appendFileSync(file, `${new Date().toISOString()} main ${line}\n`);
  } catch {
    process.stderr.write(`${line}\n`);
  }
}

function readSavedLocale(file: string): MenuLocale | null {
  try {
    const saved = (JSON.parse(fs.readFileSync(file, 'utf8')) as { locale?: unknown }).locale;
    return isMenuLocale(saved) ? saved : null;
  } catch {
    return null;
  }
}

function saveLocale(file: string, locale: MenuLocale): void {
  try {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, `${JSON.stringify({ locale })}\n`);
  } catch {
    // The menu language falls back to the system's next time; not worth a dialog.
  }
}

/** The UI language as the backend learns it: a locale change, or the signed-in user's saved locale. */
export function localeFromResult(method: string, input: unknown, result: Result<unknown>): MenuLocale | null {
  if (!result.ok) return null;
  if (method === 'auth.setLocale') {
    const locale = (input as { locale?: unknown } | null)?.locale;
    return isMenuLocale(locale) ? locale : null;
  }
  if (method === 'auth.login' || method === 'auth.setup') {
    const locale = (result.data as { locale?: unknown } | null)?.locale;
    return isMenuLocale(locale) ? locale : null;
  }
  return null;
}

function focusWindow(window: BrowserWindow | null): void {
  if (!window || window.isDestroyed()) return;
  if (window.isMinimized()) window.restore();
  window.show();
  window.focus();
}

/** The Electron entry: one instance, hardened session and window, backend on its own thread. */
export function startDesktopApp(): void {
  // Must happen before `ready`; makes app:// a standard, secure origin for the CSP's 'self'.
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { ...APP_SCHEME_PRIVILEGES } }]);
  app.enableSandbox();

  if (!app.requestSingleInstanceLock()) {
    // Another Desk ERP owns the database; it focuses its window on 'second-instance'.
    app.quit();
    return;
  }

  const paths = desktopPaths();
  let mainWindow: BrowserWindow | null = null;
  let backend: BackendClient | null = null;
  let backendClosed = false;
  let locale: MenuLocale = menuLocaleFor(readSavedLocale(paths.preferences), app.getLocale());
  const log = (line: string) => appendLog(paths.logFile, line);

  const fatal = (message: string) => {
    log(`fatal: ${message}`);
    dialog.showErrorBox(MENU_LABELS[locale].startFailed, message);
    backendClosed = true;
    app.exit(1);
  };

  const applyMenu = () => {
    const template = menuTemplate(locale, {
      platform: process.platform,
      developer: !app.isPackaged,
      actions: {
        openDataFolder: () => shell.showItemInFolder(paths.database),
        openLogFolder: () => void shell.openPath(path.dirname(paths.logFile)),
        showAbout: () => app.showAboutPanel(),
      },
    });
    Menu.setApplicationMenu(Menu.buildFromTemplate(template));
  };

  const openWindow = () => {
    mainWindow = createMainWindow({ preload: paths.preload, url: APP_ENTRY_URL, stateFile: paths.windowState });
    mainWindow.on('closed', () => {
      mainWindow = null;
    });
  };

  app.on('second-instance', () => focusWindow(mainWindow));
  // Every webContents, including any a bug might create, gets the same lock-down.
  app.on('web-contents-created', (_event: unknown, contents: Parameters<typeof lockDownContents>[0]) =>
    lockDownContents(contents, (url) => shell.openExternal(url)),
  );
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('activate', () => {
    if (!mainWindow && backend) openWindow();
  });
  app.on('before-quit', (event: { preventDefault(): void }) => {
    if (backendClosed || !backend) return;
    // Let the worker close SQLite cleanly (WAL checkpoint) before the process ends.
    event.preventDefault();
    void backend.close().finally(() => {
      backendClosed = true;
      app.quit();
    });
  });

  void app.whenReady().then(() => {
    app.setAboutPanelOptions({ applicationName: 'Desk ERP', applicationVersion: app.getVersion() });
    denyAllPermissions(session.defaultSession);
    protocol.handle(
      APP_SCHEME,
      appProtocolHandler(paths.rendererDir, (fileUrl) => net.fetch(fileUrl), (file) => fs.existsSync(file)),
    );

    // The worker inherits these; the bundle cannot find migrations/ relative to itself reliably.
    process.env.DESK_ERP_MIGRATIONS_DIR = paths.migrations;
    process.env.DESK_ERP_LOG = paths.logFile;
    const nativeBinding = electronNativeBinding();
    const workerData: BackendWorkerData = {
      role: 'desk-erp-backend',
      file: paths.database,
      ...(nativeBinding ? { nativeBinding } : {}),
    };
    backend = new BackendClient(new Worker(paths.worker, { workerData }), { onFatal: fatal, layOutPdf: (html) => pdfFromHtml(html) });
    forwardEvents(backend, () => mainWindow);
    registerApiIpc({
      ipcMain,
      backend,
      log,
      inMain: { [SAVE_PDF_METHOD]: (event, input) => savePageAsPdf(event.sender, input, app.getPath('documents')) },
      onResult: (method, input, result) => {
        const next = localeFromResult(method, input, result);
        if (!next || next === locale) return;
        locale = next;
        saveLocale(paths.preferences, locale);
        applyMenu();
      },
    });

    applyMenu();
    openWindow();
  }).catch((error: unknown) => fatal(error instanceof Error ? error.message : String(error)));
}

startDesktopApp();
