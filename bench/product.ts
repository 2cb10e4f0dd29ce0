/**
 * The product as a user runs it, on the bench's seeded file: createBackend (its own pragmas and
 * planner statistics, nothing more) and the headless Fastify server on a free port, both signed
 * in as the demo owner.
 */
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { createBackend, type RunningBackend } from '../src-main/backend/backend';
import type { Session } from '../src-main/api/session';
import { DEMO_OWNER } from '../src-main/seed/seed';
import { startServer, type RunningServer } from '../src-main/server/http';

export interface Product {
  backend: RunningBackend;
  /** Through dispatch; throws on an error envelope. */
  call(method: string, input: unknown): Promise<unknown>;
  /** POST /api/<method> over keep-alive HTTP; throws unless 200. */
  post(method: string, input: unknown): Promise<unknown>;
  close(): Promise<void>;
}

export async function openProduct(file: string): Promise<Product> {
  // As the server opens it: the WAL checkpointed by a thread of its own, not in the measured commits.
  // Unlike the server, no reader thread: reads run on the thread serving calls, where the replay of
  // the product's SQL captures them, and tasks (an import's prepare, a voucher file) run in place.
  const backend = createBackend({ file, checkpointer: true });
  const rendererDir = fs.mkdtempSync(path.join(os.tmpdir(), 'desk-erp-bench-renderer-'));
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html>');
  const server: RunningServer = await startServer({ backend, rendererDir, port: 0 });
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  let cookie = '';
  const request = (method: string, input: unknown) =>
    new Promise<{ status: number; body: string; cookie: string }>((resolve, reject) => {
      const payload = JSON.stringify(input);
      const req = http.request(
        {
          agent,
          host: '127.0.0.1',
          port: server.port,
          path: `/api/${method}`,
          method: 'POST',
          headers: { Host: `127.0.0.1:${server.port}`, 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(payload), Cookie: cookie },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8'), cookie: res.headers['set-cookie']?.[0]?.split(';')[0] ?? '' }));
        },
      );
      req.on('error', reject);
      req.end(payload);
    });
  const signIn = await request('auth.login', { username: DEMO_OWNER.username, password: DEMO_OWNER.password });
  if (signIn.status !== 200 || !signIn.cookie) throw new Error(`Signing in over HTTP answered ${signIn.status}: ${signIn.body}`);
  cookie = signIn.cookie;
  const session: Session = { user: null };
  const call = async (method: string, input: unknown) => {
    const result = await backend.call({ session, transport: 'test' }, method, input);
    if (!result.ok) throw new Error(`${method}: ${result.error.code} ${result.error.message}`);
    return result.data;
  };
  await call('auth.login', { username: DEMO_OWNER.username, password: DEMO_OWNER.password });
  return {
    backend,
    call,
    async post(method, input) {
      // The server may close a keep-alive socket that sat idle while dispatch was measured: ask again once on a new one.
      const reply = await request(method, input).catch((error: NodeJS.ErrnoException) => {
        if (error.code !== 'ECONNRESET') throw error;
        return request(method, input);
      });
      if (reply.status !== 200) throw new Error(`${method} over HTTP answered ${reply.status}: ${reply.body.slice(0, 200)}`);
      return JSON.parse(reply.body) as unknown;
    },
    async close() {
      agent.destroy();
      await server.close();
      backend.close();
      fs.rmSync(rendererDir, { recursive: true, force: true });
    },
  };
}
