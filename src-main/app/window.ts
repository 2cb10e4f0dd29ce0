import fs from 'node:fs';
import path from 'node:path';
import { BrowserWindow, screen, type Rectangle } from 'electron';
import { secureWebPreferences } from './security';

export interface WindowState {
  x?: number;
  y?: number;
  width: number;
  height: number;
  maximized: boolean;
}

export const DEFAULT_WINDOW_STATE: WindowState = { width: 1280, height: 800, maximized: false };
const MIN_WIDTH = 960;
const MIN_HEIGHT = 600;
/** At least this much of the window must be on some display, so its title bar can be grabbed. */
const MIN_VISIBLE = { width: 120, height: 60 };

export function readWindowState(file: string): WindowState {
  let raw: unknown;
  try {
    raw = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    return { ...DEFAULT_WINDOW_STATE };
  }
  if (typeof raw !== 'object' || raw === null) return { ...DEFAULT_WINDOW_STATE };
  const r = raw as Record<string, unknown>;
  const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? Math.round(v) : undefined);
  const width = num(r.width);
  const height = num(r.height);
  const x = num(r.x);
  const y = num(r.y);
  return {
    width: width ?? DEFAULT_WINDOW_STATE.width,
    height: height ?? DEFAULT_WINDOW_STATE.height,
    maximized: r.maximized === true,
    ...(x !== undefined && y !== undefined ? { x, y } : {}),
  };
}

export function writeWindowState(file: string, state: WindowState): void {
  try {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, `${JSON.stringify(state, null, 2)}\n`);
  } catch {
    // Losing the window position is not worth an error dialog.
  }
}

function overlap(a: Rectangle, b: Rectangle): { width: number; height: number } {
  return {
    width: Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x),
    height: Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y),
  };
}

/**
 * Keeps a remembered window usable after a monitor was unplugged or the resolution changed: no larger
 * than the work area it lands on, and dropped back to the centre of the primary display when it would
 * be (almost) invisible.
 */
export function fitToDisplays(state: WindowState, workAreas: Rectangle[], primary: Rectangle): WindowState {
  const clampSize = (area: Rectangle) => ({
    width: Math.max(Math.min(state.width, area.width), Math.min(MIN_WIDTH, area.width)),
    height: Math.max(Math.min(state.height, area.height), Math.min(MIN_HEIGHT, area.height)),
  });
  if (state.x !== undefined && state.y !== undefined) {
    const bounds = { x: state.x, y: state.y, width: state.width, height: state.height };
    const home = workAreas.find((area) => {
      const o = overlap(bounds, area);
      return o.width >= MIN_VISIBLE.width && o.height >= MIN_VISIBLE.height;
    });
    if (home) {
      const size = clampSize(home);
      const x = Math.min(Math.max(state.x, home.x), home.x + home.width - size.width);
      const y = Math.min(Math.max(state.y, home.y), home.y + home.height - size.height);
      return { ...size, x, y, maximized: state.maximized };
    }
  }
  return { ...clampSize(primary), maximized: state.maximized };
}

export interface MainWindowOptions {
  preload: string;
  url: string;
  stateFile: string;
}

export function browserWindowOptions(preload: string, state: WindowState) {
  return {
    ...(state.x !== undefined && state.y !== undefined ? { x: state.x, y: state.y } : {}),
    width: state.width,
    height: state.height,
    minWidth: MIN_WIDTH,
    minHeight: MIN_HEIGHT,
    show: false,
    title: 'Desk ERP',
    backgroundColor: '#ffffff',
    webPreferences: secureWebPreferences(preload),
  };
}

/** The one Desk ERP window, restored to where the user left it. */
export function createMainWindow(options: MainWindowOptions): BrowserWindow {
  const displays = screen.getAllDisplays().map((display) => display.workArea);
  const state = fitToDisplays(readWindowState(options.stateFile), displays, screen.getPrimaryDisplay().workArea);
  const window = new BrowserWindow(browserWindowOptions(options.preload, state));
  window.once('ready-to-show', () => {
    if (state.maximized) window.maximize();
    window.show();
  });
  window.on('close', () => {
    const bounds = window.getNormalBounds();
    writeWindowState(options.stateFile, { ...bounds, maximized: window.isMaximized() });
  });
  void window.loadURL(options.url);
  return window;
}
