import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testBackend } from '../db/test-db';
import { SESSION_COOKIE, startServer, type RunningServer } from './http';
import { answerOf, cookieOf, request, setUpCompany } from './http.test-helpers';

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

  const setUp = () => setUpCompany(server);

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

  it('answers a file as its bytes, with the file name and row count beside them in a header, never as base64 in JSON', async () => {
    const cookie = await setUp();
    await request(server, '/api/customers.create', { body: { name: '南京博雅食品有限公司', mobile: '13912345678' }, headers: { Cookie: cookie } });
    const reply = await request(server, '/api/exports.customers', { body: { format: 'csv', language: 'zh-CN' }, headers: { Cookie: cookie } });
    expect(reply.status).toBe(200);
    expect(reply.headers['content-type']).toBe('application/vnd.desk-erp.file');
    expect(reply.headers['cache-control']).toBe('no-store');
    // The body is the CSV itself (UTF-8 with its BOM), as a user's spreadsheet program reads it.
    expect(reply.body.startsWith('\uFEFF')).toBe(true);
    expect(reply.body).toContain('南京博雅食品有限公司');
    const header = JSON.parse(decodeURIComponent(reply.headers['x-desk-answer'] as string));
    expect(header).toEqual({ fileName: expect.stringMatching(/^客户档案-\d{4}-\d{2}-\d{2}\.csv$/), rows: 1 });
    // Read as the window reads it: the same answer a call in the desktop app gets.
    const answer = await answerOf(reply);
    expect(answer).toMatchObject({ ok: true, data: { fileName: header.fileName, rows: 1 } });
    expect(answer.ok && Buffer.from((answer.data as { content: Uint8Array }).content).equals(reply.bytes)).toBe(true);
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
    // Every way to the page gets a style nonce of its own, named in its policy, for Mantine's <style> tags.
    const nonces: (string | undefined)[] = [];
    for (const entry of ['/customers/123', '/', '/index.html']) {
      const reply = await request(server, entry, { method: 'GET' });
      const nonce = /<meta property="csp-nonce" nonce="([^"]+)">/.exec(reply.body)?.[1];
      expect(reply.headers['content-security-policy']).toContain(`style-src 'self' 'nonce-${nonce}'`);
      expect(reply.headers['content-security-policy']).not.toContain('unsafe-inline');
      nonces.push(nonce);
    }
    expect(new Set(nonces).size).toBe(3);
    const traversal = await request(server, '/..%2f..%2fetc%2fpasswd', { method: 'GET' });
    expect(traversal.body).not.toContain('root:');
  });

  it('answers malformed JSON with a VALIDATION error, not a crash', async () => {
    const reply = await request(server, '/api/auth.status', { rawBody: '{not json' });
    expect(reply.status).toBe(400);
    expect(JSON.parse(reply.body).error.code).toBe('VALIDATION');
  });

  it('limits sign-in attempts per client address, whatever the username', async () => {
    await setUp();
    const statuses: number[] = [];
    for (let i = 0; i < 21; i++) statuses.push((await request(server, '/api/auth.login', { body: { username: `nobody-${i}`, password: 'wrong-pass' } })).status);
    expect(statuses.slice(0, 20).every((s) => s === 401)).toBe(true);
    const refused = await request(server, '/api/auth.login', { body: { username: 'boss', password: 'secret-123' } });
    expect(refused.status).toBe(429);
    expect(JSON.parse(refused.body)).toMatchObject({ ok: false, error: { code: 'RATE_LIMITED' } });
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
  });

  it('serves built files with their cache policy, client routes with the app shell and a missing asset with 404', async () => {
    fs.mkdirSync(path.join(rendererDir, 'assets'));
    fs.writeFileSync(path.join(rendererDir, 'assets', 'index-abc123.js'), 'console.log(1)');
    const asset = await request(server, '/assets/index-abc123.js', { method: 'GET' });
    expect(asset.status).toBe(200);
    expect(asset.headers['content-type']).toMatch(/javascript/);
    expect(asset.headers['cache-control']).toContain('immutable');
    const shell = await request(server, '/', { method: 'GET' });
    expect(shell.body).toContain('Desk ERP');
    expect(shell.headers['cache-control']).toBe('no-cache');
    expect((await request(server, '/assets/missing-1.js', { method: 'GET' })).status).toBe(404);
    expect((await request(server, '/customers/123', { method: 'POST', body: {} })).status).toBe(405);
    expect((await request(server, '/api/users.list', { method: 'GET' })).status).toBe(405);
    expect((await request(server, '/api/no.such', { body: {} })).status).toBe(404);
  });

  it('never serves a file outside the renderer folder', async () => {
    const secret = path.join(path.dirname(rendererDir), `secret-${path.basename(rendererDir)}.txt`);
    fs.writeFileSync(secret, 'TOP-SECRET');
    const name = path.basename(secret);
    for (const pathname of [`/..%2f${name}`, `/../${name}`, `/%2e%2e/${name}`, `/assets/..%2f..%2f${name}`, `/..%5c${name}`, `/%2e%2e%2f%2e%2e%2fetc%2fpasswd`]) {
      const reply = await request(server, pathname, { method: 'GET' });
      expect(reply.body, pathname).not.toContain('TOP-SECRET');
      expect(reply.body, pathname).not.toContain('root:');
    }
    fs.rmSync(secret);
  });

  it('says the user interface is not built yet when there is no index.html', async () => {
    fs.rmSync(path.join(rendererDir, 'index.html'));
    const reply = await request(server, '/customers', { method: 'GET' });
    expect(reply.status).toBe(503);
    expect(reply.body).toContain('npm run build:renderer');
  });
});
