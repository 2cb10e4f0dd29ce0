import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';

// scripts/start.mjs run in a scratch project: its `serve` and `build` scripts and the Electron "binary"
// only print what was started, and node_modules/electron is a stand-in shaped like Electron 45's package
// (no postinstall; install.js downloads dist/ and writes path.txt).

const startScript = fileURLToPath(new URL('../../scripts/start.mjs', import.meta.url));
let project: string;

afterEach(() => fs.rmSync(project, { recursive: true, force: true }));

// What Electron 45's install.js does: fetch the zip, unpack it to dist/, name the executable in path.txt.
const INSTALL_WORKS = `const fs = require('fs'); const path = require('path');
console.log('a progress bar');
fs.mkdirSync(path.join(__dirname, 'dist'), { recursive: true });
fs.writeFileSync(path.join(__dirname, 'dist', 'electron'), '#!/bin/sh\\necho "electron $*"\\n', { mode: 0o755 });
fs.writeFileSync(path.join(__dirname, 'path.txt'), 'electron');
`;
const INSTALL_OFFLINE = `console.error('TypeError: fetch failed\\n    at FetchDownloader.download (dist/FetchDownloader.js:46:30)');
process.exit(1);
`;

/** `downloadable`: package there, binary not yet; `offline`: the same, and its download fails. */
function scratchProject(options: { electron: 'absent' | 'downloaded' | 'downloadable' | 'offline'; lockedEngines?: string }) {
  project = fs.mkdtempSync(path.join(os.tmpdir(), 'desk-erp-start-'));
  fs.mkdirSync(path.join(project, 'scripts'));
  fs.copyFileSync(startScript, path.join(project, 'scripts', 'start.mjs'));
  fs.writeFileSync(path.join(project, 'print.js'), "console.log(process.argv.slice(2).join(' '));\n");
  fs.writeFileSync(path.join(project, 'package.json'), JSON.stringify({ name: 'scratch', private: true, scripts: { serve: 'node print.js serve', build: 'node -e 0' } }));
  fs.writeFileSync(
    path.join(project, 'package-lock.json'),
    JSON.stringify({ packages: { 'node_modules/electron': { version: '45.5.0', engines: { node: options.lockedEngines ?? '>= 22.12.0' } } } }),
  );
  if (options.electron === 'absent') return;

  const electron = path.join(project, 'node_modules', 'electron');
  fs.mkdirSync(electron, { recursive: true });
  fs.writeFileSync(path.join(electron, 'package.json'), JSON.stringify({ name: 'electron', version: '45.5.0', main: 'index.js' }));
  // Like Electron's index.js, which would start a noisy download of its own when path.txt is missing.
  fs.writeFileSync(
    path.join(electron, 'index.js'),
    `const fs = require('fs'); const path = require('path');
if (!fs.existsSync(path.join(__dirname, 'path.txt'))) { console.log('Downloading Electron binary...'); throw new Error('Electron failed to install correctly'); }
module.exports = path.join(__dirname, 'dist', fs.readFileSync(path.join(__dirname, 'path.txt'), 'utf8'));
`,
  );
  fs.writeFileSync(path.join(electron, 'install.js'), options.electron === 'offline' ? INSTALL_OFFLINE : INSTALL_WORKS);
  if (options.electron === 'downloaded') spawnSync(process.execPath, [path.join(electron, 'install.js')]);
  // The Electron build of better-sqlite3 is there already, so start.mjs does not build it.
  fs.mkdirSync(path.join(project, 'build', 'native', '45.5.0'), { recursive: true });
  fs.writeFileSync(path.join(project, 'build', 'native', '45.5.0', 'better_sqlite3.node'), '');
}

function npmStart(env: Record<string, string> = {}) {
  const { ELECTRON_SKIP_BINARY_DOWNLOAD: _inherited, ...inherited } = process.env;
  const result = spawnSync(process.execPath, [path.join(project, 'scripts', 'start.mjs'), '--port', '4123'], {
    cwd: project,
    env: { ...inherited, ...env },
    encoding: 'utf8',
  });
  return { status: result.status, lines: result.stdout.trim().split('\n'), stderr: result.stderr };
}

describe.skipIf(process.platform === 'win32')('npm start', () => {
  it('opens the desktop window when Electron is downloaded', () => {
    scratchProject({ electron: 'downloaded' });
    const { status, lines } = npmStart();
    expect(status).toBe(0);
    expect(lines).toEqual([`electron ${project} --port 4123`]);
  });

  it('downloads Electron on the first start, quietly, then opens the desktop window', () => {
    scratchProject({ electron: 'downloadable' });
    const { lines } = npmStart();
    expect(lines).toEqual(['Downloading Electron 45.5.0 (first start only)… done.', `electron ${project} --port 4123`]);
  });

  it('says in one line why the download failed and starts browser mode, without a stack trace', () => {
    scratchProject({ electron: 'offline' });
    const { status, lines, stderr } = npmStart();
    expect(status).toBe(0);
    expect(lines).toEqual([
      'Downloading Electron 45.5.0 (first start only)… Desktop window unavailable (the download failed: TypeError: fetch failed); starting Desk ERP in browser mode instead.',
      'serve --port 4123',
    ]);
    expect(stderr).toBe('');
  });

  it('does not download when ELECTRON_SKIP_BINARY_DOWNLOAD is set', () => {
    scratchProject({ electron: 'downloadable' });
    const { lines } = npmStart({ ELECTRON_SKIP_BINARY_DOWNLOAD: '1' });
    expect(lines).toEqual([
      'Desktop window unavailable (Electron 45.5.0 is not downloaded and ELECTRON_SKIP_BINARY_DOWNLOAD is set); starting Desk ERP in browser mode instead.',
      'serve --port 4123',
    ]);
    expect(fs.existsSync(path.join(project, 'node_modules', 'electron', 'path.txt'))).toBe(false);
  });

  it('names the Node.js that Electron needs when npm left it out for an older one', () => {
    scratchProject({ electron: 'absent', lockedEngines: '>= 99.1.0' });
    expect(npmStart().lines).toEqual([
      `Desktop window unavailable (Electron 45.5.0 needs Node.js 99.1.0 or newer, this is Node.js ${process.versions.node}); starting Desk ERP in browser mode instead.`,
      'serve --port 4123',
    ]);
  });

  it('says Electron is not installed when the Node.js is new enough', () => {
    scratchProject({ electron: 'absent', lockedEngines: '>= 12.0.0' });
    expect(npmStart().lines[0]).toBe('Desktop window unavailable (Electron is not installed on this machine); starting Desk ERP in browser mode instead.');
  });
});
