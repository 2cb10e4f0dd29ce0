import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createBackend } from '../backend/backend';
import { startServer } from './http';
import { cookieOf, request, setUpCompany, signInAs } from './http.test-helpers';

describe('restoring a backup in browser mode', () => {
  it('closes, restores and reopens the server’s database, and signs every other browser out', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'desk-erp-restore-http-'));
    const backend = createBackend({ file: path.join(dir, 'desk-erp.sqlite') });
    const server = await startServer({ backend, rendererDir: dir, port: 0 });
    const call = (method: string, body: unknown, cookie: string) => request(server, `/api/${method}`, { body, headers: { Cookie: cookie } });
    try {
      const owner = await setUpCompany(server);
      const manager = await signInAs(server, owner, 'manager');
      const ownerElsewhere = cookieOf(await request(server, '/api/auth.login', { body: { username: 'boss', password: 'secret-123' } }));
      const made = JSON.parse((await call('backup.create', {}, owner)).body).data as { name: string };
      await call('settings.update', { companyName: '恢复前的名字' }, owner);

      const restored = await call('backup.restore', { name: made.name }, owner);
      expect(restored.status).toBe(200);
      expect(JSON.parse((await call('settings.get', {}, owner)).body).data.companyName).toBe('测试公司');
      expect((await call('settings.get', {}, manager)).status).toBe(401);
      expect((await call('settings.get', {}, ownerElsewhere)).status).toBe(401);
    } finally {
      await server.close();
      backend.close();
    }
  });
});
