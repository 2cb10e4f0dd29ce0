// `npm start`: the desktop window when Electron is installed (its binary downloaded on the first start),
// otherwise the same UI in the browser (`npm run serve`) after one line saying why. Extra arguments go to
// whichever starts: `npm start -- --port 4123`. ELECTRON_SKIP_BINARY_DOWNLOAD=1 never downloads.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const args = process.argv.slice(2);

const require = createRequire(import.meta.url);

/** Electron 42 and later ship no postinstall: `require('electron')` downloads the binary on first use. */
function electronBinaryDownloaded(packageDir) {
  try {
    return fs.existsSync(path.join(packageDir, 'dist', fs.readFileSync(path.join(packageDir, 'path.txt'), 'utf8')));
  } catch {
    return false;
  }
}

/** Why the package is absent: npm skips the optional Electron on a Node older than its engines ask for. */
function electronMissingReason() {
  try {
    const locked = JSON.parse(fs.readFileSync(path.join(root, 'package-lock.json'), 'utf8')).packages['node_modules/electron'];
    const minimum = /^>=\s*(\d+)\.(\d+)\.(\d+)$/.exec(locked.engines.node.trim());
    const [major, minor] = process.versions.node.split('.').map(Number);
    if (minimum && (major < Number(minimum[1]) || (major === Number(minimum[1]) && minor < Number(minimum[2])))) {
      return `Electron ${locked.version} needs Node.js ${minimum.slice(1).join('.')} or newer, this is Node.js ${process.versions.node}`;
    }
  } catch {
    // No lock file entry to explain it; the plain reason will do.
  }
  return 'Electron is not installed on this machine';
}

/**
 * Electron's binary, downloading it on first start, or why the desktop window cannot open. The download
 * runs here, quietly, rather than inside `require('electron')`, whose failure prints a stack trace.
 */
function desktopElectron() {
  let packageDir;
  try {
    packageDir = path.dirname(require.resolve('electron/package.json'));
  } catch {
    return { reason: electronMissingReason() };
  }
  if (!electronBinaryDownloaded(packageDir)) {
    const { version } = require('electron/package.json');
    if (process.env.ELECTRON_SKIP_BINARY_DOWNLOAD) return { reason: `Electron ${version} is not downloaded and ELECTRON_SKIP_BINARY_DOWNLOAD is set` };
    // No newline: success ends this line with "done", failure with the browser-mode notice.
    process.stdout.write(`Downloading Electron ${version} (first start only)… `);
    const download = spawnSync(process.execPath, [path.join(packageDir, 'install.js')], { cwd: packageDir, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
    if (download.status !== 0 || !electronBinaryDownloaded(packageDir)) {
      const cause = (download.stderr ?? '').split('\n').find((line) => line.trim() !== '') ?? download.error?.message ?? `exit code ${download.status}`;
      return { reason: `the download failed: ${cause.trim()}` };
    }
    process.stdout.write('done.\n');
  }
  return { binary: require('electron') };
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
  const { version } = require('electron/package.json');
  if (fs.existsSync(path.join(root, 'build', 'native', version, 'better_sqlite3.node'))) return;
  const rebuilt = spawnSync(process.execPath, [path.join(root, 'scripts', 'rebuild-native.mjs'), '--electron', version], { cwd: root, stdio: 'inherit' });
  if (rebuilt.status !== 0) process.exit(rebuilt.status ?? 1);
}

const electron = desktopElectron();
if (electron.binary) {
  const built = spawnSync(npm, ['run', '-s', 'build'], { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
  if (built.status !== 0) process.exit(built.status ?? 1);
  ensureElectronSqlite();
  run(electron.binary, [root, ...args]);
} else {
  console.log(`Desktop window unavailable (${electron.reason}); starting Desk ERP in browser mode instead.`);
  run(npm, ['run', '-s', 'serve', ...(args.length > 0 ? ['--', ...args] : [])]);
}
