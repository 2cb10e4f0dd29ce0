import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeElectron, resetFakeElectron, type FakeBrowserWindow } from './test-electron';
import { createMainWindow, DEFAULT_WINDOW_STATE, fitToDisplays, readWindowState } from './window';

vi.mock('electron', async () => (await import('./test-electron')).fakeElectron);

const laptop = { x: 0, y: 0, width: 1440, height: 860 };
const rightMonitor = { x: 1440, y: 0, width: 2560, height: 1400 };

describe('the main window', () => {
  let dir: string;
  let stateFile: string;

  beforeEach(() => {
    resetFakeElectron();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'desk-erp-window-'));
    stateFile = path.join(dir, 'window-state.json');
    fakeElectron.screen.displays = [{ id: 1, bounds: laptop, workArea: laptop, scaleFactor: 2 }];
  });

  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  function open(): FakeBrowserWindow {
    createMainWindow({ preload: '/app/dist-electron/preload.cjs', url: 'app://desk-erp/index.html', stateFile });
    return fakeElectron.BrowserWindow.instances.at(-1)!;
  }

  it('is created isolated, sandboxed, without Node and with web security left on', () => {
    const window = open();
    const prefs = window.options.webPreferences;
    expect(prefs.contextIsolation).toBe(true);
    expect(prefs.sandbox).toBe(true);
    expect(prefs.nodeIntegration).toBe(false);
    expect(prefs.webviewTag).toBe(false);
    expect(prefs.preload).toBe('/app/dist-electron/preload.cjs');
    expect(prefs).not.toHaveProperty('webSecurity');
    expect(window.options.show).toBe(false);
  });

  it('loads the UI from app://desk-erp/ and shows itself when ready', () => {
    const window = open();
    expect(window.loadURL).toHaveBeenCalledWith('app://desk-erp/index.html');
    expect(window.show).not.toHaveBeenCalled();
    window.emit('ready-to-show');
    expect(window.show).toHaveBeenCalled();
  });

  it('comes back where the user left it, maximized if it was', () => {
    const first = open();
    first.bounds = { x: 40, y: 30, width: 1200, height: 700 };
    first.maximized = true;
    first.emit('close');
    expect(readWindowState(stateFile)).toEqual({ x: 40, y: 30, width: 1200, height: 700, maximized: true });

    const second = open();
    expect(second.options).toMatchObject({ x: 40, y: 30, width: 1200, height: 700 });
    second.emit('ready-to-show');
    expect(second.maximize).toHaveBeenCalled();
  });

  it('moves a window left on an unplugged monitor back onto the primary display', () => {
    fs.writeFileSync(stateFile, JSON.stringify({ x: 2000, y: 100, width: 1600, height: 1000, maximized: false }));
    const window = open();
    expect(window.options.x).toBeUndefined();
    expect(window.options.y).toBeUndefined();
    expect(window.options.width).toBeLessThanOrEqual(laptop.width);
    expect(window.options.height).toBeLessThanOrEqual(laptop.height);
  });

  it('starts at the default size when the saved state is missing or unreadable', () => {
    fs.writeFileSync(stateFile, '{ not json');
    expect(readWindowState(stateFile)).toEqual(DEFAULT_WINDOW_STATE);
    expect(readWindowState(path.join(dir, 'missing.json'))).toEqual(DEFAULT_WINDOW_STATE);
  });
});

describe('fitting a remembered window to the displays', () => {
  it('keeps a window that is on a connected monitor', () => {
    const state = { x: 1600, y: 100, width: 1600, height: 1000, maximized: false };
    expect(fitToDisplays(state, [laptop, rightMonitor], laptop)).toEqual(state);
  });

  it('pulls a window that hangs off the edge back inside and shrinks it to the work area', () => {
    const fitted = fitToDisplays({ x: 1000, y: -20, width: 3000, height: 2000, maximized: false }, [laptop], laptop);
    expect(fitted).toEqual({ x: 0, y: 0, width: 1440, height: 860, maximized: false });
  });

  it('treats a window with only a sliver showing as lost', () => {
    const fitted = fitToDisplays({ x: 1400, y: 100, width: 1000, height: 700, maximized: false }, [laptop], laptop);
    expect(fitted.x).toBeUndefined();
    expect(fitted).toMatchObject({ width: 1000, height: 700 });
  });
});
