/**
 * vitest's global set-up: every test run gets one temporary directory, and every test's temporary
 * files (databases, backups, exports, E2E servers' data) go under it through TMPDIR, so the run
 * leaves nothing behind in the machine's /tmp, whether or not a test cleans up after itself
 * (a developer's /tmp held 3,000 such directories, 37 GB, after a day's runs).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const PREFIX = 'desk-erp-tests-';

export default function oneTempDirPerRun(): () => void {
  // vitest runs a global set-up once for the run and once per project: the first one made the
  // directory. Nesting them would pass the 107 bytes a Unix socket path may hold (Chromium's).
  if (path.basename(os.tmpdir()).startsWith(PREFIX)) return () => {};
  const root = fs.mkdtempSync(path.join(os.tmpdir(), PREFIX));
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
