import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import BetterSqlite3 from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { IpcMainInvokeEvent } from 'electron';
import { fakeElectron, resetFakeElectron, type FakeBrowserWindow } from './test-electron';

vi.mock('electron', async () => (await import('./test-electron')).fakeElectron);

// main.ts end to end with Electron faked: the real bundles from scripts/build-electron.mjs, a real backend
// worker thread and a real database in a temporary user-data folder.

const projectRoot = fileURLToPath(new URL('../..', import.meta.url));
const savedEnv = { migrations: process.env.DESK_ERP_MIGRATIONS_DIR, log: process.env.DESK_ERP_LOG };
let appRoot: string;
let startDesktopApp: () => void;

beforeAll(async () => {
  appRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'desk-erp-app-'));
  execFileSync(process.execPath, [path.join(projectRoot, 'scripts', 'build-electron.mjs'), '--outdir', path.join(appRoot, 'dist-electron')], {
    stdio: 'pipe',
  });
  // The worker bundle requires better-sqlite3 from node_modules, as it does in the packaged app.
  fs.symlinkSync(path.join(projectRoot, 'node_modules'), path.join(appRoot, 'node_modules'), 'junction');
  fs.symlinkSync(path.join(projectRoot, 'migrations'), path.join(appRoot, 'migrations'), 'junction');
  fs.mkdirSync(path.join(appRoot, 'dist', 'renderer'), { recursive: true });
  fs.writeFileSync(path.join(appRoot, 'dist', 'renderer', 'index.html'), '<!doctype html><title>Desk ERP</title>');
  fs.writeFileSync(path.join(appRoot, 'secret.txt'), 'outside the renderer');
  resetFakeElectron();
  ({ startDesktopApp } = await import('./main'));
}, 60_000);

afterAll(() => {
  fs.rmSync(appRoot, { recursive: true, force: true });
  process.env.DESK_ERP_MIGRATIONS_DIR = savedEnv.migrations;
  process.env.DESK_ERP_LOG = savedEnv.log;
  if (savedEnv.migrations === undefined) delete process.env.DESK_ERP_MIGRATIONS_DIR;
  if (savedEnv.log === undefined) delete process.env.DESK_ERP_LOG;
});

function newUserData(): string {
  return fs.mkdtempSync(path.join(appRoot, 'user-data-'));
}

describe('single instance', () => {
  it('asks for the lock and quits at once when another Desk ERP holds it', () => {
    resetFakeElectron();
    fakeElectron.app.singleInstanceLock = false;
    startDesktopApp();
    expect(fakeElectron.app.requestSingleInstanceLock).toHaveBeenCalled();
    expect(fakeElectron.app.quit).toHaveBeenCalled();
    expect(fakeElectron.app.whenReady).not.toHaveBeenCalled();
    expect(fakeElectron.app.listenerCount('second-instance')).toBe(0);
  });
});

describe('the desktop app, started', () => {
  let window: FakeBrowserWindow;
  let userData: string;
  const call = (frame: { url: string } | null, method: unknown, input?: unknown) =>
    fakeElectron.ipcMain.handlers.get('api:call')!({ senderFrame: frame } as IpcMainInvokeEvent, method, input) as Promise<unknown>;
  const trusted = { url: 'app://desk-erp/index.html' };

  beforeAll(async () => {
    userData = newUserData();
    resetFakeElectron({ appPath: appRoot, userData });
    startDesktopApp();
    fakeElectron.app.ready.resolve();
    await vi.waitFor(() => expect(fakeElectron.BrowserWindow.instances).toHaveLength(1));
    window = fakeElectron.BrowserWindow.instances[0]!;
  });

  it('registers app:// as a privileged standard, secure scheme and sandboxes every renderer', () => {
    expect(fakeElectron.protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([
      { scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true }) },
    ]);
    expect(fakeElectron.app.enableSandbox).toHaveBeenCalled();
  });

  it('opens one hardened window on app://desk-erp/index.html', () => {
    expect(window.loadURL).toHaveBeenCalledWith('app://desk-erp/index.html');
    expect(window.options.webPreferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false });
    expect(window.options.webPreferences.preload).toBe(path.join(appRoot, 'dist-electron', 'preload.cjs'));
    expect(window.options.webPreferences).not.toHaveProperty('webSecurity');
  });

  it('denies every permission the page asks for', () => {
    const { requestHandler, checkHandler } = fakeElectron.session.defaultSession;
    const callback = vi.fn();
    requestHandler!(window.webContents, 'media', callback, {});
    expect(callback).toHaveBeenCalledWith(false);
    expect(checkHandler!(window.webContents, 'clipboard-read', 'app://desk-erp', {})).toBe(false);
  });

  it('keeps the window on the app: no navigation, redirects, webviews or new windows', () => {
    for (const event of ['will-navigate', 'will-redirect', 'will-attach-webview']) {
      const preventDefault = vi.fn();
      window.webContents.emit(event, { preventDefault }, 'https://evil.example/');
      expect(preventDefault).toHaveBeenCalled();
    }
    expect(window.webContents.windowOpenHandler!({ url: 'https://help.example.com/' })).toEqual({ action: 'deny' });
    expect(window.webContents.windowOpenHandler!({ url: 'javascript:alert(1)' })).toEqual({ action: 'deny' });
    expect(window.webContents.windowOpenHandler!({ url: 'file:///etc/passwd' })).toEqual({ action: 'deny' });
    expect(fakeElectron.shell.openExternal).toHaveBeenCalledTimes(1);
    expect(fakeElectron.shell.openExternal).toHaveBeenCalledWith('https://help.example.com/');
  });

  it('serves the renderer over app:// with the CSP and refuses paths outside it', async () => {
    const handle = fakeElectron.protocol.handlers.get('app')!;
    const page = await handle(new Request('app://desk-erp/index.html'));
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    const escape = await handle(new Request('app://desk-erp/..%2f..%2fsecret.txt'));
    expect(escape.status).toBe(404);
    expect(await escape.text()).not.toContain('outside the renderer');
  });

  it('relays calls from the page to the backend worker and refuses other frames', async () => {
    await expect(call(trusted, 'auth.status', {})).resolves.toMatchObject({ ok: true, data: { setupRequired: true } });
    await expect(call({ url: 'https://evil.example/' }, 'auth.status', {})).resolves.toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(fs.existsSync(path.join(userData, 'desk-erp.sqlite'))).toBe(true);
  });

  it('shows the menu in Chinese first and follows the language the owner picks', async () => {
    const firstMenu = fakeElectron.Menu.buildFromTemplate.mock.calls[0]![0] as { label: string }[];
    expect(firstMenu.map((item) => item.label)).toContain('文件');
    const setup = await call(trusted, 'auth.setup', {
      companyName: '深圳市海湾五金有限公司',
      ownerUsername: 'owner',
      ownerDisplayName: '李强',
      password: 'correct horse battery',
      locale: 'en',
    });
    expect(setup).toMatchObject({ ok: true });
    const lastMenu = fakeElectron.Menu.buildFromTemplate.mock.calls.at(-1)![0] as { label: string }[];
    expect(lastMenu.map((item) => item.label)).toContain('File');
    expect(JSON.parse(fs.readFileSync(path.join(userData, 'preferences.json'), 'utf8'))).toEqual({ locale: 'en' });
    expect(window.webContents.send).toHaveBeenCalledWith('api:event', expect.objectContaining({ kind: 'data.changed' }));
  });

  it('brings the existing window forward when Desk ERP is started a second time', () => {
    window.minimized = true;
    fakeElectron.app.emit('second-instance', {}, ['desk-erp'], '/');
    expect(window.restore).toHaveBeenCalled();
    expect(window.show).toHaveBeenCalled();
    expect(window.focus).toHaveBeenCalled();
  });

  it('closes the database in the worker before quitting', async () => {
    const preventDefault = vi.fn();
    fakeElectron.app.emit('before-quit', { preventDefault });
    expect(preventDefault).toHaveBeenCalled();
    await vi.waitFor(() => expect(fakeElectron.app.quit).toHaveBeenCalled());
    // WAL checkpointed on close: nothing left in a -wal file.
    const wal = path.join(userData, 'desk-erp.sqlite-wal');
    expect(!fs.existsSync(wal) || fs.statSync(wal).size === 0).toBe(true);
    const again = vi.fn();
    fakeElectron.app.emit('before-quit', { preventDefault: again });
    expect(again).not.toHaveBeenCalled();
  });
});

describe('a database made by a newer Desk ERP', () => {
  it('is refused with a plain message box and the app exits', async () => {
    const userData = newUserData();
    const sqlite = new BetterSqlite3(path.join(userData, 'desk-erp.sqlite'));
    sqlite.exec('CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL) STRICT');
    sqlite.prepare('INSERT INTO schema_migrations VALUES (999, ?, ?)').run('from_the_future', new Date().toISOString());
    sqlite.close();
    resetFakeElectron({ appPath: appRoot, userData });
    startDesktopApp();
    fakeElectron.app.ready.resolve();
    await vi.waitFor(() => expect(fakeElectron.dialog.showErrorBox).toHaveBeenCalled(), { timeout: 10_000 });
    const [title, message] = fakeElectron.dialog.showErrorBox.mock.calls[0]! as [string, string];
    expect(title).toBe('Desk ERP 无法启动');
    expect(message).toMatch(/newer version of Desk ERP/);
    expect(fakeElectron.app.exit).toHaveBeenCalledWith(1);
    expect(fs.readFileSync(path.join(userData, 'logs', 'desk-erp.log'), 'utf8')).toMatch(/fatal: This database was made by a newer version/);
  });
});

describe('the bundled checkpointer thread', () => {
  it('checkpoints from dist-electron/checkpoint-worker.cjs on its own connection', async () => {
    const { createBackend } = await import('../backend/backend');
    const file = path.join(newUserData(), 'desk-erp.sqlite');
    const checkpointerEntry = path.join(appRoot, 'dist-electron', 'checkpoint-worker.cjs');
    const backend = createBackend({ file, checkpointer: true, checkpointerEntry, checkpointLimits: { pollMs: 20, passiveEveryMs: 0 } });
    try {
      await backend.checkpointer()!.started;
      const checkpointed = new Promise((resolve) => backend.checkpointer()!.onCheckpoint(resolve));
      const setup = await backend.call({ session: { user: null }, transport: 'test' }, 'auth.setup', { companyName: '博雅', ownerUsername: 'boss', ownerDisplayName: '老板', password: 'secret-123' });
      expect(setup.ok).toBe(true);
      expect(await checkpointed).toMatchObject({ mode: 'PASSIVE', busy: false });
    } finally {
      backend.close();
    }
  });
});

describe('the bundled reader thread', () => {
  it('serves reads from dist-electron/reader-worker.cjs on its own read-only connection', async () => {
    const { createBackend } = await import('../backend/backend');
    const file = path.join(newUserData(), 'desk-erp.sqlite');
    const backend = createBackend({ file, readers: 1, readerEntry: path.join(appRoot, 'dist-electron', 'reader-worker.cjs') });
    try {
      await (backend.readers as unknown as { started(): Promise<void> }).started();
      expect(backend.readers!.ready).toBe(true);
      const session = { user: null };
      const setup = await backend.call({ session, transport: 'test' }, 'auth.setup', { companyName: '博雅', ownerUsername: 'boss', ownerDisplayName: '老板', password: 'secret-123' });
      expect(setup.ok).toBe(true);
      expect(await backend.call({ session, transport: 'test' }, 'settings.get', {})).toMatchObject({ ok: true, data: { companyName: '博雅' } });
    } finally {
      backend.close();
    }
  });
});
