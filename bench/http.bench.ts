import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { createBackend } from '../src-main/backend/backend';
import type { Session } from '../src-main/api/session';
import { startServer } from '../src-main/server/http';
import { measured, time, type BenchRow } from './measure';

/** What the headless server adds per call: a signed-in `settings.get` over keep-alive HTTP against the same call through dispatch. */
export async function benchHttp(): Promise<BenchRow[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'desk-erp-bench-http-'));
  fs.writeFileSync(path.join(dir, 'index.html'), '<!doctype html>');
  const backend = createBackend({ file: path.join(dir, 'bench.sqlite') });
  const server = await startServer({ backend, rendererDir: dir, port: 0 });
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const post = (method: string, body: unknown, cookie = '') =>
    new Promise<{ status: number; cookie: string }>((resolve, reject) => {
      const payload = JSON.stringify(body);
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
          res.resume();
          res.on('end', () => resolve({ status: res.statusCode ?? 0, cookie: res.headers['set-cookie']?.[0]?.split(';')[0] ?? '' }));
        },
      );
      req.on('error', reject);
      req.end(payload);
    });
  const setup = await post('auth.setup', { companyName: '基准测试公司', ownerUsername: 'owner', ownerDisplayName: '老板', password: 'bench-pass-1' });
  if (setup.status !== 200) throw new Error(`auth.setup over HTTP answered ${setup.status}`);
  const cookie = setup.cookie;
  const session: Session = { user: null };
  await backend.call({ session, transport: 'test' }, 'auth.login', { username: 'owner', password: 'bench-pass-1' });

  const settings = await measured(async () => ({
    area: 'http',
    what: 'signed-in `settings.get`',
    http: await time(3000, () => post('settings.get', {}, cookie), 300),
    dispatch: await time(3000, () => backend.call({ session, transport: 'test' }, 'settings.get', {})),
    goalText: 'HTTP adds < 0.5 ms at p50',
  }));
  const status = await measured(async () => ({
    area: 'http',
    what: 'signed-in `auth.status`',
    http: await time(3000, () => post('auth.status', {}, cookie), 300),
    dispatch: await time(3000, () => backend.call({ session, transport: 'test' }, 'auth.status', {})),
  }));
  agent.destroy();
  await server.close();
  backend.close();
  fs.rmSync(dir, { recursive: true, force: true });
  return [settings, status];
}
