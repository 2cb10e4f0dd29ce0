/**
 * The bench's data: the product's own seeder (`seedDemoData`, every area's seed step) run once per
 * scale into bench/data/, reused while the seeding code stays the same. A migration added since is
 * applied to the cached file, as it is to a user's book when they upgrade: the bench measures books
 * as users have them, and a new index costs a minute of upgrade rather than an hour of reseeding.
 * Each run works on a fresh copy, so every run starts from the same state.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createBackend } from '../src-main/backend/backend';
import { openDatabase } from '../src-main/db/connection';
import { migrate } from '../src-main/db/migrate';
import { seedDemoData, type SeedScale } from '../src-main/seed/seed';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const DATA_DIR = path.join(ROOT, 'bench', 'data');

/**
 * A bench scale is the seeder's scale of the same name; what it holds is whatever the areas' seed
 * steps make at that scale (an area that adds a step, e.g. orders, changes the cache key through
 * its `*.seed.ts`). `describes` is for the report only.
 */
export const BENCH_SCALES = {
  medium: { seedScale: 'medium', describes: '5,000 customers' },
  large: { seedScale: 'large', describes: '50,000 customers' },
} as const satisfies Record<string, { seedScale: SeedScale; describes: string }>;

export type BenchScale = keyof typeof BENCH_SCALES;

export const BENCH_SEED = 7;

/**
 * Every file whose change changes what is seeded: the seeders and the local modules they run. Not the
 * migrations: a new one upgrades the cached file (see `upgraded`); one already applied never changes.
 */
export function seedingSources(): string[] {
  const domain = path.join(ROOT, 'src-main', 'domain');
  const seeders = [
    path.join(ROOT, 'src-main', 'seed', 'seed.ts'),
    ...fs
      .readdirSync(domain, { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .flatMap((d) => fs.readdirSync(path.join(domain, d.name)).filter((f) => f.endsWith('.seed.ts')).map((f) => path.join(domain, d.name, f))),
  ];
  return localImportClosure(seeders).sort();
}

/** The seeders and every module of ours they import at run time (type-only imports change no data). */
function localImportClosure(entries: string[]): string[] {
  const seen = new Set<string>();
  const queue = [...entries];
  while (queue.length) {
    const file = queue.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    const source = fs.readFileSync(file, 'utf8');
    for (const match of source.matchAll(/^import\s+(?!type\b)[^;]*?from\s+'(\.{1,2}\/[^']+)'/gm)) {
      const target = path.resolve(path.dirname(file), match[1]!);
      const resolved = [`${target}.ts`, `${target}.tsx`, path.join(target, 'index.ts')].find((f) => fs.existsSync(f));
      if (resolved) queue.push(resolved);
    }
  }
  return [...seen];
}

export function cacheKey(scale: BenchScale, seed = BENCH_SEED): string {
  const hash = crypto.createHash('sha256');
  hash.update(`scale=${scale} seed=${seed}\n`);
  for (const file of seedingSources()) {
    hash.update(`${path.relative(ROOT, file)}\n`);
    hash.update(fs.readFileSync(file));
  }
  return hash.digest('hex').slice(0, 16);
}

export interface BenchDatabase {
  /** A working copy for this run, deleted by `dispose`. */
  file: string;
  cached: string;
  /** The key the cached file was found or seeded under (the sources may change while a run goes on). */
  cacheKey: string;
  /** The schema the cached file is at: the newest migration, applied to it if it was seeded before. */
  schemaVersion: number;
  /** Whether this run had to seed (and how long that took). */
  seededMs: number | null;
  dispose(): void;
}

/** The seeded file for a scale (seeding it on the first run), copied for this run. */
export async function benchDatabase(scale: BenchScale, seed = BENCH_SEED): Promise<BenchDatabase> {
  fs.mkdirSync(DATA_DIR, { recursive: true });
  const key = cacheKey(scale, seed);
  const cached = path.join(DATA_DIR, `${scale}-seed${seed}-${key}.sqlite`);
  let seededMs: number | null = null;
  if (!fs.existsSync(cached)) {
    const partial = `${cached}.partial`;
    for (const suffix of ['', '-wal', '-shm']) fs.rmSync(partial + suffix, { force: true });
    const started = process.hrtime.bigint();
    const backend = createBackend({ file: partial });
    try {
      await seedDemoData(backend, {
        scale: BENCH_SCALES[scale].seedScale,
        seed,
        onStep: (step, count, ms) => process.stdout.write(`bench: seeded ${step}${count ? ` (${count})` : ''} in ${(ms / 1000).toFixed(1)} s\n`),
      });
    } finally {
      backend.close();
    }
    seededMs = Number(process.hrtime.bigint() - started) / 1e6;
    fs.renameSync(partial, cached);
    // The file seeded under an earlier key goes only now: a seeding stopped half-way keeps it.
    for (const old of fs.readdirSync(DATA_DIR).filter((f) => f.startsWith(`${scale}-seed${seed}-`) && !f.startsWith(path.basename(cached)))) fs.rmSync(path.join(DATA_DIR, old), { force: true });
    // The seed's daily jobs back the fresh book up beside it, as they would a user's: the bench has no use for it.
    fs.rmSync(path.join(DATA_DIR, 'backups'), { recursive: true, force: true });
  }
  const schemaVersion = upgraded(cached);
  const file = path.join(DATA_DIR, `run-${process.pid}-${scale}.sqlite`);
  fs.copyFileSync(cached, file);
  // The copy on disk before anything is timed: gigabytes of it still being written back made each
  // commit's flush wait behind them, as no user's file does.
  const copied = fs.openSync(file, 'r+');
  try {
    fs.fsyncSync(copied);
  } finally {
    fs.closeSync(copied);
  }
  return {
    file,
    cached,
    cacheKey: key,
    schemaVersion,
    seededMs,
    dispose: () => {
      for (const suffix of ['', '-wal', '-shm']) fs.rmSync(file + suffix, { force: true });
    },
  };
}

/**
 * Applies the migrations the cached file does not have yet, each in its own transaction as the
 * product does (without the product's backup copy first: the seeder can always make the file again).
 * Answers the schema version it is then at.
 */
export function upgraded(cached: string): number {
  const conn = openDatabase(cached);
  try {
    const report = migrate(conn.sqlite);
    if (report.applied.length) process.stdout.write(`bench: upgraded ${path.basename(cached)} from schema ${report.from} to ${report.to} (${report.applied.join(', ')})\n`);
    return report.to;
  } finally {
    conn.close(); // its WAL emptied into the file, which is copied next
  }
}
