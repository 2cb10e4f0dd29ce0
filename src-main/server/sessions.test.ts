import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Session, SessionUser } from '../api/session';
import { testBackend } from '../db/test-db';
import { startServer, type RunningServer } from './http';
import { cookieOf, request, setUpCompany, signInAs } from './http.test-helpers';
import { SessionStore } from './sessions';

function aUser(id: string): SessionUser {
  return { id, username: id, displayName: id, role: 'sales', locale: null };
}

describe('SessionStore', () => {
  it('ends every session of one user and no one else’s, running their end hooks', () => {
    const sessions = new SessionStore();
    const first: Session = { user: aUser('u1') };
    const second: Session = { user: aUser('u1') };
    const other: Session = { user: aUser('u2') };
    const [t1, t2, t3] = [sessions.issue(first), sessions.issue(second), sessions.issue(other)];
    const ended: string[] = [];
    sessions.onEnd(t1, () => ended.push('t1'));
    sessions.onEnd(t2, () => ended.push('t2'));
    sessions.onEnd(t3, () => ended.push('t3'));

    expect(sessions.endForUser('u1')).toBe(2);
    expect(ended).toEqual(['t1', 't2']);
    expect(sessions.get(t1)).toBeNull();
    expect(sessions.get(t2)).toBeNull();
    // Whoever still holds the Session object can no longer act as the user.
    expect(first.user).toBeNull();
    expect(sessions.get(t3)?.user?.id).toBe('u2');
  });

  it('forgets an end hook on request, and runs hooks once', () => {
    const sessions = new SessionStore();
    const token = sessions.issue({ user: aUser('u1') });
    let runs = 0;
    const forget = sessions.onEnd(token, () => runs++);
    forget();
    sessions.onEnd(token, () => (runs += 10));
    sessions.end(token);
    sessions.end(token);
    expect(runs).toBe(10);
  });

  it('ends a session idle past its limit when it is next used', async () => {
    const sessions = new SessionStore(5);
    const token = sessions.issue({ user: aUser('u1') });
    let ended = false;
    sessions.onEnd(token, () => (ended = true));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(sessions.get(token)).toBeNull();
    expect(ended).toBe(true);
  });
});

/** Opens `GET /api/events` and collects what arrives until the stream ends. */
function openEvents(server: RunningServer, cookie: string): Promise<{ status: number; received: () => string; ended: Promise<void> }> {
  return new Promise((resolve, reject) => {
    const req = http.get({ host: '127.0.0.1', port: server.port, path: '/api/events', headers: { Host: `127.0.0.1:${server.port}`, Cookie: cookie } }, (res) => {
      let text = '';
      const ended = new Promise<void>((done) => res.on('close', () => done()));
      res.on('data', (chunk: Buffer) => (text += chunk.toString()));
      resolve({ status: res.statusCode ?? 0, received: () => text, ended });
    });
    req.on('error', reject);
  });
}

async function until(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !condition(); i++) await new Promise((resolve) => setTimeout(resolve, 10));
  expect(condition()).toBe(true);
}

describe('event stream and sessions over HTTP', () => {
  let server: RunningServer;

  beforeEach(async () => {
    server = await startServer({ backend: testBackend(), rendererDir: fs.mkdtempSync(path.join(os.tmpdir(), 'renderer-')), port: 0 });
  });

  afterEach(async () => {
    await server.close();
  });

  it('refuses the event stream without a session', async () => {
    expect((await openEvents(server, '')).status).toBe(401);
  });

  it('streams data changes to a signed-in session, and closes the stream when the user’s sessions are ended', async () => {
    const cookie = await setUpCompany(server);
    const events = await openEvents(server, cookie);
    expect(events.status).toBe(200);
    await request(server, '/api/settings.update', { body: { companyName: '新名字公司' }, headers: { Cookie: cookie } });
    await until(() => events.received().includes('"data.changed"'));

    const me = JSON.parse((await request(server, '/api/auth.status', { body: {}, headers: { Cookie: cookie } })).body).data.user;
    expect(server.sessions.endForUser(me.id)).toBe(1);
    await events.ended;
    expect((await request(server, '/api/users.list', { body: {}, headers: { Cookie: cookie } })).status).toBe(401);
  });

  it('closes a disabled user’s event stream at once, telling the page why, and refuses their next call', async () => {
    const owner = await setUpCompany(server);
    const li = await signInAs(server, owner, 'sales');
    const events = await openEvents(server, li);
    const me = JSON.parse((await request(server, '/api/auth.status', { body: {}, headers: { Cookie: li } })).body).data.user;

    const disabled = await request(server, '/api/users.update', { body: { id: me.id, active: false }, headers: { Cookie: owner } });
    expect(disabled.status).toBe(200);

    await events.ended;
    expect(events.received()).toContain('"session.ended"');
    expect((await request(server, '/api/customers.list', { body: {}, headers: { Cookie: li } })).status).toBe(401);
    // The owner's own stream and session carry on.
    expect((await request(server, '/api/customers.list', { body: {}, headers: { Cookie: owner } })).status).toBe(200);
  });

  it('does not send a salesperson’s stream the changes of an area their role cannot read', async () => {
    const owner = await setUpCompany(server);
    const warehouse = await signInAs(server, owner, 'warehouse');
    const events = await openEvents(server, warehouse);
    await request(server, '/api/leads.create', { body: { name: '王先生', mobile: '13912345678' }, headers: { Cookie: owner } });
    await request(server, '/api/settings.update', { body: { companyName: '新名字公司' }, headers: { Cookie: owner } });
    await until(() => events.received().includes('"settings"'));
    expect(events.received()).not.toContain('"leads"');
  });

  it('closes the event stream at sign-out and gives a fresh cookie at the next sign-in', async () => {
    const cookie = await setUpCompany(server);
    const events = await openEvents(server, cookie);
    await request(server, '/api/auth.logout', { body: {}, headers: { Cookie: cookie } });
    await events.ended;
    const login = await request(server, '/api/auth.login', { body: { username: 'boss', password: 'secret-123' }, headers: { Cookie: cookie } });
    expect(cookieOf(login)).not.toBe(cookie);
  });
});
