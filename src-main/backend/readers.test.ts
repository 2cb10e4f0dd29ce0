import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Session } from '../api/session';
import { aCustomer } from '../domain/customers/customers.test-helpers';
import { createBackend, type RunningBackend } from './backend';
import type { ReaderPool } from './readers';

const opened: RunningBackend[] = [];
afterEach(() => opened.splice(0).forEach((backend) => backend.close()));

async function companyWithReaders() {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'desk-erp-readers-')), 'desk-erp.sqlite');
  const backend = createBackend({ file, readers: 1 });
  opened.push(backend);
  await (backend.readers as ReaderPool).started();
  const session: Session = { user: null };
  const call = (method: string, input: unknown) => backend.call({ session, transport: 'test' }, method, input);
  const setup = await call('auth.setup', { companyName: '南京博雅食品有限公司', ownerUsername: 'boss', ownerDisplayName: '老板', password: 'secret-123' });
  expect(setup.ok).toBe(true);
  return { backend, call };
}

describe('reader threads', () => {
  it('answer a read while the write connection holds an open transaction, and see each write once it commits', async () => {
    const { backend, call } = await companyWithReaders();
    expect((await call('customers.create', aCustomer())).ok).toBe(true);

    // A long write in the middle of its transaction (an import, a period close).
    backend.conn.sqlite.exec('BEGIN IMMEDIATE');
    backend.conn.sqlite.prepare("UPDATE customers SET notes = 'half-way'").run();
    const during = await call('customers.list', {});
    expect(during).toMatchObject({ ok: true, data: { total: 1 } });
    expect(await call('customers.get', { id: (during as { data: { rows: { id: string }[] } }).data.rows[0]!.id })).toMatchObject({ ok: true, data: { notes: null } });
    backend.conn.sqlite.exec('COMMIT');

    expect((await call('customers.create', aCustomer({ name: '上海申达贸易有限公司', shortName: '申达' }))).ok).toBe(true);
    expect(await call('customers.list', {})).toMatchObject({ ok: true, data: { total: 2 } });
  });

  it('return a read’s refusal as the same envelope, and keep permissions in the caller’s thread', async () => {
    const { call } = await companyWithReaders();
    expect(await call('customers.get', { id: '0190a000-0000-7000-8000-00000000ffff' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await call('customers.list', { page: 0 })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    await call('auth.logout', {});
    expect(await call('customers.list', {})).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
  });
});
