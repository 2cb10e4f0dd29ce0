import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testBackend } from '../db/test-db';
import { startServer, type RunningServer } from './http';
import { request, sendBigBody, setUpCompany } from './http.test-helpers';

const MB = 1024 * 1024;

describe('headless server limits', () => {
  let server: RunningServer;

  beforeEach(async () => {
    const rendererDir = fs.mkdtempSync(path.join(os.tmpdir(), 'renderer-'));
    fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>Desk ERP</title>');
    server = await startServer({ backend: testBackend(), rendererDir, port: 0 });
  });

  afterEach(async () => {
    await server.close();
  });

  it('answers a 60 MB body to a public method with 413 before the body is sent', async () => {
    const outcome = await sendBigBody(server, '/api/auth.status', 60 * MB, { announce: true, stopAfter: MB, timeoutMs: 5000 });
    expect(outcome.error).toBeNull();
    expect(outcome.reply?.status).toBe(413);
    expect(JSON.parse(outcome.reply!.body)).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: expect.stringContaining('1 MB') } });
    expect(outcome.sentBeforeReply).toBeLessThanOrEqual(MB);
  });

  it('stops reading a chunked body at 1 MB and answers 413 while the caller is still sending', async () => {
    const outcome = await sendBigBody(server, '/api/auth.status', 60 * MB, { stopAfter: 3 * MB, timeoutMs: 5000 });
    expect(outcome.reply?.status).toBe(413);
    expect(outcome.sentBeforeReply).toBeLessThanOrEqual(3 * MB);
  });

  it('answers a 60 MB body to a signed-in method without a session with 401 before reading it', async () => {
    await setUpCompany(server);
    const outcome = await sendBigBody(server, '/api/users.list', 60 * MB, { announce: true, stopAfter: MB, timeoutMs: 5000 });
    expect(outcome.reply?.status).toBe(401);
    expect(JSON.parse(outcome.reply!.body)).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
  });

  it('keeps its memory bounded while eight callers each send 60 MB at once, and answers every one with 413', async () => {
    let peak = process.memoryUsage().rss;
    const before = peak;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 10);
    try {
      const outcomes = await Promise.all(Array.from({ length: 8 }, () => sendBigBody(server, '/api/auth.status', 60 * MB, { timeoutMs: 50_000 })));
      expect(outcomes.map((o) => o.error)).toEqual(Array(8).fill(null));
      expect(outcomes.map((o) => o.reply?.status)).toEqual(Array(8).fill(413));
    } finally {
      clearInterval(sampler);
    }
    expect((peak - before) / MB).toBeLessThan(100);
  }, 60_000);

  it('closes the connection when a refused body keeps coming past the grace period', async () => {
    const impatient = await startServer({ backend: testBackend(), rendererDir: fs.mkdtempSync(path.join(os.tmpdir(), 'renderer-')), port: 0, refusedBodyGraceMs: 300 });
    try {
      const started = Date.now();
      const outcome = await sendBigBody(impatient, '/api/auth.status', Number.MAX_SAFE_INTEGER, { timeoutMs: 10_000 });
      expect(outcome.reply?.status).toBe(413);
      expect(outcome.error).not.toBeNull();
      expect(Date.now() - started).toBeLessThan(5000);
    } finally {
      await impatient.close();
    }
  });

  it('answers a URL with bad percent-encoding with 400, not 500', async () => {
    for (const pathname of ['/api/auth.status%E0%A4%A', '/api/%ZZ', '/customers/%E0%A4%A', '/%']) {
      const reply = await request(server, pathname, { method: pathname.startsWith('/api/') ? 'POST' : 'GET', body: {} });
      expect(reply.status, pathname).toBe(400);
      expect(JSON.parse(reply.body), pathname).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    }
  });

  it('takes only application/json (with an optional UTF-8 charset) and answers anything else with 415', async () => {
    for (const type of ['text/plain', 'application/jsonx', 'application/json-patch+json', 'text/plain; a=application/json', 'application/x-www-form-urlencoded', 'application/json; charset=latin1']) {
      const reply = await request(server, '/api/auth.status', { rawBody: '{}', headers: { 'Content-Type': type } });
      expect(reply.status, type).toBe(415);
      expect(JSON.parse(reply.body), type).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    }
    for (const type of ['application/json', 'application/json; charset=utf-8', 'Application/JSON;charset="UTF-8"']) {
      expect((await request(server, '/api/auth.status', { rawBody: '{}', headers: { 'Content-Type': type } })).status, type).toBe(200);
    }
  });

  it('answers a page number past the maximum with VALIDATION, not INTERNAL', async () => {
    const cookie = await setUpCompany(server);
    for (const input of [{ page: 1e308 }, { page: 1_000_001 }, { pageSize: 1e308 }]) {
      const reply = await request(server, '/api/users.list', { body: input, headers: { Cookie: cookie } });
      expect(reply.status).toBe(400);
      expect(JSON.parse(reply.body)).toMatchObject({ ok: false, error: { code: 'VALIDATION', issues: [{ path: Object.keys(input)[0] }] } });
    }
    expect((await request(server, '/api/users.list', { body: { page: 1_000_000 }, headers: { Cookie: cookie } })).status).toBe(200);
  });
});
