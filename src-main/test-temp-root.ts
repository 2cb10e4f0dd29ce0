/**
 * vitest's global set-up: every test run gets one temporary directory, and every test's temporary
 * files (databases, backups, exports, E2E servers' data) go under it through TMPDIR, so the run
 * leaves nothing behind in the machine's /tmp, whether or not a test cleans up after itself
 * (a developer's /tmp held 3,000 such directories, 37 GB, after a day's runs).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export default function oneTempDirPerRun(): () => void {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'desk-erp-test-run-'));
  // PostgreSQL's tests run initdb as the postgres user in a directory below this one.
  fs.chmodSync(root, 0o755);
  const before = process.env.TMPDIR;
  process.env.TMPDIR = root;
  return () => {
    if (before === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = before;
    fs.rmSync(root, { recursive: true, force: true });
  };
}
