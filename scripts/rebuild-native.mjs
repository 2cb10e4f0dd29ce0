// Builds better-sqlite3 for Electron into build/native/<electron version>/better_sqlite3.node (DESIGN §6).
//
// node_modules/better-sqlite3 keeps its Node build (tests, CLI, headless server). The Electron copy is
// built from a scratch copy of the package, so the Node build is never touched, and main.ts hands it to
// better-sqlite3 as `nativeBinding` (dev: build/native/<version>/, packaged: resources/native/<version>/,
// shipped by electron-builder.yml's extraResources).
//
//   node scripts/rebuild-native.mjs [--electron 45.5.0] [--arch x64|arm64|ia32] [--platform win32|darwin|linux]
//
// Also electron-builder's `beforePack` hook, so `npm run dist` builds it for each target it packs.
// Needs the network (Electron headers or a prebuilt binary from better-sqlite3's releases) and, without
// a matching prebuilt, a C++ toolchain. It cannot run on the offline development machine this was written
// on; it has not been exercised there. Uses @electron/rebuild, which electron-builder already depends on.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);

/** The Electron version: the installed package, else electron-builder.yml's electronVersion. */
export function electronVersion() {
  try {
    return require('electron/package.json').version;
  } catch {
    const yml = fs.readFileSync(path.join(root, 'electron-builder.yml'), 'utf8');
    const match = /^electronVersion:\s*["']?([\d.]+)/m.exec(yml);
    if (!match) throw new Error('Electron version unknown: install electron or set electronVersion in electron-builder.yml.');
    return match[1];
  }
}

export function nativeBindingPath(version) {
  return path.join(root, 'build', 'native', version, 'better_sqlite3.node');
}

export async function rebuildNative({ version = electronVersion(), arch = process.arch, platform = process.platform } = {}) {
  const { rebuild } = await import('@electron/rebuild');
  // An npm `nodedir` setting (set on some offline machines, exported to scripts as npm_config_nodedir)
  // would make node-gyp compile against Node's headers: a binary Electron refuses. Use Electron's.
  for (const key of Object.keys(process.env)) if (key.toLowerCase() === 'npm_config_nodedir') delete process.env[key];
  const source = path.join(root, 'node_modules', 'better-sqlite3');
  const sqlitePackage = JSON.parse(fs.readFileSync(path.join(source, 'package.json'), 'utf8'));
  // Inside the project, so @electron/rebuild finds prebuild-install in the project's node_modules.
  const work = path.join(root, 'build', 'native', `.work-${version}-${platform}-${arch}`);
  fs.rmSync(work, { recursive: true, force: true });
  try {
    fs.mkdirSync(path.join(work, 'node_modules'), { recursive: true });
    fs.writeFileSync(
      path.join(work, 'package.json'),
      JSON.stringify({ name: 'desk-erp-native', private: true, dependencies: { 'better-sqlite3': sqlitePackage.version } }),
    );
    fs.cpSync(source, path.join(work, 'node_modules', 'better-sqlite3'), {
      recursive: true,
      filter: (file) => !file.startsWith(path.join(source, 'build')),
    });
    await rebuild({ buildPath: work, electronVersion: version, arch, platform, onlyModules: ['better-sqlite3'], force: true });
    const built = path.join(work, 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node');
    if (!fs.existsSync(built)) throw new Error(`@electron/rebuild finished but ${built} is missing.`);
    const target = nativeBindingPath(version);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.copyFileSync(built, target);
    console.log(`better-sqlite3 ${sqlitePackage.version} for Electron ${version} (${platform}-${arch}) → ${path.relative(root, target)}`);
    return target;
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

const ARCH_NAMES = ['ia32', 'x64', 'armv7l', 'arm64', 'universal'];

/** electron-builder `beforePack` hook: build for the platform and arch about to be packed. */
export async function beforePack(context) {
  const arch = ARCH_NAMES[context.arch] ?? process.arch;
  if (arch === 'universal') throw new Error('Universal macOS builds need one better_sqlite3.node per arch; pack x64 and arm64 separately.');
  await rebuildNative({ version: context.packager?.info?.framework?.version ?? electronVersion(), arch, platform: context.electronPlatformName });
}

export default beforePack;

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const args = process.argv.slice(2);
  const option = (name) => {
    const i = args.indexOf(`--${name}`);
    return i >= 0 ? args[i + 1] : undefined;
  };
  rebuildNative({
    version: option('electron') ?? electronVersion(),
    arch: option('arch') ?? process.arch,
    platform: option('platform') ?? process.platform,
  }).catch((error) => {
    console.error(`Could not build better-sqlite3 for Electron: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  });
}
