import http from 'node:http';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testBackend } from '../db/test-db';
import { SESSION_COOKIE, startServer, type RunningServer } from './http';

interface Reply {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

function request(server: RunningServer, pathname: string, options: { method?: string; body?: unknown; headers?: Record<string, string> } = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const body = options.body === undefined ? undefined : JSON.stringify(options.body);
    const req = http.request(
      {
        host: '127.0.0.1',
        port: server.port,
        path: pathname,
        method: options.method ?? 'POST',
        headers: { Host: `127.0.0.1:${server.port}`, 'Content-Type': 'application/json', ...options.headers },
      },
      (res) => {
        let data = '';
        res.on('data', (chunk: Buffer) => (data += chunk.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: data }));
      },
    );
    req.on('error', reject);
    if (body) req.write(body);
    req.end();
  });
}

function cookieOf(reply: Reply): string {
  const header = reply.headers['set-cookie']?.[0] ?? '';
  return header.split(';')[0]!;
}

describe('headless server', () => {
  let server: RunningServer;
  let rendererDir: string;

  beforeEach(async () => {
    rendererDir = fs.mkdtempSync(path.join(os.tmpdir(), 'renderer-'));
    fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>Desk ERP</title>');
    server = await startServer({ backend: testBackend(), rendererDir, port: 0 });
  });

  afterEach(async () => {
    await server.close();
  });

  async function setUp(): Promise<string> {
    const reply = await request(server, '/api/auth.setup', {
      body: { companyName: '测试公司', ownerUsername: 'boss', ownerDisplayName: '老板', password: 'secret-123' },
    });
    expect(reply.status).toBe(200);
    return cookieOf(reply);
  }

  it('listens on 127.0.0.1 only', () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
  });

  it('answers an unauthenticated API call with 401', async () => {
    await setUp();
    const reply = await request(server, '/api/users.list', { body: {} });
    expect(reply.status).toBe(401);
    expect(JSON.parse(reply.body)).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
  });

  it('gives an HttpOnly SameSite=Strict session cookie at sign-in, and it works', async () => {
    await setUp();
    const login = await request(server, '/api/auth.login', { body: { username: 'boss', password: 'secret-123' } });
    expect(login.status).toBe(200);
    const setCookie = login.headers['set-cookie']![0]!;
    expect(setCookie).toContain(`${SESSION_COOKIE}=`);
    expect(setCookie).toContain('HttpOnly');
    expect(setCookie).toContain('SameSite=Strict');
    const list = await request(server, '/api/users.list', { body: {}, headers: { Cookie: cookieOf(login) } });
    expect(list.status).toBe(200);
    expect(JSON.parse(list.body).data.total).toBe(1);
  });

  it('forgets the session at sign-out', async () => {
    const cookie = await setUp();
    expect((await request(server, '/api/auth.logout', { body: {}, headers: { Cookie: cookie } })).status).toBe(200);
    expect((await request(server, '/api/users.list', { body: {}, headers: { Cookie: cookie } })).status).toBe(401);
  });

  it('refuses a request from a foreign Origin with 403', async () => {
    const cookie = await setUp();
    const reply = await request(server, '/api/users.list', { body: {}, headers: { Cookie: cookie, Origin: 'http://evil.example' } });
    expect(reply.status).toBe(403);
  });

  it('refuses a foreign Host header with 403 (DNS rebinding)', async () => {
    const cookie = await setUp();
    const reply = await request(server, '/api/users.list', { body: {}, headers: { Cookie: cookie, Host: `evil.example:${server.port}` } });
    expect(reply.status).toBe(403);
    const page = await request(server, '/', { method: 'GET', headers: { Host: 'attacker.test' } });
    expect(page.status).toBe(403);
  });

  it('accepts its own origin', async () => {
    const cookie = await setUp();
    const reply = await request(server, '/api/users.list', { body: {}, headers: { Cookie: cookie, Origin: `http://localhost:${server.port}`, Host: `localhost:${server.port}` } });
    expect(reply.status).toBe(200);
  });

  it('rate-limits sign-in attempts', async () => {
    await setUp();
    const statuses: number[] = [];
    for (let i = 0; i < 8; i++) {
      statuses.push((await request(server, '/api/auth.login', { body: { username: 'boss', password: `wrong-${i}` } })).status);
    }
    expect(statuses.slice(0, 5).every((s) => s === 401)).toBe(true);
    expect(statuses.slice(5).every((s) => s === 429)).toBe(true);
    // Even the right password waits now.
    expect((await request(server, '/api/auth.login', { body: { username: 'boss', password: 'secret-123' } })).status).toBe(429);
  });

  it('serves the app with a strict Content-Security-Policy and refuses path traversal', async () => {
    const page = await request(server, '/customers/123', { method: 'GET' });
    expect(page.status).toBe(200);
    expect(page.body).toContain('Desk ERP');
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    const traversal = await request(server, '/..%2f..%2fetc%2fpasswd', { method: 'GET' });
    expect(traversal.body).not.toContain('root:');
  });

  it('answers malformed JSON with a VALIDATION error, not a crash', async () => {
    const reply = await new Promise<Reply>((resolve, reject) => {
      const req = http.request(
        { host: '127.0.0.1', port: server.port, path: '/api/auth.status', method: 'POST', headers: { Host: `127.0.0.1:${server.port}`, 'Content-Type': 'application/json' } },
        (res) => {
          let data = '';
          res.on('data', (c: Buffer) => (data += c.toString()));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: data }));
        },
      );
      req.on('error', reject);
      req.end('{not json');
    });
    expect(reply.status).toBe(400);
    expect(JSON.parse(reply.body).error.code).toBe('VALIDATION');
  });
});
