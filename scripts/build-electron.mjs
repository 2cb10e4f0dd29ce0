// Bundles the Electron side into dist-electron/ as CommonJS (sandboxed preloads cannot be ESM, and
// Electron's main and worker entries load CJS without a loader).
//   node scripts/build-electron.mjs [--outdir DIR]   (default dist-electron/; tests build into a temp dir)
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outdirFlag = process.argv.indexOf('--outdir');
const outdir = outdirFlag >= 0 && process.argv[outdirFlag + 1] ? path.resolve(process.argv[outdirFlag + 1]) : path.join(root, 'dist-electron');

// src-main/db/migrate.ts and src-main/cli/commands.ts resolve '../../migrations' (resp. '../../dist/renderer')
// from import.meta.url, which CJS lacks. Pretend every bundled module sits two folders below the app root
// (dist-electron/bundle/<file>), so that fallback lands on the same folders; main also sets
// DESK_ERP_MIGRATIONS_DIR, which takes precedence.
const importMetaUrlBanner =
  "const __deskErpImportMetaUrl = require('node:url').pathToFileURL(require('node:path').join(__dirname, 'bundle', require('node:path').basename(__filename))).href;";

const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  // playwright-core lays out PDFs with a Chromium on the machine (the CLI, the headless server,
  // the statement a dunning e-mail attaches); it is loaded when asked for, never bundled.
  external: ['electron', 'better-sqlite3', 'playwright-core'],
  sourcemap: 'linked',
  logLevel: 'warning',
  define: { 'import.meta.url': '__deskErpImportMetaUrl' },
  banner: { js: importMetaUrlBanner },
};

const entries = [
  ['src-main/app/main.ts', 'main.cjs'],
  ['src-main/app/preload.ts', 'preload.cjs'],
  ['src-main/worker/backend-worker.ts', 'backend-worker.cjs'],
  ['src-main/worker/reader-worker.ts', 'reader-worker.cjs'],
  ['src-main/worker/checkpoint-worker.ts', 'checkpoint-worker.cjs'],
];

await Promise.all(
  entries.map(([entry, out]) =>
    build({
      ...common,
      entryPoints: [path.join(root, entry)],
      outfile: path.join(outdir, out),
      // The preload runs in the sandboxed renderer: only 'electron' may be required there, and it
      // has no __dirname worth using.
      ...(out === 'preload.cjs' ? { external: ['electron'], define: {}, banner: {} } : {}),
    }),
  ),
);
console.log(`Built ${entries.map(([, out]) => path.relative(process.cwd(), path.join(outdir, out))).join(', ')}`);
