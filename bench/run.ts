/**
 * `npm run bench [-- --scale medium|large] [--only customers] [--runs 300] [--seed 7]`: seeds (once, cached in
 * bench/data/) the scale's data, runs the suites below on a copy of it and writes bench/README.md
 * and bench/results.json. An area adds its rows by adding one suite to SUITES.
 */
import fs from 'node:fs';
import path from 'node:path';
import { benchCustomers } from './customers.bench';
import { BENCH_SCALES, BENCH_SEED, benchDatabase, type BenchScale } from './dataset';
import { benchHttp } from './http.bench';
import { benchImport } from './imports.bench';
import { benchLists } from './lists.bench';
import { loadPerCore, type BenchContext, type Suite } from './measure';
import { benchPlatform } from './platform.bench';
import { benchReceivables } from './receivables.bench';
import { benchSales } from './sales.bench';
import { openProduct, type Product } from './product';
import { machine, withEarlierSuites, writeReport, type SuiteResult } from './report';

const SUITES: Suite[] = [
  { name: 'platform', run: benchPlatform },
  { name: 'http', run: benchHttp },
  { name: 'customers', run: benchCustomers },
  { name: 'lists', run: benchLists },
  { name: 'sales', run: benchSales },
  { name: 'receivables', run: benchReceivables },
  { name: 'imports', run: benchImport },
];

function flag(name: string): string | undefined {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? process.argv[at + 1] : undefined;
}

const scale = (flag('scale') ?? 'medium') as BenchScale;
if (!(scale in BENCH_SCALES)) throw new Error(`--scale must be one of ${Object.keys(BENCH_SCALES).join(', ')}`);
const only = flag('only')?.split(',');
const runs = Number(flag('runs') ?? 300);
const seed = Number(flag('seed') ?? BENCH_SEED);
if (!Number.isInteger(seed)) throw new Error('--seed must be an integer');

process.stdout.write(`bench: data at scale ${scale} (${BENCH_SCALES[scale].describes})…\n`);
const data = await benchDatabase(scale, seed);
const opened: { product?: Promise<Product> } = {};
const ctx: BenchContext = { scale, runs, product: () => (opened.product ??= openProduct(data.file)) };

const results: SuiteResult[] = [];
try {
  for (const suite of SUITES) {
    if (only && !only.includes(suite.name)) continue;
    process.stdout.write(`bench: ${suite.name}…\n`);
    const before = loadPerCore();
    const measuredAt = new Date().toISOString();
    const started = process.hrtime.bigint();
    const rows = await suite.run(ctx);
    results.push({
      name: suite.name,
      measuredAt,
      load: { before, after: loadPerCore() },
      peakRssMb: process.resourceUsage().maxRSS / 1024,
      seconds: Number(process.hrtime.bigint() - started) / 1e9,
      rows,
    });
  }
} finally {
  if (opened.product) await (await opened.product).close();
}

const sqliteVersion = (await import('better-sqlite3')).default(':memory:').prepare('SELECT sqlite_version()').pluck().get() as string;
const size = ['', '-wal'].reduce((sum, suffix) => sum + (fs.existsSync(data.file + suffix) ? fs.statSync(data.file + suffix).size : 0), 0);
const report = writeReport(
  import.meta.dirname,
  withEarlierSuites(
    import.meta.dirname,
    {
      writtenAt: new Date().toISOString(),
      machine: machine(sqliteVersion),
      scale,
      describes: BENCH_SCALES[scale].describes,
      dataset: { file: path.basename(data.cached), sizeMb: size / 1024 / 1024, cacheKey: `${data.cacheKey}-v${data.schemaVersion}`, seededThisRun: data.seededMs !== null, seedMs: data.seededMs },
      suites: results,
    },
    SUITES.map((s) => s.name),
  ),
);
data.dispose();
process.stdout.write(report);
