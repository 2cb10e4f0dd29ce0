import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import type { RunningBackend } from '../backend/backend';
import type { ErrorCode } from '../api/errors';
import type { ApiEvent, Result } from '../api/result';
import type { Session } from '../api/session';
import { readCookie, SessionStore } from './sessions';

export const SESSION_COOKIE = 'desk_erp_session';
const MAX_BODY_BYTES = 64 * 1024 * 1024;

/** Same policy as the desktop window; Mantine needs inline styles. */
export const CONTENT_SECURITY_POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'none'";

const STATUS_FOR: Record<ErrorCode, number> = {
  VALIDATION: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  RATE_LIMITED: 429,
  CREDIT_LIMIT: 422,
  INSUFFICIENT_STOCK: 422,
  PERIOD_LOCKED: 422,
  CANCELLED: 409,
  INTERNAL: 500,
};

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
};

export interface ServerOptions {
  backend: RunningBackend;
  rendererDir: string;
  port: number;
}

export interface RunningServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

/** The headless server: 127.0.0.1 only, the built renderer plus `POST /api/<method>`. */
export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const sessions = new SessionStore();
  const loginAttempts = new Map<string, number[]>();
  const eventClients = new Set<{ res: http.ServerResponse; session: Session }>();
  let port = options.port;

  const unsubscribe = options.backend.onEvent((event: ApiEvent) => {
    for (const client of eventClients) {
      if (client.session.user) client.res.write(`data: ${JSON.stringify(event)}\n\n`);
    }
  });

  const server = http.createServer((req, res) => {
    void handle(req, res).catch((error: unknown) => {
      options.backend.logError(`http ${req.url}`, error);
      if (!res.headersSent) sendJson(res, 500, { ok: false, error: { code: 'INTERNAL', message: 'Internal error' } });
      else res.end();
    });
  });

  function allowedHost(host: string | undefined): boolean {
    return host === `127.0.0.1:${port}` || host === `localhost:${port}`;
  }

  function allowedOrigin(origin: string | undefined): boolean {
    return origin === undefined || origin === `http://127.0.0.1:${port}` || origin === `http://localhost:${port}`;
  }

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    setSecurityHeaders(res);
    // A foreign Host means DNS rebinding; a foreign Origin means another site's page is calling us.
    if (!allowedHost(req.headers.host)) return sendText(res, 403, 'Forbidden host');
    if (!allowedOrigin(req.headers.origin) || req.headers['sec-fetch-site'] === 'cross-site') return sendText(res, 403, 'Forbidden origin');
    const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
    if (url.pathname === '/api/events' && req.method === 'GET') return openEventStream(req, res);
    if (url.pathname.startsWith('/api/')) {
      if (req.method !== 'POST') return sendText(res, 405, 'Use POST');
      return handleApiCall(req, res, decodeURIComponent(url.pathname.slice('/api/'.length)));
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return sendText(res, 405, 'Method not allowed');
    return serveStatic(url.pathname, res);
  }

  async function handleApiCall(req: http.IncomingMessage, res: http.ServerResponse, method: string): Promise<void> {
    if (!req.headers['content-type']?.startsWith('application/json')) {
      return sendJson(res, 415, { ok: false, error: { code: 'VALIDATION', message: 'Send the input as application/json' } });
    }
    const token = readCookie(req.headers.cookie, SESSION_COOKIE);
    const known = sessions.get(token);
    const session: Session = known ?? { user: null };
    const spec = options.backend.registry.contract[method] ?? null;
    if (spec && spec.permission !== 'public' && !session.user) {
      return sendJson(res, 401, { ok: false, error: { code: 'UNAUTHENTICATED', message: 'Please sign in first.' } });
    }
    if (method === 'auth.login' && !takeLoginSlot(req.socket.remoteAddress ?? '?')) {
      return sendJson(res, 429, { ok: false, error: { code: 'RATE_LIMITED', message: 'Too many sign-in attempts; wait a minute and try again.' } });
    }
    let input: unknown;
    try {
      const body = await readBody(req);
      input = body.length === 0 ? {} : JSON.parse(body);
    } catch (error) {
      const tooLarge = error instanceof Error && error.message === 'too large';
      return sendJson(res, tooLarge ? 413 : 400, {
        ok: false,
        error: { code: 'VALIDATION', message: tooLarge ? 'The request is too large' : 'The request body is not valid JSON' },
      });
    }
    const wasSignedIn = session.user?.id ?? null;
    const result = await options.backend.call({ session, transport: 'http' }, method, input);
    const headers: Record<string, string> = {};
    if (session.user && session.user.id !== wasSignedIn) {
      // Sign-in: always a fresh token, so a token planted before login is worthless.
      sessions.drop(token);
      headers['Set-Cookie'] = `${SESSION_COOKIE}=${sessions.issue(session)}; HttpOnly; SameSite=Strict; Path=/`;
    } else if (!session.user && wasSignedIn) {
      sessions.drop(token);
      headers['Set-Cookie'] = `${SESSION_COOKIE}=; HttpOnly; SameSite=Strict; Path=/; Max-Age=0`;
    }
    sendJson(res, result.ok ? 200 : STATUS_FOR[result.error.code], result, headers);
  }

  function takeLoginSlot(client: string): boolean {
    const now = Date.now();
    const recent = (loginAttempts.get(client) ?? []).filter((t) => now - t < 60_000);
    if (recent.length >= 20) return false;
    recent.push(now);
    loginAttempts.set(client, recent);
    return true;
  }

  function openEventStream(req: http.IncomingMessage, res: http.ServerResponse): void {
    const session = sessions.get(readCookie(req.headers.cookie, SESSION_COOKIE));
    if (!session?.user) return sendText(res, 401, 'Please sign in first.');
    res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store', Connection: 'keep-alive' });
    res.write(': connected\n\n');
    const client = { res, session };
    eventClients.add(client);
    req.on('close', () => eventClients.delete(client));
  }

  function serveStatic(pathname: string, res: http.ServerResponse): void {
    const root = path.resolve(options.rendererDir);
    const requested = path.resolve(root, `.${path.posix.normalize(decodeURIComponent(pathname))}`);
    const inside = requested === root || requested.startsWith(root + path.sep);
    let file = inside && fs.existsSync(requested) && fs.statSync(requested).isFile() ? requested : path.join(root, 'index.html');
    if (!fs.existsSync(file)) {
      return sendText(res, 503, 'The user interface is not built yet: run `npm run build:renderer` (npm run serve does this for you).');
    }
    // Client-side routes (/customers/123) get the app shell; missing assets get 404.
    if (file.endsWith('index.html') && /\.[a-z0-9]+$/i.test(pathname)) {
      return sendText(res, 404, 'Not found');
    }
    file = path.normalize(file);
    const immutable = file.includes(`${path.sep}assets${path.sep}`);
    res.writeHead(200, {
      'Content-Type': MIME[path.extname(file)] ?? 'application/octet-stream',
      'Cache-Control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
    });
    fs.createReadStream(file).pipe(res);
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/`,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        unsubscribe();
        for (const client of eventClients) client.res.end();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

function setSecurityHeaders(res: http.ServerResponse): void {
  res.setHeader('Content-Security-Policy', CONTENT_SECURITY_POLICY);
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('X-Frame-Options', 'DENY');
  res.setHeader('Referrer-Policy', 'no-referrer');
  res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
  res.setHeader('Cross-Origin-Resource-Policy', 'same-origin');
}

function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new Error('too large'));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function sendJson(res: http.ServerResponse, status: number, body: Result<unknown> | object, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store', ...headers });
  res.end(JSON.stringify(body));
}

function sendText(res: http.ServerResponse, status: number, text: string): void {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8' });
  res.end(text);
}
