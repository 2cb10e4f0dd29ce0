// `npm start`: the desktop window when Electron is installed, otherwise the same UI in the browser
// (`npm run serve`). Extra arguments go to whichever starts: `npm start -- --port 4123`.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const args = process.argv.slice(2);

/** The `electron` package exports the path of its binary; it throws when the package or binary is missing. */
function electronBinary() {
  try {
    const binary = createRequire(import.meta.url)('electron');
    return typeof binary === 'string' && fs.existsSync(binary) ? binary : null;
  } catch {
    return null;
  }
}

function run(command, commandArgs) {
  const posix = process.platform !== 'win32';
  // On POSIX the child leads its own process group, so a signal reaches npm's `sh -c` *and* the server
  // under it (sh alone would not pass it on).
  const child = spawn(command, commandArgs, { cwd: root, stdio: 'inherit', detached: posix, shell: !posix && command === npm });
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.on(signal, () => {
      try {
        if (posix) process.kill(-child.pid, signal);
        else child.kill(signal);
      } catch {
        // Already gone.
      }
    });
  }
  child.on('error', (error) => {
    console.error(`Could not start ${command}: ${error.message}`);
    process.exit(1);
  });
  child.on('exit', (code, signal) => process.exit(code ?? 128 + (os.constants.signals[signal] ?? 1)));
}

/** Electron cannot load node_modules' Node build of better-sqlite3; build its own copy once (DESIGN §6). */
function ensureElectronSqlite() {
  const version = createRequire(import.meta.url)('electron/package.json').version;
  if (fs.existsSync(path.join(root, 'build', 'native', version, 'better_sqlite3.node'))) return;
  const rebuilt = spawnSync(process.execPath, [path.join(root, 'scripts', 'rebuild-native.mjs'), '--electron', version], { cwd: root, stdio: 'inherit' });
  if (rebuilt.status !== 0) process.exit(rebuilt.status ?? 1);
}

const electron = electronBinary();
if (electron) {
  const built = spawnSync(npm, ['run', '-s', 'build'], { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
  if (built.status !== 0) process.exit(built.status ?? 1);
  ensureElectronSqlite();
  run(electron, [root, ...args]);
} else {
  console.log('Desktop window unavailable (Electron is not installed on this machine); starting Desk ERP in browser mode instead.');
  run(npm, ['run', '-s', 'serve', ...(args.length > 0 ? ['--', ...args] : [])]);
}
