import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { FuseV1Options } from '@electron/fuses';
import { afterEach, describe, expect, it } from 'vitest';

const projectRoot = fileURLToPath(new URL('../../', import.meta.url));
const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
// Electron's defaults for the eight fuses @electron/fuses 1.x names, then one more as newer Electrons have.
const ELECTRON_DEFAULT_WIRE = '101100011';

type AfterPack = (context: {
  appOutDir: string;
  electronPlatformName: string;
  packager: { appInfo: { productFilename: string }; executableName: string };
}) => Promise<void>;

let appOutDir: string;

/** A stand-in executable carrying Electron's fuse wire (version 1) between other bytes. */
function fakeElectronExecutable(file: string): void {
  const wire = Buffer.concat([Buffer.from(SENTINEL), Buffer.from([1, ELECTRON_DEFAULT_WIRE.length]), Buffer.from(ELECTRON_DEFAULT_WIRE)]);
  fs.writeFileSync(file, Buffer.concat([Buffer.from('\x7fELF before the wire '), wire, Buffer.from(' after the wire')]));
}

/** The fuse wire as '0' (off) and '1' (on), fuse 0 first. */
function readFuseWire(file: string): string {
  const bytes = fs.readFileSync(file);
  const start = bytes.indexOf(SENTINEL) + SENTINEL.length;
  return bytes.subarray(start + 2, start + 2 + bytes[start + 1]!).toString('latin1');
}

async function packAndFlip(platform: 'linux' | 'win32', executable: string) {
  appOutDir = fs.mkdtempSync(path.join(os.tmpdir(), 'desk-erp-pack-'));
  fakeElectronExecutable(path.join(appOutDir, executable));
  const afterPack = (await import(pathToFileURL(path.join(projectRoot, 'scripts', 'flip-fuses.mjs')).href)).default as AfterPack;
  await afterPack({ appOutDir, electronPlatformName: platform, packager: { appInfo: { productFilename: 'Desk ERP' }, executableName: 'desk-erp' } });
  return readFuseWire(path.join(appOutDir, executable));
}

describe('fuses flipped on the packaged binary (STYLE.md security baseline)', () => {
  afterEach(() => fs.rmSync(appOutDir, { recursive: true, force: true }));

  it.each([
    ['linux', 'desk-erp'],
    ['win32', 'Desk ERP.exe'],
  ] as const)('on %s: no RunAsNode, cookies encrypted, no NODE_OPTIONS or inspect flags, ASAR only and checked', async (platform, executable) => {
    const wire = await packAndFlip(platform, executable);
    expect(wire[FuseV1Options.RunAsNode]).toBe('0');
    expect(wire[FuseV1Options.EnableCookieEncryption]).toBe('1');
    expect(wire[FuseV1Options.EnableNodeOptionsEnvironmentVariable]).toBe('0');
    expect(wire[FuseV1Options.EnableNodeCliInspectArguments]).toBe('0');
    expect(wire[FuseV1Options.EnableEmbeddedAsarIntegrityValidation]).toBe('1');
    expect(wire[FuseV1Options.OnlyLoadAppFromAsar]).toBe('1');
    expect(wire[FuseV1Options.GrantFileProtocolExtraPrivileges]).toBe('0');
    // Left as Electron ships them: the V8 snapshot fuse and a fuse this @electron/fuses does not name.
    expect(wire[FuseV1Options.LoadBrowserProcessSpecificV8Snapshot]).toBe('0');
    expect(wire[8]).toBe('1');
  });
});

describe('what electron-builder packs', () => {
  it('leaves out the electron package and everything only it pulls in', () => {
    const lock = JSON.parse(fs.readFileSync(path.join(projectRoot, 'package-lock.json'), 'utf8'));
    const builder = fs.readFileSync(path.join(projectRoot, 'electron-builder.yml'), 'utf8');
    const excluded = [...builder.matchAll(/^\s*- "!(node_modules\/[^"]+)\/\*\*"$/gm)].map((match) => match[1]!);
    // electron is the only optional production dependency, so the lock's optional, non-dev entries are its tree.
    const electronTree = Object.entries(lock.packages as Record<string, { optional?: boolean; dev?: boolean; devOptional?: boolean }>)
      .filter(([, entry]) => entry.optional && !entry.dev && !entry.devOptional)
      .map(([location]) => location);
    expect(electronTree).toContain('node_modules/electron');
    const packed = electronTree.filter((location) => !excluded.some((folder) => location === folder || location.startsWith(`${folder}/`)));
    expect(packed).toEqual([]);
  });
});

describe('Electron version', () => {
  it('is the same exact version in package.json, package-lock.json and electron-builder.yml', () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(projectRoot, 'package.json'), 'utf8'));
    const lock = JSON.parse(fs.readFileSync(path.join(projectRoot, 'package-lock.json'), 'utf8'));
    const builder = fs.readFileSync(path.join(projectRoot, 'electron-builder.yml'), 'utf8');
    const pinned = manifest.optionalDependencies.electron;
    expect(pinned).toMatch(/^\d+\.\d+\.\d+$/);
    expect(lock.packages['node_modules/electron'].version).toBe(pinned);
    expect(/^electronVersion:\s*(\S+)$/m.exec(builder)?.[1]).toBe(pinned);
  });
});
