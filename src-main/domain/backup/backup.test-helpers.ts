import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createBackend } from '../../backend/backend';
import { ownerApi, type TestApi } from '../../db/test-db';

/** An owner signed in to a company kept in a file (backups need one), in a fresh folder. */
export async function ownerApiOnFile(): Promise<TestApi & { dir: string; dbFile: string; close(): void }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'desk-erp-backup-'));
  const dbFile = path.join(dir, 'desk-erp.sqlite');
  const api = await ownerApi(createBackend({ file: dbFile }));
  return Object.assign(api, { dir, dbFile, close: () => api.backend.close() });
}

/**
 * Another process with the database open, as a second Desk ERP or a server would have it: WAL
 * mode, one statement run, then idle until killed.
 */
export async function anotherProcessHolding(dbFile: string): Promise<{ stop(): Promise<void> }> {
  const script = `
    const Database = require('better-sqlite3');
    const db = new Database(process.argv[1]);
    db.pragma('journal_mode = WAL');
    db.prepare('SELECT count(*) FROM users').get();
    process.stdout.write('holding\\n');
    setInterval(() => {}, 60000);`;
  const child: ChildProcess = spawn(process.execPath, ['-e', script, dbFile], { cwd: path.resolve(import.meta.dirname, '../../..'), stdio: ['ignore', 'pipe', 'pipe'] });
  await new Promise<void>((resolve, reject) => {
    let errors = '';
    child.stderr!.on('data', (d: Buffer) => (errors += d.toString()));
    child.stdout!.once('data', () => resolve());
    child.once('exit', (code) => reject(new Error(`The holding process exited (${code}): ${errors}`)));
  });
  return {
    stop: () =>
      new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.kill();
      }),
  };
}
