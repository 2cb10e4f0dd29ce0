import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { contentSecurityPolicy, pageWithStyleNonce } from '../server/content-security-policy';

// Electron-free on purpose: main, window and ipc pass their Electron objects in, so every rule here
// is unit-tested without Electron.

export const APP_SCHEME = 'app';
export const APP_HOST = 'desk-erp';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/** `app://` behaves like https for the page: standard URL parsing, a secure context, fetch() allowed. */
export const APP_SCHEME_PRIVILEGES = {
  standard: true,
  secure: true,
  supportFetchAPI: true,
  codeCache: true,
} as const;

export interface SecureWebPreferences {
  contextIsolation: true;
  sandbox: true;
  nodeIntegration: false;
  nodeIntegrationInWorker: false;
  nodeIntegrationInSubFrames: false;
  webviewTag: false;
  spellcheck: false;
  preload: string;
}

/** The only webPreferences a Desk ERP window gets. webSecurity is deliberately absent (left at its safe default). */
export function secureWebPreferences(preload: string): SecureWebPreferences {
  return {
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webviewTag: false,
    spellcheck: false,
    preload,
  };
}

/** Links the UI may hand to the system browser: parsed http(s) URLs with a host, nothing else. */
export function isAllowedExternalUrl(url: unknown): boolean {
  if (typeof url !== 'string') return false;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return (parsed.protocol === 'https:' || parsed.protocol === 'http:') && parsed.hostname !== '';
}

/** IPC is answered only for our own page; a frame that navigated elsewhere (or is gone) is refused. */
export function isTrustedSender(frame: { url: string } | null | undefined): boolean {
  const url = frame?.url;
  if (typeof url !== 'string' || !url.startsWith(`${APP_ORIGIN}/`)) return false;
  try {
    const parsed = new URL(url);
    return parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST;
  } catch {
    return false;
  }
}

/**
 * Maps `app://desk-erp/<path>` to a file inside rendererDir. Returns null for another scheme or host,
 * undecodable paths, NUL bytes, backslashes, encoded separators and anything that would land outside
 * rendererDir (`..`, absolute Windows paths).
 */
export function resolveAppPath(rendererDir: string, requestUrl: string): string | null {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return null;
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return null;
  // Vite's output never needs an encoded separator or a backslash; on Windows either could climb out.
  if (/%2f|%5c/i.test(url.pathname)) return null;
  let pathname: string;
  try {
    pathname = decodeURIComponent(url.pathname);
  } catch {
    return null;
  }
  if (pathname.includes('\0') || pathname.includes('\\') || pathname.split('/').includes('..')) return null;
  const root = path.resolve(rendererDir);
  const relative = pathname === '/' || pathname === '' ? 'index.html' : pathname.replace(/^[/\\]+/, '');
  if (path.isAbsolute(relative) || /^[a-zA-Z]:/.test(relative)) return null;
  const full = path.resolve(root, relative);
  if (full !== root && !full.startsWith(root + path.sep)) return null;
  return full;
}

/** Headers every app:// response carries, whatever the file; the page's policy names its style nonce. */
export function withSecurityHeaders(response: Response, policy = contentSecurityPolicy()): Response {
  const headers = new Headers(response.headers);
  headers.set('Content-Security-Policy', policy);
  headers.set('X-Content-Type-Options', 'nosniff');
  headers.set('Cross-Origin-Opener-Policy', 'same-origin');
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
}

function plainResponse(status: number, text: string): Response {
  return withSecurityHeaders(new Response(text, { status, headers: { 'Content-Type': 'text/plain; charset=utf-8' } }));
}

/**
 * The `app://` protocol handler. `fetchFile` is Electron's `net.fetch` (given a file:// URL);
 * `exists` lets a client-side route without a file fall back to index.html.
 */
export function appProtocolHandler(
  rendererDir: string,
  fetchFile: (fileUrl: string) => Promise<Response>,
  exists: (file: string) => boolean,
): (request: Request) => Promise<Response> {
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return plainResponse(405, 'Method not allowed');
    const file = resolveAppPath(rendererDir, request.url);
    if (!file) return plainResponse(404, 'Not found');
    const page = path.join(path.resolve(rendererDir), 'index.html');
    let target = file;
    if (!exists(file)) {
      if (path.extname(file) !== '') return plainResponse(404, 'Not found');
      target = page;
    }
    const response = await fetchFile(pathToFileURL(target).href);
    if (target !== page) return withSecurityHeaders(response);
    const { html, policy } = pageWithStyleNonce(await response.text());
    const headers = new Headers(response.headers);
    headers.delete('Content-Length');
    return withSecurityHeaders(new Response(html, { status: response.status, headers }), policy);
  };
}

/** What `setPermissionRequestHandler` / `setPermissionCheckHandler` need from a session. */
export interface PermissionSession {
  setPermissionRequestHandler(handler: ((webContents: unknown, permission: string, callback: (granted: boolean) => void) => void) | null): void;
  setPermissionCheckHandler(handler: ((webContents: unknown, permission: string) => boolean) | null): void;
}

/** An ERP needs no camera, microphone, notifications-by-prompt, geolocation or USB: refuse every request. */
export function denyAllPermissions(session: PermissionSession): void {
  session.setPermissionRequestHandler((_webContents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
}

interface PreventableEvent {
  preventDefault(): void;
}

/** The parts of WebContents that the lock-down touches. */
export interface LockableContents {
  on(event: 'will-navigate' | 'will-redirect', listener: (event: PreventableEvent, url: string) => void): unknown;
  on(event: 'will-attach-webview', listener: (event: PreventableEvent) => void): unknown;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void;
}

/**
 * No navigation, redirect, new window or webview ever: the page is a single-page app on app://.
 * A link the user clicked (target=_blank / window.open) opens in the system browser if it is http(s).
 */
export function lockDownContents(contents: LockableContents, openExternal: (url: string) => unknown): void {
  contents.on('will-navigate', (event) => event.preventDefault());
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    if (isAllowedExternalUrl(url)) void Promise.resolve(openExternal(new URL(url).href)).catch(() => undefined);
    return { action: 'deny' };
  });
}
