import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testBackend } from '../db/test-db';
import { MAX_IMPORT_BYTES } from '../domain/imports/imports.contract';
import { importUploads } from '../domain/imports/imports.uploads';
import { startServer, type RunningServer } from './http';
import { request, sendBigBody, setUpCompany, signInAs, type Reply } from './http.test-helpers';

const MB = 1024 * 1024;
const OCTETS = { 'Content-Type': 'application/octet-stream' };
const CSV = '客户名称,手机\r\n南京博雅食品有限公司,13912345678\r\n上海申达贸易有限公司,13811112222\r\n';

function upload(server: RunningServer, cookie: string, content: string | Buffer): Promise<Reply> {
  return request(server, '/api/uploads', { rawBody: content, headers: { ...OCTETS, Cookie: cookie } });
}

function uploadedFiles(): string[] {
  return fs.readdirSync(importUploads.dir);
}

describe('import file uploads over HTTP', () => {
  let server: RunningServer;
  let owner: string;

  beforeEach(async () => {
    const rendererDir = fs.mkdtempSync(path.join(os.tmpdir(), 'renderer-'));
    server = await startServer({ backend: testBackend(), rendererDir, port: 0 });
    owner = await setUpCompany(server);
  });

  afterEach(async () => {
    await server.close();
  });

  it('keeps an upload as a temporary file that the preview and the import read by its id', async () => {
    const sent = await upload(server, owner, CSV);
    expect(sent.status).toBe(200);
    const { uploadId, size } = JSON.parse(sent.body).data;
    expect(size).toBe(Buffer.byteLength(CSV));
    expect(uploadedFiles()).toContain(uploadId);

    const preview = await request(server, '/api/imports.previewCustomers', { body: { fileName: '客户.csv', uploadId }, headers: { Cookie: owner } });
    expect(preview.status).toBe(200);
    expect(JSON.parse(preview.body).data).toMatchObject({ rowCount: 2, toCreate: 2, encoding: 'utf-8' });
    const imported = await request(server, '/api/imports.customers', { body: { fileName: '客户.csv', uploadId }, headers: { Cookie: owner } });
    expect(JSON.parse(imported.body).data).toMatchObject({ imported: 2 });
  });

  it('lets only the user who uploaded a file import it', async () => {
    const { uploadId } = JSON.parse((await upload(server, owner, CSV)).body).data;
    const sales = await signInAs(server, owner, 'sales');
    const reply = await request(server, '/api/imports.previewCustomers', { body: { fileName: '客户.csv', uploadId }, headers: { Cookie: sales } });
    expect(reply.status).toBe(400);
    expect(JSON.parse(reply.body).error).toMatchObject({ code: 'VALIDATION', issues: [{ path: 'uploadId' }] });
  });

  it('refuses an import naming no file, both kinds of file, or something that is not an upload id', async () => {
    const { uploadId } = JSON.parse((await upload(server, owner, CSV)).body).data;
    for (const input of [{ fileName: 'a.csv' }, { fileName: 'a.csv', uploadId, contentBase64: 'YQ==' }, { fileName: 'a.csv', uploadId: '../../etc/passwd' }]) {
      const reply = await request(server, '/api/imports.previewCustomers', { body: input, headers: { Cookie: owner } });
      expect(reply.status).toBe(400);
      expect(JSON.parse(reply.body).error.issues.map((i: { path: string }) => i.path)).toContain('uploadId');
    }
  });

  it('refuses an upload without a session with 401 before reading it', async () => {
    const before = uploadedFiles();
    const outcome = await sendBigBody(server, '/api/uploads', 40 * MB, { announce: true, stopAfter: MB, headers: OCTETS, timeoutMs: 5000 });
    expect(outcome.reply?.status).toBe(401);
    expect(outcome.sentBeforeReply).toBeLessThanOrEqual(MB);
    expect(uploadedFiles()).toEqual(before);
  });

  it('refuses an upload from a role that may not import with 403 before reading it', async () => {
    const warehouse = await signInAs(server, owner, 'warehouse');
    const outcome = await sendBigBody(server, '/api/uploads', 40 * MB, { announce: true, stopAfter: MB, headers: { ...OCTETS, Cookie: warehouse }, timeoutMs: 5000 });
    expect(outcome.reply?.status).toBe(403);
    expect(JSON.parse(outcome.reply!.body).error.code).toBe('FORBIDDEN');
  });

  it('answers an upload announced over the cap with 413 before reading it', async () => {
    const before = uploadedFiles();
    const outcome = await sendBigBody(server, '/api/uploads', MAX_IMPORT_BYTES + 1, { announce: true, stopAfter: MB, headers: { ...OCTETS, Cookie: owner }, timeoutMs: 5000 });
    expect(outcome.reply?.status).toBe(413);
    expect(outcome.sentBeforeReply).toBeLessThanOrEqual(MB);
    expect(uploadedFiles()).toEqual(before);
  });

  it('stops an unannounced upload at the cap with 413 and removes what it had written', async () => {
    const before = uploadedFiles();
    const outcome = await sendBigBody(server, '/api/uploads', MAX_IMPORT_BYTES + 5 * MB, { headers: { ...OCTETS, Cookie: owner }, timeoutMs: 20_000 });
    expect(outcome.error).toBeNull();
    expect(outcome.reply?.status).toBe(413);
    expect(JSON.parse(outcome.reply!.body).error).toMatchObject({ code: 'VALIDATION', message: expect.stringContaining('45 MB') });
    expect(uploadedFiles()).toEqual(before);
  });

  it('takes the file only as application/octet-stream', async () => {
    const reply = await request(server, '/api/uploads', { rawBody: CSV, headers: { 'Content-Type': 'text/csv', Cookie: owner } });
    expect(reply.status).toBe(415);
  });

  it('keeps three uploads per user and removes them all when the server stops', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 4; i++) ids.push(JSON.parse((await upload(server, owner, CSV)).body).data.uploadId);
    const held = uploadedFiles();
    expect(held).not.toContain(ids[0]);
    expect(held).toEqual(expect.arrayContaining(ids.slice(1)));
    await server.close();
    expect(uploadedFiles().filter((f) => ids.includes(f))).toEqual([]);
    server = await startServer({ backend: testBackend(), rendererDir: os.tmpdir(), port: 0 });
  });
});
