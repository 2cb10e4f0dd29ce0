import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { contentSecurityPolicy } from '../server/content-security-policy';
import {
  appProtocolHandler,
  denyAllPermissions,
  isAllowedExternalUrl,
  isTrustedSender,
  lockDownContents,
  resolveAppPath,
  secureWebPreferences,
  type LockableContents,
} from './security';

describe('web preferences', () => {
  it('isolates and sandboxes the page, gives it no Node and keeps web security on', () => {
    const prefs = secureWebPreferences('/app/dist-electron/preload.cjs');
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      preload: '/app/dist-electron/preload.cjs',
    });
    expect(prefs).not.toHaveProperty('webSecurity');
    expect(prefs).not.toHaveProperty('allowRunningInsecureContent');
  });
});

describe('external links', () => {
  it.each(['https://www.example.com/help', 'http://intranet.example/path?q=1'])('opens %s in the browser', (url) => {
    expect(isAllowedExternalUrl(url)).toBe(true);
  });

  it.each([
    'javascript:alert(1)',
    'file:///etc/passwd',
    'app://desk-erp/index.html',
    'data:text/html,<script>alert(1)</script>',
    'smb://server/share',
    'mailto:boss@example.com',
    'https//missing-colon',
    '',
    'not a url',
  ])('refuses %s', (url) => {
    expect(isAllowedExternalUrl(url)).toBe(false);
  });

  it('refuses anything that is not a string', () => {
    expect(isAllowedExternalUrl({ toString: () => 'https://example.com' })).toBe(false);
    expect(isAllowedExternalUrl(undefined)).toBe(false);
  });
});

describe('IPC sender check', () => {
  it('trusts only frames showing app://desk-erp/', () => {
    expect(isTrustedSender({ url: 'app://desk-erp/index.html' })).toBe(true);
    expect(isTrustedSender({ url: 'app://desk-erp/index.html#/customers' })).toBe(true);
  });

  it.each([
    'https://evil.example/',
    'app://desk-erp.evil.example/index.html',
    'app://desk-erp@evil.example/index.html',
    'app://other/index.html',
    'file:///work/dist/renderer/index.html',
    'about:blank',
    '',
  ])('refuses a frame at %s', (url) => {
    expect(isTrustedSender({ url })).toBe(false);
  });

  it('refuses a frame that is gone', () => {
    expect(isTrustedSender(null)).toBe(false);
    expect(isTrustedSender(undefined)).toBe(false);
  });
});

describe('app:// protocol', () => {
  let rendererDir: string;
  let secret: string;

  beforeAll(() => {
    const base = fs.mkdtempSync(path.join(os.tmpdir(), 'desk-erp-protocol-'));
    rendererDir = path.join(base, 'renderer');
    fs.mkdirSync(path.join(rendererDir, 'assets'), { recursive: true });
    fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>Desk ERP</title>');
    fs.writeFileSync(path.join(rendererDir, 'assets', 'app.js'), 'console.log("ok")');
    secret = path.join(base, 'secret.txt');
    fs.writeFileSync(secret, 'not for the page');
  });

  afterAll(() => fs.rmSync(path.dirname(rendererDir), { recursive: true, force: true }));

  it('maps app://desk-erp/ paths into the renderer folder', () => {
    expect(resolveAppPath(rendererDir, 'app://desk-erp/')).toBe(path.join(rendererDir, 'index.html'));
    expect(resolveAppPath(rendererDir, 'app://desk-erp/assets/app.js?v=1')).toBe(path.join(rendererDir, 'assets', 'app.js'));
    expect(resolveAppPath(rendererDir, 'app://desk-erp/assets/%E5%AE%A2%E6%88%B7.png')).toBe(path.join(rendererDir, 'assets', '客户.png'));
  });

  it.each([
    'app://desk-erp/..%2fsecret.txt',
    'app://desk-erp/..%2f..%2f..%2fetc%2fpasswd',
    'app://desk-erp/assets/..%2f..%2fsecret.txt',
    'app://desk-erp/..%5csecret.txt',
    'app://desk-erp/%2e%2e%2fsecret.txt',
    'app://desk-erp/%2fetc%2fpasswd',
    'app://desk-erp/C:%5cWindows%5cwin.ini',
    'app://desk-erp/index.html%00.png',
    'app://desk-erp/%E0%A4%A',
    'app://other-host/index.html',
    'file:///etc/passwd',
    'https://desk-erp/index.html',
  ])('refuses %s', (url) => {
    expect(resolveAppPath(rendererDir, url)).toBeNull();
  });

  function handler() {
    const fetchFile = vi.fn(async (fileUrl: string) => new Response(fs.readFileSync(fileURLToPath(fileUrl))));
    return { handle: appProtocolHandler(rendererDir, fetchFile, (file) => fs.existsSync(file)), fetchFile };
  }

  it('serves the renderer files with the CSP header', async () => {
    const { handle } = handler();
    const response = await handle(new Request('app://desk-erp/assets/app.js'));
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('console.log("ok")');
    expect(response.headers.get('content-security-policy')).toBe(contentSecurityPolicy());
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it("gives every page load its own style nonce, in the page and in the page's policy, never 'unsafe-inline'", async () => {
    const { handle } = handler();
    const nonces: (string | undefined)[] = [];
    for (const url of ['app://desk-erp/', 'app://desk-erp/index.html', 'app://desk-erp/customers']) {
      const response = await handle(new Request(url));
      const policy = response.headers.get('content-security-policy')!;
      const nonce = /<meta property="csp-nonce" nonce="([^"]+)">/.exec(await response.text())?.[1];
      expect(policy).toContain(`style-src 'self' 'nonce-${nonce}'`);
      expect(policy).toContain("script-src 'self';");
      expect(policy).not.toMatch(/unsafe-inline|unsafe-eval/);
      nonces.push(nonce);
    }
    expect(new Set(nonces).size).toBe(3);
  });

  it('answers 404 for a traversal attempt without reading anything', async () => {
    const { handle, fetchFile } = handler();
    const response = await handle(new Request('app://desk-erp/..%2fsecret.txt'));
    expect(response.status).toBe(404);
    expect(await response.text()).not.toContain('not for the page');
    expect(fetchFile).not.toHaveBeenCalled();
  });

  it('answers 404 for a missing asset but index.html for a client-side route', async () => {
    const { handle } = handler();
    expect((await handle(new Request('app://desk-erp/assets/missing.js'))).status).toBe(404);
    const route = await handle(new Request('app://desk-erp/customers'));
    expect(route.status).toBe(200);
    expect(await route.text()).toContain('<title>Desk ERP</title>');
  });

  it('refuses anything but GET and HEAD', async () => {
    const { handle } = handler();
    expect((await handle(new Request('app://desk-erp/index.html', { method: 'POST', body: 'x' }))).status).toBe(405);
  });
});

describe('session and page lock-down', () => {
  it('denies every permission request and check', () => {
    let request: ((webContents: unknown, permission: string, callback: (granted: boolean) => void) => void) | null = null;
    let check: ((webContents: unknown, permission: string) => boolean) | null = null;
    denyAllPermissions({
      setPermissionRequestHandler: (h) => (request = h),
      setPermissionCheckHandler: (h) => (check = h),
    });
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'usb']) {
      const callback = vi.fn();
      request!({}, permission, callback);
      expect(callback).toHaveBeenCalledWith(false);
      expect(check!({}, permission)).toBe(false);
    }
  });

  function lockedContents() {
    type Listener = (event: { preventDefault(): void }, url?: string) => void;
    const listeners = new Map<string, Listener>();
    let openHandler: ((details: { url: string }) => { action: 'deny' }) | null = null;
    const contents: LockableContents = {
      on: ((event: string, listener: Listener) => listeners.set(event, listener)) as LockableContents['on'],
      setWindowOpenHandler: (h) => (openHandler = h),
    };
    const openExternal = vi.fn();
    lockDownContents(contents, openExternal);
    const fire = (event: string, url?: string) => {
      const e = { preventDefault: vi.fn() };
      listeners.get(event)!(e, url);
      return e.preventDefault;
    };
    return { fire, open: (url: string) => openHandler!({ url }), openExternal };
  }

  it('prevents navigation, redirects and webviews', () => {
    const { fire } = lockedContents();
    expect(fire('will-navigate', 'https://evil.example/')).toHaveBeenCalled();
    expect(fire('will-navigate', 'app://desk-erp/index.html')).toHaveBeenCalled();
    expect(fire('will-redirect', 'https://evil.example/')).toHaveBeenCalled();
    expect(fire('will-attach-webview')).toHaveBeenCalled();
  });

  it('denies every new window and opens only http(s) links in the browser', () => {
    const { open, openExternal } = lockedContents();
    expect(open('https://www.example.com/docs')).toEqual({ action: 'deny' });
    expect(openExternal).toHaveBeenCalledWith('https://www.example.com/docs');
    for (const url of ['javascript:alert(1)', 'file:///etc/passwd', 'app://desk-erp/index.html', 'data:text/html,x']) {
      expect(open(url)).toEqual({ action: 'deny' });
    }
    expect(openExternal).toHaveBeenCalledTimes(1);
  });
});
