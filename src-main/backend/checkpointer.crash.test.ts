import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundledCli, cli, integrityOf, runCliProcess } from '../cli/crash.test-helpers';
import { openDatabase } from '../db/connection';

/**
 * With checkpoints left to their own thread the WAL holds many megabytes of commits the database
 * file has not got yet; a process killed then loses none of them (SQLite replays the WAL on open).
 */
const ENTRY = path.resolve(import.meta.dirname, '../worker/checkpoint-entry.mjs');
const MB = 1024 * 1024;
let child: Awaited<ReturnType<typeof bundledCli>>;
let dir: string;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'desk-erp-checkpoint-crash-'));
  child = await bundledCli('src-main/backend/checkpointer.crash-child.test-helpers.ts');
}, 180_000);
afterAll(() => {
  child?.remove();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('a server killed with a big WAL', () => {
  it('keeps every customer whose creation had returned', async () => {
    const db = path.join(dir, 'desk-erp.sqlite');
    const init = await cli('init', '--db', db, '--company', '南京博雅食品有限公司', '--owner', 'boss', '--password', 'secret-123');
    expect(init.code, init.stdout).toBe(0);
    const run = runCliProcess(child.file, [db, ENTRY]);
    // Past SQLite's own autocheckpoint (1000 pages): only the checkpointer thread copies this WAL.
    const poll = setInterval(() => {
      if (fs.existsSync(`${db}-wal`) && fs.statSync(`${db}-wal`).size >= 6 * MB) run.kill();
    }, 5);
    void run.exited.then(() => clearInterval(poll));
    const { signal, stderr } = await run.exited;
    expect(signal, stderr).toBe('SIGKILL');
    const acknowledged = run.acknowledged();
    expect(acknowledged.length).toBeGreaterThan(20);

    expect(integrityOf(db)).toBe('ok');
    const conn = openDatabase(db);
    try {
      const present = new Set(conn.sqlite.prepare('SELECT id FROM customers').pluck().all() as string[]);
      expect(acknowledged.filter((id) => !present.has(id))).toEqual([]);
    } finally {
      conn.close();
    }
  }, 180_000);
});
