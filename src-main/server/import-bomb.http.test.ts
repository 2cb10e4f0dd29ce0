import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testBackend } from '../db/test-db';
import { inlineRow, peakMemoryGrowth, xlsxOfRepeatedRows } from '../domain/imports/imports.zip.test-helpers';
import { startServer, type RunningServer } from './http';
import { request, setUpCompany, signInAs, type Reply } from './http.test-helpers';

const MB = 1024 * 1024;

/** Ten thousand customer names, repeated: 7 million rows in 37 MB, like the salesperson's 34 MB file. */
function sevenMillionRows(options: { declaredSize?: number } = {}) {
  let rows = '';
  for (let r = 1; r <= 10_000; r++) rows += inlineRow(r, ['南京博雅食品有限公司']);
  return xlsxOfRepeatedRows(rows, 700, options);
}

describe('an XLSX row bomb uploaded to the headless server', () => {
  let server: RunningServer;

  beforeEach(async () => {
    const rendererDir = fs.mkdtempSync(path.join(os.tmpdir(), 'renderer-'));
    server = await startServer({ backend: testBackend(), rendererDir, port: 0 });
  });

  afterEach(async () => {
    await server.close();
  });

  it.each([
    ['honest about its size', {}, 'file_too_large'],
    // Its zip header claims 200 MB, under the cap, so the rows stream until the row limit stops them.
    ['lying about its size', { declaredSize: 200 * MB }, 'too_many_rows'],
  ] as const)('is refused within 10 s of processor time while the server keeps answering (%s)', async (_label, options, code) => {
    const owner = await setUpCompany(server);
    const sales = await signInAs(server, owner, 'sales');
    const { file } = sevenMillionRows(options);
    const sent = await request(server, '/api/uploads', { rawBody: file, headers: { 'Content-Type': 'application/octet-stream', Cookie: sales } });
    expect(sent.status).toBe(200);
    const { uploadId } = JSON.parse(sent.body).data as { uploadId: string };

    const answers: { status: number; ms: number }[] = [];
    let previewing = true;
    const pings = (async () => {
      while (previewing) {
        const started = performance.now();
        const reply = await request(server, '/api/auth.status', { body: {}, headers: { Cookie: sales } });
        answers.push({ status: reply.status, ms: performance.now() - started });
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    })();
    const cpuBefore = process.cpuUsage();
    const { result, seconds, growthMb } = await peakMemoryGrowth(() =>
      request(server, '/api/imports.previewCustomers', { body: { fileName: '客户.xlsx', uploadId }, headers: { Cookie: sales } }),
    );
    // Processor time, which a machine shared with other work does not stretch as it does the wall clock.
    const cpu = process.cpuUsage(cpuBefore);
    const cpuSeconds = (cpu.user + cpu.system) / 1e6;
    previewing = false;
    await pings;

    const reply = result as Reply;
    expect(reply.status).toBe(400);
    expect(JSON.parse(reply.body).error).toMatchObject({ code: 'VALIDATION', issues: [{ code }] });
    expect(cpuSeconds).toBeLessThan(10);
    expect(seconds).toBeLessThan(45);
    expect(growthMb).toBeLessThan(300);
    // Other callers were answered all along, not after the preview let go.
    expect(answers.length).toBeGreaterThan(0);
    expect(answers.every((a) => a.status === 200)).toBe(true);
    expect(Math.max(...answers.map((a) => a.ms))).toBeLessThan(2000);
    expect(JSON.parse((await request(server, '/api/customers.list', { body: {}, headers: { Cookie: sales } })).body)).toMatchObject({ ok: true, data: { total: 0 } });
  }, 60_000);
});
